package swatnn.selection;

import java.io.Serializable;

/**
 * A model the selection compared, with its errors on the scaled class.
 *
 * @param name what it is, e.g. {@code mean}, {@code linear}, {@code k=2 restart 3}
 * @param hiddenLayers the network's hidden layers; 0 for the mean and the linear model
 * @param model the model (for the chosen candidate: fitted on all training rows)
 * @param trainMse its MSE on the rows it was fitted on
 * @param validationMse the selection's error: the cross-validated MSE of its refits, or its MSE
 *     on the held-out rows ({@link Validation})
 */
public record Candidate(String name, int hiddenLayers, CandidateModel model, double trainMse,
    double validationMse) implements Serializable {
  private static final long serialVersionUID = 1L;

  /** What a network from the local structure search adds to its start's name. */
  public static final String LOCAL_SEARCH = ", local search";

  /**
   * @return whether the model is a network the local structure search returned (its name,
   *     e.g. "k=2 restart 3, local search", the chosen one's perhaps followed by ", pruned
   *     from ...")
   */
  public boolean fromLocalSearch() {
    return name.contains(LOCAL_SEARCH);
  }

  /** @return the model's non-zero parameters */
  public int nonZeroCount() {
    return model.nonZeroCount();
  }

  /**
   * @param replacement a model of the same structure
   * @param train its training MSE
   * @return this candidate with another fit of its model
   */
  public Candidate withModel(CandidateModel replacement, double train) {
    return new Candidate(name, hiddenLayers, replacement, train, validationMse);
  }
}
