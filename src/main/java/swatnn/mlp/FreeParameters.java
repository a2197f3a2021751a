package swatnn.mlp;

import java.util.ArrayList;
import java.util.List;

/**
 * The parameters of a fixed network structure that a fit may move, as one vector, with the
 * network's outputs, their analytic Jacobian and the gradient of the mean squared error with
 * respect to that vector: the one derivative code of every small-network fit (Levenberg-Marquardt
 * refinement, Adam polishing, dense starts, DARTS+ADMM's weight training).
 *
 * <p>The structure is that of a {@link SparseMlp} (its active neurons and activations,
 * docs/METHOD.md section 3); which of its weights and biases are free is the {@link Scope}. The
 * vector holds, in this order: the free weights on live connections (from an input or active
 * neuron to an active neuron or the output), transition by transition, row-major; the free
 * biases of active hidden neurons; the output bias. Everything else keeps its value, so the
 * non-zero count after a fit is at most that of the start plus the free zero entries. Not
 * thread-safe: one instance per thread.
 */
public final class FreeParameters {
  /** Which weights and biases are free. */
  public enum Scope {
    /** The non-zero weights, every active bias and the output bias (refinement). */
    NON_ZERO_WEIGHTS,
    /** The non-zero weights and biases only: the zero pattern cannot change (polishing). */
    NON_ZERO,
    /** Every weight on a live connection and every bias (training a dense network). */
    LIVE
  }

  private final SparseMlp template;
  private final int k;
  private final int h;
  private final int nIn;
  /** Per free weight: transition, source, target. */
  private final int[] wt;
  private final int[] wi;
  private final int[] wj;
  /** Per free hidden bias: layer, neuron. */
  private final int[] bl;
  private final int[] bj;
  /** Working copies: w[t][i][j] (t = k: j = 0), b[l][j], the output bias in b[k][0]. */
  private final double[][][] w;
  private final double[][] b;
  /** Index of w[t][i][j] / b[l][j] in the parameter vector, or -1 when it is fixed at 0. */
  private final int[][][] wIndex;
  private final int[][] bIndex;
  private final Activation[][] act;
  private final boolean[][] active;
  // per-row buffers: layer outputs, derivatives, back-propagated sensitivities
  private final double[][] out;
  private final double[][] slope;
  private final double[][] delta;

  /** The non-zero weights and every bias of {@code net}'s canonical form ({@link SparseMlp#pruned()}). */
  public FreeParameters(SparseMlp net) {
    this(net, Scope.NON_ZERO_WEIGHTS);
  }

  /** The parameters of {@code net}'s canonical form ({@link SparseMlp#pruned()}) in the scope. */
  public FreeParameters(SparseMlp net, Scope scope) {
    template = net.pruned();
    MlpLayout layout = template.layout();
    k = template.hiddenLayers();
    h = layout.maxNeurons();
    nIn = template.nIn();
    act = new Activation[k][h];
    active = new boolean[k][h];
    for (int l = 0; l < k; l++) {
      for (int j = 0; j < h; j++) {
        act[l][j] = template.activation(l, j);
        active[l][j] = template.isActive(l, j);
      }
    }
    w = new double[k + 1][][];
    wIndex = new int[k + 1][][];
    List<int[]> weights = new ArrayList<>();
    for (int t = 0; t <= k; t++) {
      int rows = layout.weightRows(nIn, t);
      int cols = layout.weightColumns(k, t);
      w[t] = new double[rows][cols];
      wIndex[t] = new int[rows][cols];
      for (int i = 0; i < rows; i++) {
        for (int j = 0; j < cols; j++) {
          double v = template.weight(t, i, j);
          w[t][i][j] = v;
          boolean live = (t == 0 || active[t - 1][i]) && (t == k || active[t][j]);
          wIndex[t][i][j] = live && (v != 0 || scope == Scope.LIVE) ? weights.size() : -1;
          if (wIndex[t][i][j] >= 0) {
            weights.add(new int[] {t, i, j});
          }
        }
      }
    }
    wt = new int[weights.size()];
    wi = new int[weights.size()];
    wj = new int[weights.size()];
    for (int p = 0; p < weights.size(); p++) {
      wt[p] = weights.get(p)[0];
      wi[p] = weights.get(p)[1];
      wj[p] = weights.get(p)[2];
    }
    b = new double[k + 1][];
    bIndex = new int[k + 1][];
    List<int[]> biases = new ArrayList<>();
    int next = wt.length;
    for (int l = 0; l < k; l++) {
      b[l] = new double[h];
      bIndex[l] = new int[h];
      for (int j = 0; j < h; j++) {
        b[l][j] = template.bias(l, j);
        boolean free = active[l][j] && (b[l][j] != 0 || scope != Scope.NON_ZERO);
        bIndex[l][j] = free ? next++ : -1;
        if (free) {
          biases.add(new int[] {l, j});
        }
      }
    }
    b[k] = new double[] {template.outputBias()};
    bIndex[k] = new int[] {next};
    bl = new int[biases.size()];
    bj = new int[biases.size()];
    for (int p = 0; p < biases.size(); p++) {
      bl[p] = biases.get(p)[0];
      bj[p] = biases.get(p)[1];
    }
    out = new double[k + 1][];
    out[0] = new double[nIn];
    for (int l = 1; l <= k; l++) {
      out[l] = new double[h];
    }
    slope = new double[k][h];
    delta = new double[k][h];
  }

