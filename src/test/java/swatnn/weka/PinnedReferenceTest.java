package swatnn.weka;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import swatnn.TinyAutoencoder;
import weka.classifiers.AbstractClassifier;
import weka.classifiers.functions.DartsAdmmRegressor;
import weka.classifiers.functions.SWATNNRegressor;
import weka.core.Instances;

/**
 * One seeded reference build per regressor, pinned in {@code src/test/resources/swatnn/weka}:
 * the model text without its timing and machine-dependent lines, and the test predictions. A
 * change of the searches' results (a refactor that was meant to change nothing) fails here.
 *
 * <p>To rewrite the references after an intended change of results, run this test with
 * {@code -Dswatnn.pinned.update=true} and commit the files it writes.
 */
class PinnedReferenceTest {
  private static final Path DIR = Paths.get("src", "test", "resources", "swatnn", "weka");

  @TempDir static Path tmp;

  /** With the SameDiff search step (what runs on CUDA, and the CPU default before the fused). */
  @Test
  void swatnnRegressorGivesItsPinnedModelAndPredictions() throws Exception {
    withSearchStep("samediff", () -> check("pinned-swatnn", swatnn("samediff")));
  }

  /** With the fused search step, the CPU default: the same search, rounded differently. */
  @Test
  void swatnnRegressorWithTheFusedStepGivesItsPinnedModelAndPredictions() throws Exception {
    withSearchStep("fused", () -> check("pinned-swatnn-fused", swatnn("fused")));
  }

  private static SWATNNRegressor swatnn(String dir) throws Exception {
    Path model = TinyAutoencoder.train(Files.createDirectories(tmp.resolve(dir)).resolve("tiny.zip"), 3);
    SWATNNRegressor c = new SWATNNRegressor();
    c.setOptions(new String[] {"-steps", "40", "-anneal", "10", "-restarts", "2", "-layers",
        "1,2", "-model", model.toString(), "-S", "5"});
    return c;
  }

  private interface Check {
    void run() throws Exception;
  }

  private static void withSearchStep(String kind, Check check) throws Exception {
    String key = swatnn.search.SearchStep.PROPERTY;
    String before = System.getProperty(key);
    System.setProperty(key, kind);
    try {
      check.run();
    } finally {
      if (before == null) {
        System.clearProperty(key);
      } else {
        System.setProperty(key, before);
      }
    }
  }

  @Test
  void dartsAdmmRegressorGivesItsPinnedModelAndPredictions() throws Exception {
    DartsAdmmRegressor c = new DartsAdmmRegressor();
    c.setOptions(new String[] {"-epochs", "2", "-mini-batch", "64", "-train-steps", "50",
        "-admm-rounds", "1", "-admm-steps", "20", "-retrain-steps", "20", "-layers", "1,2",
        "-S", "5"});
    check("pinned-darts", c);
  }

  private static void check(String name, AbstractClassifier c) throws Exception {
    Instances train = SparseNetworkRegressorContract.quadratic(150, 21);
    Instances test = SparseNetworkRegressorContract.quadratic(40, 22);
    c.buildClassifier(train);
    String text = stable(c.toString());
    List<String> predictions = new ArrayList<>();
    for (int i = 0; i < test.numInstances(); i++) {
      predictions.add(String.format(Locale.ROOT, "%.17g", c.classifyInstance(test.instance(i))));
    }
    Path textFile = DIR.resolve(name + ".txt");
    Path predictionFile = DIR.resolve(name + "-predictions.txt");
    if (Boolean.getBoolean("swatnn.pinned.update")) {
      Files.writeString(textFile, text);
      Files.write(predictionFile, predictions);
    }
    assertEquals(read(name + ".txt").stripTrailing(), text.stripTrailing(), "model text of " + name);
    List<String> pinned = read(name + "-predictions.txt").lines().toList();
    assertEquals(pinned.size(), predictions.size());
    for (int i = 0; i < pinned.size(); i++) {
      double want = Double.parseDouble(pinned.get(i));
      double got = Double.parseDouble(predictions.get(i));
      assertTrue(Math.abs(want - got) <= 1e-9 * Math.max(1, Math.abs(want)),
          name + " prediction " + i + ": pinned " + want + ", now " + got);
    }
  }

  private static String read(String file) throws Exception {
    Path path = DIR.resolve(file);
    assertTrue(Files.isRegularFile(path), "no pinned reference " + path + " (see the class comment)");
    return Files.readString(path, StandardCharsets.UTF_8);
  }

  /**
   * The model text without what depends on the machine, the time or the build: the timing (the
   * search time line and the configurations table's seconds column), the model file's path and
   * the ND4J backend, and the provenance lines.
   */
  static String stable(String text) {
    StringBuilder sb = new StringBuilder();
    for (String line : text.split("\n", -1)) {
      if (line.startsWith("Search time:") || line.startsWith("Search and selection time:")
          || line.startsWith("Search ran on:")
          || line.startsWith("Autoencoder:") || line.startsWith("Provenance:")
          || line.startsWith("  package ") || line.startsWith("  autoencoder ")
          || line.startsWith("  options ")) {
        continue;
      }
      sb.append(line.replaceAll("^([* ] .*\\S)\\s+\\d+\\.\\d$", "$1")
          .replaceAll("seconds: [^)]*\\)", "seconds: ...)")).append('\n');
    }
    return sb.toString();
  }
}
