package swatnn.mlp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;

class SparseMlpFitterTest {
  private static final MlpLayout LAYOUT = MlpLayout.DEFAULT;

  private static double mse(SparseMlp m, double[][] x, double[] y) {
    double[] p = m.predict(x);
    double s = 0;
    for (int i = 0; i < y.length; i++) {
      s += (p[i] - y[i]) * (p[i] - y[i]);
    }
    return s / y.length;
  }

  /** A target network, its outputs on random points, and a perturbed copy to start from. */
  private static Object[] problem(long seed) {
    Random r = new Random(seed);
    SparseMlp target = new RandomMlpSampler(LAYOUT, 2, 2).draw(r, 2, 2).mlp().pruned();
    double[][] x = new double[400][2];
    for (double[] row : x) {
      row[0] = 2 * r.nextDouble() - 1;
      row[1] = 2 * r.nextDouble() - 1;
    }
    double[] y = target.predict(x);
    SparseMlp.Builder b = target.toBuilder();
    for (int t = 0; t <= 2; t++) {
      for (int i = 0; i < LAYOUT.weightRows(2, t); i++) {
        for (int j = 0; j < LAYOUT.weightColumns(2, t); j++) {
          double w = target.weight(t, i, j);
          if (w != 0) {
            if (t == 2) {
              b.outputWeight(i, w * (1 + 0.3 * r.nextGaussian()));
            } else {
              b.weight(t, i, j, w * (1 + 0.3 * r.nextGaussian()));
            }
          }
        }
      }
    }
    return new Object[] {target, x, y, b.build()};
  }

  @Test
  void polishingReducesErrorAndKeepsTheZeroPattern() {
    int improved = 0;
    for (long seed = 1; seed <= 5; seed++) {
      Object[] p = problem(seed);
      double[][] x = (double[][]) p[1];
      double[] y = (double[]) p[2];
      SparseMlp start = (SparseMlp) p[3];
      SparseMlp fitted = SparseMlpFitter.fit(start, x, y, 300, 0.01, true);
      assertTrue(mse(fitted, x, y) <= mse(start, x, y), "never worse than the start");
      for (int t = 0; t <= 2; t++) {
        for (int i = 0; i < LAYOUT.weightRows(2, t); i++) {
          for (int j = 0; j < LAYOUT.weightColumns(2, t); j++) {
            if (start.weight(t, i, j) == 0) {
              assertEquals(0.0, fitted.weight(t, i, j), "zero weights stay zero");
            }
          }
        }
      }
      for (int l = 0; l < 2; l++) {
        for (int j = 0; j < LAYOUT.maxNeurons(); j++) {
          assertEquals(start.isActive(l, j), fitted.isActive(l, j));
          assertEquals(start.activation(l, j), fitted.activation(l, j));
        }
      }
      if (mse(start, x, y) > 1e-6 && mse(fitted, x, y) < 0.1 * mse(start, x, y)) {
        improved++;
      }
    }
    assertTrue(improved >= 3, "polishing cut the error tenfold on " + improved + " of 5 problems");
  }

  @Test
  void denseNetworkLearnsASmoothFunction() {
    Random r = new Random(3);
    double[][] x = new double[300][2];
    double[] y = new double[300];
    for (int i = 0; i < x.length; i++) {
      x[i][0] = 2 * r.nextDouble() - 1;
      x[i][1] = 2 * r.nextDouble() - 1;
      y[i] = x[i][0] * x[i][0] - 0.5 * x[i][1];
    }
    SparseMlp start = SparseMlpFitter.denseStart(LAYOUT, 2, 2, new Random(4));
    assertEquals(14, start.activeNeuronCount());
    double before = mse(start, x, y);
    SparseMlp fitted = SparseMlpFitter.fit(start, x, y, 400, 0.01, false);
    double after = mse(fitted, x, y);
    assertTrue(after < 0.1 * before && after < 0.01, "MSE " + before + " -> " + after);
  }
}
