package swatnn.weka;

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
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;
import swatnn.selection.ConfigurationResult;
import swatnn.selection.SearchResult;
import weka.core.Attribute;
import weka.core.DenseInstance;
import weka.core.Instance;
import weka.core.Instances;
import weka.core.OptionMetadata;
import weka.core.SerializationHelper;
import swatnn.mlp.SparseMlp;
import weka.gui.graphvisualizer.BIFParser;
import weka.gui.graphvisualizer.GraphEdge;
import weka.gui.graphvisualizer.GraphNode;

/**
 * What both searched-network regressors promise a Weka user, whatever the search: Weka's
 * capability messages, clear errors, serialization, determinism, missing and nominal values,
 * degenerate data, progress, Stop, the graph, and predictions from every configuration.
 * Subclasses provide a short search and the fixture {@link #built()}, trained on
 * {@link #QUADRATIC} with seed 1.
 *
 * <p>These tests live in {@code swatnn.weka}, not beside the classifiers: the integration probes
 * run with the test classes on Weka's class path, and Weka's class discovery loads every class
 * under {@code weka.classifiers}, which a subclass of this one cannot be outside the package.
 */
abstract class SparseNetworkRegressorContract<C extends SparseNetworkRegressor> {
  /** y = x1^2 + 0.5 x2 on 300 uniform inputs in [-2, 2] x [0, 10]. */
  static final Instances QUADRATIC = quadratic(300, 7);

  /** A classifier with the test's short-search options and this seed. */
  abstract C shortSearch(int seed) throws Exception;

  /** The classifier built on {@link #QUADRATIC} with {@code shortSearch(1)}. */
  abstract C built();

  /** Shortens a short search further, for the builds that only check mechanics. */
  abstract void shorten(C c);

  /** Makes the search run for far longer than any test waits. */
  abstract void makeEndless(C c);

  /** The largest input count the classifier takes in these tests. */
  abstract int maxInputs();

  /** The progress text of the last step of {@code shortSearch(2)} shortened. */
  abstract String lastProgress();

  /** Every option of the classifier, each set to a value other than its default. */
  abstract String[] everyOption();

  @SuppressWarnings("unchecked")
  private C fresh() throws Exception {
    return (C) built().getClass().getDeclaredConstructor().newInstance();
  }

  @Test
  void optionsRoundTripAndAbsentOnesReturnToTheirDefaults() throws Exception {
    String[] defaults = fresh().getOptions();
    C b = fresh();
    b.setOptions(defaults.clone());
    assertArrayEquals(defaults, b.getOptions());
    b.setOptions(everyOption().clone());
    String[] set = b.getOptions();
    assertFalse(java.util.Arrays.equals(defaults, set));
    C c = fresh();
    c.setOptions(set.clone());
    assertArrayEquals(set, c.getOptions());
    // absent options go back to their defaults (Weka's -num-decimal-places stays as it was)
    c.setOptions(new String[0]);
    assertArrayEquals(defaults, java.util.Arrays.copyOf(c.getOptions(), defaults.length));
    Exception bad = assertThrows(Exception.class,
        () -> fresh().setOptions(new String[] {"-layers", "1,x"}));
    assertTrue(bad.getMessage().contains("1,x"), bad.getMessage());
  }

  /**
   * Every option is listed; every GUI property has a tool tip (its {@link OptionMetadata}
   * description or a TipText method), and the tool tip's first sentence, which is all that
   * Weka's property sheet shows, stands alone: it is not cut at a decimal point or an
   * abbreviation.
   */
  @Test
  void everyOptionIsListedAndEveryPropertyHasAToolTipWhoseFirstSentenceStandsAlone()
      throws Exception {
    C a = fresh();
    Set<String> listed = new HashSet<>();
    for (weka.core.Option o : java.util.Collections.list(a.listOptions())) {
      listed.add(o.name());
    }
    for (String o : everyOption()) {
      if (o.matches("-[A-Za-z][-A-Za-z0-9]*")) {
        assertTrue(listed.contains(o.substring(1)), o + " is not listed");
      }
    }
    int annotated = 0;
    for (java.beans.PropertyDescriptor p : java.beans.Introspector.getBeanInfo(a.getClass(),
        Object.class).getPropertyDescriptors()) {
      if (p.getReadMethod() == null || p.getWriteMethod() == null
          || p.getName().equals("options") // the OptionHandler interface, not a GUI property
          || p.getWriteMethod().isAnnotationPresent(weka.gui.ProgrammaticProperty.class)) {
        continue;
      }
      OptionMetadata meta = p.getReadMethod().getAnnotation(OptionMetadata.class);
      String tip = meta != null ? meta.description()
          : (String) a.getClass().getMethod(p.getName() + "TipText").invoke(a);
      annotated += meta != null ? 1 : 0;
      assertFalse(tip.isBlank(), p.getName());
      if (meta != null) {
        assertEquals(p.getName(), meta.displayName(), "the GUI shows the property's name");
        int stop = tip.indexOf('.');
        assertTrue(stop > 0 && (stop == tip.length() - 1 || tip.charAt(stop + 1) == ' ')
            && !tip.substring(0, stop + 1)
                .matches(".*\\b(e\\.g|i\\.e|etc)\\.$"), p.getName() + ": " + tip);
      }
    }
    assertTrue(annotated > 0, "options by annotation");
  }

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

