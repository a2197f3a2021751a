package swatnn.cornn;

/**
 * The CORNN label scaling: maps the training labels' range [min, max] linearly onto [-1, 1].
 * Test labels are scaled with the training set's two numbers, so they may fall slightly
 * outside [-1, 1]. Immutable.
 */
public final class LabelScaling {
  private final double min;
  private final double max;

  /**
   * @throws IllegalArgumentException unless both are finite, {@code min < max} and the range
   *     {@code max - min} is finite
   */
  public LabelScaling(double min, double max) {
    if (!Double.isFinite(min) || !Double.isFinite(max) || !(min < max)
        || !Double.isFinite(max - min)) {
      throw new IllegalArgumentException("label range [" + min + ", " + max
          + "] cannot be scaled to [-1, 1]: need finite min < max");
    }
    this.min = min;
    this.max = max;
  }

  /**
   * The scaling of a training set's labels.
   *
   * @throws IllegalArgumentException when there are no labels, a label is not finite, or all
   *     labels are equal
   */
  public static LabelScaling of(double[] trainingLabels) {
    if (trainingLabels.length == 0) {
      throw new IllegalArgumentException("no training labels to scale by");
    }
    double lo = Double.POSITIVE_INFINITY;
    double hi = Double.NEGATIVE_INFINITY;
    for (double v : trainingLabels) {
      if (!Double.isFinite(v)) {
        throw new IllegalArgumentException("training label is not finite: " + v);
      }
      lo = Math.min(lo, v);
      hi = Math.max(hi, v);
    }
    return new LabelScaling(lo, hi);
  }

  /** The smallest training label; it scales to exactly -1. */
  public double min() {
    return min;
  }

  /** The largest training label; it scales to exactly 1. */
  public double max() {
    return max;
  }

  /** {@code 2 (f - min) / (max - min) - 1}. */
  public double scale(double f) {
    return 2 * (f - min) / (max - min) - 1;
  }

  /** The inverse of {@link #scale}, up to rounding. */
  public double unscale(double scaled) {
    return (scaled + 1) / 2 * (max - min) + min;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof LabelScaling s
        && Double.compare(min, s.min) == 0 && Double.compare(max, s.max) == 0;
  }

  @Override
  public int hashCode() {
    return 31 * Double.hashCode(min) + Double.hashCode(max);
  }

  @Override
  public String toString() {
    return "LabelScaling[" + min + ", " + max + "]";
  }
}
