package swatnn.weka;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import swatnn.mlp.MlpLayout;
import swatnn.mlp.SparseMlp;
import swatnn.search.ConfigurationResult;
import swatnn.search.ConfigurationSelector;
import swatnn.search.MinMaxScaler;
import swatnn.search.SearchResult;

/**
 * Runs a configuration search on the prepared training rows scaled to [-1, 1] and assembles the
 * {@link FittedNetwork}. No search runs when there is nothing to fit (a constant class, or no
 * input that varies on the training rows: none at all, or every one constant or missing), and
 * a search whose chosen network does not beat the training mean clearly is replaced by the
 * mean; the model then predicts the weighted training mean of the class. Inputs padded to the
 * network's input count (held at 0) get zero weights afterwards, so that they do not count as
 * non-zero.
 */
public final class ScaledSearch {
  private ScaledSearch() {}

  /**
   * The training rows scaled to [-1, 1].
   *
   * @param x one row of {@code nIn} inputs per training row, padded with zero columns
   * @param y the scaled labels
   * @param w the instance weights, or null when they are all equal
   */
  public record Rows(double[][] x, double[] y, double[] w) {}

  /** A search over the scaled training rows. */
  public interface Search {
    /**
     * @param rows the scaled training rows
     * @return the search's outcome, its errors on the scaled class
     * @throws Exception if the search fails or is interrupted
     */
    SearchResult run(Rows rows) throws Exception;
  }

  /** The search-specific text of a model, made once its result is known. */
  public interface Describer {
    /**
     * @param result the search's result (a single network of no neurons without a search)
     * @param searched whether a network is used, rather than the training mean
     * @return the header of the model text
     */
    FittedNetwork.Header describe(SearchResult result, boolean searched);
  }

  /**
   * Fits the scalers, searches and assembles the model.
   *
   * @param fitted the prepared training rows (at least one)
   * @param className the class attribute's name
   * @param layout the networks' layout
   * @param nIn the network's input count: the data's, padded with inputs held at 0
   * @param tolerance the relative validation-MSE tolerance of the configuration choice
   * @param search the search
   * @param describer the model text's header
   * @param provenance where the model comes from
   * @return the fitted model
   * @throws Exception if the search fails
   */
  public static FittedNetwork fit(DataPreparation.Fitted fitted, String className,
      MlpLayout layout, int nIn, double tolerance, Search search, Describer describer,
      FittedNetwork.Provenance provenance) throws Exception {
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
    double scaledMean = classScaler.scale(0, mean);
    SearchResult result;
    if (noSearch != null) {
      result = meanResult(layout, nIn, fitted.labels().length, scaledMean);
    } else {
      result = search.run(scale(fitted, inputScaler, classScaler, nIn));
      if (nIn > nData) {
        result = withoutPaddedInputs(result, nData, tolerance);
      }
      if (!result.beatsMean()) {
        noSearch = String.format(Locale.ROOT, "No network beat the training mean clearly on "
            + "the held-out rows (validation MSE %.6g against the mean's %.6g; a network must "
            + "be better by the tolerance and by more than two standard errors)",
            result.selected().validationMse(), result.meanValidationMse());
        SparseMlp meanNet = meanResult(layout, nIn, 0, scaledMean).network();
        result = new SearchResult(result.configurations(), new ConfigurationResult(1, meanNet,
            Double.NaN, result.meanValidationMse(), 0), result.seconds(), result.trainRows(),
            result.validationRows(), result.meanValidationMse(), false, result.groupSteps());
      }
    }
    return new FittedNetwork(fitted.preparation(), inputScaler, classScaler, result, className,
        noSearch, mean, tolerance, describer.describe(result, noSearch == null), provenance);
  }

  /** Scales the prepared rows with the fitted scalers, padding the inputs to {@code nIn}. */
  private static Rows scale(DataPreparation.Fitted fitted, MinMaxScaler inputScaler,
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
    boolean equal = Arrays.stream(w).allMatch(v -> v == w[0]);
    return new Rows(x, y, equal ? null : w.clone());
  }

  /** The result without a search: one network of no neurons, its output bias the mean. */
  private static SearchResult meanResult(MlpLayout layout, int nIn, int rows,
      double scaledMean) {
    SparseMlp net = SparseMlp.builder(layout, nIn, 1).outputBias(scaledMean).build();
    ConfigurationResult only = new ConfigurationResult(1, net, 0, 0, 0);
    return new SearchResult(List.of(only), only, 0, rows, 0);
  }

  /**
   * Zeroes the weights of padded inputs (always 0, so predictions do not change) so that they
   * do not count as non-zero, and chooses again with the corrected counts.
   */
  private static SearchResult withoutPaddedInputs(SearchResult result, int nData,
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
        result.validationRows(), result.meanValidationMse(), result.beatsMean(),
        result.groupSteps());
  }
}
