package swatnn.bench;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * {@code results.csv}: a header and one block of rows per finished (task, method), each block
 * appended with a single write and synced to disk, so that a kill can only leave a torn last
 * block. Opening the file repairs that: a trailing partial line and the rows of any block
 * without its final row ({@link ResultRow#isFinal}) are dropped, and the file is rewritten
 * atomically (temporary file, then rename).
 *
 * <p>Several processes may share the file (one benchmark per core, each on its own share of the
 * tasks): every read, repair and append holds an exclusive lock on {@code results.csv.lock}, and
 * an append first rereads the file, so a block is never written twice.
 */
public final class ResultsFile {
  /** Serialises this JVM's lockers: a FileLock is per process, not per thread. */
  private static final Object JVM_LOCK = new Object();

  private final Path file;
  private final List<ResultRow> rows;
  private final String repair;

  private ResultsFile(Path file, List<ResultRow> rows, String repair) {
    this.file = file;
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
  public static ResultsFile open(Path file) throws IOException {
    return locked(file, () -> {
      Parsed p = readRepairing(file);
      return new ResultsFile(file, p.rows(), p.dropped());
    });
  }

  /** The file's rows, repairing it first if a kill left it torn; call with the lock held. */
  private static Parsed readRepairing(Path file) throws IOException {
    if (!Files.exists(file)) {
      replaceAtomically(file, ResultRow.HEADER + "\n");
      return new Parsed(new ArrayList<>(), null);
    }
    Parsed p = parse(file);
    if (p.dropped() != null) {
      StringBuilder sb = new StringBuilder(ResultRow.HEADER).append('\n');
      for (ResultRow r : p.rows()) {
        sb.append(r.toCsv()).append('\n');
      }
      replaceAtomically(file, sb.toString());
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

  /**
   * The rows of {@code file} as {@link #open} would keep them, without changing the file (an
   * absent file has none).
   */
  public static List<ResultRow> read(Path file) throws IOException {
    return Files.exists(file) ? parse(file).rows() : List.of();
  }

  /** The file. */
  public Path path() {
    return file;
  }

  /** The rows read at opening plus those appended since. */
  public synchronized List<ResultRow> rows() {
    return List.copyOf(rows);
  }

  /** What opening the file dropped, or null if it was intact. */
  public String repair() {
    return repair;
  }

  /** Whether the (task, method) block is complete, i.e. its final row is present. */
  public synchronized boolean isComplete(String task, String method) {
    for (ResultRow r : rows) {
      if (r.isFinal() && r.task().equals(task) && r.method().equals(method)) {
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
    List<ResultRow> now = locked(file, () -> readRepairing(file).rows());
    rows.clear();
    rows.addAll(now);
  }

  /**
   * Appends one (task, method) block with a single write and syncs the file to disk, unless
   * the file already holds that block (written meanwhile by another process); rereads it first.
   *
   * @return whether the block was written
   */
  public synchronized boolean append(List<ResultRow> block) throws IOException {
    ResultRow last = block.get(block.size() - 1);
    return locked(file, () -> {
      rows.clear();
      rows.addAll(readRepairing(file).rows());
      if (isComplete(last.task(), last.method())) {
        return false;
      }
      StringBuilder sb = new StringBuilder();
      for (ResultRow r : block) {
        sb.append(r.toCsv()).append('\n');
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

  private record Parsed(List<ResultRow> rows, String dropped) {}

  private static Parsed parse(Path file) throws IOException {
    String text = Files.readString(file, StandardCharsets.UTF_8);
    List<String> records = new ArrayList<>();
    String partial = splitRecords(text, records);
    List<String> dropped = new ArrayList<>();
    if (records.isEmpty()) {
      // nothing but (part of) the header: a kill during creation
      if (!ResultRow.HEADER.startsWith(partial.strip())) {
        throw new IOException(file + ": not a results file (expected the header '"
            + ResultRow.HEADER + "')");
      }
      return new Parsed(new ArrayList<>(), "an incomplete header");
    }
    if (!records.get(0).equals(ResultRow.HEADER)) {
      throw new IOException(file + " line 1: expected the header '" + ResultRow.HEADER
          + "', got '" + records.get(0) + "'");
    }
    List<ResultRow> rows = new ArrayList<>();
    for (int i = 1; i < records.size(); i++) {
      if (records.get(i).isBlank()) {
        continue;
      }
      try {
        rows.add(ResultRow.parse(records.get(i)));
      } catch (IllegalArgumentException e) {
        throw new IOException(file + " record " + (i + 1) + ": " + e.getMessage() + " in '"
            + records.get(i) + "'");
      }
    }
    if (!partial.isEmpty()) {
      dropped.add("a partial last line");
    }
    Set<String> complete = new HashSet<>();
    for (ResultRow r : rows) {
      if (r.isFinal()) {
        complete.add(key(r));
      }
    }
    List<ResultRow> kept = new ArrayList<>();
    int orphans = 0;
    for (ResultRow r : rows) {
      if (complete.contains(key(r))) {
        kept.add(r);
      } else {
        orphans++;
      }
    }
    if (orphans > 0) {
      dropped.add(orphans + " row(s) of an unfinished block");
    }
    return new Parsed(kept, dropped.isEmpty() ? null : String.join(" and ", dropped));
  }

  private static String key(ResultRow r) {
    return r.task() + '\u0000' + r.method();
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

  /** Writes {@code text} to a temporary file beside {@code file}, syncs it, renames it over. */
  static void replaceAtomically(Path file, String text) throws IOException {
    Path dir = file.toAbsolutePath().getParent();
    Files.createDirectories(dir);
    Path tmp = dir.resolve(file.getFileName() + ".tmp");
    try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.CREATE,
        StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING)) {
      ByteBuffer bytes = ByteBuffer.wrap(text.getBytes(StandardCharsets.UTF_8));
      while (bytes.hasRemaining()) {
        ch.write(bytes);
      }
      ch.force(true);
    }
    moveOver(tmp, file);
  }

  /** Renames {@code tmp} over {@code target}, atomically where the file system can. */
  static void moveOver(Path tmp, Path target) throws IOException {
    try {
      Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING,
          StandardCopyOption.ATOMIC_MOVE);
    } catch (AtomicMoveNotSupportedException e) {
      Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
    }
  }
}
