package swatnn.cornn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import swatnn.cli.Main;

/** {@code swatnn cornn generate} and the sampler behind it. */
class CornnGenerateTest {

  @TempDir
  Path dir;

  private static String generate(Path outDir, String... options) {
    List<String> args = new ArrayList<>(List.of("cornn", "generate", outDir.toString()));
    args.addAll(List.of(options));
    ByteArrayOutputStream buffer = new ByteArrayOutputStream();
    ByteArrayOutputStream errors = new ByteArrayOutputStream();
    int code = new Main(Main.standardCommands()).run(args,
        new PrintStream(buffer, true, StandardCharsets.UTF_8),
        new PrintStream(errors, true, StandardCharsets.UTF_8));
    assertEquals(0, code, errors.toString(StandardCharsets.UTF_8));
    return buffer.toString(StandardCharsets.UTF_8);
  }

  private static byte[] bytes(Path dir, CornnFunction f, String part) throws Exception {
    return Files.readAllBytes(dir.resolve(f.fileStem() + "_" + part + ".arff"));
  }

  @Test
  void defaultRunIsDeterministicAndWithinTheDomains() throws Exception {
    Path first = dir.resolve("a");
    Path second = dir.resolve("b");
    String report = generate(first);
    generate(second, "--seed", "1");
    assertEquals(55, report.lines().count(), report);
    for (CornnFunction f : CornnFunction.all()) {
      for (String part : List.of("train", "test")) {
        assertArrayEquals(bytes(first, f, part), bytes(second, f, part), f + " " + part);
        double[][] rows = CornnTestData.readArff(
            first.resolve(f.fileStem() + "_" + part + ".arff")).rows();
        assertEquals(part.equals("train") ? 3750 : 1250, rows.length, f + " " + part);
        for (double[] row : rows) {
          assertTrue(Math.abs(row[0]) <= 1 && Math.abs(row[1]) <= 1,
              f + " " + part + ": input outside [-1, 1]: " + row[0] + ", " + row[1]);
        }
        if (part.equals("train")) {
          double[] labels = CornnTestData.column(rows, 2);
          assertEquals(-1, Arrays.stream(labels).min().getAsDouble(), 0, f.toString());
          assertEquals(1, Arrays.stream(labels).max().getAsDouble(), 0, f.toString());
        }
      }
    }
  }

  @Test
  void anotherSeedGivesOtherSamples() throws Exception {
    Path one = dir.resolve("one");
    Path two = dir.resolve("two");
    generate(one, "--seed", "1", "--train", "50", "--test", "20");
    generate(two, "--seed", "2", "--train", "50", "--test", "20");
    for (CornnFunction f : CornnFunction.all()) {
      assertFalse(Arrays.equals(bytes(one, f, "train"), bytes(two, f, "train")),
          f.toString());
      assertFalse(Arrays.equals(bytes(one, f, "test"), bytes(two, f, "test")),
          f.toString());
    }
  }

  @Test
  void aSubsetGetsTheSameSamplesAsTheFullRun() throws Exception {
    Path full = dir.resolve("full");
    Path subset = dir.resolve("subset");
    generate(full, "--seed", "42", "--train", "300", "--test", "100");
    String report = generate(subset, "--seed=42", "--train", "300", "--test", "100",
        "--functions", "Zakharov,F13,ackley_n.2");
    assertEquals(4, report.lines().count(), report);
    try (var files = Files.list(subset)) {
      assertEquals(6, files.count());
    }
    for (CornnFunction f : List.of(CornnFunction.ZAKHAROV, CornnFunction.BOOTH,
        CornnFunction.ACKLEY_N2)) {
      assertArrayEquals(bytes(full, f, "train"), bytes(subset, f, "train"), f.toString());
      assertArrayEquals(bytes(full, f, "test"), bytes(subset, f, "test"), f.toString());
    }
  }

  @Test
  void filesHoldTheScaledSamplesOfTheJavaFunctions() throws Exception {
    Path out = dir.resolve("booth");
    generate(out, "--seed", "9", "--train", "400", "--test", "150", "--functions", "Booth");
    CornnTask task = CornnTask.generate(CornnFunction.BOOTH, 9, 400, 150);
    double[][] train = CornnTestData.readArff(out.resolve("Booth_train.arff")).rows();
    double[][] test = CornnTestData.readArff(out.resolve("Booth_test.arff")).rows();
    assertRows(task, task.train(), train);
    assertRows(task, task.test(), test);
  }

  private static void assertRows(CornnTask task, CornnSample sample, double[][] rows) {
    CornnFunction f = task.function();
    assertEquals(sample.size(), rows.length);
    for (int i = 0; i < rows.length; i++) {
      assertTrue(sample.x(i) >= f.xLo() && sample.x(i) <= f.xHi());
      assertTrue(sample.y(i) >= f.yLo() && sample.y(i) <= f.yHi());
      assertEquals(f.value(sample.x(i), sample.y(i)), sample.f(i), 0);
      assertEquals(f.scaleX(sample.x(i)), rows[i][0], 0);
      assertEquals(f.scaleY(sample.y(i)), rows[i][1], 0);
      assertEquals(task.labels().scale(sample.f(i)), rows[i][2], 0);
    }
  }

  @Test
  void samplesArePrefixStableAndTestPointsIgnoreTheTrainingSize() {
    CornnFunction f = CornnFunction.EGG_HOLDER;
    CornnTask small = CornnTask.generate(f, 5, 10, 7);
    CornnTask large = CornnTask.generate(f, 5, 100, 7);
    assertEquals(small.test(), large.test());
    for (int i = 0; i < 10; i++) {
      assertEquals(small.train().x(i), large.train().x(i), 0);
      assertEquals(small.train().y(i), large.train().y(i), 0);
    }
    assertFalse(CornnTask.generate(f, 6, 10, 7).train().equals(small.train()));
  }
}
