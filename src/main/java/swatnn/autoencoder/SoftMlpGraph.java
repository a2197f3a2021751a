package swatnn.autoencoder;

import org.nd4j.autodiff.samediff.SDIndex;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import swatnn.mlp.MlpLayout;

/**
 * The differentiable evaluation of decoded MLPs inside a SameDiff graph: each neuron's activation
 * is a softmax mixture of sigmoid, tanh and leaky ReLU, each neuron's mask a sigmoid of its mask
 * logit. All L decoders are evaluated together: decoder k's networks go through k layers, and the
 * layers of the decoders that are still running at depth t are one batched product.
 *
 * <p>Decoded matrices arrive in {@link swatnn.mlp.MlpMatrixCodec}'s layout, decoder k using the
 * first width(k) columns of a maxWidth-wide head. Hidden transition t sits at the same columns for
 * every k, which is what allows the batching; masks and output blocks move with k and are
 * gathered by constant selection matrices.
 */
public final class SoftMlpGraph {

  /**
   * Optional search-time transforms (docs/METHOD.md section 3); all null for training.
   *
   * @param temperature scalar dividing the activation logits
   * @param weightThreshold [L, B, 1, 1]: per decoder and network, the t of the soft weight gate
   *     W * sigmoid(200 (|W| - t)), applied to every weight (not to biases or logits)
   * @param sharpenMasks masks m become sigmoid(200 (m - 0.5))
   */
  public record Shaping(SDVariable temperature, SDVariable weightThreshold, boolean sharpenMasks) {
    public static final Shaping NONE = new Shaping(null, null, false);
  }

  /**
   * The graph's outputs.
   *
   * @param predictions [L, B, P]
   * @param gated [L, B, H, maxW]: the decoded matrices with the weight gate applied to every
   *     weight column of each decoder's layout (the decoded matrices themselves without a gate)
   * @param masks [L, B, H, L]: sigmoid of every decoder's mask logits before any sharpening
   *     (decoder i's layers 0..i are real; the rest are zero-logit padding)
   */
  public record Result(SDVariable predictions, SDVariable gated, SDVariable masks) {}

  private SoftMlpGraph() {}

