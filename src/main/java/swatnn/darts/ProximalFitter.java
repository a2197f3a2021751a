package swatnn.darts;

import swatnn.mlp.Adam;
import swatnn.mlp.FreeParameters;
import swatnn.mlp.SparseMlp;

/**
 * Full-batch Adam on a fixed network structure, in plain Java, for the ADMM W-minimisation:
 * the objective is the mean squared error plus {@code (rho / 2) ||W - V||^2} over the live
 * weights, V being an anchor per weight (ADMM's Z - U). Biases are trained but not anchored;
 * weights of inactive neurons stay 0. Gradients come from {@link FreeParameters} (scope
 * {@link FreeParameters.Scope#LIVE}), steps from {@link Adam}, whose moments carry over from
 * call to call.
 *
 * <p>For networks of at most 7 neurons per layer a step over a few thousand rows takes about a
 * millisecond here, against tens of milliseconds for a SameDiff graph call, whose cost is per op
 * rather than per number; hence plain Java for the hundreds of steps ADMM needs.
 */
final class ProximalFitter {
  private final FreeParameters free;
  private final Adam adam;
  private final double[][] x;
  private final double[] y;
  private final double[] p;
  private final double[] grad;

  /**
   * @param start structure and initial values (every live weight and active bias moves)
   * @param rows the training rows, each of {@code start.nIn()} values
   * @param labels their labels
   * @param learningRate Adam's step size
   */
  ProximalFitter(SparseMlp start, double[][] rows, double[] labels, double learningRate) {
    free = new FreeParameters(start, FreeParameters.Scope.LIVE);
    adam = new Adam(free.size(), learningRate);
    x = rows;
    y = labels;
    p = free.values();
    grad = new double[p.length];
  }

  /**
   * A copy of the live weights, in {@link FreeParameters}' order (transition by transition,
   * row-major): the vector that ADMM projects and anchors.
   */
  double[] weights() {
    return java.util.Arrays.copyOf(p, free.weightCount());
  }

  /**
   * One Adam step.
   *
   * @param anchors V, one per live weight ({@link #weights()}' order), or null for none
   * @param rho the anchor's weight
   * @return the mean squared error before the update
   */
  double step(double[] anchors, double rho) {
    double loss = free.gradient(p, x, y, null, grad);
    if (anchors != null) {
      for (int q = 0; q < anchors.length; q++) {
        grad[q] += rho * (p[q] - anchors[q]);
      }
    }
    adam.update(p, grad);
    return loss;
  }

  /** The network with the current weights and biases on the start's structure. */
  SparseMlp toMlp() {
    return free.toMlp(p, null);
  }

  /**
   * The network with the current values and only the live weights that {@code keep} marks.
   *
   * @param keep one flag per live weight ({@link #weights()}' order)
   */
  SparseMlp toMlp(boolean[] keep) {
    return free.toMlp(p, keep);
  }

  /** Whether every weight and bias is finite. */
  boolean isFinite() {
    for (double v : p) {
      if (!Double.isFinite(v)) {
        return false;
      }
    }
    return true;
  }
}
