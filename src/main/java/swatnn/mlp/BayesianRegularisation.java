package swatnn.mlp;

/**
 * Bayesian regularisation of a least-squares fit (MacKay 1992, "Bayesian interpolation";
 * Foresee and Hagan 1997, "Gauss-Newton approximation to Bayesian learning", MATLAB's {@code
 * trainbr}) on the same Levenberg-Marquardt core as {@link LeastSquaresRefiner} ({@link
 * LevenbergMarquardt} over a {@link LeastSquaresModel}).
 *
 * <p>It minimises {@code F = beta E_D + alpha E_W}, {@code E_D = sum_r w_r e_r^2} (instance
 * weights w_r, residuals e_r), {@code E_W = sum_q p_q^2} over every parameter of the model: for a
 * network ({@link FreeParameterModel}) every free weight, every free hidden bias <em>and the
 * output bias</em>, as MATLAB does. One alpha for all of them is the Gaussian prior that the
 * evidence below assumes for all m parameters (leaving the output bias out would need an
 * improper flat prior on it, and its term would drop out of the evidence); the package scales
 * the class to [-1, 1], so the bias is O(1) and its penalty small next to the data term.
 *
 * <p>Steps are Levenberg-Marquardt steps on the regularised normal equations ({@code H = 2 beta
 * J^T W J + 2 alpha I}, gradient {@code 2 beta J^T W e + 2 alpha p}). Starting from {@code alpha
 * = 0, beta = 1} (Foresee and Hagan: the first step is a plain LM step, so the first estimate
 * sees a fitted network rather than an arbitrary start), after each accepted step they are
 * re-estimated at the new point: {@code gamma = m - 2 alpha trace(H^-1)} (the Gauss-Newton
 * Hessian with the previous alpha and beta, from its Cholesky factor), {@code alpha = gamma / (2
 * E_W)}, {@code beta = (N - gamma) / (2 E_D)}.
 *
 * <p><b>N</b> is the sum of the instance weights (the number of rows without weights): weights
 * are read as frequencies, Weka's convention, so a row of weight 2 is that row twice. Weights
 * normalised to mean 1 over the rows of positive weight make N their number.
 *
 * <p>Guards: gamma is clipped to [{@value #MIN_GAMMA}, m]; {@code N - gamma} is at least
 * {@value #MIN_DEGREES} N; the noise variance {@code 1 / (2 beta) = E_D / (N - gamma)} is at
 * least {@value #NOISE_FLOOR} times the weighted mean square of the model's residuals at p = 0
 * (for a network, of the targets), which caps beta for a noiseless fit; an E_W of 0 keeps the
 * previous alpha. It stops by the LM tolerances once alpha and beta change by at most {@value
 * #HYPER_TOLERANCE} (relative, in log), or at the iteration cap.
 *
 * <p>The result is the final point, the minimiser of F for the final alpha and beta: unlike
 * plain LM its E_D may exceed the start's. Immutable and thread-safe.
 */
public final class BayesianRegularisation {
  /** Relative change of alpha and beta (in log) under which they count as converged. */
  public static final double HYPER_TOLERANCE = 1e-3;
  /** The noise-variance floor, relative to the mean square residual at p = 0. */
  public static final double NOISE_FLOOR = 1e-12;
  /** The smallest effective number of parameters used in the updates. */
  public static final double MIN_GAMMA = 1e-6;
  /** The smallest {@code (N - gamma) / N} used in the beta update. */
  public static final double MIN_DEGREES = 1e-3;

  private final LevenbergMarquardt lm;

  /** The defaults of {@link LeastSquaresRefiner}: 200 iterations, tolerance 1e-8. */
  public BayesianRegularisation() {
    this(LeastSquaresRefiner.DEFAULT_ITERATIONS, LeastSquaresRefiner.DEFAULT_TOLERANCE);
  }

  /**
   * @param maxIterations the iteration cap (>= 1; Jacobian passes, as for {@link
   *     LevenbergMarquardt})
   * @param tolerance relative cost and parameter tolerance of the LM steps (> 0)
   */
  public BayesianRegularisation(int maxIterations, double tolerance) {
    lm = new LevenbergMarquardt(maxIterations, tolerance);
  }

