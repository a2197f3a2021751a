package swatnn.weka;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import swatnn.TinyAutoencoder;
import swatnn.search.SearchSettings;
import weka.classifiers.functions.SWATNNRegressor;
import weka.core.DenseInstance;
import weka.core.Instance;
import weka.core.Instances;

/** The Weka facade on a tiny autoencoder (inputs 1-2, d = 16) trained for 3 steps. */
class SWATNNRegressorTest extends SparseNetworkRegressorContract<SWATNNRegressor> {
  static final String[] SHORT =
      {"-steps", "60", "-anneal", "20", "-restarts", "2", "-layers", "1,2"};

  @TempDir static Path dir;
  static String model;
  static SWATNNRegressor built;

  @BeforeAll
  static void tinyModelAndShortSearch() throws Exception {
    Path file = dir.resolve("tiny.zip");
    TinyAutoencoder.train(file, 3);
    model = file.toString();
    built = search(1);
    built.buildClassifier(QUADRATIC);
  }

  private static SWATNNRegressor search(int seed) throws Exception {
    SWATNNRegressor c = new SWATNNRegressor();
    List<String> o = new ArrayList<>(List.of(SHORT));
    Collections.addAll(o, "-model", model, "-S", Integer.toString(seed));
    c.setOptions(o.toArray(new String[0]));
    return c;
  }

  @Override
  SWATNNRegressor shortSearch(int seed) throws Exception {
    return search(seed);
  }

  @Override
  SWATNNRegressor built() {
    return built;
  }

  @Override
  void shorten(SWATNNRegressor c) {
    c.setSteps(20);
    c.setAnnealSteps(5);
  }

  @Override
  void makeEndless(SWATNNRegressor c) {
    c.setSteps(1_000_000);
  }

  @Override
  int maxInputs() {
    return 2; // the tiny model's
  }

  @Override
  String lastProgress() {
    return "step 20/20";
  }

  @Override
  String[] everyOption() {
    return new String[] {"-steps", "123", "-anneal", "45", "-restarts", "3", "-layers", "3, 1",
        "-lr", "0.05", "-lambda-s", "2.5E-4", "-mu-1", "0.2", "-mu-c", "0.03", "-alpha", "0.5",
        "-beta", "0.002", "-tol", "0.1", "-tol-floor", "0.001", "-val", "0.25", "-points", "64",
        "-refine", "adam", "-num-slots", "3",
        "-init", "encode", "-model", "swatnn-2in", "-patience", "40", "-race", "9",
        "-race-score", "refined", "-local-search", "-local-search-gate", "0.05",
        "-no-final-prune", "-S", "17",
        "-output-debug-info",
        "-num-decimal-places", "3"};
  }

