package swatnn.scaling;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;

class InputScalingTest {
  private static final double EPS = 1e-12;

  private static double[][] column(double... v) {
    double[][] rows = new double[v.length][];
    for (int i = 0; i < v.length; i++) {
      rows[i] = new double[] {v[i]};
    }
    return rows;
  }

  private static double[] lognormal(int n, long seed) {
    Random r = new Random(seed);
    double[] v = new double[n];
    for (int i = 0; i < n; i++) {
      v[i] = Math.exp(r.nextGaussian());
    }
    return v;
  }

  @Test
  void minMaxMapsTheTrainingRangeToMinusOneOne() {
    InputScaling s = InputScaling.fit(ScalingMethod.MIN_MAX, column(64, 1000, 64000), 1);
    assertEquals(-1, s.scale(0, 64), EPS);
    assertEquals(1, s.scale(0, 64000), EPS);
    assertEquals(2 * (1000 - 64) / 63936.0 - 1, s.scale(0, 1000), EPS);
    assertEquals(3, s.scale(0, 64000 + 63936), EPS); // linear outside the range
    assertEquals(ScalingMethod.MIN_MAX, s.column(0).applied());
    assertEquals("min-max [64, 64000]", s.describe(0));
  }

  @Test
  void constantColumnMapsToZeroUnderEveryMethod() {
    for (ScalingMethod m : ScalingMethod.values()) {
      InputScaling s = InputScaling.fit(m, column(5, 5, 5), 1);
      assertEquals(0, s.scale(0, 5), EPS, m.name());
      assertEquals(0, s.scale(0, 100), EPS, m.name());
      assertEquals("constant 5 (maps to 0)", s.describe(0), m.name());
      assertEquals(ScalingMethod.MIN_MAX, s.column(0).applied(), m.name());
    }
  }

  @Test
  void binaryColumnStaysExactlyMinusOneOneUnderEveryMethod() {
    double[] v = {0, 1, 1, 0, 0, 0, 1, 0, 0, 0};
    for (ScalingMethod m : ScalingMethod.values()) {
      InputScaling s = InputScaling.fit(m, column(v), 1);
      assertEquals(-1, s.scale(0, 0), 0, m.name());
      assertEquals(1, s.scale(0, 1), 0, m.name());
      assertEquals(ScalingMethod.MIN_MAX, s.column(0).applied(), m.name());
      assertEquals("min-max [0, 1] (two values)", s.describe(0), m.name());
    }
  }

  @Test
  void quantileKnotsSitAtMidRanksWithTiesAtTheirMeanRank() {
    InputScaling s = InputScaling.fit(ScalingMethod.QUANTILE, column(1, 2, 3, 4, 5), 1);
    assertArrayEquals(new double[] {-1, -0.5, 0, 0.5, 1},
        Arrays.stream(new double[] {1, 2, 3, 4, 5}).map(x -> s.scale(0, x)).toArray(), EPS);
    // ties: 2 twice gets the mean rank of its two positions, halfway between 1 and 3
    InputScaling t = InputScaling.fit(ScalingMethod.QUANTILE, column(2, 1, 3, 2), 1);
    assertEquals(-1, t.scale(0, 1), EPS);
    assertEquals(0, t.scale(0, 2), EPS);
    assertEquals(1, t.scale(0, 3), EPS);
    assertEquals(-0.5, t.scale(0, 1.5), EPS); // linear between knots
    assertEquals(-1, t.scale(0, -100), EPS); // clamped outside
    assertEquals(1, t.scale(0, 100), EPS);
    assertEquals("quantile: 3 knots on [1, 3], clamped outside", t.describe(0));
    assertEquals(ScalingMethod.QUANTILE, t.column(0).applied());
  }

  @Test
  void quantileUsesWeightsAndIgnoresRowsOfWeightZero() {
    // weights 3, 1, 1: mid-ranks 1.5, 3.5, 4.5 of 5 -> u = -1, 2 * 2 / 3 - 1, 1
    InputScaling s = InputScaling.fit(ScalingMethod.QUANTILE, column(1, 2, 3, 7), 1,
        new double[] {3, 1, 1, 0});
    assertEquals(-1, s.scale(0, 1), EPS);
    assertEquals(1.0 / 3, s.scale(0, 2), EPS);
    assertEquals(1, s.scale(0, 3), EPS);
    assertEquals(1, s.scale(0, 7), EPS); // the weight-0 row is not a knot
  }