  private String name() throws Exception {
    return shortSearch(1).getClass().getSimpleName();
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
    assertEquals("weka.classifiers.functions." + name() + ": Cannot handle multi-valued "
        + "nominal class! The class attribute is 'c'; choose a numeric class (-c INDEX on the "
        + "command line; in the Explorer's Classify panel, the box above Start).", e.getMessage());

    atts = new ArrayList<>();
    atts.add(new Attribute("s", (List<String>) null));
    atts.add(new Attribute("y"));
    Instances string = new Instances("s", atts, 1);
    string.setClassIndex(1);
    double[] v = {string.attribute(0).addStringValue("hello"), 1.0};
    string.add(new DenseInstance(1, v));
    e = assertThrows(Exception.class, () -> shortSearch(1).buildClassifier(string));
    assertEquals("weka.classifiers.functions." + name() + ": Cannot handle string attributes! "
        + "Attribute concerned: 's'. Remove it or convert it (e.g. "
        + "weka.filters.unsupervised.attribute.StringToNominal).", e.getMessage());
  }

  @Test
  void tooManyInputsWithoutInputSelectionSaysWhatToDo() throws Exception {
    C c = shortSearch(1);
    c.setSelectInputs(false);
    Exception e = assertThrows(Exception.class, () -> c.buildClassifier(numeric(9, 20)));
    String m = e.getMessage();
    assertTrue(m.contains("9 inputs") && m.contains("at most " + maxInputs())
        && m.contains("Drop -no-input-selection to let the input evaluator choose "
            + maxInputs() + " of them")
        && m.contains("weka.filters.supervised.attribute.AttributeSelection"), m);
  }

  @Test
  void moreInputsThanTheNetworkTakesAreChosenByAttributeSelection() throws Exception {
    // 12 inputs, the class depends on a3 and a9 only
    Instances d = numeric(12, 120);
    for (Instance i : d) {
      i.setClassValue(2 * i.value(3) - i.value(9) + 0.01 * i.value(0));
    }
    C c = shortSearch(1);
    shorten(c);
    c.setLayers("1");
    c.buildClassifier(d);
    String text = c.toString();
    assertTrue(text.contains("network inputs: the " + maxInputs() + " of 12 inputs ranked "
        + "highest by ReliefFAttributeEval"), text);
    assertTrue(text.contains(" a3") && text.contains(" a9"), text);
    // the inputs' list says which ones the network does not read
    assertEquals(12 - maxInputs(), text.lines()
        .filter(l -> l.endsWith("; not a network input (not among the inputs selected for the "
            + "network)")).count(), text);
    assertEquals(maxInputs(), text.lines().filter(l -> l.contains("; for a network: ")).count(),
        text);
    for (Instance i : d) {
      assertTrue(Double.isFinite(c.classifyInstance(i)));
    }
  }

  /** Rows of 4 nominal attributes (values a-d) and a class {@code n0 + [n1 = c]} plus noise. */
  static Instances nominalHeavy(int n, long seed) {
    ArrayList<Attribute> atts = new ArrayList<>();
    List<String> values = List.of("a", "b", "c", "d");
    for (int j = 0; j < 4; j++) {
      atts.add(new Attribute("n" + j, values));
    }
    atts.add(new Attribute("y"));
    Instances d = new Instances("nominal", atts, n);
    d.setClassIndex(4);
    Random r = new Random(seed);
    for (int i = 0; i < n; i++) {
      double[] v = new double[5];
      for (int j = 0; j < 4; j++) {
        v[j] = r.nextInt(4);
      }
      v[4] = v[0] + (v[1] == 2 ? 1 : 0) + 0.1 * r.nextGaussian();
      d.add(new DenseInstance(1, v));
    }
    return d;
  }

