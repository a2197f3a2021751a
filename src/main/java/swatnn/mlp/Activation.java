package swatnn.mlp;

/**
 * The activation functions a hidden neuron may use. The declaration order is the one-hot order
 * of the activation columns in the matrix layout (docs/METHOD.md section 1) and must not change.
 */
public enum Activation {
  /** The logistic function 1 / (1 + e^-x). */
  SIGMOID("sigmoid"),
  /** The hyperbolic tangent. */
  TANH("tanh"),
  /** Leaky ReLU: x for x > 0, {@value #LEAKY_SLOPE} x otherwise. */
  LEAKY_RELU("leaky");

  /** Slope of {@link #LEAKY_RELU} for negative arguments. */
  public static final double LEAKY_SLOPE = 0.01;

  /** Below this magnitude {@link #tanh(double)} uses its Taylor series (see there). */
  private static final double TANH_SERIES_LIMIT = 0.02;

  /** Above this magnitude tanh(x) rounds to +-1 in double precision. */
  private static final double TANH_SATURATION = 20.0;

  private static final Activation[] VALUES = values();

  private final String shortName;

  Activation(String shortName) {
    this.shortName = shortName;
  }

  /** The name used when printing a network: sigmoid, tanh or leaky. */
  public String shortName() {
    return shortName;
  }

  /** Applies this function to {@code x}. */
  public double apply(double x) {
    switch (this) {
      case SIGMOID:
        return sigmoid(x);
      case TANH:
        return tanh(x);
      default:
        return leakyRelu(x);
    }
  }

  /**
   * The derivative at pre-activation {@code x}, given the output {@code y = apply(x)} (sigmoid
   * and tanh reuse it). Leaky ReLU's derivative at 0 is taken as its left slope.
   */
  public double derivative(double x, double y) {
    switch (this) {
      case SIGMOID:
        return y * (1 - y);
      case TANH:
        return 1 - y * y;
      default:
        return x > 0 ? 1 : LEAKY_SLOPE;
    }
  }

  /** The name of this function's method in {@link #toSource()}: sigmoid, tanh or leakyRelu. */
  public String sourceName() {
    return this == LEAKY_RELU ? "leakyRelu" : shortName;
  }

  /**
   * This function as Java source, for a network written out as a class of its own: the
   * method {@code static double NAME(double x)} ({@link #sourceName()}), with the arithmetic of
   * {@link #apply} (the same formula, branches and constants), so that it returns the same
   * value. It needs nothing but the JDK.
   *
   * @return the method, each line indented by two spaces and ending in a newline
   */
  public String toSource() {
    String body;
    switch (this) {
      case SIGMOID:
        body = "    return 1.0 / (1.0 + Math.exp(-x));\n";
        break;
      case TANH:
        body = "    double a = Math.abs(x);\n"
            + "    if (a < " + TANH_SERIES_LIMIT + ") {\n"
            + "      double x2 = x * x;\n"
            + "      return x * (1.0 + x2 * (-1.0 / 3 + x2 * (2.0 / 15 + x2 * (-17.0 / 315\n"
            + "          + x2 * (62.0 / 2835)))));\n"
            + "    }\n"
            + "    if (a > " + TANH_SATURATION + ") {\n"
            + "      return x > 0 ? 1.0 : -1.0;\n"
            + "    }\n"
            + "    return 1.0 - 2.0 / (Math.exp(2.0 * x) + 1.0);\n";
        break;
      default:
        body = "    return x > 0 ? x : " + LEAKY_SLOPE + " * x;\n";
        break;
    }
    String doc = this == SIGMOID ? "The logistic function 1 / (1 + e^-x)."
        : this == TANH ? "The hyperbolic tangent (a series near 0, +-1 beyond +-"
            + TANH_SATURATION + ")."
        : "Leaky ReLU: x for x > 0, " + LEAKY_SLOPE + " x otherwise.";
    return "  /** " + doc + " */\n"
        + "  static double " + sourceName() + "(double x) {\n" + body + "  }\n";
  }

  /** The number of activation functions (the number of one-hot columns per hidden layer). */
  public static int count() {
    return VALUES.length;
  }

  /** The activation with the given one-hot index (its ordinal). */
  public static Activation ofIndex(int index) {
    if (index < 0 || index >= VALUES.length) {
      throw new IllegalArgumentException(
          "activation index must be in 0.." + (VALUES.length - 1) + ", got " + index);
    }
    return VALUES[index];
  }

  /** The activation whose {@link #shortName()} is {@code name}. */
  public static Activation ofShortName(String name) {
    for (Activation a : VALUES) {
      if (a.shortName.equals(name)) {
        return a;
      }
    }
    throw new IllegalArgumentException(
        "unknown activation '" + name + "' (expected sigmoid, tanh or leaky)");
  }

  /** The logistic function 1 / (1 + e^-x); 0 or 1 in the limits, never NaN for non-NaN x. */
  public static double sigmoid(double x) {
    return 1.0 / (1.0 + Math.exp(-x));
  }

  /**
   * The hyperbolic tangent, computed from {@link Math#exp} because {@link Math#tanh} is several
   * times slower. The relative error against {@link Math#tanh} stays below 1e-12.
   */
  public static double tanh(double x) {
    double a = Math.abs(x);
    if (a < TANH_SERIES_LIMIT) {
      // 1 - 2 / (e^2x + 1) cancels badly near 0; the series is exact to ~1e-16 relative here.
      double x2 = x * x;
      return x * (1.0 + x2 * (-1.0 / 3 + x2 * (2.0 / 15 + x2 * (-17.0 / 315
          + x2 * (62.0 / 2835)))));
    }
    if (a > TANH_SATURATION) {
      return x > 0 ? 1.0 : -1.0;
    }
    return 1.0 - 2.0 / (Math.exp(2.0 * x) + 1.0);
  }

  /** Leaky ReLU with slope {@value #LEAKY_SLOPE} for x <= 0. */
  public static double leakyRelu(double x) {
    return x > 0 ? x : LEAKY_SLOPE * x;
  }
}
