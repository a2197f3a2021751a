package swatnn.mlp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Method;
import java.nio.file.Path;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import swatnn.SourceCompiler;

class ActivationTest {

  @Test
  void orderAndNamesFollowTheMatrixLayout() {
    assertEquals(3, Activation.count());
    assertEquals(Activation.SIGMOID, Activation.ofIndex(0));
    assertEquals(Activation.TANH, Activation.ofIndex(1));
    assertEquals(Activation.LEAKY_RELU, Activation.ofIndex(2));
    assertEquals("sigmoid", Activation.SIGMOID.shortName());
    assertEquals("tanh", Activation.TANH.shortName());
    assertEquals("leaky", Activation.LEAKY_RELU.shortName());
    assertEquals(Activation.LEAKY_RELU, Activation.ofShortName("leaky"));
    assertThrows(IllegalArgumentException.class, () -> Activation.ofShortName("relu"));
    assertThrows(IllegalArgumentException.class, () -> Activation.ofIndex(3));
  }

  @Test
  void applyComputesEachFunction() {
    assertEquals(0.5, Activation.SIGMOID.apply(0), 0);
    assertEquals(1 / (1 + Math.exp(-1.3)), Activation.SIGMOID.apply(1.3), 1e-16);
    assertEquals(0.0, Activation.SIGMOID.apply(-1000), 0);
    assertEquals(1.0, Activation.SIGMOID.apply(1000), 0);
    assertEquals(Math.tanh(0.7), Activation.TANH.apply(0.7), 1e-15);
    assertEquals(2.5, Activation.LEAKY_RELU.apply(2.5), 0);
    assertEquals(-0.025, Activation.LEAKY_RELU.apply(-2.5), 1e-18);
    assertEquals(0.0, Activation.LEAKY_RELU.apply(0), 0);
  }

  @Test
  void fastTanhMatchesMathTanh() {
    Random random = new Random(5);
    double worst = 0;
    for (int i = 0; i < 200_000; i++) {
      // Log-uniform magnitudes from 1e-12 to 1e2 cover the series, exp and saturated ranges.
      double x = Math.pow(10, -12 + 14 * random.nextDouble()) * (random.nextBoolean() ? 1 : -1);
      double exact = Math.tanh(x);
      double relative = Math.abs(Activation.tanh(x) - exact) / Math.abs(exact);
      worst = Math.max(worst, relative);
    }
    for (double x = -30; x <= 30; x += 1e-3) {
      double exact = Math.tanh(x);
      if (exact != 0) {
        worst = Math.max(worst, Math.abs(Activation.tanh(x) - exact) / Math.abs(exact));
      }
    }
    assertTrue(worst < 1e-12, "worst relative error " + worst);
    assertEquals(0.0, Activation.tanh(0.0), 0);
    assertEquals(1.0, Activation.tanh(1e6), 0);
    assertEquals(-1.0, Activation.tanh(Double.NEGATIVE_INFINITY), 0);
    assertTrue(Double.isNaN(Activation.tanh(Double.NaN)));
  }

  @Test
  void compiledSourceReturnsExactlyWhatApplyReturns(@TempDir Path dir) throws Exception {
    StringBuilder src = new StringBuilder("class Activations {\n");
    for (Activation a : Activation.values()) {
      src.append(a.toSource()).append('\n');
    }
    ClassLoader loader = SourceCompiler.compile(src.append("}\n").toString(), "Activations",
        dir);
    Class<?> c = loader.loadClass("Activations");
    Random r = new Random(3);
    double[] x = new double[3000];
    for (int i = 0; i < x.length; i++) {
      // around 0 (tanh's series), the working range and beyond tanh's saturation
      x[i] = i % 3 == 0 ? 0.03 * r.nextGaussian() : i % 3 == 1 ? 3 * r.nextGaussian()
          : 40 * r.nextGaussian();
    }
    double[] special = {0, -0.0, 0.02, -0.02, 20, -20, 1e-300, Double.NaN,
        Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY};
    for (Activation a : Activation.values()) {
      Method m = c.getDeclaredMethod(a.sourceName(), double.class);
      m.setAccessible(true);
      for (double[] values : new double[][] {x, special}) {
        for (double v : values) {
          assertEquals(a.apply(v), (double) m.invoke(null, v), 0, a + " at " + v);
        }
      }
    }
  }
}
