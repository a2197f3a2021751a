package swatnn.search;

import java.util.Locale;
import java.util.Random;
import swatnn.autoencoder.AutoencoderModel;

/**
 * The fused search step's time per step from a cold JVM, block by block: how long HotSpot takes
 * to compile the step's code shows as the first blocks' excess over the last ones (BENCHMARKS.md,
 * "Speed through weka.Run"). The step runs on fixed points of cpu.arff's shape (6 inputs, 209
 * rows, a group of 2 restarts of k = 1..4) from random latent points, moved by plain gradient
 * steps; the printed check sum of the first restart's losses is the same for every change that
 * keeps the arithmetic.
 *
 * <pre>
 *   java -cp "target/test-classes:target/classes:$(cat target/cp-test.txt)" \
 *       swatnn.search.StepWarmupBenchmark [BLOCKS [STEPS_PER_BLOCK]]   (default 20 x 50)
 * </pre>
 */
public final class StepWarmupBenchmark {
  private StepWarmupBenchmark() {}

  public static void main(String[] args) throws Exception {
    int blocks = args.length > 0 ? Integer.parseInt(args[0]) : 20;
    int perBlock = args.length > 1 ? Integer.parseInt(args[1]) : 50;
    int nIn = 6;
    int r = 2;
    int p = 209;
    AutoencoderModel model = AutoencoderModel.load(ModelLocator.resolve("swatnn-7in", nIn));
    int l = model.config().layout().maxHiddenLayers();
    int h = model.config().layout().maxNeurons();
    int d = model.config().dModel();
    FusedSearchStep step = new FusedSearchStep(model, new SearchSettings(), nIn, r, p, false);
    Random rnd = new Random(1);
    float[] z = new float[l * r * h * d];
    for (int i = 0; i < z.length; i++) {
      z[i] = (float) rnd.nextGaussian();
    }
    float[] t = new float[l * r];
    float[] points = new float[p * h];
    float[] targets = new float[p];
    for (int i = 0; i < p; i++) {
      for (int j = 0; j < nIn; j++) {
        points[i * h + j] = (float) (2 * rnd.nextDouble() - 1);
      }
      targets[i] = points[i * h] * points[i * h + 1];
    }
    double check = 0;
    for (int b = 0; b < blocks; b++) {
      long t0 = System.nanoTime();
      for (int i = 0; i < perBlock; i++) {
        SearchStep.Result out = step.run(z, t, points, targets, null, 1f);
        float[] dz = out.dz();
        for (int k = 0; k < z.length; k++) {
          z[k] -= 0.01f * dz[k];
        }
        check += out.lossPer()[0];
      }
      System.out.printf(Locale.ROOT, "steps %4d-%4d  %.3f ms/step%n", b * perBlock + 1,
          (b + 1) * perBlock, (System.nanoTime() - t0) / 1e6 / perBlock);
    }
    System.out.println("check " + check);
  }
}
