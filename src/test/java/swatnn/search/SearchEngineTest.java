package swatnn.search;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import swatnn.selection.RowSplit;
import swatnn.selection.SearchInterruptedException;
import swatnn.selection.ConfigurationResult;
import swatnn.selection.SearchResult;
import swatnn.selection.SearchListener;
import swatnn.TinyAutoencoder;
import swatnn.autoencoder.AutoencoderModel;
import swatnn.autoencoder.ModelFileException;
import swatnn.mlp.MlpLayout;
import swatnn.mlp.Refinement;
import swatnn.mlp.SparseMlp;

/** The latent search on a tiny, briefly trained autoencoder: mechanics, not quality. */
class SearchEngineTest {
  @TempDir static Path dir;
  static AutoencoderModel model;
  static Path modelFile;
  static double[][] x;
  static double[] y;

  @BeforeAll
  static void tinyModelAndData() throws Exception {
    modelFile = dir.resolve("swatnn-tiny.zip");
    TinyAutoencoder.train(modelFile, 3);
    model = AutoencoderModel.load(modelFile);
    Random r = new Random(1);
    x = new double[200][2];
    y = new double[200];
    for (int i = 0; i < x.length; i++) {
      x[i][0] = 2 * r.nextDouble() - 1;
      x[i][1] = 2 * r.nextDouble() - 1;
      y[i] = 0.8 * x[i][0] * x[i][0] - 0.4 * x[i][1];
    }
  }

  /** A short search; the gated local search off, so that the candidates are the search's. */
  static SearchSettings quick() {
    return new SearchSettings().steps(30).annealSteps(10).restarts(2).layers(1, 3)
        .pointsPerStep(64).localSearchGate(0);
  }

