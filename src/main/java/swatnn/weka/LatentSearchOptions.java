package swatnn.weka;

import java.util.List;
import swatnn.autoencoder.ModelFileException;
import swatnn.mlp.Refinement;
import swatnn.search.ModelLocator;
import swatnn.search.SearchSettings;
import weka.core.OptionMetadata;
import weka.core.SelectedTag;
import weka.core.Tag;
import weka.core.Utils;

/**
 * The latent search's options (SWATNNRegressor's), as annotated bean properties over the
 * engine's {@link SearchSettings}, which check every value as it is set; {@link #settings()}
 * hands the search a copy. {@code -polish} is accepted as an alias of {@code -refine adam}.
 */
public abstract class LatentSearchOptions extends SparseNetworkRegressor {
  private static final long serialVersionUID = 1L;

  /** The value of {@code -model} that lets the classifier pick a bundled model. */
  public static final String AUTO_MODEL = "auto";

  /** The refinements, for the GUI's drop-down. */
  public static final Tag[] TAGS_REFINE = {
      new Tag(Refinement.NONE.ordinal(), "none", "none: the decoded network (the paper)", false),
      new Tag(Refinement.ADAM.ordinal(), "adam", "adam: a fixed number of Adam steps", false),
      new Tag(Refinement.LM.ordinal(), "lm", "lm: Levenberg-Marquardt to convergence", false),
      new Tag(Refinement.BR.ordinal(), "br", "br: Bayesian regularisation (MacKay, trainbr)",
          false)};

  /** The starting-point modes, for the GUI's drop-down. */
  public static final Tag[] TAGS_INIT = {
      new Tag(SearchSettings.Init.RANDOM.ordinal(), "random", "random: z from N(0, 1)", false),
      new Tag(SearchSettings.Init.ENCODE.ordinal(), "encode",
          "encode: E(dense MLP fitted to the data)", false)};

  /** The race's scores, for the GUI's drop-down. */
  public static final Tag[] TAGS_RACE_SCORE = {
      new Tag(SearchSettings.RaceScore.DISCRETE.ordinal(), "discrete",
          "discrete: the extracted network's training loss", false),
      new Tag(SearchSettings.RaceScore.REFINED.ordinal(), "refined",
          "refined: the refitted network's training MSE", false)};

  /** The search options (the paper's values by default, scaled down where SearchSettings says). */
  protected SearchSettings m_settings = new SearchSettings();

  /** The autoencoder: a bundled model name, a model file or {@link #AUTO_MODEL}. */
  protected String m_model = AUTO_MODEL;

  @Override
  protected SearchSettings selection() {
    return m_settings;
  }

  /** @return a copy of the settings, for one search */
  protected SearchSettings settings() {
    return m_settings.copy();
  }

  /**
   * Sets the options, reading {@code -polish} as {@code -refine adam}. Without {@code -anneal},
   * a {@code -steps} at or below the default annealing anneals over 3/8 of the steps (the
   * default's share), so that {@code -steps 300} alone is a shorter search, not an error.
   *
   * @param options the options; those read are blanked, as Weka's option handlers do
   * @throws Exception if an option is invalid, -polish contradicts -refine, -anneal is not
   *     less than -steps, -model names no model file or bundled model, or -layers asks for more
   *     hidden layers than the model builds
   */
  @Override
  public void setOptions(String[] options) throws Exception {
    boolean polish = Utils.getFlag("polish", options);
    if (polish) {
      String refine = Utils.getOption("refine", options);
      if (!refine.isEmpty() && !refine.trim().equalsIgnoreCase("adam")) {
        throw new Exception(getClass().getSimpleName() + ": -polish means -refine adam, it "
            + "contradicts -refine " + refine);
      }
    }
    boolean annealGiven = Utils.getOptionPos("anneal", options) >= 0;
    super.setOptions(options);
    if (polish) {
      setRefine(new SelectedTag(Refinement.ADAM.ordinal(), TAGS_REFINE));
    }
    if (!annealGiven && getAnnealSteps() >= getSteps()) {
      setAnnealSteps(getSteps() * 3 / 8);
    }
    if (getAnnealSteps() >= getSteps()) {
      throw new Exception(getClass().getSimpleName() + ": -anneal (" + getAnnealSteps()
          + ") must be less than -steps (" + getSteps() + "): the best step is taken after the "
          + "annealing");
    }
    // checked here as well as at the build, so that weka.Run shows a refusal as an option
    // error, with the options, rather than as a build's stack trace; the build checks again
    // because the GUI sets one property at a time and a model file may change in between
    List<ModelLocator.Located> models;
    try {
      models = ModelLocator.candidates(m_model);
    } catch (ModelFileException e) {
      if (AUTO_MODEL.equalsIgnoreCase(m_model)) {
        return; // no bundled model here: the build says so
      }
      throw new Exception(getClass().getSimpleName() + ": option -model: " + e.getMessage(), e);
    }
    requireLayersWithin(models.stream()
        .mapToInt(m -> m.manifest().config().layout().maxHiddenLayers()).max().orElseThrow(),
        AUTO_MODEL.equalsIgnoreCase(m_model) ? "the bundled models build"
            : "model '" + m_model + "' builds");
  }

