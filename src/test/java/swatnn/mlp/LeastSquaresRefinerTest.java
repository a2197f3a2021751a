package swatnn.mlp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;

/** The free-parameter Jacobian and Levenberg-Marquardt refinement. */
class LeastSquaresRefinerTest {
  private static final MlpLayout LAYOUT = MlpLayout.DEFAULT;

  /** A random sparse network of k hidden layers, every activation kind present. */
  private static SparseMlp network(long seed, int nIn, int k) {
    return new RandomMlpSampler(LAYOUT, nIn, nIn).draw(new Random(seed), k, nIn).mlp().pruned();
  }

  private static double[][] points(Random r, int n, int nIn) {
    double[][] x = new double[n][nIn];
    for (double[] row : x) {
      for (int a = 0; a < nIn; a++) {
        row[a] = 2 * r.nextDouble() - 1;
      }
    }
    return x;
  }

  @Test
  void jacobianMatchesFiniteDifferences() {
    for (long seed = 1; seed <= 6; seed++) {
      int k = 1 + (int) (seed % 4);
      SparseMlp net = network(seed, 3, k);
      FreeParameters free = new FreeParameters(net);
      double[][] x = points(new Random(seed), 20, 3);
      double[] scale = new double[x.length];
      java.util.Arrays.fill(scale, 1.5);
      double[] p = free.values();
      double[] f = new double[x.length];
      double[][] jac = new double[x.length][free.size()];
      free.evaluate(p, x, scale, f, jac);
      double[] y = net.predict(x);
      for (int r = 0; r < x.length; r++) {
        assertEquals(1.5 * y[r], f[r], 1e-12, "outputs are the network's, scaled");
      }
      double[] fp = new double[x.length];
      double[] fm = new double[x.length];
      for (int q = 0; q < free.size(); q++) {
        double h = 1e-6;
        double[] plus = p.clone();
        double[] minus = p.clone();
        plus[q] += h;
        minus[q] -= h;
        free.evaluate(plus, x, scale, fp, null);
        free.evaluate(minus, x, scale, fm, null);
        for (int r = 0; r < x.length; r++) {
          double numeric = (fp[r] - fm[r]) / (2 * h);
          assertEquals(numeric, jac[r][q], 1e-6 * (1 + Math.abs(numeric)),
              "seed " + seed + ", parameter " + q + ", row " + r);
        }
      }
    }
  }

  @Test
  void weightedMseGradientMatchesFiniteDifferencesInEveryScope() {
    for (FreeParameters.Scope scope : FreeParameters.Scope.values()) {
      for (long seed = 1; seed <= 4; seed++) {
        SparseMlp net = network(seed, 2, 1 + (int) (seed % 4));
        FreeParameters free = new FreeParameters(net, scope);
        Random r = new Random(seed);
        double[][] x = points(r, 30, 2);
        double[] y = new double[x.length];
        double[] w = new double[x.length];
        for (int i = 0; i < y.length; i++) {
          y[i] = r.nextGaussian();
          w[i] = i % 5 == 0 ? 0 : r.nextDouble() * 3;
        }
        double[] p = free.values();
        double[] grad = new double[p.length];
        double mse = free.gradient(p, x, y, w, grad);
        assertEquals(net.meanSquaredError(x, y, w), mse, 1e-12);
        double[] ignored = new double[p.length];
        for (int q = 0; q < p.length; q++) {
          double h = 1e-6;
          double[] plus = p.clone();
          double[] minus = p.clone();
          plus[q] += h;
          minus[q] -= h;
          double numeric = (free.gradient(plus, x, y, w, ignored)
              - free.gradient(minus, x, y, w, ignored)) / (2 * h);
          assertEquals(numeric, grad[q], 1e-6 * (1 + Math.abs(numeric)),
              scope + ", seed " + seed + ", parameter " + q);
        }
      }
    }
  }

