package swatnn.pkg;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import swatnn.bench.ExperimentRows;
import swatnn.bench.ResultRow;
import swatnn.cli.Main;

/**
 * A remote experiment on this machine over loopback: the package installed into an empty
 * WEKA_HOME, the results database ({@code swatnn results-db}) and remote engines
 * ({@code swatnn remote-engine}) started as separate JVMs from the installed package's jars,
 * and {@code swatnn bench experiment --remote .. --db .. --run --report ..} distributing two
 * small CORNN tasks (SWATNNRegressor with a short search, LinearRegression) over two engines.
 * Checked: every expected row is in the database, both engines ran sub-experiments, the
 * report is written from the rows, and an engine killed while running a sub-experiment (once it
 * reports that it launched one) is reported by name while its work is done by the other engine.
 * The connection failure's stack trace that Weka prints is captured and checked, not shown.
 * Servers bind ports found free just before; one taken meanwhile makes the child exit, and it
 * is started again on another port. Every process is stopped afterwards, also when a test
 * fails.
 */
class RemoteExperimentIT {
  static final String SWATNN_OPTIONS = "-steps 30 -anneal 10 -restarts 2 -layers 1,2 -points 64";
  /** The longest wait for a started JVM to listen, or for an engine to launch its task. */
  static final long START_SECONDS = 180;
  /** How often a server start is retried on another port when its port was taken meanwhile. */
  static final int PORT_ATTEMPTS = 5;

  @TempDir static Path wekaHome;
  @TempDir static Path work;
  static final List<Process> PROCESSES = new ArrayList<>();
  static String dbUrl;
  static Engine engineA;

  /** A started JVM and everything it printed so far. */
  record Engine(Process process, int port, StringBuffer output) {
    String address() {
      return "localhost:" + port;
    }

    /** Waits until the output contains {@code text}; false if it does not within the time. */
    boolean awaitOutput(String text, long seconds) {
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
      while (!output.toString().contains(text)) {
        if (System.nanoTime() > deadline || !process.isAlive()) {
          return output.toString().contains(text);
        }
        sleep(50);
      }
      return true;
    }
  }

  @BeforeAll
  static void installStartAndMakeData() throws Exception {
    WekaProcess weka = new WekaProcess(wekaHome);
    WekaProcess.Result install = weka.run(null, 300, "weka.core.WekaPackageManager", "-offline",
        "-install-package", WekaProcess.packageZip().toString());
    assertEquals(0, install.exitCode(), install.output());
    Path pkg = wekaHome.resolve("packages").resolve("swatnn");
    assertTrue(Files.exists(pkg.resolve("hsqldb-2.7.4.jar")),
        "the package ships the HSQLDB jar beside swatnn.jar");
    assertTrue(Files.exists(pkg.resolve("DatabaseUtils.props")),
        "the package ships DatabaseUtils.props");
    ByteArrayOutputStream sink = new ByteArrayOutputStream();
    int rc = new Main(Main.standardCommands()).run(List.of("cornn", "generate",
        work.resolve("data").toString(), "--functions", "Booth,Sphere,Beale,Matyas",
        "--train", "300", "--test", "100"), new PrintStream(sink), new PrintStream(sink));
    assertEquals(0, rc, sink.toString());

    Engine db = start("results database listening", port -> List.of("results-db", "--port",
        String.valueOf(port), "--dir", work.resolve("db").toString(), "--hostname",
        "localhost"));
    dbUrl = "jdbc:hsqldb:hsql://localhost:" + db.port() + "/swatnn";
    assertTrue(db.output().toString().contains("JDBC URL: " + dbUrl), db.output().toString());
    engineA = startEngine();
  }

  @AfterAll
  static void stopAll() throws Exception {
    for (Process p : PROCESSES) {
      p.descendants().forEach(ProcessHandle::destroy);
      p.destroy();
    }
    for (Process p : PROCESSES) {
      if (!p.waitFor(20, TimeUnit.SECONDS)) {
        p.destroyForcibly();
        p.waitFor(10, TimeUnit.SECONDS);
      }
      assertTrue(!p.isAlive(), "process " + p.pid() + " still running");
    }
  }

