package swatnn.selection;

import java.io.Serializable;
import swatnn.mlp.SparseMlp;

/**
 * One configuration's best network (k hidden layers): the network of its restarts with the
 * lowest validation MSE, with its errors on the (scaled) training rows it was fitted on and its
 * validation MSE as the selection scored it. The network is held reduced ({@link
 * SparseMlp#reduced()}: the same function), so that its non-zero count and active neurons
 * count only what the prediction uses.
 */
public record ConfigurationResult(int hiddenLayers, SparseMlp network, double trainMse,
    double validationMse, double seconds) implements Serializable {
  private static final long serialVersionUID = 1L;

  public ConfigurationResult {
    network = network.reduced();
  }

  public int nonZeroCount() {
    return network.nonZeroCount();
  }

  public int activeNeurons() {
    return network.activeNeuronCount();
  }
}
