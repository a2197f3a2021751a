package swatnn.mlp;

import java.util.Random;

/**
 * Fits the parameters of a fixed network structure to data by full-batch gradient descent
 * (Adam on the mean squared error), in plain Java. The structure (which neurons are active,
 * their activations) never changes; which weights and biases move is chosen by the caller:
 * only the non-zero ones (polishing a discovered network without changing its zero pattern) or
 * every live one (training a dense network).
 */
public final class SparseMlpFitter {
  private static final double BETA1 = 0.9;
  private static final double BETA2 = 0.999;
  private static final double EPS = 1e-8;

  private SparseMlpFitter() {}

  /**
   * Fits and returns the network with the lowest training MSE seen (the start if nothing helped).
   *
   * @param start the structure and the initial values
   * @param onlyNonZero move only parameters that are non-zero in {@code start} (so the non-zero
   *     count cannot change); otherwise every weight and bias of the live network
   */
  public static SparseMlp fit(SparseMlp start, double[][] x, double[] y, int steps,
      double learningRate, boolean onlyNonZero) {
    State s = new State(start, onlyNonZero);
    double bestMse = s.mse(x, y);
    SparseMlp best = start;
    for (int step = 1; step <= steps; step++) {
      double mse = s.step(x, y, learningRate, step);
      if (mse < bestMse) { // the MSE of the parameters before this step's update
        bestMse = mse;
        best = s.previous;
      }
    }
    double last = s.mse(x, y);
    if (last < bestMse) {
      best = s.toMlp();
    }
    return best;
  }

  /**
   * A dense network (every neuron of k layers of H active) with random activations and
   * Glorot-scaled random weights, for {@link #fit} to train.
   */
  public static SparseMlp denseStart(MlpLayout layout, int nIn, int k, Random random) {
    SparseMlp.Builder b = SparseMlp.builder(layout, nIn, k);
    int h = layout.maxNeurons();
    Activation[] acts = Activation.values();
    for (int t = 0; t <= k; t++) {
      int rows = layout.weightRows(nIn, t);
      int cols = layout.weightColumns(k, t);
      double scale = Math.sqrt(6.0 / (rows + cols));
      for (int i = 0; i < rows; i++) {
        for (int j = 0; j < cols; j++) {
          double w = (2 * random.nextDouble() - 1) * scale;
          if (t == k) {
            b.outputWeight(i, w);
          } else {
            b.weight(t, i, j, w);
          }
        }
      }
    }
    for (int l = 0; l < k; l++) {
      for (int j = 0; j < h; j++) {
        b.neuron(l, j, acts[random.nextInt(acts.length)], 0.0);
      }
    }
    return b.build();
  }

  /** Mutable parameters with Adam moments and trainable masks. */
  private static final class State {
    final MlpLayout layout;
    final int nIn;
    final int k;
    final int h;
    final double[][][] w; // [t][from][to], t = 0..k (t = k: to = 0 only)
    final double[][] b; // [l][j], l = 0..k-1; b[k][0] = output bias
    final boolean[][][] wTrain;
    final boolean[][] bTrain;
    final double[][][] wm;
    final double[][][] wv;
    final double[][] bm;
    final double[][] bv;
    final Activation[][] act;
    final boolean[][] active;
    SparseMlp template;
    SparseMlp previous;

    State(SparseMlp m, boolean onlyNonZero) {
      template = m;
      layout = m.layout();
      nIn = m.nIn();
      k = m.hiddenLayers();
      h = layout.maxNeurons();
      w = new double[k + 1][][];
      wTrain = new boolean[k + 1][][];
      wm = new double[k + 1][][];
      wv = new double[k + 1][][];
      b = new double[k + 1][];
      bTrain = new boolean[k + 1][];
      bm = new double[k + 1][];
      bv = new double[k + 1][];
      act = new Activation[k][h];
      active = new boolean[k][h];
      for (int l = 0; l < k; l++) {
        for (int j = 0; j < h; j++) {
          act[l][j] = m.activation(l, j);
          active[l][j] = m.isActive(l, j);
        }
      }
      for (int t = 0; t <= k; t++) {
        int rows = layout.weightRows(nIn, t);
        int cols = layout.weightColumns(k, t);
        w[t] = new double[rows][cols];
        wTrain[t] = new boolean[rows][cols];
        wm[t] = new double[rows][cols];
        wv[t] = new double[rows][cols];
        for (int i = 0; i < rows; i++) {
          boolean fromLive = t == 0 || active[t - 1][i];
          for (int j = 0; j < cols; j++) {
            boolean toLive = t == k || active[t][j];
            w[t][i][j] = fromLive && toLive ? m.weight(t, i, j) : 0;
            wTrain[t][i][j] = fromLive && toLive && (!onlyNonZero || w[t][i][j] != 0);
          }
        }
        int nb = t == k ? 1 : h;
        b[t] = new double[nb];
        bTrain[t] = new boolean[nb];
        bm[t] = new double[nb];
        bv[t] = new double[nb];
        for (int j = 0; j < nb; j++) {
          boolean live = t == k || active[t][j];
          b[t][j] = !live ? 0 : t == k ? m.outputBias() : m.bias(t, j);
          bTrain[t][j] = live && (!onlyNonZero || b[t][j] != 0);
        }
      }
    }

