package swatnn.darts;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import swatnn.nd4j.ParameterSet;
import swatnn.mlp.Activation;
import swatnn.mlp.MlpLayout;
import swatnn.mlp.Refinement;
import swatnn.mlp.SparseMlp;
import swatnn.mlp.SparseMlpFitter;
import swatnn.selection.ConfigurationResult;
import swatnn.selection.RowSplit;
import swatnn.selection.SearchInterruptedException;
import swatnn.selection.SearchListener;
import swatnn.selection.SearchResult;

/** The DARTS + ADMM engine: mechanics of each phase and a short search on a simple function. */
class DartsAdmmSearchTest {
  static final MlpLayout LAYOUT = MlpLayout.DEFAULT;
  static double[][] x;
  static double[] y;
  static double labelVariance;
  static SearchResult quick;
  static List<int[]> progress = new ArrayList<>();

  /** A few seconds per configuration; a threshold above the paper's so that pruning shows. */
  static DartsSettings quickSettings() {
    return new DartsSettings().layers(1, 2).epochs(4).batchSize(64).trainSteps(300)
        .admmRounds(3).admmSteps(60).retrainSteps(100).threshold(0.25).seed(3);
  }

  @BeforeAll
  static void dataAndQuickSearch() {
    Random r = new Random(11);
    x = new double[300][2];
    y = new double[300];
    for (int i = 0; i < x.length; i++) {
      x[i][0] = 2 * r.nextDouble() - 1;
      x[i][1] = 2 * r.nextDouble() - 1;
      y[i] = x[i][0] * x[i][0] - 0.5 * x[i][1];
    }
    double mean = Arrays.stream(y).average().orElseThrow();
    labelVariance = Arrays.stream(y).map(v -> (v - mean) * (v - mean)).average().orElseThrow();
    quick = new DartsAdmmSearch(quickSettings()).fit(x, y,
        (step, steps, loss) -> progress.add(new int[] {step, steps}));
  }

  /** Weights and biases of a k-layer dense supernet: nIn H + (k-1) H^2 + H, k H + 1. */
  static int denseCount(int nIn, int k) {
    int h = LAYOUT.maxNeurons();
    return nIn * h + (k - 1) * h * h + h + k * h + 1;
  }

  @Test
  void oneResultPerConfigurationPrunedAndFitting() {
    assertEquals(2, quick.configurations().size());
    assertEquals(1, quick.configurations().get(0).hiddenLayers());
    assertEquals(2, quick.configurations().get(1).hiddenLayers());
    assertEquals(300, quick.trainRows());
    assertTrue(quick.validation().crossValidated());
    for (ConfigurationResult c : quick.configurations()) {
      SparseMlp net = c.network();
      assertEquals(c.hiddenLayers(), net.hiddenLayers());
      assertTrue(c.nonZeroCount() < denseCount(2, c.hiddenLayers()),
          c.nonZeroCount() + " of " + denseCount(2, c.hiddenLayers()) + "\n" + net);
      assertTrue(c.validationMse() < 0.02 * labelVariance,
          "validation MSE " + c.validationMse() + ", label variance " + labelVariance + "\n" + net);
      assertTrue(c.seconds() > 0 && c.seconds() <= quick.seconds());
    }
  }

  @Test
  void progressCountsEveryStepOfEveryConfiguration() {
    // per configuration (all 300 rows searched: the candidates are cross-validated): 4 epochs
    // of ceil(150 / 64) = 3 bilevel steps, 300 training steps, 3 x 60 ADMM steps
    int total = 2 * (4 * 3 + 300 + 3 * 60);
    assertEquals(total, progress.size());
    for (int i = 0; i < progress.size(); i++) {
      assertArrayEquals(new int[] {i + 1, total}, progress.get(i));
    }
  }

  @Test
  void sameSeedSameResultOtherSeedAnother() {
    SearchResult again = new DartsAdmmSearch(quickSettings()).fit(x, y, SearchListener.NONE);
    for (int i = 0; i < quick.configurations().size(); i++) {
      ConfigurationResult a = quick.configurations().get(i);
      ConfigurationResult b = again.configurations().get(i);
      assertEquals(a.network(), b.network());
      assertEquals(a.validationMse(), b.validationMse());
      assertEquals(a.trainMse(), b.trainMse());
    }
    SearchResult other = new DartsAdmmSearch(quickSettings().layers(1).seed(4))
        .fit(x, y, SearchListener.NONE);
    assertNotEquals(quick.configurations().get(0).network(),
        other.configurations().get(0).network());
  }

