package swatnn.selection;

/**
 * The simplest candidate: the weighted mean of the training labels, one parameter.
 *
 * @param mean the mean on the scaled class
 */
public record MeanModel(double mean) implements CandidateModel {
  private static final long serialVersionUID = 1L;

  /**
   * @param rows training rows
   * @return the model of their weighted mean label
   */
  public static MeanModel fit(Rows rows) {
    return new MeanModel(rows.meanLabel());
  }

  @Override
  public double predict(double[] x) {
    return mean;
  }

  @Override
  public int nonZeroCount() {
    return 1;
  }

  @Override
  public double effectiveParameters() {
    return 1;
  }

  @Override
  public MeanModel refit(Rows rows, Refitter refitter) {
    return fit(rows);
  }
}
