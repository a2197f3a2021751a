package swatnn.mlp;

import java.io.IOException;
import java.io.InvalidObjectException;
import java.io.ObjectInputStream;
import java.io.Serializable;
import java.util.Arrays;
import java.util.Objects;
import java.util.function.DoubleFunction;
import java.util.function.DoubleUnaryOperator;
import swatnn.io.NumberText;

/**
 * An immutable discrete MLP of the SWAT-NN search space: {@code nIn} inputs, {@code k} hidden
 * layers of H neuron slots (H from the {@link MlpLayout}), one linear output.
 *
 * <p>Each hidden slot has an active flag and an {@link Activation}. A hidden neuron outputs
 * {@code act(w . x + b) * mask}: an inactive neuron outputs 0 whatever its weights and bias.
 * Weights are indexed by transition {@code t} (0..k): transition 0 goes from the inputs
 * (nIn x H), transitions 1..k-1 from hidden layer t-1 to hidden layer t (H x H), transition k
 * from the last hidden layer to the output (H x 1). Hidden layers are numbered 0..k-1.
 *
 * <p>Equality is by value (layout, shape, every weight, bias, activation and flag, including
 * those of inactive neurons; {@link #pruned()} gives the canonical form). A negative zero is
 * stored as zero. Prediction uses an internal compiled form built on first use; it is not part
 * of the serialized state.
 */
public final class SparseMlp implements Serializable {

  private static final long serialVersionUID = 1L;

  private final MlpLayout layout;
  private final int nIn;
  private final int k;
  /** All weight blocks, transition after transition, each row-major (from, to). */
  private final double[] weights;
  /** Hidden biases, index l * H + j. */
  private final double[] biases;
  private final double outputBias;
  /** Hidden activations, index l * H + j. */
  private final Activation[] activations;
  /** Hidden active flags, index l * H + j. */
  private final boolean[] active;

  private transient volatile CompiledMlp compiled;

  /**
   * Takes ownership of the arrays (no copies: callers in this package hand over fresh ones).
   * Replaces negative zeros by zeros so that equality is numeric.
   */
  SparseMlp(MlpLayout layout, int nIn, int k, double[] weights, double[] biases,
      double outputBias, Activation[] activations, boolean[] active) {
    this.layout = Objects.requireNonNull(layout, "layout");
    this.nIn = nIn;
    this.k = k;
    this.weights = weights;
    this.biases = biases;
    this.outputBias = outputBias == 0 ? 0.0 : outputBias;
    this.activations = activations;
    this.active = active;
    checkStructure();
    for (int i = 0; i < weights.length; i++) {
      if (weights[i] == 0) {
        weights[i] = 0.0;
      }
    }
    for (int i = 0; i < biases.length; i++) {
      if (biases[i] == 0) {
        biases[i] = 0.0;
      }
    }
  }

  private void checkStructure() {
    layout.checkInputs(nIn);
    layout.checkHiddenLayers(k);
    int slots = k * layout.maxNeurons();
    if (weights == null || weights.length != weightCount(layout, nIn, k)) {
      throw new IllegalArgumentException("weights must have length "
          + weightCount(layout, nIn, k));
    }
    if (biases == null || biases.length != slots || activations == null
        || activations.length != slots || active == null || active.length != slots) {
      throw new IllegalArgumentException("biases, activations and flags must have length "
          + slots);
    }
    for (Activation a : activations) {
      if (a == null) {
        throw new IllegalArgumentException("activations must not be null");
      }
    }
  }

  /** The length of the flat weight array of a network of this shape. */
  static int weightCount(MlpLayout layout, int nIn, int k) {
    int h = layout.maxNeurons();
    return nIn * h + (k - 1) * h * h + h;
  }

  /** Flat index of weight (t, from, to) in a network of this shape, unchecked. */
  private static int weightIndex(MlpLayout layout, int nIn, int k, int t, int from, int to) {
    int h = layout.maxNeurons();
    int offset = t == 0 ? 0 : nIn * h + (t - 1) * h * h;
    return offset + from * layout.weightColumns(k, t) + to;
  }

  /** Flat index of weight (t, from, to), unchecked. */
  int weightIndex(int t, int from, int to) {
    return weightIndex(layout, nIn, k, t, from, to);
  }

