package swatnn.selection;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import swatnn.mlp.LeastSquaresRefiner;
import swatnn.mlp.MlpLayout;
import swatnn.mlp.Refinement;
import swatnn.mlp.SparseMlp;
import swatnn.mlp.SparseMlpFitter;
import swatnn.search.SearchSettings;

/**
 * The selection without an autoencoder: the candidates of a stand-in network search (dense
 * networks of 1 and 2 hidden layers, refined) against the mean and the linear path.
 */
class ModelSelectionTest {
  static final Refitter LM = new Refitter(Refinement.LM, new LeastSquaresRefiner(100,
      LeastSquaresRefiner.DEFAULT_TOLERANCE), 1, 0.01);

  /** Dense networks of k = 1 and 2 hidden layers on the rows' inputs, two restarts each. */
  static final NetworkSearch DENSE = (rows, listener) -> {
    List<NetworkSearch.Found> found = new ArrayList<>();
    int nIn = rows.x()[0].length;
    for (int k = 1; k <= 2; k++) {
      for (int r = 0; r < 2; r++) {
        SparseMlp start = SparseMlpFitter.denseStart(MlpLayout.DEFAULT, nIn, k,
            new Random(10 * k + r));
        Refitter.Fit fit = LM.refine(start, rows);
        found.add(new NetworkSearch.Found("k=" + k + " restart " + (r + 1), k, fit.network(),
            fit.effectiveParameters(), start));
      }
    }
    return new NetworkSearch.Outcome(found, List.of());
  };

  static Rows rows(int n, int inputs, long seed, java.util.function.ToDoubleFunction<double[]> f,
      double noise) {
    Random r = new Random(seed);
    double[][] x = new double[n][inputs];
    double[] y = new double[n];
    for (int i = 0; i < n; i++) {
      for (int j = 0; j < inputs; j++) {
        x[i][j] = 2 * r.nextDouble() - 1;
      }
      y[i] = f.applyAsDouble(x[i]) + noise * r.nextGaussian();
    }
    return new Rows(x, y, null);
  }

  static int[] all(int n) {
    return java.util.stream.IntStream.range(0, n).toArray();
  }

  static SearchResult select(Rows rows, SearchSettings s, int threads) {
    return ModelSearch.run(rows, all(rows.x()[0].length), all(rows.x()[0].length), DENSE, s, LM,
        threads,
        SearchListener.NONE);
  }

  @Test
  void theSparsestWithinTheToleranceIsChosen() {
    Candidate mean = new Candidate("mean", 0, new MeanModel(0), 0, 0.100);
    Candidate lin = new Candidate("linear", 0, new LinearModel(new int[] {0, 1},
        new double[] {1, 2}, 0, 3), 0, 0.098);
    Candidate worse = new Candidate("linear", 0, new LinearModel(new int[] {0},
        new double[] {1}, 0, 2), 0, 0.2);
    assertEquals(0, ModelSelector.choose(List.of(mean, lin, worse), 0.05));
    assertEquals(1, ModelSelector.choose(List.of(mean, lin, worse), 0.01));
    Candidate broken = new Candidate("mean", 0, new MeanModel(0), 0, Double.NaN);
    assertEquals(1, ModelSelector.choose(List.of(broken, lin), 0.05), "NaN never wins");
  }

