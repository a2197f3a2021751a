package swatnn.mlp;

import org.apache.commons.math3.exception.MathIllegalStateException;
import org.apache.commons.math3.fitting.leastsquares.LeastSquaresBuilder;
import org.apache.commons.math3.fitting.leastsquares.LeastSquaresProblem;
import org.apache.commons.math3.fitting.leastsquares.LevenbergMarquardtOptimizer;
import org.apache.commons.math3.fitting.leastsquares.MultivariateJacobianFunction;
import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.ArrayRealVector;
import org.apache.commons.math3.linear.RealMatrix;
import org.apache.commons.math3.linear.RealVector;
import org.apache.commons.math3.util.Pair;

/**
 * Fits the free parameters ({@link FreeParameters}) of a fixed network structure to data by
 * Levenberg-Marquardt on the (weighted) sum of squared errors, with the analytic Jacobian, using
 * Apache Commons Math 3's {@link LevenbergMarquardtOptimizer}.
 *
 * <p>Runs to convergence (relative cost and parameter tolerances) or to an iteration cap. Every
 * evaluated point is scored and the best one is returned, so a run that is cut short, fails
 * numerically or produces non-finite outputs never returns something worse than its start.
 * Immutable and thread-safe; each call works on its own buffers.
 */
public final class LeastSquaresRefiner {
  /** Relative cost and parameter tolerance of the convergence test. */
  public static final double DEFAULT_TOLERANCE = 1e-8;
  /** The default iteration cap (both searches' {@code refineIterations}). */
  public static final int DEFAULT_ITERATIONS = 200;

  private final int maxIterations;
  private final double tolerance;

  /**
   * @param maxIterations the iteration cap (>= 1); Commons Math counts an accepted step as an
   *     iteration, and evaluations are capped at 4 times as many
   * @param tolerance relative cost and parameter tolerance (> 0)
   */
  public LeastSquaresRefiner(int maxIterations, double tolerance) {
    if (maxIterations < 1) {
      throw new IllegalArgumentException("iteration cap must be >= 1, got " + maxIterations);
    }
    if (!(tolerance > 0)) {
      throw new IllegalArgumentException("tolerance must be > 0, got " + tolerance);
    }
    this.maxIterations = maxIterations;
    this.tolerance = tolerance;
  }

  /**
   * Refines every free parameter of {@code net} on rows {@code x} against labels {@code y}.
   *
   * @param weights per-row instance weights (>= 0), or null for 1 each
   * @return the refined network (same structure; a free weight may end at 0), or {@code net}'s
   *     canonical form when nothing lowered the cost
   */
  public SparseMlp refine(SparseMlp net, double[][] x, double[] y, double[] weights) {
    FreeParameters free = new FreeParameters(net);
    return free.toMlp(fit(free, x, y, weights, null, free.values()), null);
  }

  /**
   * Fits the free parameters with some weights held at 0 (the rest start from {@code start}).
   *
   * @param keep whether each free weight may be non-zero (null: all); dropped weights stay 0
   * @param start the starting values, length {@link FreeParameters#size()}
   * @return the best parameter vector found (dropped weights 0)
   */
  public double[] fit(FreeParameters free, double[][] x, double[] y, double[] weights,
      boolean[] keep, double[] start) {
    int n = x.length;
    int all = free.size();
    // the optimiser sees only the kept parameters
    int[] index = java.util.stream.IntStream.range(0, all)
        .filter(q -> keep == null || q >= free.weightCount() || keep[q]).toArray();
    int m = index.length;
    double[] scale = weights == null ? null : new double[n];
    double[] target = new double[n];
    for (int r = 0; scale != null && r < n; r++) {
      scale[r] = Math.sqrt(weights[r]);
    }
    for (int r = 0; r < n; r++) {
      target[r] = scale == null ? y[r] : scale[r] * y[r];
    }
    double[] full = start.clone();
    if (keep != null) {
      for (int q = 0; q < free.weightCount(); q++) {
        if (!keep[q]) {
          full[q] = 0;
        }
      }
    }
    Best best = new Best(full, cost(free, full, x, scale, target));
    double[] f = new double[n];
    double[][] jacFull = new double[n][all];
    MultivariateJacobianFunction model = point -> {
      double[] p = full.clone();
      for (int i = 0; i < m; i++) {
        p[index[i]] = point.getEntry(i);
      }
      free.evaluate(p, x, scale, f, jacFull);
      double c = 0;
      for (int r = 0; r < n; r++) {
        double e = f[r] - target[r];
        c += e * e;
      }
      if (!Double.isFinite(c)) {
        throw new NonFiniteException();
      }
      best.offer(p, c);
      double[][] jac = new double[n][m];
      for (int r = 0; r < n; r++) {
        for (int i = 0; i < m; i++) {
          jac[r][i] = jacFull[r][index[i]];
        }
      }
      return new Pair<RealVector, RealMatrix>(new ArrayRealVector(f, true),
          new Array2DRowRealMatrix(jac, false));
    };
    double[] init = new double[m];
    for (int i = 0; i < m; i++) {
      init[i] = full[index[i]];
    }
    LeastSquaresProblem problem = new LeastSquaresBuilder()
        .start(init)
        .target(target)
        .model(model)
        .maxIterations(maxIterations)
        .maxEvaluations(4 * maxIterations)
        .lazyEvaluation(false)
        .build();
    try {
      new LevenbergMarquardtOptimizer()
          .withCostRelativeTolerance(tolerance)
          .withParameterRelativeTolerance(tolerance)
          .optimize(problem);
    } catch (MathIllegalStateException | NonFiniteException e) {
      // the iteration cap, a numerical failure or an overflow: the best point seen stands
    }
    return best.point;
  }

  private static double cost(FreeParameters free, double[] p, double[][] x, double[] scale,
      double[] target) {
    double[] f = new double[x.length];
    free.evaluate(p, x, scale, f, null);
    double c = 0;
    for (int r = 0; r < f.length; r++) {
      double e = f[r] - target[r];
      c += e * e;
    }
    return Double.isFinite(c) ? c : Double.POSITIVE_INFINITY;
  }

  /** The lowest-cost point seen. */
  private static final class Best {
    double[] point;
    double cost;

    Best(double[] point, double cost) {
      this.point = point;
      this.cost = cost;
    }

    void offer(double[] p, double c) {
      if (c < cost) {
        cost = c;
        point = p;
      }
    }
  }

  /** Thrown out of the model function to stop the optimiser on overflow. */
  private static final class NonFiniteException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    NonFiniteException() {
      super(null, null, false, false);
    }
  }
}
