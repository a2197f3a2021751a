package swatnn.darts;

import java.util.List;
import java.util.Map;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.autodiff.samediff.api.OutAndGrad;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import swatnn.autoencoder.AutoencoderGraph;
import swatnn.nd4j.Nd4jRuntime;
import swatnn.nd4j.ParameterSet;
import swatnn.mlp.Activation;

/**
 * The mean squared error of the DARTS supernet as a SameDiff graph: {@code nIn} inputs, k
 * hidden layers of H neurons, one linear output. Neuron j of hidden layer l outputs
 * {@code sum_a c[l][a, j] * act_a(pre)} over the activations a (sigmoid, tanh, leaky ReLU).
 *
 * <p>The coefficients are {@code softmax_a(alpha_l)[a, j] * sigmoid(g_l[j])}, from the
 * architecture variables: DARTS' mixed operation times a per-neuron keep gate.
 *
 * <p>To keep the op count small (SameDiff costs about 100 us per op and call), the coefficients
 * are folded into the next layer's weights: the three activations of a layer are concatenated
 * to [N, 3H] and multiplied by {@code tile(W_next, 3, 1) * c}, so a hidden layer costs a dozen
 * ops. Variables are shared with the {@link ParameterSet}s (in-place updates are seen).
 */
final class MixedMlpGraph {
  static {
    Nd4jRuntime.init();
  }

  /** Placeholder of the input rows, [N, nIn]. */
  static final String X = "x";
  /** Placeholder of the labels, [N, 1]. */
  static final String Y = "y";
  /** The scalar mean squared error. */
  static final String LOSS = "loss";

  private final SameDiff sd;

  private MixedMlpGraph(SameDiff sd) {
    this.sd = sd;
  }

  /** Name of the weight matrix of transition t (0..k): [nIn or H, H], the last [H, 1]. */
  static String weight(int t) {
    return "w" + t;
  }

  /** Name of the bias row of transition t (0..k): [1, H], the last [1, 1]. */
  static String bias(int t) {
    return "b" + t;
  }

  /** Name of the activation logits of hidden layer l: [3, H]. */
  static String logits(int l) {
    return "alpha" + l;
  }

  /** Name of the keep-gate logits of hidden layer l: [1, H]. */
  static String gate(int l) {
    return "gate" + l;
  }

  /**
   * The supernet over weights (w0..wk, b0..bk) and architecture parameters (alpha0.., gate0..).
   */
  static MixedMlpGraph supernet(int k, ParameterSet weights, ParameterSet architecture) {
    SameDiff sd = SameDiff.create();
    int h = (int) weights.get(weight(0)).size(1);
    SDVariable[] coefficients = new SDVariable[k];
    for (int l = 0; l < k; l++) {
      SDVariable mix = sd.nn.softmax(sd.var(logits(l), architecture.get(logits(l))), 0);
      SDVariable keep = sd.nn.sigmoid(sd.var(gate(l), architecture.get(gate(l))));
      coefficients[l] = sd.reshape(mix.mul(keep), 3L * h, 1);
    }
    return build(sd, k, weights, coefficients);
  }

  private static MixedMlpGraph build(SameDiff sd, int k, ParameterSet weights,
      SDVariable[] coefficients) {
    int nIn = (int) weights.get(weight(0)).size(0);
    SDVariable x = sd.placeHolder(X, DataType.FLOAT, -1, nIn);
    SDVariable y = sd.placeHolder(Y, DataType.FLOAT, -1, 1);
    SDVariable pre = sd.mmul(x, sd.var(weight(0), weights.get(weight(0))))
        .add(sd.var(bias(0), weights.get(bias(0))));
    for (int t = 1; t <= k; t++) {
      SDVariable features = sd.concat(1, sd.nn.sigmoid(pre), sd.math.tanh(pre),
          sd.nn.leakyRelu(pre, Activation.LEAKY_SLOPE)); // [N, 3H]
      SDVariable w = sd.var(weight(t), weights.get(weight(t)));
      SDVariable folded = sd.tile(w, 3, 1).mul(coefficients[t - 1]); // [3H, H or 1]
      pre = sd.mmul(features, folded).add(sd.var(bias(t), weights.get(bias(t))));
    }
    SDVariable diff = pre.sub(y);
    diff.mul(diff).mean().rename(LOSS);
    sd.setLossVariables(LOSS);
    Nd4jRuntime.createGradientsQuietly(sd);
    return new MixedMlpGraph(sd);
  }

  /**
   * The loss and its gradients on a batch.
   *
   * @param loss the mean squared error
   * @param gradients by variable name, for the variables asked for
   */
  record Evaluation(double loss, Map<String, INDArray> gradients) {}

  /**
   * Evaluates the loss on rows {@code x} [N, nIn] with labels {@code y} [N, 1] and the
   * gradients of the named variables.
   */
  Evaluation evaluate(INDArray x, INDArray y, List<String> variables) {
    OutAndGrad og = sd.calculateGradientsAndOutputs(Map.of(X, x, Y, y), List.of(LOSS), variables);
    return new Evaluation(og.getOutputs().get(LOSS).getDouble(0), og.getGradients());
  }

  /** Packs rows into the [N, nIn] placeholder form. */
  static INDArray inputs(double[][] rows, int nIn) {
    float[] v = new float[rows.length * nIn];
    for (int i = 0; i < rows.length; i++) {
      for (int j = 0; j < nIn; j++) {
        v[i * nIn + j] = (float) rows[i][j];
      }
    }
    return Nd4j.create(v, new long[] {rows.length, nIn}, 'c');
  }

  /** Packs labels into the [N, 1] placeholder form. */
  static INDArray labels(double[] y) {
    float[] v = new float[y.length];
    for (int i = 0; i < y.length; i++) {
      v[i] = (float) y[i];
    }
    return Nd4j.create(v, new long[] {y.length, 1}, 'c');
  }
}
