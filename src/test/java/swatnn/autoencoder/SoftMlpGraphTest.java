package swatnn.autoencoder;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import swatnn.mlp.MlpLayout;
import swatnn.mlp.MlpMatrixCodec;
import swatnn.mlp.RandomMlpSampler;
import swatnn.mlp.SparseMlp;

/** The soft evaluation equals the discrete forward pass when logits are decisive. */
class SoftMlpGraphTest {
  private static final MlpLayout LAYOUT = MlpLayout.DEFAULT;
  private static final int B = 5;
  private static final int P = 9;

  /** Decoder-shaped output for a network: one-hot activations and 0/1 masks become +-40 logits. */
  static double[][] asDecoderOutput(MlpMatrixCodec codec, SparseMlp m) {
    double[][] x = codec.encode(m);
    int k = m.hiddenLayers();
    for (int t = 0; t < k; t++) {
      int a = LAYOUT.activationOffset(k, t);
      for (int j = 0; j < LAYOUT.maxNeurons(); j++) {
        for (int c = 0; c < 3; c++) {
          x[j][a + c] = x[j][a + c] > 0.5 ? 40 : -40;
        }
        int mc = LAYOUT.maskColumn(k, t);
        x[j][mc] = x[j][mc] > 0.5 ? 40 : -40;
      }
    }
    return x;
  }

  @Test
  void softEvaluationMatchesDiscreteNetworks() {
    Random r = new Random(7);
    MlpMatrixCodec codec = new MlpMatrixCodec(LAYOUT);
    RandomMlpSampler sampler = new RandomMlpSampler(LAYOUT, 1, 7);
    int s = LAYOUT.maxHiddenLayers();
    int h = LAYOUT.maxNeurons();
    int w = LAYOUT.maxWidth();
    SparseMlp[][] nets = new SparseMlp[s][B];
    float[] decoded = new float[s * B * h * w];
    float[] points = new float[B * P * h];
    double[][][] rows = new double[B][P][];
    for (int j = 0; j < B; j++) {
      int nIn = 1 + r.nextInt(h);
      for (int p = 0; p < P; p++) {
        rows[j][p] = new double[nIn];
        for (int i = 0; i < nIn; i++) {
          rows[j][p][i] = 2 * r.nextDouble() - 1;
          points[(j * P + p) * h + i] = (float) rows[j][p][i];
        }
      }
      for (int i = 0; i < s; i++) {
        nets[i][j] = sampler.draw(r, i + 1, nIn).mlp();
        double[][] m = asDecoderOutput(codec, nets[i][j]);
        for (int row = 0; row < h; row++) {
          for (int c = 0; c < w; c++) {
            decoded[((i * B + j) * h + row) * w + c] = (float) m[row][c];
          }
        }
      }
    }
    SameDiff sd = SameDiff.create();
    SDVariable dec = sd.constant("decoded", Nd4j.create(decoded, new long[] {s, (long) B * h, w}, 'c'));
    SDVariable pts = sd.placeHolder("points", DataType.FLOAT, B, P, h);
    SDVariable out = SoftMlpGraph.build(sd, LAYOUT, dec, pts, B, P, SoftMlpGraph.Shaping.NONE)
        .predictions();
    INDArray pred = sd.outputSingle(Map.of("points", Nd4j.create(points, new long[] {B, P, h}, 'c')),
        out.name());
    assertEquals(3, pred.rank());
    for (int i = 0; i < s; i++) {
      for (int j = 0; j < B; j++) {
        double[] y = nets[i][j].predict(rows[j]);
        for (int p = 0; p < P; p++) {
          double tol = 1e-4 * Math.max(1, Math.abs(y[p]));
          assertEquals(y[p], pred.getDouble(i, j, p), tol, "decoder " + (i + 1) + " net " + j + " point " + p);
        }
      }
    }
  }

  /** Analytic gradients of the soft evaluation (all decoders, all blocks) equal finite differences. */
  @Test
  void gradientsMatchFiniteDifferences() {
    checkGradients(false);
  }

  /** The same with the search-time shaping: weight gate (threshold per network), temperature, sharpened masks. */
  @Test
  void shapedGradientsMatchFiniteDifferences() {
    checkGradients(true);
  }

  private void checkGradients(boolean shaped) {
    int b = 3;
    int p = 4;
    int s = LAYOUT.maxHiddenLayers();
    int h = LAYOUT.maxNeurons();
    int w = LAYOUT.maxWidth();
    Random r = new Random(3);
    double[] init = new double[s * b * h * w];
    for (int i = 0; i < init.length; i++) {
      init[i] = r.nextGaussian() * 0.7;
    }
    double[] pts = new double[b * p * h];
    for (int i = 0; i < pts.length; i++) {
      pts[i] = 2 * r.nextDouble() - 1;
    }
    double[] probe = new double[s * b * p];
    for (int i = 0; i < probe.length; i++) {
      probe[i] = r.nextGaussian();
    }
    SameDiff sd = SameDiff.create();
    SDVariable dec = sd.var("decoded", Nd4j.create(init, new long[] {s, (long) b * h, w}, 'c'));
    SDVariable pt = sd.constant("points", Nd4j.create(pts, new long[] {b, p, h}, 'c'));
    SoftMlpGraph.Shaping shaping = SoftMlpGraph.Shaping.NONE;
    if (shaped) {
      double[] th = new double[s * b];
      for (int i = 0; i < th.length; i++) {
        th[i] = 0.2 + 0.1 * i;
      }
      shaping = new SoftMlpGraph.Shaping(sd.constant(Nd4j.scalar(0.7)),
          sd.constant(Nd4j.create(th, new long[] {s, b, 1, 1}, 'c')), true);
    }
    SDVariable pred = SoftMlpGraph.build(sd, LAYOUT, dec, pt, b, p, shaping).predictions();
    pred.mul(sd.constant(Nd4j.create(probe, new long[] {s, b, p}, 'c'))).sum().rename("loss");
    sd.setLossVariables("loss");
    INDArray grad = sd.calculateGradients(Map.of(), "decoded").get("decoded");
    INDArray arr = dec.getArr();
    double eps = 1e-6;
    int checked = 0;
    for (int trial = 0; trial < 400 && checked < 60; trial++) {
      long i = r.nextInt(init.length);
      double g = grad.getDouble(i);
      double old = arr.getDouble(i);
      arr.putScalar(i, old + eps);
      double up = sd.outputSingle(Map.of(), "loss").getDouble(0);
      arr.putScalar(i, old - eps);
      double down = sd.outputSingle(Map.of(), "loss").getDouble(0);
      arr.putScalar(i, old);
      double numeric = (up - down) / (2 * eps);
      if (numeric == 0 && g == 0) {
        continue; // padding entry: no influence either way
      }
      assertEquals(numeric, g, 1e-4 * Math.max(1, Math.abs(numeric)), "entry " + i);
      checked++;
    }
    org.junit.jupiter.api.Assertions.assertTrue(checked >= 40, "too few influential entries: " + checked);
  }
}
