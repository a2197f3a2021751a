package swatnn.autoencoder;

import java.util.HashMap;
import java.util.Map;
import java.util.Random;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import swatnn.mlp.MlpMatrixCodec;
import swatnn.mlp.RandomMlpSampler;
import swatnn.mlp.SparseMlp;

/**
 * One batch of the functional objective: b random MLPs (encoder tokens), p input points per MLP
 * drawn uniformly from [-1, 1]^n_in (inputs beyond n_in zero), the MLPs' outputs there, and
 * per MLP the weight 1 / max(variance of its outputs, 1), which turns each decoder's MSE into
 * the relative functional error.
 */
public final class TrainingBatch {
  /** The variance floor of the relative error (see the held-out definition). */
  public static final double VARIANCE_FLOOR = 1.0;

  private final float[] tokens;
  private final float[] points;
  private final float[] targets;
  private final float[] weights;
  private final float[] recTarget;
  private final float[] recMask;
  private final int decoders;
  private final int maxWidth;
  private final SparseMlp[] mlps;
  private final int b;
  private final int p;
  private final int h;
  private final int tokenWidth;

  /** The largest factor by which normalisation multiplies a network's output layer. */
  static final double MAX_OUTPUT_SCALE = 5;

  /** Logit targets of the reconstruction term for one-hot activations and 0/1 masks. */
  static final float LOGIT_TARGET = 3f;

  private TrainingBatch(int b, int p, int h, int tokenWidth, int decoders, int maxWidth) {
    this.decoders = decoders;
    this.maxWidth = maxWidth;
    recTarget = new float[decoders * b * h * maxWidth];
    recMask = new float[decoders * b * h * maxWidth];
    this.b = b;
    this.p = p;
    this.h = h;
    this.tokenWidth = tokenWidth;
    tokens = new float[b * h * tokenWidth];
    points = new float[b * p * h];
    targets = new float[b * p];
    weights = new float[b];
    mlps = new SparseMlp[b];
  }

  /** Draws a batch; everything random comes from {@code random}, in a fixed order. */
  public static TrainingBatch sample(RandomMlpSampler sampler, MlpMatrixCodec codec, int b, int p,
      Random random) {
    return sample(sampler, codec, b, p, random, false);
  }

  /**
   * Draws a batch.
   *
   * @param normalize rescale each network's output layer so that its outputs on its points
   *     span [-1, 1] (see {@link TrainerSettings#normalizeOutputs()})
   */
  public static TrainingBatch sample(RandomMlpSampler sampler, MlpMatrixCodec codec, int b, int p,
      Random random, boolean normalize) {
    SparseMlp[] drawn = new SparseMlp[b];
    for (int i = 0; i < b; i++) {
      drawn[i] = sampler.draw(random).mlp();
    }
    return of(drawn, codec, p, random, normalize);
  }

  /** A batch over given networks, with points drawn from {@code random}. */
  public static TrainingBatch of(SparseMlp[] networks, MlpMatrixCodec codec, int p, Random random) {
    return of(networks, codec, p, random, false);
  }

  /** A batch over given networks, optionally with their outputs normalised to [-1, 1]. */
  public static TrainingBatch of(SparseMlp[] networks, MlpMatrixCodec codec, int p, Random random,
      boolean normalize) {
    int h = codec.layout().maxNeurons();
    int maxW = codec.layout().maxWidth();
    TrainingBatch t = new TrainingBatch(networks.length, p, h, codec.tokenWidth(),
        codec.layout().maxHiddenLayers(), maxW);
    double[][] rows = new double[p][];
    double[] y = new double[p];
    for (int i = 0; i < networks.length; i++) {
      SparseMlp m = networks[i];
      t.mlps[i] = m;
      codec.encodeTokensInto(m, t.tokens, i * h * t.tokenWidth);
      t.fillReconstruction(codec, m, i);
      int nIn = m.nIn();
      for (int r = 0; r < p; r++) {
        double[] x = new double[nIn];
        for (int j = 0; j < nIn; j++) {
          x[j] = 2 * random.nextDouble() - 1;
          t.points[(i * p + r) * h + j] = (float) x[j];
        }
        rows[r] = x;
      }
      m.predict(rows, y);
      if (normalize) {
        m = normalized(m, y);
        t.mlps[i] = m;
        codec.encodeTokensInto(m, t.tokens, i * h * t.tokenWidth);
        t.fillReconstruction(codec, m, i);
      }
      double mean = 0;
      for (int r = 0; r < p; r++) {
        mean += y[r];
        t.targets[i * p + r] = (float) y[r];
      }
      mean /= p;
      double var = 0;
      for (int r = 0; r < p; r++) {
        var += (y[r] - mean) * (y[r] - mean);
      }
      var /= p;
      t.weights[i] = (float) (1.0 / Math.max(var, VARIANCE_FLOOR));
    }
    return t;
  }

