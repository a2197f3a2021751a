package swatnn.bench;

import java.util.Random;
import swatnn.mlp.FreeParameters;
import swatnn.mlp.LeastSquaresRefiner;
import swatnn.mlp.SparseMlp;

/**
 * A reference row for the planted-network benchmark: what Levenberg-Marquardt reaches when the
 * structure is given. The generator's own structure (its non-zero weights, active neurons and
 * activations) is fitted to the set's training rows from {@code starts} random starting points
 * by the refiner every candidate gets ({@link LeastSquaresRefiner}, its default iterations and
 * tolerance), and the start with the lowest training MSE is kept; the test rows are never
 * looked at before that choice.
 *
 * <p>Why: a structure search followed by refinement cannot recover a generator whose exact
 * structure Levenberg-Marquardt cannot fit from the weights it is handed. This oracle's rate is
 * what a search that found every structure exactly would reach from random weights; a method
 * that recovers more owes it to its starting weights, and one that recovers less can gain from
 * a better structure search (BENCHMARKS.md, "What Levenberg-Marquardt can fit when the
 * structure is known").
 *
 * <p>Starting weights and biases are N(0, 0.5^2) on even starts and N(0, 1.5^2) on odd ones
 * (small starts keep deep layers out of saturation, large ones reach the generators' weights,
 * which are up to about 5), fitted to the target standardized by its training mean and SD.
 * With a {@code perturbation} s > 0 the starts are the generator's own parameters instead,
 * each multiplied by (1 + s N(0, 1)) and fitted to the raw target: how far from the answer a
 * start may be and still lead back to it (the width of its basin). Deterministic for a seed.
 */
public final class StructureOracle {
  /** The method label in results.csv. */
  public static final String LABEL = "STRUCTURE_LM";
  /** Starting points when none are given. */
  public static final int DEFAULT_STARTS = 16;
  private static final double[] START_SD = {0.5, 1.5};

  private final int starts;
  private final double perturbation;
  private final LeastSquaresRefiner refiner = new LeastSquaresRefiner(
      LeastSquaresRefiner.DEFAULT_ITERATIONS, LeastSquaresRefiner.DEFAULT_TOLERANCE);

  /**
   * @param starts random starting points per fit (>= 1)
   * @throws IllegalArgumentException if {@code starts < 1}
   */
  public StructureOracle(int starts) {
    this(starts, 0);
  }

  /**
   * @param starts starting points per fit (>= 1)
   * @param perturbation 0 for random starts; s > 0 for the generator's parameters, each
   *     multiplied by (1 + s N(0, 1))
   * @throws IllegalArgumentException if {@code starts < 1} or the perturbation is negative or
   *     not finite
   */
  public StructureOracle(int starts, double perturbation) {
    if (starts < 1) {
      throw new IllegalArgumentException("the oracle needs at least 1 start, got " + starts);
    }
    if (!(perturbation >= 0) || !Double.isFinite(perturbation)) {
      throw new IllegalArgumentException("the perturbation must be >= 0 and finite, got "
          + perturbation);
    }
    this.starts = starts;
    this.perturbation = perturbation;
  }

  /**
   * The method label in results.csv: {@value #LABEL} for random starts, {@code
   * STRUCTURE_LM_p0.3} for starts perturbed by 0.3.
   */
  public String label() {
    return perturbation == 0 ? LABEL : LABEL + "_p" + perturbation;
  }

  /**
   * Fits {@code structure}'s free parameters (its non-zero weights, every active bias and the
   * output bias) to the targets {@code z}.
   *
   * @param structure the structure to fit; its weights' values are ignored for random starts
   *     and perturbed for the others
   * @param x training rows, {@code rows x structure.nIn()}
   * @param z training targets: standardized (mean 0, SD 1) for random starts, raw otherwise
   * @param seed seeds the starting points
   * @return the fitted network with the lowest training MSE over the starts (it predicts
   *     {@code z})
   */
  public SparseMlp fit(SparseMlp structure, double[][] x, double[] z, long seed) {
    FreeParameters free = new FreeParameters(structure);
    double[] own = free.values();
    Random random = new Random(seed);
    SparseMlp best = null;
    double bestMse = Double.POSITIVE_INFINITY;
    for (int s = 0; s < starts; s++) {
      double sd = START_SD[s % START_SD.length];
      double[] p = new double[free.size()];
      for (int i = 0; i < p.length; i++) {
        p[i] = perturbation > 0 ? own[i] * (1 + perturbation * random.nextGaussian())
            : sd * random.nextGaussian();
      }
      SparseMlp fitted = free.toMlp(refiner.fit(free, x, z, null, null, p), null);
      double mse = fitted.meanSquaredError(x, z);
      if (best == null || mse < bestMse) {
        best = fitted;
        bestMse = mse;
      }
    }
    return best;
  }

  /**
   * The oracle's row for one set and seed: test RMSE in the target's units, the fitted
   * network's non-zeros, and the recovery rule.
   *
   * @param set a planted set
   * @param seed seeds the starting points (with the set's index)
   */
  PlantedRow run(PlantedSuite.PlantedSet set, long seed) {
    long t0 = System.nanoTime();
    double[] y = set.trainY();
    // random starts fit the standardized target; perturbed ones are the generator's own
    // parameters, which predict the raw target
    double center = 0;
    double scale = 1;
    if (perturbation == 0) {
      center = PlantedSuite.mean(y);
      scale = PlantedSuite.sd(y);
    }
    SparseMlp fitted = fit(set.network(), set.trainX(), standardized(y, center, scale),
        seed * 1_000_003L + set.index());
    double[] zt = standardized(set.testY(), center, scale);
    double rmse = scale * Math.sqrt(fitted.meanSquaredError(set.testX(), zt));
    int nonZero = fitted.nonZeroCount();
    double seconds = (System.nanoTime() - t0) / 1e9;
    return new PlantedRow(set.id(), label(), seed, set.inputs(), set.layers(), set.nonZero(),
        nonZero, rmse, set.targetSd(), set.noiseSd(), RecoveryRule.recovered(rmse, nonZero,
            set.targetSd(), set.noiseSd(), set.nonZero()), seconds);
  }

  /** {@code (v - center) / scale}, element by element, in a new array. */
  private static double[] standardized(double[] v, double center, double scale) {
    double[] out = new double[v.length];
    for (int i = 0; i < v.length; i++) {
      out[i] = (v[i] - center) / scale;
    }
    return out;
  }
}