    double mse(double[][] x, double[] y) {
      double s = 0;
      double[][] hs = new double[k + 1][];
      double[][] pre = new double[k][];
      for (int r = 0; r < x.length; r++) {
        double e = forward(x[r], hs, pre) - y[r];
        s += e * e;
      }
      return s / x.length;
    }

    /** One Adam step on the full batch; returns the MSE before the update. */
    double step(double[][] x, double[] y, double lr, int step) {
      double[][][] gw = new double[k + 1][][];
      double[][] gb = new double[k + 1][];
      for (int t = 0; t <= k; t++) {
        gw[t] = new double[w[t].length][w[t][0].length];
        gb[t] = new double[b[t].length];
      }
      double[][] hs = new double[k + 1][];
      double[][] pre = new double[k][];
      double loss = 0;
      int n = x.length;
      for (int r = 0; r < n; r++) {
        double out = forward(x[r], hs, pre);
        double e = out - y[r];
        loss += e * e;
        double dOut = 2 * e / n;
        // output transition
        gb[k][0] += dOut;
        double[] dh = new double[h];
        for (int i = 0; i < h; i++) {
          gw[k][i][0] += hs[k][i] * dOut;
          dh[i] = w[k][i][0] * dOut;
        }
        for (int l = k - 1; l >= 0; l--) {
          double[] dPre = new double[h];
          for (int j = 0; j < h; j++) {
            if (active[l][j]) {
              dPre[j] = dh[j] * act[l][j].derivative(pre[l][j], act[l][j].apply(pre[l][j]));
            }
          }
          double[] in = hs[l];
          double[] dIn = l > 0 ? new double[h] : null;
          for (int i = 0; i < in.length; i++) {
            double sum = 0;
            for (int j = 0; j < h; j++) {
              gw[l][i][j] += in[i] * dPre[j];
              sum += w[l][i][j] * dPre[j];
            }
            if (dIn != null) {
              dIn[i] = sum;
            }
          }
          for (int j = 0; j < h; j++) {
            gb[l][j] += dPre[j];
          }
          dh = dIn;
        }
      }
      previous = toMlp();
      double bc1 = 1 - Math.pow(BETA1, step);
      double bc2 = 1 - Math.pow(BETA2, step);
      for (int t = 0; t <= k; t++) {
        for (int i = 0; i < w[t].length; i++) {
          for (int j = 0; j < w[t][i].length; j++) {
            if (wTrain[t][i][j]) {
              w[t][i][j] -= adam(gw[t][i][j], wm[t][i], wv[t][i], j, lr, bc1, bc2);
            }
          }
        }
        for (int j = 0; j < b[t].length; j++) {
          if (bTrain[t][j]) {
            b[t][j] -= adam(gb[t][j], bm[t], bv[t], j, lr, bc1, bc2);
          }
        }
      }
      return loss / n;
    }

    private static double adam(double g, double[] m, double[] v, int j, double lr, double bc1, double bc2) {
      m[j] = BETA1 * m[j] + (1 - BETA1) * g;
      v[j] = BETA2 * v[j] + (1 - BETA2) * g * g;
      return lr * (m[j] / bc1) / (Math.sqrt(v[j] / bc2) + EPS);
    }

    /** Forward pass of one row; hs[l] = input of transition l, pre[l] = pre-activations of layer l. */
    private double forward(double[] row, double[][] hs, double[][] pre) {
      hs[0] = row;
      for (int l = 0; l < k; l++) {
        double[] in = hs[l];
        double[] p = new double[h];
        double[] out = new double[h];
        for (int j = 0; j < h; j++) {
          if (!active[l][j]) {
            continue;
          }
          double s = b[l][j];
          for (int i = 0; i < in.length; i++) {
            s += in[i] * w[l][i][j];
          }
          p[j] = s;
          out[j] = act[l][j].apply(s);
        }
        pre[l] = p;
        hs[l + 1] = out;
      }
      double o = b[k][0];
      for (int i = 0; i < h; i++) {
        o += hs[k][i] * w[k][i][0];
      }
      return o;
    }

    SparseMlp toMlp() {
      SparseMlp.Builder bld = template.toBuilder();
      for (int t = 0; t <= k; t++) {
        for (int i = 0; i < w[t].length; i++) {
          for (int j = 0; j < w[t][i].length; j++) {
            if (wTrain[t][i][j]) {
              if (t == k) {
                bld.outputWeight(i, w[t][i][j]);
              } else {
                bld.weight(t, i, j, w[t][i][j]);
              }
            }
          }
        }
        for (int j = 0; j < b[t].length; j++) {
          if (bTrain[t][j]) {
            if (t == k) {
              bld.outputBias(b[t][j]);
            } else {
              bld.bias(t, j, b[t][j]);
            }
          }
        }
      }
      return bld.build();
    }
  }
}
