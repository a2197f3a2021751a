package swatnn.scaling;

import swatnn.io.NumberText;

/** Short number text for the descriptions, and exact literals for source code. */
final class Numbers {
  private Numbers() {}

  /**
   * A Java literal that reads back as exactly {@code v} ({@link Double#toString} round-trips);
   * a field of {@link Double} for NaN and the infinities.
   */
  static String literal(double v) {
    if (Double.isNaN(v)) {
      return "Double.NaN";
    }
    if (Double.isInfinite(v)) {
      return v > 0 ? "Double.POSITIVE_INFINITY" : "(-Double.POSITIVE_INFINITY)";
    }
    return Double.toString(v);
  }

  /** {@link #literal}, in parentheses when negative, to stand after an operator. */
  static String operand(double v) {
    String s = literal(v);
    return s.startsWith("-") ? "(" + s + ")" : s;
  }

  /**
   * The source of {@code static double NAME(double v)}: a Javadoc line, NaN mapped to NaN (as
   * every {@link ColumnTransform#apply} does), then {@code body}.
   *
   * @param doc the Javadoc's text (one line, without comment delimiters)
   * @param name the method's name
   * @param body the statements after the NaN check, each line indented by four spaces
   */
  static String method(String doc, String name, String body) {
    return "  /** " + doc.replace("*/", "* /") + " */\n"
        + "  static double " + name + "(double v) {\n"
        + "    if (Double.isNaN(v)) {\n"
        + "      return Double.NaN;\n"
        + "    }\n"
        + body
        + "  }\n";
  }

  /** An integer as such, otherwise 5 significant digits without trailing zeros. */
  static String format(double v) {
    if (v == Math.rint(v) && Math.abs(v) < 1e12) {
      return Long.toString((long) v);
    }
    return NumberText.significant(v, 5);
  }
}
