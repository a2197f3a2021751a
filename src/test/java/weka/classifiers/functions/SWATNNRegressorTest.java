package weka.classifiers.functions;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.StringReader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import weka.core.Attribute;
import weka.core.DenseInstance;
import weka.core.Instance;
import weka.core.Instances;
import weka.core.Option;
import weka.core.SerializationHelper;
import weka.core.Utils;
import weka.gui.treevisualizer.Node;
import weka.gui.treevisualizer.TreeBuild;
import swatnn.TinyAutoencoder;

/** The Weka facade on a tiny autoencoder (inputs 1-2, d = 16) trained for 3 steps. */
class SWATNNRegressorTest {
  static final String[] SHORT =
      {"-steps", "60", "-anneal", "20", "-restarts", "2", "-layers", "1,2"};

  @TempDir static Path dir;
  static String model;
  static Instances quadratic;
  static SWATNNRegressor built;

  @BeforeAll
  static void tinyModelAndShortSearch() throws Exception {
    Path file = dir.resolve("tiny.zip");
    TinyAutoencoder.train(file, 3);
    model = file.toString();
    quadratic = quadratic(300, 7);
    built = shortSearch(1);
    built.buildClassifier(quadratic);
  }

  static SWATNNRegressor shortSearch(int seed) throws Exception {
    SWATNNRegressor c = new SWATNNRegressor();
    List<String> o = new ArrayList<>(List.of(SHORT));
    Collections.addAll(o, "-model", model, "-S", Integer.toString(seed));
    c.setOptions(o.toArray(new String[0]));
    return c;
  }

  /** y = x1^2 + 0.5 x2 on uniform inputs in [-2, 2] x [0, 10]. */
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
      d.add(new DenseInstance(1, new double[] {a, b, a * a + 0.5 * b}));
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
    SWATNNRegressor a = new SWATNNRegressor();
    String[] defaults = a.getOptions();
    SWATNNRegressor b = new SWATNNRegressor();
    b.setOptions(defaults.clone());
    assertArrayEquals(defaults, b.getOptions());

    String[] all = {"-steps", "123", "-anneal", "45", "-restarts", "3", "-layers", "3, 1",
        "-lr", "0.05", "-lambda-s", "2.5E-4", "-mu-1", "0.2", "-mu-c", "0.03", "-alpha", "0.5",
        "-beta", "0.002", "-tol", "0.1", "-val", "0.25", "-points", "64", "-polish",
        "-init", "encode", "-model", "swatnn-2in", "-S", "17", "-output-debug-info", "-num-decimal-places", "3"};
    b.setOptions(all.clone());
    assertEquals(123, b.getSteps());
    assertEquals(45, b.getAnnealSteps());
    assertEquals(3, b.getRestarts());
    assertEquals("1,3", b.getLayers());
    assertEquals(0.05, b.getLearningRate());
    assertEquals(2.5e-4, b.getLambdaS());
    assertEquals(0.2, b.getMu1());
    assertEquals(0.03, b.getMuC());
    assertEquals(0.5, b.getAlpha());
    assertEquals(0.002, b.getBeta());
    assertEquals(0.1, b.getTolerance());
    assertEquals(0.25, b.getValidationFraction());
    assertEquals(64, b.getPointsPerStep());
    assertEquals("swatnn-2in", b.getModel());
    assertTrue(b.getPolish());
    assertEquals("encode", b.getInit().getSelectedTag().getIDStr());
    assertEquals(17, b.getSeed());
    assertTrue(b.getDebug());
    String[] set = b.getOptions();
    SWATNNRegressor c = new SWATNNRegressor();
    c.setOptions(set.clone());
    assertArrayEquals(set, c.getOptions());

    // absent options go back to their defaults (Weka's -num-decimal-places stays as it was)
    c.setOptions(new String[0]);
    assertArrayEquals(defaults, java.util.Arrays.copyOf(c.getOptions(), defaults.length));

