package swatnn.weka;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import swatnn.SourceCompiler;
import swatnn.TinyAutoencoder;
import swatnn.mlp.SparseMlp;
import swatnn.selection.CandidateModel;
import swatnn.selection.LinearModel;
import swatnn.selection.MeanModel;
import swatnn.selection.NetworkModel;
import weka.classifiers.Classifier;
import weka.classifiers.Evaluation;
import weka.classifiers.functions.DartsAdmmRegressor;
import weka.classifiers.functions.SWATNNRegressor;
import weka.core.Attribute;
import weka.core.DenseInstance;
import weka.core.Instance;
import weka.core.Instances;

/**
 * The built model as Java source (Weka's {@code -z NAME}, the Explorer's "Output source code"):
 * for the mean, a linear model and networks of both regressors, on numeric data, data with
 * nominal attributes and data with missing values, the source is compiled with javac for Java
 * 8 against Weka's jar alone, and its {@code WekaWrapper} predicts every training row as the
 * built classifier does. Which model each build chose is checked, so that each kind is covered.
 */
class ModelSourceTest {
  /** Short searches on the tiny autoencoder (2 inputs). */
  static final String[] SWATNN = {"-steps", "60", "-anneal", "20", "-restarts", "2",
      "-layers", "1,2", "-S", "1"};
  static final String[] DARTS = {"-epochs", "3", "-mini-batch", "64", "-train-steps", "200",
      "-admm-rounds", "2", "-admm-steps", "50", "-retrain-steps", "50", "-layers", "1,2",
      "-S", "1"};

  @TempDir static Path dir;
  static String model;

  @BeforeAll
  static void tinyModel() throws Exception {
    model = TinyAutoencoder.train(dir.resolve("tiny.zip"), 3).toString();
  }

  private static SWATNNRegressor swatnn(String... more) throws Exception {
    SWATNNRegressor c = new SWATNNRegressor();
    List<String> o = new ArrayList<>(Arrays.asList(SWATNN));
    o.addAll(List.of("-model", model));
    o.addAll(Arrays.asList(more));
    c.setOptions(o.toArray(new String[0]));
    return c;
  }

  private static DartsAdmmRegressor darts(String... more) throws Exception {
    DartsAdmmRegressor c = new DartsAdmmRegressor();
    List<String> o = new ArrayList<>(Arrays.asList(DARTS));
    o.addAll(Arrays.asList(more));
    c.setOptions(o.toArray(new String[0]));
    return c;
  }

  // ------------------------------------------------------------------------------ data

  /** x1 uniform on [-1, 1], x2 log-normal (right-skewed, so -input-scaling log takes it). */
  private static Instances numeric(String name, int n, long seed, Target target) {
    ArrayList<Attribute> atts = new ArrayList<>();
    atts.add(new Attribute("x1"));
    atts.add(new Attribute("x2"));
    atts.add(new Attribute("y"));
    Instances d = new Instances(name, atts, n);
    d.setClassIndex(2);
    Random r = new Random(seed);
    for (int i = 0; i < n; i++) {
      double x1 = 2 * r.nextDouble() - 1;
      double x2 = Math.exp(1.2 * r.nextGaussian());
      d.add(new DenseInstance(1, new double[] {x1, x2, target.y(x1, x2, r)}));
    }
    return d;
  }

  private interface Target {
    double y(double x1, double x2, Random r);
  }