  @Test
  void quantileGivesUniformMonotoneValuesOnSkewedData() {
    double[] v = lognormal(500, 3);
    InputScaling s = InputScaling.fit(ScalingMethod.QUANTILE, column(v), 1);
    double[] sorted = v.clone();
    Arrays.sort(sorted);
    double prev = Double.NEGATIVE_INFINITY;
    int inner = 0;
    for (double x : sorted) {
      double u = s.scale(0, x);
      assertTrue(u > prev, "strictly increasing");
      prev = u;
      inner += Math.abs(u) <= 0.5 ? 1 : 0;
    }
    assertEquals(-1, s.scale(0, sorted[0]), EPS);
    assertEquals(1, s.scale(0, sorted[499]), EPS);
    assertEquals(0.5, inner / 500.0, 0.01); // uniform: half the rows in [-0.5, 0.5]
    for (int i = 0; i < 200; i++) { // monotone between knots too
      double a = sorted[0] + i * (sorted[499] - sorted[0]) / 200;
      assertTrue(s.scale(0, a) <= s.scale(0, a + 1e-3));
    }
  }

  @Test
  void quantileCapsTheKnotsByQuantiles() {
    double[] v = lognormal(5000, 4);
    ColumnTransform c = InputScaling.fitColumn(ScalingMethod.QUANTILE, v, null);
    int knots = ((QuantileColumn) c).knotCount();
    assertTrue(knots <= InputScaling.QUANTILE_MAX_KNOTS && knots > 900, "knots " + knots);
    double[] sorted = v.clone();
    Arrays.sort(sorted);
    assertEquals(-1, c.apply(sorted[0]), EPS);
    assertEquals(1, c.apply(sorted[4999]), EPS);
    // still close to the empirical CDF between knots
    for (int i = 0; i < 5000; i += 97) {
      assertEquals(2 * i / 4999.0 - 1, c.apply(sorted[i]), 0.005);
    }
    assertTrue(c.describe().startsWith("quantile: " + knots + " knots on ["), c.describe());
  }

  @Test
  void logTakesPositiveRightSkewedColumns() {
    double[] v = lognormal(300, 5);
    double min = Arrays.stream(v).min().getAsDouble();
    double max = Arrays.stream(v).max().getAsDouble();
    InputScaling s = InputScaling.fit(ScalingMethod.LOG, column(v), 1);
    assertEquals(ScalingMethod.LOG, s.column(0).applied());
    assertEquals(-1, s.scale(0, min), EPS);
    assertEquals(1, s.scale(0, max), EPS);
    assertEquals(0, s.scale(0, Math.sqrt(min * max)), 1e-9);
    assertEquals(-1, s.scale(0, 0), EPS); // <= 0 clamped to the training minimum
    assertEquals(-1, s.scale(0, -5), EPS);
    assertEquals(-1, s.scale(0, min / 2), EPS);
    assertTrue(s.scale(0, max * 2) > 1); // log extrapolates above
    assertEquals("log(x) then min-max [" + Numbers.format(min) + ", " + Numbers.format(max)
        + "]", s.describe(0));
  }

  @Test
  void logLeavesOtherColumnsMinMaxAndSaysWhy() {
    double[] uniform = new double[100];
    for (int i = 0; i < 100; i++) {
      uniform[i] = 1 + i; // max/min 100 but not skewed
    }
    ColumnTransform u = InputScaling.fitColumn(ScalingMethod.LOG, uniform, null);
    assertEquals(ScalingMethod.MIN_MAX, u.applied());
    assertEquals("min-max [1, 100] (not log: skewness 0.00)", u.describe());
    assertEquals(-1, u.apply(1), EPS);
    double[] negative = {-1, 0.5, 1, 2, 100};
    assertEquals("min-max [-1, 100] (not log: values <= 0)",
        InputScaling.fitColumn(ScalingMethod.LOG, negative, null).describe());
    double[] narrow = {10, 10.1, 10.2, 10.3, 19};
    assertTrue(InputScaling.fitColumn(ScalingMethod.LOG, narrow, null).describe()
        .startsWith("min-max [10, 19] (not log: max/min 1.9"));
  }

