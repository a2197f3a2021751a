package swatnn.mlp;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Runs of one-neuron hidden layers replaced by the affine map they are. */
class LayerCollapseTest {
  private static final LeastSquaresRefiner LM = new LeastSquaresRefiner(200, 1e-10);

  /** Two inputs, a hidden layer of a tanh and a sigmoid neuron: 9 non-zeros. */
  private static SparseMlp.Builder firstLayer(int k) {
    return SparseMlp.builder(MlpLayout.DEFAULT, 2, k)
        .neuron(0, 0, Activation.TANH, 0.2).weight(0, 0, 0, 1.5).weight(0, 1, 0, -1.0)
        .neuron(0, 3, Activation.SIGMOID, 0.5).weight(0, 0, 3, -2.0).weight(0, 1, 3, 2.5);
  }

  private static SparseMlp generator() {
    return firstLayer(1).outputWeight(0, 1.0).outputWeight(3, 1.5).outputBias(0.1).build();
  }

  /**
   * The generator followed by two leaky neurons in a row, the second fed by -2 times the first:
   * leaky(-2 leaky(v)) = -2 alpha v for every v, so the run is linear though each neuron is not.
   */
  private static SparseMlp withLeakyRun() {
    return firstLayer(3)
        .neuron(1, 2, Activation.LEAKY_RELU, -0.9).weight(1, 0, 2, 1.0).weight(1, 3, 2, 1.5)
        .neuron(2, 5, Activation.LEAKY_RELU, 0.0).weight(2, 2, 5, -2.0)
        .outputWeight(5, 3.0).outputBias(-0.4).build();
  }

  private static double[][] inputs(int n, long seed) {
    return TestNetworks.twoInputs(n, seed);
  }

  @Test
  void aLinearRunOfLeakyNeuronsIsRemovedWithoutChangingTheFunction() {
    SparseMlp net = withLeakyRun();
    double[][] x = inputs(200, 1);
    assertEquals(List.of(List.of(1, 2), List.of(1, 1), List.of(2, 2)),
        LayerCollapse.runs(net).stream().map(r -> List.of(r[0], r[1])).toList());

    SparseMlp collapsed = LayerCollapse.collapse(net, 1, 2, x, null);

    assertEquals(1, collapsed.hiddenLayers());
    assertEquals(generator().nonZeroCount(), collapsed.nonZeroCount(), collapsed.toString());
    assertTrue(collapsed.nonZeroCount() < net.nonZeroCount());
    double[] before = net.predict(x);
    double[] after = collapsed.predict(x);
    for (int r = 0; r < x.length; r++) {
      assertEquals(before[r], after[r], 1e-12 * (1 + Math.abs(before[r])), "row " + r);
    }
    // either neuron alone is not affine in its input here: removing one leaves a fit to refine
    SparseMlp last = LayerCollapse.collapse(net, 2, 2, x, null);
    assertEquals(2, last.hiddenLayers());
    assertTrue(last.meanSquaredError(x, before) > 1e-6, "the single leaky neuron is not affine");
  }

  @Test
  void aSigmoidInItsLinearRangeBecomesTheLayerItFollows() {
    // a bottleneck sigmoid whose pre-activation stays within +-0.1: sigmoid(z) ~ 1/2 + z/4
    SparseMlp net = firstLayer(2)
        .neuron(1, 4, Activation.SIGMOID, 0.01).weight(1, 0, 4, 0.02).weight(1, 3, 4, 0.03)
        .outputWeight(4, 40.0).outputBias(-20.0).build();
    double[][] x = inputs(300, 2);
    double[] y = net.predict(x);

    SparseMlp collapsed = LayerCollapse.collapse(net, 1, 1, x, null);

    assertEquals(1, collapsed.hiddenLayers());
    assertEquals(net.nonZeroCount() - 2, collapsed.nonZeroCount(), collapsed.toString());
    double variance = java.util.Arrays.stream(y).map(v -> v * v).average().orElse(0);
    assertTrue(collapsed.meanSquaredError(x, y) < 1e-6 * variance,
        "the affine map's error " + collapsed.meanSquaredError(x, y));
    assertTrue(LM.refine(collapsed, x, y, null).meanSquaredError(x, y)
        <= collapsed.meanSquaredError(x, y));
  }

