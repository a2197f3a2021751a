package swatnn.mlp;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.util.Random;
import org.junit.jupiter.api.Test;

class SparseMlpTest {

  private static double[][] randomRows(Random random, int n, int nIn) {
    double[][] rows = new double[n][nIn];
    for (double[] row : rows) {
      for (int i = 0; i < nIn; i++) {
        row[i] = 2 * random.nextDouble() - 1;
      }
    }
    return rows;
  }

  private static double sigmoid(double x) {
    return 1 / (1 + Math.exp(-x));
  }

  private static double leaky(double x) {
    return x > 0 ? x : 0.01 * x;
  }

  @Test
  void forwardPassOfTheHandBuiltNetwork() {
    SparseMlp m = TestNetworks.handBuilt();
    for (double[] x : new double[][] {{0.3, -0.6}, {-1, 1}, {0.9, 0.05}, {0, 0}}) {
      double a = Math.tanh(1.0 * x[0] - 2.0 * x[1] + 0.5);
      double b = sigmoid(0.5 * x[0] + 0.5 * x[1] - 0.25);
      double c = leaky(-1.5 * x[0] + 0.1);
      double d = leaky(2.0 * a - 1.0 * b + 1.0 * c);
      double e = Math.tanh(0.5 * a - 0.7 * c + 0.2);
      double y = 1.5 * d - 2.0 * e + 0.3;
      assertEquals(y, m.predict(x), 1e-12, "x = " + x[0] + ", " + x[1]);
    }
    // The same value, worked out once with a calculator.
    assertEquals(1.396036899443707, m.predict(new double[] {0.3, -0.6}), 1e-12);
  }

  @Test
  void hiddenValuesAreTheHandBuiltNetworksNeuronsAndFeedItsOutput() {
    SparseMlp m = TestNetworks.handBuilt();
    double[] x = {0.3, -0.6};
    SparseMlp.HiddenValues v = m.hiddenValues(x);
    double preA = 1.0 * x[0] - 2.0 * x[1] + 0.5;
    double a = Math.tanh(preA);
    double b = sigmoid(0.5 * x[0] + 0.5 * x[1] - 0.25);
    double c = leaky(-1.5 * x[0] + 0.1);
    double preD = 2.0 * a - 1.0 * b + 1.0 * c;
    double e = Math.tanh(0.5 * a - 0.7 * c + 0.2);
    assertEquals(preA, v.pre()[0][0], 1e-15);
    assertEquals(a, v.out()[0][0], 1e-15);
    assertEquals(b, v.out()[0][1], 1e-15);
    assertEquals(c, v.out()[0][3], 1e-15);
    assertEquals(preD, v.pre()[1][0], 1e-15);
    assertEquals(e, v.out()[1][4], 1e-15);
    // masked slots read 0 though they hold weights and a bias
    assertEquals(0, v.pre()[0][2]);
    assertEquals(0, v.out()[0][2]);
    assertEquals(0, v.out()[1][6]);
    // the last layer's outputs give the compiled prediction
    Random random = new Random(3);
    for (double[] row : randomRows(random, 20, 2)) {
      double[] last = m.hiddenValues(row).out()[1];
      double y = m.outputBias();
      for (int j = 0; j < last.length; j++) {
        if (m.isActive(1, j)) {
          y += m.weight(2, j, 0) * last[j];
        }
      }
      assertEquals(m.predict(row), y, 1e-12);
    }
    assertThrows(IllegalArgumentException.class, () -> m.hiddenValues(new double[3]));
  }

  @Test
  void maskedNeuronsAndDeadWeightsContributeNothing() {
    SparseMlp m = TestNetworks.handBuilt();
    SparseMlp changed = m.toBuilder()
        .weight(0, 0, 2, -4.0).weight(0, 1, 2, 2.5).bias(0, 2, -3.0) // into masked slot 2
        .weight(1, 2, 0, -5.0).weight(1, 2, 4, 1.0) // out of it
        .weight(1, 1, 6, 2.0).bias(1, 6, 1.0).outputWeight(6, -3.0) // masked slot 6
        .weight(0, 0, 5, 1.0).weight(1, 5, 0, 1.0) // inactive slot 5 of layer 0
        .build();
    assertNotEquals(m, changed);
    assertEquals(m.pruned(), changed.pruned());
    // An active neuron whose outgoing weights are all zero: its inputs do not matter either.
    SparseMlp deadEnd = m.toBuilder().neuron(0, 6, Activation.LEAKY_RELU, 0.4)
        .weight(0, 0, 6, 2.0).build();
    SparseMlp deadEnd2 = deadEnd.toBuilder().weight(0, 1, 6, -7.0).bias(0, 6, 0.0).build();
    double[][] rows = randomRows(new Random(1), 500, 2);
    double[] expected = m.predict(rows);
    assertArrayEquals(expected, changed.predict(rows), 0.0);
    assertArrayEquals(expected, m.pruned().predict(rows), 0.0);
    assertArrayEquals(expected, changed.pruned().predict(rows), 0.0);
    assertArrayEquals(expected, deadEnd.predict(rows), 0.0);
    assertArrayEquals(expected, deadEnd2.predict(rows), 0.0);
  }

