package swatnn.cli;

import java.io.PrintStream;
import java.util.List;
import java.util.Set;
import swatnn.nd4j.Nd4jBackend;

/** {@code swatnn backend}: the active ND4J backend, its devices and memory. */
public final class BackendCommand implements Subcommand {

  @Override
  public String name() {
    return "backend";
  }

  @Override
  public String summary() {
    return "print the active ND4J backend (CPU or CUDA), its devices and memory";
  }

  @Override
  public String usage() {
    return """
        usage: swatnn backend

        Starts ND4J as the package does and prints the active backend, ND4J's environment
        report (cores, BLAS, memory; devices and their memory on a GPU), and says plainly
        when the GPU build found no usable GPU and fell back to the CPU.
        """;
  }

  @Override
  public int run(List<String> args, PrintStream out) throws Exception {
    Options o = Options.parse(args, Set.of(), Set.of());
    if (!o.positional().isEmpty()) {
      throw new UsageException("unexpected argument '" + o.positional().get(0) + "'");
    }
    Nd4jBackend.report().forEach(out::println);
    return 0;
  }
}
