package swatnn.search;

import java.util.Arrays;
import swatnn.mlp.MlpLayout;

/**
 * The soft MLP that a decoded matrix D describes, evaluated on a batch with its penalties,
 * forward and backward, on float arrays in one thread: what SoftMlpGraph and
 * SameDiffSearchStep's penalties compute for one decoder and one restart.
 *
 * <p>Shapes (H neuron slots, maxW the decoded matrix's width, k = 1..L hidden layers, p points,
 * bw = H + 4 the columns of one hidden transition), flat and row-major:
 *
 * <pre>
 *   D, G     [H, maxW]     the decoded matrix of one restart and its gated copy; for hidden
 *                          transition t, columns t bw .. t bw + H - 1 hold the weights (row =
 *                          from, column = to), t bw + H the biases (row = neuron), the next
 *                          three the activation logits; column k bw the output weights, k bw
 *                          + H the output bias (row 0); then the k mask logits
 *   points   [p, H]        inputs, columns n_in..H-1 zero
 *   targets  [p]
 *   weights  [p]           mean 1, or null
 *   pre, y   [k][p, H]     each hidden layer's pre-activations and outputs
 *   coef     [k, 3, H]     mixture coefficient of (sigmoid, tanh, leaky ReLU) per neuron
 * </pre>
 *
 * <p>What it computes:
 *
 * <ul>
 *   <li>the weight gate on each weight column: G = D ((s - 1) + 1), s = sigmoid(200 (|D| -
 *       t)); other columns G = D.
 *   <li>masks m = sigmoid(mask logit) per neuron and layer, sharpened to sigmoid(200 (m -
 *       0.5)); activation mixture softmax(logits / temperature) over sigmoid, tanh, leaky ReLU
 *       (slope 0.01); layer t: pre = y W_t + b_t, y = sum_a coef_a act_a(pre), coef = mixture
 *       times sharpened mask; prediction = y W_out + b_out.
 *   <li>loss = weighted MSE + lambda_s sum over real weight entries of (mu_c sigmoid(20 (|G| -
 *       t)) + mu_1 |G|) - alpha / k sum over layers of std(m) (std = sqrt(var + 1e-8)) + beta
 *       / k sum over layers of mean(m).
 * </ul>
 *
 * <p>A {@link #forward} keeps what its {@link #backward} needs; the two alternate. Each loop
 * nest is a method of its own: HotSpot compiles small methods within the first steps, where
 * one method of all of them (3.5 kB of bytecode) was recompiled and deoptimised again for
 * hundreds of steps, most of a search of 500 steps. Not thread-safe; buffers are allocated
 * once.
 */
final class SoftMlpPass {
  private final int l;
  private final int h;
  private final int maxW;
  private final int bw;
  private final int p;
  private final int nIn;
  /** [L][H * maxW]: lambda_s mu_c on real weight entries, else 0. */
  private final float[][] countWeight;
  /** [L][H * maxW]: lambda_s mu_1 on real weight entries, else 0. */
  private final float[][] l1Weight;
  /** [L][maxW]: whether column c is a weight column of decoder i (the gate applies). */
  private final boolean[][] gated;
  /** Per decoder: -alpha / k and beta / k, as the graph's float constants. */
  private final float[] spreadCoef;
  private final float[] meanCoef;

  // the inputs of the last forward pass
  private int dec;
  private int k;
  private float[] decoded;
  private int dOff;
  private float thr;
  private float[] points;
  private float[] targets;
  private float[] w;
  private float temperature;

  // forward
  private final float[] g;
  private final float[] gateS;
  private final float[] factor;
  private final float[] rawMask;
  private final float[] sharp;
  private final float[] mix;
  private final float[] coef;
  /** Per hidden layer, the neurons whose sharpened mask is not exactly 0, ascending. */
  private final int[][] live;
  private final int[] liveCount;
  private final float[][] pre;
  private final float[][] sg;
  private final float[][] th;
  private final float[][] y;
  private final float[] pred;
  /** [H * maxW]: sigmoid(20 (|G| - t)) of the sparsity penalty's soft count. */
  private final float[] countS;
  /** Per hidden layer: the masks' mean, their deviations' mean (rounding) and their std. */
  private final double[] maskMean;
  private final double[] maskDevMean;
  private final double[] maskStd;
  private double mse;
  private double loss;
  // backward
  private final float[] dg;
  private final float[] dpred;
  private final float[] dy;
  private final float[] dPre;
  private final float[] dcoef;
  private final float[] dRaw;

