package swatnn.scaling;

import java.util.function.DoubleFunction;

/** The training range mapped linearly to [-1, 1]; a constant column maps to 0. */
final class MinMaxColumn implements ColumnTransform {
  private static final long serialVersionUID = 1L;
  private final double min;
  private final double max;
  /** Whether the column had any training value. */
  private final boolean seen;
  /** Appended to the description (why min-max was used), or empty. */
  private final String note;

  MinMaxColumn(double min, double max, boolean seen, String note) {
    this.min = min;
    this.max = max;
    this.seen = seen;
    this.note = note;
  }

  static MinMaxColumn of(ColumnValues c, String note) {
    return c.distinct() == 0 ? new MinMaxColumn(0, 0, false, note)
        : new MinMaxColumn(c.min(), c.max(), true, c.distinct() == 2 && note.isEmpty()
            ? " (two values)" : note);
  }

  @Override
  public double apply(double v) {
    if (Double.isNaN(v)) {
      return Double.NaN;
    }
    return min == max ? 0 : 2 * Spans.fraction(v, min, max) - 1;
  }

  @Override
  public String toSource(String name) {
    return Numbers.method(describe(Numbers::literal), name, min == max ? "    return 0;\n"
        : "    return 2 * " + Spans.FRACTION_METHOD + "(v, " + Numbers.literal(min) + ", "
            + Numbers.literal(max) + ") - 1;\n");
  }

  @Override
  public ScalingMethod applied() {
    return ScalingMethod.MIN_MAX;
  }

  @Override
  public String describe(DoubleFunction<String> number) {
    if (!seen) {
      return "no training values (maps to 0)";
    }
    if (min == max) {
      return "constant " + number.apply(min) + " (maps to 0)";
    }
    return "min-max [" + number.apply(min) + ", " + number.apply(max) + "]" + note;
  }
}
