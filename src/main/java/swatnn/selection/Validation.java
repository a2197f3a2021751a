package swatnn.selection;

import java.io.Serializable;

/**
 * How the candidates were scored: k-fold cross-validation of their refits on all training rows,
 * or their error on rows held out from the search and the fit.
 *
 * @param folds the folds of the cross-validation, or 0 for a hold-out
 * @param heldOutRows the rows held out (0 with cross-validation, or when there were too few to
 *     hold out and the candidates were scored on the training rows)
 */
public record Validation(int folds, int heldOutRows) implements Serializable {
  private static final long serialVersionUID = 1L;

  /** @return whether the candidates were cross-validated */
  public boolean crossValidated() {
    return folds >= 2;
  }

  /** @return a phrase for the model text, e.g. "5-fold cross-validation of their refits" */
  public String describe() {
    if (crossValidated()) {
      return folds + "-fold cross-validation of each candidate's refits (structure fixed)";
    }
    return heldOutRows > 0 ? "the " + heldOutRows + " rows held out from the search"
        : "the training rows (too few to hold any out)";
  }
}
