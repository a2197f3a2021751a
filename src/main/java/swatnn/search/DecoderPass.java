package swatnn.search;

import java.util.Arrays;
import org.nd4j.linalg.api.ndarray.INDArray;
import swatnn.autoencoder.AutoencoderConfig;
import swatnn.autoencoder.AutoencoderModel;

/**
 * The frozen transformer decoders of an autoencoder, forward and backward, on float arrays in
 * one thread: what AutoencoderGraph.decode and TransformerStack compute, for the r restarts of
 * one decoder at a time. The forward pass turns latent points into the decoded matrices; the
 * backward pass turns the decoded matrices' gradient into the latent points' gradient. The
 * weights are frozen, so the backward pass computes input gradients only.
 *
 * <p>Shapes (r restarts, H tokens = neuron slots, d the model's width, ff = mlpRatio d, maxW
 * the decoded matrix's width; rows = r H, the restarts' tokens stacked), flat and row-major:
 *
 * <pre>
 *   z        [L, r, H, d]   the latent points of every decoder; decoder i reads z[i]
 *   x        [rows, d]      the residual stream
 *   qkv      [rows, 3d]     queries, keys, values (head hd: columns hd dh .. (hd+1) dh - 1
 *                           of each third, dh = d / heads)
 *   att      [r, heads, H, H]  attention probabilities (restarts do not attend to each other)
 *   u        [rows, ff]     the block MLP's pre-activation
 *   decoded  [rows, maxW]   = [r, H, maxW]: decoder i's matrix D per restart
 * </pre>
 *
 * <p>Per decoder i: x = z[i] + pos; per block (pre-LayerNorm): x += Wo attn(LN1(x)) + bo with
 * bidirectional multi-head attention, scores scaled by 1/sqrt(dh); x += W2 gelu(W1 LN2(x) + b1)
 * + b2 with ND4J's gelu, u sigmoid(1.702 u); LayerNorm without an epsilon (ND4J's standardize:
 * population std), with a gain and a bias; then the final LayerNorm and the head: D = LNf(x)
 * Whead + bhead.
 *
 * <p>Activations are kept per block for the backward pass, for one decoder: a forward pass must
 * be followed by the backward pass of the same decoder before the next forward pass. Not
 * thread-safe; buffers are allocated once.
 */
final class DecoderPass {
  private final int r;
  private final int h;
  private final int d;
  private final int heads;
  private final int dh;
  private final int ff;
  private final int blocks;
  private final int maxW;
  private final int rows;
  private final DecoderWeights[] weights;

  // activations kept for the backward pass, per block
  private final float[][] xIn;
  private final float[][] xhat1;
  private final float[][] rstd1;
  private final float[][] qkv;
  private final float[][] att;
  private final float[][] xMid;
  private final float[][] xhat2;
  private final float[][] rstd2;
  private final float[][] u;
  private final float[][] geluS;
  private final float[] xhatF;
  private final float[] rstdF;
  // the stream and scratch
  private final float[] x;
  private final float[] a;
  private final float[] merged;
  private final float[] hid;
  private final float[] tmp;
  private final float[] decoded;
  private final double[] scores;
  // backward scratch
  private final float[] dx;
  private final float[] da;
  private final float[] dqkv;
  private final float[] dhid;
  private final float[] dScores;
  private final float[] dDecoded;

