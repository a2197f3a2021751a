package swatnn.darts;

import swatnn.mlp.Activation;
import swatnn.mlp.MlpLayout;
import swatnn.mlp.SparseMlp;

/**
 * Full-batch Adam on a fixed network structure, in plain Java, for the ADMM W-minimisation:
 * the objective is the mean squared error plus {@code (rho / 2) ||W - V||^2} over the live
 * weights, V being an anchor per weight (ADMM's Z - U). Biases are trained but not anchored;
 * weights of inactive neurons stay 0.
 *
 * <p>For networks of at most 7 neurons per layer a step over a few thousand rows takes about a
 * millisecond here, against tens of milliseconds for a SameDiff graph call, whose cost is per op
 * rather than per number; hence plain Java for the hundreds of steps ADMM needs.
 */
final class ProximalFitter {
  private static final double BETA1 = 0.9;
  private static final double BETA2 = 0.999;
  private static final double EPS = 1e-8;

  private final SparseMlp structure;
  private final int nIn;
  private final int k;
  private final int h;
  private final Activation[][] act;
  private final boolean[][] active;
  /** w[t][i * cols(t) + j]; live[t] marks the trained entries. */
  private final double[][] w;
  private final boolean[][] live;
  /** b[t][j]; b[k][0] is the output bias. */
  private final double[][] b;
  private final double[][] mw;
  private final double[][] vw;
  private final double[][] mb;
  private final double[][] vb;
  private final double[] x;
  private final double[] y;
  private final int n;
  /** Hidden pre-activations and outputs per layer, row-major [n][H]. */
  private final double[][] pre;
  private final double[][] out;
  private int steps;

  /**
   * @param start structure and initial values (only its live weights and active biases are used)
   * @param rows the training rows, each of {@code start.nIn()} values
   * @param labels their labels
   */
  ProximalFitter(SparseMlp start, double[][] rows, double[] labels) {
    structure = start.pruned();
    MlpLayout layout = start.layout();
    nIn = start.nIn();
    k = start.hiddenLayers();
    h = layout.maxNeurons();
    act = new Activation[k][h];
    active = new boolean[k][h];
    for (int l = 0; l < k; l++) {
      for (int j = 0; j < h; j++) {
        act[l][j] = start.activation(l, j);
        active[l][j] = start.isActive(l, j);
      }
    }
    w = new double[k + 1][];
    live = new boolean[k + 1][];
    b = new double[k + 1][];
    for (int t = 0; t <= k; t++) {
      int r = rows(t);
      int c = cols(t);
      w[t] = new double[r * c];
      live[t] = new boolean[r * c];
      b[t] = new double[c];
      for (int i = 0; i < r; i++) {
        for (int j = 0; j < c; j++) {
          if ((t == 0 || active[t - 1][i]) && (t == k || active[t][j])) {
            live[t][i * c + j] = true;
            w[t][i * c + j] = start.weight(t, i, j);
          }
        }
      }
      for (int j = 0; j < c; j++) {
        b[t][j] = t == k ? start.outputBias() : active[t][j] ? start.bias(t, j) : 0;
      }
    }
    mw = zerosLike(w);
    vw = zerosLike(w);
    mb = zerosLike(b);
    vb = zerosLike(b);
    n = rows.length;
    x = new double[n * nIn];
    y = labels.clone();
    for (int r = 0; r < n; r++) {
      System.arraycopy(rows[r], 0, x, r * nIn, nIn);
    }
    pre = new double[k][n * h];
    out = new double[k][n * h];
  }

  private int rows(int t) {
    return t == 0 ? nIn : h;
  }

  private int cols(int t) {
    return t == k ? 1 : h;
  }

  private static double[][] zerosLike(double[][] a) {
    double[][] z = new double[a.length][];
    for (int i = 0; i < a.length; i++) {
      z[i] = new double[a[i].length];
    }
    return z;
  }

  /**
   * The live weights, per transition t (0..k), row-major (from, to): the fitter's own arrays,
   * which callers may read and (between steps) overwrite. Non-live entries are 0.
   */
  double[][] weights() {
    return w;
  }

