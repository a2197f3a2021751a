package swatnn.selection;

import java.util.List;

/**
 * The choice among scored candidates (docs/METHOD.md section 4): the candidate with the fewest
 * non-zero parameters among those whose validation MSE is close to the best one's; ties go to
 * the lower validation MSE, then to the earlier candidate. The mean (one parameter) and the
 * linear models compete under the same rule, so a network is returned only when it is clearly
 * better than the simpler models.
 *
 * <p>Close means within a relative tolerance of the best MSE plus a floor, a small fraction of
 * the class's variance (the mean's MSE on the rows): {@code mse <= best * (1 + tolerance) +
 * floor * variance}. On noiseless data the best error can be 1e-30 of the variance, and a
 * relative tolerance alone then separates networks whose errors differ by nothing a user could
 * see (a planted 7-non-zero generator lost to a 15-non-zero network at 3.7e-30 against 2.0e-30,
 * benchmarks/planted-select); the floor makes such differences ties, so the sparser one wins.
 * On noisy data the best error is far above the floor and the relative tolerance decides.
 *
 * <p>For the mean, close is also within {@value
 * #STANDARD_ERRORS} standard errors of the paired per-row differences of squared errors between
 * it and the best candidate, in the spirit of the standard-error rule of cross-validated model
 * choice (Breiman, Friedman, Olshen and Stone, <i>Classification and Regression Trees</i>, 1984,
 * section 3.4.3; Hastie, Tibshirani and Friedman, <i>The Elements of Statistical Learning</i>,
 * 2009, section 7.10). On a few dozen rows the best of sixteen networks can score a fifth
 * better than the mean on pure noise by chance (a generated test); the band keeps such a win
 * from deciding, while a model that is much better (sixteen times, say) is far outside it. The
 * band is the mean's alone: where the class has a few extreme values (Weka's cpu.arff) the
 * paired errors of two fitted models spread widely, and a band for the linear models let one of
 * one or two inputs win over far better models, a 10-fold correlation of 0.78 where a straight
 * line on all inputs gives 0.90; and on noiseless data a few rows dominate the squared errors.
 *
 * <p>The band is dropped when the data themselves reject the mean: when the overall F-test of
 * the least-squares line on all inputs ({@link LinearModel#overallPValue}) is significant at
 * {@value #LINE_LEVEL}. That test involves no choice among candidates, so on pure noise it
 * drops the band on a fraction {@value #LINE_LEVEL} of data sets only, while on a few dozen
 * rows with a weak linear signal the cross-validated comparison has too little power for the
 * band and returned the mean where a line is better (generated 40-row tasks,
 * benchmarks/small-suite).
 */
public final class ModelSelector {
  /** The width of the band around the best validation MSE, in paired standard errors. */
  public static final double STANDARD_ERRORS = 2.0;

  /**
   * The significance level of the line's overall F-test below which the mean has no band.
   * At 0.05 one of the 8 pure-noise sets of {@code ModelSelectionTest} got a network.
   */
  public static final double LINE_LEVEL = 0.01;

  private ModelSelector() {}

