package swatnn.search;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import swatnn.autoencoder.AutoencoderConfig;
import swatnn.autoencoder.AutoencoderModel;
import swatnn.mlp.FreeParameters;
import swatnn.mlp.LocalStructureSearch;
import swatnn.mlp.MlpLayout;
import swatnn.mlp.MlpMatrixCodec;
import swatnn.mlp.NetworkPruner;
import swatnn.mlp.SparseMlp;
import swatnn.mlp.LeastSquaresRefiner;
import swatnn.mlp.Refinement;
import swatnn.mlp.SparseMlpFitter;
import swatnn.nd4j.Nd4jRuntime;
import swatnn.selection.MeanModel;
import swatnn.selection.ModelSearch;
import swatnn.selection.NetworkSearch;
import swatnn.selection.ParallelLocalSearch;
import swatnn.selection.Refitter;
import swatnn.selection.Rows;
import swatnn.selection.SearchInterruptedException;
import swatnn.selection.SearchListener;
import swatnn.selection.SearchResult;
import swatnn.selection.SelectionSettings;
import swatnn.selection.Slots;

/**
 * SWAT-NN's search for one data set (docs/METHOD.md section 3): with the autoencoder's decoders
 * frozen, gradient descent on latent points z (and a magnitude threshold t) so that the decoded
 * network fits the data, under sparsity and compactness penalties; then extraction of the
 * discrete network, which is what is evaluated and returned.
 *
 * <p>All configurations (hidden-layer counts) advance together, restarts in fixed groups of
 * {@link #RESTARTS_PER_GRAPH} per graph (z of shape [L, r, H, d], decoder k decoding z[k-1]),
 * the groups on up to {@link SearchSettings#threads()} threads. Per restart, the best-step and
 * the final network compete on the training loss; the winner is refined on the rows searched
 * ({@link SearchSettings#refinement()}), on a free thread as soon as its group has ended. Every
 * restart's refined network is a candidate of the selection ({@link ModelSearch},
 * docs/METHOD.md section 4), which {@link #fit} runs. Inputs and labels must already be scaled
 * to [-1, 1].
 */
public final class LatentSearch implements NetworkSearch {
  static {
    swatnn.nd4j.Nd4jRuntime.init();
  }

  /**
   * Restarts per search graph. Restarts in one graph share its ops (cheaper per restart); graphs
   * run in parallel on {@link SearchSettings#threads()} threads. Fixed, not derived from the slot
   * count, because the ops' float rounding depends on the batch shape: the result must not
   * depend on the number of threads.
   */
  static final int RESTARTS_PER_GRAPH = 2;

  /** Adam step size of polishing (small: it refines an already fitting network). */
  static final double POLISH_RATE = 3e-3;
  /** Adam step size of the dense networks trained for -init encode. */
  static final double INIT_RATE = 1e-2;
  /**
   * Early stopping's least relative fall of the windowed geometric-mean training MSE
   * ({@link SearchSettings#patience()}).
   */
  public static final double MIN_IMPROVEMENT = 0.01;

  private final AutoencoderModel model;
  private final SearchSettings settings;
  private final MlpLayout layout;
  private final MlpMatrixCodec codec;
  /** Levenberg-Marquardt for refinement and pruning, as the settings configure it. */
  private final LeastSquaresRefiner refiner;
  /** The optimisation of each group's latent points. */
  private final LatentOptimiser optimiser;
  /** The discrete networks of each group's latent points. */
  private final NetworkExtraction extraction;

  public LatentSearch(AutoencoderModel model, SearchSettings settings) {
    this.model = model;
    this.settings = settings.copy();
    this.layout = model.config().layout();
    this.codec = new MlpMatrixCodec(layout);
    this.refiner = new LeastSquaresRefiner(this.settings.refineIterations(),
        LeastSquaresRefiner.DEFAULT_TOLERANCE);
    this.optimiser = new LatentOptimiser(model, this.settings);
    this.extraction = new NetworkExtraction(model, this.settings);
    for (int k : this.settings.layers()) {
      if (k > layout.maxHiddenLayers()) {
        throw new IllegalArgumentException("the model's decoders build up to "
            + layout.maxHiddenLayers() + " hidden layers, asked for " + k);
      }
    }
  }