  /**
   * Refuses a -layers count above what a model builds.
   *
   * @param maxHiddenLayers the most hidden layers the model's decoders build (with -model
   *     auto before the data is seen: the most of any bundled model)
   * @param builder the message's subject, e.g. "model 'swatnn-7in' builds"
   * @throws Exception naming the option, the model's limit and the count refused
   */
  protected void requireLayersWithin(int maxHiddenLayers, String builder) throws Exception {
    for (int k : m_settings.layers()) {
      if (k > maxHiddenLayers) {
        throw new Exception(getClass().getSimpleName() + ": option -layers: " + builder
            + " up to " + maxHiddenLayers + " hidden layers, got " + k);
      }
    }
  }

  /** @return the number of search steps */
  @OptionMetadata(displayName = "steps", displayOrder = 1, commandLineParamName = "steps",
      commandLineParamSynopsis = "-steps <n>", description = "Search steps, each one Adam "
      + "update of every configuration's and restart's latent point together. The cost grows "
      + "linearly with it.")
  public int getSteps() {
    return m_settings.steps();
  }

  /** @param v the number of search steps (at least 1) */
  public void setSteps(int v) {
    m_settings.steps(v);
  }

  /** @return the number of annealing steps */
  @OptionMetadata(displayName = "annealSteps", displayOrder = 2, commandLineParamName = "anneal",
      commandLineParamSynopsis = "-anneal <n>", description = "Annealing steps, over which "
      + "the activation temperature falls linearly from one to a hundredth. The step with the "
      + "lowest loss after them is kept, so it must be less than steps. When only -steps is "
      + "given, it follows at 3/8 of the steps.")
  public int getAnnealSteps() {
    return m_settings.annealSteps();
  }

  /** @param v the number of annealing steps (at least 0; less than the steps when building) */
  public void setAnnealSteps(int v) {
    m_settings.annealSteps(v);
  }

  /** @return the number of restarts */
  @OptionMetadata(displayName = "restarts", displayOrder = 3, commandLineParamName = "restarts",
      commandLineParamSynopsis = "-restarts <n>", description = "Random starting points per "
      + "configuration; every restart's network is a candidate of the selection. They are "
      + "searched in groups of two, the groups on -num-slots threads, so the cost grows "
      + "linearly with it.")
  public int getRestarts() {
    return m_settings.restarts();
  }

  /** @param v the number of restarts (1 to 256) */
  public void setRestarts(int v) {
    m_settings.restarts(v);
  }

  /** @return the learning rate of z */
  @OptionMetadata(displayName = "learningRate", displayOrder = 4, commandLineParamName = "lr",
      commandLineParamSynopsis = "-lr <rate>",
      description = "Adam learning rate of the latent points z.")
  public double getLearningRate() {
    return m_settings.zLearningRate();
  }

  /** @param v the learning rate of z (above 0) */
  public void setLearningRate(double v) {
    m_settings.zLearningRate(v);
  }

  /** @return lambda_s */
  @OptionMetadata(displayName = "lambdaS", displayOrder = 5, commandLineParamName = "lambda-s",
      commandLineParamSynopsis = "-lambda-s <value>", description = "Weight lambda_s of the "
      + "sparsity penalty (soft count and L1 of the gated weights); larger gives sparser "
      + "networks.")
  public double getLambdaS() {
    return m_settings.lambdaS();
  }

  /** @param v lambda_s (at least 0) */
  public void setLambdaS(double v) {
    m_settings.lambdaS(v);
  }

  /** @return mu_1 */
  @OptionMetadata(displayName = "mu1", displayOrder = 6, commandLineParamName = "mu-1",
      commandLineParamSynopsis = "-mu-1 <value>",
      description = "Weight mu_1 of the L1 term within the sparsity penalty.")
  public double getMu1() {
    return m_settings.mu1();
  }

