package swatnn.weka;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import weka.classifiers.CheckClassifier;
import weka.core.CheckOptionHandler;
import weka.core.Utils;
import weka.core.CheckGOE;

/**
 * Weka's own test harness on both regressors, with short searches: CheckClassifier (numeric
 * class), CheckOptionHandler and CheckGOE. Any check that fails without Weka's "OK error
 * message", and any "worse than ZeroR", fails the test.
 */
class WekaHarnessTest {
  private static final String SWATNN = "weka.classifiers.functions.SWATNNRegressor";
  private static final String DARTS = "weka.classifiers.functions.DartsAdmmRegressor";

  private static String[] shortOptions(String classifier) {
    return classifier.equals(SWATNN)
        ? new String[] {"-steps", "30", "-anneal", "10", "-restarts", "2", "-layers", "1,2"}
        : new String[] {"-epochs", "2", "-train-steps", "20", "-admm-rounds", "1",
            "-admm-steps", "10", "-retrain-steps", "10", "-layers", "1,2"};
  }

  /** Runs {@code check} with System.out captured and returns what it printed. */
  private static String captured(Runnable check) {
    PrintStream old = System.out;
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    System.setOut(new PrintStream(bytes, true, StandardCharsets.UTF_8));
    try {
      check.run();
    } finally {
      System.setOut(old);
    }
    return bytes.toString(StandardCharsets.UTF_8);
  }

  /** The lines reporting a failure: "...no" without an OK message, or a warning. */
  private static List<String> failures(String output, String after) {
    List<String> bad = new ArrayList<>();
    boolean started = after == null;
    for (String line : output.split("\\R")) {
      started |= after != null && line.contains(after);
      if (started && (line.trim().endsWith("...no") || line.contains("no (Unexpected")
          || line.toLowerCase(java.util.Locale.ROOT).contains("worse than zeror"))) {
        bad.add(line.trim());
      }
    }
    return bad;
  }

  @ParameterizedTest
  @ValueSource(strings = {SWATNN, DARTS})
  void checkClassifierFindsNothingUnexpected(String classifier) throws Exception {
    CheckClassifier check = new CheckClassifier();
    check.setClassifier((weka.classifiers.Classifier) Utils.forName(
        weka.classifiers.Classifier.class, classifier, shortOptions(classifier)));
    String out = captured(check::doTests);
    assertTrue(out.contains("weighted instances classifier...")
        && out.contains("basic predict (numeric class, numeric predictors)...yes"), out);
    if (classifier.equals(SWATNN)) {
      assertTrue(out.contains("weighted instances classifier...yes"), out);
    }
    List<String> bad = failures(out, "--> Classifier tests");
    assertTrue(bad.isEmpty(), String.join("\n", bad) + "\n\n" + out);
  }

  /**
   * With 10 numeric attributes (and CheckClassifier's nominal and date ones) the data has more
   * inputs than the bundled model's 7, so the inputs are ranked: on weighted data too.
   */
  @Test
  void checkClassifierWithTenNumericAttributesUsesTheWeights() throws Exception {
    CheckClassifier check = new CheckClassifier();
    check.setNumNumeric(10);
    check.setClassifier((weka.classifiers.Classifier) Utils.forName(
        weka.classifiers.Classifier.class, SWATNN, shortOptions(SWATNN)));
    String out = captured(check::doTests);
    assertTrue(out.contains("classifier uses instance weights (numeric class, numeric & "
        + "nominal & date predictors)...yes"), out);
    List<String> bad = failures(out, "--> Classifier tests");
    assertTrue(bad.isEmpty(), String.join("\n", bad) + "\n\n" + out);
  }

  @ParameterizedTest
  @ValueSource(strings = {SWATNN, DARTS})
  void checkOptionHandlerPasses(String classifier) throws Exception {
    CheckOptionHandler check = new CheckOptionHandler();
    check.setOptionHandler((weka.core.OptionHandler) Utils.forName(
        weka.classifiers.Classifier.class, classifier, new String[0]));
    check.setUserOptions(shortOptions(classifier));
    String out = captured(check::doTests);
    List<String> bad = failures(out, null);
    assertTrue(bad.isEmpty() && out.contains("...yes"), String.join("\n", bad) + "\n\n" + out);
  }

  @ParameterizedTest
  @ValueSource(strings = {SWATNN, DARTS})
  void checkGoePasses(String classifier) throws Exception {
    CheckGOE check = new CheckGOE();
    check.setObject(Utils.forName(Object.class, classifier, new String[0]));
    String out = captured(check::doTests);
    List<String> bad = failures(out, null);
    assertTrue(bad.isEmpty() && out.contains("...yes"), String.join("\n", bad) + "\n\n" + out);
  }
}
