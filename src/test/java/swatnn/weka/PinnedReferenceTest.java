package swatnn.weka;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
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
 * <p>Tolerance: the text's words, names and layout must match exactly; its numbers (6
 * significant digits at most) agree when {@code |now - pinned| <= 1e-4 |pinned| + 1e-9}, and
 * the predictions when {@code |now - pinned| <= 1e-6 max(1, |pinned|)}. The searches run in
 * float32, and another CPU, BLAS build or JIT may round a few of their steps differently; such
 * a rounding moves a refined weight or an MSE in its last printed digits, while a changed
 * search (another network, another structure, another choice) moves them by far more or
 * changes the text's words.
 *
 * <p>To rewrite the references after an intended change of results, run this test with
 * {@code -Dswatnn.pinned.update=true}: it writes the files and then fails, saying so; commit the
 * files and run it again without the property.
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
      fail("-Dswatnn.pinned.update=true: wrote " + textFile + " and " + predictionFile
          + "; nothing was compared. Review and commit them, then run without the property.");
    }
    String difference = textDifference(read(name + ".txt"), text);
    assertNull(difference, "model text of " + name + ": " + difference + "\nnow:\n" + text);
    List<String> pinned = read(name + "-predictions.txt").lines().toList();
    assertEquals(pinned.size(), predictions.size());
    for (int i = 0; i < pinned.size(); i++) {
      double want = Double.parseDouble(pinned.get(i));
      double got = Double.parseDouble(predictions.get(i));
      assertTrue(Math.abs(want - got) <= PREDICTION_TOLERANCE * Math.max(1, Math.abs(want)),
          name + " prediction " + i + ": pinned " + want + ", now " + got);
    }
  }

  static final double TEXT_RELATIVE = 1e-4;
  static final double TEXT_ABSOLUTE = 1e-9;
  static final double PREDICTION_TOLERANCE = 1e-6;
  /** A number as the model text writes one: 0.353095, -12.0884, 1.06437e-07, 21. */
  private static final Pattern NUMBER = Pattern.compile("\\d+(?:\\.\\d+)?(?:[eE][-+]?\\d+)?");

  /**
   * Where two model texts differ beyond the tolerance: the first line whose words differ or
   * that holds a number off by more than {@code 1e-4 |pinned| + 1e-9}; null if they agree.
   */
  static String textDifference(String pinned, String now) {
    List<String> a = pinned.stripTrailing().lines().toList();
    List<String> b = now.stripTrailing().lines().toList();
    for (int i = 0; i < Math.max(a.size(), b.size()); i++) {
      if (i >= a.size() || i >= b.size()) {
        return "line " + (i + 1) + " is only in the " + (i >= a.size() ? "new" : "pinned")
            + " text";
      }
      List<Double> x = new ArrayList<>();
      List<Double> y = new ArrayList<>();
      String wordsA = words(a.get(i), x);
      String wordsB = words(b.get(i), y);
      String at = "line " + (i + 1) + ", pinned \"" + a.get(i) + "\", now \"" + b.get(i) + "\"";
      if (!wordsA.equals(wordsB)) {
        return at;
      }
      for (int k = 0; k < x.size(); k++) {
        if (!(Math.abs(x.get(k) - y.get(k)) <= TEXT_RELATIVE * Math.abs(x.get(k))
            + TEXT_ABSOLUTE)) {
          return at + ": " + y.get(k) + " against " + x.get(k);
        }
      }
    }
    return null;
  }

  /** The line with each number replaced by '#'; the numbers are added to {@code numbers}. */
  private static String words(String line, List<Double> numbers) {
    Matcher m = NUMBER.matcher(line);
    StringBuilder sb = new StringBuilder();
    while (m.find()) {
      numbers.add(Double.parseDouble(m.group()));
      m.appendReplacement(sb, "#");
    }
    m.appendTail(sb);
    // a column's width follows its widest number: compare the words, not the padding
    return sb.toString().replaceAll(" +", " ");
  }

  /** The comparison itself: it passes rounding and fails a changed number or word. */
  @Test
  void textComparisonToleratesRoundingOnlyAndComparesTheWords() {
    String pinned = "h1.1 = sigmoid(-0.692199 x1 + 0.207801 x2 + 0.854261)\n"
        + "  mean        0.239477     1.06437e-07        21\n";
    assertNull(textDifference(pinned, pinned));
    assertNull(textDifference(pinned, pinned.replace("0.692199", "0.692201")
        .replace("1.06437e-07", "1.06438e-07")), "last-digit roundings");
    assertNull(textDifference(pinned, pinned.replace("     1.06437e-07", "  1.06437e-07")),
        "column padding");
    assertTrue(textDifference(pinned, pinned.replace("0.692199", "0.69")).contains("line 1"),
        "a weight moved by 3e-3");
    assertTrue(textDifference(pinned, pinned.replace("sigmoid", "tanh")) != null, "activation");
    assertTrue(textDifference(pinned, pinned.replace("+ 0.854261", "- 0.854261")) != null,
        "sign");
    assertTrue(textDifference(pinned, pinned.replace("h1.1", "h1.2")) != null, "neuron");
    assertTrue(textDifference(pinned, pinned.replace(" 21", " 22")) != null, "non-zero count");
    assertTrue(textDifference(pinned, pinned + "extra\n").contains("only in the new"));
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
    // prose joined again first: where a line breaks depends on its numbers' digits and on the
    // model file's path (the Autoencoder line), which differ within the tolerance or by machine
    for (String line : ModelTextTest.unwrapped(text).split("\n", -1)) {
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