  /**
   * Searches all the rows and chooses the model ({@link ModelSearch}: the networks found, the
   * mean and the linear models, scored as {@link SelectionSettings#crossValidates} says), the
   * network's inputs being all of {@code x}'s columns.
   *
   * @param x rows of n_in inputs in [-1, 1] (1 <= n_in <= H)
   * @param y labels in [-1, 1]
   * @param w one weight >= 0 per row, not all 0; null for 1 each
   * @param listener progress
   * @return the candidates and the chosen model
   * @throws IllegalArgumentException if the shapes disagree or a weight is negative
   */
  public SearchResult fit(double[][] x, double[] y, double[] w, SearchListener listener) {
    int[] inputs = java.util.stream.IntStream.range(0, x.length == 0 ? 0 : x[0].length)
        .toArray();
    return ModelSearch.run(new Rows(x, y, w), inputs, inputs, this, settings, refitter(settings),
        settings.threads(), listener);
  }

  /**
   * {@link #fit(double[][], double[], double[], SearchListener)} without weights.
   *
   * @param x rows of inputs in [-1, 1]
   * @param y labels in [-1, 1]
   * @param listener progress
   * @return the candidates and the chosen model
   */
  public SearchResult fit(double[][] x, double[] y, SearchListener listener) {
    return fit(x, y, null, listener);
  }

  /**
   * How the selection refits the candidates: the search's own refinement.
   *
   * @param settings the search's settings
   * @return the refitter
   */
  public static Refitter refitter(SearchSettings settings) {
    return new Refitter(settings.refinement(), new LeastSquaresRefiner(
        settings.refineIterations(), LeastSquaresRefiner.DEFAULT_TOLERANCE),
        settings.polishSteps(), POLISH_RATE);
  }

