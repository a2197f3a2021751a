package swatnn.cli;

import java.io.PrintStream;
import java.util.List;

/** One command of the {@code swatnn} launcher, e.g. {@code cornn import}. */
public interface Subcommand {

  /** The words that select this command, e.g. {@code "cornn import"}. */
  String name();

  /** One line for the command list. */
  String summary();

  /** The full help text shown by {@code --help}. */
  String usage();

  /**
   * Runs the command.
   *
   * @param args the arguments after the command's name
   * @param out where results and progress go
   * @return the process exit code
   * @throws UsageException on bad arguments (reported as one line, exit code 2)
   * @throws Exception on any other failure (reported as one line, exit code 1)
   */
  int run(List<String> args, PrintStream out) throws Exception;
}