  /** The number of free parameters. */
  public int size() {
    return wt.length + bl.length + 1;
  }

  /** The number of free weights (the first entries of the vector). */
  public int weightCount() {
    return wt.length;
  }

  /** The free parameters' values in the network this was made from. */
  public double[] values() {
    double[] p = new double[size()];
    for (int q = 0; q < wt.length; q++) {
      p[q] = template.weight(wt[q], wi[q], wj[q]);
    }
    for (int q = 0; q < bl.length; q++) {
      p[wt.length + q] = template.bias(bl[q], bj[q]);
    }
    p[size() - 1] = template.outputBias();
    return p;
  }

  /**
   * The network with the free parameters set to {@code p}.
   *
   * @param p a vector of length {@link #size()}
   * @param keep whether each free weight stays (null: all); a dropped weight becomes 0, so that
   *     pruning can remove weights without a second parameter map
   */
  public SparseMlp toMlp(double[] p, boolean[] keep) {
    checkLength(p);
    SparseMlp.Builder bld = template.toBuilder();
    for (int q = 0; q < wt.length; q++) {
      double v = keep == null || keep[q] ? p[q] : 0.0;
      if (wt[q] == k) {
        bld.outputWeight(wi[q], v);
      } else {
        bld.weight(wt[q], wi[q], wj[q], v);
      }
    }
    for (int q = 0; q < bl.length; q++) {
      bld.bias(bl[q], bj[q], p[wt.length + q]);
    }
    bld.outputBias(p[size() - 1]);
    return bld.build();
  }

  /**
   * Outputs and Jacobian at {@code p}, each row scaled by a row weight: {@code f[r] = s_r
   * net(x_r)} and {@code jac[r][q] = s_r d net(x_r) / d p_q}.
   *
   * @param p a vector of length {@link #size()}
   * @param x rows of {@code nIn} inputs
   * @param scale per-row factors s_r (the square roots of instance weights), or null for 1
   * @param f receives the outputs, length {@code x.length}
   * @param jac receives the Jacobian, {@code x.length} rows of {@link #size()}, or null
   */
  public void evaluate(double[] p, double[][] x, double[] scale, double[] f, double[][] jac) {
    load(p);
    for (int r = 0; r < x.length; r++) {
      double s = scale == null ? 1 : scale[r];
      double y = forward(x[r]);
      f[r] = s * y;
      if (jac == null) {
        continue;
      }
      jacobianRow(s, jac[r]);
    }
  }

  /**
   * Sets the parameter vector that the following {@link #output(double[], double[])} calls use:
   * with it, outputs and Jacobian rows are computed one row at a time, without an n x m matrix.
   *
   * @param p a vector of length {@link #size()} (copied into the working weights)
   */
  public void parameters(double[] p) {
    load(p);
  }

