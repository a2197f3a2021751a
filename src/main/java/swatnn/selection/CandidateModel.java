package swatnn.selection;

import java.io.Serializable;

/**
 * A model the selection compares and may return: the training mean ({@link MeanModel}), a
 * sparse linear model ({@link LinearModel}) or a searched network ({@link NetworkModel}). Each
 * predicts the scaled class from one row of scaled inputs (all the data's inputs: a model reads
 * the columns it uses) and can be fitted again with its structure fixed, which is what
 * cross-validation of a structure needs. Immutable.
 */
public sealed interface CandidateModel extends Serializable
    permits MeanModel, LinearModel, NetworkModel {

  /**
   * @param x one row of all the scaled inputs
   * @return the prediction on the scaled class
   */
  double predict(double[] x);

  /**
   * @return the non-zero parameters (docs/METHOD.md section 4's count: for a network its
   *     non-zero weights, the biases of its active neurons and the output bias; for a linear
   *     model its non-zero coefficients and the intercept; 1 for the mean)
   */
  int nonZeroCount();

  /**
   * @return the effective number of parameters: gamma of Bayesian regularisation where it
   *     was used (MacKay 1992), otherwise the free parameters
   */
  double effectiveParameters();

  /**
   * The same structure (zero pattern, activations, inputs used) with its parameters fitted
   * again to other rows, starting from this model's.
   *
   * @param rows the rows to fit, on the same inputs as this model's
   * @param refitter how free parameters are fitted
   * @return the refitted model
   */
  CandidateModel refit(Rows rows, Refitter refitter);
}
