package swatnn.weka;

import java.util.Arrays;
import swatnn.scaling.InputScaling;
import swatnn.scaling.ScalingMethod;
import swatnn.search.MinMaxScaler;
import swatnn.selection.Rows;
import swatnn.selection.SearchResult;

/**
 * Scales the prepared training rows, runs the search and the selection on them ({@link
 * swatnn.selection.ModelSearch}) and assembles the {@link FittedNetwork}. No search runs when
 * there is nothing to fit (a constant class, or no input that varies on the training rows:
 * none at all, or every one constant or missing); the model is then the weighted training mean.
 */
public final class ScaledSearch {
  private ScaledSearch() {}

  /** A search and selection over the scaled training rows. */
  public interface Search {
    /**
     * @param rows the scaled training rows: every input min-max scaled (columns 0 .. p - 1),
     *     then every input as the input scaling maps it (p .. 2p - 1)
     * @param networkInputs per network input, its column of {@code rows} (-1: held at 0)
     * @param linearInputs the columns the linear models may use: the min-max block, so that a
     *     linear model is a straight line in the data's own inputs
     * @return the candidates and the chosen model, errors on the scaled class
     * @throws Exception if the search fails or is interrupted
     */
    SearchResult run(Rows rows, int[] networkInputs, int[] linearInputs) throws Exception;
  }

  /** The search-specific text of a model, made once its result is known. */
  public interface Describer {
    /**
     * @param result the search's result ({@link SearchResult#searched()} false without one)
     * @return the header of the model text
     */
    FittedNetwork.Header describe(SearchResult result);
  }

  /**
   * Fits the scalers, searches and assembles the model.
   *
   * @param fitted the prepared training rows (at least one)
   * @param className the class attribute's name
   * @param nIn the network's input count: its data inputs, padded with inputs held at 0
   * @param scaling how the inputs are scaled (the class is min-max scaled to [-1, 1])
   * @param tolerance the relative validation-MSE tolerance of the choice
   * @param search the search
   * @param describer the model text's header
   * @param provenance where the model comes from
   * @return the fitted model
   * @throws Exception if the search fails
   */
  public static FittedNetwork fit(DataPreparation.Fitted fitted, String className, int nIn,
      ScalingMethod scaling, double tolerance, Search search, Describer describer,
      FittedNetwork.Provenance provenance) throws Exception {
    DataPreparation prep = fitted.preparation();
    int nData = prep.inputCount();
    MinMaxScaler ranges = MinMaxScaler.fit(fitted.inputs(), nData);
    MinMaxScaler classScaler = MinMaxScaler.fit(fitted.labels());
    boolean varies = false;
    for (int j = 0; j < nData; j++) {
      varies |= ranges.min(j) < ranges.max(j);
    }
    InputScaling inputScaler = InputScaling.fit(scaling, fitted.inputs(), nData,
        unequalOrNull(fitted.weights()));
    String notSearched = classScaler.min(0) == classScaler.max(0)
        ? "The class is constant on the training data"
        : !varies ? "No input varies on the training data (" + (nData == 0 ? "there is none"
            : "every one is constant or missing") + ")" : null;
    int[] columns = prep.networkColumns();
    int[] networkInputs = new int[Math.max(nIn, columns.length)];
    Arrays.fill(networkInputs, -1);
    for (int j = 0; j < columns.length; j++) {
      networkInputs[j] = nData + columns[j];
    }
    int[] linearInputs = java.util.stream.IntStream.range(0, nData).toArray();
    Rows rows = scale(fitted, ranges, inputScaler, classScaler);
    SearchResult result = notSearched != null
        ? SearchResult.withoutSearch(rows.meanLabel(), networkInputs, rows.size())
        : search.run(rows, networkInputs, linearInputs);
    return new FittedNetwork(prep, ranges, inputScaler, classScaler, result, className,
        notSearched, tolerance, describer.describe(result), provenance);
  }

  /** The weights, or null when all are equal (the scalings' unweighted fit). */
  private static double[] unequalOrNull(double[] w) {
    return Arrays.stream(w).allMatch(v -> v == w[0]) ? null : w;
  }

  /**
   * Scales the prepared rows: each row the min-max block, then the input scaling's block
   * ({@link FittedNetwork#scaledInputs}); weights null when all are equal.
   */
  private static Rows scale(DataPreparation.Fitted fitted, MinMaxScaler ranges,
      InputScaling inputScaler, MinMaxScaler classScaler) {
    double[][] raw = fitted.inputs();
    double[] labels = fitted.labels();
    double[][] x = new double[raw.length][];
    double[] y = new double[raw.length];
    for (int i = 0; i < raw.length; i++) {
      x[i] = FittedNetwork.scaledInputs(raw[i], ranges, inputScaler,
          new double[2 * ranges.columns()]);
      y[i] = classScaler.scale(0, labels[i]);
    }
    double[] w = fitted.weights();
    boolean equal = Arrays.stream(w).allMatch(v -> v == w[0]);
    return new Rows(x, y, equal ? null : w.clone());
  }
}