  /**
   * @param layout the autoencoder's layout; its hidden transitions must be bw = H + 4 columns
   *     apart, the output block after them
   * @param settings lambda_s, mu_c, mu_1, alpha and beta
   * @param nIn the data's inputs (1..H)
   * @param p points per batch
   * @throws IllegalStateException if the layout places a block elsewhere
   */
  SoftMlpPass(MlpLayout layout, SearchSettings settings, int nIn, int p) {
    this.l = layout.maxHiddenLayers();
    this.h = layout.maxNeurons();
    this.maxW = layout.maxWidth();
    this.bw = h + 4;
    this.p = p;
    this.nIn = nIn;
    for (int kk = 1; kk <= l; kk++) {
      for (int t = 0; t < kk; t++) {
        if (layout.weightBlockOffset(kk, t) != t * bw || layout.biasColumn(kk, t) != t * bw + h
            || layout.activationOffset(kk, t) != t * bw + h + 1) {
          throw new IllegalStateException("layout places hidden transition " + t
              + " differently for k=" + kk);
        }
      }
      if (layout.outputBlockOffset(kk) != kk * bw || layout.outputBiasColumn(kk) != kk * bw + h) {
        throw new IllegalStateException("layout places the output block differently for k=" + kk);
      }
    }
    float[] real = SameDiffSearchStep.realWeights(layout, nIn);
    this.countWeight = new float[l][h * maxW];
    this.l1Weight = new float[l][h * maxW];
    this.gated = new boolean[l][maxW];
    this.spreadCoef = new float[l];
    this.meanCoef = new float[l];
    for (int i = 0; i < l; i++) {
      int kk = i + 1;
      for (int j = 0; j < h * maxW; j++) {
        if (real[i * h * maxW + j] > 0) {
          // the graph's constants: real (1 or 0) times the coefficient, in float
          countWeight[i][j] = (float) (settings.lambdaS() * settings.muC());
          l1Weight[i][j] = (float) (settings.lambdaS() * settings.mu1());
        }
      }
      for (int t = 0; t < kk; t++) {
        for (int col = 0; col < h; col++) {
          gated[i][t * bw + col] = true;
        }
      }
      gated[i][kk * bw] = true;
      spreadCoef[i] = (float) (-settings.alpha() / kk);
      meanCoef[i] = (float) (settings.beta() / kk);
    }
    g = new float[h * maxW];
    gateS = new float[h * maxW];
    factor = new float[h * maxW];
    rawMask = new float[h * l];
    sharp = new float[h * l];
    mix = new float[h * l * 3];
    coef = new float[l * 3 * h];
    live = new int[l][h];
    liveCount = new int[l];
    pre = new float[l][p * h];
    sg = new float[l][p * h];
    th = new float[l][p * h];
    y = new float[l][p * h];
    pred = new float[p];
    countS = new float[h * maxW];
    maskMean = new double[l];
    maskDevMean = new double[l];
    maskStd = new double[l];
    dg = new float[h * maxW];
    dpred = new float[p];
    dy = new float[p * h];
    dPre = new float[p * h];
    dcoef = new float[l * 3 * h];
    dRaw = new float[h * l];
  }

  /**
   * Decoder i's soft network of one restart on a batch: its loss ({@link #loss()}) and
   * (weighted) MSE ({@link #mse()}). The arrays are kept, not copied, for {@link #backward}.
   *
   * @param i the decoder, 0..L-1 (k = i + 1 hidden layers)
   * @param decodedIn holds D [H, maxW] from offset {@code offset}
   * @param threshold the weight threshold t
   * @param pointsIn [p, H]
   * @param targetsIn [p]
   * @param weights [p], mean 1, or null (each 1)
   * @param temperatureIn divides the activation logits
   */
  void forward(int i, float[] decodedIn, int offset, float threshold, float[] pointsIn,
      float[] targetsIn, float[] weights, float temperatureIn) {
    dec = i;
    k = i + 1;
    decoded = decodedIn;
    dOff = offset;
    thr = threshold;
    points = pointsIn;
    targets = targetsIn;
    w = weights;
    temperature = temperatureIn;
    gateForward();
    coefficientsForward();
    liveNeurons();
    for (int lay = 0; lay < k; lay++) {
      if (lay == 0) {
        firstLayerForward();
      } else {
        hiddenLayerForward(lay);
      }
      activationsForward(lay);
    }
    mse = outputForward() / p;
    double sparsity = sparsityForward();
    double spread = 0;
    double meanMask = 0;
    for (int lay = 0; lay < k; lay++) {
      maskForward(lay);
      spread += spreadCoef[dec] * maskStd[lay];
      meanMask += meanCoef[dec] * maskMean[lay];
    }
    loss = mse + sparsity + spread + meanMask;
  }

  /** The last forward pass's loss: MSE plus the sparsity, spread and mean penalties. */
  double loss() {
    return loss;
  }

  /** The last forward pass's (weighted) mean squared error. */
  double mse() {
    return mse;
  }

