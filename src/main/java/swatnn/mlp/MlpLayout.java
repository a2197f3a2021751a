package swatnn.mlp;

import java.io.Serializable;

/**
 * The shape bounds of the networks this package handles and all column arithmetic of the
 * fixed-size matrix form of docs/METHOD.md section 1.
 *
 * <p>A network has {@code nIn} inputs (1..H), {@code k} hidden layers (1..L) of H neuron slots
 * each, and one linear output. Its matrix has H rows; transition {@code t} (0..k) goes from
 * layer {@code t} (0 = inputs) to layer {@code t + 1} (k + 1 = output). For a k-hidden-layer
 * network the columns are:
 *
 * <pre>
 *   for t = 0..k-1:  H weight columns | 1 bias column | 3 activation columns (one-hot)
 *   output:          H weight columns (only the first is real) | 1 bias column (row 0 real)
 *   masks:           k columns, one per hidden layer
 * </pre>
 *
 * so {@code width(k) = k (H + 1 + 3) + (H + 1) + k}. Hidden layers are numbered 0..k-1 here
 * (hidden layer {@code l} is the target of transition {@code l}).
 *
 * @param maxNeurons H, the number of neuron slots per hidden layer (and the maximum nIn)
 * @param maxHiddenLayers L, the maximum number of hidden layers
 */
public record MlpLayout(int maxNeurons, int maxHiddenLayers) implements Serializable {

  private static final long serialVersionUID = 1L;

  /** Sanity bounds that keep every width and index far from int overflow. */
  private static final int NEURON_LIMIT = 1024;

  private static final int LAYER_LIMIT = 256;

  /** The paper's layout: H = 7 neurons per hidden layer, L = 4 hidden layers. */
  public static final MlpLayout DEFAULT = new MlpLayout(7, 4);

  /** Validates H and L. */
  public MlpLayout {
    if (maxNeurons < 1 || maxNeurons > NEURON_LIMIT) {
      throw new IllegalArgumentException("maxNeurons (H) must be in 1.." + NEURON_LIMIT
          + ", got " + maxNeurons);
    }
    if (maxHiddenLayers < 1 || maxHiddenLayers > LAYER_LIMIT) {
      throw new IllegalArgumentException("maxHiddenLayers (L) must be in 1.." + LAYER_LIMIT
          + ", got " + maxHiddenLayers);
    }
  }

  /** Columns per hidden transition: H weights, one bias, one per activation function. */
  private int hiddenBlockWidth() {
    return maxNeurons + 1 + Activation.count();
  }

  /** The number of matrix columns of a network with {@code k} hidden layers. */
  public int width(int k) {
    checkHiddenLayers(k);
    return k * hiddenBlockWidth() + (maxNeurons + 1) + k;
  }

  /** The matrix width of an L-hidden-layer network, to which every encoded matrix is padded. */
  public int maxWidth() {
    return width(maxHiddenLayers);
  }

  /** First column of transition {@code t}'s weight block (t = k is the output block). */
  public int weightBlockOffset(int k, int t) {
    checkTransition(k, t);
    return t * hiddenBlockWidth();
  }

  /** The bias column of transition {@code t} (t = k is the output bias column). */
  public int biasColumn(int k, int t) {
    return weightBlockOffset(k, t) + maxNeurons;
  }

  /** First of the activation columns of hidden transition {@code t} (0..k-1). */
  public int activationOffset(int k, int t) {
    checkHiddenLayers(k);
    if (t < 0 || t >= k) {
      throw new IllegalArgumentException("activation columns exist for transitions 0.."
          + (k - 1) + " of a " + k + "-hidden-layer network, got transition " + t);
    }
    return weightBlockOffset(k, t) + maxNeurons + 1;
  }

  /** First column of the output weight block (only its first column is real). */
  public int outputBlockOffset(int k) {
    return weightBlockOffset(k, k);
  }

  /** The output bias column (only its row 0 is real). */
  public int outputBiasColumn(int k) {
    return biasColumn(k, k);
  }

  /** The neuron-mask column of hidden layer {@code l} (0..k-1). */
  public int maskColumn(int k, int l) {
    checkHiddenLayer(k, l);
    return outputBiasColumn(k) + 1 + l;
  }

  /** Rows of transition {@code t}'s weight block that are real: nIn for t = 0, else H. */
  public int weightRows(int nIn, int t) {
    return t == 0 ? nIn : maxNeurons;
  }

  /** Columns of transition {@code t}'s weight block that are real: 1 for t = k, else H. */
  public int weightColumns(int k, int t) {
    return t == k ? 1 : maxNeurons;
  }

  /** Throws unless {@code nIn} is a valid number of inputs (1..H). */
  public void checkInputs(int nIn) {
    if (nIn < 1 || nIn > maxNeurons) {
      throw new IllegalArgumentException(
          "number of inputs must be in 1.." + maxNeurons + " (H), got " + nIn);
    }
  }

  /** Throws unless {@code k} is a valid number of hidden layers (1..L). */
  public void checkHiddenLayers(int k) {
    if (k < 1 || k > maxHiddenLayers) {
      throw new IllegalArgumentException(
          "number of hidden layers must be in 1.." + maxHiddenLayers + " (L), got " + k);
    }
  }

  /** Throws unless {@code t} is a transition (0..k) of a k-hidden-layer network. */
  public void checkTransition(int k, int t) {
    checkHiddenLayers(k);
    if (t < 0 || t > k) {
      throw new IllegalArgumentException("transition must be in 0.." + k + " for a " + k
          + "-hidden-layer network, got " + t);
    }
  }

  /** Throws unless {@code l} is a hidden layer (0..k-1) of a k-hidden-layer network. */
  public void checkHiddenLayer(int k, int l) {
    checkHiddenLayers(k);
    if (l < 0 || l >= k) {
      throw new IllegalArgumentException("hidden layer must be in 0.." + (k - 1) + " for a "
          + k + "-hidden-layer network, got " + l);
    }
  }

  /** Throws unless {@code j} is a neuron slot (0..H-1). */
  public void checkNeuron(int j) {
    if (j < 0 || j >= maxNeurons) {
      throw new IllegalArgumentException(
          "neuron index must be in 0.." + (maxNeurons - 1) + ", got " + j);
    }
  }

  @Override
  public String toString() {
    return "MlpLayout[H=" + maxNeurons + ", L=" + maxHiddenLayers + "]";
  }
}
