package swatnn.autoencoder;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Enumeration;
import java.util.Random;
import java.util.function.UnaryOperator;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import swatnn.cli.Main;
import swatnn.nd4j.Nd4jBackend;

/** Broken model files are refused with one clear line, never loaded half-way. */
class ModelFileTest {
  @TempDir Path dir;
  Path good;

  @BeforeEach
  void writeModel() throws Exception {
    good = dir.resolve("good.zip");
    AutoencoderTrainerTest.tiny(good).train(2, 0);
  }

  @Test
  void goodFileLoads() throws Exception {
    ModelFile.Loaded l = ModelFile.read(good, true);
    assertEquals(2, l.optimizer().step());
    assertEquals(l.manifest().parameterCount(), l.parameters().count());
  }

  @Test
  void truncatedFileIsRefused() throws Exception {
    byte[] all = Files.readAllBytes(good);
    for (int cut : new int[] {0, 10, all.length / 3, all.length / 2, all.length - 30}) {
      Path bad = dir.resolve("cut" + cut + ".zip");
      Files.write(bad, java.util.Arrays.copyOf(all, cut));
      ModelFileException e = assertThrows(ModelFileException.class, () -> ModelFile.read(bad, false));
      assertTrue(e.getMessage().startsWith(bad.toString()), e.getMessage());
      assertTrue(e.getMessage().contains("truncated") || e.getMessage().contains("corrupt")
          || e.getMessage().contains("not a"), e.getMessage());
    }
  }

  @Test
  void corruptedWeightsAreRefused() throws Exception {
    Path bad = rewrite("flip.zip", ModelFile.WEIGHTS, b -> {
      byte[] c = b.clone();
      c[c.length / 2] ^= 0x40;
      return c;
    });
    ModelFileException e = assertThrows(ModelFileException.class, () -> ModelFile.read(bad, false));
    assertTrue(e.getMessage().contains("SHA-256"), e.getMessage());
  }

  /** Any flipped byte either is refused or hit zip metadata that leaves the content intact. */
  @Test
  void flippedByteIsRefusedOrHarmless() throws Exception {
    byte[] all = Files.readAllBytes(good);
    ModelFile.Loaded ref = ModelFile.read(good, true);
    Random r = new Random(5);
    int refused = 0;
    for (int i = 0; i < 40; i++) {
      int pos = r.nextInt(all.length);
      byte[] c = all.clone();
      c[pos] ^= (byte) (1 << r.nextInt(8));
      Path bad = dir.resolve("byte" + pos + ".zip");
      Files.write(bad, c);
      try {
        ModelFile.Loaded l = ModelFile.read(bad, true);
        for (String name : ref.parameters().asMap().keySet()) {
          assertEquals(ref.parameters().get(name), l.parameters().get(name), "byte " + pos);
        }
        assertEquals(ref.manifest().toJson(), l.manifest().toJson(), "byte " + pos);
      } catch (ModelFileException e) {
        refused++;
        assertEquals(1, e.getMessage().lines().count());
      }
    }
    assertTrue(refused >= 30, "most flips land in checksummed data; refused " + refused + " of 40");
  }

  @Test
  void manifestNamesTheBackendItWasTrainedOn() throws Exception {
    ModelFile.Loaded l = ModelFile.read(good, true);
    assertEquals(java.util.List.of(Nd4jBackend.summary()), l.manifest().backends());
    // the backend in use, whichever it is: CPU here, CUDA under -Pcuda on a machine with a GPU
    assertTrue(l.manifest().toJson().contains("\"backends\" : [ \"" + Nd4jBackend.summary()
        + "\" ]"), l.manifest().toJson());
  }

  @Test
  void manifestWithoutBackendsLoads() throws Exception {
    // model files written before the field existed (the bundled ones) have no "backends"
    Path old = rewrite("old.zip", ModelFile.MANIFEST, b -> {
      try {
        org.nd4j.shade.jackson.databind.ObjectMapper json = new org.nd4j.shade.jackson.databind.ObjectMapper();
        org.nd4j.shade.jackson.databind.node.ObjectNode o =
            (org.nd4j.shade.jackson.databind.node.ObjectNode) json.readTree(b);
        o.remove("backends");
        return json.writeValueAsBytes(o);
      } catch (IOException e) {
        throw new java.io.UncheckedIOException(e);
      }
    });
    ModelFile.Loaded l = ModelFile.read(old, true);
    assertEquals(java.util.List.of(), l.manifest().backends());
    assertTrue(!l.manifest().toJson().contains("backends"), l.manifest().toJson());
    assertEquals(java.util.List.of("CPU (x)", "CUDA (y)"),
        ModelManifest.withBackend(java.util.List.of("CPU (x)"), "CUDA (y)"));
    assertEquals(java.util.List.of("CPU (x)"),
        ModelManifest.withBackend(java.util.List.of("CPU (x)"), "CPU (x)"));
  }