  /**
   * A regularised fit.
   *
   * @param parameters the parameter vector
   * @param alpha the weight-decay hyperparameter
   * @param beta the data hyperparameter; {@code 1 / (2 beta)} is the noise variance
   * @param gamma the effective number of parameters, {@code m - 2 alpha trace(H^-1)}, in [0, m]
   * @param dataError {@code E_D = sum_r w_r e_r^2}
   * @param weightError {@code E_W = sum_q p_q^2}
   * @param logEvidence the Laplace approximation of {@code log p(data | alpha, beta, structure)}:
   *     {@code -beta E_D - alpha E_W - 0.5 log det H + (m/2) log(2 alpha) + (N/2) log(beta /
   *     pi)}, every constant kept (for the Gaussian prior {@code (alpha/pi)^(m/2) exp(-alpha
   *     E_W)} and noise {@code (beta/pi)^(N/2) exp(-beta E_D)} these are exact), so that
   *     structures with different m compare; without MacKay's terms for alpha and beta's own
   *     uncertainty or hidden-unit symmetries. {@code -Infinity} when alpha never left 0
   *     (iteration cap 1)
   * @param parameterCount m
   * @param iterations Jacobian passes used
   */
  public record Fit(double[] parameters, double alpha, double beta, double gamma,
      double dataError, double weightError, double logEvidence, int parameterCount,
      int iterations) {
    /** The estimated noise variance {@code 1 / (2 beta)}. */
    public double noiseVariance() {
      return 1 / (2 * beta);
    }
  }

  /**
   * A refined network and its fit.
   *
   * @param network the network with the regularised parameters (same structure)
   * @param fit the fit's statistics (its parameters in {@link FreeParameters} order)
   */
  public record Refined(SparseMlp network, Fit fit) {}

  /**
   * Fits {@code model} from {@code start}.
   *
   * @param weights per-row instance weights (>= 0, frequencies), or null for 1 each
   */
  public Fit fit(LeastSquaresModel model, double[] weights, double[] start) {
    int m = model.size();
    double total = 0;
    for (int r = 0; r < model.rows(); r++) {
      total += weights == null ? 1 : weights[r];
    }
    double n = total;
    double meanSquare = LevenbergMarquardt.accumulate(model, weights, new double[m], false)
        .dataError / n;
    double floor = NOISE_FLOOR * (meanSquare > 0 && Double.isFinite(meanSquare) ? meanSquare
        : 1);
    LevenbergMarquardt.Prior prior = new LevenbergMarquardt.Prior() {
      @Override
      public double[] initial() {
        return new double[] {0, 1};
      }

      @Override
      public double update(LevenbergMarquardt.NormalEquations at, double[] p, double[] ab) {
        double gamma = ab[0] == 0 ? m
            : LevenbergMarquardt.curvature(LevenbergMarquardt.hessian(at, ab[0], ab[1]),
                ab[0])[0];
        gamma = Math.min(m, Math.max(MIN_GAMMA, gamma));
        double eW = LevenbergMarquardt.squaredNorm(p);
        double alpha = eW > 0 ? gamma / (2 * eW) : ab[0];
        double beta = betaOf(at.dataError, n, gamma, floor);
        double change = ab[0] == 0 ? Double.POSITIVE_INFINITY
            : Math.max(Math.abs(Math.log(alpha / ab[0])), Math.abs(Math.log(beta / ab[1])));
        ab[0] = alpha;
        ab[1] = beta;
        return change;
      }

      @Override
      public double tolerance() {
        return HYPER_TOLERANCE;
      }
    };
    LevenbergMarquardt.Run run = lm.run(model, weights, start, prior);
    double[] p = run.point();
    LevenbergMarquardt.NormalEquations at = run.at() != null ? run.at()
        : LevenbergMarquardt.accumulate(model, weights, p, true);
    double alpha = run.alpha();
    double beta = run.beta();
    double eD = at.dataError;
    double eW = LevenbergMarquardt.squaredNorm(p);
    double gamma = Double.NaN;
    double logEvidence = Double.NaN;
    if (at.finite) {
      double[] c = LevenbergMarquardt.curvature(LevenbergMarquardt.hessian(at, alpha, beta),
          alpha);
      gamma = Math.min(m, Math.max(0, c[0]));
      logEvidence = -beta * eD - alpha * eW - 0.5 * c[1] + 0.5 * m * Math.log(2 * alpha)
          + 0.5 * n * Math.log(beta / Math.PI);
    }
    return new Fit(p, alpha, beta, gamma, eD, eW, logEvidence, m, run.iterations());
  }

  /** {@code beta = (N - gamma) / (2 E_D)}, guarded. */
  private static double betaOf(double eD, double n, double gamma, double floor) {
    double degrees = Math.max(n - gamma, MIN_DEGREES * n);
    return 1 / (2 * Math.max(eD / degrees, floor));
  }

  /**
   * Refines every free parameter ({@link FreeParameters}) of {@code net} on rows {@code x}
   * against labels {@code y}, from its current values.
   *
   * @param weights per-row instance weights (>= 0, frequencies), or null for 1 each
   */
  public Refined refine(SparseMlp net, double[][] x, double[] y, double[] weights) {
    FreeParameters free = new FreeParameters(net);
    FreeParameterModel model = new FreeParameterModel(free, x, y, null, free.values());
    Fit fit = fit(model, weights, model.start());
    return new Refined(free.toMlp(model.expand(fit.parameters()), null), fit);
  }
}