  /** Flat index of hidden slot (layer, j), checked. */
  private static int slotIndex(MlpLayout layout, int k, int layer, int j) {
    layout.checkHiddenLayer(k, layer);
    layout.checkNeuron(j);
    return layer * layout.maxNeurons() + j;
  }

  /** Starts a builder for a network with all weights and biases 0 and all neurons inactive. */
  public static Builder builder(MlpLayout layout, int nIn, int hiddenLayers) {
    return new Builder(layout, nIn, hiddenLayers);
  }

  /** A builder initialised with this network's values. */
  public Builder toBuilder() {
    Builder b = new Builder(layout, nIn, k);
    System.arraycopy(weights, 0, b.weights, 0, weights.length);
    System.arraycopy(biases, 0, b.biases, 0, biases.length);
    System.arraycopy(activations, 0, b.activations, 0, activations.length);
    System.arraycopy(active, 0, b.active, 0, active.length);
    b.outputBias = outputBias;
    return b;
  }

  /**
   * This network with every weight and bias, the output bias included, replaced by {@code f}
   * of it (for example rounded as a text prints it); the activations and active neurons stay.
   *
   * @param f maps a parameter to its new value
   * @return the new network
   * @throws IllegalArgumentException if {@code f} gives a non-finite value
   */
  public SparseMlp withParameters(DoubleUnaryOperator f) {
    Builder b = toBuilder();
    for (int i = 0; i < b.weights.length; i++) {
      b.weights[i] = Builder.finite(f.applyAsDouble(b.weights[i]), "weight");
    }
    for (int i = 0; i < b.biases.length; i++) {
      b.biases[i] = Builder.finite(f.applyAsDouble(b.biases[i]), "bias");
    }
    b.outputBias = Builder.finite(f.applyAsDouble(b.outputBias), "output bias");
    return b.build();
  }

  /** The layout (H and L) this network belongs to. */
  public MlpLayout layout() {
    return layout;
  }

  /** The number of inputs. */
  public int nIn() {
    return nIn;
  }

  /** The number of hidden layers k. */
  public int hiddenLayers() {
    return k;
  }

  /**
   * The weight of transition {@code t} from unit {@code from} of layer t (an input when t = 0)
   * to unit {@code to} of layer t + 1 ({@code to} = 0 for the output when t = k).
   */
  public double weight(int t, int from, int to) {
    checkWeight(layout, nIn, k, t, from, to);
    return weights[weightIndex(t, from, to)];
  }

  /** The bias of neuron {@code j} of hidden layer {@code layer}. */
  public double bias(int layer, int j) {
    return biases[slot(layer, j)];
  }

  /** The output bias. */
  public double outputBias() {
    return outputBias;
  }

  /** The activation of neuron {@code j} of hidden layer {@code layer}. */
  public Activation activation(int layer, int j) {
    return activations[slot(layer, j)];
  }

  /** Whether neuron {@code j} of hidden layer {@code layer} is active (its mask is 1). */
  public boolean isActive(int layer, int j) {
    return active[slot(layer, j)];
  }

  private int slot(int layer, int j) {
    return slotIndex(layout, k, layer, j);
  }

  private static void checkWeight(MlpLayout layout, int nIn, int k, int t, int from, int to) {
    layout.checkTransition(k, t);
    int rows = layout.weightRows(nIn, t);
    int cols = layout.weightColumns(k, t);
    if (from < 0 || from >= rows) {
      throw new IllegalArgumentException("source unit of transition " + t + " must be in 0.."
          + (rows - 1) + ", got " + from);
    }
    if (to < 0 || to >= cols) {
      throw new IllegalArgumentException("target unit of transition " + t + " must be in 0.."
          + (cols - 1) + ", got " + to);
    }
  }

  // Package-private raw views for the codec; never modified.

  double[] rawWeights() {
    return weights;
  }

  double[] rawBiases() {
    return biases;
  }

  Activation[] rawActivations() {
    return activations;
  }

  boolean[] rawActive() {
    return active;
  }

  /** The number of stored weights (real entries of all weight blocks, live or not). */
  int weightCount() {
    return weights.length;
  }

  // ---------------------------------------------------------------- prediction

  private CompiledMlp compiled() {
    CompiledMlp c = compiled;
    if (c == null) {
      c = CompiledMlp.of(this);
      compiled = c;
    }
    return c;
  }

  /** The output for one input vector of length {@link #nIn()}. */
  public double predict(double[] x) {
    checkRow(x, 0);
    CompiledMlp c = compiled();
    return c.predict(x, new double[c.bufferSize()]);
  }