  @Test
  @Timeout(value = 300, unit = TimeUnit.SECONDS)
  void distributesOverBothEnginesIntoTheDatabase() throws Exception {
    Engine engineB = startEngine();
    Path report = work.resolve("report");
    Client client = runClient(List.of("Booth", "Sphere"), engineA, engineB, report);
    assertEquals(0, client.rc(), client.output() + client.errors());
    assertTrue(client.output().contains("database: 4 of 4 expected results"), client.output());

    List<ResultRow> rows = rowsFor(Set.of("Booth", "Sphere"));
    assertEquals(Set.of("Booth/SWATNN", "Booth/LinearRegression", "Sphere/SWATNN",
        "Sphere/LinearRegression"), keys(rows), rows.toString());
    for (ResultRow r : rows) {
      assertTrue(r.testMse() >= 0 && Double.isFinite(r.testMse()), r.toString());
      if (r.method().equals("SWATNN")) {
        assertTrue(List.of(ResultRow.SELECTED, "k1", "k2").contains(r.config()), r.toString());
        assertNotNull(r.nonZero(), "measureNonZeroCount stored: " + r);
        assertTrue(r.nonZero() >= 1, r.toString());
        assertNotNull(r.activeNeurons(), r.toString());
      } else {
        assertEquals(ResultRow.NONE, r.config());
      }
    }
    for (Engine e : List.of(engineA, engineB)) {
      assertTrue(e.output().toString().contains("Launching task id"),
          "engine " + e.address() + " ran a sub-experiment:\n" + e.output());
      assertTrue(client.output().contains("engine " + e.address() + ": 1 sub-experiment(s)"),
          client.output());
    }
    String csv = Files.readString(report.resolve("results.csv"));
    for (String config : List.of("k1", "k2", "selected")) {
      assertTrue(csv.contains("Sphere,SWATNN," + config + ","), "every configuration:\n" + csv);
    }
    String readme = Files.readString(report.resolve("README.md"));
    assertTrue(readme.contains("| F47 | Sphere |"), readme);
    assertTrue(readme.contains("- LinearRegression: 2 of 54 tasks"), readme);
    for (String png : List.of("figure-mse-vs-nonzero.png", "figure-frontier.png")) {
      assertTrue(Files.size(report.resolve(png)) > 1000, png);
    }
  }

  @Test
  @Timeout(value = 300, unit = TimeUnit.SECONDS)
  void aKilledEngineIsReportedAndItsWorkDoneElsewhere() throws Exception {
    Engine victim = startEngine();
    CountDownLatch killed = new CountDownLatch(1);
    // the kill comes once the victim has launched its sub-experiment, however long that takes
    Thread killer = new Thread(() -> {
      if (victim.awaitOutput("Launching task id", START_SECONDS)) {
        victim.process().destroyForcibly();
        killed.countDown();
      }
    });
    killer.setDaemon(true);
    killer.start();
    Client client = runClient(List.of("Beale", "Matyas"), engineA, victim, null);
    killer.join(TimeUnit.SECONDS.toMillis(START_SECONDS));
    assertEquals(0, killed.getCount(), "the victim engine launched a sub-experiment:\n"
        + client.output() + "\nvictim:\n" + victim.output());
    // Weka prints the lost connection's stack trace on System.err: expected, captured here
    List<String> thrown = client.errors().lines()
        .filter(l -> l.matches("[a-z][\\w.$]*(Exception|Error)\\b.*")).toList();
    assertTrue(!thrown.isEmpty() && thrown.stream().allMatch(l -> l.startsWith("java.rmi.")),
        "only the lost connection's RMI exceptions:\n" + client.errors());
    System.out.println("expected: " + thrown.size() + " RMI exception(s) for the killed engine "
        + victim.address() + " (stack traces captured), the first: "
        + thrown.get(0).replaceFirst("; nested exception is:.*", ""));
    assertTrue(client.output().contains("Connection to " + victim.address() + " failed."),
        client.output());
    assertTrue(client.output().contains("engine " + victim.address()
        + ": 1 sub-experiment(s) started; FAILED"), client.output());
    assertEquals(0, client.rc(), client.output());
    assertTrue(client.output().contains("database: 4 of 4 expected results"), client.output());
    assertEquals(Set.of("Beale/SWATNN", "Beale/LinearRegression", "Matyas/SWATNN",
        "Matyas/LinearRegression"), keys(rowsFor(Set.of("Beale", "Matyas"))));
    assertTrue(client.output().contains("engine " + engineA.address()
        + ": 2 sub-experiment(s) started"), client.output());
  }