  /** @param v mu_1 (at least 0) */
  public void setMu1(double v) {
    m_settings.mu1(v);
  }

  /** @return mu_c */
  @OptionMetadata(displayName = "muC", displayOrder = 7, commandLineParamName = "mu-c",
      commandLineParamSynopsis = "-mu-c <value>",
      description = "Weight mu_c of the soft non-zero count within the sparsity penalty.")
  public double getMuC() {
    return m_settings.muC();
  }

  /** @param v mu_c (at least 0) */
  public void setMuC(double v) {
    m_settings.muC(v);
  }

  /** @return alpha */
  @OptionMetadata(displayName = "alpha", displayOrder = 8, commandLineParamName = "alpha",
      commandLineParamSynopsis = "-alpha <value>", description = "Weight alpha of the reward "
      + "for spread-out neuron masks, which pushes them to 0 or 1.")
  public double getAlpha() {
    return m_settings.alpha();
  }

  /** @param v alpha (at least 0) */
  public void setAlpha(double v) {
    m_settings.alpha(v);
  }

  /** @return beta */
  @OptionMetadata(displayName = "beta", displayOrder = 9, commandLineParamName = "beta",
      commandLineParamSynopsis = "-beta <value>", description = "Weight beta of the penalty "
      + "on the mean neuron mask, which favours fewer neurons.")
  public double getBeta() {
    return m_settings.beta();
  }

  /** @param v beta (at least 0) */
  public void setBeta(double v) {
    m_settings.beta(v);
  }

  /** @return the data points per step */
  @OptionMetadata(displayName = "pointsPerStep", displayOrder = 10,
      commandLineParamName = "points", commandLineParamSynopsis = "-points <n>",
      description = "Training rows drawn per search step (all of them when there are fewer).")
  public int getPointsPerStep() {
    return m_settings.pointsPerStep();
  }

  /** @param v the data points per step (at least 1) */
  public void setPointsPerStep(int v) {
    m_settings.pointsPerStep(v);
  }

  /** @return how extracted networks are refined */
  @OptionMetadata(displayName = "refine", displayOrder = 11, commandLineParamName = "refine",
      commandLineParamSynopsis = "-refine <none|adam|lm|br>", description = "How each restart's "
      + "extracted network is refitted on the training rows before restarts and "
      + "configurations are compared, its zero pattern, masks and activations fixed. none "
      + "keeps the decoded weights (the paper), adam runs 500 full-batch Adam steps (-polish is "
      + "an alias), lm fits every non-zero weight and active bias by Levenberg-Marquardt to "
      + "convergence, br fits them by Levenberg-Marquardt with Bayesian regularisation "
      + "(MacKay's weight decay, its strength estimated from the data).")
  public SelectedTag getRefine() {
    return new SelectedTag(m_settings.refinement().ordinal(), TAGS_REFINE);
  }

  /** @param v how to refine the extracted networks (one of {@link #TAGS_REFINE}) */
  public void setRefine(SelectedTag v) {
    if (v.getTags() == TAGS_REFINE) {
      m_settings.refinement(Refinement.values()[v.getSelectedTag().getID()]);
    }
  }

  /** @return the number of threads for independent parts of the search */
  @OptionMetadata(displayName = "numSlots", displayOrder = 12, commandLineParamName = "num-slots",
      commandLineParamSynopsis = "-num-slots <n>", description = "Threads for the independent "
      + "parts of the search (restart groups, refinements); the result is the same for every "
      + "value. 0, the default, uses the available processors of the machine that builds.")
  public int getNumSlots() {
    return m_settings.slots();
  }

  /** @param v the number of threads (at least 0; 0: the available processors) */
  public void setNumSlots(int v) {
    m_settings.slots(v);
  }

  /** @return whether every restart's refined network is pruned and refitted */
  @OptionMetadata(displayName = "prune", displayOrder = 13, commandLineParamName = "prune",
      commandLineParamIsFlag = true, commandLineParamSynopsis = "-prune", description = "Prune "
      + "and refit every restart's refined network while its training MSE stays within the "
      + "tolerance, before the candidates are compared. The smallest weights go a group at a "
      + "time and the rest are refitted by Levenberg-Marquardt; off by default (not measured "
      + "to pay). Not the final pruning of the chosen network, which runs by default "
      + "(-no-final-prune).")
  public boolean getPrune() {
    return m_settings.prune();
  }

  /** @param v whether to prune and refit every restart's refined network */
  public void setPrune(boolean v) {
    m_settings.prune(v);
  }

