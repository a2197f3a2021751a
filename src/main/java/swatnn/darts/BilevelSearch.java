package swatnn.darts;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.ops.transforms.Transforms;
import swatnn.nd4j.AdamOptimizer;
import swatnn.nd4j.Nd4jRuntime;
import swatnn.nd4j.ParameterSet;
import swatnn.mlp.Activation;
import swatnn.mlp.MlpLayout;
import swatnn.mlp.SparseMlp;
import swatnn.selection.RowSplit;

/**
 * DARTS for one configuration (docs/METHOD.md section 6): a supernet of k hidden layers of H neurons
 * whose neurons mix sigmoid, tanh and leaky ReLU by a softmax over architecture logits and are
 * scaled by a keep gate; first-order bilevel optimisation, alternating one Adam step on the
 * weights (weight split) and one on the architecture parameters (architecture split); then
 * discretisation into a {@link SparseMlp}.
 */
final class BilevelSearch {
  static {
    Nd4jRuntime.init();
  }

  /** Initial gate logit: sigmoid(1) = 0.73, every neuron starts kept. */
  static final double GATE_INIT = 1.0;

  /** Standard deviation of the initial activation logits (DARTS: 1e-3). */
  static final double LOGIT_INIT = 1e-3;

  private final DartsSettings settings;
  private final int k;

  BilevelSearch(DartsSettings settings, int k) {
    this.settings = settings;
    this.k = k;
  }

  /** Bilevel steps per epoch: one per batch of the weight split. */
  static int stepsPerEpoch(int weightRows, int batchSize) {
    return (weightRows + batchSize - 1) / batchSize;
  }

  /** The supernet's parameters after the search. */
  record Supernet(ParameterSet weights, ParameterSet architecture) {}

  /**
   * Searches.
   *
   * @param wx rows the weights train on (scaled inputs)
   * @param wy their labels
   * @param ax rows the architecture parameters train on
   * @param ay their labels
   * @param random initial parameters and batch order
   * @throws ArithmeticException if a parameter became non-finite
   */
  Supernet search(double[][] wx, double[] wy, double[][] ax, double[] ay, Random random,
      StepObserver observer) {
    int nIn = wx[0].length;
    int h = settings.layout().maxNeurons();
    ParameterSet weights = WeightArrays.random(nIn, k, h, random);
    ParameterSet arch = new ParameterSet();
    for (int l = 0; l < k; l++) {
      float[] logits = new float[3 * h];
      for (int i = 0; i < logits.length; i++) {
        logits[i] = (float) (LOGIT_INIT * random.nextGaussian());
      }
      arch.put(MixedMlpGraph.logits(l), Nd4j.create(logits, new long[] {3, h}, 'c'));
      arch.put(MixedMlpGraph.gate(l), Nd4j.valueArrayOf(new long[] {1, h}, (float) GATE_INIT));
    }
    MixedMlpGraph graph = MixedMlpGraph.supernet(k, weights, arch);
    AdamOptimizer weightAdam = new AdamOptimizer(weights, settings.weightLearningRate(), 0, 0);
    AdamOptimizer archAdam = new AdamOptimizer(arch, settings.architectureLearningRate(), 0, 0);
    List<String> weightNames = new ArrayList<>(weights.asMap().keySet());
    List<String> archNames = new ArrayList<>(arch.asMap().keySet());

    Batches weightBatches = new Batches(wx, wy, settings.batchSize(), random);
    Batches archBatches = new Batches(ax, ay, settings.batchSize(), random);
    long steps = (long) settings.epochs() * stepsPerEpoch(wx.length, settings.batchSize());
    for (long step = 0; step < steps; step++) {
      MixedMlpGraph.Evaluation w =
          graph.evaluate(weightBatches.x(), weightBatches.y(), weightNames);
      weightAdam.update(weights, w.gradients());
      weightBatches.advance();
      if (settings.architectureLearningRate() > 0) {
        MixedMlpGraph.Evaluation a = graph.evaluate(archBatches.x(), archBatches.y(), archNames);
        archAdam.update(arch, withGatePenalty(arch, a.gradients()));
        archBatches.advance();
      }
      observer.stepDone(w.loss());
    }
    WeightArrays.requireFinite(weights, "the architecture search");
    WeightArrays.requireFinite(arch, "the architecture search");
    return new Supernet(weights, arch);
  }

