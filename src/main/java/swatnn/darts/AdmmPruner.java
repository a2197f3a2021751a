package swatnn.darts;

import swatnn.mlp.SparseMlp;

/**
 * ADMM weight pruning of a discrete network (docs/METHOD.md section 6; Zhang et al., ECCV 2018),
 * with the sparse set S = {weights whose non-zero entries all have magnitude >= threshold}:
 *
 * <pre>
 *   Z = proj_S(W), U = 0
 *   repeat rounds:  W = argmin loss(W) + rho/2 ||W - Z + U||^2   (full-batch Adam steps)
 *                   Z = proj_S(W + U)
 *                   U = U + W - Z
 *   W = W with Z's zero pattern
 * </pre>
 *
 * <p>The penalty covers every live weight (biases are not pruned). Adam's moments carry over
 * from round to round. In the last step a weight is kept only where Z is non-zero and W itself
 * is at least the threshold, so the result lies in S even when U has not fully converged.
 * Structure (activations, active neurons) is not changed.
 */
final class AdmmPruner {
  private final DartsSettings settings;

  AdmmPruner(DartsSettings settings) {
    this.settings = settings;
  }

  /**
   * Prunes.
   *
   * @param start the discretised network
   * @param x the training rows
   * @param y their labels
   * @throws ArithmeticException if a weight or bias became non-finite
   */
  SparseMlp prune(SparseMlp start, double[][] x, double[] y, StepObserver observer) {
    double rho = settings.rho();
    double threshold = settings.threshold();
    ProximalFitter fitter = new ProximalFitter(start, x, y, settings.weightLearningRate());
    double[] w = fitter.weights();
    double[] z = project(w, threshold);
    double[] u = new double[w.length];
    double[] anchor = new double[w.length];
    for (int round = 0; round < settings.admmRounds(); round++) {
      for (int i = 0; i < w.length; i++) {
        anchor[i] = z[i] - u[i];
      }
      for (int step = 0; step < settings.admmSteps(); step++) {
        observer.stepDone(fitter.step(anchor, rho));
      }
      w = fitter.weights();
      double[] sum = new double[w.length];
      for (int i = 0; i < sum.length; i++) {
        sum[i] = w[i] + u[i];
      }
      z = project(sum, threshold);
      for (int i = 0; i < sum.length; i++) {
        u[i] += w[i] - z[i];
      }
    }
    if (!fitter.isFinite()) {
      throw new ArithmeticException("ADMM diverged: a weight or bias is not finite");
    }
    w = fitter.weights();
    boolean[] keep = new boolean[w.length];
    for (int i = 0; i < w.length; i++) {
      keep[i] = z[i] != 0 && Math.abs(w[i]) >= threshold;
    }
    return fitter.toMlp(keep);
  }

  /** The projection onto S: a copy with the entries of magnitude below the threshold set to 0. */
  static double[] project(double[] v, double threshold) {
    double[] z = v.clone();
    for (int i = 0; i < z.length; i++) {
      if (Math.abs(z[i]) < threshold) {
        z[i] = 0;
      }
    }
    return z;
  }
}
