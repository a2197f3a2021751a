package swatnn.bench;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * {@code results.csv} of the CORNN benchmarks: a {@link CsvResultsFile} of {@link ResultRow}s,
 * a header and one block of rows per finished (task, method), each block appended with a single
 * write and synced to disk, so that a kill can only leave a torn last block. Opening the file
 * repairs that: a trailing partial line and the rows of any block without its final row
 * ({@link ResultRow#isFinal}) are dropped, and the file is rewritten atomically (temporary file,
 * then rename).
 *
 * <p>Several processes may share the file (one benchmark per core, each on its own share of the
 * tasks): every read, repair and append holds an exclusive lock on {@code results.csv.lock}, and
 * an append first rereads the file, so a block is never written twice.
 */
public final class ResultsFile {
  /** The rows' CSV form. */
  static final CsvRowFormat<ResultRow> FORMAT = new CsvRowFormat<>() {
    @Override
    public String header() {
      return ResultRow.HEADER;
    }

    @Override
    public String toCsv(ResultRow row) {
      return row.toCsv();
    }

    @Override
    public ResultRow parse(String line) {
      return ResultRow.parse(line);
    }

    @Override
    public boolean isFinal(ResultRow row) {
      return row.isFinal();
    }

    @Override
    public String blockKey(ResultRow row) {
      return key(row.task(), row.method());
    }
  };

  private final CsvResultsFile<ResultRow> file;

  private ResultsFile(CsvResultsFile<ResultRow> file) {
    this.file = file;
  }

  /**
   * Opens {@code file} for appending: creates it with its header if absent, repairs it if a
   * kill left it torn.
   *
   * @throws IOException if it cannot be read or written, does not start with the header, or
   *     holds a malformed line before its last
   */
  public static ResultsFile open(Path file) throws IOException {
    return new ResultsFile(CsvResultsFile.open(file, FORMAT));
  }

  /**
   * The rows of {@code file} as {@link #open} would keep them, without changing the file (an
   * absent file has none).
   */
  public static List<ResultRow> read(Path file) throws IOException {
    return CsvResultsFile.read(file, FORMAT);
  }

  /** The file. */
  public Path path() {
    return file.path();
  }

  /** The rows read at opening plus those appended since. */
  public List<ResultRow> rows() {
    return file.rows();
  }

  /** What opening the file dropped, or null if it was intact. */
  public String repair() {
    return file.repair();
  }

  /** Whether the (task, method) block is complete, i.e. its final row is present. */
  public boolean isComplete(String task, String method) {
    return file.isComplete(key(task, method));
  }

  /**
   * Rereads the file (another process may have added blocks), so that {@link #rows} and
   * {@link #isComplete} are up to date.
   */
  public void refresh() throws IOException {
    file.refresh();
  }

  /**
   * Appends one (task, method) block with a single write and syncs the file to disk, unless
   * the file already holds that block (written meanwhile by another process); rereads it first.
   *
   * @return whether the block was written
   */
  public boolean append(List<ResultRow> block) throws IOException {
    return file.append(block);
  }

  private static String key(String task, String method) {
    return task + '\u0000' + method;
  }

  /** See {@link CsvResultsFile#splitRecords}. */
  static String splitRecords(String text, List<String> records) {
    return CsvResultsFile.splitRecords(text, records);
  }
}