  @Test
  void everyOptionReachesItsProperty() throws Exception {
    SWATNNRegressor b = new SWATNNRegressor();
    b.setOptions(everyOption());
    assertEquals(123, b.getSteps());
    assertEquals(45, b.getAnnealSteps());
    assertEquals(3, b.getRestarts());
    assertEquals(9, b.getRace());
    assertEquals("refined", b.getRaceScore().getSelectedTag().getIDStr());
    assertTrue(b.getLocalSearch());
    assertEquals(0.05, b.getLocalSearchGate());
    assertEquals(SearchSettings.DEFAULT_LOCAL_SEARCH_GATE,
        new SWATNNRegressor().getLocalSearchGate());
    assertTrue(b.getNoFinalPrune());
    assertFalse(new SWATNNRegressor().getNoFinalPrune(), "the final pruning is on by default");
    assertEquals("1,3", b.getLayers());
    assertEquals(0.05, b.getLearningRate());
    assertEquals(2.5e-4, b.getLambdaS());
    assertEquals(0.2, b.getMu1());
    assertEquals(0.03, b.getMuC());
    assertEquals(0.5, b.getAlpha());
    assertEquals(0.002, b.getBeta());
    assertEquals(0.1, b.getTolerance());
    assertEquals(0.001, b.getToleranceFloor());
    assertEquals(0.25, b.getValidationFraction());
    assertEquals(64, b.getPointsPerStep());
    assertEquals("swatnn-2in", b.getModel());
    assertEquals("adam", b.getRefine().getSelectedTag().getIDStr());
    assertEquals(3, b.getNumSlots());
    assertEquals("encode", b.getInit().getSelectedTag().getIDStr());
    assertEquals(40, b.getPatience());
    assertEquals(17, b.getSeed());
    assertTrue(b.getDebug());
    b.setOptions(new String[] {"-polish"});
    assertEquals("adam", b.getRefine().getSelectedTag().getIDStr(), "-polish is -refine adam");
    String[] withOthers = {"-steps", "80", "-polish", "-anneal", "30"};
    b.setOptions(withOthers);
    assertEquals(80, b.getSteps());
    assertEquals("adam", b.getRefine().getSelectedTag().getIDStr());
    weka.core.Utils.checkForRemainingOptions(withOthers); // every option read, as Weka checks
    assertEquals("lm", new SWATNNRegressor().getRefine().getSelectedTag().getIDStr());
    assertEquals("-refine adam", String.join(" ", b.getOptions()).replaceAll(".*(-refine \\w+).*", "$1"));
    Exception bad = assertThrows(Exception.class,
        () -> new SWATNNRegressor().setOptions(new String[] {"-restarts", "0"}));
    assertTrue(bad.getMessage().contains("restarts"), bad.getMessage());
  }

  @Test
  void anUnknownInputEvaluatorIsRefusedNamingTheOption() {
    Exception e = assertThrows(Exception.class, () -> new SWATNNRegressor().setOptions(
        new String[] {"-input-evaluator", "weka.attributeSelection.NoSuch"}));
    assertEquals("SWATNNRegressor: option -input-evaluator cannot make "
        + "'weka.attributeSelection.NoSuch': no such class; expected the name of a class of "
        + "type ASEvaluation, then its options", e.getMessage());
  }

  @Test
  void builtModelPredictsDescribesAndMeasures() throws Exception {
    // y = x1^2 + 0.5 x2 on fresh rows: a line leaves some 40% of the variance, the mean all
    Instances fresh = quadratic(2000, 9);
    double heldOut = mse(built, fresh);
    double mean = meanMse(QUADRATIC, fresh);
    assertTrue(heldOut < 0.05 * mean, "held-out MSE " + heldOut + ", the mean's " + mean + "\n"
        + built);
    String text = built.toString();
    String count = "Non-zero count: " + (int) built.getMeasure("measureNonZeroCount");
    assertTrue(text.contains(count + "\n") || text.contains(count + " (of the "), text);
    assertTrue(text.contains("validation MSE") && text.contains("* "), text);
    // the class is named y: the network's output gets a symbol of its own
    assertTrue(text.contains("Output: y = ") && text.contains(" * (y_net + 1) / 2 ")
        && text.contains("\ny_net = "), text);
    for (String m : Collections.list(built.enumerateMeasures())) {
      assertTrue(Double.isFinite(built.getMeasure(m)), m);
    }
    double hidden = built.getMeasure("measureHiddenLayers");
    assertTrue(hidden == 1 || hidden == 2, "hidden layers " + hidden);
    assertEquals("SWATNNRegressor: no model built yet.", new SWATNNRegressor().toString());
    String sha = swatnn.autoencoder.ModelFile.readManifest(Path.of(model)).weightsSha256();
    assertEquals("tiny", built.fittedNetwork().provenance().autoencoder());
    assertTrue(text.contains("  autoencoder  tiny, weights SHA-256 " + sha + "\n"), text);
  }

  private static double[] predictions(SWATNNRegressor c, Instances test) throws Exception {
    double[] p = new double[test.numInstances()];
    for (int i = 0; i < p.length; i++) {
      p[i] = c.classifyInstance(test.instance(i));
    }
    return p;
  }