  /**
   * @param model the autoencoder; all of its L decoders' weights are copied
   * @param r restarts per pass
   * @param blas whether the matrix products go to OpenBLAS rather than Java loops
   */
  DecoderPass(AutoencoderModel model, int r, boolean blas) {
    AutoencoderConfig c = model.config();
    int l = c.layout().maxHiddenLayers();
    this.r = r;
    this.h = c.layout().maxNeurons();
    this.d = c.dModel();
    this.heads = c.heads();
    this.dh = d / heads;
    this.ff = c.mlpRatio() * d;
    this.blocks = c.decoderBlocks();
    this.maxW = c.layout().maxWidth();
    this.rows = r * h;
    this.weights = new DecoderWeights[l];
    for (int i = 0; i < l; i++) {
      weights[i] = new DecoderWeights(model, i, l, blas);
    }
    int n = rows;
    xIn = new float[blocks][n * d];
    xhat1 = new float[blocks][n * d];
    rstd1 = new float[blocks][n];
    qkv = new float[blocks][n * 3 * d];
    att = new float[blocks][r * heads * h * h];
    xMid = new float[blocks][n * d];
    xhat2 = new float[blocks][n * d];
    rstd2 = new float[blocks][n];
    u = new float[blocks][n * ff];
    geluS = new float[blocks][n * ff];
    xhatF = new float[n * d];
    rstdF = new float[n];
    x = new float[n * d];
    a = new float[n * d];
    merged = new float[n * d];
    hid = new float[n * ff];
    tmp = new float[n * d];
    decoded = new float[n * maxW];
    scores = new double[h];
    dx = new float[n * d];
    da = new float[n * d];
    dqkv = new float[n * 3 * d];
    dhid = new float[n * ff];
    dScores = new float[h];
    dDecoded = new float[n * maxW];
  }

  /**
   * Decoder i's forward pass on its r latent points.
   *
   * @param i the decoder, 0..L-1 (k = i + 1 hidden layers)
   * @param z [L, r, H, d]
   * @return D [r, H, maxW], owned by this pass (valid until the next forward pass)
   */
  float[] forward(int i, float[] z) {
    DecoderWeights wt = weights[i];
    embedForward(wt, z, i * rows * d);
    for (int b = 0; b < blocks; b++) {
      attentionBlockForward(wt, b);
      mlpBlockForward(wt, b);
    }
    layernormForward(x, xhatF, rstdF, wt.lnfg, wt.lnfb, a);
    wt.head.apply(a, wt.headB, decoded);
    return decoded;
  }

  /**
   * The buffer for dLoss/dD [r, H, maxW] that {@link #backward} reads; the caller fills it
   * (every entry: the buffer keeps the previous pass's values).
   */
  float[] decodedGradient() {
    return dDecoded;
  }

  /**
   * Decoder i's backward pass: {@link #decodedGradient()} back to dLoss/dz[i], after
   * {@link #forward}(i, z).
   *
   * @param i the decoder of the last forward pass
   * @param dz [L, r, H, d]; its slice i is overwritten, the others are not touched
   */
  void backward(int i, float[] dz) {
    DecoderWeights wt = weights[i];
    wt.headBack.apply(dDecoded, null, da);
    Arrays.fill(dx, 0f);
    layernormBackward(da, xhatF, rstdF, wt.lnfg, dx);
    for (int b = blocks - 1; b >= 0; b--) {
      mlpBlockBackward(wt, b);
      attentionBlockBackward(wt, b);
    }
    System.arraycopy(dx, 0, dz, i * rows * d, rows * d);
  }

  /** x [rows, d] = z[i] + pos, the position embedding [H, d] repeated per restart. */
  private void embedForward(DecoderWeights wt, float[] z, int base) {
    for (int row = 0; row < rows; row++) {
      int j = row % h;
      for (int c = 0; c < d; c++) {
        x[row * d + c] = z[base + row * d + c] + wt.pos[j * d + c];
      }
    }
  }

  /** x += Wo attn(LN1(x)) + bo, keeping block b's input, LayerNorm, qkv and probabilities. */
  private void attentionBlockForward(DecoderWeights wt, int b) {
    int n = rows * d;
    System.arraycopy(x, 0, xIn[b], 0, n);
    layernormForward(x, xhat1[b], rstd1[b], wt.ln1g[b], wt.ln1b[b], a);
    wt.qkvW[b].apply(a, wt.bqkv[b], qkv[b]);
    attentionForward(qkv[b], att[b], merged);
    wt.outW[b].apply(merged, wt.bo[b], tmp);
    for (int e = 0; e < n; e++) {
      x[e] += tmp[e];
    }
  }

