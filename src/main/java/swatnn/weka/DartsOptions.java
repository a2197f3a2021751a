package swatnn.weka;

import swatnn.darts.DartsSettings;
import swatnn.mlp.Refinement;
import weka.core.OptionMetadata;
import weka.core.SelectedTag;

/**
 * The DARTS + ADMM search's options (DartsAdmmRegressor's), as annotated bean properties over
 * the engine's {@link DartsSettings}, which check every value as it is set; {@link #settings()}
 * hands the search a copy.
 */
public abstract class DartsOptions extends SparseNetworkRegressor {
  private static final long serialVersionUID = 1L;

  /** The search options. */
  protected DartsSettings m_settings = new DartsSettings();

  @Override
  protected DartsSettings selection() {
    return m_settings;
  }

  /** @return a copy of the settings, for one search */
  protected DartsSettings settings() {
    return m_settings.copy();
  }

  /** @return the number of epochs */
  @OptionMetadata(displayName = "epochs", displayOrder = 1, commandLineParamName = "epochs",
      commandLineParamSynopsis = "-epochs <n>", description = "Epochs of the bilevel "
      + "architecture search: passes over the weight rows, one weight step and one "
      + "architecture step per batch. The cost grows linearly with it.")
  public int getEpochs() {
    return m_settings.epochs();
  }

  /** @param v the number of epochs (at least 1) */
  public void setEpochs(int v) {
    m_settings.epochs(v);
  }

  /** @return the batch size */
  @OptionMetadata(displayName = "miniBatchSize", displayOrder = 2,
      commandLineParamName = "mini-batch", commandLineParamSynopsis = "-mini-batch <n>",
      description = "Rows per bilevel step, drawn from the weight rows for the weight step and "
      + "from the architecture rows for the architecture step. Fewer rows per batch give more "
      + "steps per epoch.")
  public int getMiniBatchSize() {
    return m_settings.batchSize();
  }

  /** @param v the batch size (at least 1) */
  public void setMiniBatchSize(int v) {
    m_settings.batchSize(v);
  }

  /** @return the weights' learning rate */
  @OptionMetadata(displayName = "learningRate", displayOrder = 3, commandLineParamName = "lr",
      commandLineParamSynopsis = "-lr <rate>", description = "Adam learning rate of the "
      + "weights and biases, in the architecture search, the training before pruning, ADMM and "
      + "the retraining.")
  public double getLearningRate() {
    return m_settings.weightLearningRate();
  }

  /** @param v the weights' learning rate (above 0) */
  public void setLearningRate(double v) {
    m_settings.weightLearningRate(v);
  }

  /** @return the architecture parameters' learning rate */
  @OptionMetadata(displayName = "architectureLearningRate", displayOrder = 4,
      commandLineParamName = "arch-lr", commandLineParamSynopsis = "-arch-lr <rate>",
      description = "Adam learning rate of the architecture parameters: each neuron's "
      + "activation logits and keep gate. 0 keeps the initial architecture (uniform mixtures, "
      + "all neurons).")
  public double getArchitectureLearningRate() {
    return m_settings.architectureLearningRate();
  }

  /** @param v the architecture parameters' learning rate (at least 0) */
  public void setArchitectureLearningRate(double v) {
    m_settings.architectureLearningRate(v);
  }

  /** @return the gate penalty */
  @OptionMetadata(displayName = "gatePenalty", displayOrder = 5,
      commandLineParamName = "gate-penalty", commandLineParamSynopsis = "-gate-penalty <value>",
      description = "Weight of the summed keep gates in the architecture objective; larger "
      + "closes more gates, so fewer neurons survive the discretisation.")
  public double getGatePenalty() {
    return m_settings.gatePenalty();
  }

  /** @param v the gate penalty (at least 0) */
  public void setGatePenalty(double v) {
    m_settings.gatePenalty(v);
  }

  /** @return the architecture split fraction */
  @OptionMetadata(displayName = "architectureFraction", displayOrder = 6,
      commandLineParamName = "arch-split", commandLineParamSynopsis = "-arch-split <fraction>",
      description = "Fraction of the search rows on which the architecture parameters train "
      + "during the bilevel search; the weights train on the rest (DARTS splits half and "
      + "half). Training, ADMM and retraining use all search rows.")
  public double getArchitectureFraction() {
    return m_settings.architectureFraction();
  }

  /** @param v the architecture split fraction, in (0, 1) */
  public void setArchitectureFraction(double v) {
    m_settings.architectureFraction(v);
  }

