package swatnn.search;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.autodiff.samediff.api.OutAndGrad;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import swatnn.autoencoder.AutoencoderConfig;
import swatnn.autoencoder.AutoencoderGraph;
import swatnn.autoencoder.AutoencoderModel;
import swatnn.autoencoder.SoftMlpGraph;
import swatnn.mlp.MlpLayout;
import swatnn.mlp.MlpMatrixCodec;
import swatnn.nd4j.Nd4jRuntime;

/**
 * The search step as a SameDiff graph ({@link #graph}): frozen decoders
 * ({@link AutoencoderGraph#frozenDecoders}), the soft evaluation ({@link SoftMlpGraph}), the
 * weighted MSE and the penalties, differentiated by SameDiff. Some 430 ops on tiny tensors:
 * per-op overhead dominates on the CPU, where {@link FusedSearchStep} is faster; this is what
 * runs on CUDA and what the fused step is tested against.
 */
final class SameDiffSearchStep implements SearchStep {
  static {
    Nd4jRuntime.init();
  }

  /** With -Dswatnn.search.profile=FILE, search steps 20-22 are written to a Chrome trace. */
  private static final String PROFILE = System.getProperty("swatnn.search.profile");

  private final SameDiff sd;
  private final int l;
  private final int r;
  private final int h;
  private final int d;
  private final int p;
  private final boolean weighted;
  private final float[] pts;
  private int calls;

  SameDiffSearchStep(AutoencoderModel model, SearchSettings settings, int nIn, int r, int p,
      boolean weighted) {
    MlpLayout layout = model.config().layout();
    this.l = layout.maxHiddenLayers();
    this.h = layout.maxNeurons();
    this.d = model.config().dModel();
    this.r = r;
    this.p = p;
    this.weighted = weighted;
    this.pts = new float[r * p * h];
    this.sd = graph(model, settings, Nd4j.zeros(DataType.FLOAT, l, r, h, d),
        Nd4j.zeros(DataType.FLOAT, l, r, 1, 1), nIn, p, weighted);
  }

  @Override
  public Result run(float[] z, float[] t, float[] points, float[] targets, float[] weights,
      float temperature) {
    if ((weights != null) != weighted) {
      throw new IllegalArgumentException(weighted ? "this step needs weights"
          : "this step is unweighted");
    }
    sd.getVariable("z").getArr().assign(Nd4j.create(z, new long[] {l, r, h, d}, 'c'));
    sd.getVariable("t").getArr().assign(Nd4j.create(t, new long[] {l, r, 1, 1}, 'c'));
    for (int rr = 0; rr < r; rr++) {
      System.arraycopy(points, 0, pts, rr * p * h, p * h);
    }
    Map<String, INDArray> ph = new HashMap<>();
    ph.put("points", Nd4j.create(pts, new long[] {r, p, h}, 'c'));
    ph.put("targets", Nd4j.create(targets, new long[] {p}, 'c'));
    if (weighted) {
      ph.put("weights", Nd4j.create(weights, new long[] {1, 1, p}, 'c'));
    }
    ph.put("temperature", Nd4j.scalar(temperature));
    if (PROFILE != null && calls == 20) { // steps 20-22 into a Chrome trace
      sd.setListeners(org.nd4j.autodiff.listeners.profiler.ProfilingListener
          .builder(new java.io.File(PROFILE)).recordAll().warmup(0).build());
    } else if (PROFILE != null && calls == 23) {
      sd.setListeners();
    }
    calls++;
    OutAndGrad og = sd.calculateGradientsAndOutputs(ph, List.of("lossPer", "mse"),
        List.of("z", "t"));
    return new Result(og.getOutputs().get("lossPer").dup('c').data().asFloat(),
        og.getOutputs().get("mse").dup('c').data().asFloat(),
        og.getGradients().get("z").dup('c').data().asFloat(),
        og.getGradients().get("t").dup('c').data().asFloat());
  }

