package swatnn.cornn;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Assumptions;

/** Test helpers: where the official CORNN data lives, and a reader for written ARFF files. */
final class CornnTestData {

  private CornnTestData() {}

  /**
   * The folder of official CSV files: system property {@code cornn.data}, else
   * {@code ../shared/cornn/data}. When it is absent the calling test fails on CI (environment
   * variable {@code CI} set) and is skipped elsewhere.
   */
  static Path officialDataDir() {
    String property = System.getProperty("cornn.data");
    Path dir = Paths.get(property != null ? property : "../shared/cornn/data").toAbsolutePath();
    if (!Files.isDirectory(dir)) {
      String message = "official CORNN data not found at " + dir
          + " (set -Dcornn.data=DIR to the folder of <Name>_train_set.csv files)";
      if (System.getenv("CI") != null) {
        fail(message);
      }
      Assumptions.assumeTrue(false, message);
    }
    return dir;
  }

  /** A parsed ARFF file as written by {@link ArffWriter}. */
  record Arff(String relationLine, List<String> attributeLines, double[][] rows) {}

  /** Parses an ARFF file with one header line per declaration and comma-separated rows. */
  static Arff readArff(Path file) throws IOException {
    List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
    String relation = null;
    List<String> attributes = new ArrayList<>();
    List<double[]> rows = new ArrayList<>();
    boolean data = false;
    for (String line : lines) {
      if (line.isEmpty()) {
        continue;
      }
      if (data) {
        String[] fields = line.split(",");
        double[] row = new double[fields.length];
        for (int i = 0; i < fields.length; i++) {
          row[i] = Double.parseDouble(fields[i]);
        }
        rows.add(row);
      } else if (line.startsWith("@relation ")) {
        relation = line;
      } else if (line.startsWith("@attribute ")) {
        attributes.add(line);
      } else if (line.equals("@data")) {
        data = true;
      } else {
        throw new IOException(file + ": unexpected header line '" + line + "'");
      }
    }
    return new Arff(relation, attributes, rows.toArray(new double[0][]));
  }

  /** Column {@code j} of the rows. */
  static double[] column(double[][] rows, int j) {
    double[] c = new double[rows.length];
    for (int i = 0; i < rows.length; i++) {
      c[i] = rows[i][j];
    }
    return c;
  }
}
