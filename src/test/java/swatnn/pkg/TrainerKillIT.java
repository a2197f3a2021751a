package swatnn.pkg;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import swatnn.autoencoder.ModelFile;

/**
 * The trainer as a user runs it (a separate JVM), killed with SIGKILL while it checkpoints every
 * fraction of a second: every time, the model file on disk is complete and valid, at least as
 * far as the last checkpoint the trainer reported, and --resume carries on from it.
 *
 * <p>Each round waits for a condition, not for a number of seconds: the trainer's log must show
 * between one and three checkpoints of this round (chosen at random), and the kill follows
 * after a random pause of up to half a second, so that it may land in the middle of the next
 * checkpoint's write. A slow machine only makes the rounds longer; a round that reaches no
 * checkpoint within {@link #CHECKPOINT_WAIT_SECONDS} fails with the trainer's output.
 */
class TrainerKillIT {
  static final int ROUNDS = 5;
  static final long CHECKPOINT_WAIT_SECONDS = 240;
  /** "checkpoint step 123 (4 s): ..." as the trainer prints it after each checkpoint's write. */
  static final Pattern CHECKPOINT = Pattern.compile("(?m)^checkpoint step (\\d+) ");

  @TempDir Path dir;

  private Process start(Path model, boolean resume, Path log) throws Exception {
    List<String> cmd = new ArrayList<>(List.of(
        Paths.get(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx512m",
        "-cp", "target/classes" + File.pathSeparator + Files.readString(Paths.get("target", "classpath.txt")).trim(),
        "swatnn.cli.Main", "train-autoencoder", "--out", model.toString(), "--minutes", "30",
        "--checkpoint-minutes", "0.004", "--held-out", "64"));
    if (resume) {
      cmd.add("--resume");
    } else {
      cmd.addAll(List.of("--d-model", "16", "--heads", "2", "--encoder-blocks", "1",
          "--decoder-blocks", "1", "--batch", "8", "--points", "16", "--inputs", "1-3"));
    }
    ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true)
        .redirectOutput(log.toFile());
    pb.environment().put("OMP_NUM_THREADS", "1");
    return pb.start();
  }

  /** The steps of the checkpoints reported in the log so far, in order. */
  private static List<Long> checkpoints(Path log) throws Exception {
    List<Long> steps = new ArrayList<>();
    Matcher m = CHECKPOINT.matcher(Files.readString(log, StandardCharsets.UTF_8));
    while (m.find()) {
      steps.add(Long.parseLong(m.group(1)));
    }
    return steps;
  }

  @Test
  @Timeout(value = 30, unit = TimeUnit.MINUTES) // a safety net above the per-round limits
  void sigkillLeavesALoadableCheckpointAndResumeContinues() throws Exception {
    Path model = dir.resolve("m.zip");
    Random random = new Random(42);
    long lastStep = -1;
    int checked = 0;
    StringBuilder logs = new StringBuilder();
    for (int round = 0; round < ROUNDS; round++) {
      Path log = dir.resolve("train-" + round + ".log");
      Process p = start(model, Files.exists(model), log);
      int wanted = 1 + random.nextInt(3);
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(CHECKPOINT_WAIT_SECONDS);
      List<Long> reported = checkpoints(log);
      try {
        while (reported.size() < wanted) {
          if (!p.isAlive()) {
            fail("round " + round + ": the trainer exited (" + p.exitValue() + ") before its "
                + "checkpoint " + wanted + ":\n" + Files.readString(log));
          }
          if (System.nanoTime() > deadline) {
            fail("round " + round + ": no checkpoint " + wanted + " within "
                + CHECKPOINT_WAIT_SECONDS + " s:\n" + Files.readString(log));
          }
          Thread.sleep(50);
          reported = checkpoints(log);
        }
        Thread.sleep(random.nextInt(500)); // a random moment, perhaps within the next write
      } finally {
        p.destroyForcibly(); // SIGKILL
        assertTrue(p.waitFor(60, TimeUnit.SECONDS), "the killed trainer is gone");
      }
      reported = checkpoints(log); // the log up to the kill
      long lastReported = reported.get(reported.size() - 1);
      logs.append("round ").append(round).append(": checkpoints ").append(reported).append('\n');
      assertTrue(Files.exists(model), "round " + round + " reported " + reported
          + " but there is no model file");
      ModelFile.Loaded loaded = ModelFile.read(model, true); // throws if incomplete or corrupt
      long step = loaded.optimizer().step();
      assertTrue(step >= lastReported, "round " + round + ": the file is at step " + step
          + ", behind the reported checkpoint " + lastReported + "\n" + logs);
      assertTrue(step > lastStep, "checkpoints only move forward: " + lastStep + " -> " + step
          + "\n" + logs);
      assertEquals(step, loaded.manifest().trainingSteps());
      if (round > 0) {
        assertTrue(Files.readString(log).contains("resuming " + model + " at step " + lastStep),
            "round " + round + " resumed from the checkpoint of the round before:\n"
                + Files.readString(log));
      }
      lastStep = step;
      checked++;
    }
    assertTrue(checked >= 3, "too few rounds reached a checkpoint: " + checked + "\n" + logs);
    assertTrue(lastStep > 0);
  }
}