  @Test
  void scopesFreeWhatTheyName() {
    SparseMlp net = network(3, 2, 2).toBuilder().bias(0, firstActive(network(3, 2, 2)), 0.0)
        .build();
    int live = new FreeParameters(net, FreeParameters.Scope.LIVE).weightCount();
    assertTrue(live > net.nonZeroWeights(), "LIVE frees the zero weights of live connections");
    assertEquals(net.nonZeroWeights(),
        new FreeParameters(net, FreeParameters.Scope.NON_ZERO).weightCount());
    assertEquals(new FreeParameters(net).size() - 1,
        new FreeParameters(net, FreeParameters.Scope.NON_ZERO).size(),
        "NON_ZERO keeps the zero bias fixed");
  }

  private static int firstActive(SparseMlp net) {
    for (int j = 0; ; j++) {
      if (net.isActive(0, j)) {
        return j;
      }
    }
  }

  @Test
  void theParameterVectorRoundTrips() {
    SparseMlp net = network(3, 2, 2);
    FreeParameters free = new FreeParameters(net);
    assertEquals(net.pruned(), free.toMlp(free.values(), null));
    assertEquals(net.nonZeroWeights(), free.weightCount());
    assertEquals(free.weightCount() + net.activeNeuronCount() + 1, free.size());
  }

  @Test
  void recoversTheNetworkThatGeneratedTheData() {
    int exact = 0;
    for (long seed = 1; seed <= 4; seed++) {
      SparseMlp target = network(seed, 2, 2);
      Random r = new Random(100 + seed);
      double[][] x = points(r, 400, 2);
      double[] y = target.predict(x);
      FreeParameters free = new FreeParameters(target);
      double[] truth = free.values();
      double[] start = truth.clone();
      for (int q = 0; q < start.length; q++) {
        start[q] += 0.05 * r.nextGaussian() * (1 + Math.abs(start[q]));
      }
      SparseMlp perturbed = free.toMlp(start, null);
      double before = perturbed.meanSquaredError(x, y);
      SparseMlp refined = new LeastSquaresRefiner(500, 1e-12).refine(perturbed, x, y, null);
      double after = refined.meanSquaredError(x, y);
      assertTrue(before > 1e-4, "the perturbation is visible: " + before);
      // an ill-conditioned network (saturated sigmoids) converges slowly but far
      assertTrue(after < 1e-6 * before, "seed " + seed + ": MSE " + before + " -> " + after);
      if (after < 1e-20) {
        exact++;
      }
    }
    assertTrue(exact >= 3, "the generating weights recovered to rounding on " + exact + " of 4");
  }

  @Test
  void neverWorseThanTheStartAndWeightsAreWeightedMeans() {
    SparseMlp net = network(5, 2, 3);
    Random r = new Random(9);
    double[][] x = points(r, 200, 2);
    double[] y = new double[x.length];
    for (int i = 0; i < y.length; i++) {
      y[i] = Math.sin(3 * x[i][0]) * x[i][1];
    }
    SparseMlp once = new LeastSquaresRefiner(1, 1e-8).refine(net, x, y, null);
    assertTrue(once.meanSquaredError(x, y) <= net.meanSquaredError(x, y));
    // a row of weight 2 is the same problem as that row twice
    double[][] twiceX = new double[x.length + 1][];
    double[] twiceY = new double[y.length + 1];
    System.arraycopy(x, 0, twiceX, 0, x.length);
    System.arraycopy(y, 0, twiceY, 0, y.length);
    twiceX[x.length] = x[0];
    twiceY[y.length] = y[0];
    double[] w = new double[x.length];
    java.util.Arrays.fill(w, 1);
    w[0] = 2;
    LeastSquaresRefiner lm = new LeastSquaresRefiner(30, 1e-10);
    SparseMlp weighted = lm.refine(net, x, y, w);
    SparseMlp duplicated = lm.refine(net, twiceX, twiceY, null);
    assertEquals(duplicated.meanSquaredError(x, y), weighted.meanSquaredError(x, y), 1e-9);
  }

