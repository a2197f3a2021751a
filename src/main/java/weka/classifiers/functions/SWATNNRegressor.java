package weka.classifiers.functions;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Enumeration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Vector;
import swatnn.autoencoder.AutoencoderModel;
import swatnn.autoencoder.ModelFile;
import swatnn.autoencoder.ModelFileException;
import swatnn.autoencoder.ModelManifest;
import swatnn.mlp.Refinement;
import swatnn.search.LatentSearch;
import swatnn.search.ModelLocator;
import swatnn.search.SearchInterruptedException;
import swatnn.search.SearchListener;
import swatnn.search.SearchResult;
import swatnn.search.SearchSettings;
import swatnn.weka.DataPreparation;
import weka.core.Instance;
import weka.core.Instances;
import weka.core.Option;
import weka.core.RevisionUtils;
import weka.core.TechnicalInformation;
import weka.core.TechnicalInformation.Field;
import weka.core.TechnicalInformation.Type;
import weka.core.TechnicalInformationHandler;
import weka.core.SelectedTag;
import weka.core.Tag;
import weka.core.Utils;
import weka.core.WeightedInstancesHandler;

/**
 * SWAT-NN regression: finds a small sparse MLP (up to 4 hidden layers of up to 7 neurons, each
 * neuron with its own activation) by gradient descent on a point in the latent space of a
 * pretrained autoencoder, so that architecture and weights are trained together.
 *
 * <p>Only the data preparation, the two scalers and the search result (the chosen network and
 * every configuration tried) are kept after building; prediction is plain Java. The
 * autoencoder is loaded for building only and never serialized with the classifier.
 *
 * <!-- options-start -->
 * Valid options are: <p>
 *
 * <pre> -steps &lt;n&gt;
 *  Search steps per configuration.</pre>
 * <pre> -anneal &lt;n&gt;
 *  Steps over which the activation temperature falls from 1 to 0.01.</pre>
 * <pre> -restarts &lt;n&gt;
 *  Random starting points per configuration.</pre>
 * <pre> -layers &lt;list&gt;
 *  Hidden-layer counts to search, comma-separated.</pre>
 * <pre> -lr &lt;rate&gt;
 *  Adam learning rate of the latent point z.</pre>
 * <pre> -lambda-s, -mu-1, -mu-c, -alpha, -beta &lt;value&gt;
 *  Penalty weights (sparsity, L1 share, soft-count share, mask spread, mask mean).</pre>
 * <pre> -tol &lt;fraction&gt;
 *  Validation-MSE tolerance of the configuration choice.</pre>
 * <pre> -val &lt;fraction&gt;
 *  Fraction of the training rows held out to choose the configuration.</pre>
 * <pre> -points &lt;n&gt;
 *  Data points per search step.</pre>
 * <pre> -refine &lt;none|adam|lm&gt;
 *  How each extracted network is refined before selection (-polish: adam).</pre>
 * <pre> -prune
 *  Prune and refit each configuration's chosen network.</pre>
 * <pre> -num-slots &lt;n&gt;
 *  Threads for the independent parts of the search.</pre>
 * <pre> -init &lt;random|encode&gt;
 *  Starting points: random, or the encoding of a dense network fitted to the data.</pre>
 * <pre> -model &lt;name|file&gt;
 *  The autoencoder: a bundled model name, a model file, or auto.</pre>
 * <pre> -S &lt;seed&gt;
 *  Random seed.</pre>
 * <!-- options-end -->
 */
