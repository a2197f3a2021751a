package swatnn.mlp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The local structure search's moves on data whose generating network is known: each test
 * starts one move away from the generator and checks that the search gets there.
 */
class LocalStructureSearchTest {
  private static final LeastSquaresRefiner LM = new LeastSquaresRefiner(200, 1e-10);
  /** The selection's default floor, a fraction of the labels' variance. */
  private static final double FLOOR = 1e-5;

  /** The search as the latent search sets it up: 5% tolerance, the floor on these labels. */
  private static LocalStructureSearch local(double[] y, int maxRows) {
    return new LocalStructureSearch(LM, 0.05, FLOOR * variance(y), maxRows);
  }

  /** One hidden layer on 2 inputs: the given neurons (activation, w0, w1, bias, output w). */
  private static SparseMlp oneLayer(Object[]... neurons) {
    SparseMlp.Builder b = SparseMlp.builder(MlpLayout.DEFAULT, 2, 1).outputBias(0.1);
    for (int j = 0; j < neurons.length; j++) {
      Object[] n = neurons[j];
      b.neuron(0, j, (Activation) n[0], (double) n[3])
          .weight(0, 0, j, (double) n[1]).weight(0, 1, j, (double) n[2])
          .outputWeight(j, (double) n[4]);
    }
    return b.build();
  }

  /** The search with no relative tolerance, only the floor: the final pruning's setting. */
  private static LocalStructureSearch exact(double[] y) {
    return new LocalStructureSearch(LM, 0, FLOOR * variance(y), 500);
  }

  /**
   * The tanh generator plus a second neuron whose output weight is tiny, refined on the rows:
   * the same function within any tolerance, with 4 more non-zeros.
   */
  private static SparseMlp withFaintNeuron(double[][] x, double[] y) {
    Object[] faint = SIGMOID.clone();
    faint[4] = 1e-6;
    return LM.refine(oneLayer(TANH, faint), x, y, null);
  }

  private static double[][] inputs(int n, long seed) {
    return TestNetworks.twoInputs(n, seed);
  }

  private static double variance(double[] y) {
    double m = java.util.Arrays.stream(y).average().orElse(0);
    return java.util.Arrays.stream(y).map(v -> (v - m) * (v - m)).average().orElse(0);
  }

  private static final Object[] TANH = {Activation.TANH, 1.5, -1.0, 0.2, 1.0};
  private static final Object[] SIGMOID = {Activation.SIGMOID, -2.0, 2.5, 0.5, 1.5};

  @Test
  void growsTheNeuronTheStartLacks() {
    SparseMlp generator = oneLayer(TANH, SIGMOID);
    double[][] x = inputs(300, 1);
    double[] y = generator.predict(x);
    SparseMlp start = LM.refine(oneLayer(TANH), x, y, null);
    assertTrue(start.meanSquaredError(x, y) > 1e-3 * variance(y), "the start must miss");

    SparseMlp found = local(y, 500).improve(start, x, y, null, 1);

    assertEquals(2, found.activeNeuronCount(), found.toString());
    assertTrue(found.meanSquaredError(x, y) < 1e-8 * variance(y),
        "MSE " + found.meanSquaredError(x, y));
    assertTrue(found.nonZeroCount() <= generator.nonZeroCount(), found.toString());
  }

  @Test
  void swapsAWrongActivation() {
    SparseMlp generator = oneLayer(TANH);
    double[][] x = inputs(300, 2);
    double[] y = generator.predict(x);
    Object[] wrong = TANH.clone();
    wrong[0] = Activation.LEAKY_RELU;
    SparseMlp start = LM.refine(oneLayer(wrong), x, y, null);
    assertTrue(start.meanSquaredError(x, y) > 1e-4 * variance(y), "the start must miss");

    SparseMlp found = local(y, 500).improve(start, x, y, null, 2);

    assertTrue(found.meanSquaredError(x, y) < 1e-8 * variance(y),
        "MSE " + found.meanSquaredError(x, y) + "\n" + found);
    assertTrue(found.nonZeroCount() <= generator.nonZeroCount(), found.toString());
  }

  @Test
  void removesANeuronThatDoesNotMatter() {
    SparseMlp generator = oneLayer(TANH);
    double[][] x = inputs(300, 3);
    double[] y = generator.predict(x);
    SparseMlp start = withFaintNeuron(x, y);

    SparseMlp found = local(y, 500).improve(start, x, y, null, 3);

    assertEquals(1, found.activeNeuronCount(), found.toString());
    assertTrue(found.nonZeroCount() <= generator.nonZeroCount(), found.toString());
    assertTrue(found.meanSquaredError(x, y)
        <= start.meanSquaredError(x, y) * 1.05 + FLOOR * variance(y));
  }

