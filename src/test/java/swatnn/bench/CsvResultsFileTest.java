package swatnn.bench;

import static org.junit.jupiter.api.Assertions.assertTrue;

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
 * {@link CsvResultsFile#replaceAtomically} when two writers replace the same file at once, as
 * two shards of a benchmark starting in a new folder do with its generators.csv: neither fails,
 * the file is one writer's whole text, and no temporary file is left.
 */
class CsvResultsFileTest {
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
              CsvResultsFile.replaceAtomically(file, a);
              return null;
            },
            () -> {
              CsvResultsFile.replaceAtomically(file, b);
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
    try (var files = Files.list(dir)) {
      assertTrue(files.allMatch(p -> p.equals(file)), "a temporary file was left");
    }
  }
}