  @Test
  void weightZeroRowsHaveNoEffectAndOnlyRelativeWeightsCount() throws Exception {
    Instances base = quadratic(120, 11);
    Instances withOutliers = new Instances(base);
    for (int i = 0; i < 10; i++) {
      DenseInstance outlier = new DenseInstance(0.0, new double[] {50 + i, -30, 1e4});
      withOutliers.add(outlier);
    }
    Instances tripled = new Instances(base);
    for (Instance i : tripled) {
      i.setWeight(3.0);
    }
    SWATNNRegressor a = search(4);
    a.buildClassifier(base);
    SWATNNRegressor b = search(4);
    b.buildClassifier(withOutliers);
    SWATNNRegressor c = search(4);
    c.buildClassifier(tripled);
    assertArrayEquals(predictions(a, QUADRATIC), predictions(b, QUADRATIC),
        "weight-0 outliers ignored");
    assertArrayEquals(predictions(a, QUADRATIC), predictions(c, QUADRATIC),
        "equal weights are no weights");
    assertTrue(new SWATNNRegressor() instanceof weka.core.WeightedInstancesHandler);
  }

  @Test
  void unequalWeightsPullTheFitTowardsTheHeavyRows() throws Exception {
    // two regimes that one small network cannot both fit; the heavy one must win
    Instances d = quadratic(200, 12);
    Instances heavy = new Instances(d, 0);
    Instances light = new Instances(d, 0);
    for (int i = 0; i < d.numInstances(); i++) {
      Instance inst = d.instance(i);
      boolean first = i % 2 == 0;
      inst.setClassValue(first ? inst.value(0) : -inst.value(0) + 3);
      inst.setWeight(first ? 20 : 0.05);
      (first ? heavy : light).add(inst);
    }
    SWATNNRegressor c = search(2);
    c.buildClassifier(d);
    double heavyErr = 0;
    double lightErr = 0;
    for (Instance i : heavy) {
      heavyErr += Math.pow(c.classifyInstance(i) - i.classValue(), 2);
    }
    for (Instance i : light) {
      lightErr += Math.pow(c.classifyInstance(i) - i.classValue(), 2);
    }
    assertTrue(heavyErr < lightErr, heavyErr + " vs " + lightErr);
  }

  @Test
  void slotsDoNotChangeThePredictions() throws Exception {
    SWATNNRegressor one = search(3);
    one.setRestarts(4);
    one.setNumSlots(1);
    one.buildClassifier(QUADRATIC);
    SWATNNRegressor two = search(3);
    two.setRestarts(4);
    two.setNumSlots(2);
    two.buildClassifier(QUADRATIC);
    assertArrayEquals(predictions(one, QUADRATIC), predictions(two, QUADRATIC));
    double[][] batch = two.distributionsForInstances(QUADRATIC);
    double[] single = predictions(two, QUADRATIC);
    for (int i = 0; i < batch.length; i++) {
      assertEquals(single[i], batch[i][0], "batch prediction = one at a time");
    }
  }

  @Test
  void annealingLongerThanTheSearchIsRefusedWithAMessage() throws Exception {
    SWATNNRegressor c = search(1);
    c.setSteps(100);
    c.setAnnealSteps(375);
    Exception e = assertThrows(Exception.class, () -> c.buildClassifier(QUADRATIC));
    assertTrue(e.getMessage().contains("-anneal (375) must be less than -steps (100)"),
        e.getMessage());
    Exception atOptions = assertThrows(Exception.class,
        () -> new SWATNNRegressor().setOptions(new String[] {"-steps", "80", "-anneal", "80"}));
    assertTrue(atOptions.getMessage().contains("-anneal (80) must be less than -steps (80)"),
        atOptions.getMessage());
    SWATNNRegressor shorter = new SWATNNRegressor();
    shorter.setOptions(new String[] {"-steps", "300"});
    assertEquals(112, shorter.getAnnealSteps(), "-steps alone anneals over 3/8 of the steps");
  }

