package swatnn.mlp;

import java.util.Locale;

/**
 * How the parameters of a discovered network are refined on the training rows, its structure
 * (zero pattern, active neurons, activations) fixed.
 *
 * <ul>
 *   <li>{@link #NONE}: the network as the search produced it (the paper's procedure);
 *   <li>{@link #ADAM}: full-batch Adam on the non-zero weights and biases ({@link
 *       SparseMlpFitter}), for a fixed number of steps;
 *   <li>{@link #LM}: Levenberg-Marquardt on every free parameter ({@link FreeParameters}) to
 *       convergence ({@link LeastSquaresRefiner});
 *   <li>{@link #BR}: Bayesian regularisation of every free parameter ({@link
 *       BayesianRegularisation}, MacKay; MATLAB's trainbr) with the same LM core, iteration cap
 *       and tolerance.
 * </ul>
 */
public enum Refinement {
  NONE,
  ADAM,
  LM,
  BR;

  /** Both searches' default: Levenberg-Marquardt (docs/METHOD.md 8.2). */
  public static final Refinement DEFAULT = LM;

  /** @return a phrase for the model text, e.g. "Levenberg-Marquardt to convergence" */
  public String describe() {
    switch (this) {
      case ADAM:
        return "full-batch Adam on the non-zero parameters";
      case LM:
        return "Levenberg-Marquardt to convergence, structure fixed";
      case BR:
        return "Bayesian regularisation (MacKay; Foresee and Hagan's Gauss-Newton form), "
            + "structure fixed";
      default:
        return "none (the networks as the search found them)";
    }
  }

  /** The name used in options: none, adam, lm or br. */
  public String optionName() {
    return name().toLowerCase(Locale.ROOT);
  }

  /**
   * The refinement named {@code name} (case-insensitive).
   *
   * @throws IllegalArgumentException naming the accepted values
   */
  public static Refinement ofName(String name) {
    for (Refinement r : values()) {
      if (r.optionName().equalsIgnoreCase(name.trim())) {
        return r;
      }
    }
    throw new IllegalArgumentException("refinement must be none, adam, lm or br, got '" + name
        + "'");
  }

  /**
   * A refined network and its effective number of parameters.
   *
   * @param network the refined network
   * @param effectiveParameters gamma for {@link #BR} ({@link BayesianRegularisation.Fit#gamma()}),
   *     else the network's free parameter count ({@link FreeParameters#size()})
   */
  public record Result(SparseMlp network, double effectiveParameters) {}

  /**
   * Refines {@code net} on rows {@code x} against labels {@code y}.
   *
   * @param weights per-row instance weights, or null for 1 each
   * @param adamSteps full-batch steps of {@link #ADAM}
   * @param adamRate Adam's step size for {@link #ADAM}
   * @param lm the refiner {@link #LM} uses; {@link #BR} takes its iteration cap and tolerance
   * @return the refined network ({@code net} itself for {@link #NONE}) and its effective number
   *     of parameters
   * @throws IllegalArgumentException for {@link #ADAM} with weights, which it does not take
   */
  public Result refine(SparseMlp net, double[][] x, double[] y, double[] weights,
      int adamSteps, double adamRate, LeastSquaresRefiner lm) {
    if (this == BR) {
      BayesianRegularisation.Refined r = new BayesianRegularisation(lm.maxIterations(),
          lm.tolerance()).refine(net, x, y, weights);
      return new Result(r.network(), r.fit().gamma());
    }
    SparseMlp out = apply(net, x, y, weights, adamSteps, adamRate, lm);
    return new Result(out, new FreeParameters(out).size());
  }

  /**
   * Refines {@code net} on rows {@code x} against labels {@code y}.
   *
   * @param weights per-row instance weights, or null for 1 each
   * @param adamSteps full-batch steps of {@link #ADAM}
   * @param adamRate Adam's step size for {@link #ADAM}
   * @param lm the refiner {@link #LM} uses; {@link #BR} takes its iteration cap and tolerance
   * @return the refined network; {@code net} itself for {@link #NONE}
   * @throws IllegalArgumentException for {@link #ADAM} with weights, which it does not take
   */
  public SparseMlp apply(SparseMlp net, double[][] x, double[] y, double[] weights,
      int adamSteps, double adamRate, LeastSquaresRefiner lm) {
    switch (this) {
      case ADAM:
        if (weights != null) {
          throw new IllegalArgumentException("-refine adam does not take instance weights; "
              + "use lm, br or none");
        }
        return SparseMlpFitter.fit(net, x, y, adamSteps, adamRate, true);
      case LM:
        return lm.refine(net, x, y, weights);
      case BR:
        return refine(net, x, y, weights, adamSteps, adamRate, lm).network();
      default:
        return net;
    }
  }
}
