package swatnn.mlp;

import java.util.Arrays;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicReferenceArray;

/**
 * Converts between {@link SparseMlp} and the fixed-size matrix form of docs/METHOD.md section 1,
 * for one {@link MlpLayout}. Thread-safe.
 *
 * <p>Encoded matrices have H rows and {@link MlpLayout#maxWidth()} columns: a k-hidden-layer
 * network fills the first {@code width(k)} columns and is padded with zeros on the right.
 * Activation columns are one-hot, mask columns 0/1. The validity channel marks real entries
 * with 1 and padding with 0; padding is: input rows nIn..H-1 of transition 0's weight block,
 * columns 1..H-1 of the output weight block, rows 1..H-1 of the output bias column, and every
 * column from {@code width(k)} on.
 */
public final class MlpMatrixCodec {

  private final MlpLayout layout;
  private final int h;
  private final int maxWidth;
  /** Flat H x maxWidth validity per (nIn, k), built on first use. */
  private final AtomicReferenceArray<float[]> validityCache;

  /** A codec for {@code layout}. */
  public MlpMatrixCodec(MlpLayout layout) {
    this.layout = Objects.requireNonNull(layout, "layout");
    this.h = layout.maxNeurons();
    this.maxWidth = layout.maxWidth();
    this.validityCache = new AtomicReferenceArray<>((h + 1) * (layout.maxHiddenLayers() + 1));
  }

  /** The layout this codec handles. */
  public MlpLayout layout() {
    return layout;
  }

  /** Length of one token of {@link #encodeTokens(SparseMlp)}: values then validity. */
  public int tokenWidth() {
    return 2 * maxWidth;
  }

  /** Length of {@link #encodeTokens(SparseMlp)}: H tokens. */
  public int tokensLength() {
    return h * tokenWidth();
  }

  /** Receives the non-zero entries of an encoded matrix. */
  @FunctionalInterface
  private interface Sink {
    void set(int row, int column, double value);
  }

  // ---------------------------------------------------------------- encoding

  /** The H x maxWidth value matrix of {@code mlp}. */
  public double[][] encode(SparseMlp mlp) {
    double[][] out = new double[h][maxWidth];
    write(mlp, (r, c, v) -> out[r][c] = v);
    return out;
  }

  /** Writes the value matrix of {@code mlp} into {@code out} (H x maxWidth, overwritten). */
  public void encodeInto(SparseMlp mlp, double[][] out) {
    checkShape(out, "output matrix", maxWidth, maxWidth);
    for (double[] row : out) {
      Arrays.fill(row, 0.0);
    }
    write(mlp, (r, c, v) -> out[r][c] = v);
  }

  /**
   * The H x maxWidth validity channel of a network with {@code nIn} inputs and {@code k}
   * hidden layers: 1 where an entry is real, 0 where it is padding.
   */
  public double[][] validity(int nIn, int k) {
    float[] flat = validityFlat(nIn, k);
    double[][] out = new double[h][maxWidth];
    for (int r = 0; r < h; r++) {
      for (int c = 0; c < maxWidth; c++) {
        out[r][c] = flat[r * maxWidth + c];
      }
    }
    return out;
  }

  /**
   * The encoder input for {@code mlp}: H tokens, row-major, token h = value row h
   * (maxWidth numbers) followed by validity row h (maxWidth numbers).
   */
  public float[] encodeTokens(SparseMlp mlp) {
    float[] out = new float[tokensLength()];
    encodeTokensInto(mlp, out, 0);
    return out;
  }

  /**
   * Writes {@link #encodeTokens(SparseMlp)} into {@code out[offset .. offset +
   * tokensLength() - 1]} (overwritten), for assembling batches without copies.
   */
  public void encodeTokensInto(SparseMlp mlp, float[] out, int offset) {
    if (offset < 0 || out.length - offset < tokensLength()) {
      throw new IllegalArgumentException("token array of length " + out.length
          + " cannot take " + tokensLength() + " values at offset " + offset);
    }
    float[] valid = validityFlat(mlp.nIn(), mlp.hiddenLayers());
    int stride = tokenWidth();
    for (int r = 0; r < h; r++) {
      int base = offset + r * stride;
      Arrays.fill(out, base, base + maxWidth, 0f);
      System.arraycopy(valid, r * maxWidth, out, base + maxWidth, maxWidth);
    }
    write(mlp, (r, c, v) -> out[offset + r * stride + c] = (float) v);
  }

