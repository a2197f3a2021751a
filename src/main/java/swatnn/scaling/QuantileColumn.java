package swatnn.scaling;

import java.util.Arrays;
import java.util.function.DoubleFunction;

/**
 * The empirical CDF as a piecewise-linear map through knots (value, u), u from -1 at the
 * smallest training value to 1 at the largest; clamped to [-1, 1] outside the training range.
 */
final class QuantileColumn implements ColumnTransform {
  private static final long serialVersionUID = 1L;
  private final double[] knots;
  private final double[] u;

  private QuantileColumn(double[] knots, double[] u) {
    this.knots = knots;
    this.u = u;
  }

  /**
   * @param c at least two distinct values
   * @param maxKnots at least 2
   */
  static QuantileColumn of(ColumnValues c, int maxKnots) {
    int k = c.distinct();
    double[] f = c.midRankCdf();
    double[] all = new double[k];
    for (int i = 0; i < k; i++) {
      all[i] = 2 * (f[i] - f[0]) / (f[k - 1] - f[0]) - 1;
    }
    all[k - 1] = 1;
    if (k <= maxKnots) {
      return new QuantileColumn(c.values.clone(), all);
    }
    // at most maxKnots knots: for evenly spaced levels the first value at or above each
    int[] pick = new int[maxKnots];
    int m = 0;
    int i = 0;
    for (int q = 0; q < maxKnots; q++) {
      double level = q == maxKnots - 1 ? 1 : -1 + 2.0 * q / (maxKnots - 1);
      while (i < k - 1 && all[i] < level) {
        i++;
      }
      if (m == 0 || pick[m - 1] != i) {
        pick[m++] = i;
      }
    }
    double[] kv = new double[m];
    double[] ku = new double[m];
    for (int j = 0; j < m; j++) {
      kv[j] = c.values[pick[j]];
      ku[j] = all[pick[j]];
    }
    return new QuantileColumn(kv, ku);
  }

  int knotCount() {
    return knots.length;
  }

  @Override
  public double apply(double v) {
    if (Double.isNaN(v)) {
      return Double.NaN;
    }
    if (v <= knots[0]) {
      return -1;
    }
    int last = knots.length - 1;
    if (v >= knots[last]) {
      return 1;
    }
    int pos = Arrays.binarySearch(knots, v);
    if (pos >= 0) {
      return u[pos];
    }
    int hi = -pos - 1; // first knot above v, 1..last
    int lo = hi - 1;
    double t = Spans.fraction(v, knots[lo], knots[hi]);
    return u[lo] + t * (u[hi] - u[lo]);
  }

  /**
   * The knots live in a nested class of their own: a class's static initializer may hold at
   * most 64 KB of bytecode, about 4000 array entries, and a model may scale several inputs.
   */
  @Override
  public String toSource(String name) {
    String knotsClass = name + "Knots";
    return "  /** The knots of " + name + ": values and their places in [-1, 1]. */\n"
        + "  private static final class " + knotsClass + " {\n"
        + "    static final double[] VALUE = " + array(knots) + ";\n"
        + "    static final double[] U = " + array(u) + ";\n"
        + "  }\n\n"
        + Numbers.method(describe(Numbers::literal), name,
            "    double[] knots = " + knotsClass + ".VALUE;\n"
            + "    double[] u = " + knotsClass + ".U;\n"
            + "    if (v <= knots[0]) {\n"
            + "      return -1;\n"
            + "    }\n"
            + "    int last = knots.length - 1;\n"
            + "    if (v >= knots[last]) {\n"
            + "      return 1;\n"
            + "    }\n"
            + "    int pos = java.util.Arrays.binarySearch(knots, v);\n"
            + "    if (pos >= 0) {\n"
            + "      return u[pos];\n"
            + "    }\n"
            + "    int hi = -pos - 1;\n"
            + "    int lo = hi - 1;\n"
            + "    double t = " + Spans.FRACTION_METHOD + "(v, knots[lo], knots[hi]);\n"
            + "    return u[lo] + t * (u[hi] - u[lo]);\n");
  }

  /** An array initializer, four values a line. */
  private static String array(double[] values) {
    StringBuilder sb = new StringBuilder("{");
    for (int i = 0; i < values.length; i++) {
      sb.append(i % 4 == 0 ? "\n        " : " ").append(Numbers.literal(values[i]))
          .append(i < values.length - 1 ? "," : "");
    }
    return sb.append("\n    }").toString();
  }

  @Override
  public ScalingMethod applied() {
    return ScalingMethod.QUANTILE;
  }

  @Override
  public String describe(DoubleFunction<String> number) {
    return "quantile: " + knots.length + " knots on [" + number.apply(knots[0]) + ", "
        + number.apply(knots[knots.length - 1]) + "], clamped outside";
  }
}