  @Test
  void withoutRetrainingEveryWeightIsZeroOrAtLeastTheThreshold() {
    DartsSettings s = quickSettings().layers(1).threshold(0.3).refinement(Refinement.NONE);
    SparseMlp net = new DartsAdmmSearch(s).fit(x, y, SearchListener.NONE).configurations()
        .get(0).network();
    assertSparse(net, 0.3);
    s = quickSettings().layers(1).threshold(0.3).refinement(Refinement.ADAM).retrainSteps(0);
    assertSparse(new DartsAdmmSearch(s).fit(x, y, SearchListener.NONE).configurations().get(0)
        .network(), 0.3);
  }

  @Test
  void refinementNeverRaisesTheTrainingErrorNorAddsWeights() {
    // both on the same rows: a hold-out (without refinement there is no cross-validation)
    DartsSettings plain = quickSettings().layers(1).refinement(Refinement.NONE).folds(0);
    DartsSettings lm = quickSettings().layers(1).refinement(Refinement.LM).folds(0);
    SearchResult a = new DartsAdmmSearch(plain).fit(x, y, SearchListener.NONE);
    SearchResult b = new DartsAdmmSearch(lm).fit(x, y, SearchListener.NONE);
    ConfigurationResult before = a.configurations().get(0);
    ConfigurationResult after = b.configurations().get(0);
    assertTrue(after.trainMse() <= before.trainMse() + 1e-12,
        after.trainMse() + " > " + before.trainMse());
    assertTrue(after.network().nonZeroWeights() <= before.network().nonZeroWeights());
  }

  @Test
  void admmPrunesToItsSparseSetAndKeepsTheStructure() {
    Random r = new Random(5);
    SparseMlp start = SparseMlpFitter.denseStart(LAYOUT, 2, 2, r).toBuilder()
        .active(0, 3, false).active(1, 6, false).build();
    int below = 0;
    for (int t = 0; t <= 2; t++) {
      for (int i = 0; i < LAYOUT.weightRows(2, t); i++) {
        for (int j = 0; j < LAYOUT.weightColumns(2, t); j++) {
          below += Math.abs(start.weight(t, i, j)) < 0.3 ? 1 : 0;
        }
      }
    }
    assertTrue(below > 5, "a test network with weights below the threshold");
    DartsSettings s = new DartsSettings().threshold(0.3).admmRounds(4).admmSteps(50);
    SparseMlp pruned = new AdmmPruner(s).prune(start, x, y, StepObserver.NONE);
    assertSparse(pruned, 0.3);
    assertTrue(pruned.nonZeroWeights() < start.nonZeroWeights(),
        pruned.nonZeroWeights() + " of " + start.nonZeroWeights());
    for (int l = 0; l < 2; l++) {
      for (int j = 0; j < LAYOUT.maxNeurons(); j++) {
        assertEquals(start.isActive(l, j), pruned.isActive(l, j));
        assertEquals(start.activation(l, j), pruned.activation(l, j));
      }
    }
    assertEquals(pruned, pruned.pruned(), "inactive neurons keep no weights");
  }

  @Test
  void projectionZeroesOnlyEntriesBelowTheThreshold() {
    double[] v = {0.05, -0.1, 0.0999, -0.2, 3};
    assertArrayEquals(new double[] {0, -0.1, 0, -0.2, 3}, AdmmPruner.project(v, 0.1));
    assertEquals(0.05, v[0], "the input is not changed");
  }

  @Test
  void proximalFitterWithoutAnchorLowersTheLossAtASmallRate() {
    SparseMlp start = SparseMlpFitter.denseStart(LAYOUT, 2, 3, new Random(8)).toBuilder()
        .active(1, 2, false).activation(0, 0, Activation.LEAKY_RELU)
        .activation(2, 1, Activation.TANH).activation(2, 4, Activation.SIGMOID).build();
    ProximalFitter fitter = new ProximalFitter(start, x, y, 1e-3);
    double previous = Double.POSITIVE_INFINITY;
    for (int i = 0; i < 15; i++) {
      double loss = fitter.step(null, 0);
      assertTrue(loss < previous, "the loss falls at a small rate");
      previous = loss;
    }
    assertEquals(start.pruned().nonZeroWeights(), fitter.toMlp().nonZeroWeights());
  }

  @Test
  void proximalAnchorPullsTheWeights() {
    SparseMlp start = SparseMlpFitter.denseStart(LAYOUT, 2, 1, new Random(2));
    ProximalFitter fitter = new ProximalFitter(start, x, y, 0.01);
    double[] anchors = new double[fitter.weights().length];
    assertEquals(3 * LAYOUT.maxNeurons(), anchors.length, "every live weight is anchored");
    for (int i = 0; i < 300; i++) {
      fitter.step(anchors, 1000);
    }
    for (double v : fitter.weights()) {
      assertEquals(0, v, 0.02);
    }
  }