  /** The mean squared error of {@code c} on {@code test}. */
  static double mse(weka.classifiers.Classifier c, Instances test) throws Exception {
    double sum = 0;
    for (Instance i : test) {
      double p = c.classifyInstance(i);
      assertTrue(Double.isFinite(p), "prediction " + p + " for " + i);
      sum += (p - i.classValue()) * (p - i.classValue());
    }
    return sum / test.numInstances();
  }

  /** The mean squared error on {@code test} of predicting the training mean of the class. */
  static double meanMse(Instances train, Instances test) {
    double mean = train.meanOrMode(train.classIndex());
    double sum = 0;
    for (Instance i : test) {
      sum += (mean - i.classValue()) * (mean - i.classValue());
    }
    return sum / test.numInstances();
  }

  /**
   * Only nominal inputs, each turned into indicators: the model reads the informative ones and
   * predicts held-out rows far better than the training mean. The class is n0's index plus 1
   * when n1 = c; the best model on the largest bundled autoencoder's inputs (n0=c and n0=d for a
   * model of two) leaves a quarter of the class variance, the mean all of it.
   */
  @Test
  void nominalHeavyDataPredictsBetterThanTheMean() throws Exception {
    Instances d = nominalHeavy(160, 8);
    Instances test = nominalHeavy(200, 9);
    C c = shortSearch(1);
    shorten(c);
    c.setLayers("1");
    c.buildClassifier(d); // 4 x 3 indicators (the first value's dropped), maxInputs() kept
    assertTrue(c.toString().contains("4 attributes besides the class -> 12 inputs"),
        c.toString());
    assertTrue(c.toString().contains("of 12 inputs"), c.toString());
    assertFalse(c.toString().contains("=a"), "no input is a first value's indicator");
    double model = mse(c, test);
    double mean = meanMse(d, test);
    assertTrue(model < 0.5 * mean, "held-out MSE " + model + ", the mean's " + mean + "\n" + c);
  }

  @Test
  void allMissingInputsPredictTheMeanWithoutASearch() throws Exception {
    Instances d = new Instances(QUADRATIC, 0, 50);
    double sum = 0;
    for (Instance i : d) {
      i.setMissing(0);
      i.setMissing(1);
      sum += i.classValue();
    }
    C c = shortSearch(1);
    List<String> progress = new ArrayList<>();
    c.setLog(new weka.gui.Logger() {
      @Override
      public void logMessage(String message) {
        progress.add(message);
      }

      @Override
      public void statusMessage(String message) {
        progress.add(message);
      }
    });
    c.buildClassifier(d);
    // no search runs: none is recorded, no configuration was searched, no step reported
    assertFalse(c.searchResult().searched(), "a search ran");
    assertTrue(c.searchResult().configurations().isEmpty(), "configurations searched");
    assertTrue(progress.stream().noneMatch(m -> m.contains("step ")), progress.toString());
    for (Instance i : QUADRATIC) {
      assertEquals(sum / d.numInstances(), c.classifyInstance(i), 1e-12);
    }
    assertTrue(c.toString().contains("No input varies on the training data"), c.toString());
    assertTrue(c.toString().contains("no search was run"), c.toString());
  }

  @Test
  void missingClassOnlyIsAClearError() throws Exception {
    Instances d = quadratic(5, 1);
    for (Instance i : d) {
      i.setClassMissing();
    }
    Exception e = assertThrows(Exception.class, () -> shortSearch(1).buildClassifier(d));
    assertTrue(e.getMessage().contains("class"), e.getMessage()); // Weka's capabilities message
    C unchecked = shortSearch(1);
    unchecked.setDoNotCheckCapabilities(true);
    e = assertThrows(Exception.class, () -> unchecked.buildClassifier(d));
    assertTrue(e.getMessage().contains("no training instance has a class value"), e.getMessage());
  }

  @Test
  void serializedModelIsSmallAndPredictsTheSame() throws Exception {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    SerializationHelper.write(bytes, built());
    assertTrue(bytes.size() < 100_000, "serialized size " + bytes.size());
    Object copy = SerializationHelper.read(new ByteArrayInputStream(bytes.toByteArray()));
    assertEquals(built().getClass(), copy.getClass());
    SparseNetworkRegressor read = (SparseNetworkRegressor) copy;
    for (Instance i : QUADRATIC) {
      assertEquals(built().classifyInstance(i), read.classifyInstance(i));
    }
    assertEquals(built().toString(), read.toString());
  }

