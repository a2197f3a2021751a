package swatnn.cornn;

import static java.lang.StrictMath.E;
import static java.lang.StrictMath.PI;
import static java.lang.StrictMath.abs;
import static java.lang.StrictMath.cos;
import static java.lang.StrictMath.exp;
import static java.lang.StrictMath.pow;
import static java.lang.StrictMath.sin;
import static java.lang.StrictMath.sqrt;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The 54 two-dimensional functions of the CORNN regression suite, numbered F1..F54 as in the
 * paper, each with its domain and its formula as the official data was generated.
 *
 * <p>The formulas follow the way numpy evaluates them: powers of two as {@code x * x}, other
 * powers through {@code pow}, operations left to right, and sums or products over the two
 * coordinates grouped per coordinate (Rastrigin, Alpine N.2, Styblinski-Tang), as the reference
 * code computes them; the grouping matters where terms cancel. They use {@link StrictMath} so
 * that generated data is bit-for-bit the same on every platform; the official values are
 * reproduced to within a few units in the last place of the transcendental functions.
 */
public enum CornnFunction {
  ACKLEY(1, "Ackley", -32, 32, -32, 32,
      (x, y) -> -20 * exp(-0.2 * sqrt(0.5 * (sq(x) + sq(y))))
          - exp(0.5 * (cos(2 * PI * x) + cos(2 * PI * y))) + 20 + E),
  ACKLEY_N2(2, "Ackley N.2", -32, 32, -32, 32, (x, y) -> ackleyN2(x, y)),
  ACKLEY_N3(3, "Ackley N.3", -32, 32, -32, 32,
      (x, y) -> ackleyN2(x, y) + 5 * exp(cos(3 * x) + sin(3 * y))),
  ACKLEY_N4(4, "Ackley N.4", -35, 35, -35, 35,
      (x, y) -> exp(-0.2) * sqrt(sq(x) + sq(y)) + 3 * (cos(2 * x) + sin(2 * y))),
  ADJIMAN(5, "Adjiman", -1, 2, -1, 1, (x, y) -> cos(x) * sin(y) - x / (sq(y) + 1)),
  ALPINE_N1(6, "Alpine N.1", 0, 10, 0, 10,
      (x, y) -> abs(x * sin(x) + 0.1 * x) + abs(y * sin(y) + 0.1 * y)),
  ALPINE_N2(7, "Alpine N.2", 0, 10, 0, 10,
      (x, y) -> (sqrt(x) * sin(x)) * (sqrt(y) * sin(y))),
  BARTELS_CONN(8, "Bartels Conn", -500, 500, -500, 500,
      (x, y) -> abs(sq(x) + sq(y) + x * y) + abs(sin(x)) + abs(cos(y))),
  BEALE(9, "Beale", -4.5, 4.5, -4.5, 4.5,
      (x, y) -> sq(1.5 - x + x * y) + sq(2.25 - x + x * sq(y))
          + sq(2.625 - x + x * pow(y, 3))),
  BIRD(10, "Bird", -2 * PI, 2 * PI, -2 * PI, 2 * PI,
      (x, y) -> sin(x) * exp(sq(1 - cos(y))) + cos(y) * exp(sq(1 - sin(x))) + sq(x - y)),
  BOHACHEVSKY_N1(11, "Bohachevsky N.1", -100, 100, -100, 100,
      (x, y) -> sq(x) + 2 * sq(y) - 0.3 * cos(3 * PI * x) - 0.4 * cos(4 * PI * y) + 0.7),
  BOHACHEVSKY_N2(12, "Bohachevsky N.2", -100, 100, -100, 100,
      (x, y) -> sq(x) + 2 * sq(y) - 0.3 * cos(3 * PI * x) * cos(4 * PI * y) + 0.3),
  BOOTH(13, "Booth", -10, 10, -10, 10,
      (x, y) -> sq(x + 2 * y - 7) + sq(2 * x + y - 5)),
  BRENT(14, "Brent", -20, 0, -20, 0,
      (x, y) -> sq(x + 10) + sq(y + 10) + exp(-sq(x) - sq(y))),
  BROWN(15, "Brown", -1, 1, -1, 1,
      (x, y) -> pow(sq(x), sq(y) + 1) + pow(sq(y), sq(x) + 1)),
  BUKIN_N6(16, "Bukin N.6", -15, -5, -3, 3,
      (x, y) -> 100 * sqrt(abs(y - 0.01 * sq(x))) + 0.01 * abs(x + 10)),
  CROSS_IN_TRAY(17, "Cross-In-Tray", -10, 10, -10, 10,
      (x, y) -> -0.0001 * pow(abs(sin(x) * sin(y)
          * exp(abs(100 - sqrt(sq(x) + sq(y)) / PI))) + 1, 0.1)),
  // The official data uses 1e5 (x^2 + y^2), not the textbook 1e5 x^2 + y^2.
  DECKKERS_AARTS(18, "Deckkers-Aarts", -20, 20, -20, 20, (x, y) -> {
    double s = sq(x) + sq(y);
    return 1e5 * s - sq(s) + 1e-5 * pow(s, 4);
  }),
  DROP_WAVE(19, "Drop-Wave", -5.2, 5.2, -5.2, 5.2, (x, y) -> {
    double s = sq(x) + sq(y);
    return -(1 + cos(12 * sqrt(s))) / (0.5 * s + 2);
  }),
  EASOM(20, "Easom", -50, 50, -50, 50,
      (x, y) -> -cos(x) * cos(y) * exp(-sq(x - PI) - sq(y - PI))),
  EGG_CRATE(21, "Egg Crate", -5, 5, -5, 5,
      (x, y) -> sq(x) + sq(y) + 25 * (sq(sin(x)) + sq(sin(y)))),
  EGG_HOLDER(22, "Egg Holder", -512, 512, -512, 512,
      (x, y) -> -(y + 47) * sin(sqrt(abs(y + x / 2 + 47)))
          - x * sin(sqrt(abs(x - (y + 47))))),
  EXPONENTIAL(23, "Exponential", -1, 1, -1, 1, (x, y) -> -exp(-0.5 * (sq(x) + sq(y)))),
  // "+ 4y" in the second factor (the textbook has "+ 48y") is how the official data was made.
  GOLDSTEIN_PRICE(24, "Goldstein-Price", -2, 2, -2, 2,
      (x, y) -> (1 + sq(x + y + 1)
          * (19 - 14 * x + 3 * sq(x) - 14 * y + 6 * x * y + 3 * sq(y)))
          * (30 + sq(2 * x - 3 * y)
          * (18 - 32 * x + 12 * sq(x) + 4 * y - 36 * x * y + 27 * sq(y)))),
  GRIEWANK(25, "Griewank", -600, 600, -600, 600,
      (x, y) -> 1 + sq(x) / 4000 + sq(y) / 4000 - cos(x) * cos(y / sqrt(2))),
  HIMMELBLAU(26, "Himmelblau", -6, 6, -6, 6,
      (x, y) -> sq(sq(x) + y - 11) + sq(x + sq(y) - 7)),
  HOLDER_TABLE(27, "Holder-Table", -10, 10, -10, 10,
      (x, y) -> -abs(sin(x) * cos(y) * exp(abs(1 - sqrt(sq(x) + sq(y)) / PI)))),
  KEANE(28, "Keane", 0, 10, 0, 10,
      (x, y) -> -(sq(sin(x - y)) * sq(sin(x + y))) / sqrt(sq(x) + sq(y))),
  LEON(29, "Leon", 0, 10, 0, 10, (x, y) -> 100 * sq(y - pow(x, 3)) + sq(1 - x)),
  LEVI_N13(30, "Levi N.13", -10, 10, -10, 10,
      (x, y) -> sq(sin(3 * PI * x)) + sq(x - 1) * (1 + sq(sin(3 * PI * y)))
          + sq(y - 1) * (1 + sq(sin(2 * PI * y)))),
  MATYAS(31, "Matyas", -10, 10, -10, 10,
      (x, y) -> 0.26 * (sq(x) + sq(y)) - 0.48 * x * y),
  MCCORMICK(32, "McCormick", -1.5, 4, -3, 3,
      (x, y) -> sin(x + y) + sq(x - y) - 1.5 * x + 2.5 * y + 1),
  MICHALEWICZ(33, "Michalewicz", 0, PI, 0, PI,
      (x, y) -> -(sin(x) * pow(sin(sq(x) / PI), 20) + sin(y) * pow(sin(2 * sq(y) / PI), 20))),
  PERIODIC(34, "Periodic", -10, 10, -10, 10,
      (x, y) -> 1 + sq(sin(x)) + sq(sin(y)) - 0.1 * exp(-(sq(x) + sq(y)))),
  // The official data uses (x - 1)^2 + (y - 2)^2, not the textbook (x^2 - 1)^2 + (y^2 - 2)^2.
  QING(35, "Qing", -500, 500, -500, 500, (x, y) -> sq(x - 1) + sq(y - 2)),
  RASTRIGIN(36, "Rastrigin", -5.12, 5.12, -5.12, 5.12,
      (x, y) -> 20 + (sq(x) - 10 * cos(2 * PI * x)) + (sq(y) - 10 * cos(2 * PI * y))),
  RIDGE(37, "Ridge", -5, 5, -5, 5, (x, y) -> x + sqrt(sq(y))),
  ROSENBROCK(38, "Rosenbrock", -5, 10, -5, 10,
      (x, y) -> 100 * sq(y - sq(x)) + sq(1 - x)),
  SALOMON(39, "Salomon", -100, 100, -100, 100, (x, y) -> {
    double v = sqrt(sq(x) + sq(y));
    return 1 - cos(2 * PI * v) + 0.1 * v;
  }),
  SCHAFFER_N2(40, "Schaffer N.2", -100, 100, -100, 100,
      (x, y) -> 0.5 + (sq(sin(sq(x) - sq(y))) - 0.5) / sq(1 + 0.001 * (sq(x) + sq(y)))),
  SCHAFFER_N3(41, "Schaffer N.3", -100, 100, -100, 100,
      (x, y) -> 0.5 + (sq(sin(cos(abs(sq(x) - sq(y))))) - 0.5)
          / sq(1 + 0.001 * (sq(x) + sq(y)))),
  SCHWEFEL_2_20(42, "Schwefel 2.20", -100, 100, -100, 100,
      (x, y) -> abs(x) + abs(y)),
  SCHWEFEL_2_22(43, "Schwefel 2.22", -100, 100, -100, 100,
      (x, y) -> abs(x) + abs(y) + abs(x) * abs(y)),
  SCHWEFEL_2_23(44, "Schwefel 2.23", -10, 10, -10, 10, (x, y) -> pow(x, 10) + pow(y, 10)),
  SHUBERT(45, "Shubert", -10, 10, -10, 10, (x, y) -> {
    double sx = 0;
    double sy = 0;
    for (int j = 1; j <= 5; j++) {
      sx += cos((j + 1) * x + j);
      sy += cos((j + 1) * y + j);
    }
    return sx * sy;
  }),
  SHUBERT_3(46, "Shubert 3", -10, 10, -10, 10, (x, y) -> {
    double sx = 0;
    double sy = 0;
    for (int j = 1; j <= 5; j++) {
      sx += j * sin((j + 1) * x + j);
      sy += j * sin((j + 1) * y + j);
    }
    return sx + sy;
  }),
  SPHERE(47, "Sphere", -5.12, 5.12, -5.12, 5.12, (x, y) -> sq(x) + sq(y)),
  STYBLINSKI_TANG(48, "Styblinski-Tang", -5, 5, -5, 5,
      (x, y) -> 0.5 * ((pow(x, 4) - 16 * sq(x) + pow(5, x))
          + (pow(y, 4) - 16 * sq(y) + pow(5, y)))),
  SUM_SQUARES(49, "Sum Squares", -10, 10, -10, 10, (x, y) -> sq(x) + 2 * sq(y)),
  THREE_HUMP_CAMEL(50, "Three-Hump Camel", -5, 5, -5, 5,
      (x, y) -> 2 * sq(x) - 1.05 * pow(x, 4) + pow(x, 6) / 6 + x * y + sq(y)),
  XIN_SHE_YANG_N2(51, "Xin-She Yang N.2", -2 * PI, 2 * PI, -2 * PI, 2 * PI,
      (x, y) -> (abs(x) + abs(y)) * exp(-(sin(sq(x)) + sin(sq(y))))),
  XIN_SHE_YANG_N3(52, "Xin-She Yang N.3", -2 * PI, 2 * PI, -2 * PI, 2 * PI,
      (x, y) -> exp(-(pow(x / 15, 10) + pow(y / 15, 10)))
          - 2 * exp(-(sq(x) + sq(y))) * sq(cos(x)) * sq(cos(y))),
  XIN_SHE_YANG_N4(53, "Xin-She Yang N.4", -10, 10, -10, 10,
      (x, y) -> (sq(sin(x)) + sq(sin(y)) - exp(-(sq(x) + sq(y))))
          * exp(-(sq(sin(sqrt(abs(x)))) + sq(sin(sqrt(abs(y))))))),
  ZAKHAROV(54, "Zakharov", -5, 10, -5, 10, (x, y) -> {
    double t = 0.5 * x + y;
    return sq(x) + sq(y) + sq(t) + pow(t, 4);
  });

