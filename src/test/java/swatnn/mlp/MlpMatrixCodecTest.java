package swatnn.mlp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;

class MlpMatrixCodecTest {

  private final MlpLayout layout = MlpLayout.DEFAULT;
  private final MlpMatrixCodec codec = new MlpMatrixCodec(layout);

  private static int sum(double[][] m) {
    double s = 0;
    for (double[] row : m) {
      for (double v : row) {
        s += v;
      }
    }
    return (int) s;
  }

  @Test
  void roundTripOfRandomNetworks() {
    Random random = new Random(42);
    RandomMlpSampler sampler = new RandomMlpSampler(layout, 1, 7);
    int[] perK = new int[5];
    for (int n = 0; n < 1000; n++) {
      SparseMlp m = sampler.draw(random, 1 + n % 4).mlp();
      perK[m.hiddenLayers()]++;
      double[][] matrix = codec.encode(m);
      assertEquals(7, matrix.length);
      assertEquals(56, matrix[0].length);
      assertEquals(m, codec.decode(matrix, m.nIn(), m.hiddenLayers()));
      // The decoder-width form (no right padding) decodes the same.
      double[][] narrow = new double[7][];
      for (int r = 0; r < 7; r++) {
        narrow[r] = Arrays.copyOf(matrix[r], layout.width(m.hiddenLayers()));
      }
      assertEquals(m, codec.decode(narrow, m.nIn(), m.hiddenLayers()));
      // Padding is zero; activation columns one-hot; masks 0/1.
      double[][] valid = codec.validity(m.nIn(), m.hiddenLayers());
      for (int r = 0; r < 7; r++) {
        for (int c = 0; c < 56; c++) {
          if (valid[r][c] == 0) {
            assertEquals(0.0, matrix[r][c], "padding at " + r + ", " + c);
          }
        }
      }
      for (int l = 0; l < m.hiddenLayers(); l++) {
        int a = layout.activationOffset(m.hiddenLayers(), l);
        for (int j = 0; j < 7; j++) {
          assertEquals(1.0, matrix[j][a] + matrix[j][a + 1] + matrix[j][a + 2]);
          assertEquals(1.0, matrix[j][a + m.activation(l, j).ordinal()]);
          assertEquals(m.isActive(l, j) ? 1.0 : 0.0,
              matrix[j][layout.maskColumn(m.hiddenLayers(), l)]);
        }
      }
    }
    assertEquals(250, perK[1]);
    assertEquals(250, perK[4]);
  }

  @Test
  void encodedEntriesSitWhereTheLayoutSays() {
    SparseMlp m = TestNetworks.handBuilt();
    double[][] x = codec.encode(m);
    assertEquals(-2.0, x[1][0]); // x1 -> slot 0 of layer 0, block 0
    assertEquals(0.5, x[0][7]); // bias of slot 0, column 7
    assertEquals(1.0, x[0][8 + 1]); // slot 0 tanh
    assertEquals(1.0, x[3][8 + 2]); // slot 3 leaky
    assertEquals(5.0, x[2][11 + 0]); // layer-0 slot 2 -> layer-1 slot 0, block 11
    assertEquals(-0.7, x[3][11 + 4]);
    assertEquals(0.2, x[4][18]);
    assertEquals(-2.0, x[4][22]); // output block at 22
    assertEquals(0.3, x[0][29]); // output bias
    assertEquals(1.0, x[3][30]); // mask of layer 0 slot 3
    assertEquals(0.0, x[2][30]); // masked slot 2
    assertEquals(1.0, x[4][31]);
    float[] tokens = codec.encodeTokens(m);
    assertEquals(7 * 112, tokens.length);
    assertEquals(112, codec.tokenWidth());
    double[][] valid = codec.validity(2, 2);
    for (int r = 0; r < 7; r++) {
      for (int c = 0; c < 56; c++) {
        assertEquals((float) x[r][c], tokens[r * 112 + c]);
        assertEquals((float) valid[r][c], tokens[r * 112 + 56 + c]);
      }
    }
    float[] batch = new float[3 * codec.tokensLength()];
    Arrays.fill(batch, 9f);
    codec.encodeTokensInto(m, batch, codec.tokensLength());
    assertEquals(9f, batch[codec.tokensLength() - 1]);
    assertTrue(Arrays.equals(tokens, Arrays.copyOfRange(batch, codec.tokensLength(),
        2 * codec.tokensLength())));
    double[][] into = new double[7][56];
    into[6][55] = 4.0;
    codec.encodeInto(m, into);
    assertTrue(Arrays.deepEquals(x, into));
  }

