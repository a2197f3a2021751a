package swatnn.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;
import swatnn.TinyAutoencoder;
import swatnn.autoencoder.AutoencoderConfig;
import swatnn.autoencoder.AutoencoderGraph;
import swatnn.autoencoder.AutoencoderModel;
import swatnn.autoencoder.SoftMlpGraph;
import swatnn.nd4j.Nd4jRuntime;

/** Every decoder's latent point gets a gradient from the search's objective. */
class SearchGradientTest {
  @TempDir static Path dir;
  static AutoencoderModel model;

  @BeforeAll
  static void tinyModel() throws Exception {
    model = AutoencoderModel.load(TinyAutoencoder.train(dir.resolve("tiny.zip"), 2));
  }

  private static double[] gradNormPerDecoder(boolean throughSoftMlp) {
    return gradNormPerDecoder(throughSoftMlp, 0);
  }

  private static double[] gradNormPerDecoder(boolean throughSoftMlp, int variant) {
    AutoencoderConfig c = model.config();
    int l = c.layout().maxHiddenLayers();
    int h = c.layout().maxNeurons();
    int r = 2;
    int p = 8;
    SameDiff sd = SameDiff.create();
    Nd4j.getRandom().setSeed(3);
    SDVariable z = sd.var("z", Nd4j.randn(DataType.FLOAT, l, r, h, c.dModel()));
    SDVariable decoded = AutoencoderGraph.frozenDecoders(sd, c, model.parameters(), z, r);
    SDVariable loss;
    Map<String, INDArray> ph;
    if (throughSoftMlp) {
      SDVariable points = sd.placeHolder("points", DataType.FLOAT, r, p, h);
      SDVariable t = sd.var("t", Nd4j.zeros(DataType.FLOAT, l, r, 1, 1));
      SDVariable temperature = sd.placeHolder("temperature", DataType.FLOAT);
      SoftMlpGraph.Result soft = SoftMlpGraph.build(sd, c.layout(), decoded, points, r, p,
          new SoftMlpGraph.Shaping(temperature, t, true));
      INDArray pts = Nd4j.rand(DataType.FLOAT, r, p, h).subi(0.5);
      if (variant == 0) {
        loss = soft.predictions().mul(soft.predictions()).sum().rename("loss");
        ph = Map.of("points", pts, "temperature", Nd4j.scalar(0.5f));
      } else {
        SDVariable targets = sd.placeHolder("targets", DataType.FLOAT, p);
        SDVariable diff = soft.predictions().sub(sd.reshape(targets, 1, 1, p));
        SDVariable mse = diff.mul(diff).mean(2);
        SDVariable per = variant >= 2 ? mse.rename("lossPer") : mse;
        SDVariable sel = per;
        if (variant >= 3) {
          sel = per.mul(sd.constant(Nd4j.create(new float[] {1, 1, 1, 1}, new long[] {l, 1},
              'c')));
        }
        loss = sel.sum().rename("loss");
        ph = Map.of("points", pts, "temperature", Nd4j.scalar(0.5f), "targets",
            Nd4j.rand(DataType.FLOAT, p));
      }
    } else {
      loss = decoded.mul(decoded).sum().rename("loss");
      ph = Map.of();
    }
    sd.setLossVariables("loss");
    Nd4jRuntime.createGradientsQuietly(sd);
    INDArray g = sd.calculateGradients(ph, List.of("z")).get("z");
    double[] norms = new double[l];
    for (int k = 0; k < l; k++) {
      norms[k] = g.get(NDArrayIndex.point(k)).norm2Number().doubleValue();
    }
    return norms;
  }

  @Test
  void decodedMatricesDependOnEveryDecodersPoint() {
    double[] n = gradNormPerDecoder(false);
    for (int k = 0; k < n.length; k++) {
      assertTrue(n[k] > 0, "decoder " + (k + 1) + ": " + java.util.Arrays.toString(n));
    }
  }