  /** The formula of one function. */
  @FunctionalInterface
  private interface Formula {
    double value(double x, double y);
  }

  private static final CornnFunction[] BY_NUMBER = values();

  private final int number;
  private final String cornnName;
  private final double xLo;
  private final double xHi;
  private final double yLo;
  private final double yHi;
  private final Formula formula;

  CornnFunction(int number, String cornnName, double xLo, double xHi, double yLo, double yHi,
      Formula formula) {
    this.number = number;
    this.cornnName = cornnName;
    this.xLo = xLo;
    this.xHi = xHi;
    this.yLo = yLo;
    this.yHi = yHi;
    this.formula = formula;
  }

  static {
    for (CornnFunction f : BY_NUMBER) {
      if (f.number != f.ordinal() + 1) {
        throw new AssertionError(f + " is listed out of order");
      }
    }
  }

  /** The paper's number, 1..54. */
  public int number() {
    return number;
  }

  /** {@code "F13"}. */
  public String label() {
    return "F" + number;
  }

  /** The name used by CORNN and its data files, e.g. {@code "Ackley N.2"}. */
  public String cornnName() {
    return cornnName;
  }

  /** The name with spaces replaced by underscores, e.g. {@code "Ackley_N.2"}. */
  public String fileStem() {
    return cornnName.replace(' ', '_');
  }