  @Test
  void deadEndsAreRemovedWithoutChangingTheFunction() {
    SparseMlp m = TestNetworks.handBuilt();
    assertEquals(m.pruned(), m.withoutDeadEnds(), "the hand-built network has no dead end");
    // layer 0 slot 6 feeds only layer 1 slot 3, which feeds nothing: both are dead ends
    SparseMlp dead = m.toBuilder().neuron(0, 6, Activation.TANH, 0.4).weight(0, 0, 6, 2.0)
        .neuron(1, 3, Activation.SIGMOID, -0.2).weight(1, 6, 3, 1.5).build();
    SparseMlp clean = dead.withoutDeadEnds();
    assertFalse(clean.isActive(1, 3));
    assertFalse(clean.isActive(0, 6), "removal cascades to the layer below");
    assertEquals(m.pruned().nonZeroCount(), clean.nonZeroCount());
    assertEquals(m.activeNeuronCount(), clean.activeNeuronCount());
    assertTrue(dead.nonZeroCount() > clean.nonZeroCount());
    double[][] rows = randomRows(new Random(2), 300, 2);
    assertArrayEquals(dead.predict(rows), clean.predict(rows), 0.0);
    assertEquals(clean, clean.withoutDeadEnds());
  }

  @Test
  void constantNeuronsAreFoldedIntoTheBiasesTheyFeed() {
    // handBuilt plus layer 0 slot 5, a constant sigmoid(0.7) that no input feeds, feeding
    // layer 1 slot 0 (weight 2) and layer 1 slot 2, which nothing else feeds: slot 2 becomes a
    // constant once slot 5 is folded, and is folded into the output bias in turn
    SparseMlp m = TestNetworks.handBuilt().toBuilder().neuron(0, 5, Activation.SIGMOID, 0.7)
        .weight(1, 5, 0, 2.0).neuron(1, 2, Activation.TANH, -0.3).weight(1, 5, 2, -1.5)
        .outputWeight(2, 0.8).build();
    SparseMlp folded = m.reduced();
    assertFalse(folded.isActive(0, 5));
    assertFalse(folded.isActive(1, 2), "the fold cascades to the layer above");
    assertEquals(TestNetworks.handBuilt().activeNeuronCount(), folded.activeNeuronCount());
    double c5 = 1 / (1 + Math.exp(-0.7));
    assertEquals(2.0 * c5, folded.bias(1, 0), 1e-15, "layer 1 slot 0's bias was 0");
    assertEquals(0.3 + 0.8 * Math.tanh(-0.3 - 1.5 * c5), folded.outputBias(), 1e-15);
    // the constant's bias and both its weights, slot 2's bias and output weight go; layer 1
    // slot 0 gains a bias
    assertEquals(m.nonZeroCount() - 5 + 1, folded.nonZeroCount());
    assertEquals(TestNetworks.handBuilt().nonZeroCount() + 1, folded.nonZeroCount());
    double[][] rows = randomRows(new Random(3), 300, 2);
    assertArrayEquals(m.predict(rows), folded.predict(rows), 1e-12);
    assertEquals(folded, folded.reduced());
    assertTrue(m.withoutDeadEnds().isActive(0, 5), "withoutDeadEnds folds nothing");
    // a layer's last active neuron stays, constant or not
    SparseMlp lone = SparseMlp.builder(MlpLayout.DEFAULT, 1, 2)
        .neuron(0, 0, Activation.TANH, 0.5).weight(0, 0, 0, 1.0)
        .neuron(1, 3, Activation.TANH, 0.4).outputWeight(3, 2.0).build();
    assertTrue(lone.reduced().isActive(1, 3));
  }

  @Test
  void prunedZeroesEverythingAttachedToInactiveNeurons() {
    SparseMlp p = TestNetworks.handBuilt().pruned();
    assertEquals(0.0, p.bias(0, 2));
    assertEquals(0.0, p.weight(0, 0, 2));
    assertEquals(0.0, p.weight(0, 1, 2));
    assertEquals(0.0, p.weight(1, 2, 0));
    assertEquals(0.0, p.weight(1, 0, 6));
    assertEquals(0.0, p.weight(2, 6, 0));
    assertEquals(2.0, p.weight(1, 0, 0));
    assertEquals(Activation.TANH, p.activation(0, 2));
    assertSame(p, p.pruned());
    assertEquals(TestNetworks.handBuilt().nonZeroCount(), p.nonZeroCount());
  }

