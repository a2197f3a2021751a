package swatnn.mlp;

/**
 * Adam (Kingma and Ba, 2015; beta1 0.9, beta2 0.999, epsilon 1e-8, bias-corrected) on one
 * vector of doubles, in plain Java: the optimiser of every small-network fit in the package
 * (polishing, dense starts, DARTS+ADMM's weight training). Its moments carry over from call to
 * call, so a caller that changes the objective between calls (ADMM's rounds) keeps them.
 * Not thread-safe.
 */
public final class Adam {
  private static final double BETA1 = 0.9;
  private static final double BETA2 = 0.999;
  private static final double EPS = 1e-8;

  private final double[] m;
  private final double[] v;
  private final double learningRate;
  private int step;

  /**
   * @param size the vector's length
   * @param learningRate the step size, > 0
   * @throws IllegalArgumentException if the step size is not positive
   */
  public Adam(int size, double learningRate) {
    if (!(learningRate > 0)) {
      throw new IllegalArgumentException("learning rate must be > 0, was " + learningRate);
    }
    m = new double[size];
    v = new double[size];
    this.learningRate = learningRate;
  }

  /**
   * One update in place: {@code p -= rate * m_hat / (sqrt(v_hat) + eps)}.
   *
   * @param p the parameters, changed in place
   * @param g their gradient, the same length
   */
  public void update(double[] p, double[] g) {
    step++;
    double bc1 = 1 - Math.pow(BETA1, step);
    double bc2 = 1 - Math.pow(BETA2, step);
    for (int i = 0; i < p.length; i++) {
      m[i] = BETA1 * m[i] + (1 - BETA1) * g[i];
      v[i] = BETA2 * v[i] + (1 - BETA2) * g[i] * g[i];
      p[i] -= learningRate * (m[i] / bc1) / (Math.sqrt(v[i] / bc2) + EPS);
    }
  }
}