  /**
   * @param candidates scored candidates, at least one
   * @param tolerance the relative tolerance (>= 0)
   * @param floor the absolute part of the tolerance, as a fraction of {@code variance} (>= 0)
   * @param variance the class's variance on the validation rows, in the units of the MSEs
   *     (>= 0; 0 or non-finite: no floor)
   * @param rowErrors per candidate, its squared error on every validation row (in one order
   *     for all), or null to use the tolerance alone
   * @param weights the validation rows' weights, or null for 1 each
   * @param meanBand whether the mean has its band ({@code rowErrors} needed); false when the
   *     line's F-test is significant ({@link #meanBand})
   * @return the index of the chosen candidate; the first when every score is non-finite
   * @throws IllegalArgumentException if there is no candidate
   */
  public static int choose(List<Candidate> candidates, double tolerance, double floor,
      double variance, double[][] rowErrors, double[] weights, boolean meanBand) {
    if (candidates.isEmpty()) {
      throw new IllegalArgumentException("no candidate to choose from");
    }
    int best = bestIndex(candidates);
    if (best < 0) {
      return 0;
    }
    double bestMse = candidates.get(best).validationMse();
    double limit = limit(bestMse, tolerance, floor, variance);
    int chosen = -1;
    for (int i = 0; i < candidates.size(); i++) {
      Candidate c = candidates.get(i);
      double v = c.validationMse();
      boolean close = v <= limit || meanBand && rowErrors != null
          && c.model() instanceof MeanModel && Double.isFinite(v)
          && v - bestMse <= STANDARD_ERRORS * pairedStandardError(rowErrors[i],
              rowErrors[best], weights);
      if (!close) {
        continue;
      }
      Candidate now = chosen < 0 ? null : candidates.get(chosen);
      if (now == null || c.nonZeroCount() < now.nonZeroCount()
          || c.nonZeroCount() == now.nonZeroCount() && v < now.validationMse()) {
        chosen = i;
      }
    }
    return chosen;
  }

  /** The index of the first candidate of lowest finite validation MSE; -1 if there is none. */
  private static int bestIndex(List<Candidate> candidates) {
    int best = -1;
    for (int i = 0; i < candidates.size(); i++) {
      double v = candidates.get(i).validationMse();
      if (Double.isFinite(v) && (best < 0 || v < candidates.get(best).validationMse())) {
        best = i;
      }
    }
    return best;
  }

  /**
   * @param candidates scored candidates
   * @return the lowest finite validation MSE among them, the one {@link #choose} measures
   *     closeness from; NaN if none is finite
   */
  public static double bestMse(List<Candidate> candidates) {
    int best = bestIndex(candidates);
    return best < 0 ? Double.NaN : candidates.get(best).validationMse();
  }

  /**
   * The largest validation MSE that is close to the best one: {@code best * (1 + tolerance) +
   * floor * variance} (the class Javadoc).
   *
   * @param best the best validation MSE
   * @param tolerance the relative tolerance (>= 0)
   * @param floor the absolute part, as a fraction of {@code variance} (>= 0)
   * @param variance the class's variance on the validation rows (0 or non-finite: no floor)
   * @return the limit, in the units of {@code best}
   */
  public static double limit(double best, double tolerance, double floor, double variance) {
    return best * (1 + tolerance)
        + (Double.isFinite(variance) && variance > 0 ? floor * variance : 0);
  }

  /**
   * @see #choose(List, double, double, double, double[][], double[], boolean) by the relative
   *     tolerance alone
   */
  public static int choose(List<Candidate> candidates, double tolerance) {
    return choose(candidates, tolerance, 0, 0, null, null, false);
  }

  /**
   * @param linePValue the p-value of the line's overall F-test on the rows the candidates were
   *     fitted to ({@link LinearModel#overallPValue})
   * @return whether the mean keeps its band: the p-value is at least {@value #LINE_LEVEL}
   */
  public static boolean meanBand(double linePValue) {
    return !(linePValue < LINE_LEVEL);
  }

  /**
   * The standard error of the weighted mean of {@code a[i] - b[i]}, with the effective number
   * of rows {@code (sum w)^2 / sum w^2}.
   *
   * @param a per-row values
   * @param b per-row values, same rows
   * @param w weights, or null for 1 each
   * @return the standard error; 0 with fewer than two effective rows
   */
  static double pairedStandardError(double[] a, double[] b, double[] w) {
    double sw = 0;
    double sw2 = 0;
    double sd = 0;
    double sdd = 0;
    for (int i = 0; i < a.length; i++) {
      double wi = w == null ? 1 : w[i];
      double d = a[i] - b[i];
      sw += wi;
      sw2 += wi * wi;
      sd += wi * d;
      sdd += wi * d * d;
    }
    if (!(sw > 0)) {
      return 0;
    }
    double mean = sd / sw;
    double variance = Math.max(0, sdd / sw - mean * mean);
    double effective = sw * sw / sw2;
    return effective > 1 ? Math.sqrt(variance / (effective - 1)) : 0;
  }
}
