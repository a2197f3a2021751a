package weka.classifiers.functions;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import swatnn.search.ConfigurationResult;
import swatnn.search.SearchResult;
import weka.core.Attribute;
import weka.core.DenseInstance;
import weka.core.Instance;
import weka.core.Instances;
import weka.core.Option;
import weka.core.SerializationHelper;
import weka.gui.treevisualizer.Node;
import weka.gui.treevisualizer.TreeBuild;

/** The Weka facade of the DARTS + ADMM baseline, with a few seconds of search per build. */
class DartsAdmmRegressorTest {
  static final String[] SHORT = {"-epochs", "3", "-mini-batch", "64", "-train-steps", "200",
      "-admm-rounds", "2", "-admm-steps", "50", "-retrain-steps", "50", "-layers", "1,2"};

  static Instances quadratic;
  static DartsAdmmRegressor built;

  @BeforeAll
  static void shortSearch() throws Exception {
    quadratic = quadratic(300, 7);
    built = shortSearch(1);
    built.buildClassifier(quadratic);
  }

  static DartsAdmmRegressor shortSearch(int seed) throws Exception {
    DartsAdmmRegressor c = new DartsAdmmRegressor();
    List<String> o = new ArrayList<>(List.of(SHORT));
    Collections.addAll(o, "-S", Integer.toString(seed));
    c.setOptions(o.toArray(new String[0]));
    return c;
  }

  /** y = x1^2 - 0.5 x2 on uniform inputs in [-2, 2] x [0, 10]. */
  static Instances quadratic(int n, long seed) {
    ArrayList<Attribute> atts = new ArrayList<>();
    atts.add(new Attribute("x1"));
    atts.add(new Attribute("x2"));
    atts.add(new Attribute("y"));
    Instances d = new Instances("quadratic", atts, n);
    d.setClassIndex(2);
    Random r = new Random(seed);
    for (int i = 0; i < n; i++) {
      double a = -2 + 4 * r.nextDouble();
      double b = 10 * r.nextDouble();
      d.add(new DenseInstance(1, new double[] {a, b, a * a - 0.5 * b}));
    }
    return d;
  }

  static Instances numeric(int attributes, int n) {
    ArrayList<Attribute> atts = new ArrayList<>();
    for (int j = 0; j < attributes; j++) {
      atts.add(new Attribute("a" + j));
    }
    atts.add(new Attribute("y"));
    Instances d = new Instances("wide", atts, n);
    d.setClassIndex(attributes);
    Random r = new Random(3);
    for (int i = 0; i < n; i++) {
      double[] v = new double[attributes + 1];
      for (int j = 0; j <= attributes; j++) {
        v[j] = r.nextDouble();
      }
      d.add(new DenseInstance(1, v));
    }
    return d;
  }

