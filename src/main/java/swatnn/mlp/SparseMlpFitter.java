package swatnn.mlp;

import java.util.Random;

/**
 * Fits the parameters of a fixed network structure to data by full-batch gradient descent
 * ({@link Adam} on the mean squared error, gradients from {@link FreeParameters}). The
 * structure (which neurons are active, their activations) never changes; which weights and
 * biases move is chosen by the caller: only the non-zero ones (polishing a discovered network
 * without changing its zero pattern) or every live one (training a dense network).
 */
public final class SparseMlpFitter {
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
    FreeParameters free = new FreeParameters(start,
        onlyNonZero ? FreeParameters.Scope.NON_ZERO : FreeParameters.Scope.LIVE);
    Adam adam = new Adam(free.size(), learningRate);
    double[] p = free.values();
    double[] grad = new double[p.length];
    double[] best = p.clone();
    double bestMse = Double.POSITIVE_INFINITY;
    for (int step = 0; step <= steps; step++) {
      double mse = free.gradient(p, x, y, null, grad); // the MSE before this step's update
      if (mse < bestMse) {
        bestMse = mse;
        System.arraycopy(p, 0, best, 0, p.length);
      }
      if (step < steps) {
        adam.update(p, grad);
      }
    }
    return bestMse < Double.POSITIVE_INFINITY ? free.toMlp(best, null) : start;
  }

  /** Which weights a draw replaces. */
  private interface Entries {
    boolean drawn(int t, int i, int j);
  }

  /** Uniform weights at Glorot's scale for each transition's shape, where {@code which} says. */
  private static void drawWeights(SparseMlp.Builder b, MlpLayout layout, int nIn, int k,
      Random random, Entries which) {
    for (int t = 0; t <= k; t++) {
      int rows = layout.weightRows(nIn, t);
      int cols = layout.weightColumns(k, t);
      double scale = Math.sqrt(6.0 / (rows + cols));
      for (int i = 0; i < rows; i++) {
        for (int j = 0; j < cols; j++) {
          if (!which.drawn(t, i, j)) {
            continue;
          }
          double w = (2 * random.nextDouble() - 1) * scale;
          if (t == k) {
            b.outputWeight(i, w);
          } else {
            b.weight(t, i, j, w);
          }
        }
      }
    }
  }

  /**
   * The same structure (zero pattern, active neurons, activations) with fresh weights: every
   * non-zero weight drawn as {@link #denseStart} draws them (uniform, Glorot's scale for the
   * transition's shape), every bias 0. A fit from here depends on the rows it is given, not on
   * the weights {@code net} was fitted to elsewhere.
   *
   * @param net the structure
   * @param random the generator
   * @return the network with new weights
   */
  public static SparseMlp reinitialised(SparseMlp net, Random random) {
    SparseMlp.Builder b = net.toBuilder();
    MlpLayout layout = net.layout();
    int k = net.hiddenLayers();
    int h = layout.maxNeurons();
    drawWeights(b, layout, net.nIn(), k, random, (t, i, j) -> net.weight(t, i, j) != 0);
    for (int l = 0; l < k; l++) {
      for (int j = 0; j < h; j++) {
        if (net.isActive(l, j)) {
          b.bias(l, j, 0.0);
        }
      }
    }
    return b.outputBias(0.0).build();
  }

  /**
   * A dense network (every neuron of k layers of H active) with random activations and
   * Glorot-scaled random weights, for {@link #fit} to train.
   */
  public static SparseMlp denseStart(MlpLayout layout, int nIn, int k, Random random) {
    SparseMlp.Builder b = SparseMlp.builder(layout, nIn, k);
    int h = layout.maxNeurons();
    Activation[] acts = Activation.values();
    drawWeights(b, layout, nIn, k, random, (t, i, j) -> true);
    for (int l = 0; l < k; l++) {
      for (int j = 0; j < h; j++) {
        b.neuron(l, j, acts[random.nextInt(acts.length)], 0.0);
      }
    }
    return b.build();
  }
}
