package swatnn.scaling;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.function.DoubleFunction;

/**
 * The input columns' maps to the network's input scale, fitted per column on the training rows
 * by a {@link ScalingMethod} (NaN entries and rows of weight 0 ignored). Under every method a
 * column with at most two distinct training values is scaled min-max (so a 0/1 indicator stays
 * exactly {-1, 1}) and a constant column, or one without any value, maps to 0. NaN maps to NaN:
 * missing values are the caller's to handle.
 *
 * <pre>{@code
 * InputScaling s = InputScaling.fit(ScalingMethod.QUANTILE, trainRows, nInputs, weights);
 * double[] scaled = s.scale(row);
 * String line = s.describe(0); // "quantile: 30 knots on [64, 64000], clamped outside"
 * }</pre>
 */
public final class InputScaling implements Serializable {
  private static final long serialVersionUID = 1L;

  /** {@link ScalingMethod#QUANTILE}'s largest knot count. */
  public static final int QUANTILE_MAX_KNOTS = 1000;
  /** {@link ScalingMethod#LOG}: the least sample skewness of a column taken to log. */
  public static final double LOG_MIN_SKEWNESS = 1;
  /** {@link ScalingMethod#LOG}: the least max / min of a column taken to log. */
  public static final double LOG_MIN_RATIO = 10;
  /** {@link ScalingMethod#ROBUST}: scaled values are clipped to [-ROBUST_CLIP, ROBUST_CLIP]. */
  public static final double ROBUST_CLIP = 2;

  private final ScalingMethod method;
  private final ColumnTransform[] columns;

  private InputScaling(ScalingMethod method, ColumnTransform[] columns) {
    this.method = method;
    this.columns = columns;
  }

  /** Fits the first {@code columns} entries of each row, all rows weighing the same. */
  public static InputScaling fit(ScalingMethod method, double[][] rows, int columns) {
    return fit(method, rows, columns, null);
  }

  /**
   * Fits the first {@code columns} entries of each row.
   *
   * @param method the scaling
   * @param rows the training rows, each at least {@code columns} long
   * @param columns the input count
   * @param weights one weight &gt;= 0 per row (rows of weight 0 are ignored), or null for 1 each
   * @return the fitted scaling
   * @throws IllegalArgumentException if the shapes disagree, a weight is negative or not finite,
   *     or a value is infinite
   */
  public static InputScaling fit(ScalingMethod method, double[][] rows, int columns,
      double[] weights) {
    Objects.requireNonNull(method, "method");
    if (columns < 0) {
      throw new IllegalArgumentException("columns must be >= 0");
    }
    if (weights != null && weights.length != rows.length) {
      throw new IllegalArgumentException("need one weight per row");
    }
    ColumnTransform[] out = new ColumnTransform[columns];
    double[] col = new double[rows.length];
    for (int j = 0; j < columns; j++) {
      for (int i = 0; i < rows.length; i++) {
        if (rows[i].length < columns) {
          throw new IllegalArgumentException("row " + i + " has " + rows[i].length
              + " entries, need " + columns);
        }
        col[i] = rows[i][j];
      }
      out[j] = fitColumn(method, col, weights);
    }
    return new InputScaling(method, out);
  }

  /**
   * Fits one column.
   *
   * @param method the scaling
   * @param values the column's training values (NaN ignored)
   * @param weights one weight &gt;= 0 per value, or null for 1 each
   * @return the column's map
   */
  public static ColumnTransform fitColumn(ScalingMethod method, double[] values,
      double[] weights) {
    Objects.requireNonNull(method, "method");
    if (weights != null) {
      if (weights.length != values.length) {
        throw new IllegalArgumentException("need one weight per value");
      }
      for (double w : weights) {
        if (!(w >= 0 && w < Double.POSITIVE_INFINITY)) {
          throw new IllegalArgumentException("weights must be finite and >= 0, got " + w);
        }
      }
    }
    ColumnValues c = ColumnValues.of(values, weights);
    if (c.distinct() <= 2) {
      return MinMaxColumn.of(c, "");
    }
    switch (method) {
      case QUANTILE:
        return QuantileColumn.of(c, QUANTILE_MAX_KNOTS);
      case ROBUST:
        return RobustColumn.of(c, ROBUST_CLIP);
      case LOG: {
        String not = notLog(c);
        return not == null ? new LogColumn(c.min(), c.max()) : MinMaxColumn.of(c, not);
      }
      case MIN_MAX:
      default:
        return MinMaxColumn.of(c, "");
    }
  }

  /** Why a column of more than two values is not taken to log, or null if it is. */
  private static String notLog(ColumnValues c) {
    if (!(c.min() > 0)) {
      return " (not log: values <= 0)";
    }
    double ratio = c.max() / c.min();
    if (ratio < LOG_MIN_RATIO) {
      return " (not log: max/min " + Numbers.format(ratio) + ")";
    }
    double skew = c.skewness();
    if (!(skew > LOG_MIN_SKEWNESS)) {
      return String.format(Locale.ROOT, " (not log: skewness %.2f)", skew);
    }
    return null;
  }

  public ScalingMethod method() {
    return method;
  }

  /** The input count. */
  public int columns() {
    return columns.length;
  }

  /** The map of column {@code j}. */
  public ColumnTransform column(int j) {
    return columns[j];
  }

  /** Column {@code j}'s raw value {@code v} scaled (NaN for NaN). */
  public double scale(int j, double v) {
    return columns[j].apply(v);
  }

  /**
   * The first {@link #columns()} entries of a row scaled.
   *
   * @throws IllegalArgumentException if the row is shorter
   */
  public double[] scale(double[] row) {
    if (row.length < columns.length) {
      throw new IllegalArgumentException("row has " + row.length + " entries, need "
          + columns.length);
    }
    double[] out = new double[columns.length];
    for (int j = 0; j < columns.length; j++) {
      out[j] = columns[j].apply(row[j]);
    }
    return out;
  }

  /** Each row scaled by {@link #scale(double[])}. */
  public double[][] scale(double[][] rows) {
    double[][] out = new double[rows.length][];
    for (int i = 0; i < rows.length; i++) {
      out[i] = scale(rows[i]);
    }
    return out;
  }

  /** Column {@code j}'s one-line description, e.g. {@code min-max [64, 64000]}. */
  public String describe(int j) {
    return columns[j].describe();
  }

  /**
   * Column {@code j}'s one-line description with its numbers written by {@code number}.
   *
   * @param j the column
   * @param number how a number is written
   * @return the line
   */
  public String describe(int j, DoubleFunction<String> number) {
    return columns[j].describe(number);
  }

  /** Every column's description, in column order. */
  public List<String> describe() {
    List<String> out = new ArrayList<>(columns.length);
    for (ColumnTransform c : columns) {
      out.add(c.describe());
    }
    return out;
  }

  @Override
  public String toString() {
    return "InputScaling " + method + " " + describe();
  }
}
