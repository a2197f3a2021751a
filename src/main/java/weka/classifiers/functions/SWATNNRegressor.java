package weka.classifiers.functions;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import swatnn.autoencoder.AutoencoderModel;
import swatnn.autoencoder.ModelFileException;
import swatnn.autoencoder.ModelManifest;
import swatnn.nd4j.Nd4jBackend;
import swatnn.nd4j.Nd4jRuntime;
import swatnn.mlp.Refinement;
import swatnn.search.LatentSearch;
import swatnn.search.ModelLocator;
import swatnn.selection.SearchInterruptedException;
import swatnn.selection.ModelSearch;
import swatnn.selection.Rows;
import swatnn.selection.SearchResult;
import swatnn.search.SearchSettings;
import swatnn.weka.DataPreparation;
import swatnn.weka.FittedNetwork;
import swatnn.weka.LatentSearchOptions;
import swatnn.weka.ScaledSearch;
import weka.core.Instances;
import weka.core.RevisionUtils;
import weka.core.TechnicalInformation;
import weka.core.TechnicalInformation.Field;
import weka.core.TechnicalInformation.Type;
import weka.core.TechnicalInformationHandler;
import weka.core.WeightedInstancesHandler;

/**
 * SWAT-NN regression: finds a small sparse MLP (up to 4 hidden layers of up to 7 neurons, each
 * neuron with its own activation) by gradient descent on a point in the latent space of a
 * pretrained autoencoder, so that architecture and weights are trained together.
 *
 * <p>The options are {@link LatentSearchOptions}' and the shared ones ({@code -h} lists them);
 * the built model is a {@link FittedNetwork}, predicted in plain Java. The autoencoder is
 * loaded for building only and never serialized with the classifier.
 */
