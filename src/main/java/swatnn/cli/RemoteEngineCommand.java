package swatnn.cli;

import java.io.PrintStream;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import swatnn.remote.EngineAddress;
import swatnn.remote.EngineServer;

/** {@code swatnn remote-engine}: serves Weka remote experiments on this machine until stopped. */
public final class RemoteEngineCommand implements Subcommand {

  @Override
  public String name() {
    return "remote-engine";
  }

  @Override
  public String summary() {
    return "run a Weka RemoteEngine (RMI) that executes distributed Experimenter runs";
  }

  @Override
  public String usage() {
    return """
        usage: swatnn remote-engine [--port 1099] [--hostname NAME]

        Starts Weka's weka.experiment.RemoteEngine with this build (SWATNNRegressor,
        DartsAdmmRegressor, Weka, the HSQLDB driver) on its class path, in an RMI registry on
        --port (the engine uses the same TCP port, so it is the only one to open), and serves
        until stopped (Ctrl-C). It runs one sub-experiment at a time; start one engine per
        machine (or several on different ports). The Experimenter (Setup, "Use hosts") and
        `swatnn bench experiment --remote` name it as HOST:PORT.

        options:
          --port P         TCP port of the registry and the engine (default 1099)
          --hostname NAME  the name or address other machines reach this one by; it goes into
                           the engine's RMI stub (java.rmi.server.hostname). Set it when this
                           machine's own name resolves to a loopback address.

        Every machine must see the ARFF files at the same path as the machine that wrote the
        experiment, and reach the results database. No security manager is installed (none is
        needed: no class is downloaded over RMI), so this runs on Java 17 and later.
        """;
  }

  @Override
  public int run(List<String> args, PrintStream out) throws Exception {
    Options o = Options.parse(args, Set.of("port", "hostname"), Set.of());
    if (!o.positional().isEmpty()) {
      throw new UsageException("unexpected argument '" + o.positional().get(0) + "'");
    }
    int port = o.getInt("port", EngineAddress.DEFAULT_PORT);
    if (port < 1 || port > 65535) {
      throw new UsageException("--port: " + port + " is not a TCP port (1..65535)");
    }
    String hostname = o.hasValue("hostname") ? o.get("hostname", null) : null;
    EngineServer engine = EngineServer.start(port, hostname);
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      engine.close();
      stopped.countDown();
    }));
    out.println("RemoteEngine listening on " + engine.address() + " (//" + engine.address()
        + "/" + EngineServer.BINDING + "); add " + engine.address()
        + " to the Experimenter's hosts or to --remote. Ctrl-C stops it.");
    out.flush();
    stopped.await();
    return 0;
  }
}
