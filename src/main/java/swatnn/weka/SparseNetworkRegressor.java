package swatnn.weka;

import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;
import java.util.Locale;
import java.util.Vector;
import swatnn.mlp.SparseMlp;
import swatnn.search.ConfigurationResult;
import swatnn.search.MinMaxScaler;
import swatnn.search.SearchResult;
import weka.classifiers.AbstractClassifier;
import weka.core.AdditionalMeasureProducer;
import weka.core.Capabilities;
import weka.core.Capabilities.Capability;
import weka.core.Drawable;
import weka.core.Instance;
import weka.core.Instances;
import weka.core.LogHandler;
import weka.core.Utils;
import weka.gui.Logger;
import weka.gui.ProgrammaticProperty;

/**
 * What the searched-network regressors (SWATNNRegressor, DartsAdmmRegressor) share once built:
 * the data preparation, the input and class scaling, the search result; prediction through the
 * chosen (or any searched) network in plain Java; the additional measures; the network as a
 * graph; the Explorer's log. Subclasses search and describe.
 */
public abstract class SparseNetworkRegressor extends AbstractClassifier
    implements AdditionalMeasureProducer, Drawable, LogHandler, NetworkSearchClassifier {

  private static final long serialVersionUID = 1L;

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
  protected boolean m_constantClass;

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

  /** The classifier's name in messages, e.g. "SWATNNRegressor". */
  protected abstract String displayName();

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
      build(data, train);
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

  private double predictWith(SparseMlp network, Instance instance, double[] x) throws Exception {
    int n = m_preparation.inputCount();
    m_preparation.inputsOf(instance, x);
    for (int j = 0; j < n; j++) {
      x[j] = m_inputScaler.scale(j, x[j]);
    }
    return m_classScaler.unscale(0, network.predict(x));
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
    sb.append("\nInputs, each scaled to [-1, 1] by its training range:\n");
    int width = 1;
    for (int j = 0; j < m_preparation.inputCount(); j++) {
      width = Math.max(width, m_preparation.inputName(j).length());
    }
    for (int j = 0; j < m_preparation.inputCount(); j++) {
      sb.append(String.format(Locale.ROOT, "  x%-2d = %-" + width + "s  training range [%s, %s]%n",
          j, m_preparation.inputName(j), num(m_inputScaler.min(j)), num(m_inputScaler.max(j))));
    }
    sb.append(String.format(Locale.ROOT,
        "Output: %s = %s + %s * (y + 1) / 2 (training range [%s, %s])%n",
        m_className, num(m_classScaler.min(0)), num(m_classScaler.max(0) - m_classScaler.min(0)),
        num(m_classScaler.min(0)), num(m_classScaler.max(0))));
    SparseMlp net = r.network();
    if (m_constantClass) {
      sb.append("\nThe class is constant (").append(num(m_classScaler.min(0)))
          .append(") on the training data: no search was run; the model predicts it.\n");
    }
    sb.append("\nChosen network (").append(net.hiddenLayers()).append(" hidden layer")
        .append(net.hiddenLayers() == 1 ? "" : "s").append("):\n");
    sb.append(net).append("\n\n");
    sb.append("Non-zero count: ").append(net.nonZeroCount()).append('\n');
    if (!m_constantClass) {
      sb.append('\n').append(configurationTable(r, tolerance));
      sb.append(String.format(Locale.ROOT, "%nSearch time: %.1f s%n", r.seconds()));
    }
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
        + "of the best validation MSE)%n", num(100 * tolerance)));
    return sb.toString();
  }

  protected static String num(double v) {
    return Utils.doubleToString(v, 6).trim();
  }
}