  /** @return the training steps before pruning */
  @OptionMetadata(displayName = "trainSteps", displayOrder = 7,
      commandLineParamName = "train-steps", commandLineParamSynopsis = "-train-steps <n>",
      description = "Full-batch Adam steps training the discretised network on all search "
      + "rows before ADMM prunes it.")
  public int getTrainSteps() {
    return m_settings.trainSteps();
  }

  /** @param v the training steps before pruning (at least 0) */
  public void setTrainSteps(int v) {
    m_settings.trainSteps(v);
  }

  /** @return the ADMM iterations */
  @OptionMetadata(displayName = "admmRounds", displayOrder = 8,
      commandLineParamName = "admm-rounds", commandLineParamSynopsis = "-admm-rounds <n>",
      description = "ADMM iterations, each minimising the loss plus rho/2 ||W - Z + U||^2 "
      + "over W, projecting W + U onto the sparse set to get Z and adding W - Z to U.")
  public int getAdmmRounds() {
    return m_settings.admmRounds();
  }

  /** @param v the ADMM iterations (at least 1) */
  public void setAdmmRounds(int v) {
    m_settings.admmRounds(v);
  }

  /** @return the Adam steps per ADMM iteration */
  @OptionMetadata(displayName = "admmSteps", displayOrder = 9,
      commandLineParamName = "admm-steps", commandLineParamSynopsis = "-admm-steps <n>",
      description = "Full-batch Adam steps of each ADMM W-minimisation.")
  public int getAdmmSteps() {
    return m_settings.admmSteps();
  }

  /** @param v the Adam steps per ADMM iteration (at least 1) */
  public void setAdmmSteps(int v) {
    m_settings.admmSteps(v);
  }

  /** @return rho */
  @OptionMetadata(displayName = "rho", displayOrder = 10, commandLineParamName = "rho",
      commandLineParamSynopsis = "-rho <value>", description = "ADMM penalty weight rho: how "
      + "strongly the weights are pulled towards their sparse projection (the paper uses 2).")
  public double getRho() {
    return m_settings.rho();
  }

  /** @param v rho (above 0) */
  public void setRho(double v) {
    m_settings.rho(v);
  }

  /** @return the pruning threshold */
  @OptionMetadata(displayName = "threshold", displayOrder = 11,
      commandLineParamName = "threshold", commandLineParamSynopsis = "-threshold <value>",
      description = "Magnitude below which ADMM sets a weight to zero; larger gives sparser "
      + "networks. The paper uses 0.1, with inputs and class scaled to [-1, 1].")
  public double getThreshold() {
    return m_settings.threshold();
  }

  /** @param v the pruning threshold (at least 0) */
  public void setThreshold(double v) {
    m_settings.threshold(v);
  }

  /** @return the retraining steps */
  @OptionMetadata(displayName = "retrainSteps", displayOrder = 12,
      commandLineParamName = "retrain-steps", commandLineParamSynopsis = "-retrain-steps <n>",
      description = "Full-batch Adam steps retraining the non-zero weights and biases after "
      + "pruning, with -refine adam; the zero pattern stays, so the non-zero count does not "
      + "change.")
  public int getRetrainSteps() {
    return m_settings.retrainSteps();
  }

  /** @param v the retraining steps (at least 0) */
  public void setRetrainSteps(int v) {
    m_settings.retrainSteps(v);
  }

  /** @return how the surviving weights are refitted */
  @OptionMetadata(displayName = "refine", displayOrder = 13, commandLineParamName = "refine",
      commandLineParamSynopsis = "-refine <none|adam|lm|br>", description = "How the surviving "
      + "weights and biases are refitted after pruning, the zero pattern fixed. adam is the "
      + "paper's retraining (retrainSteps Adam steps), lm fits them by Levenberg-Marquardt to "
      + "convergence as SWATNNRegressor does, br by Levenberg-Marquardt with Bayesian "
      + "regularisation, none keeps the pruned network.")
  public SelectedTag getRefine() {
    return new SelectedTag(m_settings.refinement().ordinal(), LatentSearchOptions.TAGS_REFINE);
  }

  /** @param v how to refit the surviving weights (one of the refinement tags) */
  public void setRefine(SelectedTag v) {
    if (v.getTags() == LatentSearchOptions.TAGS_REFINE) {
      m_settings.refinement(Refinement.values()[v.getSelectedTag().getID()]);
    }
  }
}