  public double xLo() {
    return xLo;
  }

  public double xHi() {
    return xHi;
  }

  public double yLo() {
    return yLo;
  }

  public double yHi() {
    return yHi;
  }

  /** The function's value at a point of its domain, in raw (unscaled) units. */
  public double value(double x, double y) {
    return formula.value(x, y);
  }

  /** Maps an x coordinate from the domain to [-1, 1]: {@code 2 (x - lo) / (hi - lo) - 1}. */
  public double scaleX(double x) {
    return scaleInput(x, xLo, xHi);
  }

  /** Maps a y coordinate from the domain to [-1, 1]: {@code 2 (y - lo) / (hi - lo) - 1}. */
  public double scaleY(double y) {
    return scaleInput(y, yLo, yHi);
  }

  static double scaleInput(double v, double lo, double hi) {
    return 2 * (v - lo) / (hi - lo) - 1;
  }

  @Override
  public String toString() {
    return label() + " " + cornnName;
  }

  /** The function with the given number, 1..54. */
  public static CornnFunction byNumber(int number) {
    if (number < 1 || number > BY_NUMBER.length) {
      throw new IllegalArgumentException(
          "no CORNN function F" + number + " (the suite has F1..F" + BY_NUMBER.length + ")");
    }
    return BY_NUMBER[number - 1];
  }