  /**
   * Builds the evaluation.
   *
   * <p>Cost lies in the tensors with a points dimension, so those see as few ops as possible:
   * each neuron's mixture weights, mask and outgoing weights are folded into one small matrix per
   * transition, and the points only meet a product with the feature block [sigmoid(a), tanh(a),
   * leaky(a), 1] of the layer below (the trailing 1 carries the next layer's bias).
   *
   * @param decoded [L, B*H, maxWidth]: decoder i's raw output for B networks (decoder i has i+1 hidden layers)
   * @param points [B, P, H]: P input points per network, inputs beyond its n_in set to zero
   * @return predictions [L, B, P]; the (gated) weights used; the hidden layers' masks
   */
  public static Result build(SameDiff sd, MlpLayout layout, SDVariable decoded, SDVariable points,
      int b, int p, Shaping shaping) {
    int h = layout.maxNeurons();
    int s = layout.maxHiddenLayers();
    int maxW = layout.maxWidth();
    for (int k = 1; k <= s; k++) {
      for (int t = 0; t < k; t++) {
        if (layout.weightBlockOffset(k, t) != t * (h + 4) || layout.biasColumn(k, t) != t * (h + 4) + h
            || layout.activationOffset(k, t) != t * (h + 4) + h + 1) {
          throw new IllegalStateException("layout places hidden transition " + t + " differently for k=" + k);
        }
      }
    }
    DataType dt = decoded.dataType();
    SDVariable d4 = sd.reshape(decoded, s, b, h, maxW);
    if (shaping.weightThreshold() != null) {
      // W * sigmoid(200 (|W| - t)) on weight columns, once for all transitions: factor 1
      // elsewhere (biases, logits)
      SDVariable cols = sd.constant(weightColumns(layout).castTo(dt));
      SDVariable gate = sd.nn.sigmoid(sd.math.abs(d4).sub(shaping.weightThreshold()).mul(200.0));
      d4 = d4.mul(gate.sub(1.0).mul(cols).add(1.0));
      decoded = sd.reshape(d4, s, (long) b * h, maxW);
    }
    // masks [L, B, H, layer] and output parts [L, B, H, 2], gathered from k-dependent columns
    SDVariable rawMasks = sd.nn.sigmoid(
        sd.reshape(sd.mmul(decoded, sd.constant(maskSelection(layout).castTo(dt))), s, b, h, s));
    SDVariable masks = rawMasks;
    if (shaping.sharpenMasks()) {
      masks = sd.nn.sigmoid(masks.sub(0.5).mul(200.0));
    }
    SDVariable outParts = sd.reshape(sd.mmul(decoded, sd.constant(outputSelection(layout).castTo(dt))), s, b, h, 2);

    // Every transition's small matrix for every decoder at once (a few ops on tiny tensors, so
    // that the loop over depths below holds only the ops on tensors with a points dimension).
    // Hidden transition t sits at columns t (H + 4) .. t (H + 4) + H + 4 for every k; entries of
    // transitions a decoder does not have are computed from its other columns and never used.
    int bw = h + 4; // H weights, a bias, 3 activation logits
    SDVariable blocks = sd.reshape(range(d4, 4, 3, 0, s * bw), s, b, h, s, bw); // [L, B, H, t, H+4]
    SDVariable w = sd.permute(cols5(blocks, 0, h), 0, 1, 3, 2, 4); // [L, B, t, H(from), H(to)]
    SDVariable biasRows = sd.permute(cols5(blocks, h, h + 1), 0, 1, 3, 4, 2); // [L, B, t, 1, H]
    SDVariable logits = cols5(blocks, h + 1, h + 4); // [L, B, H, layer, 3]
    if (shaping.temperature() != null) {
      logits = logits.div(shaping.temperature());
    }
    // mixture weight * mask per (neuron, layer, activation), reordered to [L, B, layer, 3, H]
    SDVariable coef = sd.permute(sd.nn.softmax(logits, 4).mul(sd.reshape(masks, s, b, h, s, 1)),
        0, 1, 3, 4, 2);
    // transition 0 reads [x, 1]: [L, B, H+1, H]
    SDVariable first = sd.reshape(
        sd.concat(3, range(w, 5, 2, 0, 1), range(biasRows, 5, 2, 0, 1)), s, b, h + 1, h);
    // transition t >= 1 reads [sigmoid, tanh, leaky, 1] of layer t-1: rows (activation, neuron)
    // scaled by that neuron's coefficient, at index t-1: [L, B, L-1, 3H+1, H]
    SDVariable hidden = null;
    if (s > 1) {
      SDVariable scaled = sd.reshape(range(coef, 5, 2, 0, s - 1), s, b, s - 1, 3, h, 1)
          .mul(sd.reshape(range(w, 5, 2, 1, s), s, b, s - 1, 1, h, h));
      hidden = sd.concat(3, sd.reshape(scaled, s, b, s - 1, 3L * h, h), range(biasRows, 5, 2, 1, s));
    }
    // decoder i's output column reads its own last layer i: [L, B, 3H+1, 1]
    SDVariable ownLast = coef.mul(sd.constant(diagonal(s).castTo(dt))).sum(2); // [L, B, 3, H]
    SDVariable wOut = sd.permute(outParts.get(SDIndex.all(), SDIndex.all(), SDIndex.all(),
        SDIndex.interval(0, 1)), 0, 1, 3, 2); // [L, B, 1, H]
    SDVariable bOut = outParts.get(SDIndex.all(), SDIndex.all(), SDIndex.interval(0, 1),
        SDIndex.interval(1, 2)); // [L, B, 1, 1]
    SDVariable outMatrix = sd.concat(2, sd.reshape(ownLast.mul(wOut), s, b, 3L * h, 1), bOut);

    SDVariable features = sd.concat(2, points, sd.constant(Nd4j.ones(dt, b, p, 1)))
        .add(sd.constant(Nd4j.zeros(dt, s, 1, 1, 1))); // [L, B, P, H+1]
    SDVariable[] outputs = new SDVariable[s];
    for (int t = 0; t < s; t++) {
      // (interval + reshape, not point: strided_slice_bp mis-indexes a point followed by intervals)
      SDVariable matrix = t == 0 ? first : sd.reshape(hidden.get(SDIndex.interval(t, s),
          SDIndex.all(), SDIndex.interval(t - 1, t), SDIndex.all(), SDIndex.all()),
          s - t, b, 3L * h + 1, h); // decoders t.. only
      SDVariable pre = sd.mmul(features, matrix); // [live, B, P, H]
      features = sd.concat(3, sd.nn.sigmoid(pre), sd.math.tanh(pre), sd.nn.leakyRelu(pre, 0.01),
          sd.constant(Nd4j.ones(dt, s - t, b, p, 1))); // [live, B, P, 3H+1]
      // decoder t (t + 1 hidden layers) ends here
      outputs[t] = sd.mmul(range(features, 4, 0, 0, 1), range(outMatrix, 4, 0, t, t + 1)); // [1, B, P, 1]
      if (t + 1 < s) {
        features = range(features, 4, 0, 1, s - t);
      }
    }
    SDVariable predictions = sd.reshape(sd.concat(0, outputs), s, b, p);
    return new Result(predictions, d4, rawMasks);
  }

