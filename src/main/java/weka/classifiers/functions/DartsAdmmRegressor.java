package weka.classifiers.functions;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import swatnn.nd4j.Nd4jRuntime;
import swatnn.darts.DartsAdmmSearch;
import swatnn.darts.DartsSettings;
import swatnn.mlp.MlpLayout;
import swatnn.selection.SearchInterruptedException;
import swatnn.selection.ModelSearch;
import swatnn.selection.Rows;
import swatnn.selection.SearchResult;
import swatnn.weka.DartsOptions;
import swatnn.weka.DataPreparation;
import swatnn.weka.FittedNetwork;
import swatnn.weka.ModelText;
import swatnn.weka.ScaledSearch;
import weka.core.Instances;
import weka.core.RevisionUtils;
import weka.core.TechnicalInformation;
import weka.core.TechnicalInformation.Field;
import weka.core.TechnicalInformation.Type;
import weka.core.TechnicalInformationHandler;

/**
 * The SWAT-NN paper's baseline as a regression classifier: DARTS (differentiable architecture
 * search) over a supernet of up to 4 hidden layers of 7 neurons, each neuron mixing sigmoid,
 * tanh and leaky ReLU and carrying a keep gate; then ADMM pruning of the discretised network's
 * weights. It searches the same space as {@link SWATNNRegressor} and reports the same measures,
 * so the two can be compared in Weka's Experimenter.
 *
 * <p>The options are {@link DartsOptions}' and the shared ones ({@code -h} lists them); the
 * built model is a {@link FittedNetwork}, predicted in plain Java.
 */
public class DartsAdmmRegressor extends DartsOptions implements TechnicalInformationHandler {

  private static final long serialVersionUID = -2193482113447005721L;

  /** The message of the exception thrown when the building thread is interrupted. */
  public static final String INTERRUPTED = "DartsAdmmRegressor: search interrupted";

  /**
   * Runs the classifier from the command line, with progress lines on System.err.
   *
   * @param args the options
   */
  public static void main(String[] args) {
    runClassifier(new DartsAdmmRegressor(), args);
  }

  /** @return the description of the classifier in Weka's GUI */
  public String globalInfo() {
    return "DARTS + ADMM regression: the SWAT-NN paper's baseline, a sparse MLP by "
        + "architecture search and pruning.\n\n"
        + "Differentiable architecture search over a supernet of up to 4 hidden layers of 7 "
        + "neurons, each neuron a softmax mixture of sigmoid, tanh and leaky ReLU scaled by a "
        + "learned keep gate. Weights train on one part of the training rows and architecture "
        + "parameters on another, alternating first-order steps. The supernet is then "
        + "discretised (the most weighted activation per neuron; neurons whose gate is below "
        + "0.5 removed), trained, and its weights pruned by ADMM: weights below a magnitude "
        + "threshold are driven to zero, the survivors refitted (by Levenberg-Marquardt by "
        + "default). Every hidden-layer count is searched; among those whose validation error "
        + "is within a tolerance of the best, the one with the fewest non-zero parameters is "
        + "chosen.\n\n"
        + "Inputs and class are scaled to [-1, 1] by their training ranges; missing values are "
        + "replaced by training means and modes, nominal attributes converted to binary ones. "
        + "At most 7 inputs (after conversion) are taken, as by SWATNNRegressor. Instance "
        + "weights are not used: the classifier does not handle weighted instances, so Weka "
        + "refuses data with a weight other than 1 (SWATNNRegressor uses them). Building needs ND4J; predicting is plain Java.\n\n"
        + "For more information see:\n\n" + getTechnicalInformation().toString();
  }

  /** @return DARTS, with ADMM pruning as an additional reference */
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

