package swatnn.search;

import java.util.Arrays;
import org.bytedeco.openblas.global.openblas;
import org.nd4j.linalg.api.ndarray.INDArray;
import swatnn.autoencoder.AutoencoderConfig;
import swatnn.autoencoder.AutoencoderModel;
import swatnn.mlp.MlpLayout;
import swatnn.nd4j.Nd4jBackend;

/**
 * The search step written out by hand: the forward and backward pass of
 * {@link SameDiffSearchStep}'s graph on float arrays, in one thread, without a graph. The
 * graph's cost on the CPU is per-op overhead on tiny tensors (some 430 ops); here a step costs
 * its arithmetic: the transformer's matrix products as OpenBLAS sgemm calls on the Java arrays
 * (Java loops off the CPU backend), everything else in Java loops.
 *
 * <p>What it computes, per searched decoder i (k = i + 1 hidden layers) and restart, exactly
 * as the graph (AutoencoderGraph.decode, TransformerStack, SoftMlpGraph and the penalties):
 *
 * <ul>
 *   <li>x = z + dec.pos; per block (pre-LayerNorm): x += Wo attn(LN1(x)) + bo with
 *       bidirectional (unmasked) multi-head attention, scores scaled by 1/sqrt(d/heads); x +=
 *       W2 gelu(W1 LN2(x) + b1) + b2 with ND4J's gelu, u sigmoid(1.702 u); LayerNorm without an
 *       epsilon (ND4J's standardize: population std), gain and bias per decoder; then the final
 *       LayerNorm and the head: D [H, maxW].
 *   <li>the weight gate on each weight column: G = D ((s - 1) + 1), s = sigmoid(200 (|D| - t));
 *       other columns G = D.
 *   <li>masks m = sigmoid(mask logit) per neuron and layer, sharpened to sigmoid(200 (m -
 *       0.5)); activation mixture softmax(logits / temperature) over sigmoid, tanh, leaky ReLU
 *       (slope 0.01); layer t: pre = y W_t + b_t, y = sum_a coef_a act_a(pre), coef = mixture
 *       times sharpened mask; prediction = y W_out + b_out (row 0 of the output-bias column).
 *   <li>loss = weighted MSE + lambda_s sum over real weight entries of (mu_c sigmoid(20 (|G| -
 *       t)) + mu_1 |G|) - alpha / k sum over layers of std(m) (std = sqrt(var + 1e-8)) + beta / k
 *       sum over layers of mean(m).
 * </ul>
 *
 * The decoders' weights are frozen, so the backward pass needs only input gradients: every
 * product is x W or x W^T with a fixed W, both restarts' rows (r H) in one call. Decoders of
 * configurations that are not searched are skipped (their gradient is 0, their lossPer and mse
 * NaN). Buffers are allocated once per step object, i.e. per group of restarts. Deterministic:
 * the same inputs give the same bits on any thread (the products are far below BLAS's
 * multithreading threshold, and SWATNNRegressor runs the search on one BLAS thread anyway).
 */
final class FusedSearchStep implements SearchStep {
  private final int l;
  private final int r;
  private final int h;
  private final int d;
  private final int heads;
  private final int dh;
  private final int ff;
  private final int blocks;
  private final int maxW;
  private final int bw;
  private final int p;
  private final int nIn;
  private final int rows; // r * h: the rows of one decoder's stream
  private final boolean weighted;
  private final boolean blas;
  private final boolean[] searched;
  private final Weights[] weights;
  private final AutoencoderModel model;
  /** [L][H * maxW]: lambda_s mu_c on real weight entries, else 0. */
  private final float[][] countWeight;
  /** [L][H * maxW]: lambda_s mu_1 on real weight entries, else 0. */
  private final float[][] l1Weight;
  /** [L][maxW]: whether column c is a weight column of decoder i (the gate applies). */
  private final boolean[][] gated;
  /** Per decoder: -alpha / k and beta / k, as the graph's float constants. */
  private final float[] spreadCoef;
  private final float[] meanCoef;

  // the transformer's activations for one decoder (rows = r * H), per block
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
  private final float[] x;
  private final float[] a;
  private final float[] merged;
  private final float[] hid;
  private final float[] tmp;
  private final float[] decoded;
  // backward scratch
  private final float[] dx;
  private final float[] da;
  private final float[] dqkv;
  private final float[] dhid;
  private final float[] dDecoded;
  // soft MLP, per restart in turn
  private final float[] g;
  private final float[] gateS;
  private final float[] factor;
  private final float[] dg;
  private final float[] rawMask;
  private final float[] sharp;
  private final float[] mix;
  private final float[] coef;
  private final float[] dcoef;
  /** Per hidden layer, the neurons whose sharpened mask is not exactly 0, ascending. */
  private final int[][] live;
  private final int[] liveCount;
  /** The penalties of one restart: sparsity, the masks' spread, their mean. */
  private final double[] penalty = new double[3];
  private final float[][] pre;
  private final float[][] sg;
  private final float[][] th;
  private final float[][] y;
  private final float[] pred;
  private final float[] dpred;
  private final float[] dy;
  private final float[] dPre;
  private final float[] dRaw;
  private final double[] scores;
  private final float[] dScores;
  // outputs
  private final float[] lossPer;
  private final float[] mse;
  private final float[] dz;
  private final float[] dt;
  private final Result result;

