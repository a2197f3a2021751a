package swatnn.scaling;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Method;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import swatnn.SourceCompiler;

/**
 * Every column map's source, compiled with javac for Java 8 against nothing but the JDK,
 * returns exactly what {@link ColumnTransform#apply} returns: on the training values, between
 * them, beyond the training range, at 0, -0, NaN and the infinities, also for columns whose
 * range is wider than the largest double (-1.7e308 .. 1.7e308), where the map stays finite.
 */
class ColumnTransformSourceTest {
  @TempDir Path dir;

  /** One column per kind of map: each method's own, the two-valued and the constant. */
  private static List<ColumnTransform> maps() {
    Random r = new Random(5);
    double[] skewed = new double[300];
    double[] signed = new double[300];
    double[] many = new double[5000]; // more distinct values than the quantile map has knots
    for (int i = 0; i < skewed.length; i++) {
      skewed[i] = Math.exp(2 * r.nextGaussian());
      signed[i] = r.nextGaussian() * 3 - 1;
    }
    for (int i = 0; i < many.length; i++) {
      many[i] = r.nextGaussian();
    }
    double[] tiedQuartiles = {1, 2, 2, 2, 2, 2, 2, 2, 2, 3, 50}; // IQR 0: half the range
    List<ColumnTransform> out = new ArrayList<>();
    for (ScalingMethod m : ScalingMethod.values()) {
      out.add(InputScaling.fitColumn(m, skewed, null));
      out.add(InputScaling.fitColumn(m, signed, null));
    }
    out.add(InputScaling.fitColumn(ScalingMethod.QUANTILE, many, null));
    out.add(InputScaling.fitColumn(ScalingMethod.ROBUST, tiedQuartiles, null));
    out.add(InputScaling.fitColumn(ScalingMethod.LOG, new double[] {0, 1, 0, 1}, null));
    out.add(InputScaling.fitColumn(ScalingMethod.MIN_MAX, new double[] {-4, -4}, null));
    out.add(InputScaling.fitColumn(ScalingMethod.QUANTILE, new double[] {Double.NaN}, null));
    out.addAll(extremeMaps());
    return out;
  }

  /**
   * Each method on a column spanning -1.7e308 .. 1.7e308 (a range wider than the largest
   * double, where {@code (v - min) / (max - min)} overflows), with a few values between (so
   * that the quantile map has knots whose gaps overflow too), and on one from 1e-300 to the
   * largest double.
   */
  private static List<ColumnTransform> extremeMaps() {
    Random r = new Random(6);
    double[] wide = new double[200];
    double[] huge = new double[200];
    for (int i = 0; i < wide.length; i++) {
      wide[i] = 1.7e308 * (2 * r.nextDouble() - 1);
      huge[i] = Math.pow(10, -300 + 608 * r.nextDouble());
    }
    wide[0] = -1.7e308;
    wide[1] = 1.7e308;
    huge[0] = 1e-300;
    huge[1] = Double.MAX_VALUE;
    List<ColumnTransform> out = new ArrayList<>();
    for (ScalingMethod m : ScalingMethod.values()) {
      out.add(InputScaling.fitColumn(m, wide, null));
      out.add(InputScaling.fitColumn(m, huge, null));
    }
    out.add(InputScaling.fitColumn(ScalingMethod.MIN_MAX, new double[] {-1.7e308, 1.7e308},
        null));
    out.add(InputScaling.fitColumn(ScalingMethod.QUANTILE, new double[] {-1.7e308, 0, 1.7e308},
        null));
    return out;
  }

  @Test
  void compiledSourceReturnsExactlyWhatApplyReturns() throws Exception {
    List<ColumnTransform> maps = maps();
    StringBuilder src = new StringBuilder("class Scales {\n").append(Spans.source());
    for (int m = 0; m < maps.size(); m++) {
      src.append(maps.get(m).toSource("scale" + m)).append('\n');
    }
    src.append("}\n");
    ClassLoader loader = SourceCompiler.compile(src.toString(), "Scales", dir);
    Class<?> scales = loader.loadClass("Scales");
    Random r = new Random(9);
    double[] probes = new double[2000];
    for (int i = 0; i < probes.length; i++) {
      probes[i] = i % 2 == 0 ? Math.exp(3 * r.nextGaussian()) : 10 * r.nextGaussian();
    }
    double[] special = {0, -0.0, Double.NaN, 1, 2, 3, 50, -4, 1e300, -1e300, Double.MIN_VALUE,
        -Double.MIN_VALUE, 1.7e308, -1.7e308, 1.69e308, -1.2e308, 9e307, -5e307, 1e308,
        Double.MAX_VALUE, -Double.MAX_VALUE, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY};
    double[] wide = new double[2000];
    for (int i = 0; i < wide.length; i++) {
      wide[i] = i % 2 == 0 ? Double.MAX_VALUE * (2 * r.nextDouble() - 1)
          : Math.pow(10, -310 + 620 * r.nextDouble()) * (r.nextBoolean() ? 1 : -1);
    }
    int compared = 0;
    for (int m = 0; m < maps.size(); m++) {
      ColumnTransform map = maps.get(m);
      Method method = scales.getDeclaredMethod("scale" + m, double.class);
      method.setAccessible(true);
      for (double[] values : new double[][] {probes, special, wide}) {
        for (double v : values) {
          double expected = map.apply(v);
          double actual = (double) method.invoke(null, v);
          assertEquals(expected, actual, 0, () -> map.describe() + " at " + v);
          compared++;
        }
      }
    }
    assertTrue(compared > 40_000);
    for (ColumnTransform map : extremeMaps()) {
      for (double v : new double[] {-1.7e308, 0, 1.7e308}) {
        assertTrue(Double.isFinite(map.apply(v)), map.describe() + " at " + v);
      }
    }
    assertTrue(maps.stream().map(ColumnTransform::applied).distinct().count()
        == ScalingMethod.values().length, "every method's own map is compared");
  }
}
