package swatnn.cli;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Entry point of {@code bin/swatnn}: dispatches to the subcommands. */
public final class Main {

  private final Map<String, Subcommand> commands = new LinkedHashMap<>();

  public Main(List<Subcommand> all) {
    for (Subcommand c : all) {
      commands.put(c.name(), c);
    }
  }

  /** The commands this build provides. */
  public static List<Subcommand> standardCommands() {
    return List.of(new CornnImportCommand(), new CornnGenerateCommand(),
        new TrainAutoencoderCommand(), new ModelInfoCommand(), new BenchAutoencoderCommand(),
        new BenchSearchCommand(), new BenchExperimentCommand(), new BenchCornnCommand(),
        new BenchQualityCommand(), new BenchRealCommand(), new BenchPlantedCommand(),
        new BackendCommand(), new RemoteEngineCommand(), new ResultsDbCommand());
  }

  public static void main(String[] args) {
    // the figures draw off screen; an application may say so, a library may not
    System.setProperty("java.awt.headless", "true");
    System.exit(new Main(standardCommands()).run(Arrays.asList(args), System.out, System.err));
  }

  /** Runs one command line; returns the exit code (0 ok, 1 failure, 2 bad arguments). */
  public int run(List<String> args, PrintStream out, PrintStream err) {
    if (args.isEmpty() || args.get(0).equals("--help") || args.get(0).equals("-h")
        || args.get(0).equals("help")) {
      out.print(overview());
      return args.isEmpty() ? 2 : 0;
    }
    Subcommand cmd = null;
    int words = 0;
    for (Map.Entry<String, Subcommand> e : commands.entrySet()) {
      String[] name = e.getKey().split(" ");
      if (args.size() >= name.length
          && Arrays.asList(name).equals(args.subList(0, name.length))
          && name.length > words) {
        cmd = e.getValue();
        words = name.length;
      }
    }
    if (cmd == null) {
      err.println("swatnn: unknown command '" + String.join(" ", args.subList(0,
          Math.min(2, args.size()))) + "' (try swatnn --help)");
      return 2;
    }
    List<String> rest = new ArrayList<>(args.subList(words, args.size()));
    if (rest.contains("--help") || rest.contains("-h")) {
      out.print(cmd.usage());
      return 0;
    }
    try {
      // before anything touches ND4J: its class loader, and in the GPU build the GPU check
      swatnn.nd4j.Nd4jRuntime.init();
      return cmd.run(rest, out);
    } catch (UsageException e) {
      err.println("swatnn " + cmd.name() + ": " + e.getMessage() + " (see --help)");
      return 2;
    } catch (Exception e) {
      String msg = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
      err.println("swatnn " + cmd.name() + ": " + msg);
      if (System.getenv("SWATNN_DEBUG") != null) {
        e.printStackTrace(err);
      }
      return 1;
    }
  }

  private String overview() {
    StringBuilder sb = new StringBuilder("usage: swatnn <command> [options]   (swatnn <command> --help)\n\ncommands:\n");
    for (Subcommand c : commands.values()) {
      sb.append(String.format("  %-20s %s%n", c.name(), c.summary()));
    }
    return sb.toString();
  }
}