  /** Passes every non-zero entry of {@code mlp}'s value matrix to {@code sink}. */
  private void write(SparseMlp mlp, Sink sink) {
    checkLayout(mlp);
    int nIn = mlp.nIn();
    int k = mlp.hiddenLayers();
    double[] weights = mlp.rawWeights();
    double[] biases = mlp.rawBiases();
    Activation[] activations = mlp.rawActivations();
    boolean[] active = mlp.rawActive();
    for (int t = 0; t <= k; t++) {
      int block = layout.weightBlockOffset(k, t);
      int rows = layout.weightRows(nIn, t);
      int cols = layout.weightColumns(k, t);
      int index = mlp.weightIndex(t, 0, 0);
      for (int i = 0; i < rows; i++) {
        for (int j = 0; j < cols; j++, index++) {
          if (weights[index] != 0) {
            sink.set(i, block + j, weights[index]);
          }
        }
      }
    }
    for (int l = 0; l < k; l++) {
      int biasColumn = layout.biasColumn(k, l);
      int activationOffset = layout.activationOffset(k, l);
      int maskColumn = layout.maskColumn(k, l);
      for (int j = 0; j < h; j++) {
        int slot = l * h + j;
        if (biases[slot] != 0) {
          sink.set(j, biasColumn, biases[slot]);
        }
        sink.set(j, activationOffset + activations[slot].ordinal(), 1.0);
        if (active[slot]) {
          sink.set(j, maskColumn, 1.0);
        }
      }
    }
    if (mlp.outputBias() != 0) {
      sink.set(0, layout.outputBiasColumn(k), mlp.outputBias());
    }
  }

  private float[] validityFlat(int nIn, int k) {
    layout.checkInputs(nIn);
    layout.checkHiddenLayers(k);
    int key = k * (h + 1) + nIn;
    float[] cached = validityCache.get(key);
    if (cached != null) {
      return cached;
    }
    float[] flat = new float[h * maxWidth];
    for (int t = 0; t <= k; t++) {
      int block = layout.weightBlockOffset(k, t);
      for (int i = 0; i < layout.weightRows(nIn, t); i++) {
        for (int j = 0; j < layout.weightColumns(k, t); j++) {
          flat[i * maxWidth + block + j] = 1f;
        }
      }
    }
    for (int l = 0; l < k; l++) {
      int activationOffset = layout.activationOffset(k, l);
      for (int j = 0; j < h; j++) {
        flat[j * maxWidth + layout.biasColumn(k, l)] = 1f;
        for (int a = 0; a < Activation.count(); a++) {
          flat[j * maxWidth + activationOffset + a] = 1f;
        }
        flat[j * maxWidth + layout.maskColumn(k, l)] = 1f;
      }
    }
    flat[layout.outputBiasColumn(k)] = 1f;
    validityCache.compareAndSet(key, null, flat);
    return validityCache.get(key);
  }

  // ---------------------------------------------------------------- decoding

  /**
   * The network whose encoding is {@code matrix}: the exact inverse of {@link #encode} for
   * one-hot activation columns and 0/1 masks. The activation is the argmax of the three
   * activation columns (first on ties), a neuron is active when its mask is at least 0.5.
   * Padding entries are ignored. The matrix has H rows of width(k) or maxWidth columns.
   *
   * @throws IllegalArgumentException on a wrong shape or a non-finite real entry
   */
  public SparseMlp decode(double[][] matrix, int nIn, int k) {
    return read(matrix, nIn, k, 0.0, false);
  }