  @Test
  void robustCentresOnTheMedianScalesByTheIqrAndClips() {
    double[] v = new double[101];
    for (int i = 0; i < 101; i++) {
      v[i] = 1 + i;
    }
    InputScaling s = InputScaling.fit(ScalingMethod.ROBUST, column(v), 1);
    assertEquals(ScalingMethod.ROBUST, s.column(0).applied());
    assertEquals(0, s.scale(0, 51), EPS);
    // Hazen quantiles of 1..101: 25.75 and 76.25, IQR 50.5
    assertEquals(-0.5, s.scale(0, 25.75), EPS);
    assertEquals(0.5, s.scale(0, 76.25), EPS);
    assertEquals(InputScaling.ROBUST_CLIP, s.scale(0, 1e6), EPS);
    assertEquals(-InputScaling.ROBUST_CLIP, s.scale(0, -1e6), EPS);
    assertEquals("robust: (x - median 51) / IQR 50.5, clipped to [-2, 2]", s.describe(0));
    double prev = Double.NEGATIVE_INFINITY;
    for (double x = -200; x <= 300; x += 1) {
      assertTrue(s.scale(0, x) >= prev);
      prev = s.scale(0, x);
    }
  }

  @Test
  void robustWithZeroIqrUsesHalfTheRange() {
    double[] v = {5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 1, 9};
    ColumnTransform c = InputScaling.fitColumn(ScalingMethod.ROBUST, v, null);
    assertEquals(0, c.apply(5), EPS);
    assertEquals(1, c.apply(9), EPS);
    assertEquals(-1, c.apply(1), EPS);
    assertEquals("robust: (x - median 5) / half range 4, clipped to [-2, 2]", c.describe());
  }

  @Test
  void nanIsIgnoredWhenFittingAndMapsToNan() {
    double[] withNan = {Double.NaN, 1, 2, 4, 8, 16, 32, 64, 128, Double.NaN, 3};
    double[] without = {1, 2, 4, 8, 16, 32, 64, 128, 3};
    for (ScalingMethod m : ScalingMethod.values()) {
      InputScaling a = InputScaling.fit(m, column(withNan), 1);
      InputScaling b = InputScaling.fit(m, column(without), 1);
      assertEquals(b.describe(0), a.describe(0), m.name());
      for (double x : new double[] {0.5, 1, 3, 5, 100, 200}) {
        assertEquals(b.scale(0, x), a.scale(0, x), EPS, m.name());
      }
      assertTrue(Double.isNaN(a.scale(0, Double.NaN)), m.name());
      InputScaling none = InputScaling.fit(m, column(Double.NaN, Double.NaN), 1);
      assertEquals(0, none.scale(0, 7), EPS);
      assertEquals("no training values (maps to 0)", none.describe(0));
    }
  }

  @Test
  void fitsEachColumnOnItsOwn() {
    double[] skewed = lognormal(200, 6);
    double[][] rows = new double[200][];
    for (int i = 0; i < 200; i++) {
      rows[i] = new double[] {skewed[i], i % 2, i / 10.0, 99}; // the 4th column is not fitted
    }
    InputScaling s = InputScaling.fit(ScalingMethod.LOG, rows, 3);
    assertEquals(3, s.columns());
    assertEquals(ScalingMethod.LOG, s.method());
    assertEquals(ScalingMethod.LOG, s.column(0).applied());
    assertEquals(ScalingMethod.MIN_MAX, s.column(1).applied());
    assertEquals(ScalingMethod.MIN_MAX, s.column(2).applied());
    assertEquals(3, s.describe().size());
    double[] out = s.scale(rows[1]);
    assertEquals(3, out.length);
    assertEquals(1, out[1], 0);
    assertThrows(IllegalArgumentException.class, () -> s.scale(new double[2]));
  }

