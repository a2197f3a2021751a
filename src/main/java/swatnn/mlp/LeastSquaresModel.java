package swatnn.mlp;

/**
 * A model fitted by (weighted, possibly regularised) least squares, seen one row at a time: the
 * residual of each row and its gradient with respect to the parameter vector (a row of the
 * Jacobian). The one view the normal-equation fits ({@link LevenbergMarquardt}, {@link
 * BayesianRegularisation}) need, so that they never hold an n x m Jacobian: memory is O(m^2).
 *
 * <p>A network ({@link FreeParameterModel}) is one implementation; a linear model (Jacobian row =
 * the input row and a 1 for the intercept) is another. Implementations need not be thread-safe.
 */
public interface LeastSquaresModel {
  /** The number of parameters m. */
  int size();

  /** The number of rows n. */
  int rows();

  /**
   * Sets the parameter vector that the following {@link #residual} calls use.
   *
   * @param p a vector of length {@link #size()} (not retained)
   */
  void parameters(double[] p);

  /**
   * The residual {@code e_r = prediction_r - target_r} of row {@code r} at the parameters last
   * set, unweighted.
   *
   * @param jacobianRow receives {@code d e_r / d p_q} for every q (length {@link #size()}), or
   *     null when only the residual is wanted
   */
  double residual(int r, double[] jacobianRow);
}
