package swatnn.cornn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import weka.core.Instances;
import weka.core.converters.ConverterUtils.DataSource;

class ArffWriterTest {

  @TempDir
  Path dir;

  @Test
  void writesHeaderAndFullPrecisionRows() throws Exception {
    Path file = dir.resolve("t.arff");
    double[] a = {0.1, -1.0E-300, 1 / 3.0};
    double[] b = {-0.0, 12345.678901234567, Math.nextUp(1.0)};
    ArffWriter.write(file, "it's a \\ test", List.of("x1", "odd name", "f"),
        List.of(a, b, new double[] {1, 2, 3}));
    List<String> lines = Files.readAllLines(file);
    assertEquals("@relation 'it\\'s a \\\\ test'", lines.get(0));
    assertEquals("@attribute x1 numeric", lines.get(2));
    assertEquals("@attribute 'odd name' numeric", lines.get(3));
    assertEquals("@attribute f numeric", lines.get(4));
    assertEquals("@data", lines.get(6));
    assertEquals("0.1,-0.0,1.0", lines.get(7));

    Instances data = new DataSource(file.toString()).getDataSet();
    assertEquals("it's a \\ test", data.relationName());
    assertEquals("odd name", data.attribute(1).name());
    assertEquals(3, data.numInstances());
    for (int i = 0; i < 3; i++) {
      assertEquals(a[i], data.instance(i).value(0), 0);
      assertEquals(b[i], data.instance(i).value(1), 0);
    }
  }

  @Test
  void replacesAnExistingFileAndLeavesNoTemporaryFiles() throws IOException {
    Path file = dir.resolve("t.arff");
    Files.writeString(file, "old");
    ArffWriter.write(file, "r", List.of("f"), List.of(new double[] {2.5}));
    assertEquals("2.5", Files.readAllLines(file).get(Files.readAllLines(file).size() - 1));
    try (Stream<Path> files = Files.list(dir)) {
      assertArrayEquals(new Object[] {file}, files.toArray());
    }
  }

  @Test
  void refusesBadColumns() {
    Path file = dir.resolve("bad.arff");
    assertThrows(IllegalArgumentException.class, () -> ArffWriter.write(file, "r",
        List.of("a", "b"), List.of(new double[] {1}, new double[] {1, 2})));
    assertThrows(IllegalArgumentException.class, () -> ArffWriter.write(file, "r",
        List.of("a"), List.of(new double[] {Double.NaN})));
    assertThrows(IllegalArgumentException.class, () -> ArffWriter.write(file, "r",
        List.of("a", "b"), List.of(new double[] {1})));
    assertEquals(false, Files.exists(file));
  }
}
