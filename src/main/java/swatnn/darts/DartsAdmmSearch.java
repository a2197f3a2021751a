package swatnn.darts;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import swatnn.nd4j.Nd4jRuntime;
import swatnn.mlp.MlpLayout;
import swatnn.mlp.SparseMlp;
import swatnn.mlp.LeastSquaresRefiner;
import swatnn.mlp.Refinement;
import swatnn.search.ConfigurationResult;
import swatnn.search.ConfigurationSelector;
import swatnn.search.RowSplit;
import swatnn.search.SearchInterruptedException;
import swatnn.search.SearchListener;
import swatnn.search.SearchResult;

/**
 * The paper's baseline (docs/METHOD.md section 6) for one data set: for each configuration k (a
 * number of hidden layers), DARTS over a supernet of k layers of H neurons ({@link
 * BilevelSearch}), discretisation, ADMM pruning of the discrete network's weights ({@link
 * AdmmPruner}), and a short retraining of the surviving weights and biases; then the choice
 * among configurations by {@link ConfigurationSelector} (section 4).
 *
 * <p>Rows: a seeded fraction is held out for the choice of configuration only (the same rule
 * and seed as the latent search). The remaining search rows are divided again for the bilevel
 * optimisation: the weights train on one part, the architecture parameters on the other
 * (DARTS' training and validation splits). ADMM and retraining use all search rows, as DARTS
 * retrains the discovered architecture on the whole training set. Reported training MSEs are
 * on the search rows, validation MSEs on the held-out rows (on the search rows when none are
 * held out). Inputs and labels must already be scaled to [-1, 1].
 *
 * <p>Deterministic for a seed; interruptible between steps.
 */
public final class DartsAdmmSearch {
  static {
    Nd4jRuntime.init();
  }

  private final DartsSettings settings;

  /** A search with a copy of the settings. */
  public DartsAdmmSearch(DartsSettings settings) {
    this.settings = settings.copy();
  }

  /**
   * Searches every configuration and chooses one.
   *
   * @param x rows of n_in inputs in [-1, 1] (1 <= n_in <= H)
   * @param y labels in [-1, 1]
   * @param listener told of every step; {@code step} counts the steps of all configurations
   * @throws SearchInterruptedException if the thread is interrupted
   * @throws IllegalStateException if every configuration's training diverged
   */
  public SearchResult fit(double[][] x, double[] y, SearchListener listener) {
    long start = System.nanoTime();
    if (x.length == 0 || x.length != y.length) {
      throw new IllegalArgumentException("need at least one row and one label per row");
    }
    MlpLayout layout = settings.layout();
    int nIn = x[0].length;
    layout.checkInputs(nIn);
    RowSplit held = RowSplit.holdOut(x.length, settings.validationFraction(), settings.seed());
    RowSplit bilevel = RowSplit.divide(held.first(), settings.architectureFraction(),
        settings.seed());
    double[][] trainX = RowSplit.rows(x, held.first());
    double[] trainY = RowSplit.values(y, held.first());
    boolean holdsOut = held.second().length > 0;
    double[][] valX = holdsOut ? RowSplit.rows(x, held.second()) : trainX;
    double[] valY = holdsOut ? RowSplit.values(y, held.second()) : trainY;
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

    List<ConfigurationResult> results = new ArrayList<>();
    for (int index = 0; index < layers.length; index++) {
      int k = layers[index];
      checkInterrupt();
      long t0 = System.nanoTime();
      Random random = new Random(settings.seed() * 1_000_003L + k);
      BilevelSearch darts = new BilevelSearch(settings, k);
      SparseMlp net;
      try {
        SparseMlp discrete = darts.discretise(darts.search(wx, wy, ax, ay, random, observer),
            layout, nIn);
        SparseMlp trained = train(discrete, trainX, trainY, observer);
        SparseMlp pruned = new AdmmPruner(settings).prune(trained, trainX, trainY, observer);
        checkInterrupt();
        net = settings.refinement() == Refinement.ADAM && settings.retrainSteps() == 0 ? pruned
            : settings.refinement().apply(pruned, trainX, trainY, null, settings.retrainSteps(),
                settings.weightLearningRate(), new LeastSquaresRefiner(
                    settings.refineIterations(), LeastSquaresRefiner.DEFAULT_TOLERANCE));
      } catch (ArithmeticException diverged) {
        done[0] = (index + 1) * perConfiguration;
        continue;
      }
      net = net.pruned();
      double trainMse = net.meanSquaredError(trainX, trainY);
      double valMse = net.meanSquaredError(valX, valY);
      if (Double.isFinite(trainMse) && Double.isFinite(valMse)) {
        results.add(new ConfigurationResult(k, net, trainMse, valMse,
            (System.nanoTime() - t0) / 1e9));
      }
    }
    if (results.isEmpty()) {
      throw new IllegalStateException("training diverged (non-finite weights) for every "
          + "configuration; try smaller learning rates");
    }
    ConfigurationResult chosen = ConfigurationSelector.select(results, settings.tolerance());
    return new SearchResult(results, chosen, (System.nanoTime() - start) / 1e9,
        trainX.length, held.second().length,
        ConfigurationSelector.meanMse(trainY, null, valY, null),
        ConfigurationSelector.beatsMean(chosen.network(), trainY, null, valX, valY, null,
            settings.tolerance()));
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
