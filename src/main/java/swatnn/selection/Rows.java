package swatnn.selection;

/**
 * Training rows on the models' scale: inputs and class already scaled (docs/METHOD.md section
 * 5), with optional instance weights.
 *
 * @param x one row of inputs per training row (all rows of equal length)
 * @param y the scaled class value of each row
 * @param w one weight >= 0 per row, or null for 1 each
 */
public record Rows(double[][] x, double[] y, double[] w) {

  /** @return the number of rows */
  public int size() {
    return y.length;
  }

  /**
   * The rows at {@code idx} (the input arrays shared, not copied).
   *
   * @param idx row indices
   * @return those rows, with their weights
   */
  public Rows subset(int[] idx) {
    return new Rows(RowSplit.rows(x, idx), RowSplit.values(y, idx),
        w == null ? null : RowSplit.values(w, idx));
  }

  /**
   * The rows seen through a choice of columns, e.g. the inputs a network takes.
   *
   * @param columns per new column, the index of the column of {@link #x} it holds, or -1 for a
   *     column held at 0
   * @return new input rows, the same labels and weights
   */
  public Rows columns(int[] columns) {
    return new Rows(gather(x, columns), y, w);
  }

  /**
   * @param x rows
   * @param columns per new column, a column of {@code x} or -1 for 0
   * @return the gathered rows (new arrays)
   */
  static double[][] gather(double[][] x, int[] columns) {
    double[][] out = new double[x.length][columns.length];
    for (int i = 0; i < x.length; i++) {
      for (int j = 0; j < columns.length; j++) {
        out[i][j] = columns[j] < 0 ? 0 : x[i][columns[j]];
      }
    }
    return out;
  }

  /**
   * The (weighted) mean squared error of a model on these rows.
   *
   * @param model the model
   * @return the mean of w (model(x) - y)^2 over the weights; NaN without weight
   */
  public double mse(CandidateModel model) {
    double e = 0;
    double total = 0;
    for (int i = 0; i < y.length; i++) {
      double wi = w == null ? 1 : w[i];
      if (wi == 0) {
        continue;
      }
      double d = model.predict(x[i]) - y[i];
      e += wi * d * d;
      total += wi;
    }
    return e / total;
  }

  /** @return the weighted mean of the labels */
  public double meanLabel() {
    double s = 0;
    double total = 0;
    for (int i = 0; i < y.length; i++) {
      double wi = w == null ? 1 : w[i];
      s += wi * y[i];
      total += wi;
    }
    return s / total;
  }
}