public class SWATNNRegressor extends swatnn.weka.SparseNetworkRegressor
    implements TechnicalInformationHandler, WeightedInstancesHandler {

  private static final long serialVersionUID = 4607826553315086195L;

  @Override
  protected String displayName() {
    return "SWATNNRegressor";
  }

  /** The value of {@code -model} that lets the classifier pick a bundled model. */
  public static final String AUTO_MODEL = "auto";

  /** The message of the exception thrown when the building thread is interrupted. */
  public static final String INTERRUPTED = "SWATNNRegressor: search interrupted";

  /** The last remedy of the too-many-inputs message. */
  private static final String MORE_INPUTS = ", or use -model with a model that takes more inputs";

  /** The search options (the paper's values by default, scaled down where SearchSettings says). */
  protected SearchSettings m_settings = new SearchSettings();

  /** The autoencoder: a bundled model name, a model file or {@link #AUTO_MODEL}. */
  protected String m_model = AUTO_MODEL;

  // ------------------------------------------------------------------ the built model

  /** The settings the model was built with (the options may change afterwards). */
  protected SearchSettings m_builtSettings;

  /** A description of the autoencoder used. */
  protected String m_modelUsed;

  /** The ND4J backend the search ran on. */
  protected String m_backend;

  /**
   * Runs the classifier from the command line, with progress lines on System.err.
   *
   * @param args the options
   */
  public static void main(String[] args) {
    runFromCommandLine(new SWATNNRegressor(), args);
  }

  @Override
  protected SearchSettings selection() {
    return m_settings;
  }

  @Override
  protected SearchSettings defaultSelection() {
    return new SearchSettings();
  }

  /**
   * A description of the classifier for Weka's GUI.
   *
   * @return the description
   */
  public String globalInfo() {
    return "SWAT-NN regression: a small sparse MLP whose architecture and weights are found "
        + "together in an autoencoder's latent space.\n\n"
        + "Gradient descent on a point in the latent space of a pretrained autoencoder finds a "
        + "multilayer perceptron of up to 4 hidden layers of up to 7 neurons, each neuron with "
        + "its own activation (sigmoid, tanh or leaky ReLU); sparsity and compactness penalties "
        + "favour few weights and neurons. Each restart's network is then refined by "
        + "Levenberg-Marquardt on the training rows, its structure fixed. Every hidden-layer "
        + "count is searched; among those whose validation error is within a tolerance of the "
        + "best, the one with the fewest non-zero parameters is chosen, and the training mean "
        + "when no network beats it clearly.\n\n"
        + "Inputs and class are scaled to [-1, 1] by their training ranges; missing values are "
        + "replaced by training means and modes, nominal attributes converted to binary ones. "
        + "When there are more inputs than the autoencoder takes, Weka's attribute selection "
        + "keeps the best-ranked. Instance weights are used. Building needs ND4J; predicting is "
        + "plain Java.\n\nFor more information see:\n\n"
        + getTechnicalInformation().toString();
  }

  /**
   * The paper this classifier implements.
   *
   * @return the reference
   */
  @Override
  public TechnicalInformation getTechnicalInformation() {
    TechnicalInformation result = new TechnicalInformation(Type.ARTICLE);
    result.setValue(Field.AUTHOR, "Zitong Huang and Mansooreh Montazerin and Ajitesh Srivastava");
    result.setValue(Field.TITLE, "SWAT-NN: Simultaneous Weights and Architecture Training for "
        + "Neural Networks in a Latent Space");
    result.setValue(Field.JOURNAL, "arXiv preprint");
    result.setValue(Field.YEAR, "2025");
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
    SearchSettings d = new SearchSettings();
    Vector<Option> v = new Vector<>();
    v.add(new Option("\tSearch steps per configuration.\n\t(default " + d.steps() + ")",
        "steps", 1, "-steps <n>"));
    v.add(new Option("\tSteps over which the activation temperature falls from 1 to 0.01;\n"
        + "\tthe best step after them is kept.\n\t(default " + d.annealSteps() + ")",
        "anneal", 1, "-anneal <n>"));
    v.add(new Option("\tRandom starting points per configuration.\n\t(default "
        + d.restarts() + ")", "restarts", 1, "-restarts <n>"));
    v.add(new Option("\tAdam learning rate of the latent point z.\n\t(default "
        + d.zLearningRate() + ")", "lr", 1, "-lr <rate>"));
    v.add(new Option("\tWeight lambda_s of the sparsity penalty.\n\t(default " + d.lambdaS()
        + ")", "lambda-s", 1, "-lambda-s <value>"));
    v.add(new Option("\tWeight mu_1 of the L1 term in the sparsity penalty.\n\t(default "
        + d.mu1() + ")", "mu-1", 1, "-mu-1 <value>"));
    v.add(new Option("\tWeight mu_c of the soft-count term in the sparsity penalty.\n"
        + "\t(default " + d.muC() + ")", "mu-c", 1, "-mu-c <value>"));
    v.add(new Option("\tWeight alpha of the mask-spread reward (pushes neuron masks to 0 or 1)."
        + "\n\t(default " + d.alpha() + ")", "alpha", 1, "-alpha <value>"));
    v.add(new Option("\tWeight beta of the mask-mean penalty (fewer neurons).\n\t(default "
        + d.beta() + ")", "beta", 1, "-beta <value>"));
    v.add(new Option("\tData points per search step (mini-batch size).\n\t(default "
        + d.pointsPerStep() + ")", "points", 1, "-points <n>"));
    v.add(new Option("\tRefinement of every restart's extracted network on the training rows\n"
        + "\tbefore restarts and configurations are compared, its structure fixed: none (the\n"
        + "\tpaper), adam (" + d.polishSteps() + " Adam steps; -polish is an alias) or lm\n"
        + "\t(Levenberg-Marquardt to convergence).\n\t(default "
        + d.refinement().optionName() + ")", "refine", 1, "-refine <none|adam|lm>"));
    v.add(new Option("\tPrune and refit each configuration's chosen network: remove its smallest\n"
        + "\tweights a group at a time, refitting the rest, while the validation MSE stays\n"
        + "\twithin the tolerance.", "prune", 0, "-prune"));
    v.add(new Option("\tNumber of threads for the independent parts of the search; the result\n"
        + "\tdoes not depend on it.\n\t(default: the number of available processors)",
        "num-slots", 1, "-num-slots <n>"));
    v.add(new Option("\tStarting points: random (z from N(0,1), the paper) or encode (the\n"
        + "\tencoded image of a dense network trained briefly on the data).\n\t(default "
        + d.init().name().toLowerCase(java.util.Locale.ROOT) + ")", "init", 1, "-init <random|encode>"));
    v.add(new Option("\tThe autoencoder: a bundled model name (e.g. swatnn-2in), a model file,\n"
        + "\tor auto for the smallest bundled model that takes the data's inputs.\n"
        + "\t(default " + AUTO_MODEL + ")", "model", 1, "-model <name|file>"));
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
    SearchSettings d = new SearchSettings();
    try {
      setSteps(intOption("steps", options, d.steps()));
      setAnnealSteps(intOption("anneal", options, d.annealSteps()));
      setRestarts(intOption("restarts", options, d.restarts()));
      setLearningRate(doubleOption("lr", options, d.zLearningRate()));
      setLambdaS(doubleOption("lambda-s", options, d.lambdaS()));
      setMu1(doubleOption("mu-1", options, d.mu1()));
      setMuC(doubleOption("mu-c", options, d.muC()));
      setAlpha(doubleOption("alpha", options, d.alpha()));
      setBeta(doubleOption("beta", options, d.beta()));
      setPointsPerStep(intOption("points", options, d.pointsPerStep()));
      String refine = Utils.getOption("refine", options);
      boolean polish = Utils.getFlag("polish", options);
      Refinement how = refine.isEmpty() ? (polish ? Refinement.ADAM : d.refinement())
          : Refinement.ofName(refine);
      if (polish && how != Refinement.ADAM) {
        throw new IllegalArgumentException("-polish means -refine adam, it contradicts -refine "
            + how.optionName());
      }
      setRefine(new SelectedTag(how.ordinal(), TAGS_REFINE));
      setNumSlots(intOption("num-slots", options, d.slots()));
      setPrune(Utils.getFlag("prune", options));
      String init = Utils.getOption("init", options);
      setInit(new SelectedTag(init.isEmpty() ? d.init().ordinal() : initIndex(init), TAGS_INIT));
      setModel(Utils.getOption("model", options));
    } catch (IllegalArgumentException e) {
      throw new Exception("SWATNNRegressor: " + e.getMessage(), e);
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
    addOption(o, "-steps", getSteps());
    addOption(o, "-anneal", getAnnealSteps());
    addOption(o, "-restarts", getRestarts());
    addOption(o, "-lr", getLearningRate());
    addOption(o, "-lambda-s", getLambdaS());
    addOption(o, "-mu-1", getMu1());
    addOption(o, "-mu-c", getMuC());
    addOption(o, "-alpha", getAlpha());
    addOption(o, "-beta", getBeta());
    addOption(o, "-points", getPointsPerStep());
    addOption(o, "-refine", m_settings.refinement().optionName());
    addOption(o, "-num-slots", getNumSlots());
    if (getPrune()) {
      o.add("-prune");
    }
    addOption(o, "-init", m_settings.init().name().toLowerCase(java.util.Locale.ROOT));
    addOption(o, "-model", getModel());
    Collections.addAll(o, super.getOptions());
    return o.toArray(new String[0]);
  }

  /** @return the number of search steps */
  public int getSteps() {
    return m_settings.steps();
  }

  /** @param v the number of search steps (>= 1) */
  public void setSteps(int v) {
    m_settings.steps(v);
  }

  /** @return the tip text */
  public String stepsTipText() {
    return "Search steps (Adam updates of the latent points); all configurations and restarts "
        + "advance together. Cost grows linearly with it.";
  }

  /** @return the number of annealing steps */
  public int getAnnealSteps() {
    return m_settings.annealSteps();
  }

  /** @param v the number of annealing steps (>= 0) */
  public void setAnnealSteps(int v) {
    m_settings.annealSteps(v);
  }

  /** @return the tip text */
  public String annealStepsTipText() {
    return "Annealing steps, over which the activation temperature falls linearly from one to "
        + "a hundredth; the step with the lowest loss after them is kept. Must be less than "
        + "steps.";
  }

  /** @return the number of restarts */
  public int getRestarts() {
    return m_settings.restarts();
  }

  /** @param v the number of restarts (1..256) */
  public void setRestarts(int v) {
    m_settings.restarts(v);
  }

  /** @return the tip text */
  public String restartsTipText() {
    return "Random starting points per configuration; the best on the training rows is kept. "
        + "Cost grows linearly with it.";
  }

  /** @return the tip text */
  public String layersTipText() {
    return "Hidden-layer counts (configurations) to search, comma-separated, each at most the "
        + "autoencoder's number of decoders (4).";
  }

  /** @return the learning rate of z */
  public double getLearningRate() {
    return m_settings.zLearningRate();
  }

  /** @param v the learning rate of z (> 0) */
  public void setLearningRate(double v) {
    m_settings.zLearningRate(v);
  }

  /** @return the tip text */
  public String learningRateTipText() {
    return "Adam learning rate of the latent points z.";
  }

  /** @return lambda_s */
  public double getLambdaS() {
    return m_settings.lambdaS();
  }

  /** @param v lambda_s (>= 0) */
  public void setLambdaS(double v) {
    m_settings.lambdaS(v);
  }

  /** @return the tip text */
  public String lambdaSTipText() {
    return "Weight lambda_s of the sparsity penalty (soft count and L1 of the gated weights); "
        + "larger gives sparser networks.";
  }

  /** @return mu_1 */
  public double getMu1() {
    return m_settings.mu1();
  }

  /** @param v mu_1 (>= 0) */
  public void setMu1(double v) {
    m_settings.mu1(v);
  }

  /** @return the tip text */
  public String mu1TipText() {
    return "Weight mu_1 of the L1 term within the sparsity penalty.";
  }

  /** @return mu_c */
  public double getMuC() {
    return m_settings.muC();
  }

  /** @param v mu_c (>= 0) */
  public void setMuC(double v) {
    m_settings.muC(v);
  }

  /** @return the tip text */
  public String muCTipText() {
    return "Weight mu_c of the soft non-zero count within the sparsity penalty.";
  }

  /** @return alpha */
  public double getAlpha() {
    return m_settings.alpha();
  }

  /** @param v alpha (>= 0) */
  public void setAlpha(double v) {
    m_settings.alpha(v);
  }

  /** @return the tip text */
  public String alphaTipText() {
    return "Weight alpha of the reward for spread-out neuron masks (pushes them to 0 or 1).";
  }

  /** @return beta */
  public double getBeta() {
    return m_settings.beta();
  }

  /** @param v beta (>= 0) */
  public void setBeta(double v) {
    m_settings.beta(v);
  }

  /** @return the tip text */
  public String betaTipText() {
    return "Weight beta of the penalty on the mean neuron mask (favours fewer neurons).";
  }

  /** @return the data points per step */
  public int getPointsPerStep() {
    return m_settings.pointsPerStep();
  }

  /** @param v the data points per step (>= 1) */
  public void setPointsPerStep(int v) {
    m_settings.pointsPerStep(v);
  }

  /** @return the tip text */
  public String pointsPerStepTipText() {
    return "Training rows drawn per search step (all of them when there are fewer).";
  }

  /** The starting-point modes, for the GUI's drop-down. */
  public static final Tag[] TAGS_INIT = {
      new Tag(SearchSettings.Init.RANDOM.ordinal(), "random", "random: z from N(0, 1)", false),
      new Tag(SearchSettings.Init.ENCODE.ordinal(), "encode", "encode: E(dense MLP fitted to the data)", false)};

  private static int initIndex(String name) {
    for (SearchSettings.Init i : SearchSettings.Init.values()) {
      if (i.name().equalsIgnoreCase(name.trim())) {
        return i.ordinal();
      }
    }
    throw new IllegalArgumentException("-init must be random or encode, got '" + name + "'");
  }

  /** The refinements, for the GUI's drop-down. */
  public static final Tag[] TAGS_REFINE = {
      new Tag(Refinement.NONE.ordinal(), "none", "none: the decoded network (the paper)", false),
      new Tag(Refinement.ADAM.ordinal(), "adam", "adam: a fixed number of Adam steps", false),
      new Tag(Refinement.LM.ordinal(), "lm", "lm: Levenberg-Marquardt to convergence", false)};

  /** @return how extracted networks are refined */
  public SelectedTag getRefine() {
    return new SelectedTag(m_settings.refinement().ordinal(), TAGS_REFINE);
  }

  /** @param v how to refine the extracted networks */
  public void setRefine(SelectedTag v) {
    if (v.getTags() == TAGS_REFINE) {
      m_settings.refinement(Refinement.values()[v.getSelectedTag().getID()]);
    }
  }

  /** @return the tip text */
  public String refineTipText() {
    return "How each restart's extracted network is refined on the training rows before "
        + "restarts and configurations are compared; zero pattern, masks and activations stay "
        + "fixed. none keeps the decoded weights (the paper's procedure), adam runs "
        + m_settings.polishSteps() + " full-batch Adam steps on the non-zero weights and biases, "
        + "lm fits every non-zero weight and every active neuron's bias by Levenberg-Marquardt "
        + "to convergence.";
  }

  /** @return whether the chosen networks are pruned and refitted */
  public boolean getPrune() {
    return m_settings.prune();
  }

  /** @param v whether to prune and refit the chosen networks */
  public void setPrune(boolean v) {
    m_settings.prune(v);
  }

  /** @return the tip text */
  public String pruneTipText() {
    return "Prune and refit each configuration's chosen network: its smallest weights are "
        + "removed a group at a time and the rest refitted by Levenberg-Marquardt, while the "
        + "validation MSE stays within the tolerance. Off by default (not measured to pay).";
  }

  /** @return the number of threads for independent parts of the search */
  public int getNumSlots() {
    return m_settings.slots();
  }

  /** @param v the number of threads (>= 1) */
  public void setNumSlots(int v) {
    m_settings.slots(v);
  }

  /** @return the tip text */
  public String numSlotsTipText() {
    return "Threads for the independent parts of the search (the refinements); the result is "
        + "the same for every value.";
  }

  /** @return the starting-point mode */
  public SelectedTag getInit() {
    return new SelectedTag(m_settings.init().ordinal(), TAGS_INIT);
  }

  /** @param v the starting-point mode */
  public void setInit(SelectedTag v) {
    if (v.getTags() == TAGS_INIT) {
      m_settings.init(SearchSettings.Init.values()[v.getSelectedTag().getID()]);
    }
  }

  /** @return the tip text */
  public String initTipText() {
    return "Where the search starts: random draws z from N(0, 1) as in the paper; encode trains "
        + "a dense network of each configuration's shape on the training rows for a few hundred "
        + "steps and starts from its encoding. Measured: encode lowers the error but keeps "
        + "several times the non-zero weights, so random is the default.";
  }

  /** @return the autoencoder: a bundled model name, a file, or auto */
  public String getModel() {
    return m_model;
  }

  /** @param v a bundled model name, a model file, or auto (empty means auto) */
  public void setModel(String v) {
    m_model = v == null || v.isBlank() ? AUTO_MODEL : v.trim();
  }

  /** @return the tip text */
  public String modelTipText() {
    return "The pretrained autoencoder: a bundled model's name such as swatnn-2in, a model "
        + "file's path, or auto for the bundled model with the fewest inputs that takes the "
        + "data's inputs.";
  }

  /** @return the tip text */
  public String seedTipText() {
    return "Seed of the starting points, the mini-batches and the validation split.";
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
    SearchSettings settings = m_settings.copy();
    if (settings.annealSteps() >= settings.steps()) {
      throw new Exception("SWATNNRegressor: -anneal (" + settings.annealSteps() + ") must be "
          + "less than -steps (" + settings.steps() + "): the best step is taken after the "
          + "annealing; lower -anneal as well");
    }
    DataPreparation.Fitted fitted = prepare(train, inputLimit());
    DataPreparation prep = fitted.preparation();
    int nData = prep.inputCount();
    ChosenModel chosen = chooseModel(prep);
    Path modelFile = chosen.file();
    ModelManifest manifest = chosen.manifest();
    for (int k : settings.layers()) {
      if (k > manifest.config().layout().maxHiddenLayers()) {
        throw new Exception("SWATNNRegressor: the model builds up to "
            + manifest.config().layout().maxHiddenLayers() + " hidden layers; -layers asks for "
            + k);
      }
    }
    // a model trained on more inputs than the data has: the extra inputs are held at 0
    int nIn = Math.max(Math.max(nData, 1), manifest.config().nInMin());
    fitAndSearch(train, fitted, manifest.config().layout(), nIn,
        rows -> search(modelFile, settings, rows, nData));
    m_builtSettings = settings;
    m_modelUsed = describeModel(modelFile, manifest, nIn - nData);
    m_backend = m_result.seconds() > 0 ? swatnn.autoencoder.Nd4jBackend.summary() : null;
  }

  private SearchResult search(Path modelFile, SearchSettings settings, ScaledRows rows,
      int nData) throws Exception {
    String prefix = "SWATNNRegressor: k=" + layersString(settings.layers()) + " x "
        + settings.restarts() + (settings.restarts() == 1 ? " restart" : " restarts");
    SearchListener listener = progressListener(prefix, "SWATNNRegressor: loading " + modelFile
        + "; searching " + rows.y().length + " rows, " + nData
        + (nData == 1 ? " input" : " inputs"));
    SearchResult result;
    try {
      AutoencoderModel model = AutoencoderModel.load(modelFile);
      result = new LatentSearch(model, settings).fit(rows.x(), rows.y(), rows.w(), listener);
    } catch (SearchInterruptedException e) {
      throw new Exception(INTERRUPTED, e);
    } catch (ModelFileException | IllegalArgumentException | IllegalStateException e) {
      throw new Exception("SWATNNRegressor: " + e.getMessage(), e);
    }
    return rows.x()[0].length > nData
        ? withoutPaddedInputs(result, nData, settings.tolerance()) : result;
  }

  /**
   * The most inputs a network can take: the -model's, or with auto the largest bundled
   * model's.
   */
  private int inputLimit() throws Exception {
    try {
      if (!AUTO_MODEL.equalsIgnoreCase(m_model)) {
        return ModelFile.readManifest(ModelLocator.resolve(m_model, 1)).config().nInMax();
      }
      int max = ModelLocator.maxInputs();
      return max > 0 ? max : Integer.MAX_VALUE; // none bundled: chooseModel says so
    } catch (ModelFileException e) {
      throw new Exception("SWATNNRegressor: " + e.getMessage(), e);
    }
  }

  /** A model file with its manifest. */
  private record ChosenModel(Path file, ModelManifest manifest) {}

  /**
   * The model for the data: the one named by -model, or with auto the bundled model with the
   * fewest inputs that takes the data's (ModelLocator's rule) or, if none takes that few, the
   * one with the fewest inputs that takes more.
   */
  private ChosenModel chooseModel(DataPreparation prep) throws Exception {
    int n = Math.max(prep.inputCount(), 1);
    try {
      if (!AUTO_MODEL.equalsIgnoreCase(m_model)) {
        Path file = ModelLocator.resolve(m_model, n);
        ModelManifest manifest = ModelFile.readManifest(file);
        if (prep.inputCount() > manifest.config().nInMax()) {
          throw new Exception(tooManyInputs(prep, "model '" + m_model + "' takes at most",
              manifest.config().nInMax(), MORE_INPUTS));
        }
        return new ChosenModel(file, manifest);
      }
      Map<String, ModelManifest> bundled = ModelLocator.bundled();
      if (bundled.isEmpty()) {
        throw new Exception("SWATNNRegressor: no bundled autoencoder model was found (looked in "
            + ModelLocator.searchPath() + "); give a model file with -model");
      }
      String best = null;
      boolean bestTakesN = false;
      int max = 0;
      for (Map.Entry<String, ModelManifest> e : bundled.entrySet()) {
        int lo = e.getValue().config().nInMin();
        int hi = e.getValue().config().nInMax();
        max = Math.max(max, hi);
        boolean takesN = lo <= n;
        if (hi >= n && (best == null || takesN && !bestTakesN
            || takesN == bestTakesN && hi < bundled.get(best).config().nInMax())) {
          best = e.getKey();
          bestTakesN = takesN;
        }
      }
      if (best == null) {
        throw new Exception(tooManyInputs(prep, "the largest bundled model takes", max,
            MORE_INPUTS));
      }
      return new ChosenModel(ModelLocator.resolve(best, n), bundled.get(best));
    } catch (ModelFileException e) {
      throw new Exception("SWATNNRegressor: " + e.getMessage(), e);
    }
  }

  private static String describeModel(Path file, ModelManifest m, int padded) {
    String name = file.getFileName().toString();
    if (name.endsWith(".zip")) {
      name = name.substring(0, name.length() - 4);
    }
    int lo = m.config().nInMin();
    int hi = m.config().nInMax();
    String inputs = lo == hi ? hi + (hi == 1 ? " input" : " inputs") : lo + "-" + hi + " inputs";
    String s = String.format(Locale.ROOT, "%s (%s; %s, d = %d, %d training steps)",
        name, file, inputs, m.config().dModel(), m.trainingSteps());
    if (padded > 0) {
      s += "; " + padded + " unused input" + (padded == 1 ? "" : "s") + " held at 0";
    }
    return s;
  }

  // ------------------------------------------------------------------ prediction

  // ------------------------------------------------------------------ output

  /**
   * The model: the autoencoder used, the chosen network, its non-zero count and every
   * configuration tried.
   *
   * @return a description of the model
   */
  @Override
  public String toString() {
    if (m_result == null) {
      return "SWATNNRegressor: no model built yet.";
    }
    StringBuilder sb = new StringBuilder();
    String title = "SWAT-NN regression: sparse MLP found in an autoencoder's latent space";
    sb.append(title).append('\n').append("=".repeat(title.length())).append("\n\n");
    sb.append("Autoencoder: ").append(m_modelUsed).append('\n');
    if (m_backend != null) {
      sb.append("Search ran on: ND4J ").append(m_backend).append('\n');
    }
    sb.append("Data: ").append(m_preparation.describe()).append('\n');
    SearchResult r = m_result;
    if (m_noSearch == null) {
      sb.append("Rows: ").append(r.trainRows()).append(" searched on, ")
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
