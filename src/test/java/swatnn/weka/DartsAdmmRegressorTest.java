package swatnn.weka;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import weka.classifiers.functions.DartsAdmmRegressor;
import weka.core.Instance;

/** The Weka facade of the DARTS + ADMM baseline, with a few seconds of search per build. */
class DartsAdmmRegressorTest extends SparseNetworkRegressorContract<DartsAdmmRegressor> {
  static final String[] SHORT = {"-epochs", "3", "-mini-batch", "64", "-train-steps", "200",
      "-admm-rounds", "2", "-admm-steps", "50", "-retrain-steps", "50", "-layers", "1,2"};

  static DartsAdmmRegressor built;

  @BeforeAll
  static void buildOnce() throws Exception {
    built = search(1);
    built.buildClassifier(QUADRATIC);
  }

  private static DartsAdmmRegressor search(int seed) throws Exception {
    DartsAdmmRegressor c = new DartsAdmmRegressor();
    List<String> o = new ArrayList<>(List.of(SHORT));
    Collections.addAll(o, "-S", Integer.toString(seed));
    c.setOptions(o.toArray(new String[0]));
    return c;
  }

  @Override
  DartsAdmmRegressor shortSearch(int seed) throws Exception {
    return search(seed);
  }

  @Override
  DartsAdmmRegressor built() {
    return built;
  }

  @Override
  void shorten(DartsAdmmRegressor c) {
    c.setLayers("1");
  }

  @Override
  void makeEndless(DartsAdmmRegressor c) {
    c.setEpochs(1_000_000);
  }

  @Override
  int maxInputs() {
    return 7;
  }

  @Override
  String lastProgress() {
    // 3 epochs of 3 bilevel steps (150 weight rows of all 300, cross-validated; batches of
    // 64), 200 training, 2 x 50 ADMM
    return "step 309/309";
  }

  @Override
  String[] everyOption() {
    return new String[] {"-epochs", "7", "-mini-batch", "32", "-lr", "0.02", "-arch-lr", "0.001",
        "-gate-penalty", "0.005", "-arch-split", "0.3", "-layers", "3, 1", "-train-steps", "10",
        "-admm-rounds", "4", "-admm-steps", "20", "-rho", "1.5", "-threshold", "0.05",
        "-retrain-steps", "0", "-refine", "adam", "-tol", "0.1", "-val", "0.25", "-S", "17", "-output-debug-info",
        "-num-decimal-places", "3"};
  }

  @Test
  void everyOptionReachesItsProperty() throws Exception {
    DartsAdmmRegressor b = new DartsAdmmRegressor();
    b.setOptions(everyOption());
    assertEquals(7, b.getEpochs());
    assertEquals(32, b.getMiniBatchSize());
    assertEquals(0.02, b.getLearningRate());
    assertEquals(0.001, b.getArchitectureLearningRate());
    assertEquals(0.005, b.getGatePenalty());
    assertEquals(0.3, b.getArchitectureFraction());
    assertEquals("1,3", b.getLayers());
    assertEquals(10, b.getTrainSteps());
    assertEquals(4, b.getAdmmRounds());
    assertEquals(20, b.getAdmmSteps());
    assertEquals(1.5, b.getRho());
    assertEquals(0.05, b.getThreshold());
    assertEquals(0, b.getRetrainSteps());
    assertEquals("adam", b.getRefine().getSelectedTag().getIDStr());
    assertEquals("lm", new DartsAdmmRegressor().getRefine().getSelectedTag().getIDStr());
    assertEquals(0.1, b.getTolerance());
    assertEquals(0.25, b.getValidationFraction());
    assertEquals(17, b.getSeed());
    assertTrue(b.getDebug());
    Exception bad = assertThrows(Exception.class,
        () -> new DartsAdmmRegressor().setOptions(new String[] {"-rho", "0"}));
    assertTrue(bad.getMessage().contains("rho"), bad.getMessage());
    bad = assertThrows(Exception.class,
        () -> new DartsAdmmRegressor().setOptions(new String[] {"-layers", "5"}));
    assertTrue(bad.getMessage().contains("1..4"), bad.getMessage());
    bad = assertThrows(Exception.class,
        () -> new DartsAdmmRegressor().setOptions(new String[] {"-epochs", "many"}));
    assertTrue(bad.getMessage().contains("-epochs needs an integer"), bad.getMessage());
  }

  @Test
  void globalInfoCitesDartsAndAdmm() {
    String info = new DartsAdmmRegressor().globalInfo();
    assertTrue(info.contains("DARTS: Differentiable Architecture Search")
        && info.contains("Alternating Direction Method of Multipliers"), info);
  }

  @Test
  void builtModelFitsDescribesAndMeasures() throws Exception {
    double sum = 0;
    double sq = 0;
    double err = 0;
    for (Instance i : QUADRATIC) {
      double p = built.classifyInstance(i);
      assertTrue(Double.isFinite(p));
      sum += i.classValue();
      sq += i.classValue() * i.classValue();
      err += (p - i.classValue()) * (p - i.classValue());
    }
    int n = QUADRATIC.numInstances();
    double variance = sq / n - (sum / n) * (sum / n);
    assertTrue(err / n < 0.05 * variance, "MSE " + err / n + ", variance " + variance);
    String text = ModelTextTest.unwrapped(built.toString());
    String count = "Non-zero count: " + (int) built.getMeasure("measureNonZeroCount");
    assertTrue(text.contains(count + "\n") || text.contains(count + " (of the "), text);
    assertTrue(text.contains("validation MSE") && text.contains("* "), text);
    assertTrue(text.contains("300 searched on (150 for the weights and 150 for the "
        + "architecture in the bilevel search), candidates scored by 5-fold "
        + "cross-validation"), text);
    for (String m : Collections.list(built.enumerateMeasures())) {
      assertTrue(Double.isFinite(built.getMeasure(m)), m);
    }
    double hidden = built.getMeasure("measureHiddenLayers");
    assertTrue(hidden == 1 || hidden == 2, "hidden layers " + hidden);
    assertTrue(built.getMeasure("measureNonZeroWeights") < built.getMeasure("measureNonZeroCount"));
    assertEquals("DartsAdmmRegressor: no model built yet.", new DartsAdmmRegressor().toString());
    assertTrue(Double.isNaN(new DartsAdmmRegressor().getMeasure("measureNonZeroCount")));
    assertThrows(IllegalArgumentException.class, () -> built.getMeasure("measureNothing"));
  }

  /** A classifier saved before models recorded their version (a DartsAdmmRegressor). */
  @Test
  void aClassifierSavedBeforeVersionsWereRecordedIsRefused() {
    Exception e = assertThrows(java.io.InvalidClassException.class,
        () -> weka.core.SerializationHelper.read(
            "src/test/resources/swatnn/weka/darts-before-fitted-network.model"));
    assertTrue(e.getMessage().contains("saved by an earlier swatnn")
        && e.getMessage().contains("this is swatnn " + FittedNetwork.PACKAGE_VERSION),
        e.getMessage());
  }
}