  @Test
  void pruneOnlyRemovesTheNeuronButMakesNoOtherMove() {
    SparseMlp generator = oneLayer(TANH);
    double[][] x = inputs(300, 3);
    double[] y = generator.predict(x);
    SparseMlp start = withFaintNeuron(x, y);

    SparseMlp found = exact(y).pruneOnly(start, x, y, null, 3);

    assertEquals(1, found.activeNeuronCount(), found.toString());
    assertEquals(Activation.TANH, found.activation(0, 0), found.toString());
    assertTrue(found.nonZeroCount() <= generator.nonZeroCount(), found.toString());
    assertTrue(found.meanSquaredError(x, y)
        <= start.meanSquaredError(x, y) + FLOOR * variance(y));
    // one neuron short of the function: improve() grows the missing neuron (above), pruneOnly()
    // may only remove, and the last neuron of a layer is never removed
    double[] y2 = oneLayer(TANH, SIGMOID).predict(x);
    SparseMlp lacking = LM.refine(oneLayer(TANH), x, y2, null);
    SparseMlp same = exact(y2).pruneOnly(lacking, x, y2, null, 4);
    assertEquals(1, same.activeNeuronCount(), same.toString());
    assertEquals(Activation.TANH, same.activation(0, 0), same.toString());
    assertTrue(same.nonZeroCount() <= lacking.nonZeroCount(), same.toString());
  }

  @Test
  void pruneOnlyRemovesWeightsThatDoNotMatterWithinTheFloor() {
    Object[] oneInput = {Activation.TANH, 1.5, 0.0, 0.2, 1.0};
    SparseMlp generator = oneLayer(oneInput, SIGMOID);
    double[][] x = inputs(300, 5);
    double[] y = generator.predict(x);
    // the generator plus the connection its tanh neuron lacks, which the refit drives to 0
    SparseMlp padded = generator.toBuilder().weight(0, 1, 0, 1e-3).build();
    assertEquals(generator.nonZeroCount() + 1, padded.nonZeroCount());
    SparseMlp start = LM.refine(padded, x, y, null);
    SparseMlp found = exact(y).pruneOnly(start, x, y, null, 5);

    assertEquals(2, found.activeNeuronCount(), found.toString());
    assertTrue(found.nonZeroCount() <= generator.nonZeroCount(), found.toString());
    assertTrue(found.meanSquaredError(x, y)
        <= start.meanSquaredError(x, y) + FLOOR * variance(y));
  }

  @Test
  void pruneOnHeldOutRemovesWhatTheHeldOutRowsDoNotMissAndFitsNoneOfThem() {
    double[][] x = inputs(300, 6);
    double[] y = oneLayer(TANH).predict(x);
    Random noise = new Random(6);
    for (int i = 0; i < y.length; i++) {
      y[i] += 0.1 * noise.nextGaussian();
    }
    double[][] fitX = java.util.Arrays.copyOfRange(x, 0, 200);
    double[] fitY = java.util.Arrays.copyOfRange(y, 0, 200);
    double[][] heldX = java.util.Arrays.copyOfRange(x, 200, 300);
    double[] heldY = java.util.Arrays.copyOfRange(y, 200, 300);
    SparseMlp start = withFaintNeuron(fitX, fitY);
    double own = start.meanSquaredError(heldX, heldY);
    double limit = own * 1.05;

    SparseMlp found = exact(fitY).pruneOnHeldOut(start, fitX, fitY, null, heldX, heldY, null,
        limit, 6);

    assertEquals(1, found.activeNeuronCount(), found.toString());
    assertEquals(Activation.TANH, found.activation(0, 0), found.toString());
    assertTrue(found.meanSquaredError(heldX, heldY) <= limit,
        found.meanSquaredError(heldX, heldY) + " against " + limit);
    // no held-out row is fitted: the same search with the held-out labels shifted returns the
    // same network, judged differently only where the limit decides
    double[] shifted = heldY.clone();
    for (int i = 0; i < shifted.length; i++) {
      shifted[i] += 0.01;
    }
    SparseMlp again = exact(fitY).pruneOnHeldOut(start, fitX, fitY, null, heldX, shifted, null,
        Double.MAX_VALUE, 6);
    SparseMlp loose = exact(fitY).pruneOnHeldOut(start, fitX, fitY, null, heldX, heldY, null,
        Double.MAX_VALUE, 6);
    assertEquals(loose.toString(), again.toString());
    // a limit below the start's own held-out MSE: nothing may be removed
    SparseMlp same = exact(fitY).pruneOnHeldOut(start, fitX, fitY, null, heldX, heldY, null,
        own * 0.999, 6);
    assertEquals(start.withoutDeadEnds().toString(), same.toString());
  }