  /**
   * Looks a function up by its CORNN name ({@code "Ackley N.2"}), its file stem
   * ({@code "Ackley_N.2"}) or its number ({@code "F2"} or {@code "2"}), ignoring case and
   * surrounding blanks.
   *
   * @throws IllegalArgumentException naming the token when nothing matches
   */
  public static CornnFunction parse(String token) {
    String t = token == null ? "" : token.trim();
    String digits = t.length() > 1 && (t.charAt(0) == 'F' || t.charAt(0) == 'f')
        ? t.substring(1) : t;
    if (!digits.isEmpty() && digits.chars().allMatch(c -> c >= '0' && c <= '9')) {
      int n = digits.length() > 3 ? Integer.MAX_VALUE : Integer.parseInt(digits);
      if (n >= 1 && n <= BY_NUMBER.length) {
        return BY_NUMBER[n - 1];
      }
    }
    String lower = t.toLowerCase(Locale.ROOT);
    for (CornnFunction f : BY_NUMBER) {
      if (f.cornnName.toLowerCase(Locale.ROOT).equals(lower)
          || f.fileStem().toLowerCase(Locale.ROOT).equals(lower)) {
        return f;
      }
    }
    throw new IllegalArgumentException("unknown CORNN function '" + t
        + "' (expected a name such as 'Ackley N.2', a file stem such as 'Ackley_N.2',"
        + " or a number F1..F" + BY_NUMBER.length + ")");
  }

  /**
   * Parses a comma-separated list of names, file stems or numbers (see {@link #parse}), in the
   * order given, without repeats.
   *
   * @throws IllegalArgumentException on an empty list, an empty entry or an unknown token
   */
  public static List<CornnFunction> parseList(String commaSeparated) {
    Set<CornnFunction> picked = new LinkedHashSet<>();
    for (String token : commaSeparated.split(",", -1)) {
      if (token.isBlank()) {
        throw new IllegalArgumentException(
            "empty entry in function list '" + commaSeparated + "'");
      }
      picked.add(parse(token));
    }
    return Collections.unmodifiableList(new ArrayList<>(picked));
  }

  /** All 54 functions, F1 first. */
  public static List<CornnFunction> all() {
    return List.of(BY_NUMBER);
  }

  private static double ackleyN2(double x, double y) {
    return -200 * exp(-0.2 * sqrt(sq(x) + sq(y)));
  }

  private static double sq(double v) {
    return v * v;
  }
}
