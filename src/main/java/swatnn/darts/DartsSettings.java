package swatnn.darts;

import java.util.Arrays;
import java.util.Objects;
import swatnn.mlp.MlpLayout;
import swatnn.mlp.LeastSquaresRefiner;
import swatnn.mlp.Refinement;
import swatnn.selection.SelectionSettings;

/**
 * The mutable configuration of a DARTS + ADMM search (docs/METHOD.md section 6). The paper's values
 * are the defaults where it gives them: 50 epochs, rho = 2, threshold 0.1, 5% tolerance, the
 * layout's H = 7 and L = 4. The rest departs from DARTS' image-classification recipe for a
 * budget of about a minute per data set on one CPU core: Adam for the weights (DARTS: SGD with
 * momentum) at 0.01; batches of 256 rows, so an epoch over 1500 weight rows is 6 bilevel steps;
 * an architecture step size of 0.03 (DARTS: 3e-4 over far more steps); a small penalty on the
 * keep gates, without which no gate ever closes; 500 training steps of the discretised network
 * before ADMM, 5 ADMM rounds of 200 steps, 200 retraining steps.
 *
 * <p>Every setter validates its argument and returns this object.
 */
public final class DartsSettings extends SelectionSettings<DartsSettings> {
  private static final long serialVersionUID = 1L;

  private MlpLayout layout = MlpLayout.DEFAULT;
  private int epochs = 50;
  private int batchSize = 256;
  private double weightLearningRate = 0.01;
  private double architectureLearningRate = 0.03;
  private double gatePenalty = 0.001;
  private double architectureFraction = 0.5;
  private double rho = 2;
  private double threshold = 0.1;
  private int trainSteps = 500;
  private int admmRounds = 5;
  private int admmSteps = 200;
  private int retrainSteps = 200;

  /** The search space bounds: H neurons per hidden layer (the supernet's width), L layers. */
  public MlpLayout layout() {
    return layout;
  }

  /** Sets the layout; the hidden-layer counts must stay within its L. */
  public DartsSettings layout(MlpLayout v) {
    Objects.requireNonNull(v, "layout");
    int[] layers = layers();
    require(layers[layers.length - 1] <= v.maxHiddenLayers(), "hidden-layer counts must be at "
        + "most " + v.maxHiddenLayers() + " (L of the layout)");
    layout = v;
    return this;
  }

  /** Sets the hidden-layer counts (sorted, duplicates dropped); each in 1..L. */
  @Override
  public DartsSettings layers(int... v) {
    require(Arrays.stream(v).allMatch(k -> k <= layout.maxHiddenLayers()),
        "hidden-layer counts must be in 1.." + layout.maxHiddenLayers() + ", got "
            + Arrays.toString(v));
    return super.layers(v);
  }

  /** Passes over the weight split during the bilevel architecture search. */
  public int epochs() {
    return epochs;
  }

  /** Sets {@link #epochs()} (>= 1). */
  public DartsSettings epochs(int v) {
    require(v >= 1, "epochs must be >= 1, got " + v);
    epochs = v;
    return this;
  }

  /** Rows per bilevel step, on each of the two DARTS splits. */
  public int batchSize() {
    return batchSize;
  }

  /** Sets {@link #batchSize()} (>= 1). */
  public DartsSettings batchSize(int v) {
    require(v >= 1, "batch size must be >= 1, got " + v);
    batchSize = v;
    return this;
  }

  /** Adam step size of the weights and biases (architecture search, ADMM, retraining). */
  public double weightLearningRate() {
    return weightLearningRate;
  }

  /** Sets {@link #weightLearningRate()} (> 0). */
  public DartsSettings weightLearningRate(double v) {
    requireFinitePositive(v, "weight learning rate");
    weightLearningRate = v;
    return this;
  }

  /** Adam step size of the architecture parameters (activation logits and gates). */
  public double architectureLearningRate() {
    return architectureLearningRate;
  }

  /** Sets {@link #architectureLearningRate()} (>= 0; 0 keeps the initial architecture). */
  public DartsSettings architectureLearningRate(double v) {
    requireFiniteNonNegative(v, "architecture learning rate");
    architectureLearningRate = v;
    return this;
  }

