package swatnn.search;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import swatnn.autoencoder.AutoencoderModel;
import swatnn.selection.SearchInterruptedException;
import swatnn.selection.SearchListener;

/**
 * {@link LatentOptimiser} on the bundled two-input autoencoder, one configuration (one hidden
 * layer) and one restart, every step on the same batch of all 64 rows: after the annealing the
 * temperature is fixed, so each step's reported loss is the loss of the z it started from, and
 * the kept "best" point can be checked against the losses reported.
 */
class LatentOptimiserTest {
  static final int ROWS = 64;
  static AutoencoderModel model;
  static double[][] x;
  static double[] y;

  @BeforeAll
  static void data() throws Exception {
    model = AutoencoderModel.load(ModelLocator.resolve("swatnn-2in", 2));
    Random rnd = new Random(3);
    x = new double[ROWS][2];
    y = new double[ROWS];
    for (int i = 0; i < ROWS; i++) {
      x[i][0] = 2 * rnd.nextDouble() - 1;
      x[i][1] = 2 * rnd.nextDouble() - 1;
      y[i] = 0.7 * x[i][0] * x[i][1] - 0.3 * x[i][1];
    }
  }

  static SearchSettings settings(int steps, int anneal) {
    return new SearchSettings().steps(steps).annealSteps(anneal).restarts(1).layers(1)
        .pointsPerStep(ROWS).patience(0);
  }

  static int[][] sameBatch(int steps) {
    int[][] b = new int[steps][ROWS];
    for (int[] step : b) {
      for (int j = 0; j < ROWS; j++) {
        step[j] = j;
      }
    }
    return b;
  }

  static float[] zInit(long seed) {
    int size = model.config().layout().maxHiddenLayers() * model.config().layout().maxNeurons()
        * model.config().dModel();
    Random rnd = new Random(seed);
    float[] z = new float[size];
    for (int i = 0; i < z.length; i++) {
      z[i] = (float) rnd.nextGaussian();
    }
    return z;
  }

  /** Every progress call: step, steps, loss. */
  static final class Recorder implements SearchListener {
    final List<double[]> progress = new ArrayList<>();
    final List<int[]> stops = new ArrayList<>();

    @Override
    public void progress(int step, int steps, double loss) {
      progress.add(new double[] {step, steps, loss});
    }

    @Override
    public void stoppedEarly(int step, int steps) {
      stops.add(new int[] {step, steps});
    }
  }

  /** The loss of configuration 1 at (z, t) on the batch of all rows, after the annealing. */
  static double lossAt(SearchSettings s, float[] z, float[] t) {
    SearchStep step = SearchStep.create(SearchStep.Kind.chosen(), model, s, 2, 1, ROWS, false);
    int h = model.config().layout().maxNeurons();
    float[] points = new float[ROWS * h];
    float[] targets = new float[ROWS];
    for (int j = 0; j < ROWS; j++) {
      points[j * h] = (float) x[j][0];
      points[j * h + 1] = (float) x[j][1];
      targets[j] = (float) y[j];
    }
    return step.run(z, t, points, targets, null, (float) s.temperatureAt(s.steps())).lossPer()[0];
  }

  @Test
  void theBestStepAfterTheAnnealingIsKeptAndTheLossFalls() {
    SearchSettings s = settings(80, 20);
    Recorder rec = new Recorder();
    float[] z0 = zInit(1);
    LatentOptimiser.Trajectory t = new LatentOptimiser(model, s).run(z0, 1, x, y, null, 2,
        sameBatch(80), rec);
    assertEquals(80, t.steps(), "no early stopping with -patience 0");
    assertEquals(80, rec.progress.size());
    double bestReported = Double.POSITIVE_INFINITY;
    for (int i = 0; i < rec.progress.size(); i++) {
      double[] p = rec.progress.get(i);
      assertEquals(i + 1, (int) p[0]);
      assertEquals(80, (int) p[1]);
      if (i >= 20) {
        bestReported = Math.min(bestReported, p[2]);
      }
    }
    float[] bestZ = t.bestZ().data().asFloat();
    float[] bestT = t.bestT().data().asFloat();
    float[] finalT = t.finalT().data().asFloat();
    double atBest = lossAt(s, bestZ, bestT);
    assertEquals(bestReported, atBest, 1e-6 * Math.abs(bestReported),
        "the kept point is the one of the lowest loss reported after the annealing");
    double atStart = lossAt(s, z0, new float[bestT.length]);
    assertTrue(atBest < 0.5 * atStart, "the search lowers the loss: " + atStart + " -> " + atBest);
    for (float v : finalT) {
      assertTrue(v >= 0f && v <= 3f, "thresholds stay in [0, 3]: " + v);
    }
    assertEquals(1, t.bestZ().size(1), "one restart");
    assertEquals(model.config().dModel(), t.bestZ().size(3));
  }

  @Test
  void aStalledGroupStopsAfterTwoWindowsOfPatience() {
    // z and t do not move: every step after the annealing has the same loss, so the second
    // window of 5 steps is not 1% below the first
    SearchSettings s = settings(200, 10).patience(5).zLearningRate(1e-30)
        .thresholdLearningRate(0);
    Recorder rec = new Recorder();
    float[] z0 = zInit(2);
    LatentOptimiser.Trajectory t = new LatentOptimiser(model, s).run(z0, 1, x, y, null, 2,
        sameBatch(200), rec);
    assertEquals(10 + 2 * 5, t.steps());
    assertEquals(1, rec.stops.size());
    assertArrayEquals(new int[] {20, 200}, rec.stops.get(0));
    double[] last = rec.progress.get(rec.progress.size() - 1);
    assertEquals(200, (int) last[0], "the last progress says the group is done");
    assertArrayEquals(z0, t.finalZ().data().asFloat(), "z did not move");
    assertArrayEquals(z0, t.bestZ().data().asFloat(), "so the best is where it started");
  }

  @Test
  void theSameStartGivesTheSameTrajectory() {
    SearchSettings s = settings(30, 10);
    LatentOptimiser.Trajectory a = new LatentOptimiser(model, s).run(zInit(4), 1, x, y, null, 2,
        sameBatch(30), SearchListener.NONE);
    LatentOptimiser.Trajectory b = new LatentOptimiser(model, s).run(zInit(4), 1, x, y, null, 2,
        sameBatch(30), SearchListener.NONE);
    assertArrayEquals(a.bestZ().data().asFloat(), b.bestZ().data().asFloat());
    assertArrayEquals(a.finalZ().data().asFloat(), b.finalZ().data().asFloat());
    LatentOptimiser.Trajectory c = new LatentOptimiser(model, s).run(zInit(5), 1, x, y, null, 2,
        sameBatch(30), SearchListener.NONE);
    assertTrue(!java.util.Arrays.equals(a.finalZ().data().asFloat(), c.finalZ().data().asFloat()));
  }

  @Test
  void anInterruptedThreadStopsAtTheNextStep() {
    SearchSettings s = settings(30, 10);
    Thread.currentThread().interrupt();
    try {
      assertThrows(SearchInterruptedException.class, () -> new LatentOptimiser(model, s)
          .run(zInit(6), 1, x, y, null, 2, sameBatch(30), SearchListener.NONE));
    } finally {
      Thread.interrupted(); // clear the flag for the next test
    }
  }
}
