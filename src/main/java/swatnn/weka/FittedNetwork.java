package swatnn.weka;

import java.io.IOException;
import java.io.InputStream;
import java.io.InvalidClassException;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import swatnn.mlp.SparseMlp;
import swatnn.scaling.InputScaling;
import swatnn.search.MinMaxScaler;
import swatnn.selection.CandidateModel;
import swatnn.selection.LinearModel;
import swatnn.selection.MeanModel;
import swatnn.selection.NetworkModel;
import swatnn.selection.SearchResult;
import weka.core.Instance;

/**
 * A built searched-network regressor, complete and immutable: the data preparation, the input
 * and class scalers, the search result (every candidate compared and the chosen model: a
 * network, a linear model or the training mean), the text that describes the search, and
 * where the model came from ({@link Provenance}). Prediction, the additional measures, the
 * graph and the model text all read this one object; it serializes to a few kilobytes, without
 * any autoencoder.
 *
 * <p>A model loads only into the swatnn version that built it: reading one built by another
 * version throws an {@link InvalidClassException} naming both versions.
 *
 * @param preparation how instances become raw inputs
 * @param inputRanges each raw input's training range
 * @param inputScaler maps each raw input to the models' scale (min-max to [-1, 1], log then
 *     min-max for a positive skewed input, ...: {@link InputScaling})
 * @param classScaler maps the class from its training range to [-1, 1]
 * @param result every candidate compared and the chosen model ({@link SearchResult#model()})
 * @param className the class attribute's name
 * @param notSearched why no search ran (a sentence for the model text) when {@code
 *     result.searched()} is false; null otherwise
 * @param tolerance the relative validation-MSE tolerance the configuration was chosen with
 * @param header what the model text says about the search before the shared part
 * @param provenance the package version, options and autoencoder that built the model
 */