  /**
   * One row's hidden neurons by the network's definition, not its compiled form (slower): for
   * hidden layer l and slot j, {@code pre[l][j] = b_lj + sum_i w_lij u_i} over the layer's
   * inputs u in index order, and {@code out[l][j]} its activation; 0 for an inactive neuron.
   * For moves that read single neurons ({@link LayerCollapse}).
   *
   * @param pre hidden layers x maxNeurons pre-activations, each [{@link #hiddenLayers()}]
   *     [{@code layout().maxNeurons()}]
   * @param out the same shape, the neurons' outputs
   */
  public record HiddenValues(double[][] pre, double[][] out) {}

  /**
   * {@link HiddenValues} of one input row.
   *
   * @param x {@link #nIn()} inputs
   * @return its hidden pre-activations and outputs
   * @throws IllegalArgumentException if x has another length
   */
  public HiddenValues hiddenValues(double[] x) {
    checkRow(x, 0);
    int h = layout.maxNeurons();
    double[][] pre = new double[k][h];
    double[][] out = new double[k][h];
    double[] prev = x;
    for (int l = 0; l < k; l++) {
      for (int j = 0; j < h; j++) {
        if (!isActive(l, j)) {
          continue;
        }
        double z = bias(l, j);
        for (int i = 0; i < prev.length; i++) {
          z += weight(l, i, j) * prev[i];
        }
        pre[l][j] = z;
        out[l][j] = activation(l, j).apply(z);
      }
      prev = out[l];
    }
    return new HiddenValues(pre, out);
  }

  /** The mean squared error of the outputs on rows against targets y (one per row). */
  public double meanSquaredError(double[][] rows, double[] y) {
    double[] pred = predict(rows);
    double s = 0;
    for (int i = 0; i < y.length; i++) {
      double e = pred[i] - y[i];
      s += e * e;
    }
    return s / y.length;
  }

  /**
   * The weighted mean squared error {@code sum w_i e_i^2 / sum w_i}; with {@code w} null the
   * plain mean.
   */
  public double meanSquaredError(double[][] rows, double[] y, double[] w) {
    if (w == null) {
      return meanSquaredError(rows, y);
    }
    double[] pred = predict(rows);
    double s = 0;
    double total = 0;
    for (int i = 0; i < y.length; i++) {
      double e = pred[i] - y[i];
      s += w[i] * e * e;
      total += w[i];
    }
    return s / total;
  }

  /** The outputs for a batch of input vectors, each of length {@link #nIn()}. */
  public double[] predict(double[][] rows) {
    double[] out = new double[rows.length];
    predict(rows, out);
    return out;
  }

  /** Writes the outputs for {@code rows} into {@code out[0 .. rows.length - 1]}. */
  public void predict(double[][] rows, double[] out) {
    if (out.length < rows.length) {
      throw new IllegalArgumentException("output array has length " + out.length
          + ", need " + rows.length);
    }
    CompiledMlp c = compiled();
    double[] buffer = new double[c.bufferSize()];
    for (int r = 0; r < rows.length; r++) {
      checkRow(rows[r], r);
      out[r] = c.predict(rows[r], buffer);
    }
  }

  private void checkRow(double[] x, int row) {
    if (x.length != nIn) {
      throw new IllegalArgumentException("input row " + row + " has " + x.length
          + " values, the network has " + nIn + " inputs");
    }
  }

  /** The compiled form (tests and diagnostics). */
  CompiledMlp compiledForm() {
    return compiled();
  }

  // ---------------------------------------------------------------- canonical form, counts

  /**
   * The canonical form of this network: weights into and out of inactive neurons and their
   * biases set to 0. It computes the same function. Activations of inactive neurons are kept
   * (they have no effect). Returns this network if it is already in canonical form.
   */
  public SparseMlp pruned() {
    int h = layout.maxNeurons();
    double[] w = weights.clone();
    double[] b = biases.clone();
    boolean changed = false;
    for (int l = 0; l < k; l++) {
      for (int j = 0; j < h; j++) {
        if (active[l * h + j]) {
          continue;
        }
        if (b[l * h + j] != 0) {
          b[l * h + j] = 0.0;
          changed = true;
        }
        int rows = layout.weightRows(nIn, l);
        for (int i = 0; i < rows; i++) {
          int idx = weightIndex(l, i, j);
          changed |= w[idx] != 0;
          w[idx] = 0.0;
        }
        int cols = layout.weightColumns(k, l + 1);
        for (int i = 0; i < cols; i++) {
          int idx = weightIndex(l + 1, j, i);
          changed |= w[idx] != 0;
          w[idx] = 0.0;
        }
      }
    }
    if (!changed) {
      return this;
    }
    return new SparseMlp(layout, nIn, k, w, b, outputBias, activations.clone(), active.clone());
  }

