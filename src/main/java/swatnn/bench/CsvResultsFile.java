package swatnn.bench;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import swatnn.io.AtomicFile;

/**
 * A benchmark's results file of any row type ({@link CsvRowFormat}): a header and one block of
 * rows per finished (task, method), each block appended with a single write and synced to disk,
 * so that a kill can only leave a torn last block. Opening the file repairs that: a trailing
 * partial line and the rows of any block without its final row are dropped, and the file is
 * rewritten atomically (temporary file, then rename).
 *
 * <p>Several processes may share the file (one benchmark per core, each on its own share of the
 * tasks): every read, repair and append holds an exclusive lock on {@code <file>.lock}, and an
 * append first rereads the file, so a block is never written twice.
 *
 * @param <R> the row type
 */
public final class CsvResultsFile<R> {
  /** Serialises this JVM's lockers: a FileLock is per process, not per thread. */
  private static final Object JVM_LOCK = new Object();

  private final Path file;
  private final CsvRowFormat<R> format;
  private final List<R> rows;
  private final String repair;

  private CsvResultsFile(Path file, CsvRowFormat<R> format, List<R> rows, String repair) {
    this.file = file;
    this.format = format;
    this.rows = rows;
    this.repair = repair;
  }

  /**
   * Opens {@code file} for appending: creates it with its header if absent, repairs it if a
   * kill left it torn.
   *
   * @throws IOException if it cannot be read or written, does not start with the header, or
   *     holds a malformed line before its last
   */
  public static <R> CsvResultsFile<R> open(Path file, CsvRowFormat<R> format)
      throws IOException {
    Objects.requireNonNull(format, "format");
    return locked(file, () -> {
      Parsed<R> p = readRepairing(file, format);
      return new CsvResultsFile<>(file, format, p.rows(), p.dropped());
    });
  }

  /**
   * The rows of {@code file} as {@link #open} would keep them, without changing the file (an
   * absent file has none).
   */
  public static <R> List<R> read(Path file, CsvRowFormat<R> format) throws IOException {
    return Files.exists(file) ? parse(file, format).rows() : List.of();
  }

  /** The file's rows, repairing it first if a kill left it torn; call with the lock held. */
  private static <R> Parsed<R> readRepairing(Path file, CsvRowFormat<R> format)
      throws IOException {
    if (!Files.exists(file)) {
      AtomicFile.writeString(file, format.header() + "\n");
      return new Parsed<>(new ArrayList<>(), null);
    }
    Parsed<R> p = parse(file, format);
    if (p.dropped() != null) {
      StringBuilder sb = new StringBuilder(format.header()).append('\n');
      for (R r : p.rows()) {
        sb.append(format.toCsv(r)).append('\n');
      }
      AtomicFile.writeString(file, sb.toString());
    }
    return p;
  }

  private interface LockedAction<T> {
    T run() throws IOException;
  }

  /** Runs {@code action} holding this JVM's lock and the file lock beside {@code file}. */
  private static <T> T locked(Path file, LockedAction<T> action) throws IOException {
    Path lockFile = file.toAbsolutePath().resolveSibling(file.getFileName() + ".lock");
    Files.createDirectories(lockFile.getParent());
    synchronized (JVM_LOCK) {
      try (FileChannel ch = FileChannel.open(lockFile, StandardOpenOption.CREATE,
          StandardOpenOption.WRITE); FileLock lock = ch.lock()) {
        return action.run();
      }
    }
  }

  /** The file. */
  public Path path() {
    return file;
  }

  /** The rows read at opening plus those appended since. */
  public synchronized List<R> rows() {
    return List.copyOf(rows);
  }

  /** What opening the file dropped, or null if it was intact. */
  public String repair() {
    return repair;
  }

  /** Whether the block with this {@link CsvRowFormat#blockKey} is complete. */
  public synchronized boolean isComplete(String blockKey) {
    for (R r : rows) {
      if (format.isFinal(r) && format.blockKey(r).equals(blockKey)) {
        return true;
      }
    }
    return false;
  }