  @Test
  void rejectsBadWeightsAndShortRows() {
    double[][] rows = column(1, 2, 3);
    assertThrows(IllegalArgumentException.class,
        () -> InputScaling.fit(ScalingMethod.MIN_MAX, rows, 1, new double[] {1, -1, 1}));
    assertThrows(IllegalArgumentException.class,
        () -> InputScaling.fit(ScalingMethod.MIN_MAX, rows, 1, new double[] {1, 1}));
    assertThrows(IllegalArgumentException.class,
        () -> InputScaling.fit(ScalingMethod.MIN_MAX, rows, 2));
    assertThrows(IllegalArgumentException.class,
        () -> InputScaling.fit(ScalingMethod.QUANTILE, column(1, Double.POSITIVE_INFINITY), 1));
  }

  @Test
  void extremeButFiniteColumnsStayFiniteUnderEveryMethod() {
    double max = Double.MAX_VALUE;
    double[][] columns = {
        {-max, -1e300, -1, 0, 1, 1e300, max}, // a range wider than the largest double
        {-max, -max / 3, 0, max / 3, max}, // quartiles too far apart for their difference
        {0, Double.MIN_VALUE, 2 * Double.MIN_VALUE, 3 * Double.MIN_VALUE}, // subnormals
        {Double.MIN_VALUE, 1, 1e10, 1e100, 1e200, max}}; // positive, skewed, ratio overflows
    for (double[] v : columns) {
      for (ScalingMethod m : ScalingMethod.values()) {
        InputScaling s = InputScaling.fit(m, column(v), 1);
        double before = Double.NEGATIVE_INFINITY;
        for (double x : v) {
          double y = s.scale(0, x);
          assertTrue(Double.isFinite(y) && y >= -InputScaling.ROBUST_CLIP
              && y <= InputScaling.ROBUST_CLIP, m + " " + Arrays.toString(v) + ": " + x
              + " -> " + y);
          assertTrue(y >= before, m + ": not monotone at " + x);
          before = y;
        }
        if (m != ScalingMethod.ROBUST) { // robust clips, the others span [-1, 1]
          assertEquals(-1, s.scale(0, v[0]), EPS, m.toString());
          assertEquals(1, s.scale(0, v[v.length - 1]), EPS, m.toString());
        }
        assertTrue(s.scale(0, v[v.length - 1]) > s.scale(0, v[0]), m.toString());
      }
    }
  }

  @Test
  void anInfiniteValueIsRefusedNamingItsRow() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> InputScaling.fit(ScalingMethod.MIN_MAX, column(1, 2, Double.NEGATIVE_INFINITY),
            1));
    assertEquals("row 3 holds -Infinity: only finite values (or NaN for missing) can be scaled",
        e.getMessage());
  }

  @Test
  void survivesSerialization() throws Exception {
    double[] skewed = lognormal(300, 7);
    double[][] rows = new double[300][];
    for (int i = 0; i < 300; i++) {
      rows[i] = new double[] {skewed[i], i % 2, Math.sin(i), 3};
    }
    for (ScalingMethod m : ScalingMethod.values()) {
      InputScaling s = InputScaling.fit(m, rows, 4);
      ByteArrayOutputStream bytes = new ByteArrayOutputStream();
      try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
        out.writeObject(s);
      }
      InputScaling back;
      try (ObjectInputStream in =
          new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
        back = (InputScaling) in.readObject();
      }
      assertEquals(s.describe(), back.describe(), m.name());
      assertEquals(m, back.method());
      for (double[] r : rows) {
        assertArrayEquals(s.scale(r), back.scale(r), 0, m.name());
      }
    }
  }

  @Test
  void numbersAreShort() {
    assertEquals("64000", Numbers.format(64000));
    assertEquals("0.5", Numbers.format(0.5));
    assertEquals("3.1416", Numbers.format(Math.PI));
    assertEquals("1.2346e-07", Numbers.format(1.23456789e-7));
    assertEquals("-2", Numbers.format(-2));
  }
}
