package swatnn.mlp;

import java.util.Arrays;
import org.apache.commons.math3.exception.MathIllegalArgumentException;
import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.CholeskyDecomposition;
import org.apache.commons.math3.linear.EigenDecomposition;
import org.apache.commons.math3.linear.RealMatrix;

/**
 * Levenberg-Marquardt on the normal equations of a {@link LeastSquaresModel}: the one
 * least-squares core of {@link LeastSquaresRefiner} (plain weighted least squares) and {@link
 * BayesianRegularisation} (the same steps on the regularised objective).
 *
 * <p>It minimises {@code F(p) = beta E_D(p) + alpha E_W(p)}, {@code E_D = sum_r w_r e_r^2} over
 * rows of weight {@code w_r > 0} ({@code e_r} the model's residuals), {@code E_W = sum_q p_q^2};
 * plain least squares is {@code alpha = 0, beta = 1}. Each iteration accumulates, row by row,
 * {@code A = J^T W J} (m x m) and {@code g = J^T W e}, so memory is O(m^2) whatever the number of
 * rows; the Gauss-Newton Hessian of F is {@code H = 2 beta A + 2 alpha I} and its gradient {@code
 * G = 2 beta g + 2 alpha p}. A step solves {@code (H + lambda D) delta = -G} by Cholesky (Commons
 * Math), {@code D} Marquardt's scaling {@code diag(H)} with zero diagonals floored at {@code
 * 1e-12 max_i H_ii}. A step is taken when it lowers F; lambda starts at {@value
 * #INITIAL_DAMPING} and follows Nielsen's rule (accepted: times {@code max(1/3, 1 - (2 rho -
 * 1)^3)}, rho = actual / predicted decrease; rejected or not positive definite: times nu, nu
 * doubling from 2). It stops when two accepted steps in a row, taken with lambda <= 1 (so
 * nearly Gauss-Newton steps, not short heavily damped ones), lower F, actually and by the
 * Gauss-Newton prediction, by at most {@code tolerance F}, when a step is at most {@code
 * tolerance (|p| + tolerance)} long, at F = 0, at the iteration cap (an iteration is one Jacobian pass) or at 4
 * times as many trial points. Non-finite residuals or Jacobians count as a failed step, so the
 * result is finite whenever the start is and F never increases from the start.
 * Immutable and thread-safe.
 */
public final class LevenbergMarquardt {
  /** Marquardt's starting damping. */
  public static final double INITIAL_DAMPING = 1e-3;
  private static final double MIN_DAMPING = 1e-15;
  private static final double MAX_DAMPING = 1e30;
  private static final double DIAGONAL_FLOOR = 1e-12;

  private final int maxIterations;
  private final double tolerance;

  /**
   * @param maxIterations the iteration cap (>= 1): Jacobian passes; trial points are capped at 4
   *     times as many
   * @param tolerance relative cost and parameter tolerance (> 0)
   */
  public LevenbergMarquardt(int maxIterations, double tolerance) {
    if (maxIterations < 1) {
      throw new IllegalArgumentException("iteration cap must be >= 1, got " + maxIterations);
    }
    if (!(tolerance > 0)) {
      throw new IllegalArgumentException("tolerance must be > 0, got " + tolerance);
    }
    this.maxIterations = maxIterations;
    this.tolerance = tolerance;
  }

  /** The iteration cap. */
  public int maxIterations() {
    return maxIterations;
  }

  /** The relative cost and parameter tolerance. */
  public double tolerance() {
    return tolerance;
  }

  /**
   * Minimises {@code E_D = sum_r w_r e_r^2} from {@code start}.
   *
   * @param weights per-row weights (>= 0), or null for 1 each
   * @return the lowest-cost point found ({@code start} itself, copied, when nothing lowered the
   *     cost or the start's cost is not finite)
   */
  public double[] minimise(LeastSquaresModel model, double[] weights, double[] start) {
    return run(model, weights, start, null).point();
  }

