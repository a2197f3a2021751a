package swatnn.cornn;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Reads the official CORNN files {@code <Name>_train_set.csv} and {@code <Name>_test_set.csv}:
 * a header {@code x,y,"f(x,y)"} followed by one row {@code x,y,f} per point, in raw units.
 * Every problem is reported as an {@link IOException} with a one-line message that names the
 * file (and the line, for a malformed row).
 */
public final class CornnCsvReader {

  /** The header of the official files, with the quotes and blanks removed. */
  private static final String HEADER = "x,y,f(x,y)";

  private CornnCsvReader() {}

  /** {@code "Ackley N.2_train_set.csv"}. */
  public static String trainFileName(CornnFunction function) {
    return function.cornnName() + "_train_set.csv";
  }

  /** {@code "Ackley N.2_test_set.csv"}. */
  public static String testFileName(CornnFunction function) {
    return function.cornnName() + "_test_set.csv";
  }

  /** Reads the official training set of {@code function} from {@code dir}. */
  public static CornnSample readTrain(Path dir, CornnFunction function) throws IOException {
    return read(dir.resolve(trainFileName(function)));
  }

  /** Reads the official test set of {@code function} from {@code dir}. */
  public static CornnSample readTest(Path dir, CornnFunction function) throws IOException {
    return read(dir.resolve(testFileName(function)));
  }

  /** The official files of {@code functions} that are not regular files in {@code dir}. */
  public static List<Path> missingFiles(Path dir, List<CornnFunction> functions) {
    List<Path> missing = new ArrayList<>();
    for (CornnFunction function : functions) {
      for (String name : List.of(trainFileName(function), testFileName(function))) {
        Path file = dir.resolve(name);
        if (!Files.isRegularFile(file)) {
          missing.add(file);
        }
      }
    }
    return missing;
  }

  /** Reads one CORNN CSV file. */
  public static CornnSample read(Path file) throws IOException {
    if (!Files.isRegularFile(file)) {
      throw new NoSuchFileException(file.toString(), null, "missing CORNN data file (expected"
          + " '<Name>_train_set.csv' and '<Name>_test_set.csv' per function,"
          + " e.g. 'Ackley N.2_train_set.csv')");
    }
    double[] x = new double[4096];
    double[] y = new double[4096];
    double[] f = new double[4096];
    int n = 0;
    try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      String header = in.readLine();
      if (header == null) {
        throw new IOException(file + ": empty file (expected header x,y,\"f(x,y)\")");
      }
      String normalized = header.replace("\uFEFF", "").replace("\"", "").replaceAll("\\s", "");
      if (!normalized.equals(HEADER)) {
        throw new IOException(file + " line 1: expected header x,y,\"f(x,y)\", got '"
            + header + "'");
      }
      int lineNumber = 1;
      for (String line = in.readLine(); line != null; line = in.readLine()) {
        lineNumber++;
        if (line.isBlank()) {
          continue;
        }
        if (n == x.length) {
          x = Arrays.copyOf(x, 2 * n);
          y = Arrays.copyOf(y, 2 * n);
          f = Arrays.copyOf(f, 2 * n);
        }
        double[] row = parseRow(line, file, lineNumber);
        x[n] = row[0];
        y[n] = row[1];
        f[n] = row[2];
        n++;
      }
    }
    if (n == 0) {
      throw new IOException(file + ": no data rows after the header");
    }
    return new CornnSample(Arrays.copyOf(x, n), Arrays.copyOf(y, n), Arrays.copyOf(f, n));
  }

  private static double[] parseRow(String line, Path file, int lineNumber) throws IOException {
    String[] fields = line.split(",", -1);
    if (fields.length != 3) {
      throw new IOException(file + " line " + lineNumber
          + ": expected 3 comma-separated numbers x,y,f, got '" + line + "'");
    }
    double[] row = new double[3];
    for (int i = 0; i < 3; i++) {
      String field = fields[i].trim();
      try {
        row[i] = Double.parseDouble(field);
      } catch (NumberFormatException e) {
        row[i] = Double.NaN;
      }
      if (!Double.isFinite(row[i])) {
        throw new IOException(file + " line " + lineNumber + ": field " + (i + 1)
            + " is not a finite number: '" + field + "'");
      }
    }
    return row;
  }
}