  /**
   * Searches with instance weights (docs/METHOD.md section 3): the search loss, the choice
   * between a restart's two candidates and the refinement all use weighted means of squared
   * errors; rows of weight 0 have no effect. Every restart's network, refined on the rows
   * searched (and with {@link SearchSettings#prune()} pruned while its error on them stays
   * within the tolerance), is returned; the choice among them is the caller's ({@link
   * ModelSearch}).
   *
   * @param searched rows of n_in inputs in [-1, 1] (1 <= n_in <= H), labels in [-1, 1] and
   *     weights >= 0 (not all 0) or null for 1 each
   * @param listener progress
   * @return per configuration and restart, its refined network (restarts whose networks decode
   *     to non-finite values are missing)
   * @throws IllegalArgumentException if the shapes disagree, a weight is negative, or an input,
   *     label or weight is not finite
   * @throws IllegalStateException if every decoded network is non-finite (the rows being
   *     finite, the model file's weights are then to blame)
   */
  @Override
  public NetworkSearch.Outcome search(Rows searched, SearchListener listener) {
    double[][] x = searched.x();
    double[] y = searched.y();
    double[] rowWeights = searched.w();
    double[] w = rowWeights;
    if (x.length == 0 || x.length != y.length) {
      throw new IllegalArgumentException("need at least one row and one label per row");
    }
    requireFinite(x, y, rowWeights);
    if (w != null) {
      if (w.length != y.length) {
        throw new IllegalArgumentException("need one weight per row");
      }
      if (java.util.Arrays.stream(w).anyMatch(v -> !(v >= 0 && v < Double.POSITIVE_INFINITY))
          || java.util.Arrays.stream(w).sum() <= 0) {
        throw new IllegalArgumentException("weights must be finite and >= 0, not all 0");
      }
      if (java.util.Arrays.stream(w).allMatch(v -> v == rowWeights[0])) {
        w = null; // equal weights: the unweighted search, exactly
      }
    }
    double[] weights = w;
    int nIn = x[0].length;
    layout.checkInputs(nIn);
    Random random = new Random(settings.seed());
    AutoencoderConfig c = model.config();
    int l = layout.maxHiddenLayers();
    int h = layout.maxNeurons();
    int d = c.dModel();
    int r = settings.restarts();
    int p = Math.min(settings.pointsPerStep(), x.length);
    boolean fullBatch = p == x.length;

    int starts = Math.max(r, settings.race());
    float[] zInit = new float[l * starts * h * d];
    for (int i = 0; i < zInit.length; i++) {
      zInit[i] = (float) random.nextGaussian();
    }
    if (settings.init() == SearchSettings.Init.ENCODE) {
      encodeStarts(zInit, x, y, nIn, starts);
    }
    // every step's rows, drawn once so that every slot sees the same ones
    int[][] batches = new int[settings.steps()][p];
    for (int[] batch : batches) {
      for (int j = 0; j < p; j++) {
        batch[j] = fullBatch ? j : random.nextInt(x.length);
      }
    }
    // The restarts are independent: groups of RESTARTS_PER_GRAPH run in graphs of their own,
    // on as many slots as there are; fixed groups keep every float op the same for any slots.
    // A group that has ended extracts its networks, whose refinements then start on the first
    // free slot while other groups still search.
    int groups = (r + RESTARTS_PER_GRAPH - 1) / RESTARTS_PER_GRAPH;
    Rows rows = new Rows(x, y, weights);
    Refitter refitter = refitter(settings);
    // with a race, the survivors of its rungs run the final rung from where it left them
    RestartRacing.Start start = starts > r
        ? new RestartRacing(optimiser, extraction, refitter, settings, settings.raceScore(), l,
            h * d).race(zInit, starts, r, rows, nIn, batches, settings.threads(), listener)
        : RestartRacing.noRace(zInit, l, r);
    NetworkPruner pruner = settings.prune() ? new NetworkPruner(refiner, settings.tolerance())
        : null;
    // progress reports the groups' mean step, of -steps, and the mean of each group's latest
    // loss weighted by its restarts: the last line then shows every group's final loss,
    // whichever group ends last. Every call to the listener holds stepsDone's lock, so that it
    // gets one call at a time.
    int[] stepsDone = {0};
    double[] groupLoss = new double[groups];
    java.util.Arrays.fill(groupLoss, Double.NaN);
    int[] groupSteps = new int[groups];
    NetworkExtraction.Extracted[][] picks = new NetworkExtraction.Extracted[groups][];
    Refinement how = settings.refinement();
    int[] refinedDone = {0};
    int refinements = settings.layers().length * r;
    boolean[] refinementStarted = {false};
    // more = 0 starts the refinement's clock: reported once, by the first group to end, so that
    // a later group's start does not repeat a count already reported
    java.util.function.IntConsumer refinedMore = more -> {
      synchronized (stepsDone) {
        if (more == 0 && refinementStarted[0]) {
          return;
        }
        refinementStarted[0] = true;
        refinedDone[0] += more;
        if (how != Refinement.NONE) {
          listener.refined(refinedDone[0], refinements);
        }
      }
    };
    List<java.util.concurrent.Callable<List<Slots.Job<Refitter.Fit>>>> parts = new ArrayList<>();
    for (int s = 0; s < groups; s++) {
      int group = s;
      int[] groupDone = {0};
      SearchListener told = new SearchListener() {
        @Override
        public void progress(int step, int steps, double loss) {
          synchronized (stepsDone) { // a group stopped early counts its skipped steps as done
            stepsDone[0] += step - groupDone[0];
            groupDone[0] = step;
            groupLoss[group] = loss;
            listener.progress(stepsDone[0] / groups, settings.steps(),
                meanLoss(groupLoss, r));
          }
        }

        @Override
        public void stoppedEarly(int step, int steps) {
          synchronized (stepsDone) {
            listener.stoppedEarly(step, steps);
          }
        }
      };
      int from = s * RESTARTS_PER_GRAPH;
      int to = Math.min(r, from + RESTARTS_PER_GRAPH);
      float[] share = new float[l * (to - from) * h * d];
      float[] tShare = new float[l * (to - from)];
      int block = h * d;
      for (int k = 0; k < l; k++) {
        System.arraycopy(start.z(), (k * r + from) * block, share, k * (to - from) * block,
            (to - from) * block);
        System.arraycopy(start.t(), k * r + from, tShare, k * (to - from), to - from);
      }
      parts.add(() -> {
        LatentOptimiser.Trajectory t = optimiser.run(share, tShare, to - from, x, y, weights,
            nIn, batches, start.fromStep(), settings.steps(), told);
        groupSteps[group] = t.steps();
        refinedMore.accept(0); // the refinement's clock starts with the first group's networks
        picks[group] = extraction.extract(t, to - from, from, nIn, rows);
        int missing = settings.layers().length * (to - from) - picks[group].length;
        if (missing > 0) { // restarts without a finite network count as refined
          refinedMore.accept(missing);
        }
        List<Slots.Job<Refitter.Fit>> jobs = new ArrayList<>();
        for (NetworkExtraction.Extracted pick : picks[group]) {
          // a Levenberg-Marquardt iteration costs rows x parameters^2: the largest first, so
          // that the slots finish close together
          jobs.add(new Slots.Job<>(pick.net().nonZeroCount(), () -> {
            if (Thread.currentThread().isInterrupted()) {
              throw new SearchInterruptedException();
            }
            Refitter.Fit fit = refitter.refine(pick.net(), rows);
            if (pruner != null) {
              SparseMlp pruned = pruner.prune(fit.network(), x, y, weights, x, y, weights);
              fit = new Refitter.Fit(pruned, new FreeParameters(pruned).size());
            }
            refinedMore.accept(1);
            return fit;
          }));
        }
        return jobs;
      });
    }
    List<List<Refitter.Fit>> refined = Slots.runThen(settings.threads(), parts);
    List<NetworkSearch.Found> found = new ArrayList<>();
    for (int k : settings.layers()) { // by configuration, then restart
      for (int g = 0; g < groups; g++) {
        for (int i = 0; i < picks[g].length; i++) {
          NetworkExtraction.Extracted pick = picks[g][i];
          Refitter.Fit fit = refined.get(g).get(i);
          if (pick.k() == k && Double.isFinite(fit.network().meanSquaredError(x, y, weights))) {
            int restart = start.restarts()[k - 1][pick.restart()];
            found.add(new NetworkSearch.Found("k=" + k + " restart " + (restart + 1), k,
                fit.network().reduced(), fit.effectiveParameters(),
                pruner == null ? pick.net() : fit.network()));
          }
        }
      }
    }
    if (found.isEmpty()) {
      throw new IllegalStateException("every decoded network was non-finite; the model file "
          + "may be unusable");
    }
    if (localSearchRuns(settings)) {
      improveBest(found, rows, listener);
    }
    return new NetworkSearch.Outcome(found,
        java.util.Arrays.stream(groupSteps).boxed().toList());
  }


