package swatnn.weka;

import java.io.PrintStream;
import java.util.Collections;
import java.util.Enumeration;
import java.util.List;
import swatnn.mlp.SparseMlp;
import swatnn.selection.SearchListener;
import swatnn.selection.SearchResult;
import weka.classifiers.Sourcable;
import weka.core.AdditionalMeasureProducer;
import weka.core.Capabilities;
import weka.core.Capabilities.Capability;
import weka.core.Drawable;
import weka.core.Instance;
import weka.core.Instances;
import weka.core.LogHandler;
import weka.core.WeightedInstancesHandler;
import weka.gui.Logger;
import weka.gui.ProgrammaticProperty;

/**
 * The Weka classifier around a configuration search (SWATNNRegressor, DartsAdmmRegressor):
 * capabilities, the build (checks, rows without a class or of weight 0 dropped, Stop), then
 * everything a built model answers from its one {@link FittedNetwork}: predictions in plain
 * Java, the additional measures, the graph, the model text and the model as Java source
 * ({@link Sourcable}, {@link ModelSource}). A subclass searches ({@link
 * #fit}), on one ND4J thread ({@link swatnn.nd4j.Nd4jRuntime#singleThreaded}) and only when the
 * data leave something to search, so that a model of the training mean builds without ND4J.
 */