  /**
   * Weight of the sum of the keep gates, sigmoid(g), in the architecture objective; without it
   * nothing ever closes a gate, so the width search would keep every neuron.
   */
  public double gatePenalty() {
    return gatePenalty;
  }

  /** Sets {@link #gatePenalty()} (>= 0). */
  public DartsSettings gatePenalty(double v) {
    requireFiniteNonNegative(v, "gate penalty");
    gatePenalty = v;
    return this;
  }

  /**
   * Fraction of the search rows (those not held out for the choice of configuration) on which
   * the architecture parameters are trained; the weights train on the rest. DARTS uses half.
   */
  public double architectureFraction() {
    return architectureFraction;
  }

  /** Sets {@link #architectureFraction()}, in (0, 1). */
  public DartsSettings architectureFraction(double v) {
    require(v > 0 && v < 1, "architecture fraction must be in (0, 1), got " + v);
    architectureFraction = v;
    return this;
  }

  /** The ADMM penalty weight rho. */
  public double rho() {
    return rho;
  }

  /** Sets {@link #rho()} (> 0). */
  public DartsSettings rho(double v) {
    requireFinitePositive(v, "rho");
    rho = v;
    return this;
  }

  /** Weights with a magnitude below this are outside ADMM's sparse set (set to 0). */
  public double threshold() {
    return threshold;
  }

  /** Sets {@link #threshold()} (>= 0). */
  public DartsSettings threshold(double v) {
    requireFiniteNonNegative(v, "threshold");
    threshold = v;
    return this;
  }

  /**
   * Full-batch Adam steps training the discretised network before pruning: DARTS trains the
   * architecture it derives, and ADMM prunes a trained network (0: none).
   */
  public int trainSteps() {
    return trainSteps;
  }

  /** Sets {@link #trainSteps()} (>= 0). */
  public DartsSettings trainSteps(int v) {
    require(v >= 0, "train steps must be >= 0, got " + v);
    trainSteps = v;
    return this;
  }

  /** ADMM iterations: W-minimisation, projection to Z, dual update of U. */
  public int admmRounds() {
    return admmRounds;
  }

  /** Sets {@link #admmRounds()} (>= 1). */
  public DartsSettings admmRounds(int v) {
    require(v >= 1, "ADMM rounds must be >= 1, got " + v);
    admmRounds = v;
    return this;
  }

  /** Full-batch Adam steps of each ADMM W-minimisation. */
  public int admmSteps() {
    return admmSteps;
  }

  /** Sets {@link #admmSteps()} (>= 1). */
  public DartsSettings admmSteps(int v) {
    require(v >= 1, "ADMM steps must be >= 1, got " + v);
    admmSteps = v;
    return this;
  }

  /** Full-batch Adam steps retraining the surviving weights after pruning (0: none). */
  public int retrainSteps() {
    return retrainSteps;
  }

  /** Sets {@link #retrainSteps()} (>= 0). */
  public DartsSettings retrainSteps(int v) {
    require(v >= 0, "retrain steps must be >= 0, got " + v);
    retrainSteps = v;
    return this;
  }

  @Override
  protected DartsSettings self() {
    return this;
  }

  /** An independent copy. */
  @Override
  public DartsSettings copy() {
    DartsSettings c = copyInto(new DartsSettings());
    c.layout = layout;
    c.epochs = epochs;
    c.batchSize = batchSize;
    c.weightLearningRate = weightLearningRate;
    c.architectureLearningRate = architectureLearningRate;
    c.gatePenalty = gatePenalty;
    c.architectureFraction = architectureFraction;
    c.rho = rho;
    c.threshold = threshold;
    c.trainSteps = trainSteps;
    c.admmRounds = admmRounds;
    c.admmSteps = admmSteps;
    c.retrainSteps = retrainSteps;
    return c;
  }

  /**
   * Settings serialized by an older version (e.g. inside a saved Experimenter definition): the
   * shared settings it held itself, before they moved into {@link SelectionSettings}, are read
   * from its part of the stream.
   */
  private void readObject(java.io.ObjectInputStream in)
      throws java.io.IOException, ClassNotFoundException {
    readFields(in, DartsSettings.class);
    if (layout == null) {
      layout = MlpLayout.DEFAULT;
    }
  }
}