  @Test
  void compiledFormMatchesTheReferenceOnRandomNetworks() {
    Random random = new Random(11);
    RandomMlpSampler sampler = new RandomMlpSampler(MlpLayout.DEFAULT, 1, 7);
    for (int n = 0; n < 400; n++) {
      SparseMlp m = sampler.draw(random).mlp();
      double[][] rows = randomRows(random, 20, m.nIn());
      double[] batch = m.predict(rows);
      double[] into = new double[rows.length + 3];
      m.predict(rows, into);
      for (int r = 0; r < rows.length; r++) {
        double single = m.predict(rows[r]);
        assertEquals(single, batch[r], 0.0);
        assertEquals(single, into[r], 0.0);
        double ref = TestNetworks.reference(m, rows[r]);
        assertEquals(ref, single, 1e-9 * Math.max(1, Math.abs(ref)), m.toString());
      }
    }
  }

  @Test
  void constantNeuronsAreFolded() {
    // Layer 0 slot 0 has no input weights: constant tanh(0.5), feeding layer 1.
    SparseMlp m = SparseMlp.builder(MlpLayout.DEFAULT, 1, 2)
        .neuron(0, 0, Activation.TANH, 0.5)
        .neuron(0, 1, Activation.SIGMOID, 0.0).weight(0, 0, 1, 2.0)
        .neuron(1, 0, Activation.LEAKY_RELU, 0.1)
        .weight(1, 0, 0, 3.0).weight(1, 1, 0, -1.0)
        .outputWeight(0, 2.0).outputBias(-0.5).build();
    CompiledMlp c = m.compiledForm();
    assertEquals(2, c.evaluatedNeurons());
    assertEquals(3, c.evaluatedWeights());
    for (double x = -1; x <= 1; x += 0.25) {
      double y = 2.0 * leaky(3.0 * Math.tanh(0.5) - sigmoid(2 * x) + 0.1) - 0.5;
      assertEquals(y, m.predict(new double[] {x}), 1e-12);
    }
    SparseMlp constant = SparseMlp.builder(MlpLayout.DEFAULT, 1, 1).outputBias(0.25).build();
    assertEquals(0.25, constant.predict(new double[] {0.7}), 0.0);
    assertEquals(0, constant.compiledForm().evaluatedNeurons());
  }

  @Test
  void countsOfTheHandBuiltNetwork() {
    SparseMlp m = TestNetworks.handBuilt();
    assertEquals(3, m.activeNeurons(0));
    assertEquals(2, m.activeNeurons(1));
    assertEquals(5, m.activeNeuronCount());
    // Live non-zero weights: 5 into layer 0 (x1 -> slot 3 is 0), 5 into layer 1 (3 into slot
    // 0, 2 into slot 4), 2 into the output; dead ones via masked slots 2 and 6 excluded.
    assertEquals(12, m.nonZeroWeights());
    // + biases 0.5, -0.25, 0.1, 0.2 (slot 0 of layer 1 has bias 0) + output bias.
    assertEquals(17, m.nonZeroCount());
    // Dense 2-3-2-1: 6 + 6 + 2 weights, 3 + 2 + 1 biases.
    assertEquals(20, m.denseParameterCount());
    SparseMlp noOutputBias = m.toBuilder().outputBias(0).build();
    assertEquals(16, noOutputBias.nonZeroCount());
  }