  /**
   * The candidates of planted set g1-04 with -S 2 (benchmarks/planted, the model text): the
   * generator's own structure (7 non-zeros) at a validation MSE of 3.7e-30 against 2.0e-30 for
   * a network of 15, on a class of variance 0.633 (the mean's MSE). By the relative tolerance
   * alone the denser one wins; the default floor makes both exact and the sparser one wins.
   * On noisy data, where the best MSE is far above the floor, the floor changes nothing.
   */
  @Test
  void theFloorMakesNegligibleDifferencesTies() {
    Candidate mean = new Candidate("mean", 0, new MeanModel(0), 0.632, 0.633);
    Candidate line = new Candidate("linear", 0, new LinearModel(new int[] {0, 1, 2, 3},
        new double[] {1, 2, 3, 4}, 1, 5), 0.090, 0.0907);
    Candidate k1 = new Candidate("k=1", 1, new LinearModel(new int[] {0, 1, 2, 3, 4, 5},
        new double[] {1, 2, 3, 4, 5, 6}, 1, 7), 6.1e-25, 3.73e-30);
    Candidate k2 = new Candidate("k=2", 2, new LinearModel(new int[] {0, 1, 2, 3, 4, 5, 6, 7,
        8, 9, 10, 11, 12, 13}, java.util.stream.DoubleStream.generate(() -> 1).limit(14).toArray(),
        1, 15), 2.5e-27, 1.95e-30);
    List<Candidate> exact = List.of(mean, line, k1, k2);
    double floor = new SearchSettings().toleranceFloor();
    assertEquals(SelectionSettings.DEFAULT_TOLERANCE_FLOOR, floor);
    assertEquals(3, ModelSelector.choose(exact, 0.05, 0, 0.633, null, null, false),
        "relative tolerance alone");
    assertEquals(2, ModelSelector.choose(exact, 0.05, floor, 0.633, null, null, false),
        "with the floor");
    assertEquals(3, ModelSelector.choose(exact, 0.05, floor, 0, null, null, false),
        "no variance, no floor");
    // a network 1e-5 of the variance worse than the best is close, 2e-5 worse is not
    Candidate near = new Candidate("k=1", 1, k1.model(), 0, 0.633 * 0.9e-5);
    Candidate far = new Candidate("k=1", 1, k1.model(), 0, 0.633 * 2e-5);
    assertEquals(2, ModelSelector.choose(List.of(mean, line, near, k2), 0.05, floor, 0.633,
        null, null, false));
    assertEquals(3, ModelSelector.choose(List.of(mean, line, far, k2), 0.05, floor, 0.633,
        null, null, false));
    // noisy: the best at a tenth of the variance; 6% worse stays outside with the floor
    Candidate noisyK2 = new Candidate("k=2", 2, k2.model(), 0.05, 0.0633);
    Candidate noisyK1 = new Candidate("k=1", 1, k1.model(), 0.06, 0.0633 * 1.06);
    assertEquals(3, ModelSelector.choose(List.of(mean, line, noisyK1, noisyK2), 0.05, floor,
        0.633, null, null, false));
  }

  @Test
  void aSignificantLineTakesTheMeansBandAway() {
    // the mean is 10% worse than the line: outside the tolerance, inside 2 standard errors
    Candidate mean = new Candidate("mean", 0, new MeanModel(0), 0, 0.110);
    Candidate lin = new Candidate("linear", 0, new LinearModel(new int[] {0},
        new double[] {1}, 0, 2), 0, 0.100);
    double[][] errors = new double[2][40];
    Random r = new Random(1);
    for (int i = 0; i < 40; i++) {
      errors[1][i] = 0.1 * Math.pow(r.nextGaussian(), 2);
      errors[0][i] = errors[1][i] + 0.01 + 0.05 * r.nextGaussian();
    }
    List<Candidate> both = List.of(mean, lin);
    assertEquals(0, ModelSelector.choose(both, 0.05, 0, 0, errors, null, true), "within the band");
    assertEquals(1, ModelSelector.choose(both, 0.05, 0, 0, errors, null, false), "no band");
    assertTrue(ModelSelector.meanBand(0.5) && ModelSelector.meanBand(ModelSelector.LINE_LEVEL));
    assertTrue(!ModelSelector.meanBand(0.009) && !ModelSelector.meanBand(0));
  }

  @Test
  void theLinesFTestIsTheLeastSquaresOne() {
    Rows r = rows(30, 3, 11, x -> 0.3 * x[0] - 0.2 * x[2], 0.5);
    org.apache.commons.math3.stat.regression.OLSMultipleLinearRegression ols =
        new org.apache.commons.math3.stat.regression.OLSMultipleLinearRegression();
    ols.newSampleData(r.y(), r.x());
    double r2 = ols.calculateRSquared();
    double f = (r2 / 3) / ((1 - r2) / (30 - 3 - 1));
    double expected = 1 - new org.apache.commons.math3.distribution.FDistribution(3, 26)
        .cumulativeProbability(f);
    assertEquals(expected, LinearModel.overallPValue(r, all(3)), 1e-9);
    // a copy of a column adds no rank; a constant column none either
    double[][] wider = new double[30][5];
    for (int i = 0; i < 30; i++) {
      System.arraycopy(r.x()[i], 0, wider[i], 0, 3);
      wider[i][3] = r.x()[i][1];
      wider[i][4] = 0.5;
    }
    Rows w = new Rows(wider, r.y(), null);
    assertEquals(expected, LinearModel.overallPValue(w, all(5)), 1e-6);
    double[] twos = new double[30];
    Arrays.fill(twos, 2);
    assertEquals(expected, LinearModel.overallPValue(new Rows(r.x(), r.y(), twos), all(3)),
        1e-9, "equal weights change nothing");
    assertEquals(1, LinearModel.overallPValue(rows(4, 3, 1, x -> x[0], 0.1), all(3)),
        "no degree of freedom left for the error: no test");
  }

