package swatnn.darts;

import java.util.Random;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import swatnn.nd4j.Nd4jRuntime;
import swatnn.nd4j.ParameterSet;
import swatnn.mlp.Activation;
import swatnn.mlp.MlpLayout;
import swatnn.mlp.SparseMlp;

/**
 * The weight arrays of a {@link MixedMlpGraph} ({@code w0..wk}, {@code b0..bk}, float,
 * row-major (from, to)): initialisation, and their conversion into a {@link SparseMlp}.
 */
final class WeightArrays {
  static {
    Nd4jRuntime.init();
  }

  private WeightArrays() {}

  /** Glorot-uniform weights, zero biases, for a k-layer supernet of H neurons per layer. */
  static ParameterSet random(int nIn, int k, int h, Random random) {
    ParameterSet p = new ParameterSet();
    for (int t = 0; t <= k; t++) {
      int rows = t == 0 ? nIn : h;
      int cols = t == k ? 1 : h;
      double scale = Math.sqrt(6.0 / (rows + cols));
      float[] w = new float[rows * cols];
      for (int i = 0; i < w.length; i++) {
        w[i] = (float) ((2 * random.nextDouble() - 1) * scale);
      }
      p.put(MixedMlpGraph.weight(t), Nd4j.create(w, new long[] {rows, cols}, 'c'));
      p.put(MixedMlpGraph.bias(t), Nd4j.create(new float[cols], new long[] {1, cols}, 'c'));
    }
    return p;
  }

  /**
   * The network with the structure (activations, active flags) of {@code structure} and the
   * weights and biases of {@code p} on its live connections and active neurons; everything else
   * is 0.
   */
  static SparseMlp withWeights(SparseMlp structure, ParameterSet p) {
    int k = structure.hiddenLayers();
    MlpLayout layout = structure.layout();
    int h = layout.maxNeurons();
    SparseMlp.Builder b = SparseMlp.builder(layout, structure.nIn(), k);
    for (int l = 0; l < k; l++) {
      for (int j = 0; j < h; j++) {
        b.activation(l, j, structure.activation(l, j));
        if (structure.isActive(l, j)) {
          b.neuron(l, j, structure.activation(l, j), p.get(MixedMlpGraph.bias(l)).getDouble(0, j));
        }
      }
    }
    for (int t = 0; t <= k; t++) {
      INDArray w = p.get(MixedMlpGraph.weight(t));
      int rows = t == 0 ? structure.nIn() : h;
      int cols = t == k ? 1 : h;
      for (int i = 0; i < rows; i++) {
        if (t > 0 && !structure.isActive(t - 1, i)) {
          continue;
        }
        for (int j = 0; j < cols; j++) {
          if (t == k || structure.isActive(t, j)) {
            b.weight(t, i, j, w.getDouble(i, j));
          }
        }
      }
    }
    b.outputBias(p.get(MixedMlpGraph.bias(k)).getDouble(0, 0));
    return b.build();
  }

  /**
   * Throws unless every entry of {@code p} is finite.
   *
   * @throws ArithmeticException naming the phase that diverged
   */
  static void requireFinite(ParameterSet p, String phase) {
    for (java.util.Map.Entry<String, INDArray> e : p.asMap().entrySet()) {
      if (e.getValue().isNaN().any() || e.getValue().isInfinite().any()) {
        throw new ArithmeticException(phase + " diverged: " + e.getKey() + " is not finite");
      }
    }
  }

  /** A copy of every array of {@code p}. */
  static ParameterSet copy(ParameterSet p) {
    ParameterSet c = new ParameterSet();
    p.asMap().forEach((name, a) -> c.put(name, a.dup()));
    return c;
  }

  /** The activation a neuron with these logits (one per activation, in order) takes. */
  static Activation argmax(double[] logits) {
    int best = 0;
    for (int a = 1; a < logits.length; a++) {
      if (logits[a] > logits[best]) {
        best = a;
      }
    }
    return Activation.ofIndex(best);
  }
}
