package swatnn.search;

import java.io.Serializable;
import swatnn.mlp.SparseMlp;

/**
 * The outcome of searching one configuration (k hidden layers): the discrete network extracted
 * from the best restart, with its errors on the (scaled) training and validation splits. The
 * network is held without dead ends ({@link SparseMlp#withoutDeadEnds()}: the same function),
 * so that its non-zero count and active neurons count only what the prediction uses.
 */
public record ConfigurationResult(int hiddenLayers, SparseMlp network, double trainMse,
    double validationMse, double seconds) implements Serializable {

  public ConfigurationResult {
    network = network.withoutDeadEnds();
  }

  public int nonZeroCount() {
    return network.nonZeroCount();
  }

  public int activeNeurons() {
    return network.activeNeuronCount();
  }
}
