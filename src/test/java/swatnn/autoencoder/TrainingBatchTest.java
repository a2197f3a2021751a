package swatnn.autoencoder;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.ndarray.INDArray;
import swatnn.mlp.MlpLayout;
import swatnn.mlp.MlpMatrixCodec;
import swatnn.mlp.RandomMlpSampler;
import swatnn.mlp.SparseMlp;

class TrainingBatchTest {
  private static final MlpMatrixCodec CODEC = new MlpMatrixCodec(MlpLayout.DEFAULT);

  @Test
  void normalisedNetworksComputeTheirTargetsWithinUnitRange() {
    RandomMlpSampler sampler = new RandomMlpSampler(MlpLayout.DEFAULT, 1, 7);
    TrainingBatch b = TrainingBatch.sample(sampler, CODEC, 64, 50, new Random(3), true);
    Map<String, INDArray> ph = b.placeholders();
    INDArray points = ph.get(AutoencoderGraph.POINTS);
    INDArray targets = ph.get(AutoencoderGraph.TARGETS);
    int spanning = 0;
    for (int i = 0; i < b.size(); i++) {
      SparseMlp m = b.network(i);
      double lo = Double.POSITIVE_INFINITY;
      double hi = Double.NEGATIVE_INFINITY;
      for (int p = 0; p < 50; p++) {
        double[] x = new double[m.nIn()];
        for (int j = 0; j < x.length; j++) {
          x[j] = points.getDouble(i, p, j);
        }
        double y = targets.getDouble(i, p);
        assertEquals(m.predict(x), y, 1e-4 * Math.max(1, Math.abs(y)), "the tokens' network computes the target");
        lo = Math.min(lo, y);
        hi = Math.max(hi, y);
      }
      assertTrue(lo >= -1 - 1e-5 && hi <= 1 + 1e-5, "targets within [-1, 1]: " + lo + " .. " + hi);
      if (lo < -1 + 1e-5 && hi > 1 - 1e-5) {
        spanning++;
      }
    }
    assertTrue(spanning > 32, "most networks span [-1, 1] exactly: " + spanning);
  }

  @Test
  void rawBatchesKeepTheNetworksAsDrawn() {
    RandomMlpSampler sampler = new RandomMlpSampler(MlpLayout.DEFAULT, 2, 2);
    TrainingBatch raw = TrainingBatch.sample(sampler, CODEC, 8, 10, new Random(5), false);
    Random again = new Random(5);
    for (int i = 0; i < 8; i++) {
      assertEquals(sampler.draw(again).mlp(), raw.network(i));
    }
  }
}