  @Test
  void pruningRemovesWeightsTheDataDoesNotNeedAndStaysWithinTolerance() {
    SparseMlp target = network(2, 2, 1);
    Random r = new Random(21);
    double[][] x = points(r, 300, 2);
    double[] y = target.predict(x);
    double[][] vx = points(r, 100, 2);
    double[] vy = target.predict(vx);
    // the generating network plus small weights on every absent input connection
    SparseMlp.Builder b = target.toBuilder();
    int added = 0;
    for (int i = 0; i < 2; i++) {
      for (int j = 0; j < LAYOUT.maxNeurons(); j++) {
        if (target.isActive(0, j) && target.weight(0, i, j) == 0) {
          b.weight(0, i, j, 1e-3 * (1 + r.nextDouble()));
          added++;
        }
      }
    }
    assertTrue(added > 0, "the test network has absent input connections to pad");
    SparseMlp padded = b.build();
    LeastSquaresRefiner lm = new LeastSquaresRefiner(200, 1e-10);
    SparseMlp refined = lm.refine(padded, x, y, null);
    SparseMlp pruned = new NetworkPruner(lm, 0.05).prune(refined, x, y, null, vx, vy, null);
    double limit = refined.meanSquaredError(vx, vy) * 1.05;
    assertTrue(pruned.meanSquaredError(vx, vy) <= limit);
    assertTrue(pruned.nonZeroWeights() < refined.nonZeroWeights(),
        pruned.nonZeroWeights() + " of " + refined.nonZeroWeights() + ", " + added + " added");
  }

  @Test
  void prunesWithinAGivenLimitOnTheRowsAndNotBeyondIt() {
    Random r = new Random(12);
    SparseMlp target = network(12, 2, 1);
    double[][] x = points(r, 200, 2);
    double[] y = target.predict(x);
    SparseMlp.Builder b = target.toBuilder();
    for (int i = 0; i < 2; i++) {
      for (int j = 0; j < LAYOUT.maxNeurons(); j++) {
        if (target.isActive(0, j) && target.weight(0, i, j) == 0) {
          b.weight(0, i, j, 1e-3 * (1 + r.nextDouble()));
        }
      }
    }
    LeastSquaresRefiner lm = new LeastSquaresRefiner(200, 1e-10);
    SparseMlp refined = lm.refine(b.build(), x, y, null);
    double mean = java.util.Arrays.stream(y).average().orElse(0);
    double variance = java.util.Arrays.stream(y).map(v -> (v - mean) * (v - mean)).average()
        .orElse(0);
    double limit = refined.meanSquaredError(x, y) + 1e-5 * variance;

    SparseMlp pruned = new NetworkPruner(lm, 0).prune(refined, x, y, null, limit);

    assertTrue(pruned.meanSquaredError(x, y) <= limit);
    assertTrue(pruned.nonZeroWeights() <= target.nonZeroWeights(),
        pruned.nonZeroWeights() + " weights, the generator has " + target.nonZeroWeights());
    // a limit no fit can meet: the network comes back as it was
    assertEquals(refined.pruned(), new NetworkPruner(lm, 0).prune(refined, x, y, null, -1));
  }

  @Test
  void passesOverANeededSmallWeightToRemoveALargerRedundantOne() {
    // y = 20 tanh(0.05 x1) + 0.5 tanh(x2) + 0.5 tanh(x2): the smallest weight (0.05) carries
    // all of x1, while either of the two equal neurons' output weights (0.5) can go, the
    // other's refit to 1 making up for it
    SparseMlp net = SparseMlp.builder(LAYOUT, 2, 1)
        .neuron(0, 0, Activation.TANH, 0.0)
        .neuron(0, 1, Activation.TANH, 0.0)
        .neuron(0, 2, Activation.TANH, 0.0)
        .weight(0, 0, 0, 0.05).weight(0, 1, 1, 1.0).weight(0, 1, 2, 1.0)
        .outputWeight(0, 20.0).outputWeight(1, 0.5).outputWeight(2, 0.5)
        .outputBias(0.0)
        .build();
    Random r = new Random(5);
    double[][] x = points(r, 200, 2);
    double[] y = net.predict(x);
    LeastSquaresRefiner lm = new LeastSquaresRefiner(200, 1e-10);
    double limit = 1e-12;

    SparseMlp pruned = new NetworkPruner(lm, 0).prune(net, x, y, null, limit);

    assertTrue(pruned.meanSquaredError(x, y) <= limit);
    assertEquals(net.nonZeroWeights() - 2, pruned.nonZeroWeights(),
        "one of the two equal neurons goes, its input and output weights with it");
    assertEquals(0.05, Math.abs(pruned.weight(0, 0, 0)), 1e-6, "the small weight stays");
  }
}