  /**
   * x1 numeric, colour {red, green, blue} (two indicators), size {small, large} (one), x3
   * numeric; y additive in x1 and the nominals, plus {@code curve(x1)}; a fraction of the
   * input values missing.
   */
  private static Instances mixed(String name, int n, long seed, double missing,
      java.util.function.DoubleUnaryOperator curve) {
    ArrayList<Attribute> atts = new ArrayList<>();
    atts.add(new Attribute("x1"));
    atts.add(new Attribute("colour", List.of("red", "green", "blue")));
    atts.add(new Attribute("size", List.of("small", "large")));
    atts.add(new Attribute("x3"));
    atts.add(new Attribute("y"));
    Instances d = new Instances(name, atts, n);
    d.setClassIndex(4);
    Random r = new Random(seed);
    double[] colourEffect = {0, 1.5, -1};
    for (int i = 0; i < n; i++) {
      double x1 = 2 * r.nextDouble() - 1;
      int colour = r.nextInt(3);
      int size = r.nextInt(2);
      double x3 = 5 + 3 * r.nextDouble();
      double y = 2 * x1 + colourEffect[colour] + 0.7 * size + curve.applyAsDouble(x1)
          + 0.01 * r.nextGaussian();
      double[] v = {x1, colour, size, x3, y};
      for (int j = 0; j < 4; j++) {
        if (r.nextDouble() < missing) {
          v[j] = weka.core.Utils.missingValue();
        }
      }
      d.add(new DenseInstance(1, v));
    }
    return d;
  }

  // ------------------------------------------------------------------------------ checks

  /**
   * Compiles Weka's wrapper of the classifier's source against weka.jar alone and checks that
   * it predicts every row of {@code data} as the classifier does.
   *
   * @return the compiled class of the model's source
   */
  private static Class<?> compilesAndPredictsAlike(String wrapper, String className,
      Classifier built, Instances data, String label) throws Exception {
    Path weka = SourceCompiler.origin(Instances.class);
    assertTrue(weka.getFileName().toString().startsWith("weka-stable"), weka.toString());
    Path out = Files.createTempDirectory(dir, label);
    ClassLoader loader = SourceCompiler.compile(wrapper, "weka.classifiers.WekaWrapper", out,
        weka);
    Classifier compiled = (Classifier) loader.loadClass("weka.classifiers.WekaWrapper")
        .getDeclaredConstructor().newInstance();
    double spread = spread(data);
    double worst = 0;
    for (int i = 0; i < data.numInstances(); i++) {
      Instance row = data.instance(i);
      double expected = built.classifyInstance(row);
      double actual = compiled.classifyInstance(row);
      double scale = Math.max(Math.abs(expected), 1e-3 * spread);
      worst = Math.max(worst, Math.abs(actual - expected) / scale);
      int at = i;
      assertTrue(Double.isFinite(expected) && Double.isFinite(actual),
          () -> label + ": row " + at + " predicts " + expected + ", its source " + actual);
      assertEquals(expected, actual, 1e-6 * scale, () -> label + ": row " + at + " " + row);
    }
    System.out.printf("%s: %d rows, largest relative difference %.3g%n", label,
        data.numInstances(), worst);
    return loader.loadClass("weka.classifiers." + className);
  }

  /**
   * The standard deviation of the class, finite also for values near the largest double (the
   * values divided by the largest magnitude first).
   */
  private static double spread(Instances data) {
    double[] y = data.attributeToDoubleArray(data.classIndex());
    double largest = Arrays.stream(y).map(Math::abs).max().orElse(0);
    if (largest == 0) {
      return 0;
    }
    double mean = Arrays.stream(y).map(v -> v / largest).average().orElse(0);
    double var = Arrays.stream(y).map(v -> (v / largest - mean) * (v / largest - mean))
        .average().orElse(0);
    return Math.sqrt(var) * largest;
  }

  private static double classify(Class<?> model, Object[] row) throws Exception {
    Method m = model.getMethod("classify", Object[].class);
    m.setAccessible(true); // the class is package-private, as Weka's wrapper needs it
    try {
      return (double) m.invoke(null, (Object) row);
    } catch (InvocationTargetException e) {
      throw (Exception) e.getCause();
    }
  }