  /** Adds the gradient of {@code gatePenalty * sum sigmoid(g)} to the gates' gradients. */
  private Map<String, INDArray> withGatePenalty(ParameterSet arch, Map<String, INDArray> grads) {
    double penalty = settings.gatePenalty();
    if (penalty == 0) {
      return grads;
    }
    Map<String, INDArray> out = new HashMap<>(grads);
    for (int l = 0; l < k; l++) {
      String name = MixedMlpGraph.gate(l);
      INDArray s = Transforms.sigmoid(arch.get(name), true);
      out.put(name, grads.get(name).add(s.mul(s.rsub(1.0)).muli(penalty)));
    }
    return out;
  }

  /**
   * The discrete network of a supernet: each neuron takes the activation with the largest
   * logit; neurons whose gate sigmoid(g) is below 0.5 are dropped. A kept neuron's gate value is
   * folded into its outgoing weights, since the supernet scaled the neuron's output by it.
   */
  SparseMlp discretise(Supernet net, MlpLayout layout, int nIn) {
    int h = layout.maxNeurons();
    SparseMlp.Builder structure = SparseMlp.builder(layout, nIn, k);
    ParameterSet scaled = WeightArrays.copy(net.weights());
    for (int l = 0; l < k; l++) {
      INDArray logits = net.architecture().get(MixedMlpGraph.logits(l));
      INDArray gates = net.architecture().get(MixedMlpGraph.gate(l));
      INDArray outgoing = scaled.get(MixedMlpGraph.weight(l + 1));
      for (int j = 0; j < h; j++) {
        double[] a = new double[Activation.count()];
        for (int i = 0; i < a.length; i++) {
          a[i] = logits.getDouble(i, j);
        }
        double gate = Activation.sigmoid(gates.getDouble(0, j));
        structure.activation(l, j, WeightArrays.argmax(a));
        if (gate >= 0.5) {
          structure.active(l, j, true);
          outgoing.getRow(j).muli(gate);
        }
      }
    }
    return WeightArrays.withWeights(structure.build(), scaled);
  }

  /**
   * Mini-batches over a fixed set of rows in an order reshuffled after each pass; a batch is
   * the next {@code size} rows of the order (the last of a pass may be shorter).
   */
  private static final class Batches {
    private final double[][] x;
    private final double[] y;
    private final int size;
    private final Random random;
    private final int[] order;
    private int position;
    private INDArray bx;
    private INDArray by;

    Batches(double[][] x, double[] y, int size, Random random) {
      this.x = x;
      this.y = y;
      this.size = Math.min(size, x.length);
      this.random = random;
      this.order = new int[x.length];
      for (int i = 0; i < order.length; i++) {
        order[i] = i;
      }
      RowSplit.shuffle(order, random);
      pack();
    }

    INDArray x() {
      return bx;
    }

    INDArray y() {
      return by;
    }

    void advance() {
      position += size;
      if (position >= order.length) {
        position = 0;
        RowSplit.shuffle(order, random);
      }
      pack();
    }

    private void pack() {
      int n = Math.min(size, order.length - position);
      if (bx != null && n == x.length) {
        return; // full batch: the same rows every step (their order does not matter)
      }
      int[] idx = Arrays.copyOfRange(order, position, position + n);
      bx = MixedMlpGraph.inputs(RowSplit.rows(x, idx), x[0].length);
      by = MixedMlpGraph.labels(RowSplit.values(y, idx));
    }
  }
}
