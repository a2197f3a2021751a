package swatnn.search;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Callable;
import swatnn.selection.Refitter;
import swatnn.selection.Rows;
import swatnn.selection.SearchInterruptedException;
import swatnn.selection.SearchListener;
import swatnn.selection.Slots;

/**
 * Successive halving over restarts (Jamieson and Talwalkar, "Non-stochastic best arm
 * identification and hyperparameter optimization", AISTATS 2016; the inner loop of Hyperband,
 * Li et al., JMLR 2018): many starting points per configuration run a short rung of search
 * steps, the better half by a score of each restart's network carries on into the next rung,
 * and so on until {@link SearchSettings#restarts()} remain, which then run the rest of the
 * schedule as an ordinary search ({@link LatentSearch}).
 *
 * <p>The rungs divide the annealing ({@link SearchSettings#annealSteps()}; 3/8 of the steps
 * without one) evenly, so that the survivors enter the final rung where the best-step window
 * and early stopping begin. Each configuration races its own restarts: restart 5 may survive at
 * k=1 and be dropped at k=3. A rung's restarts run in graphs of {@link
 * LatentSearch#RESTARTS_PER_GRAPH}, packed per configuration in the order of their restart
 * numbers, so the float operations, and so the result, do not depend on the thread count. Each
 * rung starts a fresh Adam from where the last one left z and t (the temperature follows the
 * step). A restart's score is its discrete network's training loss ({@link SearchSettings#raceScore()}).
 */
final class RestartRacing {

  /**
   * One rung of the race.
   *
   * @param endStep one past its last step
   * @param alive the restarts per configuration that run it
   */
  record Rung(int endStep, int alive) {}

  /**
   * Where the race leaves the survivors: the final rung's start.
   *
   * @param z z [L, keep, H, d] of the survivors, row-major, configuration by configuration
   * @param t t [L, keep]
   * @param restarts per configuration (index k - 1), the survivors' restart numbers (0-based),
   *     in the order of z's second axis
   * @param fromStep the step the final rung starts at
   */
  record Start(float[] z, float[] t, int[][] restarts, int fromStep) {}

  private final LatentOptimiser optimiser;
  private final NetworkExtraction extraction;
  private final Refitter refitter;
  private final SearchSettings settings;
  private final SearchSettings.RaceScore score;
  private final int l;
  private final int block;

  /**
   * @param optimiser the optimiser of the search's groups
   * @param extraction the extraction of their networks
   * @param refitter the refit of {@link SearchSettings.RaceScore#REFINED}
   * @param settings the search's settings
   * @param score how restarts are ranked
   * @param maxLayers L, the decoders' configurations
   * @param block H * d, the floats of one restart's z at one configuration
   */
  RestartRacing(LatentOptimiser optimiser, NetworkExtraction extraction, Refitter refitter,
      SearchSettings settings, SearchSettings.RaceScore score, int maxLayers, int block) {
    this.optimiser = optimiser;
    this.extraction = extraction;
    this.refitter = refitter;
    this.settings = settings;
    this.score = score;
    this.l = maxLayers;
    this.block = block;
  }

  /**
   * The rungs before the final one: the restarts alive halve (rounded up, never below
   * {@code keep}) from rung to rung, and the rungs end at even fractions of the annealing.
   *
   * @param starts the starting points per configuration, at least 1
   * @param keep the restarts that enter the final rung, 1 <= keep
   * @param annealSteps the annealing steps (0: 3/8 of {@code steps})
   * @param steps all the steps, at least 2
   * @return the rungs in order, empty when {@code starts <= keep}; each rung's end step lies in
   *     [1, steps - 1] and increases strictly (rungs that would not are merged)
   * @throws IllegalArgumentException if an argument is out of range
   */
  static List<Rung> schedule(int starts, int keep, int annealSteps, int steps) {
    if (starts < 1 || keep < 1 || steps < 2 || annealSteps < 0) {
      throw new IllegalArgumentException("need starts >= 1, keep >= 1, steps >= 2 and "
          + "anneal steps >= 0");
    }
    List<Integer> alive = new ArrayList<>();
    for (int a = starts; a > keep; a = Math.max(keep, (a + 1) / 2)) {
      alive.add(a);
    }
    int cut = Math.min(annealSteps > 0 ? annealSteps : steps * 3 / 8, steps - 1);
    cut = Math.max(cut, 1);
    List<Rung> rungs = new ArrayList<>();
    int h = alive.size();
    for (int i = 0; i < h; i++) {
      int end = Math.max(1, (int) Math.round((double) cut * (i + 1) / h));
      if (!rungs.isEmpty() && end <= rungs.get(rungs.size() - 1).endStep()) {
        continue; // too few steps for this rung: the last one halves further at its end
      }
      rungs.add(new Rung(end, alive.get(i)));
    }
    return rungs;
  }

  /**
   * The {@code keep} restarts of lowest score; a non-finite score ranks last, ties go to the
   * lower restart number.
   *
   * @param alive restart numbers
   * @param scores per restart number, its score (indexed by restart number)
   * @param keep how many to keep, at most {@code alive.length}
   * @return the restart numbers kept, ascending
   */
  static int[] keepBest(int[] alive, double[] scores, int keep) {
    if (keep > alive.length || keep < 0) {
      throw new IllegalArgumentException("cannot keep " + keep + " of " + alive.length);
    }
    Integer[] order = Arrays.stream(alive).boxed().toArray(Integer[]::new);
    Arrays.sort(order, (a, b) -> {
      double sa = Double.isFinite(scores[a]) ? scores[a] : Double.POSITIVE_INFINITY;
      double sb = Double.isFinite(scores[b]) ? scores[b] : Double.POSITIVE_INFINITY;
      int c = Double.compare(sa, sb);
      return c != 0 ? c : Integer.compare(a, b);
    });
    int[] kept = new int[keep];
    for (int i = 0; i < keep; i++) {
      kept[i] = order[i];
    }
    Arrays.sort(kept);
    return kept;
  }

