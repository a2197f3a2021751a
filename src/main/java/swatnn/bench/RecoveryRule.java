package swatnn.bench;

/**
 * When a model counts as having recovered a planted network ({@link PlantedSuite}): its test
 * RMSE (against the noiseless test target) is at most {@link #NOISELESS_RMSE} of the target's
 * SD on a noiseless set, or at most {@link #NOISY_RMSE} times the noise SD on a noisy one, and
 * its non-zero count is at most {@link #NONZERO_RATIO} times the generator's.
 */
public final class RecoveryRule {
  /** The largest test RMSE on a noiseless set, as a fraction of the target's SD. */
  public static final double NOISELESS_RMSE = 0.01;
  /** The largest test RMSE on a noisy set, as a multiple of the noise SD. */
  public static final double NOISY_RMSE = 0.3;
  /** The largest non-zero count, as a multiple of the generator's. */
  public static final double NONZERO_RATIO = 1.5;

  private RecoveryRule() {}

  /**
   * The largest test RMSE that counts as recovered.
   *
   * @param targetSd the SD of the noiseless test target, > 0
   * @param noiseSd the SD of the training target's noise, 0 for a noiseless set
   * @throws IllegalArgumentException if {@code targetSd} is not positive or {@code noiseSd} is
   *     negative (or either is not finite)
   */
  public static double rmseBound(double targetSd, double noiseSd) {
    if (!(targetSd > 0) || !Double.isFinite(targetSd)) {
      throw new IllegalArgumentException("target SD must be positive and finite, got "
          + targetSd);
    }
    if (!(noiseSd >= 0) || !Double.isFinite(noiseSd)) {
      throw new IllegalArgumentException("noise SD must be >= 0 and finite, got " + noiseSd);
    }
    return noiseSd > 0 ? NOISY_RMSE * noiseSd : NOISELESS_RMSE * targetSd;
  }

  /**
   * Whether a model recovered the generator.
   *
   * @param rmse the model's test RMSE against the noiseless target (NaN: not recovered)
   * @param nonZero the model's non-zero count
   * @param targetSd the SD of the noiseless test target, > 0
   * @param noiseSd the SD of the training noise, 0 for a noiseless set
   * @param generatorNonZero the generator network's non-zero count, > 0
   * @throws IllegalArgumentException on a bad SD or a generator count below 1
   */
  public static boolean recovered(double rmse, double nonZero, double targetSd, double noiseSd,
      int generatorNonZero) {
    if (generatorNonZero < 1) {
      throw new IllegalArgumentException("generator non-zero count must be >= 1, got "
          + generatorNonZero);
    }
    double bound = rmseBound(targetSd, noiseSd);
    return rmse <= bound && nonZero <= NONZERO_RATIO * generatorNonZero;
  }
}
