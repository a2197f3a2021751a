package swatnn.cornn;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import swatnn.io.AtomicFile;

/**
 * Writes a data set of numeric attributes as a plain-text ARFF file: {@code @relation}, one
 * {@code @attribute NAME numeric} line per column (Weka treats the last as the class), and one
 * data row per instance with every value at full double precision ({@link Double#toString}).
 *
 * <p>Files appear atomically: the text goes to a temporary file in the target's directory, which
 * is then moved over the target, so a reader never sees a half-written file.
 */
public final class ArffWriter {

  private ArffWriter() {}

  /**
   * Writes {@code file}.
   *
   * @param relation the relation name; always quoted
   * @param attributes the attribute names, one per column, quoted where needed
   * @param columns the values, {@code columns.get(j)[i]} being attribute {@code j} of row
   *     {@code i}; all of one length and finite
   * @throws IllegalArgumentException on mismatched or non-finite columns
   */
  public static void write(Path file, String relation, List<String> attributes,
      List<double[]> columns) throws IOException {
    if (attributes.isEmpty() || attributes.size() != columns.size()) {
      throw new IllegalArgumentException(attributes.size() + " attribute names for "
          + columns.size() + " columns");
    }
    int rows = columns.get(0).length;
    for (int j = 0; j < columns.size(); j++) {
      double[] column = columns.get(j);
      if (column.length != rows) {
        throw new IllegalArgumentException("column " + attributes.get(j) + " has "
            + column.length + " rows, expected " + rows);
      }
      for (int i = 0; i < rows; i++) {
        if (!Double.isFinite(column[i])) {
          throw new IllegalArgumentException("column " + attributes.get(j) + " row " + (i + 1)
              + " is not finite: " + column[i]);
        }
      }
    }
    writeAtomically(file, out -> {
      out.write("@relation " + quote(relation) + "\n\n");
      for (String name : attributes) {
        out.write("@attribute " + quoteIfNeeded(name) + " numeric\n");
      }
      out.write("\n@data\n");
      StringBuilder line = new StringBuilder();
      for (int i = 0; i < rows; i++) {
        line.setLength(0);
        for (int j = 0; j < columns.size(); j++) {
          if (j > 0) {
            line.append(',');
          }
          line.append(columns.get(j)[i]);
        }
        line.append('\n');
        out.write(line.toString());
      }
    });
  }

  /** Writes the text of a file. */
  @FunctionalInterface
  interface Content {
    void writeTo(Writer out) throws IOException;
  }

  /** Writes {@code target} through a temporary sibling file and an atomic move. */
  static void writeAtomically(Path target, Content content) throws IOException {
    AtomicFile.write(target, stream -> {
      Writer out = new BufferedWriter(new OutputStreamWriter(stream, StandardCharsets.UTF_8));
      content.writeTo(out);
      out.flush();
    });
  }

  /** Quotes a name in single quotes, with backslash escapes as Weka's ARFF reader expects. */
  static String quote(String name) {
    StringBuilder sb = new StringBuilder("'");
    for (int i = 0; i < name.length(); i++) {
      char c = name.charAt(i);
      switch (c) {
        case '\\' -> sb.append("\\\\");
        case '\'' -> sb.append("\\'");
        case '\n' -> sb.append("\\n");
        case '\r' -> sb.append("\\r");
        case '\t' -> sb.append("\\t");
        default -> sb.append(c);
      }
    }
    return sb.append('\'').toString();
  }

  private static String quoteIfNeeded(String name) {
    return !name.isEmpty() && name.chars().allMatch(
        c -> (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
            || c == '_' || c == '.' || c == '-')
        && !name.startsWith("-") ? name : quote(name);
  }
}