  /**
   * Applies the extraction rule of docs/METHOD.md section 3 to a decoder output {@code out} of
   * H rows and width(k) columns (maxWidth also accepted) holding raw weights, biases,
   * activation logits and mask logits: weights with {@code |w| < threshold} become 0 (biases
   * are not thresholded), a neuron with {@code sigmoid(mask logit) < 0.5} is removed (made
   * inactive, its incoming weights, bias and outgoing weights zeroed), and each activation is
   * the argmax of its logits. Returns the {@link SparseMlp#pruned() pruned} network.
   *
   * @throws IllegalArgumentException on a wrong shape, a non-finite real entry or a negative
   *     or non-finite threshold
   */
  public SparseMlp extract(double[][] decoderOutput, int nIn, int k, double threshold) {
    if (!(threshold >= 0) || Double.isInfinite(threshold)) {
      throw new IllegalArgumentException(
          "threshold must be finite and non-negative, got " + threshold);
    }
    return read(decoderOutput, nIn, k, threshold, true).pruned();
  }

  private SparseMlp read(double[][] m, int nIn, int k, double threshold, boolean logits) {
    layout.checkInputs(nIn);
    layout.checkHiddenLayers(k);
    checkShape(m, "matrix", layout.width(k), maxWidth);
    double[] weights = new double[SparseMlp.weightCount(layout, nIn, k)];
    int index = 0;
    for (int t = 0; t <= k; t++) {
      int block = layout.weightBlockOffset(k, t);
      int rows = layout.weightRows(nIn, t);
      int cols = layout.weightColumns(k, t);
      for (int i = 0; i < rows; i++) {
        for (int j = 0; j < cols; j++) {
          double w = real(m, i, block + j);
          weights[index++] = Math.abs(w) < threshold ? 0.0 : w;
        }
      }
    }
    int slots = k * h;
    double[] biases = new double[slots];
    Activation[] activations = new Activation[slots];
    boolean[] active = new boolean[slots];
    for (int l = 0; l < k; l++) {
      int biasColumn = layout.biasColumn(k, l);
      int activationOffset = layout.activationOffset(k, l);
      int maskColumn = layout.maskColumn(k, l);
      for (int j = 0; j < h; j++) {
        int slot = l * h + j;
        biases[slot] = real(m, j, biasColumn);
        int best = 0;
        double bestValue = real(m, j, activationOffset);
        for (int a = 1; a < Activation.count(); a++) {
          double v = real(m, j, activationOffset + a);
          if (v > bestValue) {
            best = a;
            bestValue = v;
          }
        }
        activations[slot] = Activation.ofIndex(best);
        double mask = real(m, j, maskColumn);
        active[slot] = (logits ? Activation.sigmoid(mask) : mask) >= 0.5;
      }
    }
    double outputBias = real(m, 0, layout.outputBiasColumn(k));
    return new SparseMlp(layout, nIn, k, weights, biases, outputBias, activations, active);
  }

  private static double real(double[][] m, int row, int column) {
    double v = m[row][column];
    if (!Double.isFinite(v)) {
      throw new IllegalArgumentException(
          "matrix entry (" + row + ", " + column + ") is not finite: " + v);
    }
    return v;
  }

  private void checkShape(double[][] m, String what, int width, int alternativeWidth) {
    Objects.requireNonNull(m, what);
    if (m.length != h) {
      throw new IllegalArgumentException(what + " must have " + h + " rows (H), got "
          + m.length);
    }
    for (int r = 0; r < h; r++) {
      if (m[r] == null || (m[r].length != width && m[r].length != alternativeWidth)) {
        throw new IllegalArgumentException(what + " row " + r + " must have "
            + (width == alternativeWidth ? width + "" : width + " or " + alternativeWidth)
            + " columns, got " + (m[r] == null ? "null" : m[r].length));
      }
    }
  }

  private void checkLayout(SparseMlp mlp) {
    if (!mlp.layout().equals(layout)) {
      throw new IllegalArgumentException("network has layout " + mlp.layout()
          + ", this codec handles " + layout);
    }
  }
}