  /** @return the starting-point mode */
  @OptionMetadata(displayName = "init", displayOrder = 14, commandLineParamName = "init",
      commandLineParamSynopsis = "-init <random|encode>", description = "Where the search "
      + "starts: random draws z from N(0, 1) as in the paper, encode starts from the encoding "
      + "of a dense network of each configuration's shape trained briefly on the training "
      + "rows. Measured: encode lowers the error but keeps several times the non-zero "
      + "weights, so random is the default.")
  public SelectedTag getInit() {
    return new SelectedTag(m_settings.init().ordinal(), TAGS_INIT);
  }

  /** @param v the starting-point mode (one of {@link #TAGS_INIT}) */
  public void setInit(SelectedTag v) {
    if (v.getTags() == TAGS_INIT) {
      m_settings.init(SearchSettings.Init.values()[v.getSelectedTag().getID()]);
    }
  }

  /** @return the autoencoder: a bundled model name, a file, or auto */
  @OptionMetadata(displayName = "model", displayOrder = 15, commandLineParamName = "model",
      commandLineParamSynopsis = "-model <name|file>", description = "The pretrained "
      + "autoencoder: a bundled model's name such as swatnn-2in, a model file's path, or auto "
      + "for the bundled model with the fewest inputs that takes the data's inputs.")
  public String getModel() {
    return m_model;
  }

  /** @param v a bundled model name, a model file, or auto (empty means auto) */
  public void setModel(String v) {
    m_model = v == null || v.isBlank() ? AUTO_MODEL : v.trim();
  }

  /** @return the early-stopping window in steps (0: off) */
  @OptionMetadata(displayName = "patience", displayOrder = 16, commandLineParamName = "patience",
      commandLineParamSynopsis = "-patience <n>", description = "Early stopping window in "
      + "steps, 0 for none. After the annealing, each group of restarts stops once its training "
      + "error over the last window is not at least 1% below that over the window before.")
  public int getPatience() {
    return m_settings.patience();
  }

  /** @param v the early-stopping window in steps (at least 0; 0 runs every step) */
  public void setPatience(int v) {
    m_settings.patience(v);
  }

  /** @return the starting points per configuration of the race (0: none) */
  @OptionMetadata(displayName = "race", displayOrder = 17, commandLineParamName = "race",
      commandLineParamSynopsis = "-race <n>", description = "Successive halving over restarts: "
      + "n starting points per configuration search the first rung of the annealing, the "
      + "better half by -race-score carries on into the next rung, and so on until -restarts "
      + "remain, which run the rest of the steps. 0 (or at most -restarts) for no race.")
  public int getRace() {
    return m_settings.race();
  }

  /** @param v the starting points per configuration of the race (0 to 256; 0: none) */
  public void setRace(int v) {
    m_settings.race(v);
  }

  /** @return what ranks a race's restarts */
  @OptionMetadata(displayName = "raceScore", displayOrder = 18,
      commandLineParamName = "race-score",
      commandLineParamSynopsis = "-race-score <discrete|refined>", description = "What ranks "
      + "the restarts at the end of a rung of -race: discrete, the extracted network's "
      + "training MSE plus the sparsity penalties; refined, the training MSE of the extracted "
      + "network refitted as -refine says (slower).")
  public SelectedTag getRaceScore() {
    return new SelectedTag(m_settings.raceScore().ordinal(), TAGS_RACE_SCORE);
  }

  /** @param v what ranks a race's restarts (one of {@link #TAGS_RACE_SCORE}) */
  public void setRaceScore(SelectedTag v) {
    if (v.getTags() == TAGS_RACE_SCORE) {
      m_settings.raceScore(SearchSettings.RaceScore.values()[v.getSelectedTag().getID()]);
    }
  }

  /** @return whether each configuration's best network goes through a local structure search */
  @OptionMetadata(displayName = "localSearch", displayOrder = 19,
      commandLineParamName = "local-search", commandLineParamIsFlag = true,
      commandLineParamSynopsis = "-local-search", description = "After refinement, improve each "
      + "configuration's best network by small structural moves, each refitted by "
      + "Levenberg-Marquardt and kept when its training error is clearly lower (a move that "
      + "adds non-zeros must also lower the Bayesian information criterion), or within the "
      + "tolerance with fewer non-zeros: swap a neuron's activation, grow a neuron, regrow and "
      + "prune the connections, remove a neuron. Only with -refine lm (the default); about "
      + "1.2-1.6x the build time. Off by default.")
  public boolean getLocalSearch() {
    return m_settings.localSearch();
  }

