package swatnn.autoencoder;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Random;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import swatnn.io.AtomicFile;
import swatnn.nd4j.Nd4jRuntime;
import swatnn.nd4j.ParameterSet;

/**
 * Reads and writes a model file: one zip holding {@code manifest.json}, {@code weights.bin} (the
 * named parameter arrays; the SameDiff graph is rebuilt from the manifest's architecture by
 * {@link AutoencoderGraph}) and, for resuming, {@code optimizer.bin} (Adam's moments and step,
 * the data stream's random state). Writes go to a temporary file that is renamed over the
 * target, so a kill leaves either the old or the new file, never a partial one. Reads verify the
 * zip's checksums, the manifest, the weights' SHA-256 and every array's name and shape.
 */
public final class ModelFile {
  static final String MANIFEST = "manifest.json";
  static final String WEIGHTS = "weights.bin";
  static final String OPTIMIZER = "optimizer.bin";
  private static final int MAGIC = 0x53574e4e; // "SWNN"

  static {
    Nd4jRuntime.init(); // reading a model creates ND4J arrays
  }

  private ModelFile() {}

  /** What a checkpoint adds to a model for resuming. */
  public record OptimizerState(long step, double trainingSeconds, Random dataRandom,
      Map<String, INDArray> firstMoments, Map<String, INDArray> secondMoments) {}

  /** A loaded file. */
  public record Loaded(ModelManifest manifest, ParameterSet parameters, OptimizerState optimizer) {}

  /** SHA-256 of the serialised weights, as recorded in the manifest. */
  public static String weightsSha256(ParameterSet params) {
    return sha256(arraysToBytes(params.asMap()));
  }

  /**
   * Writes a model file atomically.
   *
   * @param manifest its weightsSha256 must be that of {@code params}
   * @param optimizer null to export the model without resume state
   */
  public static void write(Path file, ModelManifest manifest, ParameterSet params,
      OptimizerState optimizer) throws IOException {
    byte[] weights = arraysToBytes(params.asMap());
    if (!sha256(weights).equals(manifest.weightsSha256())) {
      throw new IllegalArgumentException("manifest checksum does not match the weights");
    }
    AtomicFile.write(file, out -> {
      try (ZipOutputStream zip = new ZipOutputStream(out)) {
        put(zip, MANIFEST, manifest.toJson().getBytes(StandardCharsets.UTF_8));
        put(zip, WEIGHTS, weights);
        if (optimizer != null) {
          put(zip, OPTIMIZER, optimizerToBytes(optimizer));
        }
      }
    });
  }

  /** Reads the manifest only (still checking the whole zip and the manifest's validity). */
  public static ModelManifest readManifest(Path file) throws ModelFileException {
    Map<String, byte[]> entries = entries(file);
    try {
      return ModelManifest.fromJson(new String(entry(entries, file, MANIFEST), StandardCharsets.UTF_8));
    } catch (ModelFileException e) {
      throw new ModelFileException(file + ": " + e.getMessage(), e);
    }
  }

  /**
   * Reads only the manifest (checked as JSON and against its schema, not against the weights),
   * without reading the rest of the file: for listing models. {@link #read} verifies everything.
   */
  public static ModelManifest peekManifest(Path file) throws ModelFileException {
    try (java.util.zip.ZipFile zip = new java.util.zip.ZipFile(file.toFile())) {
      ZipEntry e = zip.getEntry(MANIFEST);
      if (e == null) { // the catch below puts the file's name in front
        throw new ModelFileException("not a swatnn model file (no " + MANIFEST + ")");
      }
      try (java.io.InputStream in = zip.getInputStream(e)) {
        return ModelManifest.fromJson(new String(in.readAllBytes(), StandardCharsets.UTF_8));
      }
    } catch (ModelFileException e) {
      throw new ModelFileException(file + ": " + e.getMessage(), e);
    } catch (IOException e) {
      throw new ModelFileException(file + ": not a model file, or truncated (" + e.getMessage() + ")");
    }
  }