  /**
   * This network reduced to the neurons its prediction uses: {@link #withoutDeadEnds()}, then
   * every active neuron that no live unit feeds through a non-zero weight, a constant {@code
   * act(bias)}, folded into what it feeds: each target's bias (or the output bias) gains {@code
   * weight * act(bias)} and the neuron is made inactive, first layer first so that folds
   * cascade; a layer's last active neuron stays. It computes the same function, up to the
   * rounding of that one product and sum. The search, the selection and the counts use this
   * form. Returns this network if it is already reduced and in canonical form.
   *
   * <p>Why the folds: pruning removes a neuron's input weights one by one and can leave its
   * bias, a neuron that costs its bias and its output weights for a constant that the next
   * layer's biases already hold (README's demo on Booth: 18 non-zeros, 16 once folded).
   *
   * @return the reduced network
   */
  public SparseMlp reduced() {
    return withoutDeadEnds().withConstantsFolded();
  }

  private SparseMlp withConstantsFolded() {
    int h = layout.maxNeurons();
    double[] w = null;
    double[] b = null;
    boolean[] act = null;
    double outBias = outputBias;
    for (int l = 0; l < k; l++) {
      for (int j = 0; j < h; j++) {
        boolean[] a = act == null ? active : act;
        double[] ws = w == null ? weights : w;
        if (!a[l * h + j] || countActive(a, l) <= 1) {
          continue;
        }
        boolean fed = false;
        int rows = layout.weightRows(nIn, l);
        for (int i = 0; i < rows && !fed; i++) {
          fed = ws[weightIndex(l, i, j)] != 0 && (l == 0 || a[(l - 1) * h + i]);
        }
        if (fed) {
          continue;
        }
        if (w == null) {
          w = weights.clone();
          b = biases.clone();
          act = active.clone();
        }
        double c = activations[l * h + j].apply(b[l * h + j]);
        int cols = layout.weightColumns(k, l + 1);
        for (int m = 0; m < cols; m++) {
          int idx = weightIndex(l + 1, j, m);
          if (w[idx] == 0) {
            continue;
          }
          if (l == k - 1) {
            outBias += w[idx] * c;
          } else if (act[(l + 1) * h + m]) {
            b[(l + 1) * h + m] += w[idx] * c;
          }
        }
        act[l * h + j] = false;
      }
    }
    if (w == null) {
      return this;
    }
    return new SparseMlp(layout, nIn, k, w, b, outBias, activations.clone(), act).pruned();
  }

  private int countActive(boolean[] a, int layer) {
    int h = layout.maxNeurons();
    int n = 0;
    for (int j = 0; j < h; j++) {
      n += a[layer * h + j] ? 1 : 0;
    }
    return n;
  }

  /**
   * This network without dead ends: every active hidden neuron whose output reaches no active
   * neuron of the next layer (or, in the last hidden layer, the output) through a non-zero
   * weight is made inactive, last layer first so that removals cascade, and the result is
   * {@link #pruned()}. It computes the same function. Returns this network if it has no dead
   * end and is in canonical form. ({@link #reduced()} also folds constant neurons.)
   *
   * @return the network without dead ends
   */
  public SparseMlp withoutDeadEnds() {
    SparseMlp p = pruned();
    int h = layout.maxNeurons();
    boolean[] act = p.active.clone();
    boolean changed = false;
    for (int l = k - 1; l >= 0; l--) {
      for (int j = 0; j < h; j++) {
        if (!act[l * h + j]) {
          continue;
        }
        boolean feeds = l == k - 1 && p.weights[weightIndex(k, j, 0)] != 0;
        for (int m = 0; l < k - 1 && m < h && !feeds; m++) {
          feeds = act[(l + 1) * h + m] && p.weights[weightIndex(l + 1, j, m)] != 0;
        }
        if (!feeds) {
          act[l * h + j] = false;
          changed = true;
        }
      }
    }
    if (!changed) {
      return p;
    }
    return new SparseMlp(layout, nIn, k, p.weights.clone(), p.biases.clone(), p.outputBias,
        p.activations.clone(), act).pruned();
  }

