package swatnn.search;

import java.io.Serializable;
import java.util.Arrays;
import swatnn.scaling.Spans;

/**
 * Maps each column linearly from its training range to [-1, 1] (docs/METHOD.md section 5); a
 * constant column maps to 0. Values outside the training range map outside [-1, 1]. Every
 * finite range works, also one wider than the largest double ({@link Spans}): -1e308 and 1e308
 * map to -1 and 1.
 */
public final class MinMaxScaler implements Serializable {
  private static final long serialVersionUID = 1L;
  private final double[] min;
  private final double[] max;

  private MinMaxScaler(double[] min, double[] max) {
    this.min = min;
    this.max = max;
  }

  /** Fits the columns of rows (all of equal length; NaN entries are ignored). */
  public static MinMaxScaler fit(double[][] rows, int columns) {
    double[] lo = new double[columns];
    double[] hi = new double[columns];
    Arrays.fill(lo, Double.POSITIVE_INFINITY);
    Arrays.fill(hi, Double.NEGATIVE_INFINITY);
    for (double[] r : rows) {
      for (int j = 0; j < columns; j++) {
        if (!Double.isNaN(r[j])) {
          lo[j] = Math.min(lo[j], r[j]);
          hi[j] = Math.max(hi[j], r[j]);
        }
      }
    }
    for (int j = 0; j < columns; j++) {
      if (lo[j] > hi[j]) { // no values at all
        lo[j] = 0;
        hi[j] = 0;
      }
    }
    return new MinMaxScaler(lo, hi);
  }

  /** A scaler for one column of values. */
  public static MinMaxScaler fit(double[] values) {
    double[][] rows = new double[values.length][];
    for (int i = 0; i < values.length; i++) {
      rows[i] = new double[] {values[i]};
    }
    return fit(rows, 1);
  }

  public int columns() {
    return min.length;
  }

  /** Column {@code column}'s value {@code v} mapped to [-1, 1] (0 for a constant column). */
  public double scale(int column, double v) {
    return min[column] == max[column] ? 0 : 2 * Spans.fraction(v, min[column], max[column]) - 1;
  }

  /**
   * The inverse of {@link #scale}: a scaled value back on the column's own scale (the training
   * value for a constant column), never beyond the largest finite double.
   */
  public double unscale(int column, double v) {
    return min[column] == max[column] ? min[column]
        : Spans.at(min[column], max[column], (v + 1) / 2);
  }

  public double[] scale(double[] row) {
    double[] out = new double[row.length];
    for (int j = 0; j < row.length; j++) {
      out[j] = scale(j, row[j]);
    }
    return out;
  }

  public double min(int column) {
    return min[column];
  }

  public double max(int column) {
    return max[column];
  }
}
