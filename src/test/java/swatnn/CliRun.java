package swatnn;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import swatnn.cli.Main;

/**
 * One {@code swatnn} command run in-process, as the tests run them: its exit code and what it
 * printed.
 */
public record CliRun(int code, String stdout, String stderr) {

  /** Runs the command line {@code args} with the standard commands. */
  public static CliRun of(String... args) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int code = new Main(Main.standardCommands()).run(new ArrayList<>(List.of(args)),
        new PrintStream(out, true, StandardCharsets.UTF_8),
        new PrintStream(err, true, StandardCharsets.UTF_8));
    return new CliRun(code, out.toString(StandardCharsets.UTF_8),
        err.toString(StandardCharsets.UTF_8));
  }
}
