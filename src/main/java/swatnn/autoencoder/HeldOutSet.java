package swatnn.autoencoder;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.nd4j.linalg.api.ndarray.INDArray;
import swatnn.mlp.MlpMatrixCodec;
import swatnn.mlp.RandomMlpSampler;
import swatnn.nd4j.ParameterSet;

/**
 * A fixed set of random MLPs, never trained on, on which a model's relative functional error is
 * measured: per network, the MSE of a decoder's (soft) network against the network's outputs
 * divided by max(variance of those outputs, 1); averaged over the set, per decoder and for the
 * minimum over decoders. Predicting each network's mean scores at most 1.
 */
public final class HeldOutSet {
  /** Mixed into the data seed so the held-out stream differs from the training stream. */
  private static final long SALT = 0x5eed_0f_4e1dL;
  private static final int EVAL_BATCH = 64;

  private final List<TrainingBatch> batches = new ArrayList<>();
  private final int size;
  private final int points;

  /** The outcome of one evaluation. */
  public record Evaluation(double minOverDecoders, double[] perDecoder) {}

  public HeldOutSet(AutoencoderConfig c, long dataSeed, int size, int points) {
    this(c, dataSeed, size, points, false);
  }

  /** A held-out set, its networks' outputs normalised like the training data's when asked. */
  public HeldOutSet(AutoencoderConfig c, long dataSeed, int size, int points, boolean normalize) {
    if (size % EVAL_BATCH != 0) {
      throw new IllegalArgumentException("held-out size must be a multiple of " + EVAL_BATCH);
    }
    this.size = size;
    this.points = points;
    Random random = new Random(dataSeed ^ SALT);
    RandomMlpSampler sampler = new RandomMlpSampler(c.layout(), c.nInMin(), c.nInMax());
    MlpMatrixCodec codec = new MlpMatrixCodec(c.layout());
    for (int i = 0; i < size; i += EVAL_BATCH) {
      batches.add(TrainingBatch.sample(sampler, codec, EVAL_BATCH, points, random, normalize));
    }
  }

  public int size() {
    return size;
  }

  /** Evaluates a model's current parameters (a fresh graph over the same arrays). */
  public Evaluation evaluate(AutoencoderConfig c, ParameterSet params) {
    AutoencoderGraph g = AutoencoderGraph.training(c, params, EVAL_BATCH, points, 0.0);
    int s = c.decoders();
    double[] per = new double[s];
    double min = 0;
    for (TrainingBatch b : batches) {
      Map<String, INDArray> ph = b.placeholders();
      INDArray rel = g.sameDiff().outputSingle(ph, AutoencoderGraph.REL_ERROR); // [L, b]
      for (int j = 0; j < EVAL_BATCH; j++) {
        double best = Double.POSITIVE_INFINITY;
        for (int k = 0; k < s; k++) {
          double v = rel.getDouble(k, j);
          per[k] += v;
          best = Math.min(best, v);
        }
        min += best;
      }
    }
    for (int k = 0; k < s; k++) {
      per[k] /= size;
    }
    return new Evaluation(min / size, per);
  }
}