  @Test
  void onNoiseTheLinesFTestHasItsLevel() {
    int below = 0;
    for (long seed = 100; seed < 400; seed++) {
      below += LinearModel.overallPValue(rows(40, 4, seed, x -> 0, 1), all(4)) < 0.05 ? 1 : 0;
    }
    // 300 tests at level 0.05: 15 expected, [6, 26] holds with probability 0.995
    assertTrue(below >= 6 && below <= 26, below + " of 300");
  }

  @Test
  void aWeakLineOnFewRowsGetsAModelNotTheMean() {
    // a quarter of the variance explained, 40 rows: the F-test finds the line on some seeds
    // only; on those the cross-validated comparison alone would leave the mean inside its band
    int lines = 0;
    for (long seed = 21; seed <= 60 && lines < 3; seed++) {
      Rows r = rows(40, 4, seed, x -> x[0] + 0.5 * x[1], 1.1);
      double p = LinearModel.overallPValue(r, all(4));
      if (p < ModelSelector.LINE_LEVEL) {
        SearchResult s = select(r, new SearchSettings().seed(seed), 2);
        assertEquals(p, s.linePValue(), 0.0);
        assertTrue(!(s.model() instanceof MeanModel), "seed " + seed + ": " + s.chosen());
        lines++;
      }
    }
    assertEquals(3, lines, "seeds 21..60 with a line significant at 1%");
  }

  @Test
  void aCrossValidatedNetworkIsRefittedFromTheStartsItWasScoredWith() {
    // the search hands over its structure unfitted: a minimum far worse than the fresh starts
    // that cross-validation refits; the returned weights must be at least as good as theirs
    Rows r = rows(150, 1, 3, x -> Math.sin(3 * x[0]), 0.05);
    SparseMlp start = SparseMlpFitter.denseStart(MlpLayout.DEFAULT, 1, 1, new Random(4));
    NetworkSearch unfitted = (rows, listener) -> new NetworkSearch.Outcome(List.of(
        new NetworkSearch.Found("k=1 restart 1", 1, start,
            new swatnn.mlp.FreeParameters(start).size(), start)), List.of());
    SearchResult s = ModelSearch.run(r, all(1), all(1), unfitted,
        new SearchSettings().seed(1), LM, 1, SearchListener.NONE);
    NetworkModel chosen = assertInstanceOf(NetworkModel.class, s.model(), s.candidates().toString());
    NetworkModel scored = (NetworkModel) s.candidates().get(s.chosenIndex()).model();
    double fresh = r.mse(scored.refit(r, LM));
    assertTrue(r.mse(chosen) <= fresh, r.mse(chosen) + " against the fresh refits' " + fresh);
    assertTrue(r.mse(chosen) < r.mse(scored) / 10, "the search's unfitted weights replaced");
    assertEquals(r.mse(chosen), s.chosen().trainMse(), 1e-15);
  }