  @Test
  void validityCountsRealEntries() {
    // nIn = 2, k = 1: W0 2x7 = 14, bias 7, activations 21, output weights 7, output bias 1,
    // mask 7: 57.
    double[][] v = codec.validity(2, 1);
    assertEquals(7, v.length);
    assertEquals(56, v[0].length);
    assertEquals(57, sum(v));
    assertEquals(1.0, v[1][0]);
    assertEquals(0.0, v[2][0]); // input row 2 is padding
    assertEquals(1.0, v[6][11]); // output block column 0 (block at 11)
    assertEquals(0.0, v[0][12]); // output block column 1
    assertEquals(1.0, v[0][18]); // output bias row 0
    assertEquals(0.0, v[1][18]);
    assertEquals(1.0, v[6][19]); // mask
    assertEquals(0.0, v[0][20]); // beyond width(1) = 20
    // nIn = 1, k = 2: 7 + 49 + 2 * 7 + 2 * 21 + 7 + 1 + 2 * 7 = 134.
    assertEquals(134, sum(codec.validity(1, 2)));
    // nIn = 7, k = 4: 49 + 3 * 49 + 4 * 7 + 4 * 21 + 7 + 1 + 4 * 7 = 344.
    assertEquals(344, sum(codec.validity(7, 4)));
    // Every column from width(k) on is padding.
    double[][] v3 = codec.validity(4, 3);
    for (double[] row : v3) {
      for (int c = layout.width(3); c < 56; c++) {
        assertEquals(0.0, row[c]);
      }
    }
  }

  /** The decoder-shaped version of {@code m}: logits instead of one-hot and 0/1. */
  private double[][] asDecoderOutput(SparseMlp m) {
    int k = m.hiddenLayers();
    double[][] x = codec.encode(m);
    double[][] out = new double[7][];
    for (int r = 0; r < 7; r++) {
      out[r] = Arrays.copyOf(x[r], layout.width(k));
    }
    for (int l = 0; l < k; l++) {
      int a = layout.activationOffset(k, l);
      for (int j = 0; j < 7; j++) {
        for (int c = 0; c < 3; c++) {
          out[j][a + c] = out[j][a + c] == 1.0 ? 1.7 : -0.4 * (c + 1);
        }
        int mask = layout.maskColumn(k, l);
        out[j][mask] = out[j][mask] == 1.0 ? 2.5 : -2.5;
      }
    }
    return out;
  }

  @Test
  void extractAppliesThresholdMasksAndArgmax() {
    SparseMlp m = TestNetworks.handBuilt();
    double[][] out = asDecoderOutput(m);
    assertEquals(m.pruned(), codec.extract(out, 2, 2, 0.0));
    // Small weights below the threshold vanish; one exactly at it stays; biases are kept.
    out[1][0] = 0.05; // x1 -> slot 0 was -2
    out[0][3] = -0.099; // x0 -> slot 3 was -1.5
    out[1][11 + 4] = 0.1; // layer-0 slot 1 -> layer-1 slot 4 (was 0)
    out[4][18] = 0.01; // bias of layer-1 slot 4
    // A mask logit just below 0 removes layer-0 slot 1 with its weights.
    out[1][30] = -1e-3;
    // Activation logits: slot 3 of layer 0 now prefers sigmoid.
    out[3][8] = 5.0;
    SparseMlp e = codec.extract(out, 2, 2, 0.1);
    assertEquals(0.0, e.weight(0, 1, 0));
    assertEquals(0.0, e.weight(0, 0, 3));
    assertEquals(1.0, e.weight(0, 0, 0));
    assertFalse(e.isActive(0, 1));
    assertEquals(0.0, e.weight(0, 0, 1)); // into the removed neuron
    assertEquals(0.0, e.weight(1, 1, 0)); // out of it
    assertEquals(0.0, e.bias(0, 1));
    assertEquals(0.0, e.weight(1, 1, 4));
    assertEquals(0.01, e.bias(1, 4));
    assertEquals(Activation.SIGMOID, e.activation(0, 3));
    assertEquals(Activation.TANH, e.activation(0, 0));
    assertEquals(0.0, e.weight(1, 2, 0)); // masked slot 2's weights were pruned
    assertTrue(e.isActive(0, 0));
    assertEquals(e, e.pruned());
    // Removed: x0->1, x1->1 (0.5 each), 1->0; zeroed: x1->0, x0->3.
    assertEquals(TestNetworks.handBuilt().nonZeroWeights() - 5, e.nonZeroWeights());
    // A zero mask logit (sigmoid exactly 0.5) keeps the neuron.
    out[1][30] = 0.0;
    assertTrue(codec.extract(out, 2, 2, 0.1).isActive(0, 1));
  }

  @Test
  void rejectsBadShapesAndValues() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> codec.decode(new double[6][56], 2, 2));
    assertTrue(e.getMessage().contains("7 rows"), e.getMessage());
    e = assertThrows(IllegalArgumentException.class,
        () -> codec.extract(new double[7][33], 2, 2, 0.1));
    assertTrue(e.getMessage().contains("32 or 56"), e.getMessage());
    double[][] bad = new double[7][32];
    bad[0][0] = Double.NaN;
    e = assertThrows(IllegalArgumentException.class, () -> codec.extract(bad, 2, 2, 0.1));
    assertTrue(e.getMessage().contains("(0, 0)"), e.getMessage());
    bad[0][0] = 0;
    assertThrows(IllegalArgumentException.class, () -> codec.extract(bad, 2, 2, -1));
    assertThrows(IllegalArgumentException.class, () -> codec.extract(bad, 8, 2, 0));
    assertThrows(IllegalArgumentException.class, () -> codec.validity(2, 5));
    SparseMlp other = SparseMlp.builder(new MlpLayout(3, 2), 2, 1).build();
    assertThrows(IllegalArgumentException.class, () -> codec.encode(other));
    assertThrows(IllegalArgumentException.class,
        () -> codec.encodeTokensInto(TestNetworks.handBuilt(), new float[100], 0));
  }
}
