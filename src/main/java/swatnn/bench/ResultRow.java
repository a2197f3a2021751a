package swatnn.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * One line of {@code results.csv}: a method's result on a task, for one configuration of a
 * search ({@code k1..k4}), for the configuration a search selected ({@code selected}), or for a
 * method without configurations ({@code -}).
 *
 * @param task the CORNN name, e.g. {@code "Ackley N.2"}
 * @param method the method's label, e.g. {@code "SWATNN"}
 * @param config {@code k1..k4}, {@link #SELECTED} or {@link #NONE}
 * @param testMse mean squared error on the test set's scaled labels
 * @param nonZero the network's non-zero parameter count, null for a method without a network
 * @param activeNeurons the network's active hidden neurons, null for a method without one
 * @param trainSeconds wall time of building the classifier, or of the configuration's search
 */
public record ResultRow(String task, String method, String config, double testMse,
    Integer nonZero, Integer activeNeurons, double trainSeconds) {

  /** The header line of results.csv. */
  public static final String HEADER =
      "task,method,config,test_mse,nonzero,active_neurons,train_seconds";

  /** The config of a search's selected model. */
  public static final String SELECTED = "selected";

  /** The config of a method without configurations. */
  public static final String NONE = "-";

  /**
   * Whether this row ends a (task, method) block: {@code selected} or {@code -}. A block is
   * complete exactly when its final row is present, since each block is written at once.
   */
  public boolean isFinal() {
    return SELECTED.equals(config) || NONE.equals(config);
  }

  /** The hidden-layer count of a {@code kN} row, or -1. */
  public int hiddenLayers() {
    if (config.length() > 1 && config.charAt(0) == 'k') {
      try {
        return Integer.parseInt(config.substring(1));
      } catch (NumberFormatException e) {
        return -1;
      }
    }
    return -1;
  }

  /** The row as a CSV line, without the line break. */
  public String toCsv() {
    return String.join(",", quote(task), quote(method), quote(config), Double.toString(testMse),
        nonZero == null ? "" : nonZero.toString(),
        activeNeurons == null ? "" : activeNeurons.toString(),
        String.format(Locale.ROOT, "%.3f", trainSeconds));
  }

  /**
   * Parses a CSV line written by {@link #toCsv} (or any RFC 4180 line with the same columns).
   *
   * @throws IllegalArgumentException saying what is wrong with the line
   */
  public static ResultRow parse(String line) {
    List<String> f = split(line);
    if (f.size() != 7) {
      throw new IllegalArgumentException("expected 7 fields, got " + f.size());
    }
    try {
      return new ResultRow(f.get(0), f.get(1), f.get(2), Double.parseDouble(f.get(3)),
          f.get(4).isEmpty() ? null : Integer.valueOf(f.get(4)),
          f.get(5).isEmpty() ? null : Integer.valueOf(f.get(5)), Double.parseDouble(f.get(6)));
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("bad number: " + e.getMessage());
    }
  }

  /** Quotes a field that holds a comma, a quote or a line break, doubling inner quotes. */
  static String quote(String field) {
    if (field.indexOf(',') < 0 && field.indexOf('"') < 0 && field.indexOf('\n') < 0
        && field.indexOf('\r') < 0) {
      return field;
    }
    return '"' + field.replace("\"", "\"\"") + '"';
  }

  /** Splits one CSV line into its fields, unquoting quoted ones. */
  static List<String> split(String line) {
    List<String> fields = new ArrayList<>();
    StringBuilder cur = new StringBuilder();
    boolean quoted = false;
    for (int i = 0; i < line.length(); i++) {
      char c = line.charAt(i);
      if (quoted) {
        if (c == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
          cur.append('"');
          i++;
        } else if (c == '"') {
          quoted = false;
        } else {
          cur.append(c);
        }
      } else if (c == '"' && cur.length() == 0) {
        quoted = true;
      } else if (c == ',') {
        fields.add(cur.toString());
        cur.setLength(0);
      } else {
        cur.append(c);
      }
    }
    if (quoted) {
      throw new IllegalArgumentException("unterminated quoted field");
    }
    fields.add(cur.toString());
    return fields;
  }
}
