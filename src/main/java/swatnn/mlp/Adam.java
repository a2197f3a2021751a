package swatnn.mlp;

/**
 * Adam (Kingma and Ba, 2015; beta1 0.9, beta2 0.999, epsilon 1e-8, bias-corrected) on one
 * vector of doubles or of floats, in plain Java, in place: the optimiser of every small-network
 * fit in the package (polishing, dense starts, DARTS+ADMM's weight training; doubles) and of the
 * latent search's points and thresholds (floats). Its moments carry over from call to call, so
 * a caller that changes the objective between calls (ADMM's rounds) keeps them. Not
 * thread-safe.
 *
 * <p>The two precisions share the step count and the bias corrections bc1 = 1 - beta1^t, bc2 =
 * 1 - beta2^t, and differ in where the corrections are applied, which is the same update in
 * exact arithmetic but not in rounding:
 *
 * <ul>
 *   <li>doubles, as the paper's Algorithm 1: p -= rate (m / bc1) / (sqrt(v / bc2) + eps);
 *   <li>floats, as the paper's efficient form (section 2) and {@link
 *       swatnn.nd4j.AdamOptimizer}: x -= (m / (sqrt(v) + eps sqrt(bc2))) rate sqrt(bc2) / bc1,
 *       each operation rounded to float as the ND4J ops round it, so that the search's update
 *       is the one its ND4J form had, without an ND4J array per step (native memory whose
 *       release waits for the garbage collector and, near JavaCPP's limit, stalls the
 *       allocating thread).
 * </ul>
 *
 * <p>{@link swatnn.nd4j.AdamOptimizer} stays a class of its own: it updates ND4J arrays in place
 * (the autoencoder's trainer and DARTS's bilevel search, on the CPU or CUDA backend, where a
 * copy to Java arrays per step would cost the GPU its work), adds warm-up and gradient clipping
 * and exposes its moments for checkpoints. It takes its constants and bias corrections from
 * here ({@link #stepSize}, {@link #epsilon}).
 */
public final class Adam {
  /** The first moment's decay. */
  public static final double BETA1 = 0.9;
  /** The second moment's decay. */
  public static final double BETA2 = 0.999;
  /** Added to the root of the (bias-corrected) second moment. */
  public static final double EPSILON = 1e-8;

  private final double learningRate;
  /** The moments of a double vector; null for a float vector. */
  private final double[] m;
  private final double[] v;
  /** The moments of a float vector; null for a double vector. */
  private final float[] mf;
  private final float[] vf;
  private long step;

  /**
   * Adam on a vector of doubles ({@link #update(double[], double[])}).
   *
   * @param size the vector's length
   * @param learningRate the step size, >= 0 (0 leaves the vector as it is)
   * @throws IllegalArgumentException if the step size is negative, infinite or NaN
   */
  public Adam(int size, double learningRate) {
    this(size, learningRate, false);
  }

  private Adam(int size, double learningRate, boolean floats) {
    if (!(learningRate >= 0) || Double.isInfinite(learningRate)) {
      throw new IllegalArgumentException("learning rate must be finite and >= 0, was "
          + learningRate);
    }
    this.learningRate = learningRate;
    m = floats ? null : new double[size];
    v = floats ? null : new double[size];
    mf = floats ? new float[size] : null;
    vf = floats ? new float[size] : null;
  }

  /**
   * Adam on a vector of floats ({@link #update(float[], float[])}).
   *
   * @param size the vector's length
   * @param learningRate the step size, >= 0 (0 leaves the vector as it is)
   * @throws IllegalArgumentException if the step size is negative, infinite or NaN
   */
  public static Adam forFloats(int size, double learningRate) {
    return new Adam(size, learningRate, true);
  }

  /**
   * The bias-corrected step size of step t (1, 2, ...): rate sqrt(1 - beta2^t) / (1 - beta1^t).
   */
  public static double stepSize(double rate, long t) {
    return rate * Math.sqrt(1 - Math.pow(BETA2, t)) / (1 - Math.pow(BETA1, t));
  }

  /**
   * The epsilon of step t (1, 2, ...) added to sqrt(v) when the bias corrections are folded
   * into {@link #stepSize}: epsilon sqrt(1 - beta2^t).
   */
  public static double epsilon(long t) {
    return EPSILON * Math.sqrt(1 - Math.pow(BETA2, t));
  }

  /**
   * One update in place: {@code p -= rate * m_hat / (sqrt(v_hat) + eps)}.
   *
   * @param p the parameters, changed in place
   * @param g their gradient, the same length
   * @throws IllegalStateException if this Adam was made for floats
   */
  public void update(double[] p, double[] g) {
    if (m == null) {
      throw new IllegalStateException("this Adam updates a float vector");
    }
    step++;
    double bc1 = 1 - Math.pow(BETA1, step);
    double bc2 = 1 - Math.pow(BETA2, step);
    for (int i = 0; i < p.length; i++) {
      m[i] = BETA1 * m[i] + (1 - BETA1) * g[i];
      v[i] = BETA2 * v[i] + (1 - BETA2) * g[i] * g[i];
      p[i] -= learningRate * (m[i] / bc1) / (Math.sqrt(v[i] / bc2) + EPSILON);
    }
  }

  /**
   * One update in place, in float: {@code x -= (m / (sqrt(v) + epsilon(t))) * stepSize(t)}.
   *
   * @param x the parameters, changed in place
   * @param g their gradient, the same length
   * @throws IllegalStateException if this Adam was made for doubles
   */
  public void update(float[] x, float[] g) {
    if (mf == null) {
      throw new IllegalStateException("this Adam updates a double vector");
    }
    step++;
    float stepSize = (float) stepSize(learningRate, step);
    float eps = (float) epsilon(step);
    float b1 = (float) BETA1;
    float b2 = (float) BETA2;
    float c1 = (float) (1 - BETA1);
    float c2 = (float) (1 - BETA2);
    for (int i = 0; i < x.length; i++) {
      float gi = g[i];
      mf[i] = mf[i] * b1 + gi * c1;
      vf[i] = vf[i] * b2 + (gi * gi) * c2;
      float denom = (float) Math.sqrt(vf[i]) + eps;
      x[i] -= (mf[i] / denom) * stepSize;
    }
  }
}
