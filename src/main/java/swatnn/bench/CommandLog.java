package swatnn.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * The {@value #FILE} of a benchmark's output folder: one line per session that wrote to its
 * results (the UTC second it started, then its command line), which the reports quote.
 */
final class CommandLog {
  /** The file's name in the output folder. */
  static final String FILE = "commands.txt";

  private CommandLog() {}

  /**
   * Appends a session's line, creating the file if needed.
   *
   * @param outDir the output folder (it exists)
   * @param commandLine the session's command line
   * @throws IOException if the file cannot be written
   */
  static void append(Path outDir, String commandLine) throws IOException {
    Files.writeString(outDir.resolve(FILE), Instant.now().truncatedTo(ChronoUnit.SECONDS) + "  "
        + commandLine + "\n", StandardCharsets.UTF_8, StandardOpenOption.CREATE,
        StandardOpenOption.APPEND);
  }
}