    List<String> listed = new ArrayList<>();
    for (Option o : Collections.list(a.listOptions())) {
      listed.add(o.name());
    }
    for (String name : List.of("steps", "anneal", "restarts", "layers", "lr", "lambda-s", "mu-1",
        "mu-c", "alpha", "beta", "tol", "val", "points", "model", "S")) {
      assertTrue(listed.contains(name), name);
    }
    for (String bean : List.of("steps", "annealSteps", "restarts", "layers", "learningRate",
        "lambdaS", "mu1", "muC", "alpha", "beta", "tolerance", "validationFraction",
        "pointsPerStep", "model", "seed")) {
      assertNotNull(SWATNNRegressor.class.getMethod(bean + "TipText").invoke(a), bean);
    }
    Exception bad = assertThrows(Exception.class,
        () -> new SWATNNRegressor().setOptions(new String[] {"-restarts", "0"}));
    assertTrue(bad.getMessage().contains("restarts"), bad.getMessage());
    bad = assertThrows(Exception.class,
        () -> new SWATNNRegressor().setOptions(new String[] {"-layers", "1,x"}));
    assertTrue(bad.getMessage().contains("1,x"), bad.getMessage());
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
    assertEquals("weka.classifiers.functions.SWATNNRegressor: Cannot handle multi-valued "
        + "nominal class!", e.getMessage());