  /**
   * Re-estimates the regularisation after each accepted step ({@link BayesianRegularisation}).
   */
  interface Prior {
    /** The starting {@code {alpha, beta}}. */
    double[] initial();

    /**
     * Updates {@code ab = {alpha, beta}} in place from the normal equations at the accepted
     * point {@code p}.
     *
     * @return the relative change (0 when nothing changed, infinite when it cannot be measured)
     */
    double update(NormalEquations at, double[] p, double[] ab);

    /** The relative change of alpha and beta below which they count as converged. */
    double tolerance();
  }

  /** The sums of one pass over the rows at one point. */
  static final class NormalEquations {
    /** The weighted sum of squared residuals. */
    double dataError;
    /** J^T W J, full and symmetric (null for a cost-only pass). */
    final double[][] a;
    /** J^T W e. */
    final double[] g;
    /** Whether every sum is finite. */
    boolean finite;

    NormalEquations(int m, boolean jacobian) {
      a = jacobian ? new double[m][m] : null;
      g = jacobian ? new double[m] : null;
    }
  }

  /** The outcome of a run: the point and, when computed there, its normal equations. */
  record Run(double[] point, NormalEquations at, double alpha, double beta, int iterations) {}

  /**
   * One pass over the rows at {@code p}.
   *
   * @param jacobian whether to accumulate A and g (else the data error only)
   */
  static NormalEquations accumulate(LeastSquaresModel model, double[] weights, double[] p,
      boolean jacobian) {
    int m = model.size();
    NormalEquations s = new NormalEquations(m, jacobian);
    model.parameters(p);
    double[] row = jacobian ? new double[m] : null;
    double cost = 0;
    int n = model.rows();
    for (int r = 0; r < n; r++) {
      double w = weights == null ? 1 : weights[r];
      if (w == 0) {
        continue;
      }
      double e = model.residual(r, row);
      cost += w * e * e;
      if (!jacobian) {
        continue;
      }
      double we = w * e;
      for (int i = 0; i < m; i++) {
        double wi = w * row[i];
        if (wi == 0) {
          continue;
        }
        s.g[i] += we * row[i];
        double[] ai = s.a[i];
        for (int j = i; j < m; j++) {
          ai[j] += wi * row[j];
        }
      }
    }
    s.dataError = cost;
    boolean finite = Double.isFinite(cost);
    if (jacobian) {
      for (int i = 0; i < m; i++) {
        finite &= Double.isFinite(s.g[i]);
        for (int j = i; j < m; j++) {
          finite &= Double.isFinite(s.a[i][j]);
          s.a[j][i] = s.a[i][j];
        }
      }
    }
    s.finite = finite;
    return s;
  }

  /** {@code sum_q p_q^2}. */
  static double squaredNorm(double[] p) {
    double s = 0;
    for (double v : p) {
      s += v * v;
    }
    return s;
  }

  /** {@code H = 2 beta A + 2 alpha I}. */
  static double[][] hessian(NormalEquations s, double alpha, double beta) {
    int m = s.g.length;
    double[][] h = new double[m][m];
    for (int i = 0; i < m; i++) {
      for (int j = 0; j < m; j++) {
        h[i][j] = 2 * beta * s.a[i][j];
      }
      h[i][i] += 2 * alpha;
    }
    return h;
  }

