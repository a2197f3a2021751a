package swatnn.nd4j;

import java.util.LinkedHashMap;
import java.util.Map;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.ops.transforms.Transforms;
import swatnn.mlp.Adam;

/**
 * Adam with linear learning-rate warm-up and global gradient-norm clipping, applied in place to
 * a {@link ParameterSet}. Its whole state (moments, step) is exposed for checkpoints, so that a
 * resumed run continues bit for bit.
 *
 * <p>{@link Adam}'s update on ND4J arrays: the same constants and bias corrections ({@link
 * Adam#stepSize}, {@link Adam#epsilon}) and the same float form as {@link Adam#update(float[],
 * float[])}. It stays a class of its own because its parameters are ND4J arrays, updated in
 * place by ND4J ops: the autoencoder's trainer and DARTS's bilevel search run on the CPU or the
 * CUDA backend, and copying the parameters, gradients and moments to Java arrays and back every
 * step would move them off the GPU; warm-up, clipping and checkpointing are its own as well.
 */
public final class AdamOptimizer {
  private final double learningRate;
  private final int warmupSteps;
  private final double clipNorm;
  private final Map<String, INDArray> m = new LinkedHashMap<>();
  private final Map<String, INDArray> v = new LinkedHashMap<>();
  private long step;

  /**
   * @param learningRate peak learning rate
   * @param warmupSteps steps of linear warm-up from 0
   * @param clipNorm largest global gradient norm (0 or less: no clipping)
   */
  public AdamOptimizer(ParameterSet params, double learningRate, int warmupSteps, double clipNorm) {
    this.learningRate = learningRate;
    this.warmupSteps = warmupSteps;
    this.clipNorm = clipNorm;
    for (Map.Entry<String, INDArray> e : params.asMap().entrySet()) {
      m.put(e.getKey(), Nd4j.zerosLike(e.getValue()));
      v.put(e.getKey(), Nd4j.zerosLike(e.getValue()));
    }
  }

  public long step() {
    return step;
  }

  /** First and second moments by parameter name (live arrays; for checkpoints). */
  public Map<String, INDArray> firstMoments() {
    return m;
  }

  public Map<String, INDArray> secondMoments() {
    return v;
  }

  /** Restores the step counter from a checkpoint (moments are restored through their arrays). */
  public void restoreStep(long s) {
    this.step = s;
  }

  /**
   * Applies one update.
   *
   * @return the global gradient norm before clipping
   */
  public double update(ParameterSet params, Map<String, INDArray> gradients) {
    double sq = 0;
    for (INDArray g : gradients.values()) {
      double n = g.norm2Number().doubleValue();
      sq += n * n;
    }
    double norm = Math.sqrt(sq);
    double scale = clipNorm > 0 && norm > clipNorm ? clipNorm / norm : 1.0;
    step++;
    double lr = learningRate * Math.min(1.0, (double) step / Math.max(1, warmupSteps));
    double stepSize = Adam.stepSize(lr, step);
    double epsilon = Adam.epsilon(step);
    for (Map.Entry<String, INDArray> e : params.asMap().entrySet()) {
      INDArray g = gradients.get(e.getKey());
      if (g == null) {
        continue;
      }
      if (scale != 1.0) {
        g = g.mul(scale);
      }
      INDArray mi = m.get(e.getKey());
      INDArray vi = v.get(e.getKey());
      mi.muli(Adam.BETA1).addi(g.mul(1 - Adam.BETA1));
      vi.muli(Adam.BETA2).addi(g.mul(g).muli(1 - Adam.BETA2));
      INDArray denom = Transforms.sqrt(vi, true).addi(epsilon);
      e.getValue().subi(mi.div(denom).muli(stepSize));
    }
    return norm;
  }
}