  /** Whether unit {@code i} of layer {@code t} is a live source (an input or active neuron). */
  private boolean liveSource(int t, int i) {
    return t == 0 || active[(t - 1) * layout.maxNeurons() + i];
  }

  /** Whether unit {@code j} of layer {@code t + 1} is a live target (active neuron, output). */
  private boolean liveTarget(int t, int j) {
    return t == k || active[t * layout.maxNeurons() + j];
  }

  /**
   * The number of non-zero weights on live connections: from an input or an active neuron to
   * an active neuron or the output.
   */
  public int nonZeroWeights() {
    int count = 0;
    for (int t = 0; t <= k; t++) {
      int rows = layout.weightRows(nIn, t);
      int cols = layout.weightColumns(k, t);
      for (int i = 0; i < rows; i++) {
        if (!liveSource(t, i)) {
          continue;
        }
        int base = weightIndex(t, i, 0);
        for (int j = 0; j < cols; j++) {
          if (weights[base + j] != 0 && liveTarget(t, j)) {
            count++;
          }
        }
      }
    }
    return count;
  }

  /** The number of active neurons in hidden layer {@code layer}. */
  public int activeNeurons(int layer) {
    layout.checkHiddenLayer(k, layer);
    int h = layout.maxNeurons();
    int count = 0;
    for (int j = 0; j < h; j++) {
      if (active[layer * h + j]) {
        count++;
      }
    }
    return count;
  }

  /** The number of active neurons over all hidden layers. */
  public int activeNeuronCount() {
    int count = 0;
    for (boolean a : active) {
      if (a) {
        count++;
      }
    }
    return count;
  }

  /**
   * The non-zero parameter count the paper reports (docs/METHOD.md section 3): the non-zero weights
   * on live connections ({@link #nonZeroWeights()}), plus the non-zero biases of active hidden
   * neurons, plus 1 if the output bias is non-zero. Zero biases are not counted, in line with
   * counting non-zero weights; biases of inactive neurons never count.
   */
  public int nonZeroCount() {
    int count = nonZeroWeights();
    for (int s = 0; s < biases.length; s++) {
      if (active[s] && biases[s] != 0) {
        count++;
      }
    }
    return count + (outputBias != 0 ? 1 : 0);
  }

  /**
   * The number of weights and biases of the dense network with the same number of active
   * neurons per hidden layer: {@code sum a_t a_(t+1)} over transitions plus {@code sum a_l}
   * over hidden layers plus 1 (output bias), where {@code a_0 = nIn} and the output has 1.
   */
  public int denseParameterCount() {
    int count = 1;
    int previous = nIn;
    for (int l = 0; l < k; l++) {
      int a = activeNeurons(l);
      count += previous * a + a;
      previous = a;
    }
    return count + previous;
  }

  // ---------------------------------------------------------------- Object

  @Override
  public boolean equals(Object o) {
    if (this == o) {
      return true;
    }
    if (!(o instanceof SparseMlp)) {
      return false;
    }
    SparseMlp m = (SparseMlp) o;
    return nIn == m.nIn && k == m.k && layout.equals(m.layout)
        && Double.compare(outputBias, m.outputBias) == 0
        && Arrays.equals(weights, m.weights) && Arrays.equals(biases, m.biases)
        && Arrays.equals(activations, m.activations) && Arrays.equals(active, m.active);
  }

  @Override
  public int hashCode() {
    int hash = Objects.hash(layout, nIn, k, outputBias);
    hash = 31 * hash + Arrays.hashCode(weights);
    hash = 31 * hash + Arrays.hashCode(biases);
    hash = 31 * hash + Arrays.hashCode(activations);
    return 31 * hash + Arrays.hashCode(active);
  }

  /**
   * A readable description. The first line is the architecture, e.g.
   * {@code 2 -> 3 [tanh, tanh, sigmoid] -> 2 [leaky, tanh] -> 1, non-zero 11 of 20}: inputs,
   * active neurons per hidden layer with their activations, the output, then
   * {@link #nonZeroCount()} of {@link #denseParameterCount()}. Then one line per active neuron
   * and one for the output, as formulas over the live non-zero weights; {@code x2} is input 2,
   * {@code h1.4} neuron slot 4 of hidden layer 1 (layers counted from 1 here). {@link
   * swatnn.selection.NetworkModel} seeds its refits' fresh starts by this text, so its format
   * is part of every result: change it and the refits draw other starts. The model text uses
   * {@link #formula} instead, whose format is free to change.
   */
  @Override
  public String toString() {
    return describe(null, "y", SparseMlp::format, false);
  }