  /** x += W2 gelu(W1 LN2(x) + b1) + b2, keeping block b's input, LayerNorm, u and gelu's s. */
  private void mlpBlockForward(DecoderWeights wt, int b) {
    int n = rows * d;
    System.arraycopy(x, 0, xMid[b], 0, n);
    layernormForward(x, xhat2[b], rstd2[b], wt.ln2g[b], wt.ln2b[b], a);
    float[] ub = u[b];
    wt.w1[b].apply(a, wt.b1[b], ub);
    geluForward(ub, geluS[b], hid);
    wt.w2[b].apply(hid, wt.b2[b], tmp);
    for (int e = 0; e < n; e++) {
      x[e] += tmp[e];
    }
  }

  /** Block b's MLP backward: dx [rows, d] += the gradient through W2 gelu(W1 LN2(x) + b1). */
  private void mlpBlockBackward(DecoderWeights wt, int b) {
    wt.w2Back[b].apply(dx, null, dhid);
    geluBackward(u[b], geluS[b], dhid);
    wt.w1Back[b].apply(dhid, null, da);
    layernormBackward(da, xhat2[b], rstd2[b], wt.ln2g[b], dx);
  }

  /** Block b's attention backward: dx [rows, d] += the gradient through Wo attn(LN1(x)). */
  private void attentionBlockBackward(DecoderWeights wt, int b) {
    wt.outBack[b].apply(dx, null, merged); // d merged
    attentionBackward(qkv[b], att[b], merged, dqkv);
    wt.qkvBack[b].apply(dqkv, null, da);
    layernormBackward(da, xhat1[b], rstd1[b], wt.ln1g[b], dx);
  }

  /** hid [rows, ff] = u sigmoid(1.702 u) (ND4J's gelu), keeping the sigmoid s. */
  private void geluForward(float[] ub, float[] s, float[] out) {
    for (int e = 0; e < rows * ff; e++) {
      float v = ub[e];
      float sv = (float) sigmoid(1.702 * v);
      s[e] = sv;
      out[e] = v * sv;
    }
  }

  /** dhid [rows, ff] *= gelu'(u) = s + 1.702 u s (1 - s), in place. */
  private void geluBackward(float[] ub, float[] s, float[] dhidIo) {
    for (int e = 0; e < rows * ff; e++) {
      double v = ub[e];
      double sv = s[e];
      dhidIo[e] = (float) (dhidIo[e] * (sv + 1.702 * v * sv * (1 - sv)));
    }
  }

  /**
   * out [rows, d] = LN(in) gain + bias per row, keeping x-hat [rows, d] and 1/std [rows] (no
   * epsilon, as ND4J's standardize).
   */
  private void layernormForward(float[] in, float[] xhat, float[] rstd, float[] gain,
      float[] bias, float[] out) {
    for (int row = 0; row < rows; row++) {
      int o = row * d;
      double mean = 0;
      for (int c = 0; c < d; c++) {
        mean += in[o + c];
      }
      mean /= d;
      double var = 0;
      for (int c = 0; c < d; c++) {
        double e = in[o + c] - mean;
        var += e * e;
      }
      double inv = 1 / Math.sqrt(var / d);
      rstd[row] = (float) inv;
      for (int c = 0; c < d; c++) {
        float xh = (float) ((in[o + c] - mean) * inv);
        xhat[o + c] = xh;
        out[o + c] = xh * gain[c] + bias[c];
      }
    }
  }

  /** acc [rows, d] += the input gradient of LN(x) gain + bias for the output gradient dOut. */
  private void layernormBackward(float[] dOut, float[] xhat, float[] rstd, float[] gain,
      float[] acc) {
    for (int row = 0; row < rows; row++) {
      int o = row * d;
      double sum = 0;
      double dot = 0;
      for (int c = 0; c < d; c++) {
        double gx = dOut[o + c] * gain[c];
        sum += gx;
        dot += gx * xhat[o + c];
      }
      sum /= d;
      dot /= d;
      double inv = rstd[row];
      for (int c = 0; c < d; c++) {
        double gx = dOut[o + c] * gain[c];
        acc[o + c] += (float) (inv * (gx - sum - xhat[o + c] * dot));
      }
    }
  }