  /**
   * The search graph: variables z [L, R, H, d] and t [L, R, 1, 1]; placeholders points
   * [R, p, H], targets [p], temperature, and with {@code weighted} weights [1, 1, p] (mean 1);
   * outputs mse and lossPer [L, R] and the loss, the sum of lossPer over the searched
   * configurations.
   */
  static SameDiff graph(AutoencoderModel model, SearchSettings settings, INDArray zInit,
      INDArray tInit, int nIn, int p, boolean weighted) {
    AutoencoderConfig c = model.config();
    MlpLayout layout = c.layout();
    int l = layout.maxHiddenLayers();
    int h = layout.maxNeurons();
    int r = (int) zInit.size(1);
    SameDiff sd = SameDiff.create();
    SDVariable z = sd.var("z", zInit);
    SDVariable t = sd.var("t", tInit);
    SDVariable points = sd.placeHolder("points", DataType.FLOAT, r, p, h);
    SDVariable targets = sd.placeHolder("targets", DataType.FLOAT, p);
    SDVariable temperature = sd.placeHolder("temperature", DataType.FLOAT);
    SDVariable decoded = AutoencoderGraph.frozenDecoders(sd, c, model.parameters(), z, r);
    SoftMlpGraph.Result soft = SoftMlpGraph.build(sd, layout, decoded, points, r, p,
        new SoftMlpGraph.Shaping(temperature, t, true));
    SDVariable diff = soft.predictions().sub(sd.reshape(targets, 1, 1, p));
    SDVariable squared = diff.mul(diff);
    if (weighted) {
      squared = squared.mul(sd.placeHolder("weights", DataType.FLOAT, 1, 1, p));
    }
    SDVariable mse = squared.mean(2).rename("mse"); // [L, R]
    // each penalty arrives with its coefficient folded into its constants (fewer graph ops)
    SDVariable lossPer = mse.add(sparsity(sd, layout, settings, soft, t, nIn))
        .add(maskSpread(sd, layout, soft.masks(), -settings.alpha()))
        .add(maskMean(sd, layout, soft.masks(), settings.beta()))
        .rename("lossPer");
    float[] selected = new float[l];
    for (int k : settings.layers()) {
      selected[k - 1] = 1f;
    }
    lossPer.mul(sd.constant(Nd4j.create(selected, new long[] {l, 1}, 'c'))).sum().rename("loss");
    sd.setLossVariables("loss");
    Nd4jRuntime.createGradientsQuietly(sd);
    return sd;
  }

  /**
   * [L, H, maxW]: 1 on each decoder's real weight entries (the weight blocks of its
   * transitions, without input rows beyond n_in and the output block's padding), else 0.
   */
  static float[] realWeights(MlpLayout layout, int nIn) {
    int l = layout.maxHiddenLayers();
    int h = layout.maxNeurons();
    MlpMatrixCodec codec = new MlpMatrixCodec(layout);
    float[] real = new float[l * h * layout.maxWidth()];
    for (int i = 0; i < l; i++) {
      int k = i + 1;
      double[][] valid = codec.validity(nIn, k);
      for (int tr = 0; tr <= k; tr++) {
        int off = layout.weightBlockOffset(k, tr);
        for (int row = 0; row < h; row++) {
          for (int c = 0; c < h; c++) {
            if (valid[row][off + c] > 0) {
              real[(i * h + row) * layout.maxWidth() + off + c] = 1f;
            }
          }
        }
      }
    }
    return real;
  }

  /**
   * lambda_s times the soft count and L1 of the gated weights, over each decoder's real weight
   * entries (input rows beyond n_in and padding excluded): [L, R].
   */
  private static SDVariable sparsity(SameDiff sd, MlpLayout layout, SearchSettings settings,
      SoftMlpGraph.Result soft, SDVariable t, int nIn) {
    int l = layout.maxHiddenLayers();
    int h = layout.maxNeurons();
    INDArray real4 = Nd4j.create(realWeights(layout, nIn), new long[] {l, 1, h, layout.maxWidth()}, 'c');
    SDVariable countWeight = sd.constant(real4.mul(settings.lambdaS() * settings.muC()));
    SDVariable l1Weight = sd.constant(real4.mul(settings.lambdaS() * settings.mu1()));
    SDVariable abs = sd.math.abs(soft.gated());
    return sd.nn.sigmoid(abs.sub(t).mul(20.0)).mul(countWeight).add(abs.mul(l1Weight)).sum(2, 3);
  }

  /**
   * coefficient times the mean over each decoder's real hidden layers of the spread (std) of its
   * masks: [L, R].
   */
  private static SDVariable maskSpread(SameDiff sd, MlpLayout layout, SDVariable masks,
      double coefficient) {
    // Written out rather than sd.standardDeviation: that op's gradient (1.0.0-M2.1) came back
    // zero for every decoder but the last. The epsilon keeps the gradient finite where a
    // layer's masks are all equal (the padding layers).
    SDVariable dev = masks.sub(masks.mean(true, 2));
    SDVariable std = sd.math.sqrt(dev.mul(dev).mean(2).add(1e-8));
    return std.mul(layerWeights(sd, layout, coefficient)).sum(2);
  }

  /** coefficient times the mean over each decoder's real hidden layers of its mean mask: [L, R]. */
  private static SDVariable maskMean(SameDiff sd, MlpLayout layout, SDVariable masks,
      double coefficient) {
    return masks.mean(2).mul(layerWeights(sd, layout, coefficient)).sum(2);
  }

  /** [L, 1, L]: coefficient / k on decoder k's real layers, 0 on padding. */
  private static SDVariable layerWeights(SameDiff sd, MlpLayout layout, double coefficient) {
    int l = layout.maxHiddenLayers();
    float[] v = new float[l * l];
    for (int i = 0; i < l; i++) {
      for (int j = 0; j <= i; j++) {
        v[i * l + j] = (float) (coefficient / (i + 1));
      }
    }
    return sd.constant(Nd4j.create(v, new long[] {l, 1, l}, 'c'));
  }
}