public record FittedNetwork(DataPreparation preparation, MinMaxScaler inputRanges,
    InputScaling inputScaler, MinMaxScaler classScaler, SearchResult result, String className,
    String notSearched, double tolerance, Header header, Provenance provenance)
    implements Serializable {
  private static final long serialVersionUID = 2L;

  /** The version of this swatnn package (Maven's project version, e.g. {@code 0.1.0}). */
  public static final String PACKAGE_VERSION = packageVersion();

  /**
   * How far beyond the training label range a prediction may go, on the scaled class (where
   * that range is [-1, 1]): 0.1 is 5% of the range. A network refined to convergence can hold a
   * steep feature where training rows are sparse (seen on Zakharov, F54: one test row predicted
   * at 5.9 for a label of 1.05); bounding the output keeps such a row from dominating the error.
   */
  public static final double OUTPUT_MARGIN = 0.1;

  /**
   * The search-specific part of the model text.
   *
   * @param title the first line, e.g. "SWAT-NN regression: ..."
   * @param lines the lines after it: the search, the data, the rows
   */
  public record Header(String title, List<String> lines) implements Serializable {
    private static final long serialVersionUID = 2L;
  }

  /**
   * Where a model came from.
   *
   * @param packageVersion the swatnn version that built it
   * @param options the classifier's options, as on the command line
   * @param autoencoder the autoencoder's name (e.g. {@code swatnn-2in}), or null for a search
   *     without one
   * @param autoencoderSha256 the SHA-256 of the autoencoder's weights as recorded in its
   *     manifest (and verified when it was loaded), or null
   */
  public record Provenance(String packageVersion, String options, String autoencoder,
      String autoencoderSha256) implements Serializable {
    /** The provenance of a model built now, by this package version. */
    public static Provenance of(String options, String autoencoder, String sha256) {
      return new Provenance(PACKAGE_VERSION, options, autoencoder, sha256);
    }
  }

  private static String packageVersion() {
    try (InputStream in = FittedNetwork.class.getResourceAsStream("version.properties")) {
      Properties p = new Properties();
      if (in != null) {
        p.load(in);
      }
      return p.getProperty("version", "unknown");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Predicts the class of an instance with the chosen model, bounded to the training label
   * range widened by {@link #OUTPUT_MARGIN}.
   *
   * @param instance an instance of the training data's format
   * @param buffer room for at least {@link #bufferSize()} values
   * @return the prediction on the class's own scale
   * @throws Exception if the data preparation fails on the instance
   */
  public double predict(Instance instance, double[] buffer) throws Exception {
    CandidateModel model = result.model();
    if (model instanceof MeanModel m) {
      return classScaler.unscale(0, m.mean());
    }
    return unscaled(model.predict(scaledInputs(instance, buffer)));
  }

  /**
   * Predicts the class of an instance with one of the result's networks (e.g. a configuration's
   * that was not chosen), through the same preparation and scaling.
   *
   * @param network a network of {@link #result()}'s configurations or candidates
   * @param instance an instance of the training data's format
   * @param buffer room for at least {@link #bufferSize()} values
   * @return the prediction on the class's own scale
   * @throws Exception if the data preparation fails on the instance
   */
  public double predict(SparseMlp network, Instance instance, double[] buffer) throws Exception {
    double[] x = scaledInputs(instance, buffer);
    int[] columns = result.networkInputs();
    double[] in = new double[network.nIn()];
    for (int j = 0; j < in.length; j++) {
      in[j] = j < columns.length && columns[j] >= 0 ? x[columns[j]] : 0;
    }
    return unscaled(network.predict(in));
  }

  /** @return the length of the buffers {@link #predict} takes: twice the inputs */
  public int bufferSize() {
    return 2 * preparation.inputCount();
  }

  private double[] scaledInputs(Instance instance, double[] buffer) throws Exception {
    int n = preparation.inputCount();
    preparation.inputsOf(instance, buffer);
    return scaledInputs(buffer, inputRanges, inputScaler, buffer);
  }

  /**
   * The models' view of one row of raw inputs: the p inputs min-max scaled to [-1, 1] by their
   * training ranges (what the linear models read: a straight line in the data's inputs), then
   * the p inputs as the input scaling maps them (what the networks read).
   *
   * @param raw p raw inputs (may be {@code out} itself)
   * @param ranges the inputs' training ranges
   * @param scaling the input scaling
   * @param out receives 2p values
   * @return {@code out}
   */
  static double[] scaledInputs(double[] raw, MinMaxScaler ranges, InputScaling scaling,
      double[] out) {
    int n = ranges.columns();
    for (int j = n - 1; j >= 0; j--) { // back to front: out may be raw
      double v = raw[j];
      out[n + j] = scaling.scale(j, v);
      out[j] = ranges.scale(j, v);
    }
    return out;
  }

  /** A model's scaled output on the class's own scale, bounded first ({@link #bounded}). */
  double unscaled(double out) {
    return classScaler.unscale(0, bounded(out));
  }

  /** A scaled output bounded to [-1 - {@link #OUTPUT_MARGIN}, 1 + {@link #OUTPUT_MARGIN}]. */
  static double bounded(double out) {
    return Math.max(-1 - OUTPUT_MARGIN, Math.min(1 + OUTPUT_MARGIN, out));
  }

  /** @return the chosen network, or null when the model is linear or the mean */
  public SparseMlp network() {
    return result.model() instanceof NetworkModel n ? n.network() : null;
  }

  /** The names of the additional measures every search has, in {@link #measure} order. */
  public static final List<String> MEASURES = List.of("measureNonZeroCount",
      "measureNonZeroWeights", "measureActiveNeurons", "measureHiddenLayers",
      "measureSearchSeconds");

  /** The mean search steps a group of restarts ran (a latent search's measure). */
  public static final String SEARCH_STEPS = "measureSearchSteps";

  /**
   * An additional measure of the model.
   *
   * @param name one of {@link #MEASURES} or {@link #SEARCH_STEPS}, in any case
   * @return its value: counts of the chosen model (a network's; a linear model's non-zero
   *     coefficients as weights, no neuron or hidden layer; the training mean one parameter
   *     and nothing else), the search's seconds, or the mean search steps a group of restarts
   *     ran (NaN for a search without such groups)
   * @throws IllegalArgumentException if the measure is unknown
   */
  public double measure(String name) {
    SparseMlp net = network();
    CandidateModel model = result.model();
    switch (name.toLowerCase(Locale.ROOT)) {
      case "measurenonzerocount":
        return model.nonZeroCount();
      case "measurenonzeroweights":
        return net != null ? net.nonZeroWeights() : model.nonZeroCount() - 1;
      case "measureactiveneurons":
        return net != null ? net.activeNeuronCount() : 0;
      case "measurehiddenlayers":
        return net != null ? net.hiddenLayers() : 0;
      case "measuresearchseconds":
        return result.seconds();
      case "measuresearchsteps":
        return result.groupSteps().stream().mapToInt(Integer::intValue).average()
            .orElse(Double.NaN);
      default:
        throw new IllegalArgumentException(name + " not supported");
    }
  }

  /**
   * The chosen network as the XMLBIF graph of {@link NetworkGraph}, with the data's input
   * names.
   *
   * @return the XMLBIF document
   */
  public String graph() {
    String[] names = new String[preparation.inputCount()];
    for (int j = 0; j < names.length; j++) {
      names[j] = preparation.inputName(j);
    }
    CandidateModel model = result.model();
    if (model instanceof NetworkModel n) {
      int[] columns = n.inputs();
      String[] inputs = new String[columns.length];
      for (int j = 0; j < inputs.length; j++) {
        inputs[j] = columns[j] >= 0 ? names[columns[j] % names.length] : "unused" + j;
      }
      return NetworkGraph.of(n.network(), inputs, className);
    }
    String equation = ModelText.equation(this, ModelText.DECIMAL_PLACES);
    if (model instanceof LinearModel lin) {
      java.util.List<String> used = new java.util.ArrayList<>();
      int[] in = lin.inputs();
      double[] c = lin.coefficients();
      for (int j = 0; j < in.length; j++) {
        if (c[j] != 0) {
          used.add(names[in[j] % names.length]);
        }
      }
      return NetworkGraph.direct(used.toArray(String[]::new), className, equation);
    }
    return NetworkGraph.direct(new String[0], className, equation);
  }

  /**
   * Refuses a model built by another package version, after reading (a record is read through
   * its constructor, so the check is here).
   *
   * @return this
   * @throws InvalidClassException if another swatnn version built the model
   */
  private Object readResolve() throws InvalidClassException {
    String built = provenance == null ? null : provenance.packageVersion();
    if (!PACKAGE_VERSION.equals(built)) {
      throw new InvalidClassException(FittedNetwork.class.getName(), "this model was built by "
          + "swatnn " + built + "; this is swatnn " + PACKAGE_VERSION + ", which reads only the "
          + "models it builds: build the model again");
    }
    return this;
  }
}
