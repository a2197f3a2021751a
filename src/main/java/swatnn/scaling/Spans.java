package swatnn.scaling;

/**
 * The linear map between a range [lo, hi] of finite doubles and [0, 1], computed so that it
 * stays finite for every finite range: the plain {@code (v - lo) / (hi - lo)} gives Infinity or
 * NaN once {@code hi - lo} exceeds {@link Double#MAX_VALUE} (e.g. lo = -1e308, hi = 1e308).
 * Where the plain formulas do not overflow they are used as they are, so that their results are
 * unchanged there; past that, the ends are halved or weighted first, which cannot overflow.
 */
public final class Spans {
  private Spans() {}

  /**
   * Where {@code v} lies in [lo, hi]: {@code (v - lo) / (hi - lo)}, 0 at lo and 1 at hi.
   *
   * @param v a value (NaN gives NaN)
   * @param lo the range's lower end, finite
   * @param hi the range's upper end, finite and &gt; lo
   * @return the fraction; beyond [0, 1] for v outside the range, and infinite only when v is
   *     so far outside that the fraction exceeds the double range
   */
  public static double fraction(double v, double lo, double hi) {
    double span = hi - lo;
    double d = v - lo;
    if (span < Double.POSITIVE_INFINITY && Math.abs(d) < Double.POSITIVE_INFINITY) {
      return d / span;
    }
    return (v / 2 - lo / 2) / (hi / 2 - lo / 2);
  }

  /**
   * The point at fraction {@code t} of [lo, hi]: {@code lo + t (hi - lo)}, the inverse of
   * {@link #fraction}.
   *
   * @param lo the range's lower end, finite
   * @param hi the range's upper end, finite and &gt;= lo
   * @param t the fraction (NaN gives NaN)
   * @return the point; a point beyond the double range is the largest finite double of its
   *     sign
   */
  public static double at(double lo, double hi, double t) {
    double span = hi - lo;
    double v = span < Double.POSITIVE_INFINITY ? lo + t * span : (1 - t) * lo + t * hi;
    return Math.max(-Double.MAX_VALUE, Math.min(Double.MAX_VALUE, v));
  }

  /** The name of {@link #fraction} in {@link #source()}. */
  public static final String FRACTION_METHOD = "spanFraction";

  /** The name of {@link #at} in {@link #source()}. */
  public static final String AT_METHOD = "spanAt";

  /**
   * {@link #fraction} and {@link #at} as Java source, for a model written out as a class of its
   * own ({@link ColumnTransform#toSource}): {@code static double spanFraction(double v, double
   * lo, double hi)} and {@code static double spanAt(double lo, double hi, double t)}, the same
   * arithmetic in the same order, so that they return the same values to the bit. A class
   * holds them once, however many of its methods call them. The source needs nothing but the
   * JDK and compiles as Java 8.
   *
   * @return the two methods, each line indented by two spaces and ending in a newline, the
   *     two separated by an empty line
   */
  public static String source() {
    return "  /** (v - lo) / (hi - lo), with the ends halved first where that overflows. */\n"
        + "  static double " + FRACTION_METHOD + "(double v, double lo, double hi) {\n"
        + "    double span = hi - lo;\n"
        + "    double d = v - lo;\n"
        + "    if (span < Double.POSITIVE_INFINITY && Math.abs(d) < Double.POSITIVE_INFINITY) {\n"
        + "      return d / span;\n"
        + "    }\n"
        + "    return (v / 2 - lo / 2) / (hi / 2 - lo / 2);\n"
        + "  }\n"
        + "\n"
        + "  /** lo + t (hi - lo), weighting the ends where that overflows; within the doubles. */\n"
        + "  static double " + AT_METHOD + "(double lo, double hi, double t) {\n"
        + "    double span = hi - lo;\n"
        + "    double v = span < Double.POSITIVE_INFINITY ? lo + t * span : (1 - t) * lo + t * hi;\n"
        + "    return Math.max(-Double.MAX_VALUE, Math.min(Double.MAX_VALUE, v));\n"
        + "  }\n";
  }

  /**
   * Half the range's width, {@code (hi - lo) / 2}, finite for every finite range.
   *
   * @param lo the range's lower end, finite
   * @param hi the range's upper end, finite and &gt;= lo
   * @return the half width
   */
  public static double halfWidth(double lo, double hi) {
    double span = hi - lo;
    return span < Double.POSITIVE_INFINITY ? span / 2 : hi / 2 - lo / 2;
  }
}
