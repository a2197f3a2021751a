package swatnn.search;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import swatnn.autoencoder.AutoencoderConfig;
import swatnn.autoencoder.AutoencoderGraph;
import swatnn.autoencoder.AutoencoderModel;
import swatnn.mlp.FreeParameters;
import swatnn.mlp.MlpLayout;
import swatnn.mlp.MlpMatrixCodec;
import swatnn.mlp.NetworkPruner;
import swatnn.mlp.SparseMlp;
import swatnn.mlp.LeastSquaresRefiner;
import swatnn.mlp.Refinement;
import swatnn.mlp.SparseMlpFitter;
import swatnn.nd4j.Nd4jRuntime;
import swatnn.selection.ModelSearch;
import swatnn.selection.NetworkSearch;
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

  public LatentSearch(AutoencoderModel model, SearchSettings settings) {
    this.model = model;
    this.settings = settings.copy();
    this.layout = model.config().layout();
    this.codec = new MlpMatrixCodec(layout);
    this.refiner = new LeastSquaresRefiner(this.settings.refineIterations(),
        LeastSquaresRefiner.DEFAULT_TOLERANCE);
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
   * @throws IllegalArgumentException if the shapes disagree or a weight is negative
   * @throws IllegalStateException if every decoded network is non-finite
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

    float[] zInit = new float[l * r * h * d];
    for (int i = 0; i < zInit.length; i++) {
      zInit[i] = (float) random.nextGaussian();
    }
    if (settings.init() == SearchSettings.Init.ENCODE) {
      encodeStarts(zInit, x, y, nIn);
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
    NetworkPruner pruner = settings.prune() ? new NetworkPruner(refiner, settings.tolerance())
        : null;
    // progress reports the groups' mean step, of -steps; the loss shown is the reporting group's.
    // Every call to the listener holds stepsDone's lock, so that it gets one call at a time.
    int[] stepsDone = {0};
    int[] groupSteps = new int[groups];
    Candidate[][] picks = new Candidate[groups][];
    Refinement how = settings.refinement();
    int[] refinedDone = {0};
    int refinements = settings.layers().length * r;
    java.util.function.IntConsumer refinedMore = more -> {
      synchronized (stepsDone) {
        refinedDone[0] += more;
        if (how != Refinement.NONE) {
          listener.refined(refinedDone[0], refinements);
        }
      }
    };
    List<java.util.concurrent.Callable<List<Slots.Job<Refitter.Fit>>>> parts = new ArrayList<>();
    for (int s = 0; s < groups; s++) {
      int[] groupDone = {0};
      SearchListener told = new SearchListener() {
        @Override
        public void progress(int step, int steps, double loss) {
          synchronized (stepsDone) { // a group stopped early counts its skipped steps as done
            stepsDone[0] += step - groupDone[0];
            groupDone[0] = step;
            listener.progress(stepsDone[0] / groups, settings.steps(), loss);
          }
        }

        @Override
        public void stoppedEarly(int step, int steps) {
          synchronized (stepsDone) {
            listener.stoppedEarly(step, steps);
          }
        }
      };
      int group = s;
      int from = s * RESTARTS_PER_GRAPH;
      int to = Math.min(r, from + RESTARTS_PER_GRAPH);
      float[] share = new float[l * (to - from) * h * d];
      int block = h * d;
      for (int k = 0; k < l; k++) {
        System.arraycopy(zInit, (k * r + from) * block, share, k * (to - from) * block,
            (to - from) * block);
      }
      parts.add(() -> {
        Trajectory t = optimise(share, to - from, x, y, weights, nIn, batches, told);
        groupSteps[group] = t.steps();
        picks[group] = candidates(t, to - from, from, nIn, rows);
        int missing = settings.layers().length * (to - from) - picks[group].length;
        if (missing > 0) { // restarts without a finite network count as refined
          refinedMore.accept(missing);
        }
        List<Slots.Job<Refitter.Fit>> jobs = new ArrayList<>();
        for (Candidate pick : picks[group]) {
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
          Candidate pick = picks[g][i];
          Refitter.Fit fit = refined.get(g).get(i);
          if (pick.k() == k && Double.isFinite(fit.network().meanSquaredError(x, y, weights))) {
            found.add(new NetworkSearch.Found("k=" + k + " restart " + (pick.restart() + 1), k,
                fit.network().withoutDeadEnds(), fit.effectiveParameters(),
                pruner == null ? pick.net() : fit.network()));
          }
        }
      }
    }
    if (found.isEmpty()) {
      throw new IllegalStateException("every decoded network was non-finite; the model file "
          + "may be unusable");
    }
    return new NetworkSearch.Outcome(found,
        java.util.Arrays.stream(groupSteps).boxed().toList());
  }

  /** Where a share of the restarts ended: the best step's and the final z and t. */
  private record Trajectory(INDArray bestZ, INDArray bestT, INDArray finalZ, INDArray finalT,
      int steps) {}

  /**
   * Runs the search steps for {@code r} restarts of every configuration, in a
   * {@link SearchStep} of their own: z [L, r, H, d] from {@code zInit}, t [L, r, 1, 1] from 0.
   */
  private Trajectory optimise(float[] zInit, int r, double[][] x, double[] y, double[] w,
      int nIn, int[][] batches, SearchListener listener) {
    int l = layout.maxHiddenLayers();
    int h = layout.maxNeurons();
    int d = model.config().dModel();
    int p = batches[0].length;
    // z and t as float arrays and Adam in Java: no ND4J array per step (native memory that
    // only the garbage collector frees)
    float[] z = zInit.clone();
    float[] t = new float[l * r];
    SearchStep searchStep = SearchStep.create(SearchStep.Kind.chosen(), model, settings, nIn, r,
        p, w != null);

    FloatAdam zAdam = new FloatAdam(z.length, settings.zLearningRate());
    FloatAdam tAdam = new FloatAdam(t.length, settings.thresholdLearningRate());
    float[] pts = new float[p * h];
    float[] tgt = new float[p];
    float[] wgt = w == null ? null : new float[p];
    double[] best = new double[l * r];
    java.util.Arrays.fill(best, Double.POSITIVE_INFINITY);
    float[] bestZ = z.clone();
    float[] bestT = t.clone();
    int block = h * d;
    int steps = settings.steps();
    int patience = settings.patience();
    double window = 0; // sum over the current window of the steps' mean log training MSE
    double previousWindow = Double.NaN;
    int inWindow = 0;
    int stepsRun = 0;
    for (int step = 0; step < steps; step++) {
      if (Thread.currentThread().isInterrupted()) {
        throw new SearchInterruptedException();
      }
      double wSum = 0;
      for (int j = 0; j < p; j++) {
        int row = batches[step][j];
        tgt[j] = (float) y[row];
        for (int a = 0; a < nIn; a++) {
          pts[j * h + a] = (float) x[row][a];
        }
        wSum += w == null ? 0 : w[batches[step][j]];
      }
      for (int j = 0; w != null && j < p; j++) { // the batch's weights, mean 1
        wgt[j] = wSum > 0 ? (float) (w[batches[step][j]] * p / wSum) : 1f;
      }
      SearchStep.Result out = searchStep.run(z, t, pts, tgt, wgt,
          (float) settings.temperatureAt(step));
      float[] per = out.lossPer();
      double mean = 0;
      int counted = 0;
      for (int k : settings.layers()) {
        for (int rr = 0; rr < r; rr++) {
          double v = per[(k - 1) * r + rr];
          mean += v;
          counted++;
          // the best step after annealing, as the z that produced it (before this update)
          if (step >= settings.annealSteps() && v < best[(k - 1) * r + rr]) {
            int at = (k - 1) * r + rr;
            best[at] = v;
            System.arraycopy(z, at * block, bestZ, at * block, block);
            bestT[at] = t[at];
          }
        }
      }
      zAdam.update(z, out.dz());
      tAdam.update(t, out.dt());
      for (int i = 0; i < t.length; i++) {
        t[i] = Math.min(Math.max(t[i], 0f), 3f);
      }
      boolean stalled = false;
      if (patience > 0 && step >= settings.annealSteps()) {
        window += meanLogMse(out.mse(), r);
        if (++inWindow == patience) {
          double now = window / patience;
          stalled = now > previousWindow + Math.log(1 - MIN_IMPROVEMENT); // false while NaN
          previousWindow = now;
          window = 0;
          inWindow = 0;
        }
      }
      stepsRun = step + 1;
      if (stalled) {
        listener.stoppedEarly(step + 1, steps);
      }
      listener.progress(stalled ? steps : step + 1, steps, mean / counted);
      if (stalled) {
        break;
      }
    }
    for (int i = 0; i < l * r; i++) {
      if (best[i] == Double.POSITIVE_INFINITY) { // no step after annealing: keep the last
        System.arraycopy(z, i * block, bestZ, i * block, block);
        bestT[i] = t[i];
      }
    }
    long[] zShape = {l, r, h, d};
    long[] tShape = {l, r, 1, 1};
    return new Trajectory(Nd4j.create(bestZ, zShape, 'c'), Nd4j.create(bestT, tShape, 'c'),
        Nd4j.create(z, zShape, 'c'), Nd4j.create(t, tShape, 'c'), stepsRun);
  }

  /** The mean over the searched configurations and the r restarts of log(training MSE). */
  private double meanLogMse(float[] mse, int r) {
    double sum = 0;
    for (int k : settings.layers()) {
      for (int rr = 0; rr < r; rr++) {
        sum += Math.log(Math.max(mse[(k - 1) * r + rr], 1e-30));
      }
    }
    return sum / (settings.layers().length * r);
  }

  /**
   * Decodes the best-step and final latent points of a group's {@code r} restarts, extracts
   * the discrete networks and keeps per configuration and restart the candidate with the lower
   * discrete training loss (MSE plus the sparsity penalties).
   *
   * @return the kept candidates, by configuration, then restart; a restart whose candidates
   *     both decode to non-finite values has none
   */
  private Candidate[] candidates(Trajectory t, int r, int firstRestart, int nIn, Rows rows) {
    AutoencoderConfig c = model.config();
    int l = layout.maxHiddenLayers();
    int h = layout.maxNeurons();
    INDArray both = Nd4j.concat(1, t.bestZ(), t.finalZ()); // [L, 2r, H, d]
    SameDiff sd = SameDiff.create();
    SDVariable zIn = sd.placeHolder("zIn", DataType.FLOAT, l, 2L * r, h, c.dModel());
    AutoencoderGraph.frozenDecoders(sd, c, model.parameters(), zIn, 2 * r).rename("decodedOut");
    INDArray decoded = sd.outputSingle(Map.of("zIn", both), "decodedOut"); // [L, 2r*H, maxW]
    List<Candidate> picks = new ArrayList<>();
    for (int k : settings.layers()) {
      int width = layout.width(k);
      for (int rr = 0; rr < r; rr++) {
        SparseMlp pick = null;
        double pickLoss = Double.POSITIVE_INFINITY;
        for (int cand = 0; cand < 2; cand++) {
          int slot = cand * r + rr;
          double threshold = (cand == 0 ? t.bestT() : t.finalT()).getDouble(k - 1, rr, 0, 0);
          double[][] m = new double[h][width];
          for (int row = 0; row < h; row++) {
            for (int col = 0; col < width; col++) {
              m[row][col] = decoded.getDouble(k - 1, (long) slot * h + row, col);
            }
          }
          SparseMlp net;
          try {
            net = codec.extract(m, nIn, k, threshold);
          } catch (IllegalArgumentException e) {
            continue; // non-finite decoded values
          }
          double loss = net.meanSquaredError(rows.x(), rows.y(), rows.w())
              + settings.lambdaS() * (settings.muC() * net.nonZeroWeights()
              + settings.mu1() * absWeightSum(net));
          if (loss < pickLoss) {
            pickLoss = loss;
            pick = net;
          }
        }
        if (pick != null) {
          picks.add(new Candidate(k, firstRestart + rr, pick));
        }
      }
    }
    return picks.toArray(Candidate[]::new);
  }

  /** One restart's extracted network, before refinement. */
  private record Candidate(int k, int restart, SparseMlp net) {}

  /**
   * -init encode: per configuration k and restart, a dense k-layer network trained on the
   * training split (its own seed), encoded; its latent point replaces the random one.
   */
  private void encodeStarts(float[] zInit, double[][] trainX, double[] trainY, int nIn) {
    int h = layout.maxNeurons();
    int d = model.config().dModel();
    int r = settings.restarts();
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

  private static double absWeightSum(SparseMlp net) {
    double s = 0;
    int k = net.hiddenLayers();
    MlpLayout lay = net.layout();
    for (int t = 0; t <= k; t++) {
      int rows = lay.weightRows(net.nIn(), t);
      int cols = lay.weightColumns(k, t);
      for (int i = 0; i < rows; i++) {
        for (int j = 0; j < cols; j++) {
          s += Math.abs(net.weight(t, i, j));
        }
      }
    }
    return s;
  }
}
