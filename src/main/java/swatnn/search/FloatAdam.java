package swatnn.search;

/**
 * Adam on a float array in place, with {@link swatnn.nd4j.AdamOptimizer}'s arithmetic for no
 * warm-up and no clipping (each operation rounded to float as the ND4J ops round it), but
 * without ND4J: the search's per-step update allocates no native memory, whose release waits
 * for the garbage collector (and, near JavaCPP's limit, stalls the allocating thread).
 */
final class FloatAdam {
  private static final double BETA1 = 0.9;
  private static final double BETA2 = 0.999;
  private static final double EPSILON = 1e-8;

  private final double learningRate;
  private final float[] m;
  private final float[] v;
  private long step;

  FloatAdam(int size, double learningRate) {
    this.learningRate = learningRate;
    this.m = new float[size];
    this.v = new float[size];
  }

  /** One update of {@code x} by the gradient {@code g}. */
  void update(float[] x, float[] g) {
    step++;
    double bc1 = 1 - Math.pow(BETA1, step);
    double bc2 = 1 - Math.pow(BETA2, step);
    float stepSize = (float) (learningRate * Math.sqrt(bc2) / bc1);
    float b1 = (float) BETA1;
    float b2 = (float) BETA2;
    float c1 = (float) (1 - BETA1);
    float c2 = (float) (1 - BETA2);
    float eps = (float) (EPSILON * Math.sqrt(bc2));
    for (int i = 0; i < x.length; i++) {
      float gi = g[i];
      m[i] = m[i] * b1 + gi * c1;
      v[i] = v[i] * b2 + (gi * gi) * c2;
      float denom = (float) Math.sqrt(v[i]) + eps;
      x[i] -= (m[i] / denom) * stepSize;
    }
  }
}