  /**
   * One Adam step.
   *
   * @param anchors V per transition (same shape as {@link #weights()}), or null for none
   * @param rho the anchor's weight
   * @param learningRate the Adam step size
   * @return the mean squared error before the update
   */
  double step(double[][] anchors, double rho, double learningRate) {
    double[] dOut = new double[n];
    double loss = forward(dOut);
    double[][] gw = zerosLike(w);
    double[][] gb = zerosLike(b);
    backward(dOut, gw, gb);
    if (anchors != null) {
      for (int t = 0; t <= k; t++) {
        for (int i = 0; i < w[t].length; i++) {
          gw[t][i] += rho * (w[t][i] - anchors[t][i]);
        }
      }
    }
    steps++;
    double bc1 = 1 - Math.pow(BETA1, steps);
    double bc2 = 1 - Math.pow(BETA2, steps);
    for (int t = 0; t <= k; t++) {
      for (int i = 0; i < w[t].length; i++) {
        if (live[t][i]) {
          w[t][i] -= adam(gw[t][i], mw[t], vw[t], i, learningRate, bc1, bc2);
        }
      }
      for (int j = 0; j < b[t].length; j++) {
        if (t == k || active[t][j]) {
          b[t][j] -= adam(gb[t][j], mb[t], vb[t], j, learningRate, bc1, bc2);
        }
      }
    }
    return loss;
  }

  private static double adam(double g, double[] m, double[] v, int i, double lr, double bc1,
      double bc2) {
    m[i] = BETA1 * m[i] + (1 - BETA1) * g;
    v[i] = BETA2 * v[i] + (1 - BETA2) * g * g;
    return lr * (m[i] / bc1) / (Math.sqrt(v[i] / bc2) + EPS);
  }

  /** Fills pre and out, writes d loss / d output into dOut, returns the MSE. */
  private double forward(double[] dOut) {
    double[] in = x;
    int width = nIn;
    for (int l = 0; l < k; l++) {
      double[] wl = w[l];
      double[] p = pre[l];
      double[] o = out[l];
      for (int r = 0; r < n; r++) {
        int base = r * width;
        for (int j = 0; j < h; j++) {
          if (!active[l][j]) {
            o[r * h + j] = 0;
            continue;
          }
          double s = b[l][j];
          for (int i = 0; i < width; i++) {
            s += in[base + i] * wl[i * h + j];
          }
          p[r * h + j] = s;
          o[r * h + j] = act[l][j].apply(s);
        }
      }
      in = o;
      width = h;
    }
    double loss = 0;
    double[] wk = w[k];
    for (int r = 0; r < n; r++) {
      double s = b[k][0];
      for (int i = 0; i < h; i++) {
        s += in[r * h + i] * wk[i];
      }
      double e = s - y[r];
      loss += e * e;
      dOut[r] = 2 * e / n;
    }
    return loss / n;
  }

  private void backward(double[] dOut, double[][] gw, double[][] gb) {
    double[] delta = new double[n * h];
    double[] last = out[k - 1];
    for (int r = 0; r < n; r++) {
      double d = dOut[r];
      gb[k][0] += d;
      for (int i = 0; i < h; i++) {
        gw[k][i] += last[r * h + i] * d;
        delta[r * h + i] = w[k][i] * d; // d loss / d out of the last hidden layer
      }
    }
    for (int l = k - 1; l >= 0; l--) {
      double[] p = pre[l];
      double[] o = out[l];
      for (int r = 0; r < n; r++) {
        for (int j = 0; j < h; j++) {
          int idx = r * h + j;
          delta[idx] = active[l][j] ? delta[idx] * act[l][j].derivative(p[idx], o[idx]) : 0;
        }
      }
      double[] in = l == 0 ? x : out[l - 1];
      int width = l == 0 ? nIn : h;
      double[] next = l > 0 ? new double[n * h] : null;
      double[] wl = w[l];
      double[] g = gw[l];
      for (int r = 0; r < n; r++) {
        int base = r * width;
        for (int j = 0; j < h; j++) {
          double dj = delta[r * h + j];
          if (dj == 0) {
            continue;
          }
          gb[l][j] += dj;
          for (int i = 0; i < width; i++) {
            g[i * h + j] += in[base + i] * dj;
            if (next != null) {
              next[base + i] += wl[i * h + j] * dj;
            }
          }
        }
      }
      if (next != null) {
        delta = next;
      }
    }
  }

  /** The network with the current weights and biases on the start's structure. */
  SparseMlp toMlp() {
    SparseMlp.Builder bld = structure.toBuilder();
    for (int t = 0; t <= k; t++) {
      int c = cols(t);
      for (int i = 0; i < w[t].length; i++) {
        if (live[t][i]) {
          bld.weight(t, i / c, i % c, w[t][i]);
        }
      }
      for (int j = 0; j < c; j++) {
        if (t == k) {
          bld.outputBias(b[t][j]);
        } else if (active[t][j]) {
          bld.bias(t, j, b[t][j]);
        }
      }
    }
    return bld.build();
  }

  /** Whether every weight and bias is finite. */
  boolean isFinite() {
    for (double[][] arrays : new double[][][] {w, b}) {
      for (double[] a : arrays) {
        for (double v : a) {
          if (!Double.isFinite(v)) {
            return false;
          }
        }
      }
    }
    return true;
  }
}