  /**
   * Bidirectional multi-head self-attention of each restart's H tokens: out [rows, d] (heads
   * side by side) from qkvIn [rows, 3d], keeping the probabilities [r, heads, H, H].
   */
  private void attentionForward(float[] qkvIn, float[] probs, float[] out) {
    double scale = 1.0 / Math.sqrt(dh);
    int s3 = 3 * d;
    double[] srow = scores;
    for (int q = 0; q < r; q++) {
      for (int hd = 0; hd < heads; hd++) {
        int pBase = (q * heads + hd) * h * h;
        for (int j = 0; j < h; j++) {
          int qo = (q * h + j) * s3 + hd * dh;
          double max = Double.NEGATIVE_INFINITY;
          for (int j2 = 0; j2 < h; j2++) {
            int ko = (q * h + j2) * s3 + d + hd * dh;
            srow[j2] = dot(qkvIn, qo, qkvIn, ko, dh) * scale;
            max = Math.max(max, srow[j2]);
          }
          double sum = 0;
          for (int j2 = 0; j2 < h; j2++) {
            srow[j2] = Math.exp(srow[j2] - max);
            sum += srow[j2];
          }
          for (int j2 = 0; j2 < h; j2++) {
            probs[pBase + j * h + j2] = (float) (srow[j2] / sum);
          }
          int oo = (q * h + j) * d + hd * dh;
          for (int e = 0; e < dh; e++) {
            out[oo + e] = 0;
          }
          for (int j2 = 0; j2 < h; j2++) {
            float pr = probs[pBase + j * h + j2];
            int vo = (q * h + j2) * s3 + 2 * d + hd * dh;
            axpy(pr, qkvIn, vo, out, oo, dh);
          }
        }
      }
    }
  }

  /** dqkv [rows, 3d] (overwritten) from the output gradient dMerged [rows, d]. */
  private void attentionBackward(float[] qkvIn, float[] probs, float[] dMerged, float[] out) {
    float scale = (float) (1.0 / Math.sqrt(dh));
    int s3 = 3 * d;
    Arrays.fill(out, 0f);
    float[] dp = dScores;
    for (int q = 0; q < r; q++) {
      for (int hd = 0; hd < heads; hd++) {
        int pBase = (q * heads + hd) * h * h;
        for (int j = 0; j < h; j++) {
          int co = (q * h + j) * d + hd * dh;
          double rowDot = 0;
          for (int j2 = 0; j2 < h; j2++) {
            int vo = (q * h + j2) * s3 + 2 * d + hd * dh;
            float s = dot(dMerged, co, qkvIn, vo, dh);
            dp[j2] = s;
            float pr = probs[pBase + j * h + j2];
            rowDot += pr * s;
            axpy(pr, dMerged, co, out, vo, dh); // dV
          }
          int qo = (q * h + j) * s3 + hd * dh;
          for (int j2 = 0; j2 < h; j2++) {
            float pr = probs[pBase + j * h + j2];
            float ds = (float) (pr * (dp[j2] - rowDot)) * scale;
            int ko = (q * h + j2) * s3 + d + hd * dh;
            // the Q, K and V parts of a row are apart: one loop each updates every entry in
            // the order of one loop for both
            axpy(ds, qkvIn, ko, out, qo, dh); // dQ
            axpy(ds, qkvIn, qo, out, ko, dh); // dK
          }
        }
      }
    }
  }

  /** The float dot product of a[ao..ao+n) and b[bo..bo+n), summed in order. */
  private static float dot(float[] a, int ao, float[] b, int bo, int n) {
    float s = 0;
    for (int e = 0; e < n; e++) {
      s += a[ao + e] * b[bo + e];
    }
    return s;
  }

  /** y[yo..yo+n) += alpha x[xo..xo+n). */
  private static void axpy(float alpha, float[] x, int xo, float[] y, int yo, int n) {
    for (int e = 0; e < n; e++) {
      y[yo + e] += alpha * x[xo + e];
    }
  }

  private static double sigmoid(double v) {
    return 1 / (1 + Math.exp(-v));
  }