  @Test
  void aModelOfAnotherVersionIsRefusedNamingBothVersions() throws Exception {
    FittedNetwork f = built().fittedNetwork();
    FittedNetwork.Provenance p = f.provenance();
    assertEquals(FittedNetwork.PACKAGE_VERSION, p.packageVersion());
    java.util.Properties description = new java.util.Properties();
    try (java.io.Reader r = java.nio.file.Files.newBufferedReader(
        java.nio.file.Paths.get("Description.props"))) {
      description.load(r);
    }
    assertEquals(description.getProperty("Version"), FittedNetwork.PACKAGE_VERSION);
    String text = built().toString();
    assertTrue(text.contains("Provenance:\n  package      swatnn " + p.packageVersion() + "\n"
        + "  options      " + weka.core.Utils.joinOptions(built().getOptions())), text);
    FittedNetwork other = new FittedNetwork(f.preparation(), f.inputRanges(), f.inputScaler(),
        f.classScaler(),
        f.result(), f.className(), f.notSearched(), f.tolerance(), f.header(),
        new FittedNetwork.Provenance("0.0.9", p.options(), p.autoencoder(),
            p.autoencoderSha256()));
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    SerializationHelper.write(bytes, other);
    Exception e = assertThrows(java.io.InvalidClassException.class,
        () -> SerializationHelper.read(new ByteArrayInputStream(bytes.toByteArray())));
    assertTrue(e.getMessage().contains("built by swatnn 0.0.9; this is swatnn "
        + FittedNetwork.PACKAGE_VERSION), e.getMessage());
  }

  @Test
  void sameSeedSamePredictions() throws Exception {
    C again = shortSearch(1);
    again.buildClassifier(QUADRATIC);
    for (Instance i : QUADRATIC) {
      assertEquals(built().classifyInstance(i), again.classifyInstance(i));
    }
  }