  /**
   * On a hold-out the network of lowest held-out MSE goes through the local structure search,
   * whatever its error, and the model text names it; what the moves return is a candidate
   * scored on the held-out rows; with -held-out-local-search 0 nothing runs and no line says so.
   */
  @Test
  void onAHoldOutTheBestNetworkGetsTheLocalSearch() throws Exception {
    // the quadratic with noise of about a tenth of its variance: not fitted near-exactly
    Instances noisy = new Instances(QUADRATIC);
    java.util.Random r0 = new java.util.Random(5);
    double sd = Math.sqrt(noisy.variance(noisy.classIndex()));
    for (weka.core.Instance i : noisy) {
      i.setClassValue(i.classValue() + 0.3 * sd * r0.nextGaussian());
    }
    SWATNNRegressor c = search(1);
    c.setMaxCrossValidationRows(20);
    c.buildClassifier(noisy);
    String text = ModelTextTest.unwrapped(c.toString());
    swatnn.selection.SearchResult r = c.searchResult();
    assertFalse(r.validation().crossValidated(), "scored on a hold-out");
    assertEquals(1, r.gatedNetworks().size(), String.valueOf(r.gatedNetworks()));
    String best = r.gatedNetworks().get(0);
    double lowest = r.candidates().stream().filter(k -> k.hiddenLayers() > 0
        && !k.name().endsWith(", local search")).mapToDouble(k -> k.validationMse()).min()
        .orElseThrow();
    assertEquals(lowest, r.candidates().stream().filter(k -> k.name().equals(best))
        .findFirst().orElseThrow().validationMse(), "the network of lowest held-out MSE");
    assertTrue(text.contains("\nLocal structure search on the hold-out (-held-out-local-search "
        + "1): ran on the network of lowest held-out MSE (" + best + ")"), text);
    for (swatnn.selection.Candidate k : r.candidates()) {
      if (k.name().endsWith(", local search")) {
        assertEquals(best + ", local search", k.name());
        assertTrue(Double.isFinite(k.validationMse()), "scored on the held-out rows");
      }
    }
    SWATNNRegressor off = search(1);
    off.setMaxCrossValidationRows(20);
    off.setHeldOutLocalSearch(0);
    off.buildClassifier(noisy);
    assertFalse(off.toString().contains("Local structure search on the hold-out"),
        off.toString());
    assertTrue(off.searchResult().candidates().stream()
        .noneMatch(k -> k.name().endsWith(", local search")), off.toString());
    // fitted near-exactly, the best network is left to the final pruning, and the text says so
    SWATNNRegressor exact = search(1);
    exact.setMaxCrossValidationRows(20);
    exact.buildClassifier(QUADRATIC);
    if (exact.searchResult().candidates().stream().anyMatch(k -> k.hiddenLayers() > 0
        && k.validationMse() <= 1e-3 * exact.searchResult().classVariance())) {
      assertTrue(ModelTextTest.unwrapped(exact.toString()).contains("(-held-out-local-search "
          + "1): not run: the best network fits the held-out rows near-exactly"),
          exact.toString());
    }
    Exception e = assertThrows(Exception.class, () -> new SWATNNRegressor()
        .setOptions(new String[] {"-held-out-local-search", "17"}));
    assertEquals("SWATNNRegressor: option -held-out-local-search: held-out local searches must "
        + "be in 0..16, got 17", e.getMessage());
  }

  @Test
  void theModelTextSaysWhetherTheRaceRan() throws Exception {
    SWATNNRegressor none = search(1);
    none.setRestarts(2);
    none.setRace(2);
    none.buildClassifier(QUADRATIC);
    assertTrue(ModelTextTest.unwrapped(none.toString())
        .contains("\nRace: not run (-race 2 is not above -restarts 2)\n"), none.toString());
    SWATNNRegressor race = search(1);
    race.setRestarts(2);
    race.setRace(4);
    race.buildClassifier(QUADRATIC);
    assertTrue(ModelTextTest.unwrapped(race.toString()).contains("\nRace: 4 starting points "
        + "per configuration, halved by -race-score discrete down to the 2 restarts\n"),
        race.toString());
    assertFalse(built.toString().contains("\nRace: "), "no -race, no line");
  }