  /**
   * The network as a reader gets it (the model text): the same first line, then the same
   * formulas with the inputs named ({@code names[i]}, quoted with single quotes when it is not
   * a plain identifier), the output written {@code output}, every number written by {@code
   * number}, and each neuron named by {@link #neuronName}: {@code h1.3} is the third active
   * neuron of hidden layer 1, whatever its slot in the fixed-size matrix.
   *
   * @param names one name per input ({@link #nIn()} of them)
   * @param output the output's symbol, e.g. "y"
   * @param number how a weight or bias is written, e.g. to a number of decimal places
   * @return the description, lines separated by a newline, without a final one
   * @throws IllegalArgumentException if there are fewer names than inputs
   */
  public String formula(String[] names, String output, DoubleFunction<String> number) {
    if (names.length < nIn) {
      throw new IllegalArgumentException(names.length + " names for " + nIn + " inputs");
    }
    return describe(names, output, number, true);
  }

  /**
   * The name of an active neuron in {@link #formula}: {@code h<layer>.<n>}, layers and neurons
   * counted from 1, {@code n} its place among its layer's active neurons in slot order.
   *
   * @param layer hidden layer, 0-based
   * @param slot its slot in the layer, 0-based
   * @return e.g. {@code h2.1}
   * @throws IllegalArgumentException if that neuron is not active
   */
  public String neuronName(int layer, int slot) {
    if (!isActive(layer, slot)) {
      throw new IllegalArgumentException("neuron slot " + slot + " of hidden layer " + layer
          + " is not active");
    }
    int n = 0;
    for (int j = 0; j <= slot; j++) {
      n += active[layer * layout.maxNeurons() + j] ? 1 : 0;
    }
    return "h" + (layer + 1) + "." + n;
  }

  private String describe(String[] names, String output, DoubleFunction<String> number,
      boolean byOrder) {
    int h = layout.maxNeurons();
    StringBuilder sb = new StringBuilder();
    sb.append(nIn);
    for (int l = 0; l < k; l++) {
      sb.append(" -> ").append(activeNeurons(l)).append(" [");
      String sep = "";
      for (int j = 0; j < h; j++) {
        if (active[l * h + j]) {
          sb.append(sep).append(activations[l * h + j].shortName());
          sep = ", ";
        }
      }
      sb.append(']');
    }
    sb.append(" -> 1, non-zero ").append(nonZeroCount()).append(" of ")
        .append(denseParameterCount());
    for (int t = 0; t <= k; t++) {
      int cols = layout.weightColumns(k, t);
      for (int j = 0; j < cols; j++) {
        if (!liveTarget(t, j)) {
          continue;
        }
        sb.append('\n');
        if (t == k) {
          sb.append(output).append(" = ");
        } else {
          sb.append(unitName(t + 1, j, names, byOrder)).append(" = ")
              .append(activations[t * h + j].shortName()).append('(');
        }
        appendSum(sb, t, j, t == k ? outputBias : biases[t * h + j], names, number, byOrder);
        if (t < k) {
          sb.append(')');
        }
      }
    }
    return sb.toString();
  }

  private void appendSum(StringBuilder sb, int t, int j, double bias, String[] names,
      DoubleFunction<String> number, boolean byOrder) {
    boolean first = true;
    int rows = layout.weightRows(nIn, t);
    for (int i = 0; i < rows; i++) {
      double w = weights[weightIndex(t, i, j)];
      if (w == 0 || !liveSource(t, i)) {
        continue;
      }
      appendTerm(sb, w, first, number);
      sb.append(' ').append(unitName(t, i, names, byOrder));
      first = false;
    }
    if (bias != 0 || first) {
      appendTerm(sb, bias, first, number);
    }
  }

  private static void appendTerm(StringBuilder sb, double value, boolean first,
      DoubleFunction<String> number) {
    if (first) {
      sb.append(number.apply(value));
    } else {
      sb.append(value < 0 ? " - " : " + ").append(number.apply(Math.abs(value)));
    }
  }

