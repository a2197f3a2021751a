package swatnn.scaling;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class ScalingDataTest {
  @Test
  void setsAreSeededAndShapedAsTheBenchmarkSays() {
    for (String name : ScalingData.NAMES) {
      ScalingData.Set a = ScalingData.generate(name.substring(0, 1), 300, 1);
      ScalingData.Set b = ScalingData.generate(name, 300, 1);
      assertEquals(name, a.name());
      assertArrayEquals(a.y(), b.y(), 0);
      assertEquals(300, a.x().length);
      assertTrue(a.noiseSd() > 0);
      double[] other = ScalingData.generate(name, 300, 2).y();
      assertTrue(other[0] != a.y()[0], "another seed, other data");
    }
    ScalingData.Set d = ScalingData.generate("d", 300, 1);
    for (double[] r : d.x()) {
      assertTrue(r[0] > 0 && (r[1] == 0 || r[1] == 1) && r[2] >= 0 && r[2] < 1);
    }
    InputScaling s = InputScaling.fit(ScalingMethod.LOG, d.x(), 3);
    assertEquals(ScalingMethod.LOG, s.column(0).applied());
    assertEquals(ScalingMethod.MIN_MAX, s.column(1).applied());
    assertEquals(ScalingMethod.MIN_MAX, s.column(2).applied());
  }
}