  /**
   * A missing input is read as its training mean (numeric) or mode (nominal), as Weka's
   * ReplaceMissingValues does: its prediction is the one for the row with that value filled
   * in. The means and modes are those of the rows trained on (the rows with a class value).
   */
  @Test
  void missingValuesAreTheTrainingMeanOrModeAndNominalAttributesAreRead() throws Exception {
    ArrayList<Attribute> atts = new ArrayList<>();
    atts.add(new Attribute("x"));
    atts.add(new Attribute("colour", List.of("red", "green")));
    atts.add(new Attribute("y"));
    Instances d = new Instances("mixed", atts, 60);
    d.setClassIndex(2);
    Random r = new Random(5);
    for (int i = 0; i < 60; i++) {
      double x = r.nextDouble();
      // green is the mode: 2 of 3 rows
      int colour = r.nextInt(3) == 0 ? 0 : 1;
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
    C c = shortSearch(2);
    shorten(c);
    c.setLayers("1");
    c.buildClassifier(d);
    assertTrue(c.toString().contains("colour"), c.toString());
    Instances trained = new Instances(d);
    trained.deleteWithMissingClass();
    double meanX = trained.meanOrMode(0);
    double modeColour = trained.meanOrMode(1);
    assertEquals(1.0, modeColour, "green is the mode");

    // the fit reads both inputs: on the complete rows it is far better than the mean
    Instances complete = new Instances(d, 0);
    for (Instance i : d) {
      if (!i.hasMissingValue() && !i.classIsMissing()) { // the first ignores the class
        complete.add(i);
      }
    }
    double model = mse(c, complete);
    double mean = meanMse(trained, complete);
    assertTrue(model < 0.1 * mean, "MSE " + model + ", the mean's " + mean + "\n" + c);

    for (double x : new double[] {0.05, 0.95}) {
      for (int colour = 0; colour < 2; colour++) {
        Instance full = new DenseInstance(1, new double[] {x, colour, 0});
        full.setDataset(d);
        Instance noX = (Instance) full.copy();
        noX.setMissing(0);
        Instance filledX = (Instance) full.copy();
        filledX.setValue(0, meanX);
        assertEquals(c.classifyInstance(filledX), c.classifyInstance(noX),
            "missing x is the training mean " + meanX);
        Instance noColour = (Instance) full.copy();
        noColour.setMissing(1);
        Instance filledColour = (Instance) full.copy();
        filledColour.setValue(1, modeColour);
        assertEquals(c.classifyInstance(filledColour), c.classifyInstance(noColour),
            "missing colour is the training mode");
      }
    }
    // ... and the model depends on both, so reading another value would show
    Instance low = new DenseInstance(1, new double[] {0.05, 0, 0});
    low.setDataset(d);
    Instance high = (Instance) low.copy();
    high.setValue(0, 0.95);
    high.setValue(1, 1);
    assertTrue(c.classifyInstance(high) - c.classifyInstance(low) > 1, "x and colour are read");

    // a purely numeric model meeting a missing value at prediction time uses the training mean
    Instance withMissing = (Instance) QUADRATIC.instance(0).copy();
    withMissing.setMissing(1);
    Instance filled = (Instance) QUADRATIC.instance(0).copy();
    filled.setValue(1, QUADRATIC.meanOrMode(1));
    assertEquals(built().classifyInstance(filled), built().classifyInstance(withMissing));
    assertFalse(built().classifyInstance(filled)
        == built().classifyInstance(QUADRATIC.instance(0)), "x2 is read");
  }

  @Test
  void constantClassAndSingleRowGiveTheConstant() throws Exception {
    Instances one = new Instances(QUADRATIC, 0, 1);
    C c = shortSearch(1);
    c.buildClassifier(one);
    double y = one.instance(0).classValue();
    for (Instance i : QUADRATIC) {
      assertEquals(y, c.classifyInstance(i));
    }
    // one parameter, the mean, whatever its scaled value (here 0), and no network
    assertTrue(c.toString().contains("Non-zero count: 1 (the mean)"), c.toString());
    assertFalse(c.toString().contains("Output: "), c.toString());
    assertEquals(1, c.getMeasure("measureNonZeroCount"));
    assertEquals(0, c.getMeasure("measureNonZeroWeights"));
    assertEquals(0, c.getMeasure("measureHiddenLayers"));
  }

  @Test
  void onlyTheClassGivesTheMeanWithoutInputWeights() throws Exception {
    Instances d = new Instances(QUADRATIC);
    d.setClassIndex(-1);
    d.deleteAttributeAt(0);
    d.deleteAttributeAt(0);
    d.setClassIndex(0);
    C c = shortSearch(1);
    shorten(c);
    c.buildClassifier(d); // nothing to search: the mean
    double mean = d.meanOrMode(0);
    for (Instance i : d) {
      assertEquals(mean, c.classifyInstance(i), 1e-12);
    }
    assertTrue(c.toString().contains("No input varies on the training data (there is none)"),
        c.toString());
    assertEquals(1, c.graph().split("<VARIABLE", -1).length - 1, c.graph()); // the output only
  }

  @Test
  void everyConfigurationPredictsForTheBenchmark() throws Exception {
    SearchResult r = built().searchResult();
    assertEquals(2, r.configurations().size());
    // the quadratic is not linear: the fixture's chosen model is a network
    assertNotNull(built().fittedNetwork().network(), built().toString());
    for (Instance i : QUADRATIC) {
      assertEquals(built().classifyInstance(i),
          built().classifyInstance(built().fittedNetwork().network(), i));
      for (ConfigurationResult c : r.configurations()) {
        assertTrue(Double.isFinite(built().classifyInstance(c.network(), i)));
      }
    }
    C unbuilt = shortSearch(1);
    assertNull(unbuilt.searchResult());
    assertThrows(Exception.class, () -> unbuilt.classifyInstance(
        r.configurations().get(0).network(), QUADRATIC.instance(0)));
    assertEquals(name() + ": no model built yet.", unbuilt.toString());
    assertTrue(Double.isNaN(unbuilt.getMeasure("measureNonZeroCount")));
    assertThrows(IllegalArgumentException.class, () -> built().getMeasure("measureNothing"));
  }

  /** In the Explorer the search reports its progress through the log's status bar. */
  @Test
  void progressGoesToTheExplorersStatusBar() throws Exception {
    List<String> status = new ArrayList<>();
    C c = shortSearch(2);
    shorten(c);
    c.setLog(new weka.gui.Logger() {
      @Override
      public void logMessage(String message) {
      }

      @Override
      public void statusMessage(String message) {
        status.add(message);
      }
    });
    c.buildClassifier(QUADRATIC);
    assertFalse(status.isEmpty());
    assertTrue(status.stream().anyMatch(m -> m.contains(lastProgress())), status.toString());
    // the search's last step, or after it the refinement's last line, ends the status
    assertTrue(status.get(status.size() - 1).contains("done in "), status.toString());
  }

  /** From the command line (Weka's runClassifier calls preExecution) progress is a bar. */
  @Test
  void progressGoesToTheCommandLineAsABar() throws Exception {
    C c = shortSearch(2);
    shorten(c);
    c.preExecution();
    PrintStream err = System.err;
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try {
      System.setErr(new PrintStream(bytes, true));
      c.buildClassifier(QUADRATIC);
    } finally {
      System.setErr(err);
      c.postExecution();
    }
    String out = bytes.toString();
    assertTrue(out.contains("[" + "#".repeat(20) + "] 100%  " + lastProgress()), out);
    bytes.reset();
    // the copies Weka's cross-validation builds during a command-line run show theirs too
    C template = shortSearch(2);
    shorten(template);
    template.preExecution();
    try {
      System.setErr(new PrintStream(bytes, true));
      weka.classifiers.AbstractClassifier.makeCopy(template).buildClassifier(QUADRATIC);
    } finally {
      System.setErr(err);
      template.postExecution();
    }
    assertTrue(bytes.toString().contains(lastProgress()), bytes.toString());
    bytes.reset();
    C quiet = shortSearch(2);
    shorten(quiet);
    try {
      System.setErr(new PrintStream(bytes, true));
      quiet.buildClassifier(QUADRATIC);
    } finally {
      System.setErr(err);
    }
    assertFalse(bytes.toString().contains(lastProgress()), "no bar outside the command line");
  }

  @Test
  void interruptStopsTheSearch() throws Exception {
    C c = shortSearch(1);
    makeEndless(c);
    java.util.concurrent.CountDownLatch searching = new java.util.concurrent.CountDownLatch(1);
    c.setLog(new weka.gui.Logger() {
      @Override
      public void logMessage(String message) {
      }

      @Override
      public void statusMessage(String message) {
        searching.countDown();
      }
    });
    Exception[] thrown = new Exception[1];
    Thread t = new Thread(() -> {
      try {
        c.buildClassifier(QUADRATIC);
      } catch (Exception e) {
        thrown[0] = e;
      }
    });
    t.start();
    // interrupt once the search reports progress, however long a slow machine takes to get there
    assertTrue(searching.await(120, java.util.concurrent.TimeUnit.SECONDS), "no progress");
    t.interrupt();
    t.join(30_000); // a step takes milliseconds here: the Explorer's Stop ends the search at once
    assertFalse(t.isAlive(), "still searching 30 s after the interrupt");
    assertNotNull(thrown[0]);
    assertEquals(name() + ": search interrupted", thrown[0].getMessage());
    assertEquals(name() + ": no model built yet.", c.toString());
  }

  /**
   * The graph is XMLBIF that Weka's graph visualizer reads: one node per unit on a path to the
   * output, one edge per non-zero weight among them, each edge from one layer's rank to the
   * next, and the output's equation shown for the output node.
   */
  @Test
  void graphIsXmlBifThatTheGraphVisualizerLaysOutByLayer() throws Exception {
    assertEquals(weka.core.Drawable.BayesNet, built().graphType());
    String bif = built().graph();
    ArrayList<GraphNode> nodes = new ArrayList<>();
    ArrayList<GraphEdge> edges = new ArrayList<>();
    new BIFParser(bif, nodes, edges).parse();
    SparseMlp net = built().fittedNetwork().network();
    assertNotNull(net, "a network on the quadratic data");
    assertEquals(net.hiddenLayers() + 2, nodes.stream().mapToInt(n -> n.y).distinct().count(),
        "one rank per layer: " + bif);
    int weights = 0;
    for (GraphEdge e : edges) {
      assertEquals(nodes.get(e.src).y + 80, nodes.get(e.dest).y, bif);
      weights++;
    }
    assertTrue(weights > 0 && weights <= net.nonZeroWeights(), bif);
    GraphNode out = nodes.stream().filter(n -> n.ID.equals("y")).findFirst().orElseThrow();
    assertTrue(out.outcomes[0].startsWith("y = "), out.outcomes[0]);
    assertTrue(nodes.stream().anyMatch(n -> n.ID.equals("x1") || n.ID.equals("x2")), bif);
  }

}
