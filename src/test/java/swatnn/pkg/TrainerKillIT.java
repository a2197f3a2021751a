package swatnn.pkg;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import swatnn.autoencoder.ModelFile;

/**
 * The trainer as a user runs it (a separate JVM), killed with SIGKILL at random moments while it
 * checkpoints every fraction of a second: every time, the model file on disk is either absent
 * (no checkpoint yet) or complete and valid, and --resume carries on from it.
 */
class TrainerKillIT {
  @TempDir Path dir;

  private Process start(Path model, boolean resume) throws Exception {
    List<String> cmd = new ArrayList<>(List.of(
        Paths.get(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx512m",
        "-cp", "target/classes" + File.pathSeparator + Files.readString(Paths.get("target", "classpath.txt")).trim(),
        "swatnn.cli.Main", "train-autoencoder", "--out", model.toString(), "--minutes", "5",
        "--checkpoint-minutes", "0.004", "--held-out", "64"));
    if (resume) {
      cmd.add("--resume");
    } else {
      cmd.addAll(List.of("--d-model", "16", "--heads", "2", "--encoder-blocks", "1",
          "--decoder-blocks", "1", "--batch", "8", "--points", "16", "--inputs", "1-3"));
    }
    ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true)
        .redirectOutput(dir.resolve("train.log").toFile());
    pb.environment().put("OMP_NUM_THREADS", "1");
    return pb.start();
  }

  @Test
  void sigkillLeavesALoadableCheckpointAndResumeContinues() throws Exception {
    Path model = dir.resolve("m.zip");
    Random random = new Random(42);
    long lastStep = -1;
    int checked = 0;
    for (int round = 0; round < 5; round++) {
      Process p = start(model, Files.exists(model));
      Thread.sleep(4000 + random.nextInt(3000));
      p.destroyForcibly(); // SIGKILL
      assertTrue(p.waitFor(30, TimeUnit.SECONDS));
      if (!Files.exists(model)) {
        continue; // killed before its first checkpoint
      }
      ModelFile.Loaded loaded = ModelFile.read(model, true); // throws if incomplete or corrupt
      long step = loaded.optimizer().step();
      assertTrue(step >= lastStep, "checkpoints only move forward: " + lastStep + " -> " + step);
      assertEquals(step, loaded.manifest().trainingSteps());
      lastStep = step;
      checked++;
    }
    assertTrue(checked >= 3, "too few rounds reached a checkpoint: " + checked + "\n"
        + Files.readString(dir.resolve("train.log")));
    assertTrue(lastStep > 0);
  }
}