public class SWATNNRegressor extends LatentSearchOptions
    implements TechnicalInformationHandler, WeightedInstancesHandler {

  private static final long serialVersionUID = 4607826553315086195L;

  /** The message of the exception thrown when the building thread is interrupted. */
  public static final String INTERRUPTED = "SWATNNRegressor: search interrupted";

  /** The last remedy of the too-many-inputs message. */
  private static final String MORE_INPUTS = ", or use -model with a model that takes more inputs";

  /**
   * Runs the classifier from the command line, with progress lines on System.err.
   *
   * @param args the options
   */
  public static void main(String[] args) {
    runClassifier(new SWATNNRegressor(), args);
  }

  /** @return the description of the classifier in Weka's GUI */
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
        + "keeps the best-ranked (on rows drawn by their instance weights when they differ). "
        + "Instance weights are used. An infinite value is refused naming its attribute and "
        + "row. Building needs ND4J; predicting is "
        + "plain Java.\n\nFor more information see:\n\n"
        + getTechnicalInformation().toString();
  }

  /** @return the paper this classifier implements */
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

  /**
   * Chooses the autoencoder (ModelLocator's rule), prepares the data for its input count and
   * searches (see {@link swatnn.weka.SparseNetworkRegressor#buildClassifier}).
   *
   * @param train the rows with a class value
   * @return the built model
   * @throws Exception if the data cannot be handled or the search fails
   */
  @Override
  protected FittedNetwork fit(Instances train) throws Exception {
    SearchSettings settings = settings();
    if (settings.annealSteps() >= settings.steps()) {
      throw new Exception("SWATNNRegressor: -anneal (" + settings.annealSteps() + ") must be "
          + "less than -steps (" + settings.steps() + "): the best step is taken after the "
          + "annealing; lower -anneal as well");
    }
    List<ModelLocator.Located> candidates;
    try {
      candidates = ModelLocator.candidates(m_model);
    } catch (ModelFileException e) {
      throw new Exception("SWATNNRegressor: " + e.getMessage(), e);
    }
    int limit = candidates.stream().mapToInt(c -> c.manifest().config().nInMax()).max()
        .orElseThrow();
    DataPreparation.Fitted prepared = prepare(train, limit);
    DataPreparation prep = prepared.preparation();
    int nData = prep.networkColumns().length;
    ModelLocator.Located model = ModelLocator.choose(candidates, Math.max(nData, 1));
    ModelManifest manifest = model.manifest();
    if (nData > manifest.config().nInMax()) {
      throw new Exception(prep.tooManyInputs(getClass().getSimpleName(),
          AUTO_MODEL.equalsIgnoreCase(m_model)
              ? "the largest bundled model takes" : "model '" + m_model + "' takes at most",
          manifest.config().nInMax(), MORE_INPUTS));
    }
    requireLayersWithin(manifest.config().layout().maxHiddenLayers(),
        "model '" + model.name() + "' builds");
    // a model trained on more inputs than the data has: the extra inputs are held at 0
    int nIn = Math.max(Math.max(nData, 1), manifest.config().nInMin());
    String autoencoder = describeModel(model.file(), manifest, nIn - nData);
    return ScaledSearch.fit(prepared, train.classAttribute().name(), nIn,
        settings.inputScaling(), settings.tolerance(),
        (rows, networkInputs, linearInputs) -> search(model.file(), settings, rows,
            networkInputs, linearInputs, nData),
        result -> header(autoencoder, prep, result, settings),
        FittedNetwork.Provenance.of(optionsLine(), model.name(), manifest.weightsSha256()));
  }

  private SearchResult search(Path modelFile, SearchSettings settings, Rows rows,
      int[] networkInputs, int[] linearInputs, int nData) throws Exception {
    String prefix = "SWATNNRegressor: k=" + getLayers() + " x "
        + settings.restarts() + (settings.restarts() == 1 ? " restart" : " restarts");
    var listener = progress(prefix, "SWATNNRegressor: loading " + modelFile + "; searching "
        + rows.size() + " rows, " + nData + (nData == 1 ? " input" : " inputs"));
    try {
      return Nd4jRuntime.singleThreaded(() -> ModelSearch.run(rows, networkInputs, linearInputs,
          new LatentSearch(AutoencoderModel.shared(modelFile), settings), settings,
          LatentSearch.refitter(settings), settings.threads(), listener));
    } catch (SearchInterruptedException e) {
      throw new Exception(INTERRUPTED, e);
    } catch (ModelFileException | IllegalArgumentException | IllegalStateException e) {
      throw new Exception("SWATNNRegressor: " + e.getMessage(), e);
    }
  }

  private static FittedNetwork.Header header(String autoencoder, DataPreparation prep,
      SearchResult r, SearchSettings settings) {
    List<String> lines = new ArrayList<>();
    lines.add("Autoencoder: " + (r.searched() ? autoencoder : "none used (no search ran)"));
    if (r.searched()) {
      lines.add("Search ran on: ND4J " + Nd4jBackend.summary());
    }
    lines.add("Data: " + prep.describe());
    if (r.searched() && !r.groupSteps().isEmpty()) {
      lines.add("Steps run per group of restarts: " + r.groupSteps().stream()
          .map(String::valueOf).collect(java.util.stream.Collectors.joining(", "))
          + " of " + settings.steps() + " (-patience stops a group once its error stalls)");
    }
    if (r.searched() && settings.race() > 0) {
      lines.add(settings.race() > settings.restarts()
          ? "Race: " + settings.race() + " starting points per configuration, halved by "
              + "-race-score " + settings.raceScore().name().toLowerCase(Locale.ROOT)
              + " down to the " + settings.restarts() + " restarts"
          : "Race: not run (-race " + settings.race() + " is not above -restarts "
              + settings.restarts() + ")");
    }
    if (r.searched()) {
      lines.add("Refinement: " + settings.refinement().describe()
          + (LatentSearch.localSearchRuns(settings)
              ? "; then a local structure search (-local-search) on each configuration's best "
                  + "network (those it changed are named \"..., local search\")"
              : settings.localSearch() ? " (-local-search not run: it needs -refine lm)" : ""));
      int held = r.validation().heldOutRows();
      lines.add("Rows: " + r.trainRows() + (r.validation().crossValidated()
          ? ", all searched on; candidates scored by " + r.validation().folds()
              + "-fold cross-validation"
          : held > 0 ? ": " + (r.trainRows() - held) + " searched on, " + held
              + " held out to choose, all to fit the chosen model"
              : ", all searched on (too few to hold out; chosen on the training rows)"));
      String gated = gatedLocalSearch(r, settings);
      if (gated != null) {
        lines.add(gated);
      }
    }
    return new FittedNetwork.Header("SWAT-NN regression: sparse MLP found in an autoencoder's "
        + "latent space", lines);
  }

  /**
   * What the local structure search after cross-validation did (-local-search-gate): where it
   * did not run, why; where it ran, on which networks ({@link SearchResult#gatedNetworks()}),
   * what it added and whether the chosen model is among the added networks. Null when the gate
   * is 0.
   */
  private static String gatedLocalSearch(SearchResult r, SearchSettings settings) {
    if (!r.validation().crossValidated()) {
      return heldOutLocalSearch(r, settings);
    }
    double gate = settings.localSearchGate();
    if (!(gate > 0)) {
      return null;
    }
    String head = "Local structure search after cross-validation (-local-search-gate " + gate
        + "): ";
    String why = notRun(settings);
    if (why != null) {
      return head + why;
    }
    List<String> passed = r.gatedNetworks();
    if (passed == null) { // with cross-validation and -refine lm, only a constant class
      return head + "not run: a class without variance";
    }
    if (passed.isEmpty()) {
      double validated = r.candidates().stream().filter(c -> c.hiddenLayers() > 0)
          .mapToDouble(swatnn.selection.Candidate::validationMse).min().orElse(Double.NaN);
      double fitted = r.candidates().stream().filter(c -> c.hiddenLayers() > 0)
          .mapToDouble(swatnn.selection.Candidate::trainMse).min().orElse(Double.NaN);
      return head + (Double.isNaN(validated) ? "not run: no network among the candidates"
          : String.format(Locale.ROOT, "not run: no network validated within the gate (the "
              + "best at %.3g of the class's variance) or fitted its training rows within it "
              + "(the closest at %.3g; the table shows only each configuration's network of "
              + "lowest validation MSE)", validated / r.classVariance(),
              fitted / r.classVariance()));
    }
    return head + added(r, "ran on " + passed.size() + " network"
        + (passed.size() == 1 ? "" : "s") + " within the gate in validation or training MSE, "
        + "at most two per configuration (" + String.join(", ", passed) + ")");
  }

  /**
   * What the local structure search on a hold-out did (-held-out-local-search): on which
   * networks, what it added and whether the chosen model is among the added networks; why it
   * did not run. Null when the count is 0.
   */
  private static String heldOutLocalSearch(SearchResult r, SearchSettings settings) {
    int n = settings.heldOutLocalSearches();
    if (n == 0 || r.validation().heldOutRows() == 0) {
      return null;
    }
    String head = "Local structure search on the hold-out (-held-out-local-search " + n + "): ";
    String why = notRun(settings);
    if (why != null) {
      return head + why;
    }
    List<String> searched = r.gatedNetworks();
    double best = r.candidates().stream().filter(c -> c.hiddenLayers() > 0)
        .mapToDouble(swatnn.selection.Candidate::validationMse).min().orElse(Double.NaN);
    if (searched == null || searched.isEmpty()) {
      return head + (Double.isNaN(best) ? "not run: no network among the candidates"
          : String.format(Locale.ROOT, "not run: the best network fits the held-out rows "
              + "near-exactly (its MSE there %.3g of the class's variance, at most %s): such a "
              + "network is left to the final pruning", best / r.classVariance(),
              swatnn.weka.ModelText.num(swatnn.selection.NetworkModel.NEAR_EXACT)));
    }
    return head + added(r, "ran on the " + (searched.size() == 1 ? "network"
        : searched.size() + " networks") + " of lowest held-out MSE ("
        + String.join(", ", searched) + ")");
  }

  /** Why neither local search after the scoring runs with these settings, or null. */
  private static String notRun(SearchSettings settings) {
    if (settings.localSearch()) {
      return "not used with -local-search, which searches every configuration's best network "
          + "before the candidates are compared";
    }
    return settings.refinement() != Refinement.LM ? "not run: it needs -refine lm" : null;
  }

  /** A local search's line after what it ran on: what it added, and whether it was chosen. */
  private static String added(SearchResult r, String ran) {
    long added = r.candidates().stream().filter(swatnn.selection.Candidate::fromLocalSearch)
        .count();
    if (added == 0) {
      return ran + "; no move paid, so nothing was added";
    }
    boolean chosen = r.chosen().fromLocalSearch();
    return ran + "; " + added + " network" + (added == 1 ? "" : "s") + " added to the "
        + "candidates, named \"..., local search\" (the table shows each configuration's "
        + "network of lowest validation MSE); the chosen model is " + (added == 1
            ? (chosen ? "that network" : "not that network")
            : (chosen ? "one of them" : "not one of them"));
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

  /** @return the shared measures and the search steps a group of restarts ran */
  @Override
  protected List<String> measures() {
    List<String> all = new ArrayList<>(FittedNetwork.MEASURES);
    all.add(FittedNetwork.SEARCH_STEPS);
    return all;
  }

  /** @return the revision string */
  @Override
  public String getRevision() {
    return RevisionUtils.extract("$Revision: 1 $");
  }
}
