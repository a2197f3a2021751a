package swatnn.cornn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import swatnn.cli.Main;
import weka.core.Instances;
import weka.core.converters.ConverterUtils.DataSource;

/** {@code swatnn cornn import} on the official data. */
class CornnImportTest {

  @TempDir
  static Path out;

  static Path csvDir;
  static String stdout;

  @BeforeAll
  static void importAll() {
    csvDir = CornnTestData.officialDataDir();
    ByteArrayOutputStream buffer = new ByteArrayOutputStream();
    ByteArrayOutputStream errors = new ByteArrayOutputStream();
    int code = new Main(Main.standardCommands()).run(
        List.of("cornn", "import", csvDir.toString(), out.resolve("tasks").toString()),
        new PrintStream(buffer, true, StandardCharsets.UTF_8),
        new PrintStream(errors, true, StandardCharsets.UTF_8));
    assertEquals(0, code, errors.toString(StandardCharsets.UTF_8));
    stdout = buffer.toString(StandardCharsets.UTF_8);
  }

  @Test
  void writesTwoFilesPerFunctionAndReportsEach() throws Exception {
    try (Stream<Path> files = Files.list(out.resolve("tasks"))) {
      assertEquals(108, files.filter(p -> p.toString().endsWith(".arff")).count());
    }
    try (Stream<Path> files = Files.list(out.resolve("tasks"))) {
      assertEquals(108, files.count(), "no temporary files left behind");
    }
    List<String> lines = stdout.lines().toList();
    assertEquals(55, lines.size(), stdout);
    assertTrue(lines.get(12).startsWith("F13 Booth"), lines.get(12));
    assertTrue(lines.get(54).contains("54") && lines.get(54).contains("108"), lines.get(54));
  }

  @Test
  void everyTaskIsScaledAsInCornn() throws Exception {
    for (CornnFunction function : CornnFunction.all()) {
      CornnTestData.Arff train = CornnTestData.readArff(
          out.resolve("tasks").resolve(function.fileStem() + "_train.arff"));
      CornnTestData.Arff test = CornnTestData.readArff(
          out.resolve("tasks").resolve(function.fileStem() + "_test.arff"));
      for (CornnTestData.Arff arff : List.of(train, test)) {
        assertEquals("@relation " + "'" + function.cornnName() + "'", arff.relationLine());
        assertEquals(List.of("@attribute x1 numeric", "@attribute x2 numeric",
            "@attribute f numeric"), arff.attributeLines());
        for (double[] row : arff.rows()) {
          assertEquals(3, row.length);
          assertTrue(Math.abs(row[0]) <= 1 && Math.abs(row[1]) <= 1,
              function + ": input outside [-1, 1]: " + row[0] + ", " + row[1]);
        }
      }
      assertEquals(3750, train.rows().length, function.toString());
      assertEquals(1250, test.rows().length, function.toString());
      double[] labels = CornnTestData.column(train.rows(), 2);
      assertEquals(-1, Arrays.stream(labels).min().getAsDouble(), 0,
          function + " training label min");
      assertEquals(1, Arrays.stream(labels).max().getAsDouble(), 0,
          function + " training label max");
    }
  }

  @Test
  void valuesMatchARecomputationFromTheCsv() throws Exception {
    for (CornnFunction function : List.of(CornnFunction.ACKLEY_N2, CornnFunction.BOOTH,
        CornnFunction.EASOM, CornnFunction.MCCORMICK)) {
      CornnSample rawTrain = CornnCsvReader.readTrain(csvDir, function);
      CornnSample rawTest = CornnCsvReader.readTest(csvDir, function);
      double min = Double.POSITIVE_INFINITY;
      double max = Double.NEGATIVE_INFINITY;
      for (int i = 0; i < rawTrain.size(); i++) {
        min = Math.min(min, rawTrain.f(i));
        max = Math.max(max, rawTrain.f(i));
      }
      assertRows(function, rawTrain, min, max, "_train.arff");
      assertRows(function, rawTest, min, max, "_test.arff");
    }
  }

  private static void assertRows(CornnFunction function, CornnSample raw, double min,
      double max, String suffix) throws Exception {
    double[][] rows = CornnTestData.readArff(
        out.resolve("tasks").resolve(function.fileStem() + suffix)).rows();
    assertEquals(raw.size(), rows.length);
    for (int i = 0; i < rows.length; i++) {
      String where = function + suffix + " row " + (i + 1);
      assertEquals(2 * (raw.x(i) - function.xLo()) / (function.xHi() - function.xLo()) - 1,
          rows[i][0], 0, where);
      assertEquals(2 * (raw.y(i) - function.yLo()) / (function.yHi() - function.yLo()) - 1,
          rows[i][1], 0, where);
      assertEquals(2 * (raw.f(i) - min) / (max - min) - 1, rows[i][2], 0, where);
    }
  }

  @Test
  void wekaReadsTheWrittenFiles() throws Exception {
    Path file = out.resolve("tasks").resolve("Ackley_N.2_test.arff");
    Instances data = new DataSource(file.toString()).getDataSet();
    assertEquals(3, data.numAttributes());
    assertEquals("Ackley N.2", data.relationName());
    assertEquals("x1", data.attribute(0).name());
    assertEquals("x2", data.attribute(1).name());
    assertEquals("f", data.attribute(2).name());
    assertTrue(data.attribute(2).isNumeric());
    double[][] written = CornnTestData.readArff(file).rows();
    assertEquals(written.length, data.numInstances());
    for (int i = 0; i < written.length; i++) {
      for (int j = 0; j < 3; j++) {
        assertEquals(written[i][j], data.instance(i).value(j), 0, "row " + (i + 1));
      }
    }
  }
}
