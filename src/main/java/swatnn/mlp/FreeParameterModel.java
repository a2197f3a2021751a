package swatnn.mlp;

import java.util.stream.IntStream;

/**
 * A network's free parameters ({@link FreeParameters}) as a {@link LeastSquaresModel} on rows
 * {@code x} and labels {@code y}, optionally with some free weights held at 0 (pruning): the
 * model's parameter vector holds only the kept ones, in {@link FreeParameters} order.
 * Not thread-safe (it shares {@code free}'s buffers).
 */
public final class FreeParameterModel implements LeastSquaresModel {
  private final FreeParameters free;
  private final double[][] x;
  private final double[] y;
  /** Index in the full vector of each model parameter. */
  private final int[] index;
  /** The full vector: dropped weights 0, kept entries overwritten by {@link #parameters}. */
  private final double[] full;
  private final double[] fullRow;

  /**
   * @param keep whether each free weight may be non-zero (null: all); dropped weights stay 0
   * @param start the full starting vector, length {@link FreeParameters#size()}
   */
  public FreeParameterModel(FreeParameters free, double[][] x, double[] y, boolean[] keep,
      double[] start) {
    if (x.length != y.length) {
      throw new IllegalArgumentException(x.length + " rows but " + y.length + " labels");
    }
    if (start.length != free.size()) {
      throw new IllegalArgumentException("start has length " + start.length + ", need "
          + free.size());
    }
    this.free = free;
    this.x = x;
    this.y = y;
    index = IntStream.range(0, free.size())
        .filter(q -> keep == null || q >= free.weightCount() || keep[q]).toArray();
    full = new double[free.size()];
    for (int q : index) {
      full[q] = start[q];
    }
    fullRow = new double[free.size()];
  }

  /** The starting values of the model's (kept) parameters. */
  public double[] start() {
    double[] p = new double[index.length];
    for (int i = 0; i < p.length; i++) {
      p[i] = full[index[i]];
    }
    return p;
  }

  /** The full {@link FreeParameters} vector for model parameters {@code p} (dropped: 0). */
  public double[] expand(double[] p) {
    double[] out = new double[free.size()];
    for (int i = 0; i < index.length; i++) {
      out[index[i]] = p[i];
    }
    return out;
  }

  @Override
  public int size() {
    return index.length;
  }

  @Override
  public int rows() {
    return x.length;
  }

  @Override
  public void parameters(double[] p) {
    if (p.length != index.length) {
      throw new IllegalArgumentException("parameter vector has length " + p.length + ", need "
          + index.length);
    }
    for (int i = 0; i < index.length; i++) {
      full[index[i]] = p[i];
    }
    free.parameters(full);
  }

  @Override
  public double residual(int r, double[] jacobianRow) {
    if (jacobianRow == null) {
      return free.output(x[r], null) - y[r];
    }
    double e = free.output(x[r], fullRow) - y[r];
    for (int i = 0; i < index.length; i++) {
      jacobianRow[i] = fullRow[index[i]];
    }
    return e;
  }
}
