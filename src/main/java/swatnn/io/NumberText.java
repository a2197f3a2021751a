package swatnn.io;

import java.util.Locale;

/**
 * Numbers as short text for what the project writes (model descriptions, the model text,
 * network formulas).
 */
public final class NumberText {
  private NumberText() {}

  /**
   * {@code v} in {@code digits} significant digits as {@code %g} writes them ({@link
   * Locale#ROOT}), the mantissa's trailing zeros and a bare decimal point dropped, the exponent
   * kept whole: 0.25 as {@code 0.25}, 1e-10 as {@code 1e-10} (not {@code 1e-1}), 100 in three
   * digits as {@code 100}.
   *
   * @param v the number
   * @param digits significant digits (>= 1)
   * @return its text
   */
  public static String significant(double v, int digits) {
    String s = String.format(Locale.ROOT, "%." + digits + "g", v);
    int e = s.indexOf('e');
    String mantissa = e < 0 ? s : s.substring(0, e);
    if (mantissa.indexOf('.') >= 0) {
      mantissa = mantissa.replaceAll("0+$", "").replaceAll("\\.$", "");
    }
    return mantissa + (e < 0 ? "" : s.substring(e));
  }
}
