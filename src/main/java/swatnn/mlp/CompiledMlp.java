package swatnn.mlp;

import java.util.Arrays;

/**
 * The evaluation form of a {@link SparseMlp}: only the neurons that can influence the output,
 * only their non-zero weights, in flat arrays, evaluated in one pass over a value buffer.
 *
 * <p>Compilation drops inactive neurons, zero weights and active neurons with no non-zero path
 * to the output; a neuron none of whose inputs vary (no non-zero weight from an input or from a
 * varying neuron) is constant, and its value is folded into the biases of the neurons it feeds.
 * These steps preserve the function exactly up to the order of floating-point additions.
 *
 * <p>Buffer layout: entries 0..nIn-1 hold the inputs, entry nIn + n the value of evaluated
 * neuron n. Neuron n (and then the output, as a final segment) reads the edges
 * {@code start[n] .. start[n + 1] - 1}: buffer index {@code source[e]}, weight {@code weight[e]}.
 */
final class CompiledMlp {

  private static final byte SIGMOID = 0;
  private static final byte TANH = 1;
  private static final byte LEAKY = 2;

  private final int nIn;
  private final int neurons;
  private final byte[] activation;
  private final double[] bias;
  private final int[] start;
  private final int[] source;
  private final double[] weight;
  private final double outputBias;

  private CompiledMlp(int nIn, int neurons, byte[] activation, double[] bias, int[] start,
      int[] source, double[] weight, double outputBias) {
    this.nIn = nIn;
    this.neurons = neurons;
    this.activation = activation;
    this.bias = bias;
    this.start = start;
    this.source = source;
    this.weight = weight;
    this.outputBias = outputBias;
  }

  /** Compiles {@code mlp}. */
  static CompiledMlp of(SparseMlp mlp) {
    int h = mlp.layout().maxNeurons();
    int k = mlp.hiddenLayers();
    int nIn = mlp.nIn();

    // Backwards: which active neurons reach the output through non-zero weights.
    boolean[][] relevant = new boolean[k][h];
    for (int l = k - 1; l >= 0; l--) {
      for (int j = 0; j < h; j++) {
        if (!mlp.isActive(l, j)) {
          continue;
        }
        if (l == k - 1) {
          relevant[l][j] = mlp.weight(k, j, 0) != 0;
        } else {
          for (int i = 0; i < h && !relevant[l][j]; i++) {
            relevant[l][j] = relevant[l + 1][i] && mlp.weight(l + 1, j, i) != 0;
          }
        }
      }
    }

    // Forwards: emit the varying relevant neurons, fold the constant ones.
    int maxEdges = mlp.weightCount();
    int maxNeurons = k * h;
    byte[] act = new byte[maxNeurons];
    double[] nodeBias = new double[maxNeurons];
    int[] start = new int[maxNeurons + 2];
    int[] source = new int[maxEdges];
    double[] weight = new double[maxEdges];
    int[] prevIndex = new int[h];
    double[] prevConstant = new double[h];
    boolean[] prevIsConstant = new boolean[h];
    int[] curIndex = new int[h];
    double[] curConstant = new double[h];
    boolean[] curIsConstant = new boolean[h];
    int emitted = 0;
    int edges = 0;
    for (int l = 0; l <= k; l++) {
      boolean output = l == k;
      int targets = output ? 1 : h;
      for (int j = 0; j < targets; j++) {
        if (!output && !relevant[l][j]) {
          continue;
        }
        double b = output ? mlp.outputBias() : mlp.bias(l, j);
        int first = edges;
        int sources = l == 0 ? nIn : h;
        for (int i = 0; i < sources; i++) {
          double w = mlp.weight(l, i, output ? 0 : j);
          if (w == 0) {
            continue;
          }
          if (l == 0) {
            source[edges] = i;
            weight[edges++] = w;
          } else if (!relevant[l - 1][i]) {
            continue; // inactive, or feeds nothing: cannot be a source with w != 0 to us
          } else if (prevIsConstant[i]) {
            b += w * prevConstant[i];
          } else {
            source[edges] = prevIndex[i];
            weight[edges++] = w;
          }
        }
        if (output) {
          start[emitted] = first;
          start[emitted + 1] = edges;
          return new CompiledMlp(nIn, emitted, Arrays.copyOf(act, emitted),
              Arrays.copyOf(nodeBias, emitted), Arrays.copyOf(start, emitted + 2),
              Arrays.copyOf(source, edges), Arrays.copyOf(weight, edges), b);
        }
        Activation a = mlp.activation(l, j);
        if (edges == first) {
          curIsConstant[j] = true;
          curConstant[j] = a.apply(b);
        } else {
          curIsConstant[j] = false;
          curIndex[j] = nIn + emitted;
          act[emitted] = (byte) a.ordinal();
          nodeBias[emitted] = b;
          start[emitted] = first;
          emitted++;
        }
      }
      int[] ti = prevIndex;
      prevIndex = curIndex;
      curIndex = ti;
      double[] tc = prevConstant;
      prevConstant = curConstant;
      curConstant = tc;
      boolean[] tb = prevIsConstant;
      prevIsConstant = curIsConstant;
      curIsConstant = tb;
    }
    throw new AssertionError("unreachable: the output transition returns");
  }

  /** The buffer length {@link #predict(double[], double[])} needs. */
  int bufferSize() {
    return nIn + neurons;
  }

  /** The output for input {@code x} (length nIn, checked by the caller). */
  double predict(double[] x, double[] buffer) {
    for (int i = 0; i < nIn; i++) {
      buffer[i] = x[i];
    }
    int e = 0;
    for (int n = 0; n < neurons; n++) {
      double s = bias[n];
      int end = start[n + 1];
      for (; e < end; e++) {
        s += weight[e] * buffer[source[e]];
      }
      double v;
      switch (activation[n]) {
        case SIGMOID:
          v = Activation.sigmoid(s);
          break;
        case TANH:
          v = Activation.tanh(s);
          break;
        default:
          v = Activation.leakyRelu(s);
          break;
      }
      buffer[nIn + n] = v;
    }
    double s = outputBias;
    for (int end = source.length; e < end; e++) {
      s += weight[e] * buffer[source[e]];
    }
    return s;
  }

  /** The number of neurons evaluated per row (for diagnostics and tests). */
  int evaluatedNeurons() {
    return neurons;
  }

  /** The number of multiply-adds per row (for diagnostics and tests). */
  int evaluatedWeights() {
    return source.length;
  }
}
