package swatnn.scaling;

import java.util.Arrays;

/**
 * A training column's sorted distinct values (NaN and rows of weight 0 left out) with their
 * total weights, mid-rank CDF and moments.
 */
final class ColumnValues {
  /** The sorted distinct values. */
  final double[] values;
  /** The total weight of each distinct value. */
  final double[] weights;
  /** The total weight. */
  final double total;

  private ColumnValues(double[] values, double[] weights) {
    this.values = values;
    this.weights = weights;
    this.total = Arrays.stream(weights).sum();
  }

  /**
   * @param column the raw values
   * @param w one weight per value, or null for 1 each
   */
  static ColumnValues of(double[] column, double[] w) {
    int n = column.length;
    Integer[] order = new Integer[n];
    int m = 0;
    for (int i = 0; i < n; i++) {
      double wi = w == null ? 1 : w[i];
      if (!Double.isNaN(column[i]) && wi > 0) {
        if (Double.isInfinite(column[i])) {
          throw new IllegalArgumentException("row " + (i + 1) + " holds " + column[i]
              + ": only finite values (or NaN for missing) can be scaled");
        }
        order[m++] = i;
      }
    }
    Integer[] kept = Arrays.copyOf(order, m);
    Arrays.sort(kept, (a, b) -> Double.compare(column[a], column[b]));
    double[] v = new double[m];
    double[] wt = new double[m];
    int k = -1;
    for (int idx : kept) {
      double x = column[idx] == 0 ? 0 : column[idx]; // -0.0 and 0.0 are one value
      double wi = w == null ? 1 : w[idx];
      if (k >= 0 && v[k] == x) {
        wt[k] += wi;
      } else {
        k++;
        v[k] = x;
        wt[k] = wi;
      }
    }
    return new ColumnValues(Arrays.copyOf(v, k + 1), Arrays.copyOf(wt, k + 1));
  }

  int distinct() {
    return values.length;
  }

  double min() {
    return values[0];
  }

  double max() {
    return values[values.length - 1];
  }

  /**
   * The mid-rank of each distinct value as a fraction of the total weight: (weight below + half
   * its own weight) / total (unweighted and without ties (i - 0.5) / n, Hazen's plotting
   * position).
   */
  double[] midRankCdf() {
    double[] f = new double[values.length];
    double below = 0;
    for (int k = 0; k < values.length; k++) {
      f[k] = (below + weights[k] / 2) / total;
      below += weights[k];
    }
    return f;
  }

  /**
   * The p-quantile by Hazen's rule ((i - 0.5) / n for the i-th of n sorted values, linear in
   * between, the smallest or largest value beyond the ends) on the sample with its ties: a value
   * of weight W after weight C spans the positions (C + h) / total to (C + W - h) / total, h half
   * of min(W, 1), so a tied block is flat in the quantile function.
   */
  double quantile(double p) {
    int k = values.length;
    double[] pos = new double[2 * k];
    double below = 0;
    for (int i = 0; i < k; i++) {
      double h = Math.min(weights[i], 1) / 2;
      pos[2 * i] = (below + h) / total;
      pos[2 * i + 1] = (below + weights[i] - h) / total;
      below += weights[i];
    }
    if (p <= pos[0]) {
      return values[0];
    }
    for (int j = 1; j < 2 * k; j++) {
      if (p <= pos[j]) {
        double lo = values[(j - 1) / 2];
        double hi = values[j / 2];
        double span = pos[j] - pos[j - 1];
        return span <= 0 ? hi : Spans.at(lo, hi, (p - pos[j - 1]) / span);
      }
    }
    return max();
  }

  /** The weighted sample skewness (third standardized moment); 0 for a constant column. */
  double skewness() {
    // skewness does not depend on the scale: values far from 1 in magnitude are divided by the
    // largest, so that the cubes neither overflow (1e103 and up) nor lose all digits
    double s = Math.max(Math.abs(min()), Math.abs(max()));
    double by = s > 1e100 || s < 1e-100 && s > 0 ? s : 1;
    double mean = 0;
    for (int k = 0; k < values.length; k++) {
      mean += weights[k] * (values[k] / by);
    }
    mean /= total;
    double m2 = 0;
    double m3 = 0;
    for (int k = 0; k < values.length; k++) {
      double d = values[k] / by - mean;
      m2 += weights[k] * d * d;
      m3 += weights[k] * d * d * d;
    }
    m2 /= total;
    m3 /= total;
    return m2 <= 0 ? 0 : m3 / Math.pow(m2, 1.5);
  }
}
