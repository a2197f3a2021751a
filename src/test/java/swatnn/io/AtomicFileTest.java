package swatnn.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@link AtomicFile}: two writers replacing one file at once (two benchmark shards starting in
 * a new folder) both succeed with one writer's whole text; a failing writer leaves the old file
 * and no temporary file; a written file gets the permissions any new file gets, not the
 * owner-only ones of {@link Files#createTempFile}.
 */
class AtomicFileTest {
  @TempDir Path dir;

  @Test
  void twoWritersReplacingOneFileBothSucceed() throws Exception {
    Path file = dir.resolve("generators.csv");
    String a = "a\n".repeat(5000);
    String b = "b\n".repeat(5000);
    ExecutorService pool = Executors.newFixedThreadPool(2);
    try {
      for (int round = 0; round < 20; round++) {
        List<Callable<Void>> writers = List.of(
            () -> {
              AtomicFile.writeString(file, a);
              return null;
            },
            () -> {
              AtomicFile.writeString(file, b);
              return null;
            });
        for (Future<Void> f : pool.invokeAll(writers)) {
          f.get(); // rethrows a writer's failure
        }
        String text = Files.readString(file);
        assertTrue(text.equals(a) || text.equals(b), "a mix of both writers");
      }
    } finally {
      pool.shutdownNow();
    }
    assertOnly(file);
  }

  @Test
  void aFailingWriterLeavesTheOldFileAndNoTemporaryOne() throws Exception {
    Path file = dir.resolve("results.csv");
    AtomicFile.writeString(file, "old\n");
    IOException e = assertThrows(IOException.class, () -> AtomicFile.write(file, out -> {
      out.write("half of the new".getBytes());
      throw new IOException("disk full");
    }));
    assertEquals("disk full", e.getMessage());
    assertEquals("old\n", Files.readString(file));
    assertOnly(file);
  }

  @Test
  void aWriterMayCloseTheStreamAndFoldersAreCreated() throws Exception {
    Path file = dir.resolve("a").resolve("b").resolve("model.zip");
    AtomicFile.write(file, out -> {
      try (out) {
        out.write(new byte[] {1, 2, 3});
      }
    });
    assertEquals(3, Files.size(file));
  }

  @Test
  void theFileGetsTheUmasksPermissionsNotOwnerOnly() throws Exception {
    if (!FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
      return; // no POSIX permissions to compare
    }
    Path plain = Files.createFile(dir.resolve("plain.txt"));
    Path written = dir.resolve("written.txt");
    AtomicFile.writeString(written, "text");
    assertEquals(Files.getPosixFilePermissions(plain), Files.getPosixFilePermissions(written));
  }

  private void assertOnly(Path file) throws IOException {
    try (var files = Files.list(dir)) {
      assertTrue(files.allMatch(p -> p.equals(file)), "a temporary file was left");
    }
  }
}