  /**
   * Rows far beyond the training ranges of {@link #numeric} data (where the scalings clamp or
   * extrapolate and the output bound holds) predict alike too.
   */
  private static void alikeBeyondTheTrainingRange(Classifier built, Class<?> model,
      Instances data) throws Exception {
    boolean bounded = false;
    for (double x1 : new double[] {-50, -3, 3, 50}) {
      for (double x2 : new double[] {1e-4, 1e4}) {
        Instance row = new DenseInstance(1, new double[] {x1, x2, 0});
        row.setDataset(data);
        double expected = built.classifyInstance(row);
        double actual = classify(model, new Object[] {x1, x2, null});
        assertEquals(expected, actual, 1e-6 * Math.max(Math.abs(expected), 1e-3),
            "x1 = " + x1 + ", x2 = " + x2);
        double[] y = data.attributeToDoubleArray(data.classIndex());
        double lo = Arrays.stream(y).min().orElseThrow();
        double hi = Arrays.stream(y).max().orElseThrow();
        bounded |= expected < lo || expected > hi;
      }
    }
    assertTrue(bounded, "some row predicts beyond the training range of the class");
  }

  /** How many times {@code regex} occurs in {@code s}. */
  private static int count(String s, String regex) {
    Matcher m = Pattern.compile(regex).matcher(s);
    int n = 0;
    while (m.find()) {
      n++;
    }
    return n;
  }

  /** Active neurons and non-zero weights in the source: one line and one term each. */
  private static void onlyTheNetworkUsed(String source, SparseMlp net) {
    assertEquals(net.activeNeuronCount(), count(source, "double h\\d+_\\d+ = "), source);
    assertEquals(net.nonZeroWeights(), count(source, "\\d \\* (net_|h\\d)"), source);
  }

  // ------------------------------------------------------------------------------ tests

