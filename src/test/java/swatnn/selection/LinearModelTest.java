package swatnn.selection;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Random;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** The linear path on data with more inputs than rows. */
class LinearModelTest {
  /**
   * 47 rows of 55 numeric inputs and the indicators of an ID-like nominal of 300 values (the
   * first dropped), scaled to [-1, 1] as the classifiers scale them; the class depends on the
   * first input. Commons Math's EigenDecomposition stops on these inputs' cross-products
   * ("illegal state: convergence failed") for the seeds below.
   */
  static Rows idLike(long seed) {
    Random r = new Random(seed);
    int n = 47;
    int numeric = 55;
    int levels = 300;
    double[][] x = new double[n][numeric + levels - 1];
    double[] y = new double[n];
    for (int i = 0; i < n; i++) {
      for (int j = 0; j < numeric; j++) {
        x[i][j] = r.nextGaussian();
      }
      int id = r.nextInt(levels);
      if (id > 0) {
        x[i][numeric + id - 1] = 1;
      }
      y[i] = Math.sin(x[i][0]) + 0.1 * r.nextGaussian();
    }
    for (int j = 0; j < x[0].length; j++) { // min-max to [-1, 1]
      double lo = Double.POSITIVE_INFINITY;
      double hi = Double.NEGATIVE_INFINITY;
      for (double[] row : x) {
        lo = Math.min(lo, row[j]);
        hi = Math.max(hi, row[j]);
      }
      for (double[] row : x) {
        row[j] = hi == lo ? 0 : 2 * (row[j] - lo) / (hi - lo) - 1;
      }
    }
    return new Rows(x, y, null);
  }

  /**
   * {@link #idLike} with weights 10^u, u uniform in [-300, 300], relative to the largest and
   * scaled to mean 1 as the classifiers make them: one or two rows carry nearly all the weight.
   */
  static Rows extremeWeights(long seed) {
    Rows rows = idLike(seed);
    Random r = new Random(seed + 1000);
    double[] w = new double[rows.size()];
    double max = 0;
    for (int i = 0; i < w.length; i++) {
      w[i] = Math.pow(10, -300 + 600 * r.nextDouble());
      max = Math.max(max, w[i]);
    }
    double sum = 0;
    for (int i = 0; i < w.length; i++) {
      w[i] = Math.max(w[i] / max, Double.MIN_NORMAL);
      sum += w[i];
    }
    for (int i = 0; i < w.length; i++) {
      w[i] *= w.length / sum;
    }
    return new Rows(rows.x(), rows.y(), w);
  }

  @Test
  void extremeWeightsGiveFiniteFitsOnEveryFold() {
    for (long seed = 0; seed < 4; seed++) {
      Rows rows = extremeWeights(seed);
      int[] columns = IntStream.range(0, rows.x()[0].length).toArray();
      for (int fold = 0; fold < 5; fold++) {
        int f = fold;
        Rows train = rows.subset(IntStream.range(0, rows.size()).filter(i -> i % 5 != f)
            .toArray());
        for (LinearModel m : LinearModel.path(train, columns, false)) {
          for (double c : m.coefficients()) {
            assertTrue(Double.isFinite(c), "seed " + seed + " fold " + fold + ": " + m);
          }
        }
      }
    }
  }

  @Test
  void moreInputsThanRowsGiveAMinimumNormLikeFitInsteadOfFailing() {
    for (long seed = 0; seed < 3; seed++) {
      Rows rows = idLike(seed);
      int[] columns = IntStream.range(0, rows.x()[0].length).toArray();
      for (boolean bayesian : new boolean[] {false, true}) {
        List<LinearModel> path = LinearModel.path(rows, columns, bayesian);
        assertFalse(path.isEmpty());
        for (LinearModel m : path) {
          for (double c : m.coefficients()) {
            assertTrue(Double.isFinite(c), "seed " + seed + ": " + m);
          }
          assertTrue(Double.isFinite(m.intercept()));
        }
        // the widest fit interpolates the rows (as many free inputs as rows or more)
        double mse = rows.mse(path.get(0));
        assertTrue(bayesian || mse < 1e-6, "seed " + seed + ": training MSE " + mse);
        assertEquals(1, path.get(path.size() - 1).inputs().length);
      }
      double p = LinearModel.overallPValue(rows, columns);
      assertTrue(p >= 0 && p <= 1, "p " + p);
    }
  }
}