  /**
   * Reads and verifies a model file.
   *
   * @param withOptimizer also read the resume state (fails if the file has none)
   */
  public static Loaded read(Path file, boolean withOptimizer) throws ModelFileException {
    Map<String, byte[]> entries = entries(file);
    ModelManifest manifest;
    try {
      manifest = ModelManifest.fromJson(new String(entry(entries, file, MANIFEST), StandardCharsets.UTF_8));
    } catch (ModelFileException e) {
      throw new ModelFileException(file + ": " + e.getMessage(), e);
    }
    byte[] weights = entry(entries, file, WEIGHTS);
    if (!sha256(weights).equals(manifest.weightsSha256())) {
      throw new ModelFileException(file + ": weights.bin does not match the manifest's SHA-256 (corrupt file)");
    }
    ParameterSet expected = AutoencoderParameters.initialise(manifest.config(), 0);
    ParameterSet params = new ParameterSet();
    readArraysInto(weights, expected, params::put, file, "weights.bin");
    OptimizerState opt = null;
    if (withOptimizer) {
      if (!entries.containsKey(OPTIMIZER)) {
        throw new ModelFileException(file + ": holds no optimizer state (exported without it); cannot resume");
      }
      opt = optimizerFromBytes(entries.get(OPTIMIZER), expected, file);
    }
    return new Loaded(manifest, params, opt);
  }

  /**
   * All entries of the zip, read sequentially so that every entry's CRC-32 is checked (ZipFile
   * does not check it) and a truncated file fails.
   */
  private static Map<String, byte[]> entries(Path file) throws ModelFileException {
    if (!Files.isRegularFile(file)) {
      throw new ModelFileException(file + ": no such model file");
    }
    // The central directory at the end must be there (a file cut short anywhere is refused)...
    try (java.util.zip.ZipFile whole = new java.util.zip.ZipFile(file.toFile())) {
      if (whole.size() == 0) {
        throw new ModelFileException(file + ": not a model file (empty zip)");
      }
    } catch (ZipException e) {
      throw new ModelFileException(file + ": not a model file, or truncated (" + e.getMessage() + ")");
    } catch (IOException e) {
      throw new ModelFileException(file + ": cannot be read (" + e.getMessage() + ")");
    }
    // ...and every entry's content is read through its CRC.
    Map<String, byte[]> out = new LinkedHashMap<>();
    try (ZipInputStream zip = new ZipInputStream(new java.io.BufferedInputStream(Files.newInputStream(file)))) {
      ZipEntry e;
      while ((e = zip.getNextEntry()) != null) {
        if (out.put(e.getName(), zip.readAllBytes()) != null) {
          throw new ModelFileException(file + ": holds " + e.getName() + " twice (corrupt file)");
        }
      }
    } catch (ZipException | EOFException e) {
      throw new ModelFileException(file + ": truncated or corrupt (" + e.getMessage() + ")");
    } catch (IOException e) {
      throw new ModelFileException(file + ": cannot be read (" + e.getMessage() + ")");
    } catch (IllegalArgumentException e) {
      throw new ModelFileException(file + ": corrupt zip (" + e.getMessage() + ")");
    }
    if (out.isEmpty()) {
      throw new ModelFileException(file + ": not a model file, or truncated (no zip entries)");
    }
    return out;
  }

  private static byte[] entry(Map<String, byte[]> entries, Path file, String name)
      throws ModelFileException {
    byte[] data = entries.get(name);
    if (data == null) {
      throw new ModelFileException(file + ": not a swatnn model file, or truncated (no " + name + ")");
    }
    return data;
  }

  private static void put(ZipOutputStream zip, String name, byte[] data) throws IOException {
    zip.putNextEntry(new ZipEntry(name));
    zip.write(data);
    zip.closeEntry();
  }

