package swatnn.search;

import java.util.Arrays;
import swatnn.autoencoder.AutoencoderModel;
import swatnn.mlp.MlpLayout;
import swatnn.nd4j.Nd4jBackend;

/**
 * The search step written out by hand: the forward and backward pass of
 * {@link SameDiffSearchStep}'s graph on float arrays, in one thread, without a graph. The
 * graph's cost on the CPU is per-op overhead on tiny tensors (some 430 ops); here a step costs
 * its arithmetic: the transformer's matrix products as OpenBLAS sgemm calls on the Java arrays
 * (Java loops off the CPU backend), everything else in Java loops.
 *
 * <p>Per searched decoder i (k = i + 1 hidden layers), exactly as the graph:
 *
 * <pre>
 *   D [r, H, maxW]  = {@link DecoderPass#forward}(i, z)          the frozen transformer
 *   per restart q:  loss, mse = {@link SoftMlpPass#forward}(D[q], t[i, q], batch)
 *                   dD[q], dt[i, q] = {@link SoftMlpPass#backward}
 *   dz[i]           = {@link DecoderPass#backward}(i, dD)
 * </pre>
 *
 * Decoders of configurations that are not searched are skipped (their gradient is 0, their
 * lossPer and mse NaN). Buffers are allocated once per step object, i.e. per group of
 * restarts. Deterministic: the same inputs give the same bits on any thread (the products are
 * far below BLAS's multithreading threshold, and SWATNNRegressor runs the search on one BLAS
 * thread anyway). FusedSearchStepTest checks it against {@link SameDiffSearchStep}.
 */
final class FusedSearchStep implements SearchStep {
  private final int l;
  private final int r;
  private final int h;
  private final int maxW;
  private final boolean weighted;
  private final boolean[] searched;
  private final DecoderPass decoder;
  private final SoftMlpPass softMlp;
  // outputs
  private final float[] lossPer;
  private final float[] mse;
  private final float[] dz;
  private final float[] dt;
  private final Result result;

  FusedSearchStep(AutoencoderModel model, SearchSettings settings, int nIn, int r, int p,
      boolean weighted) {
    this(model, settings, nIn, r, p, weighted, "CPU".equalsIgnoreCase(Nd4jBackend.name()));
  }

  /**
   * @param blas whether the transformer's matrix products go to OpenBLAS rather than Java
   *     loops (the CPU backend has it loaded)
   * @throws IllegalArgumentException if the layout does not take nIn inputs
   */
  FusedSearchStep(AutoencoderModel model, SearchSettings settings, int nIn, int r, int p,
      boolean weighted, boolean blas) {
    MlpLayout layout = model.config().layout();
    layout.checkInputs(nIn);
    this.l = layout.maxHiddenLayers();
    this.h = layout.maxNeurons();
    this.maxW = layout.maxWidth();
    this.r = r;
    this.weighted = weighted;
    this.searched = new boolean[l];
    for (int k : settings.layers()) {
      searched[k - 1] = true;
    }
    this.softMlp = new SoftMlpPass(layout, settings, nIn, p);
    this.decoder = new DecoderPass(model, r, blas);
    int d = model.config().dModel();
    lossPer = new float[l * r];
    mse = new float[l * r];
    dz = new float[l * r * h * d];
    dt = new float[l * r];
    result = new Result(lossPer, mse, dz, dt);
  }

  @Override
  public Result run(float[] z, float[] t, float[] points, float[] targets, float[] w,
      float temperature) {
    if ((w != null) != weighted) {
      throw new IllegalArgumentException(weighted ? "this step needs weights"
          : "this step is unweighted");
    }
    Arrays.fill(dz, 0f);
    Arrays.fill(dt, 0f);
    for (int i = 0; i < l; i++) {
      if (!searched[i]) {
        for (int q = 0; q < r; q++) {
          lossPer[i * r + q] = Float.NaN;
          mse[i * r + q] = Float.NaN;
        }
        continue;
      }
      float[] decoded = decoder.forward(i, z);
      float[] dDecoded = decoder.decodedGradient();
      Arrays.fill(dDecoded, 0f);
      for (int q = 0; q < r; q++) {
        int o = i * r + q;
        softMlp.forward(i, decoded, q * h * maxW, t[o], points, targets, w, temperature);
        lossPer[o] = (float) softMlp.loss();
        mse[o] = (float) softMlp.mse();
        dt[o] = (float) softMlp.backward(dDecoded);
      }
      decoder.backward(i, dz);
    }
    return result;
  }
}
