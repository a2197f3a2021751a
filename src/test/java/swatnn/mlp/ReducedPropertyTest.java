package swatnn.mlp;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.IntRange;

/**
 * {@link SparseMlp#reduced()} on random networks with random weights removed, so that some
 * neurons feed nothing and some are fed by nothing: the same predictions (up to the rounding of
 * a fold), never more non-zeros or active neurons, every active neuron one of the network's,
 * no neuron left that nothing feeds unless it is its layer's last, and reducing again changes
 * nothing.
 */
class ReducedPropertyTest {
  @Property(tries = 200)
  void keepsThePredictionsAndCountsOnlyWhatTheyUse(@ForAll long seed,
      @ForAll @IntRange(min = 1, max = 4) int inputs, @ForAll @IntRange(min = 1, max = 4)
      int layers, @ForAll @DoubleRange(min = 0.0, max = 0.9) double dropped) {
    Random r = new Random(seed);
    int h = MlpLayout.DEFAULT.maxNeurons();
    SparseMlp dense = SparseMlpFitter.denseStart(MlpLayout.DEFAULT, inputs, layers, r);
    SparseMlp.Builder b = dense.toBuilder();
    for (int t = 0; t <= layers; t++) {
      for (int i = 0; i < (t == 0 ? inputs : h); i++) {
        for (int j = 0; j < (t == layers ? 1 : h); j++) {
          if (r.nextDouble() < dropped) {
            if (t == layers) {
              b.outputWeight(i, 0.0);
            } else {
              b.weight(t, i, j, 0.0);
            }
          }
        }
      }
    }
    SparseMlp net = b.build();
    SparseMlp reduced = net.reduced();

    double[][] rows = new double[50][inputs];
    for (double[] row : rows) {
      for (int j = 0; j < inputs; j++) {
        row[j] = 4 * r.nextDouble() - 2;
      }
    }
    double[] want = net.predict(rows);
    double scale = 1;
    for (double v : want) {
      scale = Math.max(scale, Math.abs(v));
    }
    assertArrayEquals(want, reduced.predict(rows), 1e-12 * scale, net + "\nreduced\n" + reduced);
    assertTrue(reduced.nonZeroCount() <= net.withoutDeadEnds().nonZeroCount(), reduced + "\n"
        + net);
    assertTrue(reduced.activeNeuronCount() <= net.withoutDeadEnds().activeNeuronCount());
    for (int l = 0; l < layers; l++) {
      int active = reduced.activeNeurons(l);
      for (int j = 0; j < h; j++) {
        if (!reduced.isActive(l, j)) {
          continue;
        }
        assertTrue(net.isActive(l, j), "neuron " + l + "," + j + " added");
        boolean fed = false;
        for (int i = 0; i < (l == 0 ? inputs : h); i++) {
          fed |= reduced.weight(l, i, j) != 0 && (l == 0 || reduced.isActive(l - 1, i));
        }
        assertTrue(fed || active == 1, "neuron " + l + "," + j + " is a constant left\n"
            + reduced);
      }
    }
    assertEquals(reduced, reduced.reduced());
  }
}