  @Test
  void theSearchObjectiveMovesEveryDecodersPoint() {
    int l = model.config().layout().maxHiddenLayers();
    SearchProbe probe = SearchProbe.of(new SearchSettings(), 5, 0f);
    SameDiff sd = probe.sd();
    for (float temperature : new float[] {1f, 0.01f}) {
      Map<String, INDArray> ph = probe.feed(temperature);
      INDArray g = sd.calculateGradients(ph, List.of("z")).get("z");
      for (int k = 0; k < l; k++) {
        double norm = g.get(NDArrayIndex.point(k)).norm2Number().doubleValue();
        assertTrue(norm > 0 && Double.isFinite(norm), "decoder " + (k + 1) + " at temperature "
            + temperature + ": gradient norm " + norm);
      }
      // and it is the loss's gradient: the derivative along it is its norm
      INDArray z0 = sd.getVariable("z").getArr().dup();
      INDArray dir = g.div(g.norm2Number());
      double eps = 1e-3;
      sd.getVariable("z").getArr().assign(z0.add(dir.mul(eps)));
      double up = sd.output(ph, "loss").get("loss").getDouble(0);
      sd.getVariable("z").getArr().assign(z0.sub(dir.mul(eps)));
      double down = sd.output(ph, "loss").get("loss").getDouble(0);
      sd.getVariable("z").getArr().assign(z0);
      double slope = (up - down) / (2 * eps);
      double norm = g.norm2Number().doubleValue();
      assertEquals(norm, slope, 0.05 * norm, "temperature " + temperature);
    }
  }

  /**
   * The objective (METHOD.md section 3) is MSE + lambda_s (mu_c soft count + mu_1 L1) - alpha
   * mask spread + beta mean mask, per configuration and restart: each term, switched on alone,
   * has its sign, and the defaults combine them with their coefficients.
   */
  @Test
  void theObjectiveCombinesItsTermsWithTheirCoefficients() {
    SearchSettings off = new SearchSettings().lambdaS(0).mu1(0).muC(0).alpha(0).beta(0);
    INDArray base = lossPer(off);
    INDArray count = lossPer(off.copy().lambdaS(1).muC(1)).sub(base);
    INDArray l1 = lossPer(off.copy().lambdaS(1).mu1(1)).sub(base);
    INDArray spread = base.sub(lossPer(off.copy().alpha(1)));
    INDArray meanMask = lossPer(off.copy().beta(1)).sub(base);
    SearchSettings d = new SearchSettings();
    INDArray expected = base.add(count.mul(d.lambdaS() * d.muC())).add(l1.mul(d.lambdaS() * d.mu1()))
        .sub(spread.mul(d.alpha())).add(meanMask.mul(d.beta()));
    INDArray actual = lossPer(d);
    for (long i = 0; i < base.length(); i++) {
      assertTrue(base.getDouble(i) > 0 && count.getDouble(i) > 0 && l1.getDouble(i) > 0
          && spread.getDouble(i) > 0 && meanMask.getDouble(i) > 0, "entry " + i);
      assertEquals(expected.getDouble(i), actual.getDouble(i), 1e-4 * Math.abs(expected.getDouble(i)) + 1e-6,
          "entry " + i);
    }
  }

  /** lossPer [L, R] of the search graph with the given settings, at a fixed z, t and batch. */
  private static INDArray lossPer(SearchSettings settings) {
    SearchProbe probe = SearchProbe.of(settings, 11, 0.05f);
    return probe.sd().output(probe.feed(0.5f), "lossPer").get("lossPer").dup();
  }

  /**
   * The search graph for 2 restarts at a random z (seeded) and threshold t, with a batch of 16
   * points of 2 inputs and random targets.
   */
  private record SearchProbe(SameDiff sd, INDArray points, INDArray targets) {
    static SearchProbe of(SearchSettings settings, long seed, float threshold) {
      AutoencoderConfig c = model.config();
      int l = c.layout().maxHiddenLayers();
      int h = c.layout().maxNeurons();
      int r = 2;
      int p = 16;
      Nd4j.getRandom().setSeed(seed);
      INDArray z = Nd4j.randn(DataType.FLOAT, l, r, h, c.dModel());
      INDArray pts = Nd4j.zeros(DataType.FLOAT, r, p, h);
      pts.get(NDArrayIndex.all(), NDArrayIndex.all(), NDArrayIndex.interval(0, 2))
          .assign(Nd4j.rand(DataType.FLOAT, r, p, 2).subi(0.5).muli(2));
      INDArray targets = Nd4j.rand(DataType.FLOAT, p).subi(0.5);
      SameDiff sd = SameDiffSearchStep.graph(model, settings.copy().restarts(r), z,
          Nd4j.valueArrayOf(new long[] {l, r, 1, 1}, threshold), 2, p, false);
      return new SearchProbe(sd, pts, targets);
    }