  @Test
  void theChosenNetworkIsPrunedWithinTheFloorOnlyWhenAsked() {
    // one tanh neuron, noiseless: the stand-in search's dense networks fit it with 7 neurons
    // (the gated local search off: its shrink and regrow moves would prune first)
    Rows r = rows(200, 2, 8, x -> 2 * Math.tanh(1.5 * x[0] - x[1] + 0.2), 0);
    SearchResult kept = select(r, new SearchSettings().seed(1).localSearchGate(0)
        .finalPrune(false), 1);
    SearchResult pruned = select(r, new SearchSettings().seed(1).localSearchGate(0), 1);

    NetworkModel before = assertInstanceOf(NetworkModel.class, kept.model());
    NetworkModel after = assertInstanceOf(NetworkModel.class, pruned.model());
    assertEquals(kept.chosenIndex(), pruned.chosenIndex(), "the choice itself is the same");
    assertTrue(after.nonZeroCount() < before.nonZeroCount(),
        after.nonZeroCount() + " against " + before.nonZeroCount());
    double floor = SearchSettings.DEFAULT_TOLERANCE_FLOOR * r.mse(MeanModel.fit(r));
    assertTrue(r.mse(after) <= r.mse(before) + floor, r.mse(after) + " against " + r.mse(before));
    assertEquals(r.mse(after), pruned.chosen().trainMse(), 1e-15);
    assertTrue(pruned.chosen().name().contains("pruned from " + before.nonZeroCount()
        + " non-zeros"), pruned.chosen().name());
    // the same rows with noise: no near-exact fit, so the network is kept as chosen
    Rows noisy = rows(200, 2, 8, x -> 2 * Math.tanh(1.5 * x[0] - x[1] + 0.2), 0.3);
    SearchResult noisyKept = select(noisy, new SearchSettings().seed(1).finalPrune(false), 1);
    SearchResult noisyPruned = select(noisy, new SearchSettings().seed(1), 1);
    assertEquals(noisyKept.chosen().name(), noisyPruned.chosen().name());
    assertEquals(noisyKept.model().nonZeroCount(), noisyPruned.model().nonZeroCount());
    assertEquals(noisy.mse(noisyKept.model()), noisy.mse(noisyPruned.model()));
  }

  /** Three tanh neurons of one layer on two inputs; {@code neurons} of them active. */
  private static SparseMlp threeTanh(int neurons) {
    SparseMlp.Builder b = SparseMlp.builder(MlpLayout.DEFAULT, 2, 1)
        .neuron(0, 0, swatnn.mlp.Activation.TANH, 0.2).weight(0, 0, 0, 1.5)
        .weight(0, 1, 0, -1.0).outputWeight(0, 2.0)
        .neuron(0, 1, swatnn.mlp.Activation.TANH, -0.4).weight(0, 0, 1, 1.0)
        .weight(0, 1, 1, 2.0).outputWeight(1, 1.0);
    if (neurons == 3) {
      b.neuron(0, 2, swatnn.mlp.Activation.TANH, 0.3).weight(0, 0, 2, -2.0)
          .weight(0, 1, 2, 1.5).outputWeight(2, 1.5);
    }
    return b.outputBias(0.1).build();
  }

  @Test
  void theGateAdmitsUpToTwoNetworksPerConfigurationByValidationOrTrainingMse() {
    NetworkModel net = new NetworkModel(threeTanh(2), new int[] {0, 1}, 7, threeTanh(2));
    double limit = 0.03;
    // name, hidden layers, training MSE, validation MSE
    Candidate mean = new Candidate("mean", 0, new MeanModel(0), 0.01, 0.01);
    Candidate a = new Candidate("k=1 a", 1, net, 0.02, 0.025); // passes by both
    Candidate b = new Candidate("k=1 b", 1, net, 0.01, 0.20); // by training MSE only
    Candidate c = new Candidate("k=1 c", 1, net, 0.02, 0.02); // by both, lowest validation
    Candidate d = new Candidate("k=1 d", 1, net, 0.05, 0.04); // neither
    Candidate e = new Candidate("k=2 e", 2, net, 0.04, 0.05); // neither
    Candidate f = new Candidate("k=3 f", 3, net, 0.03, 0.50); // training MSE at the limit
    Candidate g = new Candidate("k=3 g", 3, net, 0.031, 0.031); // just above both
    List<Candidate> passed = ModelSearch.passingTheGate(List.of(mean, a, b, c, d, e, f, g),
        limit);
    // per configuration in ascending order, the two of lowest validation MSE among those that
    // pass; the mean (not a network) never passes
    assertEquals(List.of("k=1 c", "k=1 a", "k=3 f"),
        passed.stream().map(Candidate::name).toList());
    assertEquals(List.of(), ModelSearch.passingTheGate(List.of(mean, d, e, g), limit));
  }

