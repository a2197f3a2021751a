package swatnn.cornn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class LabelScalingTest {

  @Test
  void mapsTheTrainingRangeOntoMinusOneToOne() {
    LabelScaling s = LabelScaling.of(new double[] {3.7, -2.25, 10.125, 0.1});
    assertEquals(-2.25, s.min(), 0);
    assertEquals(10.125, s.max(), 0);
    assertEquals(-1, s.scale(-2.25), 0);
    assertEquals(1, s.scale(10.125), 0);
    assertEquals(0, s.scale((10.125 - 2.25) / 2), 1e-15);
    assertEquals(1.5, s.scale(10.125 + (10.125 + 2.25) / 4), 1e-15);
    for (double v : new double[] {-7, -2.25, 0.1, 3.7, 10.125, 20}) {
      assertEquals(v, s.unscale(s.scale(v)), 1e-14);
    }
  }

  @Test
  void valueSemantics() {
    assertEquals(new LabelScaling(1, 2), LabelScaling.of(new double[] {2, 1, 1.5}));
    assertEquals(new LabelScaling(1, 2).hashCode(), new LabelScaling(1, 2).hashCode());
  }

  @Test
  void refusesDegenerateRanges() {
    assertThrows(IllegalArgumentException.class, () -> LabelScaling.of(new double[0]));
    assertThrows(IllegalArgumentException.class, () -> LabelScaling.of(new double[] {4, 4}));
    assertThrows(IllegalArgumentException.class,
        () -> LabelScaling.of(new double[] {1, Double.NaN}));
    assertThrows(IllegalArgumentException.class, () -> new LabelScaling(2, 1));
    assertThrows(IllegalArgumentException.class,
        () -> new LabelScaling(-Double.MAX_VALUE, Double.MAX_VALUE));
  }
}
