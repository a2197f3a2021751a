package swatnn.search;

import java.util.Arrays;
import java.util.Random;

/**
 * A seeded partition of row indices into two parts, and the gathering of those rows.
 *
 * @param first the larger part (training rows)
 * @param second the part split off (validation rows)
 */
public record RowSplit(int[] first, int[] second) {

  /**
   * Holds out {@code floor(n * fraction)} of rows 0..n-1 (shuffled by the seed) as the second
   * part; with fewer than 2 such rows, or none left to train on, nothing is held out. This is
   * the validation split of both the latent search and DARTS+ADMM, so both classifiers hold out
   * the same rows for the same seed.
   */
  public static RowSplit holdOut(int n, double fraction, long seed) {
    int[] idx = new int[n];
    for (int i = 0; i < n; i++) {
      idx[i] = i;
    }
    shuffle(idx, new Random(seed ^ 0x5a17L));
    int nVal = (int) Math.floor(n * fraction);
    if (n - nVal < 1 || nVal < 2) {
      nVal = 0;
    }
    return new RowSplit(Arrays.copyOfRange(idx, nVal, n), Arrays.copyOfRange(idx, 0, nVal));
  }

  /**
   * Divides {@code rows} into a first part and a second one of {@code floor(size * fraction)}
   * rows (shuffled by the seed). When either part would be empty, both parts are all rows.
   */
  public static RowSplit divide(int[] rows, double fraction, long seed) {
    int[] idx = rows.clone();
    shuffle(idx, new Random(seed * 0x9E3779B97F4A7C15L + 0x2545F491L));
    int second = (int) Math.floor(idx.length * fraction);
    if (second < 1 || second >= idx.length) {
      return new RowSplit(rows.clone(), rows.clone());
    }
    return new RowSplit(Arrays.copyOfRange(idx, second, idx.length),
        Arrays.copyOfRange(idx, 0, second));
  }

  /** Fisher-Yates with the given generator. */
  public static void shuffle(int[] idx, Random rnd) {
    for (int i = idx.length - 1; i > 0; i--) {
      int j = rnd.nextInt(i + 1);
      int tmp = idx[i];
      idx[i] = idx[j];
      idx[j] = tmp;
    }
  }

  /** The rows of {@code x} at {@code idx} (shared, not copied). */
  public static double[][] rows(double[][] x, int[] idx) {
    double[][] out = new double[idx.length][];
    for (int i = 0; i < idx.length; i++) {
      out[i] = x[idx[i]];
    }
    return out;
  }

  /** The values of {@code y} at {@code idx}. */
  public static double[] values(double[] y, int[] idx) {
    double[] out = new double[idx.length];
    for (int i = 0; i < idx.length; i++) {
      out[i] = y[idx[i]];
    }
    return out;
  }
}