public abstract class SparseNetworkRegressor extends SelectionOptions
    implements AdditionalMeasureProducer, Drawable, LogHandler, NetworkSearchClassifier,
    Sourcable {
  private static final long serialVersionUID = 1L;

  /** The built model, assigned once per build; null before. */
  protected FittedNetwork m_fitted;

  /** The training data's format, for the model's source; null before building. */
  protected Instances m_header;

  /** The Explorer's log, for progress in its status bar (never serialized). */
  protected transient Logger m_log;

  /**
   * Whether Weka runs this classifier from the command line ({@link #preExecution}). Not
   * transient: Weka's cross-validation builds serialized copies, whose folds then show their
   * progress too.
   */
  protected boolean m_commandLine;

  /** Per-thread input buffers of classifyInstance. */
  private transient volatile ThreadLocal<double[]> m_buffers;

  /**
   * Searches the network for the training rows that {@link #buildClassifier} hands over.
   *
   * @param train a copy of the training data without rows whose class is missing or whose
   *     weight is 0 (when instance weights are used), at least one row
   * @return the built model
   * @throws Exception if the data cannot be handled or the search fails
   */
  protected abstract FittedNetwork fit(Instances train) throws Exception;

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
   * Checks the data, drops rows without a class value (and rows of weight 0, when instance
   * weights are used) and searches. An interrupt (the Explorer's Stop) ends the build with
   * "NAME: search interrupted", whatever surfaced first (e.g. an I/O error while reading a
   * model file).
   *
   * @param data training data with a numeric class
   * @throws Exception if the data cannot be handled or the search is interrupted
   */
  @Override
  public void buildClassifier(Instances data) throws Exception {
    String name = getClass().getSimpleName();
    String interrupted = name + ": search interrupted";
    try {
      m_fitted = null;
      m_header = null;
      m_buffers = null;
      CapabilityRefusal.test(getCapabilities(), data);
      Instances train = DataPreparation.trainingRows(data, this instanceof WeightedInstancesHandler,
          name);
      m_fitted = fit(train);
      m_header = new Instances(train, 0);
    } catch (Exception e) {
      if (Thread.currentThread().isInterrupted() && !interrupted.equals(e.getMessage())) {
        throw new Exception(interrupted, e);
      }
      throw e;
    }
  }

  /**
   * The listener of this build's search (see {@link ProgressPrinter#forBuild}): the console
   * from the command line or with the debug option, the Explorer's status bar when it set a
   * log.
   *
   * @param prefix what each progress line starts with
   * @param startLine the console's line before the search
   * @return the listener
   */
  protected SearchListener progress(String prefix, String startLine) {
    PrintStream console = m_commandLine || getDebug() ? System.err : null;
    return ProgressPrinter.forBuild(prefix, startLine, console, m_log);
  }

  /** Marks a run from the command line (Weka's runClassifier), so that progress is printed. */
  @Override
  public void preExecution() throws Exception {
    m_commandLine = true;
  }

  /** Ends a run from the command line. */
  @Override
  public void postExecution() throws Exception {
    m_commandLine = false;
  }

  /**
   * The search's outcome after building: every candidate compared (the mean, the linear
   * models, every network found), each configuration's best network, with their errors on the
   * class scaled to [-1, 1], and the chosen model; null before building.
   *
   * @return the result, or null
   */
  @Override
  public SearchResult searchResult() {
    FittedNetwork f = m_fitted;
    return f == null ? null : f.result();
  }

  /** @return the built model, or null before building */
  public FittedNetwork fittedNetwork() {
    return m_fitted;
  }

  /** @param log the Explorer's log; the search then shows its progress in the status bar */
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

  private FittedNetwork built() throws Exception {
    FittedNetwork f = m_fitted;
    if (f == null) {
      throw new Exception(getClass().getSimpleName() + ": no model built yet");
    }
    return f;
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
    FittedNetwork f = built();
    ThreadLocal<double[]> buffers = m_buffers;
    if (buffers == null) {
      int n = f.bufferSize();
      buffers = ThreadLocal.withInitial(() -> new double[n]);
      m_buffers = buffers;
    }
    return f.predict(instance, buffers.get());
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
    FittedNetwork f = built();
    double[] buffer = new double[f.bufferSize()];
    double[][] out = new double[instances.numInstances()][];
    for (int i = 0; i < out.length; i++) {
      out[i] = new double[] {f.predict(instances.instance(i), buffer)};
    }
    return out;
  }

  /** @return true: {@link #distributionsForInstances} reuses one buffer for the whole set */
  @Override
  public boolean implementsMoreEfficientBatchPrediction() {
    return true;
  }

  /**
   * Predicts with one of the searched networks (e.g. a configuration's, from {@link
   * #searchResult()}), through the same input preparation and scaling.
   *
   * @param network a network of this classifier's search result
   * @param instance an instance of the training data's format
   * @return the prediction on the class's own scale
   * @throws Exception if no model was built or the instance cannot be prepared
   */
  @Override
  public double classifyInstance(SparseMlp network, Instance instance) throws Exception {
    FittedNetwork f = built();
    return f.predict(network, instance, new double[f.bufferSize()]);
  }

  /** @return the additional measures' names ({@link FittedNetwork#MEASURES}) */
  @Override
  public Enumeration<String> enumerateMeasures() {
    return Collections.enumeration(measures());
  }

  /** @return the measures this classifier reports (a subclass may add its search's own) */
  protected List<String> measures() {
    return FittedNetwork.MEASURES;
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
    FittedNetwork f = m_fitted;
    if (!measures().stream().anyMatch(name::equalsIgnoreCase)) {
      throw new IllegalArgumentException(name + " not supported (" + getClass().getSimpleName()
          + ")");
    }
    return f == null ? Double.NaN : f.measure(name);
  }

  /** @return {@link Drawable#BayesNet}: the graph is XMLBIF for Weka's graph visualizer */
  @Override
  public int graphType() {
    return Drawable.BayesNet;
  }

  /**
   * The chosen network, laid out by layer ({@link NetworkGraph}).
   *
   * @return an XMLBIF document
   * @throws Exception if no model was built
   */
  @Override
  public String graph() throws Exception {
    return built().graph();
  }

  /**
   * The built model as the source of a self-contained Java class ({@link ModelSource}): what
   * Weka's {@code -z NAME} prints inside its {@code WekaWrapper}, and the Explorer's "Output
   * source code". Its {@code classify(Object[])} predicts what {@link #classifyInstance}
   * predicts: the same input preparation (missing values, nominal indicators), scaling and
   * model, only the parts the model uses, only non-zero weights.
   *
   * @param className the class's name, a Java identifier
   * @return the class's source
   * @throws Exception if no model was built, the name is not a Java class name, or an input's
   *     scaling has no source form
   */
  @Override
  public String toSource(String className) throws Exception {
    FittedNetwork f = built();
    String name = getClass().getSimpleName();
    try {
      return ModelSource.of(f, InputCoding.of(m_header, f.preparation()), className, name);
    } catch (IllegalArgumentException | IllegalStateException
        | UnsupportedOperationException e) {
      throw new Exception(name + ": cannot write the model as source: " + e.getMessage(), e);
    }
  }

  /** @return the model text ({@link ModelText}), or a line saying that none was built */
  @Override
  public String toString() {
    FittedNetwork f = m_fitted;
    return f == null ? getClass().getSimpleName() + ": no model built yet."
        : ModelText.of(f, getNumDecimalPlaces());
  }
}