  /**
   * Unit i of layer {@code layer} (0 the inputs, hidden layers from 1): the input's name (x<i>
   * without names), or the neuron's name, by its order among the active ones or by its slot.
   */
  private String unitName(int layer, int i, String[] names, boolean byOrder) {
    if (layer == 0) {
      return names != null && i < names.length ? inputName(names[i]) : "x" + i;
    }
    return byOrder ? neuronName(layer - 1, i) : "h" + layer + "." + i;
  }

  /** An input's name, quoted when it is not a plain identifier. */
  private static String inputName(String name) {
    return name.matches("[A-Za-z_][A-Za-z0-9_.]*") ? name : "'" + name.replace("'", "\\'") + "'";
  }

  /** Up to 6 significant digits without trailing zeros. */
  static String format(double v) {
    if (v == Math.rint(v) && Math.abs(v) < 1e6) {
      return Long.toString((long) v);
    }
    return NumberText.significant(v, 6);
  }

  private void readObject(ObjectInputStream in) throws IOException, ClassNotFoundException {
    in.defaultReadObject();
    try {
      checkStructure();
    } catch (IllegalArgumentException e) {
      InvalidObjectException ioe = new InvalidObjectException("corrupt SparseMlp: "
          + e.getMessage());
      ioe.initCause(e);
      throw ioe;
    }
  }

  /**
   * Collects the values of a {@link SparseMlp}. Starts with all weights and biases 0 and all
   * neurons inactive with activation {@link Activation#SIGMOID}; every setter validates its
   * indices and rejects non-finite values. {@link #build()} copies, so a builder can be reused.
   */
  public static final class Builder {
    private final MlpLayout layout;
    private final int nIn;
    private final int k;
    private final double[] weights;
    private final double[] biases;
    private final Activation[] activations;
    private final boolean[] active;
    private double outputBias;

    private Builder(MlpLayout layout, int nIn, int k) {
      Objects.requireNonNull(layout, "layout");
      layout.checkInputs(nIn);
      layout.checkHiddenLayers(k);
      this.layout = layout;
      this.nIn = nIn;
      this.k = k;
      int slots = k * layout.maxNeurons();
      this.weights = new double[weightCount(layout, nIn, k)];
      this.biases = new double[slots];
      this.activations = new Activation[slots];
      Arrays.fill(activations, Activation.SIGMOID);
      this.active = new boolean[slots];
    }

    /** Sets the weight of transition {@code t} from {@code from} to {@code to}. */
    public Builder weight(int t, int from, int to, double value) {
      checkWeight(layout, nIn, k, t, from, to);
      weights[weightIndex(layout, nIn, k, t, from, to)] = finite(value, "weight");
      return this;
    }

    /** Sets the weight from neuron {@code from} of the last hidden layer to the output. */
    public Builder outputWeight(int from, double value) {
      return weight(k, from, 0, value);
    }

    /** Sets the bias of neuron {@code j} of hidden layer {@code layer}. */
    public Builder bias(int layer, int j, double value) {
      biases[slotIndex(layout, k, layer, j)] = finite(value, "bias");
      return this;
    }

    /** Sets the output bias. */
    public Builder outputBias(double value) {
      outputBias = finite(value, "output bias");
      return this;
    }

    /** Sets the activation of neuron {@code j} of hidden layer {@code layer}. */
    public Builder activation(int layer, int j, Activation value) {
      activations[slotIndex(layout, k, layer, j)] = Objects.requireNonNull(value, "activation");
      return this;
    }

    /** Sets whether neuron {@code j} of hidden layer {@code layer} is active. */
    public Builder active(int layer, int j, boolean value) {
      active[slotIndex(layout, k, layer, j)] = value;
      return this;
    }

    /** Makes neuron {@code j} of hidden layer {@code layer} active with the given values. */
    public Builder neuron(int layer, int j, Activation activation, double bias) {
      return active(layer, j, true).activation(layer, j, activation).bias(layer, j, bias);
    }

    /** The network described so far. */
    public SparseMlp build() {
      return new SparseMlp(layout, nIn, k, weights.clone(), biases.clone(), outputBias,
          activations.clone(), active.clone());
    }

    private static double finite(double value, String what) {
      if (!Double.isFinite(value)) {
        throw new IllegalArgumentException(what + " must be finite, got " + value);
      }
      return value;
    }
  }
}