  @Test
  void pruneOnHeldOutKeepsWhatTheHeldOutRowsNeed() {
    // both neurons matter: removing either raises the held-out MSE far above a 5% limit
    SparseMlp generator = oneLayer(TANH, SIGMOID);
    double[][] x = inputs(300, 7);
    double[] y = generator.predict(x);
    double[][] fitX = java.util.Arrays.copyOfRange(x, 0, 200);
    double[] fitY = java.util.Arrays.copyOfRange(y, 0, 200);
    double[][] heldX = java.util.Arrays.copyOfRange(x, 200, 300);
    double[] heldY = java.util.Arrays.copyOfRange(y, 200, 300);
    SparseMlp start = LM.refine(generator, fitX, fitY, null);
    double limit = start.meanSquaredError(heldX, heldY) * 1.05 + FLOOR * variance(heldY);

    SparseMlp found = exact(fitY).pruneOnHeldOut(start, fitX, fitY, null, heldX, heldY, null,
        limit, 7);

    assertEquals(2, found.activeNeuronCount(), found.toString());
    assertEquals(generator.nonZeroCount(), found.nonZeroCount(), found.toString());
  }

  @Test
  void movesOnASampleAndKeepsOnlyWhatPaysOnAllRows() {
    SparseMlp generator = oneLayer(TANH, SIGMOID);
    double[][] x = inputs(900, 4);
    double[] y = generator.predict(x);
    Random noise = new Random(5);
    for (int i = 0; i < y.length; i++) {
      y[i] += 0.05 * noise.nextGaussian();
    }
    SparseMlp start = LM.refine(oneLayer(TANH), x, y, null);
    LocalStructureSearch local = local(y, 200);

    SparseMlp found = local.improve(start, x, y, null, 7);

    double before = start.withoutDeadEnds().meanSquaredError(x, y);
    double after = found.meanSquaredError(x, y);
    double floor = FLOOR * variance(y);
    assertTrue(after < before / 1.05 - floor || after <= before * 1.05 + floor
        && found.nonZeroCount() < start.withoutDeadEnds().nonZeroCount()
        || found.equals(start.withoutDeadEnds()), "before " + before + ", after " + after);
    assertEquals(found, local.improve(start, x, y, null, 7), "the same seed, the same network");
  }

  /**
   * One tanh neuron plus a faint sigmoid one (output weight {@code faint}) under noise of SD 0.3
   * on 300 rows, and the search's start: the tanh neuron alone, refined.
   */
  private static SparseMlp[] faintSecondNeuron(double faint, double[][] x, double[] y) {
    Object[] weak = SIGMOID.clone();
    weak[4] = faint;
    SparseMlp generator = oneLayer(TANH, weak);
    double[] clean = generator.predict(x);
    Random noise = new Random(12);
    for (int i = 0; i < y.length; i++) {
      y[i] = clean[i] + 0.3 * noise.nextGaussian();
    }
    return new SparseMlp[] {LM.refine(oneLayer(TANH), x, y, null), LM.refine(generator, x, y,
        null)};
  }

  private static double bic(SparseMlp net, double[][] x, double[] y) {
    return x.length * Math.log(net.meanSquaredError(x, y))
        + Math.log(x.length) * net.nonZeroCount();
  }

  @Test
  void aGrownNeuronMustPayForItsParametersInTheInformationCriterion() {
    double[][] x = inputs(300, 11);
    double[] y = new double[300];
    SparseMlp[] nets = faintSecondNeuron(0.2, x, y);
    SparseMlp start = nets[0];
    SparseMlp grown = nets[1];
    double floor = FLOOR * variance(y);
    // the grown network is clearly better on the training rows by the tolerance alone...
    assertTrue(grown.meanSquaredError(x, y) < start.meanSquaredError(x, y) / 1.05 - floor);
    // ...but not by the information criterion, so the search keeps the start's size
    assertTrue(bic(grown, x, y) > bic(start, x, y));
    SparseMlp found = local(y, 500).improve(start, x, y, null, 1);
    assertTrue(found.nonZeroCount() <= start.nonZeroCount(), found.toString());

    // a stronger second neuron pays for itself, and the search grows it
    nets = faintSecondNeuron(0.6, x, y);
    assertTrue(bic(nets[1], x, y) < bic(nets[0], x, y));
    found = local(y, 500).improve(nets[0], x, y, null, 1);
    assertTrue(found.nonZeroCount() > nets[0].nonZeroCount(), found.toString());
    assertTrue(bic(found, x, y) < bic(nets[0], x, y));
  }

  @Test
  void stopsWhenInterrupted() {
    SparseMlp generator = oneLayer(TANH, SIGMOID);
    double[][] x = inputs(300, 6);
    double[] y = generator.predict(x);
    SparseMlp start = LM.refine(oneLayer(TANH), x, y, null);
    Thread.currentThread().interrupt();
    try {
      SparseMlp found = local(y, 500).improve(start, x, y, null, 1);
      assertEquals(start.withoutDeadEnds(), found, "no move made after an interrupt");
    } finally {
      Thread.interrupted();
    }
  }
}
