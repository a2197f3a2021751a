package swatnn.scaling;

import java.util.Random;
import java.util.function.DoubleSupplier;

/**
 * Generated regression data sets for the input-scaling benchmark (benchmarks/input-scaling):
 * seeded, iid rows, label noise of {@link #NOISE_FRACTION} of the noiseless target's variance.
 */
public final class ScalingData {
  private ScalingData() {}

  /** Label noise variance as a fraction of the noiseless target's (sample) variance. */
  public static final double NOISE_FRACTION = 0.1;

  /**
   * A data set.
   *
   * @param name the set's name
   * @param x the raw inputs
   * @param y the noisy labels
   * @param noiseSd the label noise's standard deviation (the best achievable test RMSE)
   */
  public record Set(String name, double[][] x, double[] y, double noiseSd) {}

  /** The set names, in the order the benchmark runs them. */
  public static final String[] NAMES = {"a-lognormal-smooth-in-log", "b-lognormal-linear",
      "c-uniform", "d-mixed", "e-outliers"};

  /**
   * Generates set {@code name} (a name of {@link #NAMES} or its first letter).
   *
   * @param name which set
   * @param rows the row count
   * @param seed the random seed
   */
  public static Set generate(String name, int rows, long seed) {
    Random r = new Random(seed * 1_000_003L + name.charAt(0));
    DoubleSupplier logn = () -> Math.exp(r.nextGaussian()); // lognormal(0, 1): skewness ~6
    double[][] x;
    double[] f = new double[rows];
    int nIn;
    switch (name.charAt(0)) {
      case 'a': // smooth in log(x)
        x = new double[rows][2];
        for (int i = 0; i < rows; i++) {
          x[i][0] = logn.getAsDouble();
          x[i][1] = logn.getAsDouble();
          f[i] = Math.sin(1.5 * Math.log(x[i][0])) + 0.5 * Math.log(x[i][1]);
        }
        break;
      case 'b': // linear in x
        x = new double[rows][2];
        for (int i = 0; i < rows; i++) {
          x[i][0] = logn.getAsDouble();
          x[i][1] = logn.getAsDouble();
          f[i] = x[i][0] + 0.5 * x[i][1];
        }
        break;
      case 'c': // uniform control
        x = new double[rows][3];
        for (int i = 0; i < rows; i++) {
          for (int j = 0; j < 3; j++) {
            x[i][j] = 10 * r.nextDouble();
          }
          f[i] = Math.sin(0.6 * x[i][0]) + 0.05 * x[i][1] * x[i][2];
        }
        break;
      case 'd': // skewed + binary + uniform, additive
        x = new double[rows][3];
        for (int i = 0; i < rows; i++) {
          x[i][0] = logn.getAsDouble();
          x[i][1] = r.nextDouble() < 0.4 ? 1 : 0;
          x[i][2] = r.nextDouble();
          f[i] = Math.log1p(x[i][0]) + x[i][1] + Math.sin(3 * x[i][2]);
        }
        break;
      case 'e': // outliers: 3% of x1 100x larger (the target uses the clean value)
        x = new double[rows][3];
        for (int i = 0; i < rows; i++) {
          for (int j = 0; j < 3; j++) {
            x[i][j] = r.nextDouble();
          }
          f[i] = x[i][0] * x[i][0] + Math.sin(3 * x[i][1]) + x[i][2];
          if (r.nextDouble() < 0.03) {
            x[i][0] *= 100;
          }
        }
        break;
      default:
        throw new IllegalArgumentException("no data set " + name);
    }
    double mean = 0;
    for (double v : f) {
      mean += v / rows;
    }
    double var = 0;
    for (double v : f) {
      var += (v - mean) * (v - mean) / (rows - 1);
    }
    double sd = Math.sqrt(NOISE_FRACTION * var);
    double[] y = new double[rows];
    for (int i = 0; i < rows; i++) {
      y[i] = f[i] + sd * r.nextGaussian();
    }
    String full = name;
    for (String n : NAMES) {
      full = n.charAt(0) == name.charAt(0) ? n : full;
    }
    return new Set(full, x, y, sd);
  }
}