  @Test
  void malformedBackendsAreRefused() throws Exception {
    Path bad = rewrite("backends.zip", ModelFile.MANIFEST,
        b -> new String(b, StandardCharsets.UTF_8).replaceAll("\"backends\" : \\[[^]]*]",
            "\"backends\" : 3").getBytes(StandardCharsets.UTF_8));
    ModelFileException e = assertThrows(ModelFileException.class, () -> ModelFile.read(bad, false));
    assertTrue(e.getMessage().contains("backends is not a list"), e.getMessage());
  }

  @Test
  void otherFormatVersionIsRefused() throws Exception {
    Path bad = rewrite("v2.zip", ModelFile.MANIFEST,
        b -> new String(b, StandardCharsets.UTF_8).replace("\"format\" : 1", "\"format\" : 2")
            .getBytes(StandardCharsets.UTF_8));
    ModelFileException e = assertThrows(ModelFileException.class, () -> ModelFile.read(bad, false));
    assertTrue(e.getMessage().contains("format version 2"), e.getMessage());
  }

  @Test
  void wrongShapeIsRefused() throws Exception {
    Path bad = rewrite("shape.zip", ModelFile.MANIFEST,
        b -> new String(b, StandardCharsets.UTF_8).replace("\"dModel\" : 16", "\"dModel\" : 32")
            .getBytes(StandardCharsets.UTF_8));
    ModelFileException e = assertThrows(ModelFileException.class, () -> ModelFile.read(bad, false));
    assertTrue(e.getMessage().contains("shape"), e.getMessage());
  }

  @Test
  void missingManifestFieldIsNamed() throws Exception {
    Path bad = rewrite("field.zip", ModelFile.MANIFEST,
        b -> new String(b, StandardCharsets.UTF_8).replace("\"nInMax\"", "\"nInMaximum\"")
            .getBytes(StandardCharsets.UTF_8));
    ModelFileException e = assertThrows(ModelFileException.class, () -> ModelFile.read(bad, false));
    assertTrue(e.getMessage().contains("nInMax"), e.getMessage());
  }

  @Test
  void exportedModelCannotResume() throws Exception {
    ModelFile.Loaded l = ModelFile.read(good, false);
    Path exported = dir.resolve("export.zip");
    ModelFile.write(exported, l.manifest(), l.parameters(), null);
    ModelFileException e = assertThrows(ModelFileException.class, () -> ModelFile.read(exported, true));
    assertTrue(e.getMessage().contains("no optimizer state"), e.getMessage());
    assertEquals(l.parameters().count(), ModelFile.read(exported, false).parameters().count());
  }

  @Test
  void modelInfoCommand() throws Exception {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    Main main = new Main(Main.standardCommands());
    assertEquals(0, main.run(java.util.List.of("model-info", good.toString()),
        new java.io.PrintStream(out), new java.io.PrintStream(err)));
    assertTrue(out.toString().contains("\"weightsSha256\""), out.toString());
    assertTrue(out.toString().contains("valid: yes"));
    Path bad = dir.resolve("bad.zip");
    Files.write(bad, java.util.Arrays.copyOf(Files.readAllBytes(good), 100));
    err.reset();
    assertEquals(1, main.run(java.util.List.of("model-info", bad.toString()),
        new java.io.PrintStream(out), new java.io.PrintStream(err)));
    assertEquals(1, err.toString().strip().lines().count(), err.toString());
    assertEquals(2, main.run(java.util.List.of("model-info"), new java.io.PrintStream(out),
        new java.io.PrintStream(err)));
  }

  /** Copies the good file, transforming one entry. */
  private Path rewrite(String name, String entry, UnaryOperator<byte[]> change) throws IOException {
    Path out = dir.resolve(name);
    try (ZipFile in = new ZipFile(good.toFile());
        ZipOutputStream zos = new ZipOutputStream(Files.newOutputStream(out))) {
      Enumeration<? extends ZipEntry> es = in.entries();
      while (es.hasMoreElements()) {
        ZipEntry e = es.nextElement();
        byte[] data;
        try (InputStream is = in.getInputStream(e)) {
          data = is.readAllBytes();
        }
        if (e.getName().equals(entry)) {
          data = change.apply(data);
        }
        zos.putNextEntry(new ZipEntry(e.getName()));
        zos.write(data);
        zos.closeEntry();
      }
    }
    return out;
  }
}
