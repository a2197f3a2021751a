package swatnn.mlp;

import java.util.Random;
import org.apache.commons.math3.exception.MathIllegalStateException;
import org.apache.commons.math3.fitting.leastsquares.LeastSquaresBuilder;
import org.apache.commons.math3.fitting.leastsquares.LevenbergMarquardtOptimizer;
import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.ArrayRealVector;
import org.apache.commons.math3.linear.RealMatrix;
import org.apache.commons.math3.linear.RealVector;
import org.apache.commons.math3.util.Pair;

/**
 * Prints the warm time of one refinement of a 43-parameter network on 3000 rows, Commons Math's
 * QR-based LevenbergMarquardtOptimizer (the former LeastSquaresRefiner) against the
 * normal-equation {@link LevenbergMarquardt} (not a test: run by hand with {@code java -cp ...
 * swatnn.mlp.RefineSpeed}).
 */
public final class RefineSpeed {

  private RefineSpeed() {}

  public static void main(String[] args) {
    Random r = new Random(1);
    int nIn = 4;
    SparseMlp.Builder b = SparseMlp.builder(MlpLayout.DEFAULT, nIn, 1);
    for (int j = 0; j < 7; j++) {
      b.neuron(0, j, Activation.ofIndex(j % 3), 0.3 * r.nextGaussian());
      for (int i = 0; i < nIn; i++) {
        b.weight(0, i, j, r.nextGaussian());
      }
      b.outputWeight(j, r.nextGaussian());
    }
    SparseMlp net = b.outputBias(0.1).build();
    int n = 3000;
    double[][] x = new double[n][nIn];
    double[] y = new double[n];
    for (int k = 0; k < n; k++) {
      for (int i = 0; i < nIn; i++) {
        x[k][i] = 2 * r.nextDouble() - 1;
      }
      y[k] = Math.sin(2 * x[k][0]) * x[k][1] + 0.5 * x[k][2] * x[k][3] + 0.1 * r.nextGaussian();
    }
    FreeParameters free = new FreeParameters(net);
    System.out.println("parameters " + free.size() + ", rows " + n);
    for (int round = 0; round < 5; round++) {
      long t0 = System.nanoTime();
      int[] evals = {0};
      double oldCost = commonsMath(free, x, y, evals);
      long t1 = System.nanoTime();
      FreeParameterModel model = new FreeParameterModel(free, x, y, null, free.values());
      LevenbergMarquardt.Run run = new LevenbergMarquardt(LeastSquaresRefiner.DEFAULT_ITERATIONS,
          LeastSquaresRefiner.DEFAULT_TOLERANCE).run(model, null, model.start(), null);
      long t2 = System.nanoTime();
      double newCost = LevenbergMarquardt.accumulate(model, null, run.point(), false).dataError;
      System.out.printf("old: %.1f ms, %d evaluations (%.2f ms each), SSE %.6f | new: %.1f ms, "
          + "%d iterations (%.2f ms each), SSE %.6f%n", (t1 - t0) / 1e6, evals[0],
          (t1 - t0) / 1e6 / evals[0], oldCost, (t2 - t1) / 1e6, run.iterations(),
          (t2 - t1) / 1e6 / run.iterations(), newCost);
    }
  }

  /** The former LeastSquaresRefiner.fit: Commons Math's LM, the best evaluated point's cost. */
  private static double commonsMath(FreeParameters free, double[][] x, double[] y, int[] evals) {
    int n = x.length;
    int m = free.size();
    double[] best = {Double.POSITIVE_INFINITY};
    try {
      new LevenbergMarquardtOptimizer()
          .withCostRelativeTolerance(LeastSquaresRefiner.DEFAULT_TOLERANCE)
          .withParameterRelativeTolerance(LeastSquaresRefiner.DEFAULT_TOLERANCE)
          .optimize(new LeastSquaresBuilder().start(free.values()).target(y)
              .model(point -> {
                evals[0]++;
                double[] f = new double[n];
                double[][] jac = new double[n][m];
                free.evaluate(point.toArray(), x, null, f, jac);
                double c = 0;
                for (int i = 0; i < n; i++) {
                  c += (f[i] - y[i]) * (f[i] - y[i]);
                }
                best[0] = Math.min(best[0], c);
                return new Pair<RealVector, RealMatrix>(new ArrayRealVector(f, false),
                    new Array2DRowRealMatrix(jac, false));
              })
              .maxIterations(LeastSquaresRefiner.DEFAULT_ITERATIONS)
              .maxEvaluations(4 * LeastSquaresRefiner.DEFAULT_ITERATIONS)
              .lazyEvaluation(false).build());
    } catch (MathIllegalStateException e) {
      // the cap: the best point seen stands
    }
    return best[0];
  }
}
