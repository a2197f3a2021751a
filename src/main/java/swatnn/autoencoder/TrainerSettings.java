package swatnn.autoencoder;

import java.io.Serializable;

/**
 * How an autoencoder is trained.
 *
 * @param batch random MLPs per step
 * @param points input points per MLP
 * @param learningRate Adam's peak learning rate
 * @param warmupSteps linear warm-up steps
 * @param clipNorm global gradient-norm clip (0: none)
 * @param allDecoderWeight weight of the mean over decoders added to the minimum over decoders
 * @param dataSeed seed of the random-MLP stream (the held-out set uses a derived seed)
 * @param initSeed seed of the weight initialisation
 */
public record TrainerSettings(int batch, int points, double learningRate, int warmupSteps,
    double clipNorm, double allDecoderWeight, long dataSeed, long initSeed) implements Serializable {

  public TrainerSettings {
    if (batch < 1 || points < 2) {
      throw new IllegalArgumentException("batch must be >= 1 and points >= 2");
    }
    if (!(learningRate > 0) || warmupSteps < 0 || clipNorm < 0 || allDecoderWeight < 0) {
      throw new IllegalArgumentException("learning rate must be > 0; warm-up, clip and decoder weight >= 0");
    }
  }
}
