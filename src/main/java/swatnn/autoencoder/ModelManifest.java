package swatnn.autoencoder;

import java.util.ArrayList;
import java.util.List;
import org.nd4j.shade.jackson.databind.JsonNode;
import org.nd4j.shade.jackson.databind.ObjectMapper;
import org.nd4j.shade.jackson.databind.SerializationFeature;
import org.nd4j.shade.jackson.databind.node.ArrayNode;
import org.nd4j.shade.jackson.databind.node.ObjectNode;
import swatnn.mlp.MlpLayout;

/**
 * The {@code manifest.json} of a model file: what the model is (architecture, input range), how
 * it was trained (settings, steps, seconds, seeds, the ND4J backends it ran on), how good it is
 * (held-out relative error) and the checksum of its weights.
 *
 * @param backends the ND4J backends the training ran on, in the order first used (one entry per
 *     change of backend across resumes, e.g. {@code "CPU (OPENBLAS, 2 cores)"}); empty for model
 *     files written before the field existed
 */
public record ModelManifest(
    int format,
    AutoencoderConfig config,
    TrainerSettings training,
    long parameterCount,
    long trainingSteps,
    double trainingSeconds,
    double heldOutRelativeError,
    double[] heldOutRelativeErrorPerDecoder,
    int heldOutSize,
    String weightsSha256,
    boolean hasOptimizerState,
    List<String> backends) {

  public ModelManifest {
    backends = List.copyOf(backends);
  }

  /**
   * This manifest's backends with {@code backend} appended unless it is already the last one: a
   * resumed run records where it continued.
   */
  public static List<String> withBackend(List<String> backends, String backend) {
    List<String> out = new ArrayList<>(backends);
    if (out.isEmpty() || !out.get(out.size() - 1).equals(backend)) {
      out.add(backend);
    }
    return out;
  }

  /** The version of the file layout this code reads and writes. */
  public static final int FORMAT = 1;

  private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  public String toJson() {
    ObjectNode o = JSON.createObjectNode();
    o.put("format", format);
    o.put("kind", "swatnn-autoencoder");
    o.put("H", config.layout().maxNeurons());
    o.put("L", config.layout().maxHiddenLayers());
    o.put("nInMin", config.nInMin());
    o.put("nInMax", config.nInMax());
    o.put("dModel", config.dModel());
    o.put("heads", config.heads());
    o.put("encoderBlocks", config.encoderBlocks());
    o.put("decoderBlocks", config.decoderBlocks());
    o.put("mlpRatio", config.mlpRatio());
    o.put("attention", "bidirectional");
    ObjectNode t = o.putObject("training");
    t.put("batch", training.batch());
    t.put("points", training.points());
    t.put("learningRate", training.learningRate());
    t.put("warmupSteps", training.warmupSteps());
    t.put("clipNorm", training.clipNorm());
    t.put("allDecoderWeight", training.allDecoderWeight());
    t.put("reconstructionWeight", training.reconstructionWeight());
    t.put("reconstructionSteps", training.reconstructionSteps());
    t.put("normalizeOutputs", training.normalizeOutputs());
    t.put("varianceFloor", TrainingBatch.VARIANCE_FLOOR);
    o.put("dataSeed", training.dataSeed());
    o.put("initSeed", training.initSeed());
    o.put("parameterCount", parameterCount);
    o.put("trainingSteps", trainingSteps);
    o.put("trainingSeconds", trainingSeconds);
    putNumber(o, "heldOutRelativeError", heldOutRelativeError);
    ArrayNode per = o.putArray("heldOutRelativeErrorPerDecoder");
    for (double v : heldOutRelativeErrorPerDecoder) {
      if (Double.isFinite(v)) {
        per.add(v);
      } else {
        per.addNull();
      }
    }
    o.put("heldOutSize", heldOutSize);
    o.put("weightsSha256", weightsSha256);
    o.put("hasOptimizerState", hasOptimizerState);
    if (!backends.isEmpty()) {
      ArrayNode b = o.putArray("backends");
      backends.forEach(b::add);
    }
    try {
      return JSON.writeValueAsString(o);
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  private static void putNumber(ObjectNode o, String key, double v) {
    if (Double.isFinite(v)) {
      o.put(key, v);
    } else {
      o.putNull(key);
    }
  }

  /**
   * Parses and validates a manifest.
   *
   * @throws ModelFileException naming the first missing or invalid field
   */
  public static ModelManifest fromJson(String json) throws ModelFileException {
    JsonNode o;
    try {
      o = JSON.readTree(json);
    } catch (Exception e) {
      throw new ModelFileException("manifest.json is not valid JSON");
    }
    if (o == null || !o.isObject()) {
      throw new ModelFileException("manifest.json is not a JSON object");
    }
    int format = intField(o, "format");
    if (format != FORMAT) {
      throw new ModelFileException("model format version " + format + " is not supported (this swatnn reads version " + FORMAT + ")");
    }
    AutoencoderConfig config;
    try {
      config = new AutoencoderConfig(new MlpLayout(intField(o, "H"), intField(o, "L")),
          intField(o, "nInMin"), intField(o, "nInMax"), intField(o, "dModel"), intField(o, "heads"),
          intField(o, "encoderBlocks"), intField(o, "decoderBlocks"), intField(o, "mlpRatio"));
    } catch (IllegalArgumentException e) {
      throw new ModelFileException("manifest.json describes an invalid architecture: " + e.getMessage());
    }
    JsonNode t = o.get("training");
    if (t == null || !t.isObject()) {
      throw new ModelFileException("manifest.json lacks the training section");
    }
    TrainerSettings training = new TrainerSettings(intField(t, "batch"), intField(t, "points"),
        doubleField(t, "learningRate"), intField(t, "warmupSteps"), doubleField(t, "clipNorm"),
        doubleField(t, "allDecoderWeight"), longField(o, "dataSeed"), longField(o, "initSeed"),
        doubleField(t, "reconstructionWeight"), longField(t, "reconstructionSteps"),
        t.path("normalizeOutputs").asBoolean(false));
    JsonNode per = o.get("heldOutRelativeErrorPerDecoder");
    if (per == null || !per.isArray() || per.size() != config.decoders()) {
      throw new ModelFileException("manifest.json: heldOutRelativeErrorPerDecoder must list "
          + config.decoders() + " values");
    }
    List<Double> values = new ArrayList<>();
    per.forEach(n -> values.add(n.isNumber() ? n.asDouble() : Double.NaN));
    String sha = textField(o, "weightsSha256");
    if (!sha.matches("[0-9a-f]{64}")) {
      throw new ModelFileException("manifest.json: weightsSha256 is not a SHA-256 hex digest");
    }
    List<String> backends = new ArrayList<>();
    JsonNode b = o.get("backends"); // absent in model files written before it existed
    if (b != null && !b.isNull()) {
      if (!b.isArray()) {
        throw new ModelFileException("manifest.json: backends is not a list");
      }
      for (JsonNode n : b) {
        if (!n.isTextual()) {
          throw new ModelFileException("manifest.json: backends must list strings");
        }
        backends.add(n.asText());
      }
    }
    JsonNode held = o.get("heldOutRelativeError");
    if (held == null) {
      throw new ModelFileException("manifest.json lacks heldOutRelativeError");
    }
    return new ModelManifest(format, config, training, longField(o, "parameterCount"),
        longField(o, "trainingSteps"), doubleField(o, "trainingSeconds"),
        held.isNumber() ? held.asDouble() : Double.NaN,
        values.stream().mapToDouble(Double::doubleValue).toArray(), intField(o, "heldOutSize"),
        sha, o.path("hasOptimizerState").asBoolean(false), backends);
  }

  private static JsonNode field(JsonNode o, String key) throws ModelFileException {
    JsonNode n = o.get(key);
    if (n == null || n.isNull()) {
      throw new ModelFileException("manifest.json lacks " + key);
    }
    return n;
  }

  private static int intField(JsonNode o, String key) throws ModelFileException {
    JsonNode n = field(o, key);
    if (!n.canConvertToInt()) {
      throw new ModelFileException("manifest.json: " + key + " is not an integer");
    }
    return n.asInt();
  }

  private static long longField(JsonNode o, String key) throws ModelFileException {
    JsonNode n = field(o, key);
    if (!n.isIntegralNumber()) {
      throw new ModelFileException("manifest.json: " + key + " is not an integer");
    }
    return n.asLong();
  }

  private static double doubleField(JsonNode o, String key) throws ModelFileException {
    JsonNode n = field(o, key);
    if (!n.isNumber()) {
      throw new ModelFileException("manifest.json: " + key + " is not a number");
    }
    return n.asDouble();
  }

  private static String textField(JsonNode o, String key) throws ModelFileException {
    JsonNode n = field(o, key);
    if (!n.isTextual()) {
      throw new ModelFileException("manifest.json: " + key + " is not a string");
    }
    return n.asText();
  }
}