  @Test
  void aConfigurationThatValidatesNearlyGetsTheLocalSearchAsOneMoreCandidate() {
    SparseMlp generator = threeTanh(3);
    // a search that ends a neuron short, as the k=1 search often does: the generator's first
    // two neurons, fitted
    NetworkSearch short1 = (rows, listener) -> {
      SparseMlp start = threeTanh(2);
      Refitter.Fit fit = LM.refine(start, rows);
      return new NetworkSearch.Outcome(List.of(new NetworkSearch.Found("k=1 restart 1", 1,
          fit.network(), fit.effectiveParameters(), start)), List.of());
    };
    Rows r = rows(200, 2, 5, generator::predict, 0);
    double variance = r.mse(MeanModel.fit(r));
    SearchResult off = ModelSearch.run(r, all(2), all(2), short1,
        new SearchSettings().seed(1).localSearchGate(0), LM, 1, SearchListener.NONE);
    Candidate scored = off.candidates().stream().filter(c -> c.name().equals("k=1 restart 1"))
        .findFirst().orElseThrow();
    assertTrue(scored.validationMse() <= SearchSettings.DEFAULT_LOCAL_SEARCH_GATE * variance
        && scored.validationMse() > 1e-6 * variance,
        "the short network validates near, not at, an exact fit: "
        + scored.validationMse() / variance);
    assertTrue(off.candidates().stream().noneMatch(c -> c.name().endsWith(", local search")));

    SearchResult on = ModelSearch.run(r, all(2), all(2), short1, new SearchSettings().seed(1),
        LM, 1, SearchListener.NONE);
    Candidate grown = on.candidates().stream()
        .filter(c -> c.name().equals("k=1 restart 1, local search")).findFirst().orElseThrow();
    assertTrue(grown.validationMse() < scored.validationMse() / 100,
        grown.validationMse() / variance + " against " + scored.validationMse() / variance
        + ": " + grown.model());
    assertTrue(on.chosen().name().startsWith("k=1 restart 1, local search"), on.chosen().name());
    assertEquals(off.candidates().size() + 1, on.candidates().size());
    assertTrue(r.mse(on.model()) < 1e-6 * variance, "the missing neuron grown back");

    // the same function with noise: nothing validates within the gate, nothing changes
    Rows noisy = rows(200, 2, 5, generator::predict, 0.5);
    SearchResult noisyOff = ModelSearch.run(noisy, all(2), all(2), short1,
        new SearchSettings().seed(1).localSearchGate(0), LM, 1, SearchListener.NONE);
    SearchResult noisyOn = ModelSearch.run(noisy, all(2), all(2), short1,
        new SearchSettings().seed(1), LM, 1, SearchListener.NONE);
    assertEquals(noisyOff.candidates(), noisyOn.candidates());
    assertEquals(noisyOff.chosen().name(), noisyOn.chosen().name());
    assertEquals(noisy.mse(noisyOff.model()), noisy.mse(noisyOn.model()));
    assertEquals(0, new SearchSettings().localSearch(true).gatedLocalSearch(),
        "-local-search has searched every configuration already");
  }

  @Test
  void aboveTheCrossValidationRowsTheChosenNetworkIsPrunedWithinTheSelectionsBand() {
    // one tanh neuron with noise, scored on a hold-out: the dense stand-ins carry neurons the
    // held-out rows do not miss, whatever the fit
    Rows r = rows(400, 2, 9, x -> 2 * Math.tanh(1.5 * x[0] - x[1] + 0.2), 0.3);
    SearchSettings hold = new SearchSettings().seed(1).maxCrossValidationRows(100);
    SearchResult kept = select(r, hold.finalPrune(false), 1);
    SearchResult pruned = select(r, new SearchSettings().seed(1).maxCrossValidationRows(100), 1);

    assertTrue(!pruned.validation().crossValidated(), "a hold-out");
    NetworkModel before = assertInstanceOf(NetworkModel.class, kept.model());
    NetworkModel after = assertInstanceOf(NetworkModel.class, pruned.model());
    assertEquals(kept.chosenIndex(), pruned.chosenIndex(), "the choice itself is the same");
    assertTrue(after.nonZeroCount() < before.nonZeroCount(),
        after.nonZeroCount() + " against " + before.nonZeroCount());
    assertTrue(pruned.chosen().name().contains("pruned from " + before.nonZeroCount()
        + " non-zeros"), pruned.chosen().name());
    double best = pruned.candidates().stream().mapToDouble(Candidate::validationMse).min()
        .orElseThrow();
    double limit = ModelSelector.limit(best, hold.tolerance(), hold.toleranceFloor(),
        pruned.classVariance());
    assertTrue(pruned.chosen().validationMse() <= limit,
        pruned.chosen().validationMse() + " against the band's " + limit);
    assertEquals(r.mse(after), pruned.chosen().trainMse(), 1e-15, "refitted on all rows");
  }

