package swatnn.bench;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/** Summaries of per-task ratios for the generated reports. */
final class Ratios {
  private Ratios() {}

  /** The median of {@code v} (not empty). */
  static double median(double[] v) {
    double[] s = v.clone();
    Arrays.sort(s);
    int n = s.length;
    return n % 2 == 1 ? s[n / 2] : (s[n / 2 - 1] + s[n / 2]) / 2;
  }

  /** The geometric mean of {@code v} (not empty, all positive). */
  static double geometricMean(double[] v) {
    return Math.exp(Arrays.stream(v).map(Math::log).average().orElse(0));
  }

  /**
   * A report line "- what over N tasks: median m[, geometric mean g]." for the ratios a / b of
   * {@code pairs}; pairs with a zero or non-finite value are left out and counted.
   */
  static String line(String what, List<double[]> pairs, boolean withGeoMean) {
    if (pairs.isEmpty()) {
      return "- " + what + ": no task has both methods' results.";
    }
    double[] ratios = pairs.stream().filter(p -> p[0] > 0 && p[1] > 0
        && Double.isFinite(p[0]) && Double.isFinite(p[1])).mapToDouble(p -> p[0] / p[1])
        .toArray();
    int excluded = pairs.size() - ratios.length;
    if (ratios.length == 0) {
      return "- " + what + ": no task with two positive, finite values.";
    }
    StringBuilder sb = new StringBuilder(String.format(Locale.ROOT,
        "- %s over %d task%s: median %.3g", what, ratios.length, ratios.length == 1 ? "" : "s",
        median(ratios)));
    if (withGeoMean) {
      sb.append(String.format(Locale.ROOT, ", geometric mean %.3g", geometricMean(ratios)));
    }
    if (excluded > 0) {
      sb.append(" (").append(excluded).append(" task(s) left out: a zero or non-finite value)");
    }
    return sb.append('.').toString();
  }
}