  private static byte[] arraysToBytes(Map<String, INDArray> arrays) {
    ByteArrayOutputStream bos = new ByteArrayOutputStream();
    try (DataOutputStream out = new DataOutputStream(bos)) {
      writeArrays(out, arrays);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
    return bos.toByteArray();
  }

  private static void writeArrays(DataOutputStream out, Map<String, INDArray> arrays) throws IOException {
    out.writeInt(MAGIC);
    out.writeInt(arrays.size());
    for (Map.Entry<String, INDArray> e : arrays.entrySet()) {
      INDArray a = e.getValue();
      out.writeUTF(e.getKey());
      long[] shape = a.shape();
      out.writeInt(shape.length);
      for (long s : shape) {
        out.writeLong(s);
      }
      float[] data = a.dup('c').data().asFloat();
      java.nio.ByteBuffer buf = java.nio.ByteBuffer.allocate(data.length * 4);
      buf.asFloatBuffer().put(data);
      out.write(buf.array());
    }
  }

  @FunctionalInterface
  private interface ArraySink {
    void put(String name, INDArray array);
  }

  private static void readArraysInto(byte[] bytes, ParameterSet expected, ArraySink sink, Path file,
      String what) throws ModelFileException {
    try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(bytes))) {
      readArrays(in, expected, sink, file, what);
    } catch (IOException e) {
      throw new ModelFileException(file + ": " + what + " is truncated or corrupt");
    }
  }

  private static void readArrays(DataInputStream in, ParameterSet expected, ArraySink sink,
      Path file, String what) throws IOException, ModelFileException {
    if (in.readInt() != MAGIC) {
      throw new ModelFileException(file + ": " + what + " has a wrong header (corrupt file)");
    }
    int n = in.readInt();
    Map<String, INDArray> want = expected.asMap();
    if (n != want.size()) {
      throw new ModelFileException(file + ": " + what + " holds " + n + " arrays, the manifest's architecture needs " + want.size());
    }
    for (int i = 0; i < n; i++) {
      String name = in.readUTF();
      INDArray ref = want.get(name);
      if (ref == null) {
        throw new ModelFileException(file + ": " + what + " holds an unexpected array '" + name + "'");
      }
      int rank = in.readInt();
      if (rank < 0 || rank > 8) {
        throw new ModelFileException(file + ": " + what + " is corrupt (array '" + name + "' has rank " + rank + ")");
      }
      long[] shape = new long[rank];
      for (int r = 0; r < rank; r++) {
        shape[r] = in.readLong();
      }
      if (!java.util.Arrays.equals(shape, ref.shape())) {
        throw new ModelFileException(file + ": array '" + name + "' has shape "
            + java.util.Arrays.toString(shape) + ", the manifest's architecture needs "
            + java.util.Arrays.toString(ref.shape()));
      }
      int len = Math.toIntExact(ref.length());
      byte[] raw = new byte[len * 4];
      in.readFully(raw);
      float[] data = new float[len];
      java.nio.ByteBuffer.wrap(raw).asFloatBuffer().get(data);
      for (float f : data) {
        if (!Float.isFinite(f)) {
          throw new ModelFileException(file + ": array '" + name + "' holds non-finite values");
        }
      }
      sink.put(name, Nd4j.create(data, shape, 'c'));
    }
  }

  private static byte[] optimizerToBytes(OptimizerState s) throws IOException {
    ByteArrayOutputStream bos = new ByteArrayOutputStream();
    try (DataOutputStream out = new DataOutputStream(bos)) {
      out.writeInt(MAGIC);
      out.writeLong(s.step());
      out.writeDouble(s.trainingSeconds());
      ByteArrayOutputStream rb = new ByteArrayOutputStream();
      try (ObjectOutputStream oos = new ObjectOutputStream(rb)) {
        oos.writeObject(s.dataRandom());
      }
      out.writeInt(rb.size());
      out.write(rb.toByteArray());
      writeArrays(out, s.firstMoments());
      writeArrays(out, s.secondMoments());
    }
    return bos.toByteArray();
  }

  private static OptimizerState optimizerFromBytes(byte[] bytes, ParameterSet expected, Path file)
      throws ModelFileException {
    try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(bytes))) {
      if (in.readInt() != MAGIC) {
        throw new ModelFileException(file + ": optimizer.bin has a wrong header (corrupt file)");
      }
      long step = in.readLong();
      double seconds = in.readDouble();
      int rlen = in.readInt();
      if (rlen < 0 || rlen > 1 << 16) {
        throw new ModelFileException(file + ": optimizer.bin is corrupt");
      }
      byte[] rb = new byte[rlen];
      in.readFully(rb);
      Random random;
      try (ObjectInputStream ois = new ObjectInputStream(new ByteArrayInputStream(rb))) {
        random = (Random) ois.readObject();
      } catch (ClassNotFoundException | ClassCastException e) {
        throw new ModelFileException(file + ": optimizer.bin holds no valid random state");
      }
      Map<String, INDArray> m = new LinkedHashMap<>();
      Map<String, INDArray> v = new LinkedHashMap<>();
      readArrays(in, expected, m::put, file, "optimizer.bin");
      readArrays(in, expected, v::put, file, "optimizer.bin");
      return new OptimizerState(step, seconds, random, m, v);
    } catch (EOFException e) {
      throw new ModelFileException(file + ": optimizer.bin is truncated");
    } catch (IOException e) {
      throw new ModelFileException(file + ": optimizer.bin is corrupt (" + e.getMessage() + ")");
    }
  }

  static String sha256(byte[] data) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(data));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
