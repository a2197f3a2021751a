package swatnn.scaling;

import java.util.function.DoubleFunction;

/** (x - median) / scale clipped to [-clip, clip]; the scale is the IQR or half the range. */
final class RobustColumn implements ColumnTransform {
  private static final long serialVersionUID = 1L;
  private final double median;
  private final double scale;
  /** Whether the scale is half the range (the IQR was 0). */
  private final boolean halfRange;
  private final double clip;

  RobustColumn(double median, double scale, boolean halfRange, double clip) {
    if (!(scale > 0)) {
      throw new IllegalArgumentException("robust scaling needs a scale > 0");
    }
    this.median = median;
    this.scale = scale;
    this.halfRange = halfRange;
    this.clip = clip;
  }

  static RobustColumn of(ColumnValues c, double clip) {
    double median = c.quantile(0.5);
    double iqr = c.quantile(0.75) - c.quantile(0.25);
    // an IQR wider than the largest double (quartiles near -1e308 and 1e308) takes half the
    // range, which is finite and at least half the IQR
    return iqr > 0 && iqr < Double.POSITIVE_INFINITY ? new RobustColumn(median, iqr, false, clip)
        : new RobustColumn(median, Spans.halfWidth(c.min(), c.max()), true, clip);
  }

  @Override
  public double apply(double v) {
    if (Double.isNaN(v)) {
      return Double.NaN;
    }
    double z = (v - median) / scale; // an overflow to +-Infinity is clipped like any far value
    return Math.max(-clip, Math.min(clip, z));
  }

  @Override
  public String toSource(String name) {
    return Numbers.method(describe(Numbers::literal), name,
        "    double z = (v - " + Numbers.operand(median) + ") / " + Numbers.operand(scale)
            + ";\n"
            + "    return Math.max(" + Numbers.literal(-clip) + ", Math.min("
            + Numbers.literal(clip) + ", z));\n");
  }

  @Override
  public ScalingMethod applied() {
    return ScalingMethod.ROBUST;
  }

  @Override
  public String describe(DoubleFunction<String> number) {
    return "robust: (x - median " + number.apply(median) + ") / "
        + (halfRange ? "half range " : "IQR ") + number.apply(scale) + ", clipped to [-"
        + number.apply(clip) + ", " + number.apply(clip) + "]";
  }
}
