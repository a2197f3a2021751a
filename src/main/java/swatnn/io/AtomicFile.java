package swatnn.io;

import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.UUID;

/**
 * Replaces a file whole: the content goes to a temporary sibling named {@code
 * .<name>.<random>.tmp}, which is synced to disk and renamed over the target (atomically where
 * the file system can), so that a reader, a crash or a second writer never sees a part of it.
 *
 * <p>Why a name of its own per write: two benchmark shards starting in a new folder wrote the
 * same file at once, and with one shared temporary name the second rename found nothing. Why
 * not {@link Files#createTempFile}: it creates the file owner-only (rw-------), and the rename
 * kept that, so results, reports and ARFF files could not be read by the owner's group or a CI
 * job; the temporary file here is created as any new file is, with the permissions the
 * process's umask leaves.
 */
public final class AtomicFile {
  private AtomicFile() {}

  /** What is written to the file. */
  @FunctionalInterface
  public interface Content {
    /**
     * Writes the content.
     *
     * @param out the temporary file's stream (closing it only flushes it)
     * @throws IOException if writing fails
     */
    void writeTo(OutputStream out) throws IOException;
  }

  /**
   * Replaces {@code target} with what {@code content} writes, creating its folders if needed.
   *
   * @param target the file
   * @param content the writer of the content
   * @throws IOException if the folder, the temporary file or the rename fails, or {@code
   *     content} throws; the target is then as it was, and no temporary file is left
   */
  public static void write(Path target, Content content) throws IOException {
    Path absolute = target.toAbsolutePath();
    Path dir = absolute.getParent();
    Files.createDirectories(dir);
    Path tmp = null;
    try {
      FileChannel channel = null;
      while (channel == null) {
        tmp = dir.resolve("." + absolute.getFileName() + "." + UUID.randomUUID() + ".tmp");
        try {
          channel = FileChannel.open(tmp, StandardOpenOption.CREATE_NEW,
              StandardOpenOption.WRITE);
        } catch (FileAlreadyExistsException e) {
          tmp = null; // a name drawn twice: draw another
        }
      }
      try (FileChannel ch = channel) {
        OutputStream out = Channels.newOutputStream(ch);
        content.writeTo(new FilterOutputStream(out) {
          @Override
          public void write(byte[] b, int off, int len) throws IOException {
            out.write(b, off, len);
          }

          @Override
          public void close() throws IOException {
            flush(); // the channel is synced and closed here, after the content
          }
        });
        ch.force(true);
      }
      try {
        Files.move(tmp, absolute, StandardCopyOption.ATOMIC_MOVE,
            StandardCopyOption.REPLACE_EXISTING);
      } catch (AtomicMoveNotSupportedException e) {
        Files.move(tmp, absolute, StandardCopyOption.REPLACE_EXISTING);
      }
    } finally {
      if (tmp != null) {
        Files.deleteIfExists(tmp);
      }
    }
  }

  /**
   * Replaces {@code target} with {@code text} in UTF-8.
   *
   * @param target the file
   * @param text its whole content
   * @throws IOException as {@link #write}
   */
  public static void writeString(Path target, String text) throws IOException {
    byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
    write(target, out -> out.write(bytes));
  }
}
