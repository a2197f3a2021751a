package swatnn.weka;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Enumeration;
import java.util.List;
import java.util.Locale;
import java.util.Vector;
import swatnn.mlp.MlpLayout;
import swatnn.mlp.SparseMlp;
import swatnn.search.ConfigurationResult;
import swatnn.search.ConfigurationSelector;
import swatnn.search.MinMaxScaler;
import swatnn.search.SearchListener;
import swatnn.search.SearchResult;
import swatnn.search.SelectionSettings;
import weka.classifiers.AbstractClassifier;
import weka.core.AdditionalMeasureProducer;
import weka.core.Capabilities;
import weka.core.Capabilities.Capability;
import weka.core.Drawable;
import weka.attributeSelection.ASEvaluation;
import weka.attributeSelection.AttributeEvaluator;
import weka.attributeSelection.ReliefFAttributeEval;
import weka.core.Instance;
import weka.core.Instances;
import weka.core.LogHandler;
import weka.core.Option;
import weka.core.Randomizable;
import weka.core.Utils;
import weka.core.WeightedInstancesHandler;
import weka.gui.Logger;
import weka.gui.ProgrammaticProperty;

/**
 * What the searched-network regressors (SWATNNRegressor, DartsAdmmRegressor) share once built:
 * the data preparation, the input and class scaling, the search result; prediction through the
 * chosen (or any searched) network in plain Java; the additional measures; the network as a
 * graph; the Explorer's log. Subclasses search and describe.
 */
