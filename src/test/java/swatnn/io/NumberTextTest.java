package swatnn.io;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/**
 * {@link NumberText#significant}: trailing zeros of the mantissa dropped, never the exponent's;
 * no trailing zeros stripped from a number without a decimal point.
 */
class NumberTextTest {
  @Test
  void theMantissaLosesItsTrailingZerosAndTheExponentKeepsItsDigits() {
    assertEquals("0.25", NumberText.significant(0.25, 6));
    assertEquals("3.86124e-11", NumberText.significant(3.861237e-11, 6));
    assertEquals("1e-10", NumberText.significant(1e-10, 6));
    assertEquals("1e+20", NumberText.significant(1e20, 5));
    assertEquals("100", NumberText.significant(100, 3));
    assertEquals("1e+02", NumberText.significant(100, 2));
    assertEquals("-0.00123", NumberText.significant(-0.00123, 3));
    assertEquals("123457", NumberText.significant(123456.7, 6));
  }
}