  /**
   * The last forward pass backward: dLoss/dD into {@code dDecoded} [H, maxW] from the forward
   * pass's offset, at the entries with a non-zero gradient only (the caller zeroes the rest).
   *
   * @return dLoss/dt
   */
  double backward(float[] dDecoded) {
    Arrays.fill(dg, 0f);
    double dThr = sparsityBackward();
    for (int lay = 0; lay < k; lay++) {
      maskBackward(lay);
    }
    outputBackward();
    Arrays.fill(dcoef, 0f);
    for (int lay = k - 1; lay >= 0; lay--) {
      activationsBackward(lay);
      weightsBackward(lay, lay == 0 ? points : y[lay - 1]);
      if (lay > 0) {
        belowBackward(lay);
      }
    }
    coefficientsBackward();
    return gateBackward(dDecoded, dThr);
  }

  private int width() {
    return k * bw + h + 1 + k;
  }

  private int maskColumn() {
    return k * bw + h + 1;
  }

  private int outputColumn() {
    return k * bw;
  }

  /** G [H, width] = D gated on the weight columns: v sigmoid(200 (|v| - thr)). */
  private void gateForward() {
    boolean[] gcol = gated[dec];
    int width = width();
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

  /** Masks, mixtures and coefficients [layer][activation][neuron] of the k hidden layers. */
  private void coefficientsForward() {
    int maskCol = maskColumn();
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
  private void liveNeurons() {
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

  /** pre[0] [p, H] of the first hidden layer's live neurons, from the points. */
  private void firstLayerForward() {
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

  /** pre[lay] [p, H] of hidden layer lay (> 0)'s live neurons, from the layer below. */
  private void hiddenLayerForward(int lay) {
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

  /** y[lay] [p, H]: the coefficients' mixture of sigmoid, tanh and leaky ReLU of pre[lay]. */
  private void activationsForward(int lay) {
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

  /** pred [p] = y[k-1] W_out + b_out; returns the weighted squared error's sum. */
  private double outputForward() {
    int outCol = outputColumn();
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
    }
    return sq;
  }

  /** The sparsity penalty over the real weight entries of G, keeping its sigmoids. */
  private double sparsityForward() {
    float[] cwi = countWeight[dec];
    float[] lwi = l1Weight[dec];
    int width = width();
    double sparsity = 0;
    for (int j = 0; j < h; j++) {
      for (int c = 0; c < width; c++) {
        int e = j * maxW + c;
        if (cwi[e] == 0f && lwi[e] == 0f) {
          continue;
        }
        float av = Math.abs(g[e]);
        float s = sigmoidF((av - thr) * 20f);
        countS[e] = s;
        sparsity += cwi[e] * (double) s + lwi[e] * av;
      }
    }
    return sparsity;
  }

  /** Hidden layer lay's masks: their mean and std (sqrt(var + 1e-8)). */
  private void maskForward(int lay) {
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
    maskMean[lay] = mean;
    maskDevMean[lay] = devMean / h;
    maskStd[lay] = Math.sqrt(var / h + 1e-8);
  }

  /** The sparsity penalty's gradient into dg; returns its gradient with respect to t. */
  private double sparsityBackward() {
    float[] cwi = countWeight[dec];
    float[] lwi = l1Weight[dec];
    int width = width();
    double dThr = 0;
    for (int j = 0; j < h; j++) {
      for (int c = 0; c < width; c++) {
        int e = j * maxW + c;
        if (cwi[e] == 0f && lwi[e] == 0f) {
          continue;
        }
        double s = countS[e];
        double ds = cwi[e] * 20 * s * (1 - s);
        dg[e] += (float) ((ds + lwi[e]) * Math.signum(g[e]));
        dThr -= ds;
      }
    }
    return dThr;
  }

  /** Hidden layer lay's spread and mean penalties back to its raw masks: dRaw. */
  private void maskBackward(int lay) {
    double mean = maskMean[lay];
    double devMean = maskDevMean[lay];
    double std = maskStd[lay];
    for (int j = 0; j < h; j++) {
      double dev = rawMask[j * l + lay] - mean;
      dRaw[j * l + lay] = (float) (spreadCoef[dec] * (dev - devMean) / (h * std)
          + meanCoef[dec] / (double) h);
    }
  }

  /**
   * The loss's gradient dpred [p] at the predictions, then the output layer's: its bias and
   * weights into dg, the last hidden layer's dy [p, H].
   */
  private void outputBackward() {
    for (int pp = 0; pp < p; pp++) {
      double diff = pred[pp] - targets[pp];
      double wp = w == null ? 1 : w[pp];
      dpred[pp] = (float) (2 * diff * wp / p);
    }
    int outCol = outputColumn();
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

  /** Layer lay's bias and weight gradients into dg; below [p, H] holds the layer's inputs. */
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

  /** The gradient dy [p, H] of the live neurons of the layer below lay (> 0). */
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
  private void coefficientsBackward() {
    int maskCol = maskColumn();
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

  /** The gate, dG back to dD; returns dThr with the gate's share added. */
  private double gateBackward(float[] dDecoded, double dThr) {
    boolean[] gcol = gated[dec];
    int width = width();
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
}