    Map<String, INDArray> feed(float temperature) {
      return Map.of("points", points, "targets", targets, "temperature", Nd4j.scalar(temperature));
    }
  }

  @Test
  void aDuplicatedRowEqualsARowOfWeightTwo() {
    // the search loss and its gradient for 16 points with point 0 given weight 2 and for the
    // same 16 points with point 0 repeated; LM refinement and the selection's weighted means
    // have their own duplicate tests (LeastSquaresRefinerTest, ConfigurationSelector)
    AutoencoderConfig c = model.config();
    int l = c.layout().maxHiddenLayers();
    int h = c.layout().maxNeurons();
    int r = 2;
    int p = 16;
    Nd4j.getRandom().setSeed(5);
    INDArray z = Nd4j.randn(DataType.FLOAT, l, r, h, c.dModel());
    INDArray t = Nd4j.valueArrayOf(new long[] {l, r, 1, 1}, 0.05f);
    INDArray pts = Nd4j.zeros(DataType.FLOAT, r, p + 1, h);
    pts.get(NDArrayIndex.all(), NDArrayIndex.interval(0, p), NDArrayIndex.interval(0, 2))
        .assign(Nd4j.rand(DataType.FLOAT, 1, p, 2).subi(0.5).muli(2).broadcast(r, p, 2));
    pts.get(NDArrayIndex.all(), NDArrayIndex.point(p), NDArrayIndex.all())
        .assign(pts.get(NDArrayIndex.all(), NDArrayIndex.point(0), NDArrayIndex.all()));
    INDArray targets = Nd4j.rand(DataType.FLOAT, p + 1).subi(0.5);
    targets.putScalar(p, targets.getFloat(0));
    float[] w = new float[p];
    java.util.Arrays.fill(w, p / (p + 1f)); // the search's batch weights: mean 1
    w[0] *= 2;
    SearchSettings settings = new SearchSettings().restarts(r);
    Map<String, INDArray> twice = Map.of("points", pts, "targets", targets,
        "temperature", Nd4j.scalar(0.3f));
    Map<String, INDArray> weighted = Map.of(
        "points", pts.get(NDArrayIndex.all(), NDArrayIndex.interval(0, p), NDArrayIndex.all()).dup(),
        "targets", targets.get(NDArrayIndex.interval(0, p)).dup(),
        "temperature", Nd4j.scalar(0.3f), "weights", Nd4j.create(w, new long[] {1, 1, p}, 'c'));
    var a = SameDiffSearchStep.graph(model, settings, z.dup(), t.dup(), 2, p + 1, false)
        .calculateGradientsAndOutputs(twice, List.of("lossPer"), List.of("z"));
    var b = SameDiffSearchStep.graph(model, settings, z.dup(), t.dup(), 2, p, true)
        .calculateGradientsAndOutputs(weighted, List.of("lossPer"), List.of("z"));
    INDArray la = a.getOutputs().get("lossPer");
    INDArray lb = b.getOutputs().get("lossPer");
    INDArray ga = a.getGradients().get("z");
    INDArray gb = b.getGradients().get("z");
    for (int i = 0; i < la.length(); i++) {
      assertEquals(la.getDouble(i), lb.getDouble(i), 1e-5 * Math.abs(la.getDouble(i)) + 1e-7);
    }
    double diff = ga.sub(gb).norm2Number().doubleValue();
    assertTrue(diff <= 1e-4 * ga.norm2Number().doubleValue(), "gradient difference " + diff);
  }

  @Test
  void softNetworksDependOnEveryDecodersPoint() {
    double[] n = gradNormPerDecoder(true);
    for (int k = 0; k < n.length; k++) {
      assertTrue(n[k] > 0, "decoder " + (k + 1) + ": " + java.util.Arrays.toString(n));
    }
  }
}