  /**
   * The effective number of parameters {@code m - 2 alpha trace(H^-1)} and {@code log det H} of
   * a symmetric positive (semi)definite {@code h}: from its Cholesky factor, or, when that fails
   * numerically, from its eigenvalues (clipped at 0).
   *
   * @return {@code {gamma, log det H}}
   */
  static double[] curvature(double[][] h, double alpha) {
    int m = h.length;
    RealMatrix hm = new Array2DRowRealMatrix(h, false);
    try {
      RealMatrix l = new CholeskyDecomposition(hm,
          CholeskyDecomposition.DEFAULT_RELATIVE_SYMMETRY_THRESHOLD, Double.MIN_NORMAL).getL();
      double logDet = 0;
      for (int i = 0; i < m; i++) {
        logDet += 2 * Math.log(l.getEntry(i, i));
      }
      // trace(H^-1) = |L^-1|_F^2, column by column of L^-1 by forward substitution
      double[][] ld = l.getData();
      double trace = 0;
      double[] col = new double[m];
      for (int c = 0; c < m; c++) {
        Arrays.fill(col, 0);
        for (int i = c; i < m; i++) {
          double s = i == c ? 1 : 0;
          for (int k = c; k < i; k++) {
            s -= ld[i][k] * col[k];
          }
          col[i] = s / ld[i][i];
          trace += col[i] * col[i];
        }
      }
      double gamma = m - 2 * alpha * trace;
      if (Double.isFinite(gamma) && Double.isFinite(logDet)) {
        return new double[] {gamma, logDet};
      }
    } catch (MathIllegalArgumentException e) {
      // not positive definite in floating point: the eigenvalues below
    }
    double[] ev;
    try {
      ev = new EigenDecomposition(hm).getRealEigenvalues();
    } catch (org.apache.commons.math3.exception.MathIllegalStateException
        | org.apache.commons.math3.exception.MathArithmeticException e) {
      // no convergence (e.g. entries of wildly different scale): the diagonal's estimate
      ev = new double[m];
      for (int i = 0; i < m; i++) {
        ev[i] = h[i][i];
      }
    }
    double gamma = 0;
    double logDet = 0;
    for (double v : ev) {
      double lam = Math.max(v, 2 * alpha);
      gamma += lam > 0 ? (lam - 2 * alpha) / lam : 0;
      logDet += Math.log(lam);
    }
    return new double[] {gamma, logDet};
  }

  /**
   * Solves {@code (H + lambda D) delta = -G} by Cholesky.
   *
   * @return the step, or null when the damped matrix is not (numerically) positive definite or
   *     the step is not finite
   */
  private static double[] step(double[][] h, double[] grad, double lambda) {
    int m = grad.length;
    double max = 0;
    for (int i = 0; i < m; i++) {
      max = Math.max(max, h[i][i]);
    }
    double floor = Math.max(DIAGONAL_FLOOR * max, Double.MIN_NORMAL);
    double[][] d = new double[m][];
    for (int i = 0; i < m; i++) {
      d[i] = h[i].clone();
      d[i][i] += lambda * Math.max(h[i][i], floor);
    }
    double[] delta;
    try {
      delta = new CholeskyDecomposition(new Array2DRowRealMatrix(d, false),
          CholeskyDecomposition.DEFAULT_RELATIVE_SYMMETRY_THRESHOLD, Double.MIN_NORMAL)
          .getSolver().solve(new org.apache.commons.math3.linear.ArrayRealVector(grad, false))
          .toArray();
    } catch (MathIllegalArgumentException e) {
      return null;
    }
    for (int i = 0; i < m; i++) {
      delta[i] = -delta[i];
      if (!Double.isFinite(delta[i])) {
        return null;
      }
    }
    return delta;
  }

  /** The damping's state across iterations, and the outcome of the last iteration's trials. */
  private static final class Damping {
    double lambda = INITIAL_DAMPING;
    double nu = 2;
    /** Trial points evaluated so far. */
    int evaluations;
    /** Consecutive accepted steps that lowered F by at most the tolerance. */
    int small;
    /** Whether the last iteration ended by a convergence test. */
    boolean converged;
  }

