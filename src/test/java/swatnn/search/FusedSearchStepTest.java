package swatnn.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.DisabledIf;
import swatnn.selection.SearchResult;
import swatnn.selection.SearchListener;
import swatnn.autoencoder.AutoencoderModel;

/**
 * The fused search step computes what the SameDiff graph computes: lossPer, mse, dLoss/dz and
 * dLoss/dt, for each configuration searched alone and all together, both bundled
 * autoencoders, weighted and unweighted batches and temperatures across the annealing range.
 *
 * <p>Tolerance: both run in float32 but round differently (SameDiff's batched products and
 * reductions against loops that keep some sums in double), through two 64-wide transformer
 * blocks and the steep gates (slope 200) of the soft evaluation. An entry agrees when
 *
 * <pre>
 *   |fused - graph| <= 1e-4 |graph| + 1e-5 max|graph| + 4 noise
 * </pre>
 *
 * where max is over the array and noise is how far the graph's own entry moves when z moves by
 * one ulp (nextUp on a third of its entries, nextDown on another third). Relative 1e-4 is
 * some thousand float32 roundings; the absolute floor, scaled to the array, covers entries that
 * are sums of far larger terms; the noise term covers the outputs that float32 cannot pin
 * down better: dt and some dz entries sum gate slopes 200 s (1 - s) over the matrix, and one
 * ulp in z moves the graph's dt by up to a few tenths of a percent.
 *
 * <p>The fused step is the CPU build's default and these tolerances are those of the CPU
 * graph's rounding: under the CUDA build (ND4J's CUDA backend on the class path) the class is
 * skipped.
 */
@DisabledIf(value = "swatnn.nd4j.Nd4jRuntime#cudaOnClassPath",
    disabledReason = "the CUDA build (mvn -Pcuda): the fused step is the CPU build's default")
class FusedSearchStepTest {
  static final double RELATIVE = 1e-4;
  static final double ABSOLUTE = 1e-5;
  static final double NOISE = 4;

  static final int[][] EACH_AND_ALL = {{1}, {2}, {3}, {4}, {1, 2, 3, 4}};

  @Test
  void theTwoInputModelAgreesWithTheGraph() throws Exception {
    check("swatnn-2in", new int[] {1, 2}, true, EACH_AND_ALL);
  }

  @Test
  void theSevenInputModelAgreesWithTheGraph() throws Exception {
    check("swatnn-7in", new int[] {3, 7}, true, EACH_AND_ALL);
  }

  /** The products in Java loops (the fallback off the CPU backend) agree as well. */
  @Test
  void theJavaProductsAgreeWithTheGraph() throws Exception {
    check("swatnn-2in", new int[] {2}, false, new int[][] {{1, 2, 3, 4}});
  }

  /**
   * A short search with the fused step (the CPU default) chooses the same networks on one slot
   * and on two: a step's arithmetic does not depend on the thread count.
   */
  @Test
  void aFusedSearchChoosesTheSameNetworksOnOneSlotAndOnTwo() throws Exception {
    assertEquals(SearchStep.Kind.FUSED, SearchStep.Kind.chosen(), "the CPU default");
    AutoencoderModel model = AutoencoderModel.load(ModelLocator.resolve("swatnn-2in", 2));
    Random rnd = new Random(3);
    double[][] x = new double[160][2];
    double[] y = new double[x.length];
    for (int i = 0; i < x.length; i++) {
      x[i][0] = 2 * rnd.nextDouble() - 1;
      x[i][1] = 2 * rnd.nextDouble() - 1;
      y[i] = 0.7 * x[i][0] * x[i][1] - 0.3 * x[i][1];
    }
    SearchSettings s = new SearchSettings().steps(40).annealSteps(15).restarts(4).layers(1, 2)
        .pointsPerStep(64).polishSteps(20);
    SearchResult one = new LatentSearch(model, s.copy().slots(1)).fit(x, y, SearchListener.NONE);
    SearchResult two = new LatentSearch(model, s.copy().slots(2)).fit(x, y, SearchListener.NONE);
    assertEquals(one.configurations().size(), two.configurations().size());
    for (int c = 0; c < one.configurations().size(); c++) {
      assertEquals(one.configurations().get(c).network(), two.configurations().get(c).network(),
          "configuration " + one.configurations().get(c).hiddenLayers());
    }
    assertEquals(one.model(), two.model());
    assertEquals(one.chosenIndex(), two.chosenIndex());
    assertEquals(one.model().toString(), two.model().toString());
  }

