package weka.classifiers.functions;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Enumeration;
import java.util.List;
import java.util.Locale;
import java.util.Vector;
import swatnn.darts.DartsAdmmSearch;
import swatnn.darts.DartsSettings;
import swatnn.mlp.MlpLayout;
import swatnn.mlp.Refinement;
import swatnn.search.SearchInterruptedException;
import swatnn.search.SearchListener;
import swatnn.search.SearchResult;
import swatnn.weka.DataPreparation;
import weka.core.Instance;
import weka.core.Instances;
import weka.core.Option;
import weka.core.RevisionUtils;
import weka.core.SelectedTag;
import weka.core.TechnicalInformation;
import weka.core.TechnicalInformation.Field;
import weka.core.TechnicalInformation.Type;
import weka.core.TechnicalInformationHandler;
import weka.core.Utils;

/**
 * The SWAT-NN paper's baseline as a regression classifier: DARTS (differentiable architecture
 * search) over a supernet of up to 4 hidden layers of 7 neurons, each neuron mixing sigmoid,
 * tanh and leaky ReLU and carrying a keep gate; then ADMM pruning of the discretised network's
 * weights. It searches the same space as {@link SWATNNRegressor} and reports the same measures,
 * so the two can be compared in Weka's Experimenter.
 *
 * <p>Only the data preparation, the two scalers and the search result are kept after building;
 * prediction is plain Java.
 *
 * <!-- options-start -->
 * Valid options are: <p>
 *
 * <pre> -epochs &lt;n&gt;
 *  Epochs of the bilevel architecture search.</pre>
 * <pre> -mini-batch &lt;n&gt;
 *  Rows per bilevel step.</pre>
 * <pre> -lr &lt;rate&gt;
 *  Adam learning rate of the weights.</pre>
 * <pre> -arch-lr &lt;rate&gt;
 *  Adam learning rate of the architecture parameters.</pre>
 * <pre> -gate-penalty &lt;value&gt;
 *  Weight of the keep gates in the architecture objective.</pre>
 * <pre> -arch-split &lt;fraction&gt;
 *  Fraction of the search rows the architecture parameters train on.</pre>
 * <pre> -layers &lt;list&gt;
 *  Hidden-layer counts to search, comma-separated.</pre>
 * <pre> -train-steps &lt;n&gt;
 *  Steps training the discretised network before pruning.</pre>
 * <pre> -admm-rounds &lt;n&gt;, -admm-steps &lt;n&gt;
 *  ADMM iterations and Adam steps per iteration.</pre>
 * <pre> -rho &lt;value&gt;
 *  ADMM penalty weight.</pre>
 * <pre> -threshold &lt;value&gt;
 *  Weights below this magnitude are pruned.</pre>
 * <pre> -retrain-steps &lt;n&gt;
 *  Steps retraining the surviving weights.</pre>
 * <pre> -refine &lt;none|adam|lm&gt;
 *  How the surviving weights are refitted after pruning.</pre>
 * <pre> -tol &lt;fraction&gt;
 *  Validation-MSE tolerance of the configuration choice.</pre>
 * <pre> -val &lt;fraction&gt;
 *  Fraction of the training rows held out to choose the configuration.</pre>
 * <pre> -S &lt;seed&gt;
 *  Random seed.</pre>
 * <!-- options-end -->
 */
