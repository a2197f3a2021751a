package swatnn.scaling;

import java.util.function.DoubleFunction;

/**
 * log(x) mapped linearly from [log min, log max] to [-1, 1]; values below the training minimum
 * (including any &lt;= 0) are clamped to it.
 */
final class LogColumn implements ColumnTransform {
  private static final long serialVersionUID = 1L;
  private final double min;
  private final double max;
  private final double logMin;
  private final double logMax;

  LogColumn(double min, double max) {
    if (!(min > 0 && max > min)) {
      throw new IllegalArgumentException("log scaling needs 0 < min < max");
    }
    this.min = min;
    this.max = max;
    this.logMin = Math.log(min);
    this.logMax = Math.log(max);
  }

  @Override
  public double apply(double v) {
    if (Double.isNaN(v)) {
      return Double.NaN;
    }
    double l = v <= min ? logMin : Math.log(v);
    return 2 * (l - logMin) / (logMax - logMin) - 1;
  }

  @Override
  public String toSource(String name) {
    return Numbers.method(describe(Numbers::literal), name,
        "    double l = v <= " + Numbers.operand(min) + " ? " + Numbers.literal(logMin)
            + " : Math.log(v);\n"
            + "    return 2 * (l - " + Numbers.operand(logMin) + ") / "
            + Numbers.operand(logMax - logMin) + " - 1;\n");
  }

  @Override
  public ScalingMethod applied() {
    return ScalingMethod.LOG;
  }

  @Override
  public String describe(DoubleFunction<String> number) {
    return "log(x) then min-max [" + number.apply(min) + ", " + number.apply(max) + "]";
  }
}
