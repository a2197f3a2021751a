package swatnn.autoencoder;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.SplittableRandom;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The autoencoder's trainable arrays by name, in a fixed order. The arrays are shared with every
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

  /** Creates the parameters of a config, initialised deterministically from a seed. */
  public static ParameterSet initialise(AutoencoderConfig c, long seed) {
    ParameterSet p = new ParameterSet();
    SplittableRandom rnd = new SplittableRandom(seed);
    int d = c.dModel();
    int h = c.tokens();
    int s = c.decoders();
    p.put("enc.in.W", normal(rnd, 0.02, c.tokenWidth(), d));
    p.put("enc.in.b", zeros(d));
    p.put("enc.pos", normal(rnd, 0.02, h, d));
    TransformerStack.addParameters(p, "enc", 1, c.encoderBlocks(), d, c.mlpRatio(), rnd);
    p.put("dec.pos", normal(rnd, 0.02, s, 1, h, d));
    TransformerStack.addParameters(p, "dec", s, c.decoderBlocks(), d, c.mlpRatio(), rnd);
    p.put("dec.lnf.g", ones(s, 1, d));
    p.put("dec.lnf.b", zeros(s, 1, d));
    // Decoder k reads only the first width(k) columns of its head; the others start at zero
    // and, receiving no gradient, stay there.
    INDArray head = normal(rnd, 0.02, s, d, c.layout().maxWidth());
    for (int k = 1; k <= s; k++) {
      int w = c.layout().width(k);
      head.get(org.nd4j.linalg.indexing.NDArrayIndex.point(k - 1),
          org.nd4j.linalg.indexing.NDArrayIndex.all(),
          org.nd4j.linalg.indexing.NDArrayIndex.interval(w, c.layout().maxWidth())).assign(0);
    }
    p.put("dec.head.W", head);
    p.put("dec.head.b", zeros(s, 1, c.layout().maxWidth()));
    return p;
  }

  static INDArray normal(SplittableRandom rnd, double std, long... shape) {
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

  static INDArray zeros(long... shape) {
    return Nd4j.zeros(DataType.FLOAT, shape);
  }

  static INDArray ones(long... shape) {
    return Nd4j.ones(DataType.FLOAT, shape);
  }

  /** Box-Muller, so that initialisation does not depend on the JDK's Random algorithm. */
  static double gaussian(SplittableRandom rnd) {
    double u1 = rnd.nextDouble();
    double u2 = rnd.nextDouble();
    return Math.sqrt(-2 * Math.log(1 - u1)) * Math.cos(2 * Math.PI * u2);
  }
}