  /**
   * No race: every restart starts the final rung, which is the whole search, from its random
   * (or encoded) point.
   *
   * @param zInit z [L, r, H, d]
   * @param maxLayers L
   * @param r the restarts
   * @return restart j at position j of every configuration, t = 0, from step 0
   */
  static Start noRace(float[] zInit, int maxLayers, int r) {
    int[][] ids = new int[maxLayers][];
    for (int k = 0; k < maxLayers; k++) {
      ids[k] = java.util.stream.IntStream.range(0, r).toArray();
    }
    return new Start(zInit, new float[maxLayers * r], ids, 0);
  }

  /**
   * Runs the rungs before the final one.
   *
   * @param zInit z [L, starts, H, d] of every starting point, row-major
   * @param starts the starting points per configuration
   * @param keep the restarts that enter the final rung
   * @param rows the searched rows (inputs of the network)
   * @param nIn the network's inputs
   * @param batches every step's rows
   * @param threads threads for the groups
   * @param listener progress
   * @return the survivors and their z and t
   */
  Start race(float[] zInit, int starts, int keep, Rows rows, int nIn, int[][] batches,
      int threads, SearchListener listener) {
    float[] z = zInit.clone();
    float[] t = new float[l * starts];
    int[][] alive = new int[l][];
    for (int k = 0; k < l; k++) {
      alive[k] = java.util.stream.IntStream.range(0, starts).toArray();
    }
    int from = 0;
    List<Rung> rungs = schedule(starts, keep, settings.annealSteps(), settings.steps());
    for (int i = 0; i < rungs.size(); i++) {
      Rung rung = rungs.get(i);
      int next = i + 1 < rungs.size() ? rungs.get(i + 1).alive() : keep;
      double[][] scores = runRung(z, t, starts, alive, from, rung.endStep(), rows, nIn,
          batches, threads, listener);
      boolean[] searched = new boolean[l];
      for (int k : settings.layers()) {
        searched[k - 1] = true;
      }
      for (int k = 0; k < l; k++) {
        alive[k] = searched[k] ? keepBest(alive[k], scores[k], next)
            : Arrays.copyOf(alive[k], next);
      }
      from = rung.endStep();
    }
    float[] zOut = new float[l * keep * block];
    float[] tOut = new float[l * keep];
    for (int k = 0; k < l; k++) {
      for (int j = 0; j < keep; j++) {
        int src = k * starts + alive[k][j];
        System.arraycopy(z, src * block, zOut, (k * keep + j) * block, block);
        tOut[k * keep + j] = t[src];
      }
    }
    return new Start(zOut, tOut, alive, from);
  }

  /**
   * One rung: the alive restarts in groups, from step {@code from} to {@code to}; z and t of
   * every alive restart updated in place.
   *
   * @return per configuration (index k - 1) and restart number, the score (NaN if not scored)
   */
  private double[][] runRung(float[] z, float[] t, int starts, int[][] alive, int from, int to,
      Rows rows, int nIn, int[][] batches, int threads, SearchListener listener) {
    int a = alive[0].length;
    int per = LatentSearch.RESTARTS_PER_GRAPH;
    int groups = (a + per - 1) / per;
    double[][] scores = new double[l][starts];
    for (double[] s : scores) {
      Arrays.fill(s, Double.NaN);
    }
    List<Callable<Void>> tasks = new ArrayList<>();
    Object lock = new Object();
    for (int g = 0; g < groups; g++) {
      int first = g * per;
      int r = Math.min(a, first + per) - first;
      tasks.add(() -> {
        float[] share = new float[l * r * block];
        float[] tShare = new float[l * r];
        for (int k = 0; k < l; k++) {
          for (int j = 0; j < r; j++) {
            int src = k * starts + alive[k][first + j];
            System.arraycopy(z, src * block, share, (k * r + j) * block, block);
            tShare[k * r + j] = t[src];
          }
        }
        SearchListener told = (step, steps, loss) -> {
          synchronized (lock) {
            listener.progress(step, steps, loss);
          }
        };
        LatentOptimiser.Trajectory tr = optimiser.run(share, tShare, r, rows.x(), rows.y(),
            rows.w(), nIn, batches, from, to, told);
        float[] zEnd = tr.finalZ().dup('c').data().asFloat();
        float[] tEnd = tr.finalT().dup('c').data().asFloat();
        NetworkExtraction.Extracted[] picks = extraction.extract(tr, r, 0, nIn, rows);
        double[][] mine = new double[l][r];
        for (double[] m : mine) {
          Arrays.fill(m, Double.NaN);
        }
        for (NetworkExtraction.Extracted pick : picks) {
          if (Thread.currentThread().isInterrupted()) {
            throw new SearchInterruptedException();
          }
          mine[pick.k() - 1][pick.restart()] = score == SearchSettings.RaceScore.DISCRETE ? pick.loss()
              : refitter.refine(pick.net(), rows).network()
                  .meanSquaredError(rows.x(), rows.y(), rows.w());
        }
        synchronized (lock) { // every group writes only its own restarts' entries
          for (int k = 0; k < l; k++) {
            for (int j = 0; j < r; j++) {
              int dst = k * starts + alive[k][first + j];
              System.arraycopy(zEnd, (k * r + j) * block, z, dst * block, block);
              t[dst] = tEnd[k * r + j];
              scores[k][alive[k][first + j]] = mine[k][j];
            }
          }
        }
        return null;
      });
    }
    Slots.run(threads, tasks);
    return scores;
  }
}
