package swatnn.nd4j;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.SplittableRandom;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Trainable ND4J arrays by name, in a fixed order (the autoencoder's weights, a search's latent
 * points, a supernet's weights and architecture). The arrays are shared with every
 * graph built over them, so an in-place optimiser update is seen by all graphs.
 */
public final class ParameterSet {
  static {
    Nd4jRuntime.init();
  }

  private final LinkedHashMap<String, INDArray> arrays = new LinkedHashMap<>();

  /** Adds an array under a new name. */
  public void put(String name, INDArray array) {
    if (arrays.containsKey(name)) {
      throw new IllegalArgumentException("duplicate parameter " + name);
    }
    arrays.put(name, array);
  }

  public INDArray get(String name) {
    INDArray a = arrays.get(name);
    if (a == null) {
      throw new IllegalArgumentException("no parameter " + name);
    }
    return a;
  }

  public boolean contains(String name) {
    return arrays.containsKey(name);
  }

  /** Names and arrays in creation order. */
  public Map<String, INDArray> asMap() {
    return Collections.unmodifiableMap(arrays);
  }

  /** Total number of scalars. */
  public long count() {
    long n = 0;
    for (INDArray a : arrays.values()) {
      n += a.length();
    }
    return n;
  }

  /** A float array of the shape with N(0, std^2) entries drawn from {@code rnd}. */
  public static INDArray normal(SplittableRandom rnd, double std, long... shape) {
    long n = 1;
    for (long v : shape) {
      n *= v;
    }
    float[] data = new float[Math.toIntExact(n)];
    for (int i = 0; i < data.length; i++) {
      data[i] = (float) (gaussian(rnd) * std);
    }
    return Nd4j.create(data, shape, 'c');
  }

  /** A float array of zeros. */
  public static INDArray zeros(long... shape) {
    return Nd4j.zeros(DataType.FLOAT, shape);
  }

  /** A float array of ones. */
  public static INDArray ones(long... shape) {
    return Nd4j.ones(DataType.FLOAT, shape);
  }

  /** Box-Muller, so that initialisation does not depend on the JDK's Random algorithm. */
  public static double gaussian(SplittableRandom rnd) {
    double u1 = rnd.nextDouble();
    double u2 = rnd.nextDouble();
    return Math.sqrt(-2 * Math.log(1 - u1)) * Math.cos(2 * Math.PI * u2);
  }
}