  @Test
  void supernetWithDecidedArchitectureComputesItsDiscretisation() {
    int k = 2;
    int h = LAYOUT.maxNeurons();
    Random r = new Random(4);
    ParameterSet weights = WeightArrays.random(2, k, h, r);
    ParameterSet arch = new ParameterSet();
    for (int l = 0; l < k; l++) {
      float[] logits = new float[3 * h];
      float[] gates = new float[h];
      for (int j = 0; j < h; j++) {
        logits[r.nextInt(3) * h + j] = 40f; // one activation takes all the weight
        gates[j] = j % 3 == 0 ? -40f : 40f; // a gate of 0 or 1
      }
      arch.put(MixedMlpGraph.logits(l), Nd4j.create(logits, new long[] {3, h}, 'c'));
      arch.put(MixedMlpGraph.gate(l), Nd4j.create(gates, new long[] {1, h}, 'c'));
    }
    MixedMlpGraph graph = MixedMlpGraph.supernet(k, weights, arch);
    INDArray bx = MixedMlpGraph.inputs(x, 2);
    INDArray by = MixedMlpGraph.labels(y);
    double graphLoss = graph.evaluate(bx, by, List.of(MixedMlpGraph.weight(0))).loss();
    BilevelSearch search = new BilevelSearch(new DartsSettings(), k);
    SparseMlp net = search.discretise(new BilevelSearch.Supernet(weights, arch), LAYOUT, 2);
    assertEquals(2 * (h - 3), net.activeNeuronCount());
    assertEquals(graphLoss, net.meanSquaredError(x, y), 1e-5 * graphLoss);
  }

  @Test
  void interruptedThreadStopsTheSearch() {
    Thread.currentThread().interrupt();
    try {
      assertThrows(SearchInterruptedException.class,
          () -> new DartsAdmmSearch(quickSettings()).fit(x, y, SearchListener.NONE));
    } finally {
      Thread.interrupted();
    }
  }

  @Test
  void rowSplitsPartitionTheRows() {
    RowSplit held = RowSplit.holdOut(10, 0.2, 1);
    assertEquals(8, held.first().length);
    assertEquals(2, held.second().length);
    RowSplit halves = RowSplit.divide(held.first(), 0.5, 1);
    int[] all = new int[8];
    System.arraycopy(halves.first(), 0, all, 0, 4);
    System.arraycopy(halves.second(), 0, all, 4, 4);
    Arrays.sort(all);
    int[] expected = held.first().clone();
    Arrays.sort(expected);
    assertArrayEquals(expected, all);
    assertEquals(0, RowSplit.holdOut(5, 0.2, 1).second().length, "one row is too few to hold out");
    RowSplit one = RowSplit.divide(new int[] {7}, 0.5, 1);
    assertArrayEquals(new int[] {7}, one.first());
    assertArrayEquals(new int[] {7}, one.second());
  }

  @Test
  void settingsValidateAndCopy() {
    DartsSettings s = new DartsSettings();
    assertEquals(50, s.epochs());
    assertEquals(2, s.rho());
    assertEquals(0.1, s.threshold());
    assertEquals(0.05, s.tolerance());
    assertArrayEquals(new int[] {1, 2, 3, 4}, s.layers());
    assertThrows(IllegalArgumentException.class, () -> s.layers(1, 5));
    assertThrows(IllegalArgumentException.class, () -> s.epochs(0));
    assertThrows(IllegalArgumentException.class, () -> s.rho(0));
    assertThrows(IllegalArgumentException.class, () -> s.threshold(-1));
    assertThrows(IllegalArgumentException.class, () -> s.validationFraction(1));
    assertThrows(IllegalArgumentException.class, () -> s.architectureFraction(0));
    assertThrows(IllegalArgumentException.class, () -> s.layout(new MlpLayout(7, 2)));
    assertArrayEquals(new int[] {1, 3}, s.layers(3, 1, 3).layers());
    DartsSettings c = s.copy();
    s.epochs(7);
    assertEquals(50, c.epochs());
    assertArrayEquals(new int[] {1, 3}, c.layers());
  }

  static void assertSparse(SparseMlp net, double threshold) {
    for (int t = 0; t <= net.hiddenLayers(); t++) {
      for (int i = 0; i < LAYOUT.weightRows(net.nIn(), t); i++) {
        for (int j = 0; j < LAYOUT.weightColumns(net.hiddenLayers(), t); j++) {
          double w = net.weight(t, i, j);
          assertTrue(w == 0 || Math.abs(w) >= threshold, "weight " + w + "\n" + net);
        }
      }
    }
  }
}