  /**
   * Prepares the data for the supernet's inputs and searches (see
   * {@link swatnn.weka.SparseNetworkRegressor#buildClassifier}).
   *
   * @param train the rows with a class value
   * @return the built model
   * @throws Exception if the data cannot be handled or the search fails
   */
  @Override
  protected FittedNetwork fit(Instances train) throws Exception {
    DartsSettings settings = settings();
    MlpLayout layout = settings.layout();
    DataPreparation.Fitted prepared = prepare(train, layout.maxNeurons());
    DataPreparation prep = prepared.preparation();
    int nData = prep.networkColumns().length;
    if (nData > layout.maxNeurons()) {
      throw new Exception(prep.tooManyInputs(getClass().getSimpleName(), "the search space (H, the neurons per hidden"
          + " layer) takes at most", layout.maxNeurons(), ""));
    }
    // without any input the network gets one that is always 0
    int nIn = Math.max(nData, 1);
    return ScaledSearch.fit(prepared, train.classAttribute().name(), nIn,
        settings.inputScaling(), settings.tolerance(),
        (rows, networkInputs, linearInputs) -> search(settings, rows, networkInputs,
            linearInputs, nData),
        result -> header(settings, prep, nIn > nData, result),
        FittedNetwork.Provenance.of(optionsLine(), null, null));
  }

  private SearchResult search(DartsSettings settings, Rows rows, int[] networkInputs,
      int[] linearInputs, int nData) throws Exception {
    var listener = progress("DartsAdmmRegressor: k=" + getLayers(), "DartsAdmmRegressor: "
        + "searching " + rows.size() + " rows, " + nData + (nData == 1 ? " input" : " inputs"));
    // instance weights are not used (not a WeightedInstancesHandler)
    Rows unweighted = new Rows(rows.x(), rows.y(), null);
    try {
      return Nd4jRuntime.singleThreaded(() -> ModelSearch.run(unweighted, networkInputs,
          linearInputs, new DartsAdmmSearch(settings), settings,
          DartsAdmmSearch.refitter(settings), Runtime.getRuntime().availableProcessors(),
          listener));
    } catch (SearchInterruptedException e) {
      throw new Exception(INTERRUPTED, e);
    } catch (IllegalArgumentException | IllegalStateException e) {
      throw new Exception("DartsAdmmRegressor: " + e.getMessage(), e);
    }
  }

  private static FittedNetwork.Header header(DartsSettings s, DataPreparation prep,
      boolean padded, SearchResult r) {
    List<String> lines = new ArrayList<>();
    lines.add(String.format(Locale.ROOT, "Search: supernet of %d neurons per hidden layer, %d "
        + "epochs (first-order bilevel), %d training steps; ADMM rho = %s, threshold %s, "
        + "%d x %d steps; %d retraining steps", s.layout().maxNeurons(), s.epochs(),
        s.trainSteps(), ModelText.num(s.rho()), ModelText.num(s.threshold()), s.admmRounds(),
        s.admmSteps(), s.retrainSteps()));
    lines.add("Data: " + prep.describe() + (padded ? "; 1 unused input held at 0" : ""));
    if (r.searched()) {
      int held = r.validation().heldOutRows();
      int searched = r.trainRows() - held;
      int archRows = (int) Math.floor(searched * s.architectureFraction());
      boolean split = archRows >= 1 && archRows < searched;
      lines.add("Rows: " + searched + " searched on (" + (split ? (searched - archRows)
          + " for the weights and " + archRows + " for the architecture in the bilevel search"
          : "all for both weights and architecture: too few to split") + "), "
          + (r.validation().crossValidated() ? "candidates scored by "
              + r.validation().folds() + "-fold cross-validation"
              : held > 0 ? held + " held out to choose, all to fit the chosen model"
                  : "none held out (too few; chosen on the training rows)"));
    }
    return new FittedNetwork.Header("DARTS + ADMM regression: sparse MLP by architecture "
        + "search and pruning", lines);
  }

  /** @return the revision string */
  @Override
  public String getRevision() {
    return RevisionUtils.extract("$Revision: 1 $");
  }
}