  @Test
  void theFinalPruningFindsTheOneLayerGeneratorBehindTheRun() {
    SparseMlp generator = generator();
    double[][] x = inputs(300, 3);
    double[] y = generator.predict(x);
    double m = java.util.Arrays.stream(y).average().orElse(0);
    double variance = java.util.Arrays.stream(y).map(v -> (v - m) * (v - m)).average().orElse(0);
    // the same function with the leaky run, fitted: 3 hidden layers, 13 non-zeros
    SparseMlp start = LM.refine(withLeakyRun(), x, withLeakyRun().predict(x), null);

    SparseMlp found = new LocalStructureSearch(LM, 0, 1e-5 * variance, 500)
        .pruneOnly(start, x, withLeakyRun().predict(x), null, 3);

    assertEquals(1, found.hiddenLayers(), found.toString());
    assertEquals(generator.nonZeroCount(), found.nonZeroCount(), found.toString());
    assertTrue(found.meanSquaredError(x, withLeakyRun().predict(x)) < 1e-12 * variance);
    assertArrayEquals(new int[] {2}, new int[] {found.activeNeurons(0)});
  }

  @Test
  void onHeldOutRowsACollapseMustAlsoKeepTheTrainingFitWithinTheFloor() {
    // a tanh bottleneck whose pre-activation spans about +-1.5: not affine, though on noisy
    // rows the held-out band (5% of an MSE that is mostly noise) cannot tell
    SparseMlp net = firstLayer(2)
        .neuron(1, 4, Activation.TANH, -0.3).weight(1, 0, 4, 1.2).weight(1, 3, 4, 0.8)
        .outputWeight(4, 2.0).outputBias(0.1).build();
    Random noise = new Random(5);
    double[][] x = inputs(400, 5);
    double[][] heldX = inputs(400, 6);
    double[] clean = net.predict(x);
    double m = java.util.Arrays.stream(clean).average().orElse(0);
    double variance = java.util.Arrays.stream(clean).map(v -> (v - m) * (v - m)).average()
        .orElse(0);
    double sd = Math.sqrt(variance);
    double[] y = clean.clone();
    for (int r = 0; r < y.length; r++) {
      y[r] += 0.3 * sd * noise.nextGaussian();
    }
    double[] heldY = net.predict(heldX);
    for (int r = 0; r < heldY.length; r++) {
      heldY[r] += 0.3 * sd * noise.nextGaussian();
    }
    SparseMlp fitted = LM.refine(net, x, y, null);
    double limit = fitted.meanSquaredError(heldX, heldY) * 1.05 + 1e-5 * variance;
    SparseMlp linear = LayerCollapse.collapse(fitted, 1, 1, x, null);
    assertTrue(LM.refine(linear, x, y, null).meanSquaredError(heldX, heldY) <= limit,
        "the band alone would take the collapse");

    SparseMlp withFloor = new LocalStructureSearch(LM, 0, 1e-5 * variance, 500)
        .pruneOnHeldOut(fitted, x, y, null, heldX, heldY, null, limit, 7);
    SparseMlp withoutGate = new LocalStructureSearch(LM, 0, variance, 500)
        .pruneOnHeldOut(fitted, x, y, null, heldX, heldY, null, limit, 7);

    assertEquals(2, withFloor.hiddenLayers(), withFloor.toString());
    assertEquals(1, withoutGate.hiddenLayers(), withoutGate.toString());
  }

  @Test
  void refusesARunThatIsNotOneNeuronLayersOrLeavesNoLayer() {
    SparseMlp net = withLeakyRun();
    double[][] x = inputs(10, 4);
    assertThrows(IllegalArgumentException.class, () -> LayerCollapse.collapse(net, 0, 0, x, null));
    assertThrows(IllegalArgumentException.class, () -> LayerCollapse.collapse(net, 0, 2, x, null));
    SparseMlp single = SparseMlp.builder(MlpLayout.DEFAULT, 2, 1)
        .neuron(0, 0, Activation.TANH, 0.0).weight(0, 0, 0, 1.0).outputWeight(0, 1.0).build();
    assertTrue(LayerCollapse.runs(single).isEmpty());
  }
}
