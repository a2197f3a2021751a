package swatnn;

import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Path;
import swatnn.autoencoder.AutoencoderConfig;
import swatnn.autoencoder.AutoencoderTrainer;
import swatnn.autoencoder.TrainerSettings;
import swatnn.mlp.MlpLayout;

/**
 * The tests' autoencoder: d = 16, one block per stack, two inputs, trained for a few steps on a
 * fixed seed. Useless as a latent space, but a valid model file that searches run on quickly.
 */
public final class TinyAutoencoder {
  private TinyAutoencoder() {}

  /** Trains it for {@code steps} steps into {@code file}, quietly; returns {@code file}. */
  public static Path train(Path file, int steps) throws Exception {
    AutoencoderTrainer.start(new AutoencoderConfig(MlpLayout.DEFAULT, 1, 2, 16, 2, 1, 1, 2),
        new TrainerSettings(16, 32, 3e-3, 10, 1.0, 0.1, 11, 5, 1.0, 30), file)
        .heldOutSize(64).checkpointEvery(1e9)
        .progressTo(new PrintStream(OutputStream.nullOutputStream())).train(steps, 0);
    return file;
  }
}
