package swatnn.mlp;

import java.util.Arrays;
import java.util.Comparator;
import java.util.function.ToDoubleFunction;
import java.util.stream.IntStream;

/**
 * Prune-and-refit: removes a refined network's smallest-magnitude weights a group at a time,
 * refitting the rest by {@link LeastSquaresRefiner} after each removal, for as long as the
 * held-out MSE stays within a tolerance (relative, plus an optional absolute floor) of the
 * starting network's.
 *
 * <p>A group is a tenth of the remaining free weights (at least one); when removing a group
 * costs too much, half as many are tried, down to a single weight. When the smallest single
 * weight cannot go, the next smallest are tried in turn, {@value #SINGLE_ATTEMPTS} in all, and
 * the pass ends when none can: a small weight the fit needs (a neuron's small input weight
 * scaled up by its output weight) does not protect larger weights the fit does not need. Biases
 * are never removed (an active neuron keeps its bias). Deterministic.
 */
public final class NetworkPruner {
  /** Single weights tried, smallest first, before the pass ends. */
  static final int SINGLE_ATTEMPTS = 8;
  private final LeastSquaresRefiner refiner;
  private final double tolerance;
  private final double floor;

  /**
   * @param refiner refits the remaining parameters after each removal
   * @param tolerance relative held-out MSE increase allowed over the starting network (>= 0)
   */
  public NetworkPruner(LeastSquaresRefiner refiner, double tolerance) {
    this(refiner, tolerance, 0);
  }

  /**
   * @param refiner refits the remaining parameters after each removal
   * @param tolerance relative held-out MSE increase allowed over the starting network (>= 0)
   * @param floor absolute held-out MSE increase allowed on top of it (>= 0, the labels' squared
   *     units): on noiseless data a relative increase of a near-zero MSE is no scale
   */
  public NetworkPruner(LeastSquaresRefiner refiner, double tolerance, double floor) {
    if (!(tolerance >= 0) || !(floor >= 0)) {
      throw new IllegalArgumentException("tolerance and floor must be >= 0, got " + tolerance
          + " and " + floor);
    }
    this.refiner = refiner;
    this.tolerance = tolerance;
    this.floor = floor;
  }

  /**
   * Prunes {@code net} (already refined on the training rows).
   *
   * @param trainW training weights, or null for 1 each
   * @param valW held-out weights, or null for 1 each
   * @return the sparsest network found within the tolerance (possibly {@code net}'s canonical
   *     form)
   */
  public SparseMlp prune(SparseMlp net, double[][] trainX, double[] trainY, double[] trainW,
      double[][] valX, double[] valY, double[] valW) {
    return prune(net, trainX, trainY, trainW, valX, valY, valW,
        start -> start.meanSquaredError(valX, valY, valW) * (1 + tolerance) + floor);
  }

  /**
   * Prunes {@code net} (already refined on the rows) while its MSE on them stays at most {@code
   * limit}: the weight pass of {@link #prune(SparseMlp, double[][], double[], double[],
   * double[][], double[], double[])} with a limit given rather than derived from {@code net}'s
   * own MSE (the tolerance and floor are not used), for a network already moved away from the
   * one the limit was set by.
   *
   * @param w row weights, or null for 1 each
   * @param limit the largest MSE allowed on the rows (a network above it is returned as it is)
   * @return the sparsest network found within the limit (possibly {@code net}'s canonical form)
   */
  public SparseMlp prune(SparseMlp net, double[][] x, double[] y, double[] w, double limit) {
    return prune(net, x, y, w, x, y, w, limit);
  }

  /**
   * Prunes {@code net} (already refined on the training rows) while its held-out MSE stays at
   * most {@code limit}, a limit given rather than derived from {@code net}'s own MSE (the
   * tolerance and floor are not used).
   *
   * @param trainW training weights, or null for 1 each
   * @param valW held-out weights, or null for 1 each
   * @param limit the largest held-out MSE allowed (a network above it is returned as it is)
   * @return the sparsest network found within the limit (possibly {@code net}'s canonical form)
   */
  public SparseMlp prune(SparseMlp net, double[][] trainX, double[] trainY, double[] trainW,
      double[][] valX, double[] valY, double[] valW, double limit) {
    return prune(net, trainX, trainY, trainW, valX, valY, valW, start -> limit);
  }

  /** The weight pass, its limit on the held-out MSE computed from the unpruned network. */
  private SparseMlp prune(SparseMlp net, double[][] trainX, double[] trainY, double[] trainW,
      double[][] valX, double[] valY, double[] valW, ToDoubleFunction<SparseMlp> limitOf) {
    FreeParameters free = new FreeParameters(net);
    double[] p = free.values();
    boolean[] keep = new boolean[free.weightCount()];
    Arrays.fill(keep, true);
    SparseMlp best = free.toMlp(p, keep);
    double limit = limitOf.applyAsDouble(best);
    int remaining = keep.length;
    int group = Math.max(1, remaining / 10);
    int passed = 0; // single weights, smallest first, whose removal failed at the current fit
    while (remaining > passed) {
      double[] current = p;
      boolean[] currentKeep = keep;
      int[] order = IntStream.range(0, keep.length).filter(q -> currentKeep[q]).boxed()
          .sorted(Comparator.comparingDouble(q -> Math.abs(current[q])))
          .mapToInt(Integer::intValue).toArray();
      boolean[] trial = keep.clone();
      int removed = group > 1 ? Math.min(group, order.length) : 1;
      for (int i = 0; i < removed; i++) {
        trial[order[group > 1 ? i : passed]] = false;
      }
      double[] fitted = refiner.fit(free, trainX, trainY, trainW, trial, p);
      SparseMlp candidate = free.toMlp(fitted, trial);
      if (candidate.meanSquaredError(valX, valY, valW) <= limit) {
        p = fitted;
        keep = trial;
        best = candidate;
        remaining -= removed;
        group = Math.max(1, remaining / 10);
        passed = 0;
      } else if (group > 1) {
        group /= 2;
      } else if (++passed == SINGLE_ATTEMPTS) {
        break;
      }
    }
    return best.pruned();
  }
}