  /**
   * The network's output for one row at the parameters last {@linkplain #parameters(double[])
   * set}, and its gradient.
   *
   * @param row {@code nIn} inputs
   * @param jacobianRow receives {@code d net(row) / d p_q}, length {@link #size()}, or null
   */
  public double output(double[] row, double[] jacobianRow) {
    double y = forward(row);
    if (jacobianRow != null) {
      jacobianRow(1, jacobianRow);
    }
    return y;
  }

  /**
   * The mean squared error at {@code p} and its gradient, {@code grad[q] = d MSE / d p_q}, with
   * row weights: {@code MSE = sum_r w_r (net(x_r) - y_r)^2 / sum_r w_r}.
   *
   * @param p a vector of length {@link #size()}
   * @param x rows of {@code nIn} inputs
   * @param y their labels
   * @param weights row weights >= 0, not all 0, or null for 1 each
   * @param grad receives the gradient, length {@link #size()}
   * @return the (weighted) mean squared error at {@code p}
   */
  public double gradient(double[] p, double[][] x, double[] y, double[] weights, double[] grad) {
    load(p);
    java.util.Arrays.fill(grad, 0);
    double[] row = new double[size()];
    double total = 0;
    double sum = 0;
    for (int r = 0; r < x.length; r++) {
      double wr = weights == null ? 1 : weights[r];
      double e = forward(x[r]) - y[r];
      total += wr;
      sum += wr * e * e;
      if (wr == 0) {
        continue;
      }
      jacobianRow(2 * wr * e, row);
      for (int q = 0; q < row.length; q++) {
        grad[q] += row[q];
      }
    }
    for (int q = 0; q < grad.length; q++) {
      grad[q] /= total;
    }
    return sum / total;
  }

  /** {@code s} times the gradient of the output of the row last passed to {@link #forward}. */
  private void jacobianRow(double s, double[] row) {
    int biasBase = wt.length;
    // sensitivities d y / d pre-activation, last hidden layer first
    for (int l = k - 1; l >= 0; l--) {
      for (int j = 0; j < h; j++) {
        if (!active[l][j]) {
          delta[l][j] = 0;
          continue;
        }
        double up;
        if (l == k - 1) {
          up = w[k][j][0];
        } else {
          up = 0;
          double[] wRow = w[l + 1][j];
          for (int m = 0; m < h; m++) {
            up += wRow[m] * delta[l + 1][m];
          }
        }
        delta[l][j] = up * slope[l][j];
      }
    }
    for (int q = 0; q < wt.length; q++) {
      int t = wt[q];
      double from = out[t][wi[q]];
      row[q] = s * from * (t == k ? 1.0 : delta[t][wj[q]]);
    }
    for (int q = 0; q < bl.length; q++) {
      row[biasBase + q] = s * delta[bl[q]][bj[q]];
    }
    row[size() - 1] = s;
  }

  private void load(double[] p) {
    checkLength(p);
    for (int q = 0; q < wt.length; q++) {
      w[wt[q]][wi[q]][wj[q]] = p[q];
    }
    for (int q = 0; q < bl.length; q++) {
      b[bl[q]][bj[q]] = p[wt.length + q];
    }
    b[k][0] = p[size() - 1];
  }

  /** The output for one row; fills out[] and slope[]. */
  private double forward(double[] row) {
    System.arraycopy(row, 0, out[0], 0, nIn);
    for (int l = 0; l < k; l++) {
      double[] in = out[l];
      double[][] wl = w[l];
      double[] o = out[l + 1];
      for (int j = 0; j < h; j++) {
        if (!active[l][j]) {
          o[j] = 0;
          slope[l][j] = 0;
          continue;
        }
        double s = b[l][j];
        for (int i = 0; i < in.length; i++) {
          s += in[i] * wl[i][j];
        }
        double a = act[l][j].apply(s);
        o[j] = a;
        slope[l][j] = act[l][j].derivative(s, a);
      }
    }
    double y = b[k][0];
    double[] last = out[k];
    for (int i = 0; i < h; i++) {
      y += last[i] * w[k][i][0];
    }
    return y;
  }

  private void checkLength(double[] p) {
    if (p.length != size()) {
      throw new IllegalArgumentException("parameter vector has length " + p.length + ", need "
          + size());
    }
  }
}
