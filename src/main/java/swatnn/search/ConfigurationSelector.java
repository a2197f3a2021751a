package swatnn.search;

import java.util.List;
import swatnn.mlp.SparseMlp;

/**
 * docs/METHOD.md section 4: among the configurations whose validation MSE is within a tolerance of
 * the best one, the one with the fewest non-zero weights (ties: lower validation MSE).
 */
public final class ConfigurationSelector {
  /** How many standard errors a network must beat the training mean by ({@link #beatsMean}). */
  public static final double STANDARD_ERRORS = 2.0;

  private ConfigurationSelector() {}

  public static ConfigurationResult select(List<ConfigurationResult> results, double tolerance) {
    if (results.isEmpty()) {
      throw new IllegalArgumentException("no configuration to choose from");
    }
    double best = Double.POSITIVE_INFINITY;
    for (ConfigurationResult r : results) {
      best = Math.min(best, r.validationMse());
    }
    ConfigurationResult chosen = null;
    for (ConfigurationResult r : results) {
      if (!(r.validationMse() <= best * (1 + tolerance))) {
        continue;
      }
      if (chosen == null || r.nonZeroCount() < chosen.nonZeroCount()
          || r.nonZeroCount() == chosen.nonZeroCount() && r.validationMse() < chosen.validationMse()) {
        chosen = r;
      }
    }
    if (chosen == null) {
      // all non-finite: fall back to the first
      chosen = results.get(0);
    }
    return chosen;
  }

  /**
   * Whether a network beats predicting the (weighted) mean of the training labels on the
   * validation rows clearly enough to be worth returning: by the selection's own rule (the
   * mean, one non-zero parameter, wins when its validation MSE is within {@code tolerance} of
   * the network's), and by more than {@value #STANDARD_ERRORS} standard errors of the mean
   * per-row difference of squared errors (a one-sided paired test at about the 2.5% level, in
   * the spirit of the standard-error rule of Breiman et al., <i>Classification and Regression
   * Trees</i>, 1984), so that a few held-out rows of noise do not decide.
   *
   * @param trainW training weights, or null for 1 each
   * @param valW validation weights, or null for 1 each
   */
  public static boolean beatsMean(SparseMlp net, double[] trainY, double[] trainW,
      double[][] valX, double[] valY, double[] valW, double tolerance) {
    double mean = weightedMean(trainY, trainW);
    double[] f = net.predict(valX);
    double sw = 0;
    double sw2 = 0;
    double sd = 0;
    double sdd = 0;
    double meanSse = 0;
    double netSse = 0;
    for (int i = 0; i < valY.length; i++) {
      double w = valW == null ? 1 : valW[i];
      double a = (valY[i] - mean) * (valY[i] - mean);
      double b = (valY[i] - f[i]) * (valY[i] - f[i]);
      double d = a - b;
      sw += w;
      sw2 += w * w;
      sd += w * d;
      sdd += w * d * d;
      meanSse += w * a;
      netSse += w * b;
    }
    if (!(sw > 0) || !Double.isFinite(netSse)) {
      return false;
    }
    double gain = sd / sw;
    double variance = Math.max(0, sdd / sw - gain * gain);
    double effectiveRows = sw * sw / sw2;
    double standardError = Math.sqrt(variance / effectiveRows);
    return meanSse / sw > netSse / sw * (1 + tolerance) && gain > STANDARD_ERRORS * standardError;
  }

  /** The validation MSE of predicting the weighted mean of the training labels. */
  public static double meanMse(double[] trainY, double[] trainW, double[] valY, double[] valW) {
    double mean = weightedMean(trainY, trainW);
    double e = 0;
    double total = 0;
    for (int i = 0; i < valY.length; i++) {
      double w = valW == null ? 1 : valW[i];
      e += w * (valY[i] - mean) * (valY[i] - mean);
      total += w;
    }
    return e / total;
  }

  /** The weighted mean of {@code y}; with {@code w} null the plain mean. */
  public static double weightedMean(double[] y, double[] w) {
    double s = 0;
    double total = 0;
    for (int i = 0; i < y.length; i++) {
      double wi = w == null ? 1 : w[i];
      s += wi * y[i];
      total += wi;
    }
    return s / total;
  }
}