public abstract class SparseNetworkRegressor extends AbstractClassifier
    implements AdditionalMeasureProducer, Drawable, LogHandler, NetworkSearchClassifier,
    Randomizable {

  private static final long serialVersionUID = 1L;

  /** Seconds between two progress lines on stderr. */
  private static final double PROGRESS_INTERVAL = 2.0;

  /** Set by {@link #runFromCommandLine}: progress lines go to System.err. */
  private static volatile boolean s_commandLine;

  /** Missing values, nominal-to-binary conversion and reading of the inputs. */
  protected DataPreparation m_preparation;

  /** Maps each input from its training range to [-1, 1]. */
  protected MinMaxScaler m_inputScaler;

  /** Maps the class from its training range to [-1, 1]. */
  protected MinMaxScaler m_classScaler;

  /** Every configuration tried and the chosen one; null before building. */
  protected SearchResult m_result;

  /** The class attribute's name. */
  protected String m_className;

  /** The Explorer's log, for progress in its status bar (never serialized). */
  protected transient Logger m_log;

  /** Per-thread input buffers of classifyInstance. */
  protected transient volatile ThreadLocal<double[]> m_buffers;

  /** Whether the class was constant, so that no search was run. */
  protected String m_noSearch;

  /** The weighted training mean of the class, which a model without a search predicts. */
  protected double m_mean;

  /**
   * Numeric class; numeric, date and nominal attributes; missing values.
   *
   * @return the capabilities
   */
  @Override
  public Capabilities getCapabilities() {
    Capabilities result = super.getCapabilities();
    result.disableAll();
    result.enable(Capability.NUMERIC_ATTRIBUTES);
    result.enable(Capability.DATE_ATTRIBUTES);
    result.enable(Capability.NOMINAL_ATTRIBUTES);
    result.enable(Capability.MISSING_VALUES);
    result.enable(Capability.NUMERIC_CLASS);
    result.enable(Capability.MISSING_CLASS_VALUES);
    result.setMinimumNumberInstances(1);
    return result;
  }

  /**
   * The evaluator that ranks the inputs by default: RReliefF (Weka's ReliefFAttributeEval,
   * which handles a numeric class and interactions), on at most 1000 sampled rows so that its
   * cost stays bounded on large data. Weka's CorrelationAttributeEval was not chosen: it ranks
   * by signed correlation, so a strongly negatively correlated input ranks last.
   */
  public static ASEvaluation defaultInputEvaluator() {
    ReliefFAttributeEval e = new ReliefFAttributeEval();
    e.setSampleSize(1000);
    return e;
  }

  /** Ranks the inputs when the data has more than the network takes. */
  protected ASEvaluation m_inputEvaluator = defaultInputEvaluator();

  /** Whether inputs are chosen when there are too many (otherwise such data is refused). */
  protected boolean m_selectInputs = true;

  /** The classifier's name in messages, e.g. "SWATNNRegressor". */
  protected abstract String displayName();

  /** The options shared by every search (layers, tolerance, validation split, seed). */
  protected abstract SelectionSettings selection();

  /** The defaults of {@link #selection()}, for the option descriptions. */
  protected abstract SelectionSettings defaultSelection();

  /**
   * Runs a classifier from the command line (its {@code main}), with progress lines on
   * System.err.
   *
   * @param classifier a new classifier
   * @param args the options
   */
  protected static void runFromCommandLine(SparseNetworkRegressor classifier, String[] args) {
    s_commandLine = true;
    runClassifier(classifier, args);
  }

  // ------------------------------------------------------------------ shared options

  /**
   * The options every search has (after the subclass's own): -layers, -tol, -val, -S, then
   * AbstractClassifier's.
   *
   * @return an enumeration of the options
   */
  @Override
  public Enumeration<Option> listOptions() {
    SelectionSettings d = defaultSelection();
    Vector<Option> v = new Vector<>();
    v.add(new Option("\tHidden-layer counts to search, comma-separated.\n\t(default "
        + layersString(d.layers()) + ")", "layers", 1, "-layers <list>"));
    v.add(new Option("\tRelative validation-MSE tolerance: the configuration with the fewest\n"
        + "\tnon-zero parameters within it of the best is chosen.\n\t(default "
        + d.tolerance() + ")", "tol", 1, "-tol <fraction>"));
    v.add(new Option("\tFraction of the training rows held out to choose the configuration.\n"
        + "\t(default " + d.validationFraction() + ")", "val", 1, "-val <fraction>"));
    v.add(new Option("\tRandom seed.\n\t(default " + d.seed() + ")", "S", 1, "-S <seed>"));
    v.add(new Option("\tThe attribute evaluator that ranks the inputs when the data has more\n"
        + "\tthan the network takes (the best-ranked are kept), with its options.\n"
        + "\t(default " + Utils.toCommandLine(defaultInputEvaluator()) + ")", "input-evaluator", 1,
        "-input-evaluator <classname and options>"));
    v.add(new Option("\tDo not choose inputs: refuse data with more inputs than the network "
        + "takes.", "no-input-selection", 0, "-no-input-selection"));
    v.addAll(Collections.list(super.listOptions()));
    return v.elements();
  }

  /**
   * Parses the shared options; an absent option takes its default.
   *
   * @param options the options
   * @throws Exception if an option is invalid
   */
  @Override
  public void setOptions(String[] options) throws Exception {
    SelectionSettings d = defaultSelection();
    try {
      String layers = Utils.getOption("layers", options);
      setLayers(layers.isEmpty() ? layersString(d.layers()) : layers);
      setTolerance(doubleOption("tol", options, d.tolerance()));
      setValidationFraction(doubleOption("val", options, d.validationFraction()));
      setSeed(intOption("S", options, (int) d.seed()));
      setSelectInputs(!Utils.getFlag("no-input-selection", options));
      String[] spec = Utils.splitOptions(Utils.getOption("input-evaluator", options));
      if (spec.length == 0) {
        setInputEvaluator(defaultInputEvaluator());
      } else {
        String name = spec[0];
        spec[0] = "";
        setInputEvaluator(ASEvaluation.forName(name, spec));
      }
    } catch (IllegalArgumentException e) {
      throw new Exception(displayName() + ": " + e.getMessage(), e);
    }
    super.setOptions(options);
  }

  /**
   * The shared options, then AbstractClassifier's.
   *
   * @return the options
   */
  @Override
  public String[] getOptions() {
    List<String> o = new ArrayList<>();
    addOption(o, "-layers", getLayers());
    addOption(o, "-tol", getTolerance());
    addOption(o, "-val", getValidationFraction());
    addOption(o, "-S", getSeed());
    addOption(o, "-input-evaluator", Utils.toCommandLine(m_inputEvaluator));
    if (!m_selectInputs) {
      o.add("-no-input-selection");
    }
    Collections.addAll(o, super.getOptions());
    return o.toArray(new String[0]);
  }

  /** Appends an option and its value. */
  protected static void addOption(List<String> options, String name, Object value) {
    options.add(name);
    options.add(String.valueOf(value));
  }

  /**
   * The integer value of option {@code -name}, or {@code dflt} if absent.
   *
   * @throws Exception naming the option if the value is not an integer
   */
  protected int intOption(String name, String[] options, int dflt) throws Exception {
    String s = Utils.getOption(name, options);
    if (s.isEmpty()) {
      return dflt;
    }
    try {
      return Integer.parseInt(s.trim());
    } catch (NumberFormatException e) {
      throw new Exception(displayName() + ": option -" + name + " needs an integer, got '" + s
          + "'");
    }
  }

  /**
   * The numeric value of option {@code -name}, or {@code dflt} if absent.
   *
   * @throws Exception naming the option if the value is not a number
   */
  protected double doubleOption(String name, String[] options, double dflt) throws Exception {
    String s = Utils.getOption(name, options);
    if (s.isEmpty()) {
      return dflt;
    }
    try {
      return Double.parseDouble(s.trim());
    } catch (NumberFormatException e) {
      throw new Exception(displayName() + ": option -" + name + " needs a number, got '" + s
          + "'");
    }
  }

  /** {@code 1,2,3,4}. */
  protected static String layersString(int[] layers) {
    StringBuilder sb = new StringBuilder();
    for (int k : layers) {
      sb.append(sb.length() > 0 ? "," : "").append(k);
    }
    return sb.toString();
  }

  /** @return the hidden-layer counts searched, comma-separated */
  public String getLayers() {
    return layersString(selection().layers());
  }

  /**
   * @param v hidden-layer counts, comma-separated (e.g. {@code 1,2,3,4})
   * @throws IllegalArgumentException if it is not a list of positive integers
   */
  public void setLayers(String v) {
    String[] parts = v.trim().split("\\s*,\\s*");
    int[] layers = new int[parts.length];
    for (int i = 0; i < parts.length; i++) {
      try {
        layers[i] = Integer.parseInt(parts[i]);
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException("hidden-layer counts must be comma-separated "
            + "integers such as 1,2,3,4, got '" + v + "'");
      }
    }
    selection().layers(layers);
  }

  /** @return the evaluator that ranks the inputs when there are too many */
  public ASEvaluation getInputEvaluator() {
    return m_inputEvaluator;
  }

  /**
   * @param v an attribute evaluator that ranks single attributes against a numeric class
   * @throws IllegalArgumentException if it does not rank single attributes
   */
  public void setInputEvaluator(ASEvaluation v) {
    if (!(v instanceof AttributeEvaluator)) {
      throw new IllegalArgumentException("the input evaluator must rank single attributes "
          + "(a weka.attributeSelection.AttributeEvaluator such as ReliefFAttributeEval), got "
          + (v == null ? "none" : v.getClass().getName()));
    }
    m_inputEvaluator = v;
  }

  /** @return the tip text */
  public String inputEvaluatorTipText() {
    return "Ranks the inputs (after nominal attributes become binary indicators) against the "
        + "class on the training rows when there are more than the network takes; the "
        + "best-ranked are kept, and the model text names them. Must rank single attributes.";
  }

  /** @return whether inputs are chosen when there are too many */
  public boolean getSelectInputs() {
    return m_selectInputs;
  }

  /** @param v whether to choose inputs when there are too many (false: refuse such data) */
  public void setSelectInputs(boolean v) {
    m_selectInputs = v;
  }

  /** @return the tip text */
  public String selectInputsTipText() {
    return "Whether inputs beyond what the network takes are chosen by the input evaluator; "
        + "when off, such data is refused with a message.";
  }

  /**
   * Fits the data preparation to the training rows, keeping at most {@code maxInputs} inputs
   * (chosen by the input evaluator) unless input selection is off.
   */
  protected DataPreparation.Fitted prepare(Instances train, int maxInputs) throws Exception {
    return DataPreparation.fit(train, maxInputs, m_selectInputs ? m_inputEvaluator : null);
  }

  /** @return the selection tolerance */
  public double getTolerance() {
    return selection().tolerance();
  }

  /** @param v the selection tolerance (>= 0) */
  public void setTolerance(double v) {
    selection().tolerance(v);
  }

  /** @return the tip text */
  public String toleranceTipText() {
    return "Selection tolerance: among the configurations whose validation MSE is within this "
        + "fraction of the best, the one with the fewest non-zero parameters is chosen. A value "
        + "of 0.05 means within 5%.";
  }

  /** @return the validation fraction */
  public double getValidationFraction() {
    return selection().validationFraction();
  }

  /** @param v the validation fraction, in [0, 1) */
  public void setValidationFraction(double v) {
    selection().validationFraction(v);
  }

  /** @return the tip text */
  public String validationFractionTipText() {
    return "Fraction of the training rows held out (seeded) to choose among configurations; "
        + "with fewer than 2 such rows, the training rows are used.";
  }

  /** @return the random seed */
  @Override
  public int getSeed() {
    return (int) selection().seed();
  }

  /** @param seed the random seed */
  @Override
  public void setSeed(int seed) {
    selection().seed(seed);
  }

  // ------------------------------------------------------------------ building helpers

  /**
   * The training rows scaled to [-1, 1]: inputs padded with zero columns to nIn, labels, and
   * the instance weights (null when they are all equal).
   */
  protected record ScaledRows(double[][] x, double[] y, double[] w) {}

  /** Scales the prepared rows with the fitted scalers, padding the inputs to {@code nIn}. */
  protected static ScaledRows scale(DataPreparation.Fitted fitted, MinMaxScaler inputScaler,
      MinMaxScaler classScaler, int nIn) {
    int nData = fitted.preparation().inputCount();
    double[][] raw = fitted.inputs();
    double[] labels = fitted.labels();
    double[][] x = new double[raw.length][nIn];
    double[] y = new double[raw.length];
    for (int i = 0; i < raw.length; i++) {
      for (int j = 0; j < nData; j++) {
        x[i][j] = inputScaler.scale(j, raw[i][j]);
      }
      y[i] = classScaler.scale(0, labels[i]);
    }
    double[] w = fitted.weights();
    boolean equal = java.util.Arrays.stream(w).allMatch(v -> v == w[0]);
    return new ScaledRows(x, y, equal ? null : w.clone());
  }

  /** A search over the scaled training rows. */
  protected interface Search {
    SearchResult run(ScaledRows rows) throws Exception;
  }

  /**
   * Fits the input and class scalers, runs {@code search} on the scaled rows and keeps what
   * prediction needs. No search runs when there is nothing to fit: a constant class, or no
   * input that varies on the training rows (none at all, or every one constant or missing);
   * the model then predicts the weighted training mean of the class.
   *
   * @param nIn the network's input count (the data's, padded with inputs held at 0)
   */
  protected void fitAndSearch(Instances train, DataPreparation.Fitted fitted, MlpLayout layout,
      int nIn, Search search) throws Exception {
    int nData = fitted.preparation().inputCount();
    MinMaxScaler inputScaler = MinMaxScaler.fit(fitted.inputs(), nData);
    MinMaxScaler classScaler = MinMaxScaler.fit(fitted.labels());
    boolean varies = false;
    for (int j = 0; j < nData; j++) {
      varies |= inputScaler.min(j) < inputScaler.max(j);
    }
    String noSearch = classScaler.min(0) == classScaler.max(0)
        ? "The class is constant on the training data"
        : !varies ? "No input varies on the training data (" + (nData == 0 ? "there is none"
            : "every one is constant or missing") + ")" : null;
    double mean = ConfigurationSelector.weightedMean(fitted.labels(), fitted.weights());
    SearchResult result = noSearch != null
        ? meanResult(layout, nIn, train.numInstances(), classScaler.scale(0, mean))
        : search.run(scale(fitted, inputScaler, classScaler, nIn));
    if (noSearch == null && !result.beatsMean()) {
      noSearch = String.format(Locale.ROOT, "No network beat the training mean clearly on the "
          + "held-out rows (validation MSE %.6g against the mean's %.6g; a network must be better "
          + "by the tolerance and by more than two standard errors)",
          result.selected().validationMse(), result.meanValidationMse());
      SparseMlp meanNet = meanResult(layout, nIn, 0, classScaler.scale(0, mean)).network();
      result = new SearchResult(result.configurations(), new ConfigurationResult(1, meanNet,
          Double.NaN, result.meanValidationMse(), 0), result.seconds(), result.trainRows(),
          result.validationRows(), result.meanValidationMse(), false);
    }
    m_preparation = fitted.preparation();
    m_inputScaler = inputScaler;
    m_classScaler = classScaler;
    m_className = train.classAttribute().name();
    m_noSearch = noSearch;
    m_mean = mean;
    m_result = result;
  }

  /** The result without a search: one network of no neurons, its output bias the mean. */
  protected static SearchResult meanResult(MlpLayout layout, int nIn, int rows,
      double scaledMean) {
    SparseMlp net = SparseMlp.builder(layout, nIn, 1).outputBias(scaledMean).build();
    ConfigurationResult only = new ConfigurationResult(1, net, 0, 0, 0);
    return new SearchResult(List.of(only), only, 0, rows, 0);
  }

  /**
   * Where the search's progress goes: lines on System.err from the command line or with
   * -D (after {@code startLine}), and the Explorer's status bar when it set a log.
   */
  protected SearchListener progressListener(String prefix, String startLine) {
    SearchListener listener = SearchListener.NONE;
    if (s_commandLine || getDebug()) {
      System.err.println(startLine);
      listener = new ProgressPrinter(System.err, prefix, PROGRESS_INTERVAL);
    }
    Logger log = m_log;
    if (log != null) {
      SearchListener status = new ProgressPrinter(log::statusMessage, prefix, 1.0);
      SearchListener printer = listener;
      listener = (step, steps, loss) -> {
        printer.progress(step, steps, loss);
        status.progress(step, steps, loss);
      };
    }
    return listener;
  }

  /**
   * Zeroes the weights of padded inputs (always 0, so predictions do not change) so that they
   * do not count as non-zero, and chooses again with the corrected counts.
   */
  protected static SearchResult withoutPaddedInputs(SearchResult result, int nData,
      double tolerance) {
    List<ConfigurationResult> cleaned = new ArrayList<>();
    for (ConfigurationResult c : result.configurations()) {
      SparseMlp net = c.network();
      SparseMlp.Builder b = net.toBuilder();
      int h = net.layout().maxNeurons();
      for (int i = nData; i < net.nIn(); i++) {
        for (int j = 0; j < h; j++) {
          b.weight(0, i, j, 0);
        }
      }
      cleaned.add(new ConfigurationResult(c.hiddenLayers(), b.build(), c.trainMse(),
          c.validationMse(), c.seconds()));
    }
    ConfigurationResult selected = ConfigurationSelector.select(cleaned, tolerance);
    // zeroing weights on inputs held at 0 changes no prediction, so the baseline verdict stands
    return new SearchResult(cleaned, selected, result.seconds(), result.trainRows(),
        result.validationRows(), result.meanValidationMse(), result.beatsMean());
  }

  /**
   * The message for data with more inputs than the search takes: how many it has (and why,
   * after nominal conversion), the limit, and what the user can do.
   *
   * @param limit e.g. "the largest bundled model takes"
   * @param orElse a further remedy ending the message, or an empty string
   */
  protected String tooManyInputs(DataPreparation prep, String limit, int max, String orElse) {
    String has = "the data has " + prep.inputCount() + " inputs";
    if (prep.convertsNominal()) {
      has += " after converting nominal attributes to binary (" + prep.originalInputCount()
          + " attributes besides the class)";
    }
    return displayName() + ": " + has + ", but " + limit + " " + max + ". Reduce the inputs to "
        + max + " or fewer, e.g. with weka.filters.supervised.attribute.AttributeSelection "
        + "(or weka.classifiers.meta.AttributeSelectedClassifier) or by removing attributes "
        + "(weka.filters.unsupervised.attribute.Remove)" + orElse + ".";
  }

  /**
   * Searches the network for the training rows that {@link #buildClassifier} hands over (a
   * copy of the data without rows whose class is missing, at least one row).
   *
   * @param data the original data, for messages
   * @param train the rows with a class value
   */
  protected abstract void build(Instances data, Instances train) throws Exception;

  /**
   * Checks the data, drops rows without a class value and searches. An interrupt (the
   * Explorer's Stop) ends the build with "NAME: search interrupted", whatever surfaced first
   * (e.g. an I/O error while reading a model file).
   *
   * @param data training data with a numeric class
   * @throws Exception if the data cannot be handled or the search is interrupted
   */
  @Override
  public void buildClassifier(Instances data) throws Exception {
    String interrupted = displayName() + ": search interrupted";
    try {
      m_result = null;
      m_preparation = null;
      m_inputScaler = null;
      m_classScaler = null;
      m_buffers = null;
      getCapabilities().testWithFail(data);
      Instances train = new Instances(data);
      train.deleteWithMissingClass();
      if (train.numInstances() == 0) {
        throw new Exception(displayName() + ": no training instance has a class value (all "
            + data.numInstances() + " are missing)");
      }
      if (this instanceof WeightedInstancesHandler) {
        // a row of weight 0 has no effect on anything, the input ranges included
        for (int i = train.numInstances() - 1; i >= 0; i--) {
          if (train.instance(i).weight() == 0) {
            train.delete(i);
          }
        }
        if (train.numInstances() == 0) {
          throw new Exception(displayName() + ": every training instance with a class value "
              + "has weight 0");
        }
      }
      swatnn.autoencoder.Nd4jRuntime.singleThreaded(() -> {
        build(data, train);
        return null;
      });
    } catch (Exception e) {
      if (Thread.currentThread().isInterrupted() && !interrupted.equals(e.getMessage())) {
        throw new Exception(interrupted, e);
      }
      throw e;
    }
  }

  /**
   * The search's outcome after building: every configuration's discrete network with its
   * errors (on the class scaled to [-1, 1]) and the selected one; null before building.
   *
   * @return the result, or null
   */
  @Override
  public SearchResult searchResult() {
    return m_result;
  }

  /**
   * Receives the Explorer's log; the search then shows its progress in the status bar.
   *
   * @param log the log
   */
  @Override
  @ProgrammaticProperty
  public void setLog(Logger log) {
    m_log = log;
  }

  /** @return the log set by the Explorer, or null */
  @Override
  @ProgrammaticProperty
  public Logger getLog() {
    return m_log;
  }

  /**
   * Predicts the class of an instance with the chosen network.
   *
   * @param instance an instance of the training data's format
   * @return the prediction
   * @throws Exception if no model was built
   */
  @Override
  public double classifyInstance(Instance instance) throws Exception {
    SearchResult result = m_result;
    if (result == null) {
      throw new Exception(displayName() + ": no model built yet");
    }
    ThreadLocal<double[]> buffers = m_buffers;
    if (buffers == null) {
      int nIn = result.network().nIn();
      buffers = ThreadLocal.withInitial(() -> new double[nIn]);
      m_buffers = buffers;
    }
    return predictWith(result.network(), instance, buffers.get());
  }

  /**
   * Predicts a whole test set in one call (Weka's {@link weka.core.BatchPredictor}), with one
   * input buffer.
   *
   * @param instances instances of the training data's format
   * @return one array per instance holding its prediction
   * @throws Exception if no model was built or an instance cannot be prepared
   */
  @Override
  public double[][] distributionsForInstances(Instances instances) throws Exception {
    SearchResult result = m_result;
    if (result == null) {
      throw new Exception(displayName() + ": no model built yet");
    }
    double[] buffer = new double[result.network().nIn()];
    double[][] out = new double[instances.numInstances()][];
    for (int i = 0; i < out.length; i++) {
      out[i] = new double[] {predictWith(result.network(), instances.instance(i), buffer)};
    }
    return out;
  }

  /** @return true: {@link #distributionsForInstances} reuses one buffer for the whole set */
  @Override
  public boolean implementsMoreEfficientBatchPrediction() {
    return true;
  }

  /**
   * Predicts with one of the searched networks (e.g. a configuration that was not selected, from
   * {@link #searchResult()}), through the same input preparation and scaling.
   *
   * @param network a network of this classifier's search result
   * @param instance an instance of the training data's format
   * @return the prediction on the class's own scale
   * @throws Exception if no model was built or the instance cannot be prepared
   */
  @Override
  public double classifyInstance(SparseMlp network, Instance instance) throws Exception {
    if (m_result == null) {
      throw new Exception(displayName() + ": no model built yet");
    }
    return predictWith(network, instance, new double[network.nIn()]);
  }

  /**
   * How far beyond the training label range a prediction may go, on the scaled class (where
   * that range is [-1, 1]): 0.1 is 5% of the range. A network refined to convergence can hold a
   * steep feature where training rows are sparse (seen on Zakharov, F54: one test row predicted
   * at 5.9 for a label of 1.05); bounding the output keeps such a row from dominating the error.
   */
  public static final double OUTPUT_MARGIN = 0.1;

  private double predictWith(SparseMlp network, Instance instance, double[] x) throws Exception {
    if (m_noSearch != null) {
      return m_mean;
    }
    int n = m_preparation.inputCount();
    m_preparation.inputsOf(instance, x);
    for (int j = 0; j < n; j++) {
      x[j] = m_inputScaler.scale(j, x[j]);
    }
    double out = network.predict(x);
    return m_classScaler.unscale(0, Math.max(-1 - OUTPUT_MARGIN, Math.min(1 + OUTPUT_MARGIN, out)));
  }

  /**
   * The additional measures.
   *
   * @return their names
   */
  @Override
  public Enumeration<String> enumerateMeasures() {
    Vector<String> v = new Vector<>();
    v.add("measureNonZeroCount");
    v.add("measureNonZeroWeights");
    v.add("measureActiveNeurons");
    v.add("measureHiddenLayers");
    v.add("measureSearchSeconds");
    return v.elements();
  }

  /**
   * An additional measure of the built model (NaN before building).
   *
   * @param name the measure's name
   * @return its value
   * @throws IllegalArgumentException if the measure is unknown
   */
  @Override
  public double getMeasure(String name) {
    SearchResult r = m_result;
    SparseMlp net = r == null ? null : r.network();
    switch (name.toLowerCase(Locale.ROOT)) {
      case "measurenonzerocount":
        return net == null ? Double.NaN : net.nonZeroCount();
      case "measurenonzeroweights":
        return net == null ? Double.NaN : net.nonZeroWeights();
      case "measureactiveneurons":
        return net == null ? Double.NaN : net.activeNeuronCount();
      case "measurehiddenlayers":
        return net == null ? Double.NaN : net.hiddenLayers();
      case "measuresearchseconds":
        return r == null ? Double.NaN : r.seconds();
      default:
        throw new IllegalArgumentException(name + " not supported (" + displayName() + ")");
    }
  }

  /**
   * The graph is a dot digraph read by Weka's tree visualizer.
   *
   * @return {@link Drawable#TREE}
   */
  @Override
  public int graphType() {
    return Drawable.TREE;
  }

  /**
   * The chosen network as a GraphViz dot digraph: the output is the root, edges lead to the
   * units feeding it and are labelled with their weights (3 significant digits); units without
   * a path of non-zero weights to the output are left out.
   *
   * @return the dot text
   * @throws Exception if no model was built
   */
  @Override
  public String graph() throws Exception {
    if (m_result == null) {
      throw new Exception(displayName() + ": no model built yet");
    }
    String[] names = new String[m_preparation.inputCount()];
    for (int j = 0; j < names.length; j++) {
      names[j] = m_preparation.inputName(j);
    }
    return NetworkDot.of(m_result.network(), names, m_className);
  }

  /**
   * Appends the shared part of the model's description: the input and output scaling, the
   * chosen network, its non-zero count and the table of configurations tried.
   *
   * @param tolerance the selection tolerance the model was built with
   */
  protected void appendModel(StringBuilder sb, double tolerance) {
    SearchResult r = m_result;
    sb.append("\nInputs, each scaled to [-1, 1] by its training range before the network:\n");
    int width = 1;
    for (int j = 0; j < m_preparation.inputCount(); j++) {
      width = Math.max(width, m_preparation.inputName(j).length());
    }
    for (int j = 0; j < m_preparation.inputCount(); j++) {
      sb.append(String.format(Locale.ROOT, "  %-" + width + "s  training range [%s, %s]%n",
          m_preparation.inputName(j), num(m_inputScaler.min(j)), num(m_inputScaler.max(j))));
    }
    sb.append(String.format(Locale.ROOT,
        "Output: %s = %s + %s * (y + 1) / 2 (training range [%s, %s])%n",
        m_className, num(m_classScaler.min(0)), num(m_classScaler.max(0) - m_classScaler.min(0)),
        num(m_classScaler.min(0)), num(m_classScaler.max(0))));
    SparseMlp net = r.network();
    if (m_noSearch != null) {
      sb.append('\n').append(m_noSearch).append(": the model predicts the weighted training "
          + "mean of the class, ").append(num(m_mean)).append(r.configurations().size() > 1
              || r.seconds() > 0 ? " (the networks found are listed below)" : "; no search was run")
          .append(".\n");
    }
    if (m_noSearch == null) {
      sb.append("\nChosen network (").append(net.hiddenLayers()).append(" hidden layer")
          .append(net.hiddenLayers() == 1 ? "" : "s").append("):\n");
      sb.append(net.toString(inputNames(net.nIn()))).append("\n");
    }
    sb.append("\nNon-zero count: ").append(net.nonZeroCount()).append('\n');
    if (r.seconds() > 0) {
      sb.append('\n').append(configurationTable(r, tolerance));
      sb.append(String.format(Locale.ROOT, "%nSearch time: %.1f s%n", r.seconds()));
    }
  }

  /** The network's input names: the data's, then "unused" for inputs held at 0. */
  private String[] inputNames(int nIn) {
    String[] names = new String[nIn];
    for (int j = 0; j < nIn; j++) {
      names[j] = j < m_preparation.inputCount() ? m_preparation.inputName(j) : "unused" + j;
    }
    return names;
  }

  /** What the configurations table's seconds column measures. */
  protected String secondsMeaning() {
    return "the search's time shared evenly, as the configurations are searched together";
  }

  private String configurationTable(SearchResult r, double tolerance) {
    StringBuilder sb = new StringBuilder();
    sb.append("Configurations tried (MSE on the class scaled to [-1, 1]):\n");
    String[] head = {"k", "validation MSE", "train MSE", "non-zero", "active neurons", "seconds"};
    List<String[]> rows = new ArrayList<>();
    rows.add(head);
    for (ConfigurationResult c : r.configurations()) {
      rows.add(new String[] {
          Integer.toString(c.hiddenLayers()),
          String.format(Locale.ROOT, "%.6g", c.validationMse()),
          String.format(Locale.ROOT, "%.6g", c.trainMse()),
          Integer.toString(c.nonZeroCount()),
          Integer.toString(c.activeNeurons()),
          String.format(Locale.ROOT, "%.1f", c.seconds())});
    }
    int[] w = new int[head.length];
    for (String[] row : rows) {
      for (int i = 0; i < row.length; i++) {
        w[i] = Math.max(w[i], row[i].length());
      }
    }
    for (int i = 0; i < rows.size(); i++) {
      boolean chosen = i > 0 && r.configurations().get(i - 1) == r.selected();
      sb.append(chosen ? "* " : "  ");
      String[] row = rows.get(i);
      for (int c = 0; c < row.length; c++) {
        sb.append(c == 0 ? "" : "  ").append(" ".repeat(w[c] - row[c].length())).append(row[c]);
      }
      sb.append('\n');
    }
    sb.append(String.format(Locale.ROOT, "(* chosen: fewest non-zero parameters within %s%% "
        + "of the best validation MSE; seconds: %s)%n", num(100 * tolerance), secondsMeaning()));
    return sb.toString();
  }

  protected static String num(double v) {
    return Utils.doubleToString(v, 6).trim();
  }
}