public class DartsAdmmRegressor extends swatnn.weka.SparseNetworkRegressor
    implements TechnicalInformationHandler {

  private static final long serialVersionUID = -2193482113447005721L;

  @Override
  protected String displayName() {
    return "DartsAdmmRegressor";
  }

  /** The message of the exception thrown when the building thread is interrupted. */
  public static final String INTERRUPTED = "DartsAdmmRegressor: search interrupted";

  /** The search options. */
  protected DartsSettings m_settings = new DartsSettings();

  // ------------------------------------------------------------------ the built model

  /** The settings the model was built with (the options may change afterwards). */
  protected DartsSettings m_builtSettings;

  /** Whether the data had no input, so that the network's single input is held at 0. */
  protected boolean m_paddedInput;

  /**
   * Runs the classifier from the command line, with progress lines on System.err.
   *
   * @param args the options
   */
  public static void main(String[] args) {
    runFromCommandLine(new DartsAdmmRegressor(), args);
  }

  @Override
  protected DartsSettings selection() {
    return m_settings;
  }

  @Override
  protected DartsSettings defaultSelection() {
    return new DartsSettings();
  }

  /**
   * A description of the classifier for Weka's GUI.
   *
   * @return the description
   */
  public String globalInfo() {
    return "DARTS + ADMM regression: the SWAT-NN paper's baseline, a sparse MLP by "
        + "architecture search and pruning.\n\n"
        + "Differentiable architecture search over a supernet of up to 4 hidden layers of 7 neurons, each "
        + "neuron a softmax mixture of sigmoid, tanh and leaky ReLU scaled by a learned keep "
        + "gate. Weights train on one part of the training rows and architecture parameters on "
        + "another, alternating first-order steps. The supernet is then discretised (the most "
        + "weighted activation per neuron; neurons whose gate is below 0.5 removed), trained, "
        + "and its weights pruned by ADMM: weights below a magnitude threshold are driven to "
        + "zero, the survivors refitted (by Levenberg-Marquardt by default). Every hidden-layer count is searched; among those "
        + "whose validation error is within a tolerance of the best, the one with the fewest "
        + "non-zero parameters is chosen.\n\n"
        + "Inputs and class are scaled to [-1, 1] by their training ranges; missing values are "
        + "replaced by training means and modes, nominal attributes converted to binary ones. "
        + "At most 7 inputs (after conversion) are taken, as by SWATNNRegressor. Instance "
        + "weights are ignored. Building needs ND4J; predicting is plain Java.\n\n"
        + "For more information see:\n\n" + getTechnicalInformation().toString();
  }

  /**
   * The two methods this classifier combines.
   *
   * @return DARTS, with ADMM pruning as an additional reference
   */
  @Override
  public TechnicalInformation getTechnicalInformation() {
    TechnicalInformation result = new TechnicalInformation(Type.INPROCEEDINGS);
    result.setValue(Field.AUTHOR, "Hanxiao Liu and Karen Simonyan and Yiming Yang");
    result.setValue(Field.TITLE, "DARTS: Differentiable Architecture Search");
    result.setValue(Field.BOOKTITLE, "International Conference on Learning Representations "
        + "(ICLR)");
    result.setValue(Field.YEAR, "2019");
    TechnicalInformation admm = result.add(Type.INPROCEEDINGS);
    admm.setValue(Field.AUTHOR, "Tianyun Zhang and Shaokai Ye and Kaiqi Zhang and Jian Tang "
        + "and Wujie Wen and Makan Fardad and Yanzhi Wang");
    admm.setValue(Field.TITLE, "A Systematic DNN Weight Pruning Framework using Alternating "
        + "Direction Method of Multipliers");
    admm.setValue(Field.BOOKTITLE, "European Conference on Computer Vision (ECCV)");
    admm.setValue(Field.YEAR, "2018");
    admm.setValue(Field.PAGES, "184-199");
    return result;
  }

  // ------------------------------------------------------------------ options

  /**
   * The options.
   *
   * @return an enumeration of the options
   */
  @Override
  public Enumeration<Option> listOptions() {
    DartsSettings d = new DartsSettings();
    Vector<Option> v = new Vector<>();
    v.add(new Option("\tEpochs (passes over the weight rows) of the bilevel architecture "
        + "search.\n\t(default " + d.epochs() + ")", "epochs", 1, "-epochs <n>"));
    v.add(new Option("\tRows per bilevel step, on each of the two row sets.\n\t(default "
        + d.batchSize() + ")", "mini-batch", 1, "-mini-batch <n>"));
    v.add(new Option("\tAdam learning rate of the weights and biases.\n\t(default "
        + d.weightLearningRate() + ")", "lr", 1, "-lr <rate>"));
    v.add(new Option("\tAdam learning rate of the architecture parameters (activation logits "
        + "and\n\tkeep gates; 0 keeps the initial architecture).\n\t(default "
        + d.architectureLearningRate() + ")", "arch-lr", 1, "-arch-lr <rate>"));
    v.add(new Option("\tWeight of the summed keep gates in the architecture objective (favours "
        + "fewer\n\tneurons).\n\t(default " + d.gatePenalty() + ")", "gate-penalty", 1,
        "-gate-penalty <value>"));
    v.add(new Option("\tFraction of the search rows the architecture parameters train on; the "
        + "weights\n\ttrain on the rest.\n\t(default " + d.architectureFraction() + ")",
        "arch-split", 1, "-arch-split <fraction>"));
    v.add(new Option("\tFull-batch steps training the discretised network before pruning.\n"
        + "\t(default " + d.trainSteps() + ")", "train-steps", 1, "-train-steps <n>"));
    v.add(new Option("\tADMM iterations.\n\t(default " + d.admmRounds() + ")", "admm-rounds", 1,
        "-admm-rounds <n>"));
    v.add(new Option("\tFull-batch Adam steps per ADMM iteration.\n\t(default " + d.admmSteps()
        + ")", "admm-steps", 1, "-admm-steps <n>"));
    v.add(new Option("\tADMM penalty weight rho.\n\t(default " + d.rho() + ")", "rho", 1,
        "-rho <value>"));
    v.add(new Option("\tMagnitude below which ADMM prunes a weight.\n\t(default "
        + d.threshold() + ")", "threshold", 1, "-threshold <value>"));
    v.add(new Option("\tFull-batch steps retraining the surviving weights after pruning.\n"
        + "\t(default " + d.retrainSteps() + ")", "retrain-steps", 1, "-retrain-steps <n>"));
    v.add(new Option("\tHow the surviving weights are refitted after pruning: adam (the paper's\n"
        + "\tretraining, -retrain-steps Adam steps), lm (Levenberg-Marquardt to convergence,\n"
        + "\tas SWATNNRegressor) or none.\n\t(default " + d.refinement().optionName() + ")",
        "refine", 1, "-refine <none|adam|lm>"));
    v.addAll(Collections.list(super.listOptions()));
    return v.elements();
  }

  /**
   * Parses options; an absent option takes its default.
   *
   * @param options the options
   * @throws Exception if an option is invalid
   */
  @Override
  public void setOptions(String[] options) throws Exception {
    DartsSettings d = new DartsSettings();
    try {
      setEpochs(intOption("epochs", options, d.epochs()));
      setMiniBatchSize(intOption("mini-batch", options, d.batchSize()));
      setLearningRate(doubleOption("lr", options, d.weightLearningRate()));
      setArchitectureLearningRate(doubleOption("arch-lr", options,
          d.architectureLearningRate()));
      setGatePenalty(doubleOption("gate-penalty", options, d.gatePenalty()));
      setArchitectureFraction(doubleOption("arch-split", options, d.architectureFraction()));
      setTrainSteps(intOption("train-steps", options, d.trainSteps()));
      setAdmmRounds(intOption("admm-rounds", options, d.admmRounds()));
      setAdmmSteps(intOption("admm-steps", options, d.admmSteps()));
      setRho(doubleOption("rho", options, d.rho()));
      setThreshold(doubleOption("threshold", options, d.threshold()));
      setRetrainSteps(intOption("retrain-steps", options, d.retrainSteps()));
      String refine = Utils.getOption("refine", options);
      setRefine(new SelectedTag((refine.isEmpty() ? d.refinement() : Refinement.ofName(refine))
          .ordinal(), SWATNNRegressor.TAGS_REFINE));
    } catch (IllegalArgumentException e) {
      throw new Exception("DartsAdmmRegressor: " + e.getMessage(), e);
    }
    super.setOptions(options);
  }

  /**
   * The current options (all of them, so that they can be fed back to setOptions).
   *
   * @return the options
   */
  @Override
  public String[] getOptions() {
    List<String> o = new ArrayList<>();
    addOption(o, "-epochs", getEpochs());
    addOption(o, "-mini-batch", getMiniBatchSize());
    addOption(o, "-lr", getLearningRate());
    addOption(o, "-arch-lr", getArchitectureLearningRate());
    addOption(o, "-gate-penalty", getGatePenalty());
    addOption(o, "-arch-split", getArchitectureFraction());
    addOption(o, "-train-steps", getTrainSteps());
    addOption(o, "-admm-rounds", getAdmmRounds());
    addOption(o, "-admm-steps", getAdmmSteps());
    addOption(o, "-rho", getRho());
    addOption(o, "-threshold", getThreshold());
    addOption(o, "-retrain-steps", getRetrainSteps());
    addOption(o, "-refine", m_settings.refinement().optionName());
    Collections.addAll(o, super.getOptions());
    return o.toArray(new String[0]);
  }

  /** @return the number of epochs */
  public int getEpochs() {
    return m_settings.epochs();
  }

  /** @param v the number of epochs (>= 1) */
  public void setEpochs(int v) {
    m_settings.epochs(v);
  }

  /** @return the tip text */
  public String epochsTipText() {
    return "Epochs of the bilevel architecture search: passes over the rows the weights train "
        + "on, one weight step and one architecture step per batch. Cost grows linearly with it.";
  }

  /** @return the batch size */
  public int getMiniBatchSize() {
    return m_settings.batchSize();
  }

  /** @param v the batch size (>= 1) */
  public void setMiniBatchSize(int v) {
    m_settings.batchSize(v);
  }

  /** @return the tip text */
  public String miniBatchSizeTipText() {
    return "Rows per bilevel step, drawn from the weight rows for the weight step and from the "
        + "architecture rows for the architecture step. Fewer rows per batch give more steps "
        + "per epoch.";
  }

  /** @return the weights' learning rate */
  public double getLearningRate() {
    return m_settings.weightLearningRate();
  }

  /** @param v the weights' learning rate (> 0) */
  public void setLearningRate(double v) {
    m_settings.weightLearningRate(v);
  }

  /** @return the tip text */
  public String learningRateTipText() {
    return "Adam learning rate of the weights and biases, in the architecture search, in the "
        + "training before pruning, in ADMM and in the retraining.";
  }

  /** @return the architecture parameters' learning rate */
  public double getArchitectureLearningRate() {
    return m_settings.architectureLearningRate();
  }

  /** @param v the architecture parameters' learning rate (>= 0) */
  public void setArchitectureLearningRate(double v) {
    m_settings.architectureLearningRate(v);
  }

  /** @return the tip text */
  public String architectureLearningRateTipText() {
    return "Adam learning rate of the architecture parameters: each neuron's activation logits "
        + "and keep gate. 0 keeps the initial architecture (uniform mixtures, all neurons).";
  }

  /** @return the gate penalty */
  public double getGatePenalty() {
    return m_settings.gatePenalty();
  }

  /** @param v the gate penalty (>= 0) */
  public void setGatePenalty(double v) {
    m_settings.gatePenalty(v);
  }

  /** @return the tip text */
  public String gatePenaltyTipText() {
    return "Weight of the sum of the keep gates (sigmoid of their logits) added to the "
        + "architecture objective; larger closes more gates, so fewer neurons survive the "
        + "discretisation.";
  }

  /** @return the architecture split fraction */
  public double getArchitectureFraction() {
    return m_settings.architectureFraction();
  }

  /** @param v the architecture split fraction, in (0, 1) */
  public void setArchitectureFraction(double v) {
    m_settings.architectureFraction(v);
  }

  /** @return the tip text */
  public String architectureFractionTipText() {
    return "Fraction of the search rows (those not held out) on which the architecture "
        + "parameters train during the bilevel search; the weights train on the rest (DARTS "
        + "splits half and half). Training, ADMM and retraining use all search rows.";
  }

  /** @return the tip text */
  public String layersTipText() {
    return "Hidden-layer counts (configurations) to search, comma-separated, each from 1 to "
        + m_settings.layout().maxHiddenLayers() + ".";
  }

  /** @return the training steps before pruning */
  public int getTrainSteps() {
    return m_settings.trainSteps();
  }

  /** @param v the training steps before pruning (>= 0) */
  public void setTrainSteps(int v) {
    m_settings.trainSteps(v);
  }

  /** @return the tip text */
  public String trainStepsTipText() {
    return "Full-batch Adam steps training the discretised network on all search rows before "
        + "ADMM prunes it (DARTS trains the architecture it derives).";
  }

  /** @return the ADMM iterations */
  public int getAdmmRounds() {
    return m_settings.admmRounds();
  }

  /** @param v the ADMM iterations (>= 1) */
  public void setAdmmRounds(int v) {
    m_settings.admmRounds(v);
  }

  /** @return the tip text */
  public String admmRoundsTipText() {
    return "ADMM iterations: minimise the loss plus rho/2 ||W - Z + U||^2 over W, project "
        + "W + U onto the sparse set to get Z, add W - Z to U.";
  }

  /** @return the Adam steps per ADMM iteration */
  public int getAdmmSteps() {
    return m_settings.admmSteps();
  }

  /** @param v the Adam steps per ADMM iteration (>= 1) */
  public void setAdmmSteps(int v) {
    m_settings.admmSteps(v);
  }

  /** @return the tip text */
  public String admmStepsTipText() {
    return "Full-batch Adam steps of each ADMM W-minimisation.";
  }

  /** @return rho */
  public double getRho() {
    return m_settings.rho();
  }

  /** @param v rho (> 0) */
  public void setRho(double v) {
    m_settings.rho(v);
  }

  /** @return the tip text */
  public String rhoTipText() {
    return "ADMM penalty weight rho: how strongly the weights are pulled towards their sparse "
        + "projection (the paper uses 2).";
  }

  /** @return the pruning threshold */
  public double getThreshold() {
    return m_settings.threshold();
  }

  /** @param v the pruning threshold (>= 0) */
  public void setThreshold(double v) {
    m_settings.threshold(v);
  }

  /** @return the tip text */
  public String thresholdTipText() {
    return "Magnitude below which ADMM sets a weight to zero; larger gives sparser networks. "
        + "The paper uses 0.1, with inputs and class scaled to [-1, 1].";
  }

  /** @return the retraining steps */
  public int getRetrainSteps() {
    return m_settings.retrainSteps();
  }

  /** @param v the retraining steps (>= 0) */
  public void setRetrainSteps(int v) {
    m_settings.retrainSteps(v);
  }

  /** @return how the surviving weights are refitted */
  public SelectedTag getRefine() {
    return new SelectedTag(m_settings.refinement().ordinal(), SWATNNRegressor.TAGS_REFINE);
  }

  /** @param v how to refit the surviving weights */
  public void setRefine(SelectedTag v) {
    if (v.getTags() == SWATNNRegressor.TAGS_REFINE) {
      m_settings.refinement(Refinement.values()[v.getSelectedTag().getID()]);
    }
  }

  /** @return the tip text */
  public String refineTipText() {
    return "How the surviving weights and biases are refitted after pruning, the zero pattern "
        + "fixed. adam is the paper's retraining (retrainSteps Adam steps), lm fits them by "
        + "Levenberg-Marquardt to convergence as SWATNNRegressor does, none keeps the pruned "
        + "network.";
  }

  /** @return the tip text */
  public String retrainStepsTipText() {
    return "Full-batch Adam steps retraining the non-zero weights and biases after pruning; "
        + "the zero pattern stays, so the non-zero count does not change.";
  }

  @Override
  protected String secondsMeaning() {
    return "each configuration's own search, pruning and refinement";
  }

  /** @return the tip text */
  public String seedTipText() {
    return "Seed of the row splits, the initial parameters and the mini-batches.";
  }

  // ------------------------------------------------------------------ building

  /**
   * Searches the network (see {@link swatnn.weka.SparseNetworkRegressor#buildClassifier}).
   *
   * @param data the training data as given
   * @param train its rows with a class value
   * @throws Exception if the data cannot be handled or the search fails
   */
  @Override
  protected void build(Instances data, Instances train) throws Exception {
    DartsSettings settings = m_settings.copy();
    DataPreparation.Fitted fitted = prepare(train, settings.layout().maxNeurons());
    DataPreparation prep = fitted.preparation();
    int nData = prep.inputCount();
    MlpLayout layout = settings.layout();
    if (nData > layout.maxNeurons()) {
      throw new Exception(tooManyInputs(prep, "the search space (H, the neurons per hidden"
          + " layer) takes at most", layout.maxNeurons(), ""));
    }
    // without any input the network gets one that is always 0
    int nIn = Math.max(nData, 1);
    fitAndSearch(train, fitted, layout, nIn, rows -> search(settings, rows, nData));
    m_builtSettings = settings;
    m_paddedInput = nIn > nData;
  }

  private SearchResult search(DartsSettings settings, ScaledRows rows, int nData)
      throws Exception {
    SearchListener listener = progressListener("DartsAdmmRegressor: k="
        + layersString(settings.layers()), "DartsAdmmRegressor: searching " + rows.y().length
        + " rows, " + nData + (nData == 1 ? " input" : " inputs"));
    SearchResult result;
    try {
      result = new DartsAdmmSearch(settings).fit(rows.x(), rows.y(), listener);
    } catch (SearchInterruptedException e) {
      throw new Exception(INTERRUPTED, e);
    } catch (IllegalArgumentException | IllegalStateException e) {
      throw new Exception("DartsAdmmRegressor: " + e.getMessage(), e);
    }
    return rows.x()[0].length > nData
        ? withoutPaddedInputs(result, nData, settings.tolerance()) : result;
  }

  // ------------------------------------------------------------------ prediction

  // ------------------------------------------------------------------ output

  /**
   * The model: the search settings, the chosen network, its non-zero count and every
   * configuration tried.
   *
   * @return a description of the model
   */
  @Override
  public String toString() {
    if (m_result == null) {
      return "DartsAdmmRegressor: no model built yet.";
    }
    StringBuilder sb = new StringBuilder();
    String title = "DARTS + ADMM regression: sparse MLP by architecture search and pruning";
    sb.append(title).append('\n').append("=".repeat(title.length())).append("\n\n");
    DartsSettings s = m_builtSettings;
    sb.append(String.format(Locale.ROOT, "Search: supernet of %d neurons per hidden layer, %d "
        + "epochs (first-order bilevel), %d training steps; ADMM rho = %s, threshold %s, "
        + "%d x %d steps; %d retraining steps%n", s.layout().maxNeurons(), s.epochs(),
        s.trainSteps(), num(s.rho()), num(s.threshold()), s.admmRounds(), s.admmSteps(),
        s.retrainSteps()));
    sb.append("Data: ").append(m_preparation.describe());
    if (m_paddedInput) {
      sb.append("; 1 unused input held at 0");
    }
    sb.append('\n');
    SearchResult r = m_result;
    if (m_noSearch == null) {
      int archRows = (int) Math.floor(r.trainRows() * s.architectureFraction());
      boolean split = archRows >= 1 && archRows < r.trainRows();
      sb.append("Rows: ").append(r.trainRows()).append(" searched on (")
          .append(split ? (r.trainRows() - archRows) + " for the weights and " + archRows
              + " for the architecture in the bilevel search"
              : "all for both weights and architecture: too few to split")
          .append("), ")
          .append(r.validationRows() > 0 ? r.validationRows() + " held out to choose"
              : "none held out (too few; chosen on the training rows)")
          .append('\n');
    }
    appendModel(sb, m_builtSettings.tolerance());
    return sb.toString();
  }

  // ------------------------------------------------------------------ measures, graph

  /**
   * The revision.
   *
   * @return the revision string
   */
  @Override
  public String getRevision() {
    return RevisionUtils.extract("$Revision: 1 $");
  }
}