  FusedSearchStep(AutoencoderModel model, SearchSettings settings, int nIn, int r, int p,
      boolean weighted) {
    this(model, settings, nIn, r, p, weighted, "CPU".equalsIgnoreCase(Nd4jBackend.name()));
  }

  /**
   * @param blas whether the transformer's matrix products go to OpenBLAS rather than Java
   *     loops (the CPU backend has it loaded)
   */
  FusedSearchStep(AutoencoderModel model, SearchSettings settings, int nIn, int r, int p,
      boolean weighted, boolean blas) {
    this.blas = blas;
    AutoencoderConfig c = model.config();
    MlpLayout layout = c.layout();
    layout.checkInputs(nIn);
    this.l = layout.maxHiddenLayers();
    this.h = layout.maxNeurons();
    this.d = c.dModel();
    this.heads = c.heads();
    this.dh = d / heads;
    this.ff = c.mlpRatio() * d;
    this.blocks = c.decoderBlocks();
    this.maxW = layout.maxWidth();
    this.bw = h + 4;
    this.r = r;
    this.p = p;
    this.nIn = nIn;
    this.rows = r * h;
    this.weighted = weighted;
    for (int k = 1; k <= l; k++) {
      for (int t = 0; t < k; t++) {
        if (layout.weightBlockOffset(k, t) != t * bw || layout.biasColumn(k, t) != t * bw + h
            || layout.activationOffset(k, t) != t * bw + h + 1) {
          throw new IllegalStateException("layout places hidden transition " + t
              + " differently for k=" + k);
        }
      }
      if (layout.outputBlockOffset(k) != k * bw || layout.outputBiasColumn(k) != k * bw + h) {
        throw new IllegalStateException("layout places the output block differently for k=" + k);
      }
    }
    this.searched = new boolean[l];
    for (int k : settings.layers()) {
      searched[k - 1] = true;
    }
    this.weights = new Weights[l];
    this.model = model;
    for (int i = 0; i < l; i++) {
      weights[i] = new Weights(i, l);
    }
    float[] real = SameDiffSearchStep.realWeights(layout, nIn);
    this.countWeight = new float[l][h * maxW];
    this.l1Weight = new float[l][h * maxW];
    this.gated = new boolean[l][maxW];
    this.spreadCoef = new float[l];
    this.meanCoef = new float[l];
    for (int i = 0; i < l; i++) {
      int k = i + 1;
      for (int j = 0; j < h * maxW; j++) {
        if (real[i * h * maxW + j] > 0) {
          // the graph's constants: real (1 or 0) times the coefficient, in float
          countWeight[i][j] = (float) (settings.lambdaS() * settings.muC());
          l1Weight[i][j] = (float) (settings.lambdaS() * settings.mu1());
        }
      }
      for (int t = 0; t < k; t++) {
        for (int col = 0; col < h; col++) {
          gated[i][t * bw + col] = true;
        }
      }
      gated[i][k * bw] = true;
      spreadCoef[i] = (float) (-settings.alpha() / k);
      meanCoef[i] = (float) (settings.beta() / k);
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
    tmp = new float[n * Math.max(ff, Math.max(3 * d, maxW))];
    decoded = new float[n * maxW];
    dx = new float[n * d];
    da = new float[n * d];
    dqkv = new float[n * 3 * d];
    dhid = new float[n * ff];
    dDecoded = new float[n * maxW];
    g = new float[h * maxW];
    gateS = new float[h * maxW];
    factor = new float[h * maxW];
    dg = new float[h * maxW];
    rawMask = new float[h * l];
    sharp = new float[h * l];
    mix = new float[h * l * 3];
    coef = new float[l * 3 * h];
    dcoef = new float[l * 3 * h];
    live = new int[l][h];
    liveCount = new int[l];
    pre = new float[l][p * h];
    sg = new float[l][p * h];
    th = new float[l][p * h];
    y = new float[l][p * h];
    pred = new float[p];
    dpred = new float[p];
    dy = new float[p * h];
    dPre = new float[p * h];
    dRaw = new float[h * l];
    scores = new double[h];
    dScores = new float[h];
    lossPer = new float[l * r];
    mse = new float[l * r];
    dz = new float[l * r * h * d];
    dt = new float[l * r];
    result = new Result(lossPer, mse, dz, dt);
  }

  /**
   * One decoder's frozen weights: vectors as float arrays, matrices as the {@link Product}s
   * that apply them (forward) and their transposes (backward).
   */
  private final class Weights {
    final float[] pos;
    final float[][] ln1g;
    final float[][] ln1b;
    final Product[] qkvW;
    final Product[] qkvBack;
    final float[][] bqkv;
    final Product[] outW;
    final Product[] outBack;
    final float[][] bo;
    final float[][] ln2g;
    final float[][] ln2b;
    final Product[] w1;
    final Product[] w1Back;
    final float[][] b1;
    final Product[] w2;
    final Product[] w2Back;
    final float[][] b2;
    final float[] lnfg;
    final float[] lnfb;
    final Product head;
    final Product headBack;
    final float[] headB;

    Weights(int i, int stacks) {
      pos = slice("dec.pos", i, stacks);
      ln1g = new float[blocks][];
      ln1b = new float[blocks][];
      qkvW = new Product[blocks];
      qkvBack = new Product[blocks];
      bqkv = new float[blocks][];
      outW = new Product[blocks];
      outBack = new Product[blocks];
      bo = new float[blocks][];
      ln2g = new float[blocks][];
      ln2b = new float[blocks][];
      w1 = new Product[blocks];
      w1Back = new Product[blocks];
      b1 = new float[blocks][];
      w2 = new Product[blocks];
      w2Back = new Product[blocks];
      b2 = new float[blocks][];
      for (int b = 0; b < blocks; b++) {
        String n = "dec.block" + b + ".";
        ln1g[b] = slice(n + "ln1.g", i, stacks);
        ln1b[b] = slice(n + "ln1.b", i, stacks);
        qkvW[b] = product(n + "attn.Wqkv", i, stacks, false);
        qkvBack[b] = product(n + "attn.Wqkv", i, stacks, true);
        bqkv[b] = slice(n + "attn.bqkv", i, stacks);
        outW[b] = product(n + "attn.Wo", i, stacks, false);
        outBack[b] = product(n + "attn.Wo", i, stacks, true);
        bo[b] = slice(n + "attn.bo", i, stacks);
        ln2g[b] = slice(n + "ln2.g", i, stacks);
        ln2b[b] = slice(n + "ln2.b", i, stacks);
        w1[b] = product(n + "mlp.W1", i, stacks, false);
        w1Back[b] = product(n + "mlp.W1", i, stacks, true);
        b1[b] = slice(n + "mlp.b1", i, stacks);
        w2[b] = product(n + "mlp.W2", i, stacks, false);
        w2Back[b] = product(n + "mlp.W2", i, stacks, true);
        b2[b] = slice(n + "mlp.b2", i, stacks);
      }
      lnfg = slice("dec.lnf.g", i, stacks);
      lnfb = slice("dec.lnf.b", i, stacks);
      head = product("dec.head.W", i, stacks, false);
      headBack = product("dec.head.W", i, stacks, true);
      headB = slice("dec.head.b", i, stacks);
    }
  }

  /** Stack i of a weight [S, K, N], applied as it is or transposed, to the stream's rows. */
  private Product product(String name, int i, int stacks, boolean transposed) {
    INDArray stacked = model.parameters().get(name);
    int k0 = (int) stacked.size(1);
    int n0 = (int) stacked.size(2);
    float[] w = slice(name, i, stacks);
    int k = transposed ? n0 : k0;
    int n = transposed ? k0 : n0;
    if (blas) {
      return new Product(k, n, w, transposed, n0);
    }
    return new Product(k, n, transposed ? transpose(w, k0, n0) : w, false, n);
  }

  /**
   * c [rows, n] = a [rows, k] times a frozen matrix (+ bias [n]): OpenBLAS's cblas_sgemm on the
   * Java arrays themselves (the library ND4J's CPU backend runs on), or a Java loop.
   */
  private final class Product {
    final int k;
    final int n;
    /** The matrix, row-major with row stride {@link #stride}: [k, n], or [n, k] if transposed. */
    final float[] w;
    final boolean transposed;
    final int stride;

    Product(int k, int n, float[] w, boolean transposed, int stride) {
      this.k = k;
      this.n = n;
      this.w = w;
      this.transposed = transposed;
      this.stride = stride;
    }

    void apply(float[] a, float[] bias, float[] c) {
      if (!blas) {
        matmul(a, rows, k, w, n, bias, c);
        return;
      }
      openblas.cblas_sgemm(openblas.CblasRowMajor, openblas.CblasNoTrans,
          transposed ? openblas.CblasTrans : openblas.CblasNoTrans, rows, n, k, 1f, a, k, w,
          stride, 0f, c, n);
      if (bias != null) {
        for (int i = 0; i < rows; i++) {
          int o = i * n;
          for (int j = 0; j < n; j++) {
            c[o + j] += bias[j];
          }
        }
      }
    }
  }

  /** Stack i of a parameter whose first dimension is the stack, flat and row-major. */
  private float[] slice(String name, int i, int stacks) {
    float[] all = model.flatParameter(name);
    int n = all.length / stacks;
    return Arrays.copyOfRange(all, i * n, (i + 1) * n);
  }

  private static float[] transpose(float[] m, int rows, int cols) {
    float[] t = new float[m.length];
    for (int i = 0; i < rows; i++) {
      for (int j = 0; j < cols; j++) {
        t[j * rows + i] = m[i * cols + j];
      }
    }
    return t;
  }

  @Override
  public Result run(float[] z, float[] t, float[] points, float[] targets, float[] w,
      float temperature) {
    if ((w != null) != weighted) {
      throw new IllegalArgumentException(weighted ? "this step needs weights"
          : "this step is unweighted");
    }
    Arrays.fill(dz, 0f);
    Arrays.fill(dt, 0f);
    for (int i = 0; i < l; i++) {
      if (!searched[i]) {
        for (int q = 0; q < r; q++) {
          lossPer[i * r + q] = Float.NaN;
          mse[i * r + q] = Float.NaN;
        }
        continue;
      }
      forwardDecoder(i, z);
      Arrays.fill(dDecoded, 0f);
      for (int q = 0; q < r; q++) {
        softMlp(i, q, t[i * r + q], points, targets, w, temperature);
      }
      backwardDecoder(i);
    }
    return result;
  }

  // ------------------------------------------------------------------ transformer

  /** Decoder i on its r latent points: the stream's activations and the decoded [r H, maxW]. */
  private void forwardDecoder(int i, float[] z) {
    Weights wt = weights[i];
    int n = rows;
    int base = i * n * d;
    for (int row = 0; row < n; row++) {
      int j = row % h;
      for (int c = 0; c < d; c++) {
        x[row * d + c] = z[base + row * d + c] + wt.pos[j * d + c];
      }
    }
    for (int b = 0; b < blocks; b++) {
      System.arraycopy(x, 0, xIn[b], 0, n * d);
      layerNorm(x, xhat1[b], rstd1[b], wt.ln1g[b], wt.ln1b[b], a);
      wt.qkvW[b].apply(a, wt.bqkv[b], qkv[b]);
      attention(qkv[b], att[b], merged);
      wt.outW[b].apply(merged, wt.bo[b], tmp);
      for (int e = 0; e < n * d; e++) {
        x[e] += tmp[e];
      }
      System.arraycopy(x, 0, xMid[b], 0, n * d);
      layerNorm(x, xhat2[b], rstd2[b], wt.ln2g[b], wt.ln2b[b], a);
      float[] ub = u[b];
      wt.w1[b].apply(a, wt.b1[b], ub);
      for (int e = 0; e < n * ff; e++) {
        float v = ub[e];
        float sv = (float) sigmoid(1.702 * v);
        geluS[b][e] = sv;
        hid[e] = v * sv;
      }
      wt.w2[b].apply(hid, wt.b2[b], tmp);
      for (int e = 0; e < n * d; e++) {
        x[e] += tmp[e];
      }
    }
    layerNorm(x, xhatF, rstdF, wt.lnfg, wt.lnfb, a);
    wt.head.apply(a, wt.headB, decoded);
  }

  /** dDecoded back to dz[i]. */
  private void backwardDecoder(int i) {
    Weights wt = weights[i];
    int n = rows;
    // head and final LayerNorm
    wt.headBack.apply(dDecoded, null, da);
    Arrays.fill(dx, 0f);
    layerNormBackward(da, xhatF, rstdF, wt.lnfg, dx);
    for (int b = blocks - 1; b >= 0; b--) {
      // MLP: x += W2 gelu(W1 LN2(x) + b1) + b2
      wt.w2Back[b].apply(dx, null, dhid);
      float[] ub = u[b];
      float[] gs = geluS[b];
      for (int e = 0; e < n * ff; e++) {
        double v = ub[e];
        double s = gs[e];
        dhid[e] = (float) (dhid[e] * (s + 1.702 * v * s * (1 - s)));
      }
      wt.w1Back[b].apply(dhid, null, da);
      layerNormBackward(da, xhat2[b], rstd2[b], wt.ln2g[b], dx);
      // attention: x += Wo attn(LN1(x)) + bo
      wt.outBack[b].apply(dx, null, merged); // d merged
      attentionBackward(qkv[b], att[b], merged, dqkv);
      wt.qkvBack[b].apply(dqkv, null, da);
      layerNormBackward(da, xhat1[b], rstd1[b], wt.ln1g[b], dx);
    }
    System.arraycopy(dx, 0, dz, i * n * d, n * d);
  }

  /** out = LN(in) gain + bias per row of d, keeping x-hat and 1/std (no epsilon, as ND4J). */
  private void layerNorm(float[] in, float[] xhat, float[] rstd, float[] gain, float[] bias,
      float[] out) {
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

  /** acc += the input gradient of LN(x) gain + bias for the output gradient dOut. */
  private void layerNormBackward(float[] dOut, float[] xhat, float[] rstd, float[] gain,
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

  /** Bidirectional multi-head self-attention of each restart's H tokens: merged [r H, d]. */
  private void attention(float[] qkvIn, float[] probs, float[] out) {
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

  /** dqkv [r H, 3d] from d merged [r H, d]. */
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

  /** c [m, n] = a [m, k] w [k, n] (+ bias [n]); w row-major. */
  private static void matmul(float[] a, int m, int k, float[] w, int n, float[] bias,
      float[] c) {
    for (int i = 0; i < m; i++) {
      int ci = i * n;
      if (bias == null) {
        Arrays.fill(c, ci, ci + n, 0f);
      } else {
        System.arraycopy(bias, 0, c, ci, n);
      }
      int ai = i * k;
      int q = 0;
      for (; q + 3 < k; q += 4) {
        float a0 = a[ai + q];
        float a1 = a[ai + q + 1];
        float a2 = a[ai + q + 2];
        float a3 = a[ai + q + 3];
        int w0 = q * n;
        int w1 = w0 + n;
        int w2 = w1 + n;
        int w3 = w2 + n;
        for (int j = 0; j < n; j++) {
          c[ci + j] += a0 * w[w0 + j] + a1 * w[w1 + j] + a2 * w[w2 + j] + a3 * w[w3 + j];
        }
      }
      for (; q < k; q++) {
        float a0 = a[ai + q];
        int w0 = q * n;
        for (int j = 0; j < n; j++) {
          c[ci + j] += a0 * w[w0 + j];
        }
      }
    }
  }

  // ------------------------------------------------------------------ soft MLP

  /**
   * Decoder i's restart q: the soft network's loss into lossPer and mse, its gradient into
   * dDecoded (rows of restart q) and dt.
   *
   * <p>Each loop nest is a method of its own: HotSpot compiles small methods within the first
   * steps, where one method of all of them (3.5 kB of bytecode) was recompiled and deoptimised
   * again for hundreds of steps, which is most of a search of 500 steps. The arithmetic and
   * its order are those of one method.
   */
  private void softMlp(int i, int q, float thr, float[] points, float[] targets, float[] w,
      float temperature) {
    int k = i + 1;
    int dOff = q * h * maxW;
    int width = k * bw + h + 1 + k; // width(k)
    gate(gated[i], dOff, width, thr);
    Arrays.fill(dg, 0f);
    int maskCol = k * bw + h + 1;
    coefficients(k, maskCol, temperature);
    liveNeurons(k);
    for (int lay = 0; lay < k; lay++) {
      if (lay == 0) {
        firstLayer(points);
      } else {
        hiddenLayer(lay);
      }
      activations(lay);
    }
    int outCol = k * bw;
    double mseV = output(k, outCol, targets, w) / p;
    double dThr = sparsity(i, width, thr);
    maskPenalties(i, k);
    lossPer[i * r + q] = (float) (mseV + penalty[0] + penalty[1] + penalty[2]);
    mse[i * r + q] = (float) mseV;

    outputBackward(k, outCol);
    Arrays.fill(dcoef, 0f);
    for (int lay = k - 1; lay >= 0; lay--) {
      activationsBackward(lay);
      weightsBackward(lay, lay == 0 ? points : y[lay - 1]);
      if (lay > 0) {
        belowBackward(lay);
      }
    }
    coefficientsBackward(k, maskCol, temperature);
    dt[i * r + q] = (float) gateBackward(gated[i], dOff, width, dThr);
  }

  /** The magnitude gate on the weight columns: g = v sigmoid(200 (|v| - thr)). */
  private void gate(boolean[] gcol, int dOff, int width, float thr) {
    for (int j = 0; j < h; j++) {
      for (int c = 0; c < width; c++) {
        int e = j * maxW + c;
        float v = decoded[dOff + e];
        if (gcol[c]) {
          float s = sigmoidF((Math.abs(v) - thr) * 200f);
          float f = (s - 1f) + 1f;
          gateS[e] = s;
          factor[e] = f;
          g[e] = v * f;
        } else {
          g[e] = v;
        }
      }
    }
  }

  /** Masks, mixtures and coefficients [layer][activation][neuron] of k hidden layers. */
  private void coefficients(int k, int maskCol, float temperature) {
    for (int j = 0; j < h; j++) {
      for (int lay = 0; lay < k; lay++) {
        float m = sigmoidF(g[j * maxW + maskCol + lay]);
        float ms = sigmoidF((m - 0.5f) * 200f);
        rawMask[j * l + lay] = m;
        sharp[j * l + lay] = ms;
        int lo = j * maxW + lay * bw + h + 1;
        float l0 = g[lo] / temperature;
        float l1 = g[lo + 1] / temperature;
        float l2 = g[lo + 2] / temperature;
        double mx = Math.max(l0, Math.max(l1, l2));
        double e0 = Math.exp(l0 - mx);
        double e1 = Math.exp(l1 - mx);
        double e2 = Math.exp(l2 - mx);
        double sum = e0 + e1 + e2;
        int mo = (j * l + lay) * 3;
        mix[mo] = (float) (e0 / sum);
        mix[mo + 1] = (float) (e1 / sum);
        mix[mo + 2] = (float) (e2 / sum);
        for (int act = 0; act < 3; act++) {
          coef[(lay * 3 + act) * h + j] = mix[mo + act] * ms;
        }
      }
    }
  }

  /**
   * A neuron whose sharpened mask is exactly 0 (raw mask below about 0.056) has coefficients
   * of exactly 0: its output is 0, and every gradient through it is multiplied by 0 (its
   * mask's own gradient by ms (1 - ms) = 0). Two thirds of the neurons of a search are such;
   * skipping them leaves out only exact zeros from every sum, so the results are the same.
   */
  private void liveNeurons(int k) {
    for (int lay = 0; lay < k; lay++) {
      int n = 0;
      for (int j = 0; j < h; j++) {
        if (sharp[j * l + lay] != 0f) {
          live[lay][n++] = j;
        }
      }
      liveCount[lay] = n;
    }
  }

  /** Pre-activations of the first hidden layer's live neurons, from the points. */
  private void firstLayer(float[] points) {
    float[] pr = pre[0];
    int[] on = live[0];
    int nOn = liveCount[0];
    for (int pp = 0; pp < p; pp++) {
      int po = pp * h;
      for (int a = 0; a < nOn; a++) {
        int to = on[a];
        float s = g[to * maxW + h];
        for (int from = 0; from < nIn; from++) {
          s += points[po + from] * g[from * maxW + to];
        }
        pr[po + to] = s;
      }
    }
  }

  /** Pre-activations of hidden layer lay (> 0)'s live neurons, from the layer below. */
  private void hiddenLayer(int lay) {
    float[] pr = pre[lay];
    int wc = lay * bw;
    int[] on = live[lay];
    int nOn = liveCount[lay];
    int[] below = live[lay - 1];
    int nBelow = liveCount[lay - 1];
    float[] yb = y[lay - 1];
    for (int pp = 0; pp < p; pp++) {
      int po = pp * h;
      for (int a = 0; a < nOn; a++) {
        int to = on[a];
        float s = g[to * maxW + wc + h];
        for (int b = 0; b < nBelow; b++) {
          int from = below[b];
          s += yb[po + from] * g[from * maxW + wc + to];
        }
        pr[po + to] = s;
      }
    }
  }

  /** Layer lay's outputs: the coefficients' mixture of sigmoid, tanh and leaky ReLU. */
  private void activations(int lay) {
    float[] pr = pre[lay];
    float[] sgl = sg[lay];
    float[] thl = th[lay];
    float[] yl = y[lay];
    int[] on = live[lay];
    int nOn = liveCount[lay];
    for (int pp = 0; pp < p; pp++) {
      int po = pp * h;
      for (int a = 0; a < nOn; a++) {
        int n = on[a];
        float v = pr[po + n];
        activate(v, sgl, thl, po + n);
        float lk = v > 0 ? v : 0.01f * v;
        yl[po + n] = coef[lay * 3 * h + n] * sgl[po + n] + coef[(lay * 3 + 1) * h + n] * thl[po + n]
            + coef[(lay * 3 + 2) * h + n] * lk;
      }
    }
  }

  /** Predictions, the weighted squared error's sum (returned) and its gradient dpred. */
  private double output(int k, int outCol, float[] targets, float[] w) {
    float bOut = g[outCol + h]; // row 0 of the output bias column
    float[] yk = y[k - 1];
    int[] lastOn = live[k - 1];
    int nLast = liveCount[k - 1];
    double sq = 0;
    for (int pp = 0; pp < p; pp++) {
      float s = bOut;
      for (int a = 0; a < nLast; a++) {
        int n = lastOn[a];
        s += yk[pp * h + n] * g[n * maxW + outCol];
      }
      pred[pp] = s;
      double diff = s - targets[pp];
      double wp = w == null ? 1 : w[pp];
      sq += diff * diff * wp;
      dpred[pp] = (float) (2 * diff * wp / p);
    }
    return sq;
  }

  /**
   * The sparsity penalty over the real weight entries into penalty[0], its gradient into dg;
   * returns its gradient with respect to the threshold.
   */
  private double sparsity(int i, int width, float thr) {
    float[] cwi = countWeight[i];
    float[] lwi = l1Weight[i];
    double sparsity = 0;
    double dThr = 0;
    for (int j = 0; j < h; j++) {
      for (int c = 0; c < width; c++) {
        int e = j * maxW + c;
        if (cwi[e] == 0f && lwi[e] == 0f) {
          continue;
        }
        float av = Math.abs(g[e]);
        double s = sigmoidF((av - thr) * 20f);
        sparsity += cwi[e] * s + lwi[e] * av;
        double ds = cwi[e] * 20 * s * (1 - s);
        dg[e] += (float) ((ds + lwi[e]) * Math.signum(g[e]));
        dThr -= ds;
      }
    }
    penalty[0] = sparsity;
    return dThr;
  }

  /** The masks' spread and mean penalties into penalty[1] and [2], their gradient into dRaw. */
  private void maskPenalties(int i, int k) {
    double spread = 0;
    double meanMask = 0;
    for (int lay = 0; lay < k; lay++) {
      double mean = 0;
      for (int j = 0; j < h; j++) {
        mean += rawMask[j * l + lay];
      }
      mean /= h;
      double var = 0;
      double devMean = 0;
      for (int j = 0; j < h; j++) {
        double dev = rawMask[j * l + lay] - mean;
        var += dev * dev;
        devMean += dev;
      }
      devMean /= h;
      double std = Math.sqrt(var / h + 1e-8);
      spread += spreadCoef[i] * std;
      meanMask += meanCoef[i] * mean;
      for (int j = 0; j < h; j++) {
        double dev = rawMask[j * l + lay] - mean;
        dRaw[j * l + lay] = (float) (spreadCoef[i] * (dev - devMean) / (h * std)
            + meanCoef[i] / (double) h);
      }
    }
    penalty[1] = spread;
    penalty[2] = meanMask;
  }

  /** The output layer's gradients: its bias and weights into dg, the last layer's dy. */
  private void outputBackward(int k, int outCol) {
    double dbOut = 0;
    for (int pp = 0; pp < p; pp++) {
      dbOut += dpred[pp];
    }
    dg[outCol + h] += (float) dbOut;
    float[] yk = y[k - 1];
    int[] lastOn = live[k - 1];
    int nLast = liveCount[k - 1];
    for (int a = 0; a < nLast; a++) {
      int n = lastOn[a];
      double s = 0;
      float wOut = g[n * maxW + outCol];
      for (int pp = 0; pp < p; pp++) {
        s += yk[pp * h + n] * dpred[pp];
        dy[pp * h + n] = dpred[pp] * wOut;
      }
      dg[n * maxW + outCol] += (float) s;
    }
  }

  /** Layer lay's coefficient gradients into dcoef and its pre-activation gradients dPre. */
  private void activationsBackward(int lay) {
    float[] pr = pre[lay];
    float[] sgl = sg[lay];
    float[] thl = th[lay];
    int c0 = lay * 3 * h;
    int[] on = live[lay];
    int nOn = liveCount[lay];
    for (int a = 0; a < nOn; a++) {
      int n = on[a];
      double d0 = 0;
      double d1 = 0;
      double d2 = 0;
      float k0 = coef[c0 + n];
      float k1 = coef[c0 + h + n];
      float k2 = coef[c0 + 2 * h + n];
      for (int pp = 0; pp < p; pp++) {
        int e = pp * h + n;
        float v = pr[e];
        float s = sgl[e];
        float tv = thl[e];
        float lk = v > 0 ? v : 0.01f * v;
        float gy = dy[e];
        d0 += gy * s;
        d1 += gy * tv;
        d2 += gy * lk;
        dPre[e] = gy * (k0 * s * (1 - s) + k1 * (1 - tv * tv) + k2 * (v > 0 ? 1f : 0.01f));
      }
      dcoef[c0 + n] = (float) d0;
      dcoef[c0 + h + n] = (float) d1;
      dcoef[c0 + 2 * h + n] = (float) d2;
    }
  }

  /** Layer lay's bias and weight gradients into dg; below holds the layer's inputs. */
  private void weightsBackward(int lay, float[] below) {
    int wc = lay * bw;
    int[] on = live[lay];
    int nOn = liveCount[lay];
    for (int a = 0; a < nOn; a++) {
      int to = on[a];
      double sb = 0;
      for (int pp = 0; pp < p; pp++) {
        sb += dPre[pp * h + to];
      }
      dg[to * maxW + wc + h] += (float) sb;
    }
    int fromCount = lay == 0 ? nIn : liveCount[lay - 1];
    for (int b = 0; b < fromCount; b++) {
      int from = lay == 0 ? b : live[lay - 1][b];
      for (int a = 0; a < nOn; a++) {
        int to = on[a];
        double s = 0;
        for (int pp = 0; pp < p; pp++) {
          s += below[pp * h + from] * dPre[pp * h + to];
        }
        dg[from * maxW + wc + to] += (float) s;
      }
    }
  }

  /** The gradient dy of the live neurons of the layer below lay (> 0). */
  private void belowBackward(int lay) {
    int wc = lay * bw;
    int[] on = live[lay];
    int nOn = liveCount[lay];
    int[] belowOn = live[lay - 1];
    int nBelow = liveCount[lay - 1];
    for (int pp = 0; pp < p; pp++) {
      int po = pp * h;
      for (int b = 0; b < nBelow; b++) {
        int from = belowOn[b];
        float s = 0;
        for (int a = 0; a < nOn; a++) {
          s += dPre[po + on[a]] * g[from * maxW + wc + on[a]];
        }
        dy[po + from] = s;
      }
    }
  }

  /** Coefficients = mixture x sharpened mask, back to the activation logits and the masks. */
  private void coefficientsBackward(int k, int maskCol, float temperature) {
    for (int j = 0; j < h; j++) {
      for (int lay = 0; lay < k; lay++) {
        int mo = (j * l + lay) * 3;
        float ms = sharp[j * l + lay];
        double dms = 0;
        double dmix0 = dcoef[lay * 3 * h + j] * ms;
        double dmix1 = dcoef[(lay * 3 + 1) * h + j] * ms;
        double dmix2 = dcoef[(lay * 3 + 2) * h + j] * ms;
        dms += dcoef[lay * 3 * h + j] * mix[mo] + dcoef[(lay * 3 + 1) * h + j] * mix[mo + 1]
            + dcoef[(lay * 3 + 2) * h + j] * mix[mo + 2];
        double dot = mix[mo] * dmix0 + mix[mo + 1] * dmix1 + mix[mo + 2] * dmix2;
        int lo = j * maxW + lay * bw + h + 1;
        dg[lo] += (float) (mix[mo] * (dmix0 - dot) / temperature);
        dg[lo + 1] += (float) (mix[mo + 1] * (dmix1 - dot) / temperature);
        dg[lo + 2] += (float) (mix[mo + 2] * (dmix2 - dot) / temperature);
        double dm = dRaw[j * l + lay] + dms * 200 * ms * (1 - ms);
        float m = rawMask[j * l + lay];
        dg[j * maxW + maskCol + lay] += (float) (dm * m * (1 - m));
      }
    }
  }

  /** The gate, back to the decoded matrix; returns dThr with the gate's share added. */
  private double gateBackward(boolean[] gcol, int dOff, int width, double dThr) {
    for (int j = 0; j < h; j++) {
      for (int c = 0; c < width; c++) {
        int e = j * maxW + c;
        float gv = dg[e];
        if (gv == 0f) {
          continue;
        }
        if (gcol[c]) {
          float v = decoded[dOff + e];
          double s = gateS[e];
          double slope = 200 * s * (1 - s);
          dDecoded[dOff + e] = (float) (gv * (factor[e] + slope * Math.abs(v)));
          dThr -= gv * v * slope;
        } else {
          dDecoded[dOff + e] = gv;
        }
      }
    }
    return dThr;
  }

  /** sigmoid(v) and tanh(v) into the arrays at index e, from one exponential. */
  private static void activate(float v, float[] sig, float[] tanh, int e) {
    double x = v;
    double ex = Math.exp(-Math.abs(x)); // in (0, 1]
    double s = 1 / (1 + ex);
    sig[e] = (float) (x >= 0 ? s : ex * s);
    double e2 = ex * ex;
    double t = (1 - e2) / (1 + e2);
    tanh[e] = (float) (x >= 0 ? t : -t);
  }

  /**
   * ND4J's float sigmoid, 1 / (1 + exp(-v)) rounded at each step: where it saturates, 1 - s is
   * a multiple of float's spacing near 1, and so is the gradient s (1 - s) of the steep gates
   * (slope 200), which then agrees with the graph's instead of being more exact than it.
   */
  private static float sigmoidF(float v) {
    float e = (float) Math.exp(-v);
    return 1f / (1f + e);
  }

  private static double sigmoid(double v) {
    return 1 / (1 + Math.exp(-v));
  }
}