  @Test
  void aMissingModelOrTooManyLayersIsRefusedWithTheOptionsAndAgainAtTheBuild() throws Exception {
    Exception model = assertThrows(Exception.class,
        () -> new SWATNNRegressor().setOptions(new String[] {"-model", "no-such-model"}));
    assertTrue(model.getMessage().startsWith("SWATNNRegressor: option -model: no model file or "
        + "bundled model 'no-such-model'"), model.getMessage());
    Exception folder = assertThrows(Exception.class,
        () -> new SWATNNRegressor().setOptions(new String[] {"-model", dir.toString()}));
    assertEquals("SWATNNRegressor: option -model: '" + dir + "' is a folder, not a model file; "
        + "give the model's .zip file", folder.getMessage());
    Path zip = dir.resolve("other.zip");
    try (java.util.zip.ZipOutputStream out =
        new java.util.zip.ZipOutputStream(java.nio.file.Files.newOutputStream(zip))) {
      out.putNextEntry(new java.util.zip.ZipEntry("readme.txt"));
      out.write("not a model".getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }
    Exception other = assertThrows(Exception.class,
        () -> new SWATNNRegressor().setOptions(new String[] {"-model", zip.toString()}));
    assertEquals("SWATNNRegressor: option -model: " + zip + ": not a swatnn model file (no "
        + "manifest.json)", other.getMessage());
    Exception layers = assertThrows(Exception.class,
        () -> new SWATNNRegressor().setOptions(new String[] {"-layers", "2,5"}));
    assertEquals("SWATNNRegressor: option -layers: the bundled models build up to 4 hidden "
        + "layers, got 5", layers.getMessage());
    Exception named = assertThrows(Exception.class, () -> new SWATNNRegressor()
        .setOptions(new String[] {"-model", "swatnn-2in", "-layers", "5"}));
    assertEquals("SWATNNRegressor: option -layers: model 'swatnn-2in' builds up to 4 hidden "
        + "layers, got 5", named.getMessage());
    // the GUI sets one property at a time: the build refuses what the options could not see
    SWATNNRegressor c = search(1);
    c.setLayers("5");
    Exception atBuild = assertThrows(Exception.class, () -> c.buildClassifier(QUADRATIC));
    assertEquals("SWATNNRegressor: option -layers: model 'tiny' builds up to 4 hidden layers, "
        + "got 5", atBuild.getMessage());
  }

  /**
   * Issue 18's small-data test: on 50 generated rows of a noisy line (3 inputs, one relevant,
   * noise a third of the label variance), the returned model's 10-fold cross-validated RMSE is
   * within 10% of LinearRegression's: the selection never gives less than a straight line.
   */
  @Test
  void onFiftyNoisyLinearRowsTheCrossValidatedErrorIsWithinTenPercentOfLinearRegressions()
      throws Exception {
    java.util.ArrayList<weka.core.Attribute> atts = new java.util.ArrayList<>();
    for (String n : new String[] {"a", "b", "c", "y"}) {
      atts.add(new weka.core.Attribute(n));
    }
    Instances d = new Instances("line50", atts, 50);
    d.setClassIndex(3);
    java.util.Random r = new java.util.Random(50);
    for (int i = 0; i < 50; i++) {
      double a = r.nextDouble();
      double b = r.nextDouble();
      double c = r.nextDouble();
      d.add(new DenseInstance(1, new double[] {a, b, c, 3 * a + 0.7 * r.nextGaussian()}));
    }
    weka.classifiers.Evaluation swat = new weka.classifiers.Evaluation(d);
    swat.crossValidateModel(search(1), d, 10, new java.util.Random(1));
    weka.classifiers.Evaluation line = new weka.classifiers.Evaluation(d);
    line.crossValidateModel(new weka.classifiers.functions.LinearRegression(), d, 10,
        new java.util.Random(1));
    assertTrue(swat.rootMeanSquaredError() <= 1.1 * line.rootMeanSquaredError(),
        "SWATNNRegressor " + swat.rootMeanSquaredError() + ", LinearRegression "
            + line.rootMeanSquaredError());
  }
}