  /** Entries [from, to) along one axis of a variable of the given rank. */
  private static SDVariable range(SDVariable x, int rank, int axis, int from, int to) {
    SDIndex[] index = new SDIndex[rank];
    for (int i = 0; i < rank; i++) {
      index[i] = i == axis ? SDIndex.interval(from, to) : SDIndex.all();
    }
    return x.get(index);
  }

  /** Columns [from, to) of the last dimension of a rank-5 variable. */
  private static SDVariable cols5(SDVariable x, int from, int to) {
    return range(x, 5, 4, from, to);
  }

  /** [L, 1, L, 1, 1]: 1 where decoder i meets its own last hidden layer i. */
  static INDArray diagonal(int s) {
    INDArray g = Nd4j.zeros(DataType.FLOAT, s, 1, s, 1, 1);
    for (int i = 0; i < s; i++) {
      g.putScalar(new long[] {i, 0, i, 0, 0}, 1.0);
    }
    return g;
  }

  /** [L, 1, 1, maxW]: 1 on decoder i's weight columns (hidden blocks and output column). */
  static INDArray weightColumns(MlpLayout layout) {
    int s = layout.maxHiddenLayers();
    INDArray g = Nd4j.zeros(DataType.FLOAT, s, 1, 1, layout.maxWidth());
    for (int i = 0; i < s; i++) {
      int k = i + 1;
      for (int t = 0; t < k; t++) {
        for (int c = 0; c < layout.maxNeurons(); c++) {
          g.putScalar(new long[] {i, 0, 0, layout.weightBlockOffset(k, t) + c}, 1.0);
        }
      }
      g.putScalar(new long[] {i, 0, 0, layout.outputBlockOffset(k)}, 1.0);
    }
    return g;
  }

  /** [L, maxW, L]: picks decoder i's mask-logit columns (hidden layers 0..i) into columns 0..i. */
  static INDArray maskSelection(MlpLayout layout) {
    int s = layout.maxHiddenLayers();
    INDArray g = Nd4j.zeros(DataType.FLOAT, s, layout.maxWidth(), s);
    for (int i = 0; i < s; i++) {
      for (int l = 0; l <= i; l++) {
        g.putScalar(new long[] {i, layout.maskColumn(i + 1, l), l}, 1.0);
      }
    }
    return g;
  }

  /** [L, maxW, 2]: picks decoder i's output-weight column and output-bias column. */
  static INDArray outputSelection(MlpLayout layout) {
    int s = layout.maxHiddenLayers();
    INDArray g = Nd4j.zeros(DataType.FLOAT, s, layout.maxWidth(), 2);
    for (int i = 0; i < s; i++) {
      g.putScalar(new long[] {i, layout.outputBlockOffset(i + 1), 0}, 1.0);
      g.putScalar(new long[] {i, layout.outputBiasColumn(i + 1), 1}, 1.0);
    }
    return g;
  }
}