  /**
   * A curve in x1 and the log of a skewed x2: a network, its inputs log-scaled; the source
   * from Weka's wrapper, as the Explorer's "Output source code" writes it.
   */
  @Test
  void networkOnNumericData() throws Exception {
    Instances data = numeric("curve", 160, 11,
        (x1, x2, r) -> Math.sin(3 * x1) + 0.5 * Math.log(x2));
    SWATNNRegressor c = swatnn();
    c.buildClassifier(data);
    CandidateModel chosen = c.fittedNetwork().result().model();
    assertInstanceOf(NetworkModel.class, chosen, c.toString());
    String wrapper = Evaluation.wekaStaticWrapper(c, "Curve");
    String source = c.toSource("Curve");
    assertTrue(wrapper.contains(source));
    onlyTheNetworkUsed(source, ((NetworkModel) chosen).network());
    assertTrue(source.contains("Math.log(v)"), "x2 is log-scaled:\n" + source);
    // its variables are named as the model text names them: the neurons, the inputs, y
    SparseMlp net = ((NetworkModel) chosen).network();
    for (int j = 0; j < net.layout().maxNeurons(); j++) {
      if (net.isActive(0, j)) {
        String name = net.neuronName(0, j);
        assertTrue(c.toString().contains("\n" + name + " = ")
            && source.contains("double " + name.replace('.', '_') + " = "), name + ":\n"
            + source);
      }
    }
    // the class is named y, so the output is y_net in both
    assertTrue(source.contains("double net_x2 = ") && source.contains("double y_net = ")
        && c.toString().contains("\ny_net = "), source);
    Class<?> model = compilesAndPredictsAlike(wrapper, "Curve", c, data, "network, numeric");
    alikeBeyondTheTrainingRange(c, model, data);
    // a missing value (null or NaN) is the training mean, as in Weka
    Instance missing = (Instance) data.instance(0).copy();
    missing.setMissing(1);
    double expected = c.classifyInstance(missing);
    assertEquals(expected, classify(model, new Object[] {data.instance(0).value(0), null,
        null}), 1e-9 * Math.abs(expected) + 1e-12);
    assertEquals(expected, classify(model, new Object[] {data.instance(0).value(0),
        Double.NaN, null}), 1e-9 * Math.abs(expected) + 1e-12);
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> classify(model, new Object[] {"a", 1.0, null}));
    assertTrue(e.getMessage().contains("x1"), e.getMessage());
    assertThrows(IllegalArgumentException.class, () -> classify(model, new Object[] {1.0}));
  }

  /** A straight line in x1 and x2: the linear model. */
  @Test
  void linearModelOnNumericData() throws Exception {
    Instances data = numeric("line", 120, 12,
        (x1, x2, r) -> 3 * x1 - 0.2 * x2 + 0.01 * r.nextGaussian());
    SWATNNRegressor c = swatnn();
    c.buildClassifier(data);
    assertInstanceOf(LinearModel.class, c.fittedNetwork().result().model(), c.toString());
    String source = c.toSource("Line");
    assertEquals(0, count(source, "double h\\d+_\\d+ = "), source);
    Class<?> model = compilesAndPredictsAlike(Evaluation.wekaStaticWrapper(c, "Line"), "Line",
        c, data, "linear, numeric");
    alikeBeyondTheTrainingRange(c, model, data);
  }

  /** Pure noise: the training mean, a constant that needs no input. */
  @Test
  void meanOnNoise() throws Exception {
    Instances data = numeric("noise", 60, 13, (x1, x2, r) -> r.nextGaussian());
    SWATNNRegressor c = swatnn();
    c.buildClassifier(data);
    assertInstanceOf(MeanModel.class, c.fittedNetwork().result().model(), c.toString());
    String source = c.toSource("Noise");
    assertFalse(source.contains("i["), "the mean reads no input:\n" + source);
    Class<?> model = compilesAndPredictsAlike(Evaluation.wekaStaticWrapper(c, "Noise"),
        "Noise", c, data, "mean, numeric");
    assertEquals(c.classifyInstance(data.instance(0)), classify(model, new Object[0]));
  }

  /**
   * Nominal attributes and missing values, by Weka's command-line route ({@code -t FILE -z
   * NAME}, as {@code weka.Run} runs it): the classifier options, the ARFF file, the printed
   * source. An additive target: the linear model on all inputs, indicators included (the
   * network takes the two best-ranked of five).
   */
  @Test
  void linearModelOnNominalDataWithMissingValuesByCommandLine() throws Exception {
    Instances data = mixed("nominal", 150, 14, 0.1, x1 -> 0);
    Path arff = dir.resolve("nominal.arff");
    Files.writeString(arff, data.toString());
    SWATNNRegressor c = new SWATNNRegressor();
    List<String> args = new ArrayList<>(List.of("-t", arff.toString(), "-z", "Nominal",
        "-model", model));
    args.addAll(Arrays.asList(SWATNN));
    String printed = Evaluation.evaluateModel(c, args.toArray(new String[0]));
    assertTrue(printed.contains("class Nominal {"), printed);
    assertTrue(printed.contains("public class WekaWrapper"), printed);
    assertInstanceOf(LinearModel.class, c.fittedNetwork().result().model(), c.toString());
    assertTrue(printed.contains("a1.equals(\"green\")"), printed);
    assertTrue(printed.contains("a1.equals(\"blue\")"), printed);
    assertFalse(printed.contains("a1.equals(\"red\")"), "red is the dropped level:\n" + printed);
    Class<?> model = compilesAndPredictsAlike(printed, "Nominal", c, data,
        "linear, nominal, missing");
    Exception e = assertThrows(IllegalArgumentException.class,
        () -> classify(model, new Object[] {0.5, "purple", "small", 6.0, null}));
    assertTrue(e.getMessage().contains("colour") && e.getMessage().contains("purple"),
        e.getMessage());
  }

  /**
   * A curve in x1 among nominals with missing values, DARTS + ADMM: a network on up to seven
   * inputs, its inputs quantile-scaled.
   */
  @Test
  void networkOnNominalDataWithMissingValues() throws Exception {
    Instances data = mixed("curve-nominal", 200, 15, 0.1, x1 -> 2 * Math.sin(4 * x1));
    DartsAdmmRegressor c = darts("-input-scaling", "quantile");
    c.buildClassifier(data);
    CandidateModel chosen = c.fittedNetwork().result().model();
    assertInstanceOf(NetworkModel.class, chosen, c.toString());
    String source = c.toSource("CurveNominal");
    onlyTheNetworkUsed(source, ((NetworkModel) chosen).network());
    assertTrue(source.contains("Knots"), "quantile scaling:\n" + source);
    compilesAndPredictsAlike(Evaluation.wekaStaticWrapper(c, "CurveNominal"), "CurveNominal",
        c, data, "network, nominal, missing");
  }

  /**
   * The same data for SWATNNRegressor on the tiny autoencoder: the network takes the two
   * best-ranked of five inputs; the source reads only the attributes behind the inputs it uses.
   */
  @Test
  void networkOnSelectedInputs() throws Exception {
    Instances data = mixed("curve-nominal", 200, 15, 0.1, x1 -> 2 * Math.sin(4 * x1));
    SWATNNRegressor c = swatnn();
    c.buildClassifier(data);
    CandidateModel chosen = c.fittedNetwork().result().model();
    assertInstanceOf(NetworkModel.class, chosen, c.toString());
    DataPreparation prep = c.fittedNetwork().preparation();
    assertEquals(5, prep.inputCount());
    assertEquals(2, prep.networkColumns().length);
    String source = c.toSource("Selected");
    onlyTheNetworkUsed(source, ((NetworkModel) chosen).network());
    assertTrue(count(source, "double x\\d+ = scale") <= 2, source);
    compilesAndPredictsAlike(Evaluation.wekaStaticWrapper(c, "Selected"), "Selected", c, data,
        "network, selected inputs");
  }

  /**
   * x1 spanning -1.7e308 .. 1.7e308 and a class spanning about -1.6e308 .. 1.6e308, ranges
   * wider than the largest double: the model scales them without overflow ({@link
   * swatnn.scaling.Spans}), and so must its source (before, its {@code (v - min) / range}
   * with range = max - min = Infinity gave NaN and Infinity). A curve gives a network, a line
   * the linear model; both predict alike, finite, on every row.
   */
  @Test
  void rangesWiderThanTheLargestDoublePredictAlike() throws Exception {
    Instances curve = numeric("wide-curve", 160, 17,
        (x1, x2, r) -> 1.6e308 * Math.sin(3 * x1));
    Instances line = numeric("wide-line", 120, 18,
        (x1, x2, r) -> 1.6e308 * (0.9 * x1 + 0.01 * r.nextGaussian()));
    for (Instances d : List.of(curve, line)) {
      for (Instance row : d) {
        row.setValue(0, 1.7e308 * row.value(0));
      }
      d.instance(0).setValue(0, -1.7e308);
      d.instance(1).setValue(0, 1.7e308);
    }
    SWATNNRegressor network = swatnn();
    network.buildClassifier(curve);
    assertInstanceOf(NetworkModel.class, network.fittedNetwork().result().model(),
        network.toString());
    compilesAndPredictsAlike(Evaluation.wekaStaticWrapper(network, "WideCurve"), "WideCurve",
        network, curve, "network, ranges beyond the largest double");
    SWATNNRegressor linear = swatnn();
    linear.buildClassifier(line);
    assertInstanceOf(LinearModel.class, linear.fittedNetwork().result().model(),
        linear.toString());
    compilesAndPredictsAlike(Evaluation.wekaStaticWrapper(linear, "WideLine"), "WideLine",
        linear, line, "linear, ranges beyond the largest double");
  }

  @Test
  void refusesABadClassNameAndAnUnbuiltModel() throws Exception {
    Exception e = assertThrows(Exception.class, () -> new SWATNNRegressor().toSource("A"));
    assertEquals("SWATNNRegressor: no model built yet", e.getMessage());
    Instances data = numeric("noise", 20, 16, (x1, x2, r) -> 1.0);
    SWATNNRegressor c = swatnn();
    c.buildClassifier(data);
    for (String bad : new String[] {"my-model", "class", "a.B", ""}) {
      e = assertThrows(Exception.class, () -> c.toSource(bad));
      assertTrue(e.getMessage().startsWith("SWATNNRegressor: cannot write the model as source: "
          + "'" + bad + "' is not a Java class name"), e.getMessage());
    }
  }
}
