package swatnn.mlp;

/**
 * Fits the free parameters ({@link FreeParameters}) of a fixed network structure to data by
 * Levenberg-Marquardt on the (weighted) sum of squared errors, with the analytic Jacobian: {@link
 * LevenbergMarquardt} on the normal equations of a {@link FreeParameterModel}, accumulated row
 * by row (memory O(m^2) for m parameters, whatever the number of rows).
 *
 * <p>Runs to convergence (relative cost and parameter tolerances) or to an iteration cap. Only
 * steps that lower the cost are taken, so a run that is cut short, fails numerically or meets
 * non-finite outputs never returns something worse than its start. Immutable and thread-safe;
 * each call works on its own buffers.
 */
public final class LeastSquaresRefiner {
  /** Relative cost and parameter tolerance of the convergence test. */
  public static final double DEFAULT_TOLERANCE = 1e-8;
  /** The default iteration cap (both searches' {@code refineIterations}). */
  public static final int DEFAULT_ITERATIONS = 200;

  private final LevenbergMarquardt lm;

  /**
   * @param maxIterations the iteration cap (>= 1): Jacobian passes; trial points are capped at 4
   *     times as many
   * @param tolerance relative cost and parameter tolerance (> 0)
   */
  public LeastSquaresRefiner(int maxIterations, double tolerance) {
    lm = new LevenbergMarquardt(maxIterations, tolerance);
  }

  /** The iteration cap. */
  public int maxIterations() {
    return lm.maxIterations();
  }

  /** The relative cost and parameter tolerance. */
  public double tolerance() {
    return lm.tolerance();
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
    FreeParameterModel model = new FreeParameterModel(free, x, y, keep, start);
    return model.expand(lm.minimise(model, weights, model.start()));
  }
}