  @Test
  void aNetworkWithoutActiveNeuronsIsNotACandidate() {
    // a constant is the mean under another name; the table would call the mean a network
    Rows r = rows(40, 2, 5, x -> 0, 1);
    SparseMlp dense = SparseMlpFitter.denseStart(MlpLayout.DEFAULT, 2, 1, new Random(2));
    SparseMlp.Builder b = dense.toBuilder();
    for (int j = 0; j < MlpLayout.DEFAULT.maxNeurons(); j++) {
      b.outputWeight(j, 0);
    }
    SparseMlp constant = b.outputBias(0.25).build();
    assertEquals(1, new NetworkModel(constant, all(2), 1, constant).nonZeroCount());
    NetworkSearch constants = (rows, listener) -> new NetworkSearch.Outcome(List.of(
        new NetworkSearch.Found("k=1 restart 1", 1, constant, 1, constant)), List.of());
    SearchResult s = ModelSearch.run(r, all(2), all(2), constants,
        new SearchSettings().seed(1), LM, 1, SearchListener.NONE);
    assertTrue(s.candidates().stream().noneMatch(c -> c.model() instanceof NetworkModel),
        s.candidates().toString());
    assertInstanceOf(MeanModel.class, s.model());
  }

  @Test
  void foldsPartitionTheRowsTheSameWayForASeed() {
    int[][] f = RowSplit.folds(23, 5, 7);
    int[] seen = new int[23];
    for (int[] fold : f) {
      assertTrue(fold.length == 4 || fold.length == 5, Arrays.toString(fold));
      for (int i : fold) {
        seen[i]++;
      }
      int[] rest = RowSplit.complement(23, fold);
      assertEquals(23 - fold.length, rest.length);
    }
    assertTrue(Arrays.stream(seen).allMatch(v -> v == 1), "every row in one fold");
    assertArrayEquals(f[2], RowSplit.folds(23, 5, 7)[2]);
    assertTrue(!Arrays.equals(f[2], RowSplit.folds(23, 5, 8)[2]), "another seed, other folds");
  }

  @Test
  void theLinearPathRecoversANoiselessLineAndDropsTheIrrelevantInputFirst() {
    Rows r = rows(40, 3, 1, x -> 0.3 + 0.8 * x[0] - 0.5 * x[2] + 0.001 * x[1], 0);
    List<LinearModel> path = LinearModel.path(r, new int[] {0, 1, 2}, false);
    assertEquals(3, path.size());
    assertArrayEquals(new double[] {0.8, 0.001, -0.5}, path.get(0).coefficients(), 1e-9);
    assertEquals(0.3, path.get(0).intercept(), 1e-9);
    assertArrayEquals(new int[] {0, 2}, path.get(1).inputs(), "x2 (index 1) goes first");
    assertArrayEquals(new int[] {0}, path.get(2).inputs());
    List<LinearModel> bayes = LinearModel.path(r, new int[] {0, 1, 2}, true);
    assertArrayEquals(new double[] {0.8, 0.001, -0.5}, bayes.get(0).coefficients(), 1e-4);
  }

  @Test
  void aRowOfWeightTwoCountsAsTwoRows() {
    Rows r = rows(12, 2, 3, x -> x[0] - x[1], 0.2);
    double[][] x2 = Arrays.copyOf(r.x(), 13);
    double[] y2 = Arrays.copyOf(r.y(), 13);
    x2[12] = r.x()[4];
    y2[12] = r.y()[4];
    double[] w = new double[12];
    Arrays.fill(w, 1);
    w[4] = 2;
    Rows twice = new Rows(x2, y2, null);
    Rows weighted = new Rows(r.x(), r.y(), w);
    assertEquals(twice.meanLabel(), weighted.meanLabel(), 1e-15);
    for (boolean bayes : new boolean[] {false, true}) {
      LinearModel a = LinearModel.fit(twice, new int[] {0, 1}, bayes);
      LinearModel b = LinearModel.fit(weighted, new int[] {0, 1}, bayes);
      assertArrayEquals(a.coefficients(), b.coefficients(), 1e-12);
      assertEquals(a.intercept(), b.intercept(), 1e-12);
      assertEquals(twice.mse(a), weighted.mse(b), 1e-12);
    }
  }

