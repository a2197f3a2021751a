package swatnn.mlp;

import java.util.Objects;
import java.util.Random;

/**
 * Draws random MLPs from the autoencoder's training distribution (docs/METHOD.md section 2): k
 * uniform in 1..L, nIn uniform in [nInMin, nInMax], a sparsity level p drawn per network from
 * {@link #SPARSITY_LEVELS}, real weights U[-5, 5] each zeroed with probability p, hidden and
 * output biases U[-1, 1], each hidden neuron active with probability 0.5 and its activation
 * uniform over {@link Activation}.
 *
 * <p>All randomness comes from the {@link Random} passed in, so a caller that keeps (and
 * serializes) that generator can reproduce or resume a stream exactly. The order of draws is
 * part of that contract: sparsity level, k (unless fixed), nIn (unless fixed), then per hidden
 * layer and neuron slot: active flag, activation, bias; then the weights transition by
 * transition, row-major, each value followed by its zeroing coin when p > 0; last the output
 * bias. Stateless and thread-safe apart from the generator.
 */
public final class RandomMlpSampler {

  /** The per-network probabilities of zeroing a weight. */
  private static final double[] SPARSITY_LEVELS = {0.0, 0.2, 0.4};

  private static final double WEIGHT_RANGE = 5.0;
  private static final double BIAS_RANGE = 1.0;
  private static final double ACTIVE_PROBABILITY = 0.5;

  /** One sampled network and the sparsity level it was drawn with. */
  public record Draw(SparseMlp mlp, double sparsity) {}

  private final MlpLayout layout;
  private final int nInMin;
  private final int nInMax;

  /**
   * A sampler for {@code layout} drawing the number of inputs uniformly from
   * {@code nInMin..nInMax} (1 <= nInMin <= nInMax <= H; equal bounds fix it).
   */
  public RandomMlpSampler(MlpLayout layout, int nInMin, int nInMax) {
    this.layout = Objects.requireNonNull(layout, "layout");
    if (nInMin < 1 || nInMax > layout.maxNeurons() || nInMin > nInMax) {
      throw new IllegalArgumentException("input-count range must satisfy 1 <= min <= max <= "
          + layout.maxNeurons() + " (H), got [" + nInMin + ", " + nInMax + "]");
    }
    this.nInMin = nInMin;
    this.nInMax = nInMax;
  }

  /** The sparsity levels, one of which is drawn uniformly per network. */
  public static double[] sparsityLevels() {
    return SPARSITY_LEVELS.clone();
  }

  /** The layout of the sampled networks. */
  public MlpLayout layout() {
    return layout;
  }

  /** The smallest number of inputs drawn. */
  public int nInMin() {
    return nInMin;
  }

  /** The largest number of inputs drawn. */
  public int nInMax() {
    return nInMax;
  }

  /** Draws a network with k uniform in 1..L and nIn uniform in the sampler's range. */
  public Draw draw(Random random) {
    double sparsity = drawSparsity(random);
    int k = 1 + random.nextInt(layout.maxHiddenLayers());
    return drawRest(random, sparsity, k, drawInputs(random));
  }

  /** Draws a network with {@code k} hidden layers and nIn uniform in the sampler's range. */
  public Draw draw(Random random, int k) {
    layout.checkHiddenLayers(k);
    double sparsity = drawSparsity(random);
    return drawRest(random, sparsity, k, drawInputs(random));
  }

  /**
   * Draws a network with {@code k} hidden layers and {@code nIn} inputs (for a batch sharing
   * its input points); {@code nIn} need not lie in the sampler's range, only in 1..H.
   */
  public Draw draw(Random random, int k, int nIn) {
    layout.checkHiddenLayers(k);
    layout.checkInputs(nIn);
    return drawRest(random, drawSparsity(random), k, nIn);
  }

  private static double drawSparsity(Random random) {
    return SPARSITY_LEVELS[random.nextInt(SPARSITY_LEVELS.length)];
  }

  private int drawInputs(Random random) {
    return nInMin == nInMax ? nInMin : nInMin + random.nextInt(nInMax - nInMin + 1);
  }

  private Draw drawRest(Random random, double sparsity, int k, int nIn) {
    int slots = k * layout.maxNeurons();
    double[] biases = new double[slots];
    Activation[] activations = new Activation[slots];
    boolean[] active = new boolean[slots];
    int activationCount = Activation.count();
    for (int s = 0; s < slots; s++) {
      active[s] = random.nextDouble() < ACTIVE_PROBABILITY;
      activations[s] = Activation.ofIndex(random.nextInt(activationCount));
      biases[s] = uniform(random, BIAS_RANGE);
    }
    double[] weights = new double[SparseMlp.weightCount(layout, nIn, k)];
    for (int i = 0; i < weights.length; i++) {
      double w = uniform(random, WEIGHT_RANGE);
      if (sparsity > 0 && random.nextDouble() < sparsity) {
        w = 0.0;
      }
      weights[i] = w;
    }
    double outputBias = uniform(random, BIAS_RANGE);
    return new Draw(new SparseMlp(layout, nIn, k, weights, biases, outputBias, activations,
        active), sparsity);
  }

  /** U[-range, range) (the closed interval up to a probability-zero endpoint). */
  private static double uniform(Random random, double range) {
    return (2.0 * random.nextDouble() - 1.0) * range;
  }
}
