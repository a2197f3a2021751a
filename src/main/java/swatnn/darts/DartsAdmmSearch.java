package swatnn.darts;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import swatnn.nd4j.Nd4jRuntime;
import swatnn.mlp.MlpLayout;
import swatnn.mlp.SparseMlp;
import swatnn.mlp.LeastSquaresRefiner;
import swatnn.mlp.Refinement;
import swatnn.mlp.FreeParameters;
import swatnn.selection.ModelSearch;
import swatnn.selection.NetworkSearch;
import swatnn.selection.Refitter;
import swatnn.selection.RowSplit;
import swatnn.selection.Rows;
import swatnn.selection.SearchInterruptedException;
import swatnn.selection.SearchListener;
import swatnn.selection.SearchResult;

/**
 * The paper's baseline (docs/METHOD.md section 6) for one data set: for each configuration k (a
 * number of hidden layers), DARTS over a supernet of k layers of H neurons ({@link
 * BilevelSearch}), discretisation, ADMM pruning of the discrete network's weights ({@link
 * AdmmPruner}), and a short retraining of the surviving weights and biases; then the same
 * selection as the latent search's ({@link ModelSearch}, section 4), against the mean and the
 * linear models.
 *
 * <p>Rows: the rows searched (all training rows, or the training split of a hold-out: {@link
 * ModelSearch}) are divided for the bilevel optimisation: the weights train on one part, the
 * architecture parameters on the other (DARTS' training and validation splits). ADMM and
 * retraining use all rows searched, as DARTS retrains the discovered architecture on the whole
 * training set. Instance weights are not used. Inputs and labels must already be scaled to
 * [-1, 1].
 *
 * <p>Deterministic for a seed; interruptible between steps.
 */
public final class DartsAdmmSearch implements NetworkSearch {
  static {
    Nd4jRuntime.init();
  }

  private final DartsSettings settings;

  /** A search with a copy of the settings. */
  public DartsAdmmSearch(DartsSettings settings) {
    this.settings = settings.copy();
  }

  /**
   * Searches every configuration on all the rows and chooses the model ({@link ModelSearch}).
   *
   * @param x rows of n_in inputs in [-1, 1] (1 <= n_in <= H)
   * @param y labels in [-1, 1]
   * @param listener told of every step; {@code step} counts the steps of all configurations
   * @return the candidates and the chosen model
   * @throws SearchInterruptedException if the thread is interrupted
   * @throws IllegalStateException if every configuration's training diverged
   */
  public SearchResult fit(double[][] x, double[] y, SearchListener listener) {
    int[] inputs = java.util.stream.IntStream.range(0, x.length == 0 ? 0 : x[0].length)
        .toArray();
    return ModelSearch.run(new Rows(x, y, null), inputs, inputs, this, settings,
        refitter(settings), 1,
        listener);
  }

  /**
   * How the selection refits the candidates: this search's refinement.
   *
   * @param settings the settings
   * @return the refitter
   */
  public static Refitter refitter(DartsSettings settings) {
    return new Refitter(settings.refinement(), new LeastSquaresRefiner(
        settings.refineIterations(), LeastSquaresRefiner.DEFAULT_TOLERANCE),
        Math.max(1, settings.retrainSteps()), settings.weightLearningRate());
  }

  /**
   * Searches every configuration on the rows given.
   *
   * @param rows rows of n_in inputs in [-1, 1] (1 <= n_in <= H) and labels in [-1, 1]; their
   *     weights are ignored
   * @param listener told of every step; {@code step} counts the steps of all configurations
   * @return one network per configuration whose training did not diverge
   * @throws SearchInterruptedException if the thread is interrupted
   * @throws IllegalStateException if every configuration's training diverged
   */
  @Override
  public NetworkSearch.Outcome search(Rows rows, SearchListener listener) {
    double[][] x = rows.x();
    double[] y = rows.y();
    if (x.length == 0 || x.length != y.length) {
      throw new IllegalArgumentException("need at least one row and one label per row");
    }
    MlpLayout layout = settings.layout();
    int nIn = x[0].length;
    layout.checkInputs(nIn);
    int[] all = java.util.stream.IntStream.range(0, x.length).toArray();
    RowSplit bilevel = RowSplit.divide(all, settings.architectureFraction(), settings.seed());
    double[][] trainX = x;
    double[] trainY = y;
    double[][] wx = RowSplit.rows(x, bilevel.first());
    double[] wy = RowSplit.values(y, bilevel.first());
    double[][] ax = RowSplit.rows(x, bilevel.second());
    double[] ay = RowSplit.values(y, bilevel.second());

    int[] layers = settings.layers();
    long perConfiguration = (long) settings.epochs()
        * BilevelSearch.stepsPerEpoch(wx.length, settings.batchSize())
        + settings.trainSteps() + (long) settings.admmRounds() * settings.admmSteps();
    // the listener counts in int; absurd settings make the count saturate, not wrap
    int total = (int) Math.min(Integer.MAX_VALUE, layers.length * perConfiguration);
    long[] done = {0};
    StepObserver observer = loss -> {
      if (Thread.currentThread().isInterrupted()) {
        throw new SearchInterruptedException();
      }
      listener.progress((int) Math.min(total, ++done[0]), total, loss);
    };

    List<NetworkSearch.Found> results = new ArrayList<>();
    for (int index = 0; index < layers.length; index++) {
      int k = layers[index];
      checkInterrupt();
      Random random = new Random(settings.seed() * 1_000_003L + k);
      BilevelSearch darts = new BilevelSearch(settings, k);
      SparseMlp net;
      SparseMlp start;
      try {
        SparseMlp discrete = darts.discretise(darts.search(wx, wy, ax, ay, random, observer),
            layout, nIn);
        SparseMlp trained = train(discrete, trainX, trainY, observer);
        SparseMlp pruned = new AdmmPruner(settings).prune(trained, trainX, trainY, observer);
        start = pruned;
        checkInterrupt();
        net = settings.refinement() == Refinement.ADAM && settings.retrainSteps() == 0 ? pruned
            : settings.refinement().apply(pruned, trainX, trainY, null, settings.retrainSteps(),
                settings.weightLearningRate(), new LeastSquaresRefiner(
                    settings.refineIterations(), LeastSquaresRefiner.DEFAULT_TOLERANCE));
      } catch (ArithmeticException diverged) {
        done[0] = (index + 1) * perConfiguration;
        continue;
      }
      net = net.pruned().reduced();
      if (Double.isFinite(net.meanSquaredError(trainX, trainY))) {
        results.add(new NetworkSearch.Found("k=" + k, k, net, new FreeParameters(net).size(),
            start));
      }
    }
    if (results.isEmpty()) {
      throw new IllegalStateException("training diverged (non-finite weights) for every "
          + "configuration; try smaller learning rates");
    }
    return new NetworkSearch.Outcome(results, List.of());
  }

  /** Trains the discretised network's weights and biases on the search rows. */
  private SparseMlp train(SparseMlp discrete, double[][] x, double[] y, StepObserver observer) {
    if (settings.trainSteps() == 0) {
      return discrete;
    }
    ProximalFitter fitter = new ProximalFitter(discrete, x, y, settings.weightLearningRate());
    for (int step = 0; step < settings.trainSteps(); step++) {
      observer.stepDone(fitter.step(null, 0));
    }
    if (!fitter.isFinite()) {
      throw new ArithmeticException("training the discretised network diverged");
    }
    return fitter.toMlp();
  }

  private static void checkInterrupt() {
    if (Thread.currentThread().isInterrupted()) {
      throw new SearchInterruptedException();
    }
  }

}