  @Test
  void onPureNoiseTheMeanIsChosen() {
    // On seed 3 an input happens to correlate with the noise (its least-squares slope is 2.7
    // standard errors from 0, where any regression would use it): at most one of 8 may differ.
    int means = 0;
    List<String> others = new ArrayList<>();
    for (long seed = 1; seed <= 8; seed++) {
      Rows noise = rows(60, 3, seed, x -> 0, 0.5);
      SearchResult r = select(noise, new SearchSettings().seed(seed), 2);
      assertTrue(r.validation().crossValidated());
      if (r.model() instanceof MeanModel m) {
        assertEquals(noise.meanLabel(), m.mean(), 1e-15);
        means++;
      } else {
        others.add("seed " + seed + ": " + r.chosen());
        assertInstanceOf(LinearModel.class, r.model(), "never a network on noise: seed " + seed
            + " " + r.candidates());
      }
    }
    assertTrue(means >= 7, others.toString());
  }

  @Test
  void aNoisyLineGetsALinearModelAndACurveANetwork() {
    Rows line = rows(50, 2, 4, x -> 0.7 * x[0], 0.2);
    SearchResult lr = select(line, new SearchSettings(), 2);
    assertInstanceOf(LinearModel.class, lr.model(), lr.chosen().toString());
    Rows curve = rows(120, 1, 5, x -> Math.sin(3 * x[0]), 0.05);
    SearchResult nr = select(curve, new SearchSettings(), 2);
    assertInstanceOf(NetworkModel.class, nr.model(), nr.chosen().toString());
  }

  @Test
  void theSelectionIsTheSameForEveryThreadCountAndDeterministicPerSeed() {
    Rows r = rows(80, 2, 6, x -> x[0] * x[1] + 0.3 * x[0], 0.1);
    SearchResult one = select(r, new SearchSettings().seed(3), 1);
    for (int threads : new int[] {2, 3}) {
      SearchResult other = select(r, new SearchSettings().seed(3), threads);
      assertEquals(one.chosenIndex(), other.chosenIndex());
      assertEquals(one.model(), other.model());
      for (int i = 0; i < one.candidates().size(); i++) {
        assertEquals(one.candidates().get(i).validationMse(),
            other.candidates().get(i).validationMse(), 0.0, "candidate " + i);
      }
    }
    SearchResult seed4 = select(r, new SearchSettings().seed(4), 2);
    assertTrue(seed4.candidates().get(0).validationMse()
        != one.candidates().get(0).validationMse(), "another seed, other folds");
  }

  @Test
  void aHoldOutRefitsTheChosenModelOnAllRows() {
    Rows r = rows(60, 2, 8, x -> 0.5 * x[0] - 0.2 * x[1], 0.1);
    SearchResult held = select(r, new SearchSettings().folds(0), 1);
    assertEquals(12, held.validation().heldOutRows());
    assertInstanceOf(LinearModel.class, held.model());
    LinearModel onAll = LinearModel.fit(r, ((LinearModel) held.model()).inputs(), false);
    assertArrayEquals(onAll.coefficients(), ((LinearModel) held.model()).coefficients(), 1e-12);
    SearchResult big = select(r, new SearchSettings().maxCrossValidationRows(59), 1);
    assertTrue(!big.validation().crossValidated(), "above the row limit: a hold-out");
  }

  @Test
  void aPathOfManyInputsStartsFromTheHundredMostCorrelated() {
    Rows r = rows(300, 150, 9, x -> x[7] - 0.5 * x[120], 0.05);
    List<LinearModel> path = LinearModel.path(r, all(150), false);
    assertEquals(LinearModel.MAX_INPUTS, path.get(0).inputs().length);
    int[] two = path.stream().filter(m -> m.inputs().length == 2).findFirst().orElseThrow()
        .inputs();
    assertArrayEquals(new int[] {7, 120}, two, "the relevant inputs stay to the end");
  }
}
