package swatnn.mlp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.IntRange;

/**
 * {@link LocalStructureSearch#pruneOnHeldOut} on random networks, labels and limits: it only
 * removes (every non-zero weight and active neuron of its result is one of the start's, unless
 * a run of one-neuron layers was collapsed, which leaves fewer layers and non-zeros), its
 * result is within the limit on the held-out rows or is the start itself, and the same seed
 * gives the same network.
 */
class PruneOnHeldOutPropertyTest {
  private static final LeastSquaresRefiner LM = new LeastSquaresRefiner(30, 1e-10);

  @Property(tries = 25)
  void onlyRemovesAndStaysWithinTheLimit(@ForAll long seed, @ForAll @IntRange(min = 1, max = 3)
      int inputs, @ForAll @IntRange(min = 1, max = 2) int layers,
      @ForAll @DoubleRange(min = 0.0, max = 0.5) double noise,
      @ForAll @DoubleRange(min = 0.8, max = 1.3) double limitFactor) {
    Random r = new Random(seed);
    SparseMlp target = SparseMlpFitter.denseStart(MlpLayout.DEFAULT, inputs, 1, r);
    double[][] x = new double[120][inputs];
    double[] y = new double[x.length];
    for (int i = 0; i < x.length; i++) {
      for (int j = 0; j < inputs; j++) {
        x[i][j] = 2 * r.nextDouble() - 1;
      }
      y[i] = target.predict(x[i]) + noise * r.nextGaussian();
    }
    double[][] fitX = java.util.Arrays.copyOfRange(x, 0, 80);
    double[] fitY = java.util.Arrays.copyOfRange(y, 0, 80);
    double[][] heldX = java.util.Arrays.copyOfRange(x, 80, 120);
    double[] heldY = java.util.Arrays.copyOfRange(y, 80, 120);
    SparseMlp start = LM.refine(SparseMlpFitter.denseStart(MlpLayout.DEFAULT, inputs, layers, r),
        fitX, fitY, null).withoutDeadEnds();
    double limit = start.meanSquaredError(heldX, heldY) * limitFactor;
    LocalStructureSearch search = new LocalStructureSearch(LM, 0, 0, 50);

    SparseMlp found = search.pruneOnHeldOut(start, fitX, fitY, null, heldX, heldY, null, limit,
        seed);

    assertTrue(found.nonZeroCount() <= start.nonZeroCount(), found + "\nfrom\n" + start);
    if (found.hiddenLayers() < layers) { // a layer shrunk to one neuron, then collapsed
      assertTrue(found.nonZeroCount() < start.nonZeroCount());
      assertTrue(found.meanSquaredError(heldX, heldY) <= limit);
      return;
    }
    for (int t = 0; t <= layers; t++) {
      int from = t == 0 ? inputs : MlpLayout.DEFAULT.maxNeurons();
      int to = t == layers ? 1 : MlpLayout.DEFAULT.maxNeurons();
      for (int i = 0; i < from; i++) {
        for (int j = 0; j < to; j++) {
          assertTrue(found.weight(t, i, j) == 0 || start.weight(t, i, j) != 0,
              "weight " + t + "," + i + "," + j + " added\n" + found + "\nfrom\n" + start);
        }
      }
    }
    for (int l = 0; l < layers; l++) {
      for (int j = 0; j < MlpLayout.DEFAULT.maxNeurons(); j++) {
        assertTrue(!found.isActive(l, j) || start.isActive(l, j), "neuron " + l + "," + j);
      }
    }
    boolean unchanged = found.equals(start);
    assertTrue(unchanged || found.meanSquaredError(heldX, heldY) <= limit,
        found.meanSquaredError(heldX, heldY) + " above " + limit);
    if (limitFactor < 1) {
      assertTrue(unchanged, "a start above the limit is returned as it is");
    }
    assertEquals(found, search.pruneOnHeldOut(start, fitX, fitY, null, heldX, heldY, null, limit,
        seed), "the same seed, the same network");
  }
}