  /**
   * -local-search: each configuration's best network by training MSE is replaced by the
   * result of {@link LocalStructureSearch} (the same network when no move pays), the
   * configurations on the search's threads. Its structure becomes the candidate's start, so
   * that the selection's refits keep it.
   */
  private void improveBest(List<NetworkSearch.Found> found, Rows rows,
      SearchListener listener) {
    double floor = settings.toleranceFloor() * rows.mse(MeanModel.fit(rows));
    LocalStructureSearch local = new LocalStructureSearch(refiner, settings.tolerance(), floor,
        LocalStructureSearch.DEFAULT_MAX_ROWS);
    List<Integer> best = new ArrayList<>();
    for (int k : settings.layers()) {
      int b = -1;
      for (int i = 0; i < found.size(); i++) {
        if (found.get(i).hiddenLayers() == k && (b < 0 || trainingMse(found.get(i), rows)
            < trainingMse(found.get(b), rows))) {
          b = i;
        }
      }
      if (b >= 0) {
        best.add(b);
      }
    }
    List<ParallelLocalSearch.Job> jobs = new ArrayList<>();
    for (int i : best) {
      NetworkSearch.Found f = found.get(i);
      jobs.add(new ParallelLocalSearch.Job(f.network(), rows,
          settings.seed() * 1_000_003L + f.hiddenLayers()));
    }
    List<SparseMlp> improved = ParallelLocalSearch.run(local, jobs, settings.threads(),
        listener);
    for (int n = 0; n < best.size(); n++) {
      NetworkSearch.Found f = found.get(best.get(n));
      SparseMlp net = improved.get(n);
      if (!net.equals(f.network().reduced())) {
        found.set(best.get(n), new NetworkSearch.Found(f.name() + swatnn.selection.Candidate.LOCAL_SEARCH,
            f.hiddenLayers(), net, new FreeParameters(net).size(), net));
      }
    }
  }