  /**
   * The Levenberg-Marquardt loop on {@code F = beta E_D + alpha E_W}, alpha and beta fixed at 0
   * and 1 without a prior, else re-estimated by it after each accepted step.
   */
  Run run(LeastSquaresModel model, double[] weights, double[] start, Prior prior) {
    int m = model.size();
    if (start.length != m) {
      throw new IllegalArgumentException("start has length " + start.length + ", need " + m);
    }
    double[] p = start.clone();
    double[] ab = prior == null ? new double[] {0, 1} : prior.initial();
    NormalEquations s = accumulate(model, weights, p, true);
    int iterations = 1;
    if (!s.finite) {
      return new Run(p, null, ab[0], ab[1], iterations);
    }
    Damping damping = new Damping();
    boolean current = true; // s is at p
    while (true) {
      if (prior != null && iterations > 1) {
        double change = prior.update(s, p, ab);
        if (damping.converged && change <= prior.tolerance()) {
          break;
        }
      }
      damping.converged = false;
      double[] next = iterate(model, weights, p, s, ab[0], ab[1], damping);
      if (next == null) {
        break;
      }
      p = next;
      current = false;
      if ((damping.converged && prior == null) || iterations >= maxIterations) {
        break;
      }
      NormalEquations at = accumulate(model, weights, p, true);
      iterations++;
      if (!at.finite) { // a finite point with an overflowing Jacobian: stop there
        break;
      }
      s = at;
      current = true;
    }
    return new Run(p, current ? s : null, ab[0], ab[1], iterations);
  }

  /**
   * One iteration from {@code p}, whose normal equations are {@code s}: damped steps tried
   * until one lowers F, lambda and nu updated on the way.
   *
   * @return the accepted point, or null when none lowers F (at F = 0, when the trial points
   *     run out, or when no step long enough to matter does)
   */
  private double[] iterate(LeastSquaresModel model, double[] weights, double[] p,
      NormalEquations s, double alpha, double beta, Damping damping) {
    int m = p.length;
    double f = beta * s.dataError + alpha * squaredNorm(p);
    if (f == 0) {
      damping.converged = true;
      return null;
    }
    double[][] h = hessian(s, alpha, beta);
    double[] grad = new double[m];
    for (int i = 0; i < m; i++) {
      grad[i] = 2 * beta * s.g[i] + 2 * alpha * p[i];
    }
    double pNorm = Math.sqrt(squaredNorm(p));
    int maxEvaluations = 4 * maxIterations;
    while (damping.evaluations < maxEvaluations && damping.lambda <= MAX_DAMPING) {
      double[] delta = step(h, grad, damping.lambda);
      if (delta == null) {
        damping.lambda *= damping.nu;
        damping.nu *= 2;
        continue;
      }
      double dNorm = Math.sqrt(squaredNorm(delta));
      double[] trial = new double[m];
      for (int i = 0; i < m; i++) {
        trial[i] = p[i] + delta[i];
      }
      double predicted = 0;
      for (int i = 0; i < m; i++) {
        double hd = 0;
        for (int j = 0; j < m; j++) {
          hd += h[i][j] * delta[j];
        }
        predicted -= grad[i] * delta[i] + 0.5 * delta[i] * hd;
      }
      double eD = accumulate(model, weights, trial, false).dataError;
      damping.evaluations++;
      double ft = beta * eD + alpha * squaredNorm(trial);
      if (Double.isFinite(ft) && ft < f) {
        double actual = f - ft;
        double rho = predicted > 0 ? actual / predicted : 0;
        // a small decrease means convergence only for a nearly Gauss-Newton step, not for a
        // short, heavily damped one
        damping.small = damping.lambda <= 1 && actual <= tolerance * f
            && predicted <= tolerance * f ? damping.small + 1 : 0;
        damping.lambda = Math.max(MIN_DAMPING,
            damping.lambda * Math.max(1.0 / 3, 1 - Math.pow(2 * rho - 1, 3)));
        damping.nu = 2;
        damping.converged = damping.small >= 2 || dNorm <= tolerance * (pNorm + tolerance);
        return trial;
      }
      damping.lambda *= damping.nu;
      damping.nu *= 2;
      if (dNorm <= tolerance * (pNorm + tolerance)) {
        damping.converged = true; // no step long enough to matter lowers F
        return null;
      }
    }
    return null;
  }
}
