package swatnn.search;

import java.util.Arrays;
import org.bytedeco.openblas.global.openblas;

/**
 * A frozen weight matrix applied to a fixed number of rows: c [rows, n] = a [rows, k] W (+ bias
 * [n]), W [k, n]. With {@code blas}, OpenBLAS's cblas_sgemm on the Java arrays themselves (the
 * library ND4J's CPU backend runs on; a transposed W is read in place); otherwise a Java loop
 * over a row-major copy (transposed once when built). The products of the search step are far
 * below BLAS's multithreading threshold, so either path gives the same bits on any thread count.
 */
final class FrozenMatrix {
  private final int rows;
  private final int k;
  private final int n;
  /** The matrix, row-major with row stride {@link #stride}: [k, n], or [n, k] if transposed. */
  private final float[] w;
  private final boolean transposed;
  private final int stride;
  private final boolean blas;

  private FrozenMatrix(int rows, int k, int n, float[] w, boolean transposed, int stride,
      boolean blas) {
    this.rows = rows;
    this.k = k;
    this.n = n;
    this.w = w;
    this.transposed = transposed;
    this.stride = stride;
    this.blas = blas;
  }

  /**
   * The product with a matrix m [k0, n0] (row-major), or with its transpose [n0, k0].
   *
   * @param rows the rows of every input this product is applied to
   * @param m the matrix, flat and row-major [k0, n0]; not copied on the BLAS path
   * @param transposed whether to apply m^T rather than m
   * @param blas whether to call OpenBLAS (the CPU backend has it loaded) rather than loop in Java
   */
  static FrozenMatrix of(int rows, float[] m, int k0, int n0, boolean transposed, boolean blas) {
    int k = transposed ? n0 : k0;
    int n = transposed ? k0 : n0;
    if (blas) {
      return new FrozenMatrix(rows, k, n, m, transposed, n0, true);
    }
    return new FrozenMatrix(rows, k, n, transposed ? transpose(m, k0, n0) : m, false, n, false);
  }

  /**
   * c [rows, n] = a [rows, k] W + bias.
   *
   * @param a [rows, k]
   * @param bias [n], or null for none
   * @param c [rows, n] (at least), overwritten
   */
  void apply(float[] a, float[] bias, float[] c) {
    if (!blas) {
      matmul(a, rows, k, w, n, bias, c);
      return;
    }
    openblas.cblas_sgemm(openblas.CblasRowMajor, openblas.CblasNoTrans,
        transposed ? openblas.CblasTrans : openblas.CblasNoTrans, rows, n, k, 1f, a, k, w,
        stride, 0f, c, n);
    if (bias != null) {
      for (int i = 0; i < rows; i++) {
        int o = i * n;
        for (int j = 0; j < n; j++) {
          c[o + j] += bias[j];
        }
      }
    }
  }

  /** c [m, n] = a [m, k] w [k, n] (+ bias [n]); w row-major; four rows of w per pass. */
  static void matmul(float[] a, int m, int k, float[] w, int n, float[] bias, float[] c) {
    for (int i = 0; i < m; i++) {
      int ci = i * n;
      if (bias == null) {
        Arrays.fill(c, ci, ci + n, 0f);
      } else {
        System.arraycopy(bias, 0, c, ci, n);
      }
      int ai = i * k;
      int q = 0;
      for (; q + 3 < k; q += 4) {
        float a0 = a[ai + q];
        float a1 = a[ai + q + 1];
        float a2 = a[ai + q + 2];
        float a3 = a[ai + q + 3];
        int w0 = q * n;
        int w1 = w0 + n;
        int w2 = w1 + n;
        int w3 = w2 + n;
        for (int j = 0; j < n; j++) {
          c[ci + j] += a0 * w[w0 + j] + a1 * w[w1 + j] + a2 * w[w2 + j] + a3 * w[w3 + j];
        }
      }
      for (; q < k; q++) {
        float a0 = a[ai + q];
        int w0 = q * n;
        for (int j = 0; j < n; j++) {
          c[ci + j] += a0 * w[w0 + j];
        }
      }
    }
  }

  private static float[] transpose(float[] m, int rows, int cols) {
    float[] t = new float[m.length];
    for (int i = 0; i < rows; i++) {
      for (int j = 0; j < cols; j++) {
        t[j * rows + i] = m[i * cols + j];
      }
    }
    return t;
  }
}