  /** @param v whether to run the local structure search */
  public void setLocalSearch(boolean v) {
    m_settings.localSearch(v);
  }

  /**
   * @return the validation or training MSE, of the class's variance, at or below which a
   *     network goes through the local search after cross-validation
   */
  @OptionMetadata(displayName = "localSearchGate", displayOrder = 20,
      commandLineParamName = "local-search-gate",
      commandLineParamSynopsis = "-local-search-gate <fraction>", description = "The largest "
      + "validation or training MSE, as a fraction of the class's variance on the training "
      + "rows, at which a configuration's networks also go through the local structure search "
      + "of -local-search after cross-validation. A gate of 0.03 means an R-squared of at "
      + "least 0.97, validated or on the training rows (the validation alone misses structures "
      + "whose refits from fresh starts fail). Per configuration, up to two networks within "
      + "the gate are searched, those of lowest validation MSE; each network the moves return "
      + "joins the candidates and is cross-validated like them (the model text names it "
      + "\"..., local search\" and says whether the search ran and what it added). The moves "
      + "pay where the function is nearly captured and fit noise elsewhere; of the 13 real "
      + "data sets measured, only cpu's models changed (RMSE 0.55% lower in 10-fold "
      + "cross-validation). Ignored above -max-cv-rows rows (a hold-out), with -refine other "
      + "than lm, and with -local-search (which searches every configuration). In [0, 1); 0 "
      + "turns it off.")
  public double getLocalSearchGate() {
    return m_settings.localSearchGate();
  }

  /** @param v the gate, in [0, 1) */
  public void setLocalSearchGate(double v) {
    m_settings.localSearchGate(v);
  }

  /** @return on a hold-out, how many networks of lowest held-out MSE get the local search */
  @OptionMetadata(displayName = "heldOutLocalSearch", displayOrder = 20,
      commandLineParamName = "held-out-local-search",
      commandLineParamSynopsis = "-held-out-local-search <n>", description = "On a hold-out "
      + "(more training rows than -max-cv-rows), how many of the networks of lowest held-out "
      + "MSE then go through the local structure search of -local-search on the training "
      + "split, whatever their error, unless the best fits the held-out rows near-exactly (MSE "
      + "at most 1e-3 of the class's variance there; the final pruning handles such a "
      + "network). Each network the moves return joins the candidates, "
      + "scored on the held-out rows like them (the model text names it \"..., local search\" "
      + "and says what the search added). On large data the search alone often ends a neuron "
      + "or two from the function, where the moves complete it, and the held-out rows show a "
      + "move that fits noise as it is. Ignored when cross-validated (see -local-search-gate), "
      + "with -refine other than lm and with -local-search. In 0..16; 0 turns it off.")
  public int getHeldOutLocalSearch() {
    return m_settings.heldOutLocalSearches();
  }

  /** @param v the networks searched on a hold-out, in 0..16 */
  public void setHeldOutLocalSearch(int v) {
    m_settings.heldOutLocalSearches(v);
  }

  /** @return whether the chosen network is left as it was chosen, without the final pruning */
  @OptionMetadata(displayName = "noFinalPrune", displayOrder = 21,
      commandLineParamName = "no-final-prune", commandLineParamIsFlag = true,
      commandLineParamSynopsis = "-no-final-prune", description = "Keep the chosen network "
      + "as chosen. By default (with -refine lm), its neurons are removed one at a time and "
      + "its runs of one-neuron hidden layers replaced by the affine map they nearly are, then "
      + "its weights a tenth at a time, each step refitted by Levenberg-Marquardt: what the "
      + "function does not need goes. Scored on a hold-out (more rows than -max-cv-rows), a "
      + "step is kept while the MSE on the held-out rows stays within the band the network was "
      + "chosen from (-tol, -tol-floor), and a collapsed run only if the training MSE also "
      + "rises by at most -tol-floor times the class's variance. Cross-validated, only a "
      + "network that fits the training "
      + "rows almost exactly (MSE at most 1e-3 of the class's variance) is pruned, while its "
      + "training MSE rises by at most -tol-floor times the class's variance; a network that "
      + "fits less closely (noisy data) is kept as chosen.")
  public boolean getNoFinalPrune() {
    return !m_settings.finalPrune();
  }

  /** @param v whether to skip the final pruning of the chosen network */
  public void setNoFinalPrune(boolean v) {
    m_settings.finalPrune(!v);
  }
}
