package swatnn.mlp;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * A local search over the structure of a refined network (docs/METHOD.md section 8.2): small
 * discrete moves that the latent search's gradient cannot make, each refitted by
 * Levenberg-Marquardt and kept when it pays. Four moves, in rounds of at most {@value
 * #MAX_ROUNDS}, until a round keeps none:
 *
 * <ol>
 *   <li><b>swap</b> an active neuron's activation for each of the two others;
 *   <li><b>grow</b> one neuron in a hidden layer (every layer, every activation), connected to
 *       every live unit before and after it with small random weights;
 *   <li><b>regrow</b>: free every live connection, refit, then prune ({@link NetworkPruner});
 *   <li><b>shrink</b>: switch off one active neuron (each in turn), then replace each run of
 *       one-neuron hidden layers by the affine map it nearly is ({@link LayerCollapse}).
 * </ol>
 *
 * <p>A move is kept ({@link #kept}) when its training MSE is clearly lower than the current
 * network's (below {@code mse / (1 + tolerance) - floor}) and, if it has more non-zeros, its
 * Bayesian information criterion ({@code n ln(mse) + ln(n) nonZeros} on the move's n rows) is
 * lower too; or when it is within {@code mse (1 + tolerance) + floor} with fewer non-zeros: the
 * selection's own rule (docs/METHOD.md section 8.4), on training rows, with the criterion of
 * section 8.2. Moves are fitted on at most {@code maxRows} rows (a seeded draw) with at most
 * {@value #MOVE_ITERATIONS} iterations; the final structure is refitted on all rows and
 * replaces the start only if it passes the same rule there. Deterministic for a seed; stops at
 * the next move when the thread is interrupted.
 *
 * <p>Why: the search's masks move little once sharpened, so a k=1 search often ends one or two
 * neurons short of the function (BENCHMARKS.md, "Where the k=1 neurons go"), and a neuron's
 * activation is fixed by its decoding. Both are one discrete step from a better network.
 */
public final class LocalStructureSearch {
  /** At most this many rounds of the four moves. */
  public static final int MAX_ROUNDS = 3;
  /** Levenberg-Marquardt iterations per move (the final refit uses the full refiner's). */
  public static final int MOVE_ITERATIONS = 50;
  /**
   * The most rows a move is fitted on by default (the structure kept is refitted on all rows):
   * above it, a move's Levenberg-Marquardt fit costs more than it tells.
   */
  public static final int DEFAULT_MAX_ROWS = 500;
  /** Scale of a grown neuron's random starting weights. */
  private static final double GROW_SCALE = 0.1;

  private final LeastSquaresRefiner refiner;
  private final LeastSquaresRefiner moveRefiner;
  private final double tolerance;
  private final double floor;
  private final int maxRows;

  /**
   * @param refiner the full refit of the structure kept, on all rows
   * @param tolerance the selection's relative tolerance (>= 0)
   * @param floor an MSE difference that does not matter (>= 0), in the labels' squared units
   * @param maxRows the most rows a move is fitted on (>= 1)
   * @throws IllegalArgumentException for a negative tolerance or floor, or maxRows < 1
   */
  public LocalStructureSearch(LeastSquaresRefiner refiner, double tolerance, double floor,
      int maxRows) {
    if (!(tolerance >= 0) || !(floor >= 0) || maxRows < 1) {
      throw new IllegalArgumentException("need tolerance >= 0, floor >= 0 and maxRows >= 1, got "
          + tolerance + ", " + floor + ", " + maxRows);
    }
    this.refiner = refiner;
    this.moveRefiner = new LeastSquaresRefiner(Math.min(MOVE_ITERATIONS,
        refiner.maxIterations()), refiner.tolerance());
    this.tolerance = tolerance;
    this.floor = floor;
    this.maxRows = maxRows;
  }

  /** A network and its training MSE on the rows it was scored on. */
  private record Scored(SparseMlp net, double mse) {
    int nonZeros() {
      return net.nonZeroCount();
    }
  }

  /**
   * Improves a refined network's structure.
   *
   * @param net a network refined on the rows (any structure of its layout)
   * @param x rows of {@code net.nIn()} inputs
   * @param y labels
   * @param w per-row weights (>= 0), or null for 1 each
   * @param seed seeds the draw of rows and of grown weights
   * @return a network at least as good by {@link #kept} on all rows, {@linkplain
   *     SparseMlp#reduced() reduced}; {@code net} itself (reduced) when no move pays
   */
  public SparseMlp improve(SparseMlp net, double[][] x, double[] y, double[] w, long seed) {
    SparseMlp found = search(net, x, y, w, seed, true, true);
    return found == null ? net.reduced() : found;
  }

  /**
   * The removals alone: the shrink move in rounds, then the weights by magnitude ({@link
   * NetworkPruner}, a tenth at a time, halved down to one, then one at a time, smallest first)
   * while the sample's MSE stays at most {@code net}'s on it times (1 + tolerance) plus the
   * floor, all fitted on the sample like the other moves; then the same refit on all rows and
   * the same rule against {@code net} (when the rule refuses, the removals run once more
   * without collapsing runs of one-neuron layers). It adds nothing, so it is the part of
   * {@link #improve} that cannot grow a network to fit noise ({@link
   * swatnn.selection.ModelSearch}'s pruning of the chosen network).
   *
   * @param net a network refined on the rows
   * @param x rows of {@code net.nIn()} inputs
   * @param y labels
   * @param w per-row weights (>= 0), or null for 1 each
   * @param seed seeds the draw of rows
   * @return a network with fewer non-zeros than {@code net}, refitted on all rows, reduced:
   *     its non-zeros a subset of {@code net}'s but for the biases a folded constant neuron fed
   *     and the wiring that replaces a collapsed run of one-neuron layers ({@link
   *     LayerCollapse}); {@code net} itself (reduced) when no removal passes the rule on all
   *     rows
   */
  public SparseMlp pruneOnly(SparseMlp net, double[][] x, double[] y, double[] w, long seed) {
    // a path through a collapse can end at a network that the rule on all rows refuses where
    // the path without one would pass (the held-out planted suite: 70 non-zeros kept where 41
    // passed before), so the removals without collapses are the fallback
    SparseMlp found = search(net, x, y, w, seed, false, true);
    if (found == null && !interrupted()) {
      found = search(net, x, y, w, seed, false, false);
    }
    return found == null ? net.reduced() : found;
  }

  /**
   * The removals judged on held-out rows: the shrink move in rounds, then the weights by
   * magnitude ({@link NetworkPruner}), each removal fitted like the other moves (on at most
   * {@code maxRows} of the training rows, a seeded draw) and kept while the MSE on the held-out
   * rows stays at most {@code limit} (a collapsed run of one-neuron layers must also keep the
   * sample's MSE within this search's floor of the current network's there); the result is
   * then refitted on all training rows (kept if it stays within the limit, else its sample fit
   * is returned). Nothing is added, and no held-out row is fitted: the rows
   * only judge, as they judge the candidates in the selection ({@link
   * swatnn.selection.ModelSearch}'s pruning of the chosen network above {@link
   * swatnn.selection.SelectionSettings#maxCrossValidationRows()} rows).
   *
   * @param net a network refined on the training rows
   * @param x training rows of {@code net.nIn()} inputs
   * @param y training labels
   * @param w training row weights (>= 0), or null for 1 each
   * @param heldX held-out rows of {@code net.nIn()} inputs
   * @param heldY held-out labels
   * @param heldW held-out row weights (>= 0), or null for 1 each
   * @param limit the largest held-out MSE a removal may leave (labels' squared units)
   * @param seed seeds the draw of rows
   * @return a network with fewer non-zeros than {@code net}, reduced, with a held-out MSE at
   *     most {@code limit} (its non-zeros a subset of {@code net}'s but for the biases a folded
   *     constant neuron fed and the wiring that replaces a collapsed run of one-neuron layers,
   *     {@link LayerCollapse}); {@code net} itself (reduced) when no removal passes or {@code
   *     net} is above the limit already
   */
  public SparseMlp pruneOnHeldOut(SparseMlp net, double[][] x, double[] y, double[] w,
      double[][] heldX, double[] heldY, double[] heldW, double limit, long seed) {
    Sample s = sample(x, y, w, new Random(seed));
    SparseMlp start = net.reduced();
    Judge judge = new Judge() {
      @Override
      public double score(SparseMlp fitted) {
        return fitted.meanSquaredError(heldX, heldY, heldW);
      }

      @Override
      public boolean keeps(Scored candidate, Scored current) {
        return candidate.mse() <= limit && candidate.nonZeros() < current.nonZeros();
      }
    };
    Scored current = new Scored(start, judge.score(start));
    if (!(current.mse() <= limit)) {
      return start;
    }
    for (int round = 0; round < MAX_ROUNDS && !interrupted(); round++) {
      Scored before = current;
      current = shrink(current, s, judge, true);
      if (current == before) {
        break;
      }
    }
    if (interrupted()) {
      return start;
    }
    SparseMlp pruned = new NetworkPruner(moveRefiner, 0)
        .prune(current.net(), s.x(), s.y(), s.w(), heldX, heldY, heldW, limit).reduced();
    if (pruned.nonZeroCount() < current.nonZeros()) {
      current = new Scored(pruned, judge.score(pruned));
    }
    if (current.nonZeros() >= start.nonZeroCount() || interrupted()) {
      return start;
    }
    SparseMlp refitted = refiner.refine(current.net(), x, y, w).reduced();
    return judge.score(refitted) <= limit ? refitted : current.net();
  }

  /**
   * The rounds of moves on a sample, then the refit on all rows.
   *
   * @return the refitted network, {@code net} reduced when nothing moved, or null when the
   *     rule on all rows refuses where the moves led
   */
  private SparseMlp search(SparseMlp net, double[][] x, double[] y, double[] w, long seed,
      boolean allMoves, boolean collapses) {
    Random random = new Random(seed);
    Sample s = sample(x, y, w, random);
    double[][] sx = s.x();
    double[] sy = s.y();
    double[] sw = s.w();
    SparseMlp start = net.reduced();
    Scored current = new Scored(start, start.meanSquaredError(sx, sy, sw));
    boolean moved = false;
    for (int round = 0; round < MAX_ROUNDS && !interrupted(); round++) {
      Scored before = current;
      if (allMoves) {
        current = swap(current, sx, sy, sw);
        current = grow(current, sx, sy, sw, random);
        current = regrow(current, sx, sy, sw);
      }
      current = shrink(current, s, onSample(s), collapses);
      if (current == before) {
        break;
      }
      moved = true;
    }
    if (!allMoves && !interrupted()) {
      double limit = start.meanSquaredError(sx, sy, sw) * (1 + tolerance) + floor;
      SparseMlp pruned = new NetworkPruner(moveRefiner, 0)
          .prune(current.net(), sx, sy, sw, limit).reduced();
      if (pruned.nonZeroCount() < current.nonZeros()) {
        current = new Scored(pruned, pruned.meanSquaredError(sx, sy, sw));
        moved = true;
      }
    }
    if (!moved || interrupted()) {
      return start;
    }
    SparseMlp refitted = refiner.refine(current.net(), x, y, w).reduced();
    Scored all = new Scored(refitted, refitted.meanSquaredError(x, y, w));
    Scored was = new Scored(start, start.meanSquaredError(x, y, w));
    return Double.isFinite(all.mse()) && kept(all, was, x.length) ? refitted : null;
  }

  /** Whether a move's network replaces the current one (the class Javadoc's rule). */
  private boolean kept(Scored candidate, Scored current, int rows) {
    double m = candidate.mse();
    if (!Double.isFinite(m)) {
      return false;
    }
    if (m < current.mse() / (1 + tolerance) - floor) {
      return candidate.nonZeros() <= current.nonZeros()
          || informationCriterion(candidate, rows) < informationCriterion(current, rows);
    }
    return m <= current.mse() * (1 + tolerance) + floor
        && candidate.nonZeros() < current.nonZeros();
  }

  /**
   * The Bayesian information criterion of a least-squares fit with Gaussian errors, up to a
   * constant: {@code n ln(mse) + ln(n) nonZeros}. Why: a move that adds parameters lowers the
   * training MSE on noisy rows whether or not the function needs them; on rows fitted almost
   * exactly the log term dwarfs the penalty and the criterion changes nothing.
   */
  private static double informationCriterion(Scored s, int rows) {
    return rows * Math.log(s.mse()) + Math.log(rows) * s.nonZeros();
  }

  /** Each active neuron's activation replaced by each other one, one at a time. */
  private Scored swap(Scored current, double[][] x, double[] y, double[] w) {
    for (int[] neuron : activeNeurons(current.net())) {
      for (Activation a : Activation.values()) {
        if (interrupted() || a == current.net().activation(neuron[0], neuron[1])) {
          continue;
        }
        SparseMlp changed = current.net().toBuilder().activation(neuron[0], neuron[1], a).build();
        current = better(fit(changed, x, y, w), current, x.length);
      }
    }
    return current;
  }

  /** One more neuron in some layer, wired to every live unit around it, each activation. */
  private Scored grow(Scored current, double[][] x, double[] y, double[] w, Random random) {
    SparseMlp net = current.net();
    int h = net.layout().maxNeurons();
    int k = net.hiddenLayers();
    Scored best = current;
    for (int layer = 0; layer < k && !interrupted(); layer++) {
      int slot = -1;
      for (int j = h - 1; j >= 0; j--) {
        if (!net.isActive(layer, j)) {
          slot = j;
        }
      }
      if (slot < 0) {
        continue;
      }
      for (Activation a : Activation.values()) {
        if (interrupted()) {
          break;
        }
        SparseMlp.Builder b = net.toBuilder().neuron(layer, slot, a, 0.0);
        int sources = layer == 0 ? net.nIn() : h;
        for (int i = 0; i < sources; i++) {
          if (layer == 0 || net.isActive(layer - 1, i)) {
            b.weight(layer, i, slot, GROW_SCALE * random.nextGaussian());
          }
        }
        if (layer == k - 1) {
          b.outputWeight(slot, GROW_SCALE * random.nextGaussian());
        } else {
          for (int j = 0; j < h; j++) {
            if (net.isActive(layer + 1, j)) {
              b.weight(layer + 1, slot, j, GROW_SCALE * random.nextGaussian());
            }
          }
        }
        best = better(fit(b.build(), x, y, w), best, x.length);
      }
    }
    return best;
  }

  /** Every live connection freed and refitted, then pruned within the tolerance. */
  private Scored regrow(Scored current, double[][] x, double[] y, double[] w) {
    if (interrupted()) {
      return current;
    }
    FreeParameters live = new FreeParameters(current.net(), FreeParameters.Scope.LIVE);
    SparseMlp dense = live.toMlp(moveRefiner.fit(live, x, y, w, null, live.values()), null);
    SparseMlp pruned = new NetworkPruner(moveRefiner, tolerance, floor)
        .prune(dense, x, y, w, x, y, w).reduced();
    return better(new Scored(pruned, pruned.meanSquaredError(x, y, w)), current, x.length);
  }

  /**
   * Each active neuron switched off in turn, the rest refitted on the sample; then, if {@code
   * collapses}, each run of one-neuron hidden layers collapsed ({@link #collapse}).
   */
  private Scored shrink(Scored current, Sample s, Judge judge, boolean collapses) {
    for (int[] neuron : activeNeurons(current.net())) {
      // a layer's last neuron stays: without it the output is a constant
      if (interrupted() || !current.net().isActive(neuron[0], neuron[1])
          || current.net().activeNeurons(neuron[0]) <= 1) {
        continue;
      }
      SparseMlp changed = current.net().toBuilder().active(neuron[0], neuron[1], false).build()
          .pruned();
      SparseMlp fitted = moveRefiner.refine(changed, s.x(), s.y(), s.w()).reduced();
      Scored candidate = new Scored(fitted, judge.score(fitted));
      if (judge.keeps(candidate, current)) {
        current = candidate;
      }
    }
    return collapses ? collapse(current, s, judge) : current;
  }

  /**
   * Each run of consecutive one-neuron hidden layers replaced by the affine map it nearly is
   * ({@link LayerCollapse}), the longest runs first, when that lowers the non-zero count; the
   * result refitted on the sample and kept when its MSE on the sample is at most the current
   * network's there plus the floor, and the judge keeps it too. Repeated until no collapse is
   * kept.
   *
   * <p>Why the sample's rule beside the judge's: a collapse is meant to drop what the function
   * does not use, not to trade accuracy for non-zeros. Judged on held-out rows alone it may
   * move within the selection's band, which on noisy rows is wide: on F53 with 10% label noise
   * (a tuning task) the band alone let the collapse take the test RMSE from 0.153 to 0.175.
   */
  private Scored collapse(Scored current, Sample s, Judge judge) {
    boolean kept = true;
    while (kept && !interrupted()) {
      kept = false;
      double limit = current.net().meanSquaredError(s.x(), s.y(), s.w()) + floor;
      for (int[] run : LayerCollapse.runs(current.net())) {
        if (interrupted()) {
          break;
        }
        SparseMlp changed = LayerCollapse.collapse(current.net(), run[0], run[1], s.x(), s.w());
        if (changed.nonZeroCount() >= current.nonZeros()) {
          continue;
        }
        SparseMlp fitted = moveRefiner.refine(changed, s.x(), s.y(), s.w()).reduced();
        if (!(fitted.meanSquaredError(s.x(), s.y(), s.w()) <= limit)) {
          continue;
        }
        Scored candidate = new Scored(fitted, judge.score(fitted));
        if (judge.keeps(candidate, current)) {
          current = candidate;
          kept = true;
          break;
        }
      }
    }
    return current;
  }

  /** How a move's fitted network is scored, and whether it replaces the current one. */
  private interface Judge {
    double score(SparseMlp fitted);

    boolean keeps(Scored candidate, Scored current);
  }

  /** Scored on the sample it was fitted on, kept by {@link #kept}. */
  private Judge onSample(Sample s) {
    return new Judge() {
      @Override
      public double score(SparseMlp fitted) {
        return fitted.meanSquaredError(s.x(), s.y(), s.w());
      }

      @Override
      public boolean keeps(Scored candidate, Scored current) {
        return kept(candidate, current, s.x().length);
      }
    };
  }

  private Scored better(Scored candidate, Scored current, int rows) {
    return kept(candidate, current, rows) ? candidate : current;
  }

  private Scored fit(SparseMlp net, double[][] x, double[] y, double[] w) {
    SparseMlp fitted = moveRefiner.refine(net, x, y, w).reduced();
    return new Scored(fitted, fitted.meanSquaredError(x, y, w));
  }

  private static List<int[]> activeNeurons(SparseMlp net) {
    List<int[]> out = new ArrayList<>();
    for (int l = 0; l < net.hiddenLayers(); l++) {
      for (int j = 0; j < net.layout().maxNeurons(); j++) {
        if (net.isActive(l, j)) {
          out.add(new int[] {l, j});
        }
      }
    }
    return out;
  }

  /** The rows the moves are fitted on. */
  private record Sample(double[][] x, double[] y, double[] w) {}

  /** All rows, or a seeded draw of maxRows of them without repeats, in their order. */
  private Sample sample(double[][] x, double[] y, double[] w, Random random) {
    int[] rows = sampleRows(x.length, random);
    double[][] sx = new double[rows.length][];
    double[] sy = new double[rows.length];
    double[] sw = w == null ? null : new double[rows.length];
    for (int i = 0; i < rows.length; i++) {
      sx[i] = x[rows[i]];
      sy[i] = y[rows[i]];
      if (sw != null) {
        sw[i] = w[rows[i]];
      }
    }
    return new Sample(sx, sy, sw);
  }

  private int[] sampleRows(int n, Random random) {
    int[] order = new int[n];
    for (int i = 0; i < n; i++) {
      order[i] = i;
    }
    if (n <= maxRows) {
      return order;
    }
    for (int i = 0; i < maxRows; i++) {
      int j = i + random.nextInt(n - i);
      int t = order[i];
      order[i] = order[j];
      order[j] = t;
    }
    int[] out = java.util.Arrays.copyOf(order, maxRows);
    java.util.Arrays.sort(out);
    return out;
  }

  private static boolean interrupted() {
    return Thread.currentThread().isInterrupted();
  }
}
