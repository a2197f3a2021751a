package swatnn.bench;

/**
 * How the rows of one kind of results file are written and read: its header, the CSV line of a
 * row, and which rows end a block (a (task, method)'s rows, written at once).
 *
 * @param <R> the row type
 */
public interface CsvRowFormat<R> {

  /** The header line, without the line break. */
  String header();

  /** The row as a CSV line, without the line break. */
  String toCsv(R row);

  /**
   * Parses a line written by {@link #toCsv}.
   *
   * @throws IllegalArgumentException saying what is wrong with the line
   */
  R parse(String line);

  /** Whether {@code row} ends its block: a block is complete exactly when this row is present. */
  boolean isFinal(R row);

  /** What identifies the block {@code row} belongs to, e.g. task and method. */
  String blockKey(R row);
}
