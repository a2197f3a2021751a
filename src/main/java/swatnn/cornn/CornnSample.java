package swatnn.cornn;

import java.util.Arrays;

/**
 * A set of points of one function in raw (unscaled) units: coordinates {@code x}, {@code y} and
 * function values {@code f}, row by row. The arrays are owned by the sample and must not be
 * changed after construction.
 */
public final class CornnSample {
  private final double[] x;
  private final double[] y;
  private final double[] f;

  /**
   * @throws IllegalArgumentException when the three arrays differ in length
   */
  public CornnSample(double[] x, double[] y, double[] f) {
    if (x.length != y.length || x.length != f.length) {
      throw new IllegalArgumentException("column lengths differ: " + x.length + ", " + y.length
          + ", " + f.length);
    }
    this.x = x;
    this.y = y;
    this.f = f;
  }

  public int size() {
    return x.length;
  }

  public double x(int row) {
    return x[row];
  }

  public double y(int row) {
    return y[row];
  }

  public double f(int row) {
    return f[row];
  }

  /** A copy of the function values. */
  public double[] values() {
    return f.clone();
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof CornnSample s
        && Arrays.equals(x, s.x) && Arrays.equals(y, s.y) && Arrays.equals(f, s.f);
  }

  @Override
  public int hashCode() {
    return 31 * (31 * Arrays.hashCode(x) + Arrays.hashCode(y)) + Arrays.hashCode(f);
  }
}
