package swatnn.mlp;

/** Hand-built networks, a naive reference forward pass and input rows shared by the tests. */
final class TestNetworks {

  private TestNetworks() {}

  /**
   * 2 inputs, 2 hidden layers (default layout). Hidden layer 0: slot 0 tanh, slot 1 sigmoid,
   * slot 3 leaky active; slot 2 masked but with weights and bias. Hidden layer 1: slot 0 leaky
   * (bias 0), slot 4 tanh active; slot 6 masked with weights in and out. Output bias 0.3.
   */
  static SparseMlp handBuilt() {
    return SparseMlp.builder(MlpLayout.DEFAULT, 2, 2)
        .neuron(0, 0, Activation.TANH, 0.5)
        .neuron(0, 1, Activation.SIGMOID, -0.25)
        .neuron(0, 3, Activation.LEAKY_RELU, 0.1)
        .activation(0, 2, Activation.TANH).bias(0, 2, 0.7) // masked
        .weight(0, 0, 0, 1.0).weight(0, 1, 0, -2.0)
        .weight(0, 0, 1, 0.5).weight(0, 1, 1, 0.5)
        .weight(0, 0, 3, -1.5)
        .weight(0, 0, 2, 3.0).weight(0, 1, 2, 1.0) // into the masked neuron
        .neuron(1, 0, Activation.LEAKY_RELU, 0.0)
        .neuron(1, 4, Activation.TANH, 0.2)
        .weight(1, 0, 0, 2.0).weight(1, 1, 0, -1.0).weight(1, 3, 0, 1.0)
        .weight(1, 2, 0, 5.0) // from the masked neuron
        .weight(1, 0, 4, 0.5).weight(1, 3, 4, -0.7)
        .weight(1, 0, 6, 4.0) // into masked slot 6 of layer 1
        .outputWeight(0, 1.5).outputWeight(4, -2.0)
        .outputWeight(6, 9.0) // from the masked slot 6
        .outputBias(0.3)
        .build();
  }

  /** The forward pass written out directly from the accessors, with Math.tanh. */
  static double reference(SparseMlp m, double[] x) {
    int h = m.layout().maxNeurons();
    double[] values = x.clone();
    for (int l = 0; l < m.hiddenLayers(); l++) {
      double[] next = new double[h];
      for (int j = 0; j < h; j++) {
        double s = m.bias(l, j);
        for (int i = 0; i < values.length; i++) {
          s += m.weight(l, i, j) * values[i];
        }
        double a;
        switch (m.activation(l, j)) {
          case SIGMOID:
            a = 1.0 / (1.0 + Math.exp(-s));
            break;
          case TANH:
            a = Math.tanh(s);
            break;
          default:
            a = s > 0 ? s : 0.01 * s;
            break;
        }
        next[j] = a * (m.isActive(l, j) ? 1.0 : 0.0);
      }
      values = next;
    }
    double y = m.outputBias();
    for (int i = 0; i < h; i++) {
      y += m.weight(m.hiddenLayers(), i, 0) * values[i];
    }
    return y;
  }

  /** n rows of two inputs drawn uniformly from [-1, 1] with the seed. */
  static double[][] twoInputs(int n, long seed) {
    java.util.Random r = new java.util.Random(seed);
    double[][] x = new double[n][2];
    for (double[] row : x) {
      row[0] = 2 * r.nextDouble() - 1;
      row[1] = 2 * r.nextDouble() - 1;
    }
    return x;
  }
}
