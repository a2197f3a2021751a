package swatnn.scaling;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import swatnn.search.MinMaxScaler;

class SpansTest {
  private static final double MAX = Double.MAX_VALUE;

  @Test
  void ordinaryRangesGiveThePlainFormulasBitForBit() {
    double[][] cases = {{0.3, -2, 7}, {64, 64, 64000}, {-1e-3, -5e-3, 1e-2}, {1e5, 1, 10}};
    for (double[] c : cases) {
      double v = c[0];
      double lo = c[1];
      double hi = c[2];
      assertEquals((v - lo) / (hi - lo), Spans.fraction(v, lo, hi), 0);
      assertEquals(lo + 0.37 * (hi - lo), Spans.at(lo, hi, 0.37), 0);
      assertEquals((hi - lo) / 2, Spans.halfWidth(lo, hi), 0);
    }
  }

  @Test
  void rangesWiderThanTheLargestDoubleStayFinite() {
    assertEquals(0, Spans.fraction(-MAX, -MAX, MAX), 0);
    assertEquals(1, Spans.fraction(MAX, -MAX, MAX), 0);
    assertEquals(0.5, Spans.fraction(0, -MAX, MAX), 0);
    assertEquals(-MAX, Spans.at(-MAX, MAX, 0), 0);
    assertEquals(MAX, Spans.at(-MAX, MAX, 1), 0);
    assertEquals(0, Spans.at(-MAX, MAX, 0.5), 0);
    assertEquals(MAX, Spans.at(-MAX, MAX, 1.05), 0); // beyond the double range: clamped
    assertEquals(MAX, Spans.halfWidth(-MAX, MAX), 0);
  }

  @Test
  void minMaxScalerMapsAnyFiniteRangeAndBack() {
    MinMaxScaler s = MinMaxScaler.fit(new double[] {-MAX, -1e300, 0, 1e300, MAX});
    assertEquals(-1, s.scale(0, -MAX), 0);
    assertEquals(1, s.scale(0, MAX), 0);
    assertEquals(0, s.scale(0, 0), 0);
    assertEquals(MAX, s.unscale(0, 1), 0);
    assertEquals(-MAX, s.unscale(0, -1), 0);
    assertEquals(MAX, s.unscale(0, 1.1), 0); // a prediction past the range stays finite
    assertEquals(1e300, s.unscale(0, s.scale(0, 1e300)), 1e-15 * MAX); // to the range's precision
    MinMaxScaler tiny = MinMaxScaler.fit(new double[] {0, Double.MIN_VALUE, 4 * Double.MIN_VALUE});
    assertEquals(-0.5, tiny.scale(0, Double.MIN_VALUE), 0);
    assertEquals(Double.MIN_VALUE, tiny.unscale(0, -0.5), 0);
  }
}
