package swatnn.search;

import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import swatnn.autoencoder.AutoencoderModel;
import swatnn.mlp.Adam;
import swatnn.mlp.MlpLayout;
import swatnn.selection.SearchInterruptedException;
import swatnn.selection.SearchListener;

/**
 * The optimisation of a group of restarts' latent points (docs/METHOD.md section 3): Adam on z
 * and on the magnitude threshold t through a {@link SearchStep}, the activation temperature
 * annealed, the best step after the annealing kept per configuration and restart, and early
 * stopping once the group's error stalls ({@link SearchSettings#patience()}). One instance per
 * search; {@link #run} is called once per group, on the group's thread.
 */
final class LatentOptimiser {
  private final AutoencoderModel model;
  private final SearchSettings settings;
  private final MlpLayout layout;

  /**
   * @param model the autoencoder whose decoders are searched
   * @param settings the search's settings (not copied: the caller's own copy)
   */
  LatentOptimiser(AutoencoderModel model, SearchSettings settings) {
    this.model = model;
    this.settings = settings;
    this.layout = model.config().layout();
  }

  /** Where a share of the restarts ended: the best step's and the final z and t. */
  record Trajectory(INDArray bestZ, INDArray bestT, INDArray finalZ, INDArray finalT,
      int steps) {}

  /**
   * Runs the search steps for {@code r} restarts of every configuration, in a
   * {@link SearchStep} of their own: z [L, r, H, d] from {@code zInit}, t [L, r, 1, 1] from 0.
   */
  Trajectory run(float[] zInit, int r, double[][] x, double[] y, double[] w,
      int nIn, int[][] batches, SearchListener listener) {
    return run(zInit, null, r, x, y, w, nIn, batches, 0, settings.steps(), listener);
  }

  /**
   * Runs steps {@code from} to {@code to} - 1 of the schedule (the temperature, the best-step
   * window and early stopping follow the absolute step) from z = {@code zInit} and t =
   * {@code tInit}, with a fresh Adam: a rung of a {@link RestartRacing}. Early stopping applies
   * only when {@code to} is the last step.
   *
   * @param zInit z [L, r, H, d], row-major
   * @param tInit t [L, r], or null for 0
   * @param from the first step, 0 <= from < to
   * @param to one past the last step, at most {@link SearchSettings#steps()}
   */
  Trajectory run(float[] zInit, float[] tInit, int r, double[][] x, double[] y, double[] w,
      int nIn, int[][] batches, int from, int to, SearchListener listener) {
    int l = layout.maxHiddenLayers();
    int h = layout.maxNeurons();
    int d = model.config().dModel();
    int p = batches[0].length;
    // z and t as float arrays and Adam in Java: no ND4J array per step (native memory that
    // only the garbage collector frees)
    float[] z = zInit.clone();
    float[] t = tInit == null ? new float[l * r] : tInit.clone();
    SearchStep searchStep = SearchStep.create(SearchStep.Kind.chosen(), model, settings, nIn, r,
        p, w != null);

    Adam zAdam = Adam.forFloats(z.length, settings.zLearningRate());
    Adam tAdam = Adam.forFloats(t.length, settings.thresholdLearningRate());
    float[] pts = new float[p * h];
    float[] tgt = new float[p];
    float[] wgt = w == null ? null : new float[p];
    double[] best = new double[l * r];
    java.util.Arrays.fill(best, Double.POSITIVE_INFINITY);
    float[] bestZ = z.clone();
    float[] bestT = t.clone();
    int block = h * d;
    int steps = settings.steps();
    int patience = to == steps ? settings.patience() : 0;
    double window = 0; // sum over the current window of the steps' mean log training MSE
    double previousWindow = Double.NaN;
    int inWindow = 0;
    int stepsRun = from;
    for (int step = from; step < to; step++) {
      if (Thread.currentThread().isInterrupted()) {
        throw new SearchInterruptedException();
      }
      fillBatch(batches[step], x, y, w, nIn, h, pts, tgt, wgt);
      SearchStep.Result out = searchStep.run(z, t, pts, tgt, wgt,
          (float) settings.temperatureAt(step));
      double mean = keepBest(out.lossPer(), r, step >= settings.annealSteps(), z, t, block,
          best, bestZ, bestT);
      update(zAdam, tAdam, z, t, out);
      boolean stalled = false;
      if (patience > 0 && step >= settings.annealSteps()) {
        window += meanLogMse(out.mse(), r);
        if (++inWindow == patience) {
          double now = window / patience;
          // false while previousWindow is NaN
          stalled = now > previousWindow + Math.log(1 - LatentSearch.MIN_IMPROVEMENT);
          previousWindow = now;
          window = 0;
          inWindow = 0;
        }
      }
      stepsRun = step + 1;
      if (stalled) {
        listener.stoppedEarly(step + 1, steps);
      }
      listener.progress(stalled ? steps : step + 1, steps, mean);
      if (stalled) {
        break;
      }
    }
    for (int i = 0; i < l * r; i++) {
      if (best[i] == Double.POSITIVE_INFINITY) { // no step after annealing: keep the last
        System.arraycopy(z, i * block, bestZ, i * block, block);
        bestT[i] = t[i];
      }
    }
    long[] zShape = {l, r, h, d};
    long[] tShape = {l, r, 1, 1};
    return new Trajectory(Nd4j.create(bestZ, zShape, 'c'), Nd4j.create(bestT, tShape, 'c'),
        Nd4j.create(z, zShape, 'c'), Nd4j.create(t, tShape, 'c'), stepsRun);
  }

