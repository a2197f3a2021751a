package swatnn.search;

import java.util.Arrays;
import java.util.Locale;
import java.util.Random;
import swatnn.autoencoder.AutoencoderModel;

/**
 * The fused search step's time per step with its matrix products on OpenBLAS (the CPU package's
 * path) against plain Java loops (the path of a package without native libraries), on the same
 * inputs: the measurement behind the choice between a package with every platform's natives and
 * a native-free search (BENCHMARKS.md, "Every platform Weka runs on"). Two shapes: cpu.arff's (6
 * inputs, 167 training rows, the bundled 7-input autoencoder) and a 2-input CORNN task's (240
 * training rows, the 2-input autoencoder), each a group of {@code r} restarts of k = 1..4 from
 * random latent points moved by plain gradient steps. After a warm-up of both paths, blocks of
 * steps alternate between the paths (so that a busy machine slows both alike); the median over
 * the blocks is printed, and the largest difference of the two paths' latent gradients on the
 * first step, relative to its largest magnitude.
 *
 * <pre>
 *   mvn -B -q test-compile dependency:build-classpath -Dmdep.outputFile=target/cp-test.txt
 *   OMP_NUM_THREADS=1 java -cp "target/test-classes:target/classes:$(cat target/cp-test.txt)" \
 *       swatnn.search.StepBlasBenchmark [BLOCKS [STEPS_PER_BLOCK [R]]]   (default 30 x 40, r = 4)
 * </pre>
 */
public final class StepBlasBenchmark {
  private StepBlasBenchmark() {}

  public static void main(String[] args) throws Exception {
    int blocks = args.length > 0 ? Integer.parseInt(args[0]) : 30;
    int perBlock = args.length > 1 ? Integer.parseInt(args[1]) : 40;
    int r = args.length > 2 ? Integer.parseInt(args[2]) : 4;
    measure("swatnn-7in", 6, 167, r, blocks, perBlock);
    measure("swatnn-2in", 2, 240, r, blocks, perBlock);
  }

  private static void measure(String modelName, int nIn, int p, int r, int blocks, int perBlock)
      throws Exception {
    AutoencoderModel model = AutoencoderModel.load(ModelLocator.resolve(modelName, nIn));
    int l = model.config().layout().maxHiddenLayers();
    int h = model.config().layout().maxNeurons();
    int d = model.config().dModel();
    SearchSettings settings = new SearchSettings();
    FusedSearchStep[] steps = {
      new FusedSearchStep(model, settings, nIn, r, p, false, true),
      new FusedSearchStep(model, settings, nIn, r, p, false, false)
    };
    Random rnd = new Random(1);
    float[] z0 = new float[l * r * h * d];
    for (int i = 0; i < z0.length; i++) {
      z0[i] = (float) rnd.nextGaussian();
    }
    float[] t = new float[l * r];
    float[] points = new float[p * h];
    float[] targets = new float[p];
    for (int i = 0; i < p; i++) {
      for (int j = 0; j < nIn; j++) {
        points[i * h + j] = (float) (2 * rnd.nextDouble() - 1);
      }
      targets[i] = points[i * h] * points[i * h + (nIn > 1 ? 1 : 0)];
    }
    float[] dzBlas = steps[0].run(z0, t, points, targets, null, 1f).dz().clone();
    float[] dzJava = steps[1].run(z0, t, points, targets, null, 1f).dz().clone();
    double scale = 0;
    double diff = 0;
    for (int i = 0; i < dzBlas.length; i++) {
      scale = Math.max(scale, Math.abs(dzBlas[i]));
      diff = Math.max(diff, Math.abs(dzBlas[i] - dzJava[i]));
    }
    float[][] z = {z0.clone(), z0.clone()};
    double[][] msPerStep = new double[2][blocks];
    for (int b = -2; b < blocks; b++) { // two warm-up blocks per path
      for (int which = 0; which < 2; which++) {
        int path = (b & 1) == 0 ? which : 1 - which;
        long t0 = System.nanoTime();
        for (int i = 0; i < perBlock; i++) {
          float[] dz = steps[path].run(z[path], t, points, targets, null, 1f).dz();
          for (int k = 0; k < dz.length; k++) {
            z[path][k] -= 0.01f * dz[k];
          }
        }
        if (b >= 0) {
          msPerStep[path][b] = (System.nanoTime() - t0) / 1e6 / perBlock;
        }
      }
    }
    double blas = median(msPerStep[0]);
    double java = median(msPerStep[1]);
    System.out.printf(Locale.ROOT, "%s: %d inputs, %d rows, %d restarts x k=1..%d, %d x %d steps"
        + " per path%n  OpenBLAS %.3f ms/step (blocks %.3f..%.3f)%n  Java     %.3f ms/step"
        + " (blocks %.3f..%.3f)%n  Java / OpenBLAS %.2f; first-step dz max |difference| / max"
        + " |dz| = %.1e%n", modelName, nIn, p, r, l, blocks, perBlock, blas, min(msPerStep[0]),
        max(msPerStep[0]), java, min(msPerStep[1]), max(msPerStep[1]), java / blas,
        diff / scale);
  }

  private static double median(double[] v) {
    double[] s = v.clone();
    Arrays.sort(s);
    int n = s.length;
    return n % 2 == 1 ? s[n / 2] : (s[n / 2 - 1] + s[n / 2]) / 2;
  }

  private static double min(double[] v) {
    return Arrays.stream(v).min().orElse(Double.NaN);
  }

  private static double max(double[] v) {
    return Arrays.stream(v).max().orElse(Double.NaN);
  }
}
