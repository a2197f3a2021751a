package swatnn.robustness;

import weka.classifiers.functions.DartsAdmmRegressor;
import weka.classifiers.functions.SWATNNRegressor;
import swatnn.weka.SparseNetworkRegressor;

/**
 * The two regressors with search settings small enough that a case takes seconds: the data
 * path (preparation, input selection, linear models, scaling, selection, refitting) runs in
 * full, the searches are short. SWATNNRegressor uses the bundled autoencoders.
 */
public enum SmallSearch {
  /** SWATNNRegressor, 30 steps, 2 restarts, one and two hidden layers. */
  SWATNN("-steps", "30", "-anneal", "10", "-restarts", "2", "-layers", "1,2"),
  /** DartsAdmmRegressor, 2 epochs and short training, pruning and retraining. */
  DARTS("-epochs", "2", "-mini-batch", "64", "-train-steps", "30", "-admm-rounds", "1",
      "-admm-steps", "10", "-retrain-steps", "10", "-layers", "1,2");

  private final String[] options;

  SmallSearch(String... options) {
    this.options = options;
  }

  /** The options set on a new classifier, e.g. for a report. */
  public String[] options() {
    return options.clone();
  }

  /**
   * A new classifier with these settings and seed 1.
   *
   * @throws Exception if the options are refused (a defect of this class)
   */
  public SparseNetworkRegressor create() throws Exception {
    SparseNetworkRegressor c = this == SWATNN ? new SWATNNRegressor() : new DartsAdmmRegressor();
    c.setOptions(options());
    return c;
  }

  /** The classifier's simple name. */
  public String classifierName() {
    return this == SWATNN ? "SWATNNRegressor" : "DartsAdmmRegressor";
  }
}
