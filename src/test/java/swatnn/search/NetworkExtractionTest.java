package swatnn.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import swatnn.autoencoder.AutoencoderModel;
import swatnn.mlp.MlpLayout;
import swatnn.mlp.SparseMlp;
import swatnn.selection.Rows;

/**
 * {@link NetworkExtraction} on the bundled two-input autoencoder with configurations 1 and 2 and
 * two restarts: latent points are decoded and read per configuration and restart, the
 * restart's threshold prunes, of a best-step and a final candidate the one with the lower
 * penalised training loss is kept (whichever slot it is in), and a non-finite latent point
 * gives no non-finite network.
 *
 * <p>The decoders run on all 2r slots at once, and a slot's float32 arithmetic depends a little
 * on where in the batch it sits: the same latent point decoded in another slot gives the same
 * network up to float32 rounding, so networks are compared by structure and by their
 * predictions to 1e-5.
 */
class NetworkExtractionTest {
  static final int R = 2;
  static AutoencoderModel model;
  static SearchSettings settings;
  static Rows rows;
  static int l;
  static int h;
  static int d;

  @BeforeAll
  static void setUp() throws Exception {
    model = AutoencoderModel.load(ModelLocator.resolve("swatnn-2in", 2));
    settings = new SearchSettings().restarts(R).layers(1, 2);
    l = model.config().layout().maxHiddenLayers();
    h = model.config().layout().maxNeurons();
    d = model.config().dModel();
    Random rnd = new Random(5);
    double[][] x = new double[100][2];
    double[] y = new double[100];
    for (int i = 0; i < 100; i++) {
      x[i][0] = 2 * rnd.nextDouble() - 1;
      x[i][1] = 2 * rnd.nextDouble() - 1;
      y[i] = Math.tanh(x[i][0] - 0.5 * x[i][1]);
    }
    rows = new Rows(x, y, null);
  }

  static INDArray z(long seed) {
    Random rnd = new Random(seed);
    float[] v = new float[l * R * h * d];
    for (int i = 0; i < v.length; i++) {
      v[i] = (float) rnd.nextGaussian();
    }
    return Nd4j.create(v, new long[] {l, R, h, d}, 'c');
  }

  static INDArray t(float value) {
    float[] v = new float[l * R];
    Arrays.fill(v, value);
    return Nd4j.create(v, new long[] {l, R, 1, 1}, 'c');
  }

  static NetworkExtraction.Extracted[] extract(INDArray bestZ, INDArray bestT, INDArray finalZ,
      INDArray finalT, int firstRestart) {
    return new NetworkExtraction(model, settings).extract(
        new LatentOptimiser.Trajectory(bestZ, bestT, finalZ, finalT, 10), R, firstRestart, 2,
        rows);
  }

  /** MSE plus the sparsity penalties, as the extraction ranks candidates. */
  static double penalisedLoss(SparseMlp net) {
    double abs = 0;
    MlpLayout lay = net.layout();
    int k = net.hiddenLayers();
    for (int t = 0; t <= k; t++) {
      for (int i = 0; i < lay.weightRows(net.nIn(), t); i++) {
        for (int j = 0; j < lay.weightColumns(k, t); j++) {
          abs += Math.abs(net.weight(t, i, j));
        }
      }
    }
    return net.meanSquaredError(rows.x(), rows.y(), rows.w()) + settings.lambdaS()
        * (settings.muC() * net.nonZeroWeights() + settings.mu1() * abs);
  }

  /** Same structure, and the same predictions on the rows to float32 rounding. */
  static void assertSameNetwork(SparseMlp expected, SparseMlp actual, String what) {
    assertEquals(expected.hiddenLayers(), actual.hiddenLayers(), what);
    assertEquals(expected.nonZeroWeights(), actual.nonZeroWeights(), what + "\n" + expected
        + "\n" + actual);
    assertEquals(expected.activeNeuronCount(), actual.activeNeuronCount(), what);
    for (double[] row : rows.x()) {
      double e = expected.predict(row);
      assertEquals(e, actual.predict(row), 1e-5 * (1 + Math.abs(e)), what);
    }
  }