  @Test
  void optionsRoundTrip() throws Exception {
    DartsAdmmRegressor a = new DartsAdmmRegressor();
    String[] defaults = a.getOptions();
    DartsAdmmRegressor b = new DartsAdmmRegressor();
    b.setOptions(defaults.clone());
    assertArrayEquals(defaults, b.getOptions());

    String[] all = {"-epochs", "7", "-mini-batch", "32", "-lr", "0.02", "-arch-lr", "0.001",
        "-gate-penalty", "0.005", "-arch-split", "0.3", "-layers", "3, 1", "-train-steps", "10",
        "-admm-rounds", "4", "-admm-steps", "20", "-rho", "1.5", "-threshold", "0.05",
        "-retrain-steps", "0", "-tol", "0.1", "-val", "0.25", "-S", "17", "-output-debug-info",
        "-num-decimal-places", "3"};
    b.setOptions(all.clone());
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
    assertEquals(0.1, b.getTolerance());
    assertEquals(0.25, b.getValidationFraction());
    assertEquals(17, b.getSeed());
    assertTrue(b.getDebug());
    String[] set = b.getOptions();
    DartsAdmmRegressor c = new DartsAdmmRegressor();
    c.setOptions(set.clone());
    assertArrayEquals(set, c.getOptions());

    // absent options go back to their defaults (Weka's -num-decimal-places stays as it was)
    c.setOptions(new String[0]);
    assertArrayEquals(defaults, java.util.Arrays.copyOf(c.getOptions(), defaults.length));

    List<String> listed = new ArrayList<>();
    for (Option o : Collections.list(a.listOptions())) {
      listed.add(o.name());
    }
    for (String name : List.of("epochs", "mini-batch", "lr", "arch-lr", "gate-penalty",
        "arch-split", "layers", "train-steps", "admm-rounds", "admm-steps", "rho", "threshold",
        "retrain-steps", "tol", "val", "S")) {
      assertTrue(listed.contains(name), name);
    }
    for (String bean : List.of("epochs", "miniBatchSize", "learningRate",
        "architectureLearningRate", "gatePenalty", "architectureFraction", "layers",
        "trainSteps", "admmRounds", "admmSteps", "rho", "threshold", "retrainSteps",
        "tolerance", "validationFraction", "seed")) {
      assertNotNull(DartsAdmmRegressor.class.getMethod(bean + "TipText").invoke(a), bean);
    }
    Exception bad = assertThrows(Exception.class,
        () -> new DartsAdmmRegressor().setOptions(new String[] {"-rho", "0"}));
    assertTrue(bad.getMessage().contains("rho"), bad.getMessage());
    bad = assertThrows(Exception.class,
        () -> new DartsAdmmRegressor().setOptions(new String[] {"-layers", "1,x"}));
    assertTrue(bad.getMessage().contains("1,x"), bad.getMessage());
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
  void capabilitiesRefuseNominalClassAndStringAttributes() throws Exception {
    ArrayList<Attribute> atts = new ArrayList<>();
    atts.add(new Attribute("x"));
    atts.add(new Attribute("c", List.of("a", "b", "c")));
    Instances nominalClass = new Instances("n", atts, 1);
    nominalClass.setClassIndex(1);
    nominalClass.add(new DenseInstance(1, new double[] {0.5, 1}));
    Exception e = assertThrows(Exception.class, () -> shortSearch(1).buildClassifier(nominalClass));
    assertEquals("weka.classifiers.functions.DartsAdmmRegressor: Cannot handle multi-valued "
        + "nominal class!", e.getMessage());

    atts = new ArrayList<>();
    atts.add(new Attribute("s", (List<String>) null));
    atts.add(new Attribute("y"));
    Instances string = new Instances("s", atts, 1);
    string.setClassIndex(1);
    double[] v = {string.attribute(0).addStringValue("hello"), 1.0};
    string.add(new DenseInstance(1, v));
    e = assertThrows(Exception.class, () -> shortSearch(1).buildClassifier(string));
    assertEquals("weka.classifiers.functions.DartsAdmmRegressor: Cannot handle string "
        + "attributes!", e.getMessage());
  }

  @Test
  void tooManyInputsSaysWhatToDo() {
    Exception e = assertThrows(Exception.class,
        () -> shortSearch(1).buildClassifier(numeric(9, 20)));
    String m = e.getMessage();
    assertTrue(m.contains("9 inputs") && m.contains("at most 7")
        && m.contains("weka.filters.supervised.attribute.AttributeSelection"), m);
  }

  @Test
  void missingClassOnlyIsAClearError() throws Exception {
    Instances d = quadratic(5, 1);
    for (Instance i : d) {
      i.setClassMissing();
    }
    Exception e = assertThrows(Exception.class, () -> shortSearch(1).buildClassifier(d));
    assertTrue(e.getMessage().contains("class"), e.getMessage());
    DartsAdmmRegressor unchecked = shortSearch(1);
    unchecked.setDoNotCheckCapabilities(true);
    e = assertThrows(Exception.class, () -> unchecked.buildClassifier(d));
    assertTrue(e.getMessage().contains("no training instance has a class value"), e.getMessage());
  }

  @Test
  void builtModelFitsDescribesAndMeasures() throws Exception {
    double sum = 0;
    double sq = 0;
    double err = 0;
    for (Instance i : quadratic) {
      double p = built.classifyInstance(i);
      assertTrue(Double.isFinite(p));
      sum += i.classValue();
      sq += i.classValue() * i.classValue();
      err += (p - i.classValue()) * (p - i.classValue());
    }
    int n = quadratic.numInstances();
    double variance = sq / n - (sum / n) * (sum / n);
    assertTrue(err / n < 0.05 * variance, "MSE " + err / n + ", variance " + variance);
    String text = built.toString();
    assertTrue(text.contains("Non-zero count: " + (int) built.getMeasure("measureNonZeroCount")
        + "\n"), text);
    assertTrue(text.contains("validation MSE") && text.contains("* "), text);
    assertTrue(text.contains("240 searched on (120 for the weights and 120 for the "
        + "architecture in the bilevel search), 60 held out to choose"), text);
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

  @Test
  void serializedModelPredictsTheSame() throws Exception {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    SerializationHelper.write(bytes, built);
    assertTrue(bytes.size() < 100_000, "serialized size " + bytes.size());
    DartsAdmmRegressor copy = (DartsAdmmRegressor) SerializationHelper.read(
        new ByteArrayInputStream(bytes.toByteArray()));
    for (Instance i : quadratic) {
      assertEquals(built.classifyInstance(i), copy.classifyInstance(i));
    }
    assertEquals(built.toString(), copy.toString());
  }

  @Test
  void sameSeedSamePredictions() throws Exception {
    DartsAdmmRegressor again = shortSearch(1);
    again.buildClassifier(quadratic);
    for (Instance i : quadratic) {
      assertEquals(built.classifyInstance(i), again.classifyInstance(i));
    }
  }

  @Test
  void missingValuesAndNominalAttributes() throws Exception {
    ArrayList<Attribute> atts = new ArrayList<>();
    atts.add(new Attribute("x"));
    atts.add(new Attribute("colour", List.of("red", "green")));
    atts.add(new Attribute("y"));
    Instances d = new Instances("mixed", atts, 40);
    d.setClassIndex(2);
    Random r = new Random(5);
    for (int i = 0; i < 40; i++) {
      double x = r.nextDouble();
      int colour = r.nextInt(2);
      DenseInstance inst = new DenseInstance(1, new double[] {x, colour, x + colour});
      if (i % 7 == 0) {
        inst.setMissing(0);
      }
      if (i % 11 == 0) {
        inst.setMissing(1);
      }
      if (i % 13 == 5) {
        inst.setMissing(2);
      }
      d.add(inst);
    }
    DartsAdmmRegressor c = shortSearch(2);
    c.setLayers("1");
    c.buildClassifier(d);
    for (Instance i : d) {
      assertTrue(Double.isFinite(c.classifyInstance(i)));
    }
    assertTrue(c.toString().contains("colour"), c.toString());

    Instance withMissing = (Instance) quadratic.instance(0).copy();
    withMissing.setMissing(1);
    assertTrue(Double.isFinite(built.classifyInstance(withMissing)));
  }

  @Test
  void constantClassAndSingleRowGiveTheConstant() throws Exception {
    Instances one = new Instances(quadratic, 0, 1);
    DartsAdmmRegressor c = shortSearch(1);
    c.buildClassifier(one);
    double y = one.instance(0).classValue();
    for (Instance i : quadratic) {
      assertEquals(y, c.classifyInstance(i));
    }
    assertTrue(c.toString().contains("Non-zero count: 0"), c.toString());
    assertEquals(0, c.getMeasure("measureNonZeroCount"));
  }

  @Test
  void onlyTheClassGivesAConstantModelWithoutInputWeights() throws Exception {
    Instances d = new Instances(quadratic);
    d.setClassIndex(-1);
    d.deleteAttributeAt(0);
    d.deleteAttributeAt(0);
    d.setClassIndex(0);
    DartsAdmmRegressor c = shortSearch(1);
    c.setLayers("1");
    c.buildClassifier(d); // the single (padded) network input is always 0
    double first = c.classifyInstance(d.instance(0));
    for (Instance i : d) {
      assertEquals(first, c.classifyInstance(i));
    }
    assertTrue(c.toString().contains("unused input"), c.toString());
    assertFalse(c.graph().contains("shape=box]"), c.graph()); // no input node
  }

  @Test
  void everyConfigurationPredictsForTheBenchmark() throws Exception {
    SearchResult r = built.searchResult();
    assertEquals(2, r.configurations().size());
    for (Instance i : quadratic) {
      assertEquals(built.classifyInstance(i), built.classifyInstance(r.network(), i));
      for (ConfigurationResult c : r.configurations()) {
        assertTrue(Double.isFinite(built.classifyInstance(c.network(), i)));
      }
    }
    assertNull(new DartsAdmmRegressor().searchResult());
    assertThrows(Exception.class,
        () -> new DartsAdmmRegressor().classifyInstance(r.network(), quadratic.instance(0)));
  }

  /** In the Explorer the search reports its progress through the log's status bar. */
  @Test
  void progressGoesToTheExplorersStatusBar() throws Exception {
    List<String> status = new ArrayList<>();
    DartsAdmmRegressor c = shortSearch(2);
    c.setLayers("1");
    c.setLog(new weka.gui.Logger() {
      @Override
      public void logMessage(String message) {
      }

      @Override
      public void statusMessage(String message) {
        status.add(message);
      }
    });
    c.buildClassifier(quadratic);
    assertFalse(status.isEmpty());
    // 3 epochs of 2 bilevel steps (120 weight rows, batches of 64), 200 training, 2 x 50 ADMM
    assertTrue(status.get(status.size() - 1).contains("step 306/306"), status.toString());
  }

  @Test
  void interruptStopsTheSearch() throws Exception {
    DartsAdmmRegressor c = shortSearch(1);
    c.setEpochs(1_000_000);
    Exception[] thrown = new Exception[1];
    Thread t = new Thread(() -> {
      try {
        c.buildClassifier(quadratic);
      } catch (Exception e) {
        thrown[0] = e;
      }
    });
    t.start();
    Thread.sleep(1500);
    t.interrupt();
    t.join(30_000);
    assertFalse(t.isAlive(), "still searching 30 s after the interrupt");
    assertNotNull(thrown[0]);
    assertEquals("DartsAdmmRegressor: search interrupted", thrown[0].getMessage());
    assertEquals("DartsAdmmRegressor: no model built yet.", c.toString());
  }

  @Test
  void graphIsDotThatTheTreeVisualizerReads() throws Exception {
    String dot = built.graph();
    assertTrue(dot.startsWith("digraph") && dot.trim().endsWith("}"), dot);
    PrintStream stdout = System.out;
    ByteArrayOutputStream complaints = new ByteArrayOutputStream();
    Node root;
    try {
      System.setOut(new PrintStream(complaints)); // TreeBuild reports parse problems there
      root = new TreeBuild().create(new StringReader(dot));
    } finally {
      System.setOut(stdout);
    }
    assertEquals("", complaints.toString(), dot);
    assertTrue(root.getLabel().startsWith("y\ny"), root.getLabel());
  }
}