  /**
   * Whether -local-search runs: it is asked for and the networks are refined by
   * Levenberg-Marquardt, whose fits its moves are ({@code -refine none} keeps the networks as
   * the search found them, the paper's procedure; Adam and Bayesian regularisation fit
   * differently from the moves' plain least squares).
   *
   * @param settings the search's settings
   * @return true when the local structure search runs after refinement
   */
  public static boolean localSearchRuns(SearchSettings settings) {
    return settings.localSearch() && settings.refinement() == Refinement.LM;
  }

  /**
   * The mean of the groups' latest losses that are known (not NaN), each weighted by its
   * restarts: groups of {@link #RESTARTS_PER_GRAPH}, the last one holding the rest of {@code
   * restarts}.
   */
  static double meanLoss(double[] groupLoss, int restarts) {
    double sum = 0;
    int weight = 0;
    for (int g = 0; g < groupLoss.length; g++) {
      if (!Double.isNaN(groupLoss[g])) {
        int size = Math.min(RESTARTS_PER_GRAPH, restarts - g * RESTARTS_PER_GRAPH);
        sum += size * groupLoss[g];
        weight += size;
      }
    }
    return weight == 0 ? Double.NaN : sum / weight;
  }

  private static double trainingMse(NetworkSearch.Found f, Rows rows) {
    return f.network().meanSquaredError(rows.x(), rows.y(), rows.w());
  }

  /**
   * -init encode: per configuration k and restart, a dense k-layer network trained on the
   * training split (its own seed), encoded; its latent point replaces the random one.
   */
  private void encodeStarts(float[] zInit, double[][] trainX, double[] trainY, int nIn, int r) {
    int h = layout.maxNeurons();
    int d = model.config().dModel();
    List<SparseMlp> nets = new ArrayList<>();
    List<int[]> slots = new ArrayList<>();
    for (int k : settings.layers()) {
      for (int rr = 0; rr < r; rr++) {
        Random rnd = new Random(settings.seed() * 1_000_003L + k * 101L + rr);
        SparseMlp start = SparseMlpFitter.denseStart(layout, nIn, k, rnd);
        nets.add(SparseMlpFitter.fit(start, trainX, trainY, settings.initSteps(), INIT_RATE, false));
        slots.add(new int[] {k - 1, rr});
      }
    }
    float[][][] z = model.encode(nets);
    for (int i = 0; i < nets.size(); i++) {
      int base = (slots.get(i)[0] * r + slots.get(i)[1]) * h * d;
      for (int row = 0; row < h; row++) {
        System.arraycopy(z[i][row], 0, zInit, base + row * d, d);
      }
    }
  }



  /**
   * Refuses rows that are not finite: no network could fit them, and the search would report
   * every decoded network non-finite, blaming the model file.
   */
  private static void requireFinite(double[][] x, double[] y, double[] w) {
    for (int i = 0; i < x.length; i++) {
      for (int j = 0; j < x[i].length; j++) {
        if (!Double.isFinite(x[i][j])) {
          throw new IllegalArgumentException("scaled input " + (j + 1) + " of row " + (i + 1)
              + " is " + x[i][j] + "; the search needs finite rows");
        }
      }
      if (!Double.isFinite(y[i]) || w != null && !Double.isFinite(w[i])) {
        throw new IllegalArgumentException("the scaled label or the weight of row " + (i + 1)
            + " is not finite (" + y[i] + ", " + (w == null ? 1 : w[i]) + "); the search "
            + "needs finite rows");
      }
    }
  }
}