  /**
   * Rereads the file (another process may have added blocks), so that {@link #rows} and
   * {@link #isComplete} are up to date.
   */
  public synchronized void refresh() throws IOException {
    List<R> now = locked(file, () -> readRepairing(file, format).rows());
    rows.clear();
    rows.addAll(now);
  }

  /**
   * Appends one block (its final row last) with a single write and syncs the file to disk,
   * unless the file already holds that block (written meanwhile by another process); rereads
   * it first.
   *
   * @return whether the block was written
   */
  public synchronized boolean append(List<R> block) throws IOException {
    R last = block.get(block.size() - 1);
    return locked(file, () -> {
      rows.clear();
      rows.addAll(readRepairing(file, format).rows());
      if (isComplete(format.blockKey(last))) {
        return false;
      }
      StringBuilder sb = new StringBuilder();
      for (R r : block) {
        sb.append(format.toCsv(r)).append('\n');
      }
      ByteBuffer bytes = ByteBuffer.wrap(sb.toString().getBytes(StandardCharsets.UTF_8));
      try (FileChannel ch = FileChannel.open(file, StandardOpenOption.WRITE,
          StandardOpenOption.APPEND)) {
        while (bytes.hasRemaining()) {
          ch.write(bytes);
        }
        ch.force(true);
      }
      rows.addAll(block);
      return true;
    });
  }

  private record Parsed<R>(List<R> rows, String dropped) {}

  private static <R> Parsed<R> parse(Path file, CsvRowFormat<R> format) throws IOException {
    String header = format.header();
    String text = Files.readString(file, StandardCharsets.UTF_8);
    List<String> records = new ArrayList<>();
    String partial = splitRecords(text, records);
    List<String> dropped = new ArrayList<>();
    if (records.isEmpty()) {
      // nothing but (part of) the header: a kill during creation
      if (!header.startsWith(partial.strip())) {
        throw new IOException(file + ": not a results file (expected the header '" + header
            + "')");
      }
      return new Parsed<>(new ArrayList<>(), "an incomplete header");
    }
    if (!records.get(0).equals(header)) {
      throw new IOException(file + " line 1: expected the header '" + header + "', got '"
          + records.get(0) + "'");
    }
    List<R> rows = new ArrayList<>();
    for (int i = 1; i < records.size(); i++) {
      if (records.get(i).isBlank()) {
        continue;
      }
      try {
        rows.add(format.parse(records.get(i)));
      } catch (IllegalArgumentException e) {
        throw new IOException(file + " record " + (i + 1) + ": " + e.getMessage() + " in '"
            + records.get(i) + "'");
      }
    }
    if (!partial.isEmpty()) {
      dropped.add("a partial last line");
    }
    Set<String> complete = new HashSet<>();
    for (R r : rows) {
      if (format.isFinal(r)) {
        complete.add(format.blockKey(r));
      }
    }
    List<R> kept = new ArrayList<>();
    int orphans = 0;
    for (R r : rows) {
      if (complete.contains(format.blockKey(r))) {
        kept.add(r);
      } else {
        orphans++;
      }
    }
    if (orphans > 0) {
      dropped.add(orphans + " row(s) of an unfinished block");
    }
    return new Parsed<>(kept, dropped.isEmpty() ? null : String.join(" and ", dropped));
  }

  /**
   * Splits CSV text into records at line breaks outside quotes (a CR before the LF is dropped);
   * returns what follows the last line break, the partial record.
   */
  static String splitRecords(String text, List<String> records) {
    boolean quoted = false;
    int start = 0;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '"') {
        quoted = !quoted;
      } else if (c == '\n' && !quoted) {
        int end = i > start && text.charAt(i - 1) == '\r' ? i - 1 : i;
        records.add(text.substring(start, end));
        start = i + 1;
      }
    }
    return text.substring(start);
  }
}