  /**
   * The network with its output layer rescaled so that outputs y (on some points) map to
   * [-1, 1] (a nearly constant one is centred on 0 and stretched at most MAX_OUTPUT_SCALE
   * times); y is updated in place.
   */
  static SparseMlp normalized(SparseMlp m, double[] y) {
    double lo = Double.POSITIVE_INFINITY;
    double hi = Double.NEGATIVE_INFINITY;
    for (double v : y) {
      lo = Math.min(lo, v);
      hi = Math.max(hi, v);
    }
    // Centre the outputs and stretch them to span [-1, 1], but by at most MAX_OUTPUT_SCALE:
    // nearly constant networks would otherwise get huge output weights.
    double range = hi - lo;
    double scale = range > 2 / MAX_OUTPUT_SCALE ? 2 / range : MAX_OUTPUT_SCALE;
    double shift = -(lo + hi) / 2 * scale;
    SparseMlp.Builder b = m.toBuilder();
    int h = m.layout().maxNeurons();
    int k = m.hiddenLayers();
    for (int j = 0; j < h; j++) {
      b.outputWeight(j, m.weight(k, j, 0) * scale);
    }
    b.outputBias(m.outputBias() * scale + shift);
    for (int r = 0; r < y.length; r++) {
      y[r] = y[r] * scale + shift;
    }
    return b.build();
  }

  /** Decoder k_in's slot of the reconstruction target and mask for network i. */
  private void fillReconstruction(MlpMatrixCodec codec, SparseMlp m, int i) {
    int k = m.hiddenLayers();
    double[][] values = codec.encode(m);
    double[][] valid = codec.validity(m.nIn(), k);
    swatnn.mlp.MlpLayout layout = codec.layout();
    boolean[] isLogit = new boolean[maxWidth];
    for (int t = 0; t < k; t++) {
      for (int a = 0; a < 3; a++) {
        isLogit[layout.activationOffset(k, t) + a] = true;
      }
      isLogit[layout.maskColumn(k, t)] = true;
    }
    for (int r = 0; r < h; r++) {
      int base = (((k - 1) * b + i) * h + r) * maxWidth;
      for (int c = 0; c < maxWidth; c++) {
        if (valid[r][c] > 0) {
          recMask[base + c] = 1f;
          recTarget[base + c] = isLogit[c] ? (values[r][c] > 0.5 ? LOGIT_TARGET : -LOGIT_TARGET)
              : (float) values[r][c];
        }
      }
    }
  }

  public int size() {
    return b;
  }

  public SparseMlp network(int i) {
    return mlps[i];
  }

  /** The placeholder values of {@link AutoencoderGraph#training}. */
  public Map<String, INDArray> placeholders() {
    return placeholders(0);
  }

  /** The placeholders with the reconstruction term at the given weight. */
  public Map<String, INDArray> placeholders(double reconstructionWeight) {
    Map<String, INDArray> m = new HashMap<>();
    m.put(AutoencoderGraph.TOKENS, Nd4j.create(tokens, new long[] {b, h, tokenWidth}, 'c'));
    m.put(AutoencoderGraph.POINTS, Nd4j.create(points, new long[] {b, p, h}, 'c'));
    m.put(AutoencoderGraph.TARGETS, Nd4j.create(targets, new long[] {b, p}, 'c'));
    m.put(AutoencoderGraph.WEIGHTS, Nd4j.create(weights, new long[] {b}, 'c'));
    m.put(AutoencoderGraph.REC_TARGET, Nd4j.create(recTarget, new long[] {decoders, (long) b * h, maxWidth}, 'c'));
    m.put(AutoencoderGraph.REC_MASK, Nd4j.create(recMask, new long[] {decoders, (long) b * h, maxWidth}, 'c'));
    m.put(AutoencoderGraph.REC_WEIGHT, Nd4j.scalar((float) reconstructionWeight));
    return m;
  }
}
