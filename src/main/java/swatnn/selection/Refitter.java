package swatnn.selection;

import swatnn.mlp.LeastSquaresRefiner;
import swatnn.mlp.Refinement;
import swatnn.mlp.SparseMlp;

/**
 * How the selection fits a candidate's free parameters again with its structure fixed (every
 * fold of a cross-validation, and the chosen model on all rows after a hold-out): the
 * refinement of the search ({@link Refinement}), and for the linear model whether Bayesian
 * regularisation is used. Immutable and thread-safe.
 */
public final class Refitter {
  private final Refinement refinement;
  private final LeastSquaresRefiner lm;
  private final int adamSteps;
  private final double adamRate;

  /**
   * A network refitted, with its effective number of parameters.
   *
   * @param network the refitted network
   * @param effectiveParameters gamma for Bayesian regularisation, otherwise the free parameters
   */
  public record Fit(SparseMlp network, double effectiveParameters) {}

  /**
   * @param refinement the refinement; {@link Refinement#NONE} refits nothing
   * @param lm the Levenberg-Marquardt refiner of {@link Refinement#LM}
   * @param adamSteps the steps of {@link Refinement#ADAM}
   * @param adamRate the step size of {@link Refinement#ADAM}
   */
  public Refitter(Refinement refinement, LeastSquaresRefiner lm, int adamSteps,
      double adamRate) {
    this.refinement = refinement;
    this.lm = lm;
    this.adamSteps = adamSteps;
    this.adamRate = adamRate;
  }

  /** @return whether networks are fitted at all (not {@link Refinement#NONE}) */
  public boolean refits() {
    return refinement != Refinement.NONE;
  }

  /**
   * @return the Levenberg-Marquardt refiner when the refinement is {@link Refinement#LM}, else
   *     null (the other refinements fit differently from plain least squares)
   */
  public LeastSquaresRefiner leastSquares() {
    return refinement == Refinement.LM ? lm : null;
  }

  /** @return whether the linear model uses Bayesian regularisation ({@link Refinement#BR}) */
  public boolean bayesian() {
    return refinement == Refinement.BR;
  }

  /**
   * @param net the network, its structure kept
   * @param rows rows of the network's inputs
   * @return the refitted network and its effective number of parameters
   */
  public Fit refine(SparseMlp net, Rows rows) {
    Refinement.Result r = refinement.refine(net, rows.x(), rows.y(), rows.w(), adamSteps,
        adamRate, lm);
    return new Fit(r.network(), r.effectiveParameters());
  }
}
