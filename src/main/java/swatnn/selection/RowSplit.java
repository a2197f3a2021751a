package swatnn.selection;

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

  /**
   * Seeded k-fold partition of rows 0..n-1: the rows shuffled, then dealt into {@code k} folds
   * of sizes differing by at most one.
   *
   * @param n the rows (at least k)
   * @param k the folds (at least 2)
   * @param seed the seed
   * @return per fold, its held-out rows, ascending
   */
  public static int[][] folds(int n, int k, long seed) {
    if (k < 2 || n < k) {
      throw new IllegalArgumentException("need at least 2 folds and a row per fold, got " + k
          + " folds of " + n + " rows");
    }
    int[] idx = new int[n];
    for (int i = 0; i < n; i++) {
      idx[i] = i;
    }
    shuffle(idx, new Random(seed ^ 0x6b43a9b5L));
    int[][] out = new int[k][];
    for (int f = 0; f < k; f++) {
      int from = (int) ((long) n * f / k);
      int to = (int) ((long) n * (f + 1) / k);
      out[f] = Arrays.copyOfRange(idx, from, to);
      Arrays.sort(out[f]);
    }
    return out;
  }

  /**
   * @param n the rows
   * @param held rows to leave out, ascending
   * @return the other rows of 0..n-1, ascending
   */
  public static int[] complement(int n, int[] held) {
    int[] out = new int[n - held.length];
    int at = 0;
    int h = 0;
    for (int i = 0; i < n; i++) {
      if (h < held.length && held[h] == i) {
        h++;
      } else {
        out[at++] = i;
      }
    }
    return out;
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