  @Test
  void toStringStartsWithTheArchitecture() {
    SparseMlp m = SparseMlp.builder(MlpLayout.DEFAULT, 2, 2)
        .neuron(0, 1, Activation.TANH, 0).neuron(0, 2, Activation.TANH, 0)
        .neuron(0, 5, Activation.SIGMOID, 0.5)
        .weight(0, 0, 1, 1.5).weight(0, 1, 2, -2).weight(0, 0, 5, 1).weight(0, 1, 5, 1)
        .neuron(1, 0, Activation.LEAKY_RELU, 0).neuron(1, 3, Activation.TANH, 0)
        .weight(1, 1, 0, 1).weight(1, 2, 0, 0.25).weight(1, 5, 3, -1)
        .outputWeight(0, 2).outputWeight(3, -0.125).outputBias(0.1)
        .build();
    String[] lines = m.toString().split("\n");
    assertEquals("2 -> 3 [tanh, tanh, sigmoid] -> 2 [leaky, tanh] -> 1, non-zero 11 of 20",
        lines[0]);
    assertEquals("h1.1 = tanh(1.5 x0)", lines[1]);
    assertEquals("h1.2 = tanh(-2 x1)", lines[2]);
    assertEquals("h1.5 = sigmoid(1 x0 + 1 x1 + 0.5)", lines[3]);
    assertEquals("h2.0 = leaky(1 h1.1 + 0.25 h1.2)", lines[4]);
    assertEquals("h2.3 = tanh(-1 h1.5)", lines[5]);
    assertEquals("y = 2 h2.0 - 0.125 h2.3 + 0.1", lines[6]);
    assertEquals(7, lines.length);
    String[] named = m.formula(new String[] {"x2", "air temp"}, "out",
        v -> String.format(java.util.Locale.ROOT, "%.2f", v)).split("\n");
    assertEquals(lines[0], named[0]);
    assertEquals("h1.3 = sigmoid(1.00 x2 + 1.00 'air temp' + 0.50)", named[3],
        "the data's names, quoted when they are not identifiers; neurons by their order");
    assertEquals("h2.1 = leaky(1.00 h1.1 + 0.25 h1.2)", named[4]);
    assertEquals("h2.2 = tanh(-1.00 h1.3)", named[5]);
    assertEquals("out = 2.00 h2.1 - 0.13 h2.2 + 0.10", named[6]);
    assertEquals("h1.3", m.neuronName(0, 5));
    assertThrows(IllegalArgumentException.class, () -> m.neuronName(0, 3));
    assertThrows(IllegalArgumentException.class,
        () -> m.formula(new String[] {"a"}, "y", Double::toString));
  }

  @Test
  void equalityIsByValue() {
    SparseMlp a = TestNetworks.handBuilt();
    SparseMlp b = TestNetworks.handBuilt();
    assertEquals(a, b);
    assertEquals(a.hashCode(), b.hashCode());
    assertNotEquals(a, a.toBuilder().weight(1, 0, 0, 2.5).build());
    assertNotEquals(a, a.toBuilder().activation(1, 6, Activation.LEAKY_RELU).build());
    assertNotEquals(a, a.toBuilder().active(1, 6, true).build());
    assertNotEquals(a, a.toBuilder().outputBias(0.31).build());
    // Negative zero is stored as zero.
    assertEquals(a, a.toBuilder().weight(0, 1, 3, -0.0).build());
    assertEquals(a.hashCode(), a.toBuilder().weight(0, 1, 3, -0.0).build().hashCode());
  }

  @Test
  void serializationRoundTrip() throws IOException, ClassNotFoundException {
    Random random = new Random(3);
    RandomMlpSampler sampler = new RandomMlpSampler(MlpLayout.DEFAULT, 1, 7);
    for (SparseMlp m : new SparseMlp[] {TestNetworks.handBuilt(), sampler.draw(random).mlp(),
        sampler.draw(random, 4).mlp()}) {
      double[][] rows = randomRows(random, 50, m.nIn());
      double[] before = m.predict(rows); // the compiled form exists before writing
      ByteArrayOutputStream bytes = new ByteArrayOutputStream();
      try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
        out.writeObject(m);
      }
      SparseMlp copy;
      try (ObjectInputStream in =
          new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
        copy = (SparseMlp) in.readObject();
      }
      assertEquals(m, copy);
      assertEquals(m.hashCode(), copy.hashCode());
      assertArrayEquals(before, copy.predict(rows), 0.0);
    }
  }

  @Test
  void rejectsBadArguments() {
    SparseMlp m = TestNetworks.handBuilt();
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> m.predict(new double[3]));
    assertTrue(e.getMessage().contains("2 inputs"), e.getMessage());
    assertThrows(IllegalArgumentException.class, () -> m.weight(0, 2, 0));
    assertThrows(IllegalArgumentException.class, () -> m.weight(2, 0, 1));
    assertThrows(IllegalArgumentException.class, () -> m.weight(3, 0, 0));
    assertThrows(IllegalArgumentException.class, () -> m.bias(2, 0));
    assertThrows(IllegalArgumentException.class, () -> m.isActive(0, 7));
    assertThrows(IllegalArgumentException.class, () -> m.predict(new double[2][2], new double[1]));
    assertThrows(IllegalArgumentException.class,
        () -> SparseMlp.builder(MlpLayout.DEFAULT, 8, 1));
    assertThrows(IllegalArgumentException.class,
        () -> SparseMlp.builder(MlpLayout.DEFAULT, 2, 5));
    assertThrows(IllegalArgumentException.class,
        () -> SparseMlp.builder(MlpLayout.DEFAULT, 2, 1).weight(0, 0, 0, Double.NaN));
  }
}