  /** The step's batch: its rows' inputs into pts [p, H], labels into tgt, weights (mean 1). */
  private static void fillBatch(int[] batch, double[][] x, double[] y, double[] w, int nIn,
      int h, float[] pts, float[] tgt, float[] wgt) {
    int p = batch.length;
    double wSum = 0;
    for (int j = 0; j < p; j++) {
      int row = batch[j];
      tgt[j] = (float) y[row];
      for (int a = 0; a < nIn; a++) {
        pts[j * h + a] = (float) x[row][a];
      }
      wSum += w == null ? 0 : w[batch[j]];
    }
    for (int j = 0; w != null && j < p; j++) { // the batch's weights, mean 1
      wgt[j] = wSum > 0 ? (float) (w[batch[j]] * p / wSum) : 1f;
    }
  }

  /**
   * Keeps, per searched configuration and restart, the z and t of the lowest step loss once
   * {@code annealed} (the z that produced it, before this step's update).
   *
   * @return the mean step loss over the searched configurations and restarts
   */
  private double keepBest(float[] per, int r, boolean annealed, float[] z, float[] t, int block,
      double[] best, float[] bestZ, float[] bestT) {
    double mean = 0;
    int counted = 0;
    for (int k : settings.layers()) {
      for (int rr = 0; rr < r; rr++) {
        int at = (k - 1) * r + rr;
        double v = per[at];
        mean += v;
        counted++;
        if (annealed && v < best[at]) {
          best[at] = v;
          System.arraycopy(z, at * block, bestZ, at * block, block);
          bestT[at] = t[at];
        }
      }
    }
    return mean / counted;
  }

  /** Adam on z and t, t clamped to [0, 3]. */
  private static void update(Adam zAdam, Adam tAdam, float[] z, float[] t, SearchStep.Result out) {
    zAdam.update(z, out.dz());
    tAdam.update(t, out.dt());
    for (int i = 0; i < t.length; i++) {
      t[i] = Math.min(Math.max(t[i], 0f), 3f);
    }
  }

  /** The mean over the searched configurations and the r restarts of log(training MSE). */
  private double meanLogMse(float[] mse, int r) {
    double sum = 0;
    for (int k : settings.layers()) {
      for (int rr = 0; rr < r; rr++) {
        sum += Math.log(Math.max(mse[(k - 1) * r + rr], 1e-30));
      }
    }
    return sum / (settings.layers().length * r);
  }
}