  @Test
  void nonFiniteRowsAreRefusedBeforeTheModelFileIsBlamed() {
    double[] yBad = y.clone();
    yBad[4] = Double.POSITIVE_INFINITY;
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> new LatentSearch(model, quick()).search(new swatnn.selection.Rows(x, yBad, null),
            SearchListener.NONE));
    assertTrue(e.getMessage().contains("row 5") && !e.getMessage().contains("model file"),
        e.getMessage());
    double[][] xBad = RowSplit.rows(x, java.util.stream.IntStream.range(0, x.length).toArray());
    xBad[7] = new double[] {0.5, Double.NaN};
    e = assertThrows(IllegalArgumentException.class,
        () -> new LatentSearch(model, quick()).search(new swatnn.selection.Rows(xBad, y, null),
            SearchListener.NONE));
    assertEquals("scaled input 2 of row 8 is NaN; the search needs finite rows", e.getMessage());
  }

  @Test
  void searchReturnsOneDiscreteNetworkPerConfiguration() {
    AtomicInteger calls = new AtomicInteger();
    SearchResult r = new LatentSearch(model, quick()).fit(x, y, (s, n, loss) -> {
      calls.incrementAndGet();
      assertEquals(30, n);
    });
    assertEquals(30, calls.get());
    assertEquals(2, r.configurations().size());
    assertEquals(1, r.configurations().get(0).hiddenLayers());
    assertEquals(3, r.configurations().get(1).hiddenLayers());
    assertEquals(200, r.trainRows());
    assertTrue(r.validation().crossValidated(), "200 rows: cross-validated");
    assertEquals(1 + 2 + 2 * 2, r.candidates().size(), "mean, 2 linear, 2 x 2 networks");
    for (ConfigurationResult c : r.configurations()) {
      assertEquals(2, c.network().nIn());
      assertEquals(c.hiddenLayers(), c.network().hiddenLayers());
      // the reported training error is the network's own on all rows (searched on all)
      assertEquals(c.network().meanSquaredError(x, y), c.trainMse(), 1e-15);
      assertTrue(c.validationMse() > 0);
    }
    SearchResult held = new LatentSearch(model, quick().folds(0)).fit(x, y, SearchListener.NONE);
    assertEquals(40, held.validation().heldOutRows());
    RowSplit split = RowSplit.holdOut(x.length, 0.2, 1);
    for (ConfigurationResult c : held.configurations()) {
      // a hold-out: fitted on the training split, scored on the held-out rows
      assertEquals(c.network().meanSquaredError(RowSplit.rows(x, split.first()),
          RowSplit.values(y, split.first())), c.trainMse(), 1e-15);
      assertEquals(c.network().meanSquaredError(RowSplit.rows(x, split.second()),
          RowSplit.values(y, split.second())), c.validationMse(), 1e-15);
    }
  }

  @Test
  void earlyStoppingEndsAStalledSearchAndCountsItsStepsAsDone() {
    // (almost) no learning and full batches: the MSE never falls, so the search stops after
    // annealing plus two windows; progress still ends at the total
    SearchSettings s = quick().steps(200).annealSteps(10).patience(20).zLearningRate(1e-12)
        .thresholdLearningRate(1e-12).restarts(4).pointsPerStep(1000);
    AtomicInteger calls = new AtomicInteger();
    AtomicInteger last = new AtomicInteger();
    SearchResult stopped = new LatentSearch(model, s.slots(1)).fit(x, y, (step, n, loss) -> {
      calls.incrementAndGet();
      last.set(step);
      assertEquals(200, n, "the groups' mean step, of 200");
    });
    assertEquals(2 * (10 + 2 * 20), calls.get(), "each group ran annealing and two windows");
    assertEquals(200, last.get());
    List<String> stops = java.util.Collections.synchronizedList(new ArrayList<>());
    SearchResult twoSlots = new LatentSearch(model, s.slots(2)).fit(x, y, new SearchListener() {
      @Override
      public void progress(int step, int steps, double loss) {}

      @Override
      public void stoppedEarly(int step, int steps) {
        stops.add(step + "/" + steps);
      }
    });
    assertEquals(List.of("50/200", "50/200"), stops, "each group says where it stopped");
    for (int i = 0; i < stopped.configurations().size(); i++) {
      assertEquals(stopped.configurations().get(i).network(),
          twoSlots.configurations().get(i).network(), "groups stop on their own: any slots");
    }
    double[] lastLoss = new double[2];
    for (int slots = 1; slots <= 2; slots++) {
      int i = slots - 1;
      new LatentSearch(model, quick().restarts(4).slots(slots)).fit(x, y,
          (step, n, loss) -> lastLoss[i] = loss);
    }
    assertEquals(lastLoss[0], lastLoss[1], 0.0,
        "the last line's loss is every group's final one, whichever group ends last");
    AtomicInteger all = new AtomicInteger();
    new LatentSearch(model, quick().steps(60).patience(0)).fit(x, y,
        (step, n, loss) -> all.incrementAndGet());
    assertEquals(60, all.get(), "patience 0 runs every step");
  }

  @Test
  void theLossShownIsTheRestartWeightedMeanOfTheGroupsLatest() {
    double nan = Double.NaN;
    assertEquals(2.0, LatentSearch.meanLoss(new double[] {1, 3}, 4), 0.0);
    assertEquals(1.0, LatentSearch.meanLoss(new double[] {1, nan}, 4), 0.0);
    assertEquals(2.0, LatentSearch.meanLoss(new double[] {2, 1, 4}, 5), 0.0,
        "groups of 2, 2 and 1 restarts");
    assertTrue(Double.isNaN(LatentSearch.meanLoss(new double[] {nan, nan}, 4)));
  }

  @Test
  void refinementProgressCountsEachNetworkOnceAndIsSilentWithoutRefinement() {
    List<Integer> done = java.util.Collections.synchronizedList(new ArrayList<>());
    SearchListener counting = new SearchListener() {
      @Override
      public void progress(int step, int steps, double loss) {}

      @Override
      public void refined(int refined, int total) {
        assertEquals(2 * 4, total, "two configurations x four restarts");
        done.add(refined);
      }
    };
    new LatentSearch(model, quick().restarts(4).refinement(Refinement.LM).slots(2))
        .fit(x, y, counting);
    assertEquals(0, done.get(0), "the first group's end of search starts the refinement");
    // the second group's end may come before or after a refinement ends: not reported again
    assertEquals(1, done.stream().filter(d -> d == 0).count(), "the start, once");
    assertEquals(List.of(1, 2, 3, 4, 5, 6, 7, 8), done.stream().filter(d -> d > 0).toList());
    done.clear();
    new LatentSearch(model, quick().restarts(4).refinement(Refinement.NONE).slots(2))
        .fit(x, y, counting);
    assertEquals(List.of(), done);
  }

  @Test
  void aRaceReturnsTheSurvivorsOfEachConfigurationWhateverTheThreads() {
    SearchSettings s = quick().restarts(2).race(6).steps(40).annealSteps(12);
    AtomicInteger calls = new AtomicInteger();
    SearchResult one = new LatentSearch(model, s.copy().slots(1)).fit(x, y,
        (step, n, loss) -> {
          calls.incrementAndGet();
          assertEquals(40, n);
        });
    // rungs of 6, 3 (rounded up from 3) restarts: 3 groups x 6 steps, 2 groups x 6 steps, then
    // one group of the 2 survivors from step 12 to 40
    assertEquals(3 * 6 + 2 * 6 + 28, calls.get());
    assertEquals(1 + 2 + 2 * 2, one.candidates().size(), "mean, 2 linear, 2 x 2 survivors");
    for (var c : one.candidates()) {
      if (c.hiddenLayers() > 0) {
        int restart = Integer.parseInt(c.name().replaceAll(".* restart ", ""));
        assertTrue(restart >= 1 && restart <= 6, c.name());
      }
    }
    SearchResult two = new LatentSearch(model, s.copy().slots(2)).fit(x, y, SearchListener.NONE);
    for (int i = 0; i < one.candidates().size(); i++) {
      assertEquals(one.candidates().get(i).name(), two.candidates().get(i).name());
      assertEquals(one.candidates().get(i).trainMse(), two.candidates().get(i).trainMse());
    }
    SearchResult noRace = new LatentSearch(model, s.copy().race(0).slots(1)).fit(x, y,
        SearchListener.NONE);
    SearchResult raceOfTwo = new LatentSearch(model, s.copy().race(2).slots(1)).fit(x, y,
        SearchListener.NONE);
    for (int i = 0; i < noRace.configurations().size(); i++) {
      assertEquals(noRace.configurations().get(i).network(),
          raceOfTwo.configurations().get(i).network(), "no more starts than restarts: no race");
    }
  }

  @Test
  void sameSeedSameNetworks() {
    SearchResult a = new LatentSearch(model, quick().seed(7)).fit(x, y, SearchListener.NONE);
    SearchResult b = new LatentSearch(model, quick().seed(7)).fit(x, y, SearchListener.NONE);
    for (int i = 0; i < a.configurations().size(); i++) {
      assertEquals(a.configurations().get(i).network(), b.configurations().get(i).network());
    }
  }

  @Test
  void theLocalSearchReportsItsProgressAndRunsOnlyWithLevenbergMarquardt() {
    java.util.List<int[]> calls = new java.util.ArrayList<>();
    SearchListener counting = new SearchListener() {
      @Override
      public void progress(int step, int steps, double loss) {}

      @Override
      public void locallySearched(int done, int total) {
        calls.add(new int[] {done, total});
      }
    };
    new LatentSearch(model, quick().localSearch(true)).fit(x, y, counting);
    // one call as it begins, one per configuration (k = 1 and 3) as each ends
    assertEquals(3, calls.size());
    assertArrayEquals(new int[] {0, 2}, calls.get(0));
    assertArrayEquals(new int[] {2, 2}, calls.get(2));
    calls.clear();
    SearchResult plain = new LatentSearch(model, quick().localSearch(true)
        .refinement(Refinement.NONE)).fit(x, y, counting);
    assertTrue(calls.isEmpty(), "no local search without -refine lm");
    assertTrue(plain.candidates().stream().noneMatch(c -> c.name().contains("local search")),
        plain.candidates().toString());
  }

  @Test
  void refinementKeepsTheStructureAndLowersTheTrainingErrorAndEncodeInitRuns() {
    // on the same rows: a hold-out (without refinement there is no cross-validation)
    SearchResult plain = new LatentSearch(model, quick().restarts(1).refinement(Refinement.NONE))
        .fit(x, y, SearchListener.NONE);
    SearchResult polished = new LatentSearch(model, quick().restarts(1).folds(0)
        .refinement(Refinement.ADAM).polishSteps(50)).fit(x, y, SearchListener.NONE);
    // the local search on the hold-out off: it may change a structure, which is its job
    SearchResult fitted = new LatentSearch(model, quick().restarts(1).folds(0)
        .refinement(Refinement.LM).slots(2).heldOutLocalSearches(0))
        .fit(x, y, SearchListener.NONE);
    for (int i = 0; i < plain.configurations().size(); i++) {
      ConfigurationResult p = plain.configurations().get(i);
      ConfigurationResult q = polished.configurations().get(i);
      ConfigurationResult f = fitted.configurations().get(i);
      assertEquals(p.network().nonZeroCount(), q.network().nonZeroCount());
      assertTrue(q.trainMse() <= p.trainMse() + 1e-12);
      // lm may also fit a zero bias of an active neuron, never anything outside the structure
      assertTrue(f.network().nonZeroWeights() <= p.network().nonZeroWeights());
      assertEquals(p.network().pruned().activeNeuronCount(), f.network().activeNeuronCount());
      assertTrue(f.trainMse() <= p.trainMse() + 1e-12, f.trainMse() + " > " + p.trainMse());
    }
    SearchResult encoded = new LatentSearch(model, quick().init(SearchSettings.Init.ENCODE).initSteps(20))
        .fit(x, y, SearchListener.NONE);
    assertEquals(2, encoded.configurations().size());
  }

  @Test
  void interruptionStopsTheSearch() {
    Thread.currentThread().interrupt();
    try {
      assertThrows(SearchInterruptedException.class,
          () -> new LatentSearch(model, quick()).fit(x, y, SearchListener.NONE));
    } finally {
      Thread.interrupted();
    }
  }

  @Test
  void scalerMapsTrainingRangeToUnitBox() {
    MinMaxScaler s = MinMaxScaler.fit(new double[][] {{1, 5}, {3, 5}, {2, 5}}, 2);
    assertEquals(-1, s.scale(0, 1), 1e-15);
    assertEquals(1, s.scale(0, 3), 1e-15);
    assertEquals(0, s.scale(1, 5), 1e-15, "constant column maps to 0");
    assertEquals(2.5, s.unscale(0, s.scale(0, 2.5)), 1e-12);
  }

  @Test
  void modelLocatorResolvesFilesAndNames() throws Exception {
    assertEquals(modelFile, ModelLocator.resolve(modelFile.toString(), 2));
    String old = System.getProperty("swatnn.models");
    System.setProperty("swatnn.models", dir.toString());
    try {
      assertEquals(modelFile, ModelLocator.resolve("tiny", 2));
      assertEquals(modelFile, ModelLocator.resolve("swatnn-tiny", 1));
      ModelFileException e = assertThrows(ModelFileException.class, () -> ModelLocator.resolve("nope", 2));
      assertTrue(e.getMessage().contains("nope"), e.getMessage());
      assertTrue(ModelLocator.bundled().containsKey("swatnn-tiny"));
    } finally {
      if (old == null) {
        System.clearProperty("swatnn.models");
      } else {
        System.setProperty("swatnn.models", old);
      }
    }
    assertTrue(Files.exists(modelFile));
  }

  /** A dense network for selection tests. */
  static final class SparseMlpFitterAccess {
    static SparseMlp dense() {
      return swatnn.mlp.SparseMlpFitter.denseStart(MlpLayout.DEFAULT, 1, 2, new Random(1));
    }
  }
}
