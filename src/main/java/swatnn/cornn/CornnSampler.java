package swatnn.cornn;

import java.util.SplittableRandom;

/**
 * Draws fresh samples of a CORNN function: points uniform over its domain, labelled by
 * {@link CornnFunction#value}.
 *
 * <p>Each (seed, function, training-or-test) triple has its own random stream, so a function's
 * samples do not depend on which other functions are generated, nor its test points on the
 * size of its training set; and the first {@code k} points of a sample of size {@code n > k}
 * are the sample of size {@code k}.
 */
public final class CornnSampler {

  /** Which of a task's two samples a stream is for. */
  public enum Part {
    TRAIN,
    TEST
  }

  private static final long GOLDEN_GAMMA = 0x9e3779b97f4a7c15L;

  private CornnSampler() {}

  /** {@code n} points of {@code function} drawn from the stream for (seed, function, part). */
  public static CornnSample sample(CornnFunction function, long seed, Part part, int n) {
    return sample(function, new SplittableRandom(streamSeed(seed, function, part)), n);
  }

  /** {@code n} points of {@code function}, x then y of each point drawn from {@code random}. */
  public static CornnSample sample(CornnFunction function, SplittableRandom random, int n) {
    if (n < 0) {
      throw new IllegalArgumentException("sample size must not be negative: " + n);
    }
    double[] x = new double[n];
    double[] y = new double[n];
    double[] f = new double[n];
    for (int i = 0; i < n; i++) {
      x[i] = uniform(random, function.xLo(), function.xHi());
      y[i] = uniform(random, function.yLo(), function.yHi());
      f[i] = function.value(x[i], y[i]);
    }
    return new CornnSample(x, y, f);
  }

  /** The seed of the stream for (seed, function, part); well mixed, so nearby seeds differ. */
  static long streamSeed(long seed, CornnFunction function, Part part) {
    long h = mix64(seed);
    h = mix64(h + GOLDEN_GAMMA * function.number());
    return mix64(h + GOLDEN_GAMMA * (part.ordinal() + 1));
  }

  private static double uniform(SplittableRandom random, double lo, double hi) {
    // Rounding could carry lo + (hi - lo) u one ulp past hi; keep the point in the domain.
    return Math.min(hi, lo + (hi - lo) * random.nextDouble());
  }

  /** The finaliser of MurmurHash3 with Stafford's "variant 13" constants. */
  private static long mix64(long z) {
    z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
    z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
    return z ^ (z >>> 31);
  }
}