    atts = new ArrayList<>();
    atts.add(new Attribute("s", (List<String>) null));
    atts.add(new Attribute("y"));
    Instances string = new Instances("s", atts, 1);
    string.setClassIndex(1);
    double[] v = {string.attribute(0).addStringValue("hello"), 1.0};
    string.add(new DenseInstance(1, v));
    e = assertThrows(Exception.class, () -> shortSearch(1).buildClassifier(string));
    assertEquals("weka.classifiers.functions.SWATNNRegressor: Cannot handle string attributes!",
        e.getMessage());
  }

  @Test
  void tooManyInputsSaysWhatToDo() {
    Exception e = assertThrows(Exception.class,
        () -> shortSearch(1).buildClassifier(numeric(9, 20)));
    String m = e.getMessage();
    assertTrue(m.contains("9 inputs") && m.contains("at most 2")
        && m.contains("weka.filters.supervised.attribute.AttributeSelection"), m);
  }

  @Test
  void missingClassOnlyIsAClearError() throws Exception {
    Instances d = quadratic(5, 1);
    for (Instance i : d) {
      i.setClassMissing();
    }
    Exception e = assertThrows(Exception.class, () -> shortSearch(1).buildClassifier(d));
    assertTrue(e.getMessage().contains("class"), e.getMessage()); // Weka's capabilities message
    SWATNNRegressor unchecked = shortSearch(1);
    unchecked.setDoNotCheckCapabilities(true);
    e = assertThrows(Exception.class, () -> unchecked.buildClassifier(d));
    assertTrue(e.getMessage().contains("no training instance has a class value"), e.getMessage());
  }

  @Test
  void builtModelPredictsDescribesAndMeasures() throws Exception {
    for (Instance i : quadratic) {
      assertTrue(Double.isFinite(built.classifyInstance(i)));
    }
    String text = built.toString();
    assertTrue(text.contains("Non-zero count: " + (int) built.getMeasure("measureNonZeroCount")
        + "\n"), text);
    assertTrue(text.contains("validation MSE") && text.contains("* "), text);
    for (String m : Collections.list(built.enumerateMeasures())) {
      assertTrue(Double.isFinite(built.getMeasure(m)), m);
    }
    double hidden = built.getMeasure("measureHiddenLayers");
    assertTrue(hidden == 1 || hidden == 2, "hidden layers " + hidden);
    assertEquals("SWATNNRegressor: no model built yet.", new SWATNNRegressor().toString());
  }

  @Test
  void serializedModelIsSmallAndPredictsTheSame() throws Exception {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    SerializationHelper.write(bytes, built);
    assertTrue(bytes.size() < 100_000, "serialized size " + bytes.size());
    SWATNNRegressor copy = (SWATNNRegressor) SerializationHelper.read(
        new ByteArrayInputStream(bytes.toByteArray()));
    for (Instance i : quadratic) {
      assertEquals(built.classifyInstance(i), copy.classifyInstance(i));
    }
    assertEquals(built.toString(), copy.toString());
  }

  @Test
  void sameSeedSamePredictions() throws Exception {
    SWATNNRegressor again = shortSearch(1);
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
    SWATNNRegressor c = shortSearch(2);
    c.setSteps(20);
    c.setAnnealSteps(5);
    c.setLayers("1");
    c.buildClassifier(d);
    for (Instance i : d) {
      assertTrue(Double.isFinite(c.classifyInstance(i)));
    }
    assertTrue(c.toString().contains("colour"), c.toString());

    // a purely numeric model meeting a missing value at prediction time uses the training mean
    Instance withMissing = (Instance) quadratic.instance(0).copy();
    withMissing.setMissing(1);
    assertTrue(Double.isFinite(built.classifyInstance(withMissing)));
  }

  @Test
  void constantClassAndSingleRowGiveTheConstant() throws Exception {
    Instances one = new Instances(quadratic, 0, 1);
    SWATNNRegressor c = shortSearch(1);
    c.buildClassifier(one);
    double y = one.instance(0).classValue();
    for (Instance i : quadratic) {
      assertEquals(y, c.classifyInstance(i));
    }
    assertTrue(c.toString().contains("Non-zero count: 0"), c.toString());
    assertEquals(0, c.getMeasure("measureNonZeroCount"));
  }

  /** In the Explorer the search reports its progress through the log's status bar. */
  @Test
  void progressGoesToTheExplorersStatusBar() throws Exception {
    List<String> status = new ArrayList<>();
    SWATNNRegressor c = shortSearch(2);
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
    assertTrue(status.get(status.size() - 1).contains("step 60/60"), status.toString());
  }

  @Test
  void interruptStopsTheSearch() throws Exception {
    SWATNNRegressor c = shortSearch(1);
    c.setSteps(1_000_000);
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
    t.join(5_000); // steps of this tiny model take milliseconds: the Explorer's Stop ends it at once
    assertFalse(t.isAlive(), "still searching 5 s after the interrupt");
    assertNotNull(thrown[0]);
    assertEquals("SWATNNRegressor: search interrupted", thrown[0].getMessage());
    assertEquals("SWATNNRegressor: no model built yet.", c.toString());
  }

  @Test
  void onlyTheClassGivesAConstantModelWithoutInputWeights() throws Exception {
    Instances d = new Instances(quadratic);
    d.setClassIndex(-1);
    d.deleteAttributeAt(0);
    d.deleteAttributeAt(0);
    d.setClassIndex(0);
    SWATNNRegressor c = shortSearch(1);
    c.setSteps(20);
    c.setAnnealSteps(5);
    c.buildClassifier(d); // the single (padded) network input is always 0
    double first = c.classifyInstance(d.instance(0));
    for (Instance i : d) {
      assertEquals(first, c.classifyInstance(i));
    }
    assertTrue(c.toString().contains("unused input"), c.toString());
    assertFalse(c.graph().contains("shape=box]"), c.graph()); // no input node
  }

  @Test
  void graphIsDotThatTheTreeVisualizerReads() throws Exception {
    String dot = built.graph();
    assertTrue(dot.startsWith("digraph SWATNN {") && dot.trim().endsWith("}"), dot);
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
    int edges = dot.split("->", -1).length - 1;
    assertEquals(edges, countEdges(root, new java.util.HashSet<>()), dot);
  }

  private static int countEdges(Node n, java.util.Set<Node> seen) {
    if (!seen.add(n)) {
      return 0;
    }
    int count = 0;
    for (int i = 0; n.getChild(i) != null; i++) {
      count += 1 + countEdges(n.getChild(i).getTarget(), seen);
    }
    return count;
  }

  @Test
  void predictionIsFast() throws Exception {
    Instances many = quadratic(20_000, 9);
    double sink = 0;
    long best = Long.MAX_VALUE;
    for (int round = 0; round < 5; round++) {
      long t0 = System.nanoTime();
      for (Instance i : many) {
        sink += built.classifyInstance(i);
      }
      best = Math.min(best, System.nanoTime() - t0);
    }
    double perSecond = many.numInstances() / (best / 1e9);
    assertFalse(Double.isNaN(sink));
    // loose bound for a loaded test machine; the goal is >= 1e6
    assertTrue(perSecond > 1e5, Utils.doubleToString(perSecond, 0) + " rows/s");
  }
}
