package swatnn.scaling;

import java.util.Locale;

/** Short number text for the descriptions. */
final class Numbers {
  private Numbers() {}

  /** An integer as such, otherwise 5 significant digits without trailing zeros. */
  static String format(double v) {
    if (v == Math.rint(v) && Math.abs(v) < 1e12) {
      return Long.toString((long) v);
    }
    String s = String.format(Locale.ROOT, "%.5g", v);
    if (s.contains("e") || s.contains("E")) {
      int e = s.indexOf('e') >= 0 ? s.indexOf('e') : s.indexOf('E');
      return strip(s.substring(0, e)) + s.substring(e);
    }
    return strip(s);
  }

  private static String strip(String s) {
    if (!s.contains(".")) {
      return s;
    }
    s = s.replaceAll("0+$", "");
    return s.endsWith(".") ? s.substring(0, s.length() - 1) : s;
  }
}
