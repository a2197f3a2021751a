package swatnn;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * One child process run to its end or to a time limit: its exit code and merged output. The
 * output goes to a file while the child runs, so that a child that hangs, with or without
 * output, cannot keep the limit from firing; on the limit the child and its descendants are
 * killed and the run fails with what the child printed so far.
 *
 * @param exitCode the child's exit code
 * @param output its standard output and standard error, merged, as UTF-8
 */
public record ChildRun(int exitCode, String output) {

  /**
   * Starts {@code pb} (its standard error merged into its output, its input closed) and waits
   * for it.
   *
   * @param pb the process to start; its output redirection is replaced
   * @param timeoutSeconds the longest wait
   * @return the exit code and output
   * @throws IllegalStateException naming the command and showing its output so far, if the
   *     child runs longer than {@code timeoutSeconds}
   */
  public static ChildRun of(ProcessBuilder pb, long timeoutSeconds)
      throws IOException, InterruptedException {
    Path log = Files.createTempFile("child-", ".log");
    try {
      pb.redirectErrorStream(true).redirectOutput(log.toFile())
          .redirectInput(ProcessBuilder.Redirect.from(nullFile()));
      Process p = pb.start();
      if (!p.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
        p.descendants().forEach(ProcessHandle::destroyForcibly);
        p.destroyForcibly();
        p.waitFor(30, TimeUnit.SECONDS);
        throw new IllegalStateException("timed out after " + timeoutSeconds + " s, killed: "
            + String.join(" ", pb.command()) + "\noutput so far:\n" + read(log));
      }
      return new ChildRun(p.exitValue(), read(log));
    } finally {
      Files.deleteIfExists(log);
    }
  }

  private static String read(Path log) throws IOException {
    return new String(Files.readAllBytes(log), StandardCharsets.UTF_8);
  }

  private static java.io.File nullFile() {
    return new java.io.File(System.getProperty("os.name").startsWith("Windows") ? "NUL"
        : "/dev/null");
  }
}