  private static void check(String name, int[] inputs, boolean blas, int[][] layerSets)
      throws Exception {
    AutoencoderModel model = AutoencoderModel.load(ModelLocator.resolve(name, inputs[inputs.length - 1]));
    int l = model.config().layout().maxHiddenLayers();
    int h = model.config().layout().maxNeurons();
    int d = model.config().dModel();
    int r = 2;
    List<String> failures = new ArrayList<>();
    long seed = 7;
    for (int nIn : inputs) {
      for (int[] layers : layerSets) {
        for (boolean weighted : new boolean[] {false, true}) {
          int p = layers.length > 1 ? 256 : 48;
          SearchSettings settings = new SearchSettings().restarts(r).layers(layers);
          SearchStep graph = new SameDiffSearchStep(model, settings, nIn, r, p, weighted);
          SearchStep fused = new FusedSearchStep(model, settings, nIn, r, p, weighted, blas);
          for (float temperature : new float[] {1f, 0.3f, 0.01f}) {
            Random rnd = new Random(seed++);
            float[] z = new float[l * r * h * d];
            for (int i = 0; i < z.length; i++) {
              z[i] = (float) rnd.nextGaussian();
            }
            float[] t = new float[l * r];
            for (int i = 0; i < t.length; i++) {
              t[i] = rnd.nextInt(3) == 0 ? 0f : 0.3f * rnd.nextFloat();
            }
            float[] points = new float[p * h];
            float[] targets = new float[p];
            float[] w = weighted ? new float[p] : null;
            double wSum = 0;
            for (int j = 0; j < p; j++) {
              for (int a = 0; a < nIn; a++) {
                points[j * h + a] = 2 * rnd.nextFloat() - 1;
              }
              targets[j] = 2 * rnd.nextFloat() - 1;
              if (weighted) {
                w[j] = 2 * rnd.nextFloat();
                wSum += w[j];
              }
            }
            for (int j = 0; weighted && j < p; j++) {
              w[j] = (float) (w[j] * p / wSum);
            }
            SearchStep.Result a = copy(graph.run(z, t, points, targets, w, temperature));
            SearchStep.Result b = copy(fused.run(z, t, points, targets, w, temperature));
            // the graph's own float32 sensitivity: its outputs at z moved by one ulp
            float[] lossN = new float[l * r];
            float[] mseN = new float[l * r];
            float[] dzN = new float[z.length];
            float[] dtN = new float[l * r];
            for (int flip = 0; flip < 2; flip++) {
              float[] z2 = z.clone();
              for (int i = flip; i < z2.length; i += 3) {
                z2[i] = flip == 0 ? Math.nextUp(z2[i]) : Math.nextDown(z2[i]);
              }
              SearchStep.Result c = graph.run(z2, t, points, targets, w, temperature);
              spread(a.lossPer(), c.lossPer(), lossN);
              spread(a.mse(), c.mse(), mseN);
              spread(a.dz(), c.dz(), dzN);
              spread(a.dt(), c.dt(), dtN);
            }
            String what = name + (blas ? "" : " (Java products)") + " n_in " + nIn + " layers " + java.util.Arrays.toString(layers)
                + (weighted ? " weighted" : "") + " temperature " + temperature;
            float[] lossA = a.lossPer().clone();
            float[] mseA = a.mse().clone();
            float[] lossB = b.lossPer().clone();
            float[] mseB = b.mse().clone();
            for (int i = 0; i < l; i++) {
              boolean searched = false;
              for (int k : layers) {
                searched |= k == i + 1;
              }
              if (!searched) { // unspecified for configurations not searched
                for (int q = 0; q < r; q++) {
                  lossA[i * r + q] = lossB[i * r + q] = 0;
                  mseA[i * r + q] = mseB[i * r + q] = 0;
                }
                for (int e = i * r * h * d; e < (i + 1) * r * h * d; e++) {
                  if (b.dz()[e] != 0f) {
                    failures.add(what + ": dz of an unsearched configuration is " + b.dz()[e]);
                    break;
                  }
                }
              }
            }
            compare(what + " lossPer", lossA, lossB, lossN, failures);
            compare(what + " mse", mseA, mseB, mseN, failures);
            compare(what + " dz", a.dz(), b.dz(), dzN, failures);
            compare(what + " dt", a.dt(), b.dt(), dtN, failures);
          }
        }
      }
    }
    assertTrue(failures.isEmpty(), String.join("\n", failures));
  }

  private static SearchStep.Result copy(SearchStep.Result x) {
    return new SearchStep.Result(x.lossPer().clone(), x.mse().clone(), x.dz().clone(),
        x.dt().clone());
  }

  /** noise = max(noise, |other - base|), entrywise. */
  private static void spread(float[] base, float[] other, float[] noise) {
    for (int i = 0; i < base.length; i++) {
      float diff = Math.abs(other[i] - base[i]);
      noise[i] = Float.isNaN(diff) ? 0 : Math.max(noise[i], diff);
    }
  }

  private static void compare(String what, float[] expected, float[] actual, float[] noise,
      List<String> failures) {
    assertEquals(expected.length, actual.length, what);
    double max = 0;
    for (float v : expected) {
      max = Math.max(max, Math.abs(v));
    }
    double worst = 0;
    int at = -1;
    for (int i = 0; i < expected.length; i++) {
      double err = Math.abs(actual[i] - expected[i]);
      double allowed = RELATIVE * Math.abs(expected[i]) + ABSOLUTE * max + NOISE * noise[i];
      if (!(err <= allowed) && (at < 0 || err / allowed > worst)) {
        worst = err / allowed;
        at = i;
      }
    }
    if (at >= 0) {
      failures.add(String.format(java.util.Locale.ROOT,
          "%s: entry %d is %.8g, the graph's %.8g (max |graph| %.3g), %.1f x the tolerance",
          what, at, actual[at], expected[at], max, worst));
    }
  }
}