  /**
   * One decoder's frozen weights: vectors as float arrays, matrices as the {@link FrozenMatrix}
   * products that apply them (forward) and their transposes (backward), all on r H rows.
   */
  private final class DecoderWeights {
    final float[] pos;
    final float[][] ln1g;
    final float[][] ln1b;
    final FrozenMatrix[] qkvW;
    final FrozenMatrix[] qkvBack;
    final float[][] bqkv;
    final FrozenMatrix[] outW;
    final FrozenMatrix[] outBack;
    final float[][] bo;
    final float[][] ln2g;
    final float[][] ln2b;
    final FrozenMatrix[] w1;
    final FrozenMatrix[] w1Back;
    final float[][] b1;
    final FrozenMatrix[] w2;
    final FrozenMatrix[] w2Back;
    final float[][] b2;
    final float[] lnfg;
    final float[] lnfb;
    final FrozenMatrix head;
    final FrozenMatrix headBack;
    final float[] headB;

    /** Stack i of {@code stacks} of the model's decoder parameters. */
    DecoderWeights(AutoencoderModel model, int i, int stacks, boolean blas) {
      pos = slice(model, "dec.pos", i, stacks);
      ln1g = new float[blocks][];
      ln1b = new float[blocks][];
      qkvW = new FrozenMatrix[blocks];
      qkvBack = new FrozenMatrix[blocks];
      bqkv = new float[blocks][];
      outW = new FrozenMatrix[blocks];
      outBack = new FrozenMatrix[blocks];
      bo = new float[blocks][];
      ln2g = new float[blocks][];
      ln2b = new float[blocks][];
      w1 = new FrozenMatrix[blocks];
      w1Back = new FrozenMatrix[blocks];
      b1 = new float[blocks][];
      w2 = new FrozenMatrix[blocks];
      w2Back = new FrozenMatrix[blocks];
      b2 = new float[blocks][];
      for (int b = 0; b < blocks; b++) {
        String n = "dec.block" + b + ".";
        ln1g[b] = slice(model, n + "ln1.g", i, stacks);
        ln1b[b] = slice(model, n + "ln1.b", i, stacks);
        qkvW[b] = product(model, n + "attn.Wqkv", i, stacks, false, blas);
        qkvBack[b] = product(model, n + "attn.Wqkv", i, stacks, true, blas);
        bqkv[b] = slice(model, n + "attn.bqkv", i, stacks);
        outW[b] = product(model, n + "attn.Wo", i, stacks, false, blas);
        outBack[b] = product(model, n + "attn.Wo", i, stacks, true, blas);
        bo[b] = slice(model, n + "attn.bo", i, stacks);
        ln2g[b] = slice(model, n + "ln2.g", i, stacks);
        ln2b[b] = slice(model, n + "ln2.b", i, stacks);
        w1[b] = product(model, n + "mlp.W1", i, stacks, false, blas);
        w1Back[b] = product(model, n + "mlp.W1", i, stacks, true, blas);
        b1[b] = slice(model, n + "mlp.b1", i, stacks);
        w2[b] = product(model, n + "mlp.W2", i, stacks, false, blas);
        w2Back[b] = product(model, n + "mlp.W2", i, stacks, true, blas);
        b2[b] = slice(model, n + "mlp.b2", i, stacks);
      }
      lnfg = slice(model, "dec.lnf.g", i, stacks);
      lnfb = slice(model, "dec.lnf.b", i, stacks);
      head = product(model, "dec.head.W", i, stacks, false, blas);
      headBack = product(model, "dec.head.W", i, stacks, true, blas);
      headB = slice(model, "dec.head.b", i, stacks);
    }

    /** Stack i of a weight [S, K, N], applied as it is or transposed, to r H rows. */
    private FrozenMatrix product(AutoencoderModel model, String name, int i, int stacks,
        boolean transposed, boolean blas) {
      INDArray stacked = model.parameters().get(name);
      int k0 = (int) stacked.size(1);
      int n0 = (int) stacked.size(2);
      return FrozenMatrix.of(rows, slice(model, name, i, stacks), k0, n0, transposed, blas);
    }
  }

  /** Stack i of a parameter whose first dimension is the stack, flat and row-major. */
  private static float[] slice(AutoencoderModel model, String name, int i, int stacks) {
    float[] all = model.flatParameter(name);
    int n = all.length / stacks;
    return Arrays.copyOfRange(all, i * n, (i + 1) * n);
  }
}
