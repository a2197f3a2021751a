package swatnn.autoencoder;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import swatnn.mlp.MlpMatrixCodec;
import swatnn.mlp.SparseMlp;
import swatnn.nd4j.ParameterSet;

/**
 * A trained autoencoder, read from a model file: encodes networks into latent points and
 * decodes latent points into each decoder's raw matrix (in {@link MlpMatrixCodec}'s layout).
 */
public final class AutoencoderModel {
  private final ModelManifest manifest;
  private final ParameterSet params;
  /** {@link #flatParameter}'s arrays, made on first use. */
  private final Map<String, float[]> flat = new ConcurrentHashMap<>();

  public AutoencoderModel(ModelManifest manifest, ParameterSet params) {
    this.manifest = manifest;
    this.params = params;
  }

  /** Reads and verifies a model file (without its optimizer state). */
  public static AutoencoderModel load(Path file) throws ModelFileException {
    ModelFile.Loaded l = ModelFile.read(file, false);
    return new AutoencoderModel(l.manifest(), l.parameters());
  }

  /** The files read by {@link #shared}, with what identified them when they were read. */
  private static final Map<Path, Shared> SHARED = new java.util.HashMap<>();

  /** A model read once, and the file's size and time of change then. */
  private record Shared(long size, long modified, AutoencoderModel model) {}

  /**
   * A parameter's entries as one flat row-major float array, copied out of ND4J once per model:
   * the fused search step takes its Java-array weights from these at every search, and a
   * shared model ({@link #shared}) serves every build of the JVM. The array is shared between
   * callers, who must not write to it.
   *
   * @param name the parameter's name, as in {@link #parameters()}
   * @return its entries in row-major order
   */
  public float[] flatParameter(String name) {
    return flat.computeIfAbsent(name, n -> params.get(n).dup('c').data().asFloat());
  }

  /**
   * The model of a file, read and verified once per JVM and then shared: every fold of a
   * cross-validation and every run of an Experimenter gets the same instance, which searches only
   * read. A file whose size or time of change differs from when it was read is read again; the
   * SHA-256 of its weights is verified at every read ({@link ModelFile#read}).
   *
   * @param file the model file
   * @return the model
   * @throws ModelFileException if the file cannot be read or fails verification
   */
  public static AutoencoderModel shared(Path file) throws ModelFileException {
    Path key = file.toAbsolutePath().normalize();
    long size;
    long modified;
    try {
      size = java.nio.file.Files.size(key);
      modified = java.nio.file.Files.getLastModifiedTime(key).toMillis();
    } catch (java.io.IOException e) {
      return load(file); // let the reader give its message
    }
    synchronized (SHARED) {
      Shared s = SHARED.get(key);
      if (s == null || s.size() != size || s.modified() != modified) {
        s = new Shared(size, modified, load(file));
        SHARED.put(key, s);
      }
      return s.model();
    }
  }

  public ModelManifest manifest() {
    return manifest;
  }

  public AutoencoderConfig config() {
    return manifest.config();
  }

  public ParameterSet parameters() {
    return params;
  }

  /** Latent points of networks: per network an H x d matrix. */
  public float[][][] encode(List<SparseMlp> networks) {
    AutoencoderConfig c = config();
    MlpMatrixCodec codec = new MlpMatrixCodec(c.layout());
    int b = networks.size();
    float[] tokens = new float[b * codec.tokensLength()];
    for (int i = 0; i < b; i++) {
      codec.encodeTokensInto(networks.get(i), tokens, i * codec.tokensLength());
    }
    AutoencoderGraph g = AutoencoderGraph.encoder(c, params, b);
    INDArray z = g.sameDiff().outputSingle(Map.of(AutoencoderGraph.TOKENS,
        Nd4j.create(tokens, new long[] {b, c.tokens(), c.tokenWidth()}, 'c')), "z");
    float[] flat = z.dup('c').data().asFloat();
    float[][][] out = new float[b][c.tokens()][c.dModel()];
    for (int i = 0; i < b; i++) {
      for (int r = 0; r < c.tokens(); r++) {
        System.arraycopy(flat, (i * c.tokens() + r) * c.dModel(), out[i][r], 0, c.dModel());
      }
    }
    return out;
  }

  /**
   * Every decoder's raw output for one latent point: element k-1 is decoder k's H x width(k)
   * matrix (weights, biases, activation logits, mask logits).
   */
  public double[][][] decode(float[][] z) {
    AutoencoderConfig c = config();
    float[] flat = new float[c.tokens() * c.dModel()];
    for (int r = 0; r < c.tokens(); r++) {
      System.arraycopy(z[r], 0, flat, r * c.dModel(), c.dModel());
    }
    AutoencoderGraph g = AutoencoderGraph.decoder(c, params, 1);
    INDArray d = g.sameDiff().outputSingle(Map.of("zIn",
        Nd4j.create(flat, new long[] {1, c.tokens(), c.dModel()}, 'c')), "decoded");
    int h = c.tokens();
    int maxW = c.layout().maxWidth();
    double[][][] out = new double[c.decoders()][][];
    for (int k = 1; k <= c.decoders(); k++) {
      int w = c.layout().width(k);
      out[k - 1] = new double[h][w];
      for (int r = 0; r < h; r++) {
        for (int col = 0; col < w; col++) {
          out[k - 1][r][col] = d.getDouble(k - 1, r, col);
        }
      }
    }
    assert d.size(2) == maxW;
    return out;
  }
}
