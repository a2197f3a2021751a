package swatnn.cli;

import java.io.PrintStream;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import swatnn.remote.ResultsDatabase;

/** {@code swatnn results-db}: the HSQLDB server that remote experiments write their results to. */
public final class ResultsDbCommand implements Subcommand {

  @Override
  public String name() {
    return "results-db";
  }

  @Override
  public String summary() {
    return "run the HSQLDB results database for remote experiments";
  }

  @Override
  public String usage() {
    return """
        usage: swatnn results-db [--port 9001] [--dir work/results-db] [--name swatnn]
                                 [--hostname NAME]

        Starts an HSQLDB 2.7 server holding the database --dir/--name.* (created if missing,
        kept between starts) and serves it until stopped (Ctrl-C closes it cleanly). It prints
        the JDBC URL to give `swatnn bench experiment --db` and the Experimenter's "JDBC
        database" destination, jdbc:hsqldb:hsql://HOST:PORT/NAME. The user is SA without a
        password: run it on a trusted network. For the Experimenter GUI, copy the package's
        DatabaseUtils.props to $WEKA_HOME/props/ first.

        options:
          --port P         TCP port (default 9001)
          --dir D          folder of the database files (default work/results-db)
          --name N         database name (default swatnn)
          --hostname NAME  the host name written into the printed URL (default: this host's)
        """;
  }

  @Override
  public int run(List<String> args, PrintStream out) throws Exception {
    Options o = Options.parse(args, Set.of("port", "dir", "name", "hostname"), Set.of());
    if (!o.positional().isEmpty()) {
      throw new UsageException("unexpected argument '" + o.positional().get(0) + "'");
    }
    int port = o.getInt("port", ResultsDatabase.DEFAULT_PORT);
    if (port < 1 || port > 65535) {
      throw new UsageException("--port: " + port + " is not a TCP port (1..65535)");
    }
    Path dir = Paths.get(o.get("dir", "work/results-db"));
    String name = o.get("name", ResultsDatabase.DEFAULT_NAME);
    if (!name.matches("[A-Za-z0-9_]+")) {
      throw new UsageException("--name: '" + name + "' (letters, digits and _ only)");
    }
    String hostname = o.hasValue("hostname") ? o.get("hostname", null) : null;
    ResultsDatabase db = ResultsDatabase.start(port, dir, name, hostname);
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      db.close();
      stopped.countDown();
    }));
    out.println("results database listening on port " + port + ", files "
        + dir.toAbsolutePath().resolve(name) + ".*; JDBC URL: " + db.jdbcUrl()
        + ". Ctrl-C stops it.");
    out.flush();
    stopped.await();
    return 0;
  }
}