  @Test
  void oneNetworkPerConfigurationAndRestartLabelledByBoth() {
    INDArray a = z(1);
    NetworkExtraction.Extracted[] picks = extract(a, t(0.1f), a, t(0.1f), 4);
    assertEquals(4, picks.length);
    int[][] labels = new int[picks.length][];
    for (int i = 0; i < picks.length; i++) {
      labels[i] = new int[] {picks[i].k(), picks[i].restart()};
      assertEquals(picks[i].k(), picks[i].net().hiddenLayers(), "configuration k has k layers");
      assertEquals(2, picks[i].net().nIn());
    }
    assertTrue(Arrays.deepEquals(new int[][] {{1, 4}, {1, 5}, {2, 4}, {2, 5}}, labels),
        Arrays.deepToString(labels));
    // the restarts' latent points differ, and so do their networks
    assertNotEquals(picks[0].net(), picks[1].net());
  }

  @Test
  void theCandidateOfLowerPenalisedLossIsKeptInEitherSlot() {
    INDArray a = z(1);
    INDArray b = z(2);
    NetworkExtraction.Extracted[] onlyA = extract(a, t(0.1f), a, t(0.1f), 0);
    NetworkExtraction.Extracted[] onlyB = extract(b, t(0.1f), b, t(0.1f), 0);
    NetworkExtraction.Extracted[] ab = extract(a, t(0.1f), b, t(0.1f), 0);
    NetworkExtraction.Extracted[] ba = extract(b, t(0.1f), a, t(0.1f), 0);
    int fromA = 0;
    int fromB = 0;
    for (int i = 0; i < ab.length; i++) {
      SparseMlp netA = onlyA[i].net();
      SparseMlp netB = onlyB[i].net();
      double lossA = penalisedLoss(netA);
      double lossB = penalisedLoss(netB);
      assertTrue(Math.abs(lossA - lossB) > 1e-4 * Math.max(lossA, lossB),
          "a near tie would hide which slot is read: " + lossA + ", " + lossB);
      SparseMlp better = lossA < lossB ? netA : netB;
      assertSameNetwork(better, ab[i].net(), "pick " + i + ": losses " + lossA + ", " + lossB);
      assertSameNetwork(better, ba[i].net(), "pick " + i + " with the slots swapped");
      fromA += better == netA ? 1 : 0;
      fromB += better == netB ? 1 : 0;
    }
    assertTrue(fromA > 0 && fromB > 0, "both slots win somewhere (" + fromA + " from the best "
        + "step's points, " + fromB + " from the final ones): choose other seeds if not");
  }

  @Test
  void aHigherThresholdKeepsFewerWeights() {
    INDArray a = z(3);
    NetworkExtraction.Extracted[] low = extract(a, t(0f), a, t(0f), 0);
    NetworkExtraction.Extracted[] high = extract(a, t(0.5f), a, t(0.5f), 0);
    int lowCount = 0;
    int highCount = 0;
    for (int i = 0; i < low.length; i++) {
      assertTrue(high[i].net().nonZeroWeights() <= low[i].net().nonZeroWeights(), "pick " + i);
      lowCount += low[i].net().nonZeroWeights();
      highCount += high[i].net().nonZeroWeights();
    }
    assertTrue(highCount < lowCount, highCount + " weights at 0.5, " + lowCount + " at 0");
  }

  @Test
  void aNonFiniteLatentPointGivesNoNonFiniteNetwork() {
    for (float poison : new float[] {Float.NaN, Float.POSITIVE_INFINITY, 1e30f}) {
      INDArray poisoned = z(1).dup();
      // configuration 1, restart 0: every latent entry
      for (int i = 0; i < h; i++) {
        for (int j = 0; j < d; j++) {
          poisoned.putScalar(new long[] {0, 0, i, j}, poison);
        }
      }
      for (NetworkExtraction.Extracted e : extract(poisoned, t(0.1f), poisoned, t(0.1f), 0)) {
        for (double[] row : rows.x()) {
          assertTrue(Double.isFinite(e.net().predict(row)), poison + ": " + e.net());
        }
      }
    }
  }
}