  @Test
  void unreachableEngineAndDatabaseAreNamed() throws Exception {
    int nobody = freePort();
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int rc = new Main(Main.standardCommands()).run(List.of("bench", "experiment", "--data",
        work.resolve("data").toString(), "--tasks", "Booth", "--methods", "LinearRegression",
        "--remote", "localhost:" + nobody, "--db", "jdbc:hsqldb:hsql://localhost:" + nobody
            + "/swatnn", "--out", work.resolve("bad.exp").toString()),
        new PrintStream(out), new PrintStream(err));
    assertEquals(1, rc);
    assertTrue(err.toString().contains("results database unreachable at jdbc:hsqldb:hsql://localhost:"
        + nobody + "/swatnn"), err.toString());
    assertTrue(!err.toString().contains("\tat "), "no stack trace: " + err);
    err.reset();
    rc = new Main(Main.standardCommands()).run(List.of("bench", "experiment", "--data",
        work.resolve("data").toString(), "--tasks", "Booth", "--methods", "LinearRegression",
        "--remote", "localhost:" + nobody, "--db", dbUrl, "--run", "--out",
        work.resolve("bad.exp").toString()), new PrintStream(out), new PrintStream(err));
    assertEquals(1, rc);
    assertTrue(err.toString().contains("remote engine(s) not reachable: localhost:" + nobody
        + " (connection refused"), err.toString());
    err.reset();
    rc = new Main(Main.standardCommands()).run(List.of("bench", "experiment", "--remote",
        "localhost:x", "--db", dbUrl), new PrintStream(out), new PrintStream(err));
    assertEquals(2, rc);
    assertTrue(err.toString().contains("bad host:port 'localhost:x'"), err.toString());
  }

  /**
   * What the client command printed and returned; {@code errors} is what went to System.err
   * meanwhile (Weka's RemoteExperiment prints a lost connection's stack trace there).
   */
  record Client(int rc, String output, String errors) {}

  private static Client runClient(List<String> tasks, Engine first, Engine second, Path report)
      throws Exception {
    List<String> args = new ArrayList<>(List.of("bench", "experiment", "--data",
        work.resolve("data").toString(), "--tasks", String.join(",", tasks), "--methods",
        "SWATNN,LinearRegression", "--swatnn-options", SWATNN_OPTIONS, "--remote",
        first.address() + "," + second.address(), "--db", dbUrl, "--run", "--timeout", "200",
        "--out", work.resolve("remote-" + tasks.get(0) + ".exp").toString()));
    if (report != null) {
      args.addAll(List.of("--report", report.toString()));
    }
    StringBuffer text = new StringBuffer();
    PrintStream out = new PrintStream(new LineStream(line -> text.append(line).append('\n')),
        true, StandardCharsets.UTF_8);
    ByteArrayOutputStream errors = new ByteArrayOutputStream();
    PrintStream stderr = System.err;
    int rc;
    try {
      System.setErr(new PrintStream(errors, true, StandardCharsets.UTF_8));
      rc = new Main(Main.standardCommands()).run(args, out, out);
    } finally {
      System.setErr(stderr);
    }
    out.flush();
    return new Client(rc, text.toString(), errors.toString(StandardCharsets.UTF_8));
  }

  private static List<ResultRow> rowsFor(Set<String> tasks) throws IOException {
    return ExperimentRows.read(dbUrl).stream().filter(r -> tasks.contains(r.task())).toList();
  }

  private static Set<String> keys(List<ResultRow> rows) {
    return rows.stream().map(r -> r.task() + "/" + r.method()).collect(Collectors.toSet());
  }

  private static Engine startEngine() throws Exception {
    return start("RemoteEngine listening on", port -> List.of("remote-engine", "--port",
        String.valueOf(port), "--hostname", "localhost"));
  }

  /**
   * Starts {@code swatnn.cli.Main command...} from the installed package's jars with Weka's
   * class path on a free port, and waits until it prints {@code ready}. A port found free can
   * be taken by another program before the child binds it: the child then exits saying the
   * port is in use, and the start is retried on another port.
   */
  private static Engine start(String ready, java.util.function.IntFunction<List<String>> command)
      throws Exception {
    StringBuilder attempts = new StringBuilder();
    for (int attempt = 0; attempt < PORT_ATTEMPTS; attempt++) {
      int port = freePort();
      Engine e = startOn(port, ready, command.apply(port));
      if (e != null) {
        return e;
      }
      attempts.append("port ").append(port).append(" was taken before the child bound it\n");
    }
    throw new IllegalStateException(attempts.toString());
  }

  /** The started JVM, or null if it exited because its port is in use. */
  private static Engine startOn(int port, String ready, List<String> command) throws Exception {
    Path pkg = wekaHome.resolve("packages").resolve("swatnn");
    List<String> cmd = new ArrayList<>(List.of(
        Paths.get(System.getProperty("java.home"), "bin", "java").toString(),
        "-Djava.awt.headless=true", "-Xmx1g", "-Dorg.bytedeco.javacpp.maxbytes=2g",
        "-Dorg.bytedeco.javacpp.maxphysicalbytes=4g", "-cp",
        WekaProcess.wekaClassPath() + File.pathSeparator + pkg + File.separator + "*"
            + File.pathSeparator + pkg.resolve("lib") + File.separator + "*",
        "swatnn.cli.Main"));
    cmd.addAll(command);
    ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true)
        .directory(work.toFile());
    pb.environment().put("WEKA_HOME", wekaHome.toString());
    pb.environment().put("OMP_NUM_THREADS", "1");
    Process p = pb.start();
    synchronized (PROCESSES) {
      PROCESSES.add(p);
    }
    p.getOutputStream().close();
    StringBuffer output = new StringBuffer();
    Thread reader = new Thread(() -> {
      try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(),
          StandardCharsets.UTF_8))) {
        String line;
        while ((line = r.readLine()) != null) {
          output.append(line).append('\n');
        }
      } catch (IOException e) {
        // the process ended
      }
    });
    reader.setDaemon(true);
    reader.start();
    Engine engine = new Engine(p, port, output);
    if (engine.awaitOutput(ready, START_SECONDS)) {
      return engine;
    }
    if (!p.isAlive()) {
      reader.join(10_000); // the rest of its output
      if (output.toString().contains("in use")) {
        return null;
      }
      throw new IllegalStateException("'" + String.join(" ", command) + "' exited ("
          + p.exitValue() + "):\n" + output);
    }
    throw new IllegalStateException("'" + String.join(" ", command) + "' did not start in "
        + START_SECONDS + " s:\n" + output);
  }

  private static int freePort() throws IOException {
    try (ServerSocket s = new ServerSocket(0)) {
      return s.getLocalPort();
    }
  }

  private static void sleep(long ms) {
    try {
      Thread.sleep(ms);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** An output stream handing each complete line to a consumer. */
  private static final class LineStream extends OutputStream {
    private final Consumer<String> consumer;
    private final ByteArrayOutputStream line = new ByteArrayOutputStream();

    LineStream(Consumer<String> consumer) {
      this.consumer = consumer;
    }

    @Override
    public synchronized void write(int b) {
      if (b == '\n') {
        consumer.accept(line.toString(StandardCharsets.UTF_8).stripTrailing());
        line.reset();
      } else {
        line.write(b);
      }
    }
  }
}
