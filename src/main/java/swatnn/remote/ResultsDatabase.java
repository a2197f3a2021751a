package swatnn.remote;

import java.io.IOException;
import java.io.PrintWriter;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.hsqldb.Database;
import org.hsqldb.server.Server;
import org.hsqldb.server.ServerConstants;

/**
 * An HSQLDB 2.7 database server (server mode, reached over TCP by every remote engine) holding
 * one database in files under a folder, for the results of remote experiments: Weka's
 * {@code DatabaseResultListener} writes one table per result producer into it, and Weka's
 * {@code DatabaseResultProducer}/the Experimenter's Analyse tab and
 * {@code swatnn.bench.ExperimentRows} read it. The user is HSQLDB's default {@code SA} without
 * password: run it on a trusted network only.
 */
public final class ResultsDatabase implements AutoCloseable {
  /** The database's default name, the last part of the JDBC URL. */
  public static final String DEFAULT_NAME = "swatnn";
  /** HSQLDB's default server port. */
  public static final int DEFAULT_PORT = 9001;

  private static final long START_TIMEOUT_MS = 30_000;

  private final Server server;
  private final String jdbcUrl;

  private ResultsDatabase(Server server, String jdbcUrl) {
    this.server = server;
    this.jdbcUrl = jdbcUrl;
  }

  /**
   * Starts the server and opens (or creates) the database {@code dir/name.*}.
   *
   * @param port the TCP port, 1..65535
   * @param dir the folder of the database files; created if missing
   * @param name the database name ({@code [A-Za-z0-9_]+}), also its file stem
   * @param advertisedHost the host name put into the returned JDBC URL; null for the local
   *     host name
   * @throws IOException if the folder cannot be made, the port is taken, or the database cannot
   *     be opened (e.g. another server holds its lock)
   */
  public static ResultsDatabase start(int port, Path dir, String name, String advertisedHost)
      throws IOException {
    if (port < 1 || port > 65535) {
      throw new IOException("bad port " + port + " (1..65535)");
    }
    if (!name.matches("[A-Za-z0-9_]+")) {
      throw new IOException("bad database name '" + name + "' (letters, digits, _)");
    }
    Files.createDirectories(dir);
    Server server = new Server();
    server.setLogWriter(null);
    server.setErrWriter(new PrintWriter(PrintWriter.nullWriter()));
    server.setSilent(true);
    server.setTrace(false);
    server.setPort(port);
    server.setDatabaseName(0, name);
    server.setDatabasePath(0, "file:" + dir.toAbsolutePath().resolve(name));
    server.setNoSystemExit(true);
    server.start();
    long deadline = System.currentTimeMillis() + START_TIMEOUT_MS;
    while (server.getState() == ServerConstants.SERVER_STATE_OPENING
        && System.currentTimeMillis() < deadline) {
      sleep(50);
    }
    if (server.getState() != ServerConstants.SERVER_STATE_ONLINE) {
      Throwable err = server.getServerError();
      server.shutdown();
      String why = err == null ? "state " + server.getStateDescriptor()
          : err instanceof java.net.BindException ? "port " + port + " is in use;"
              + " choose another with --port"
          : err.getMessage();
      throw new IOException("cannot start the results database on port " + port + " with "
          + dir.resolve(name) + ": " + why);
    }
    String host = advertisedHost != null ? advertisedHost : localHostName();
    return new ResultsDatabase(server, "jdbc:hsqldb:hsql://" + host + ":" + port + "/" + name);
  }

  /** The JDBC URL engines and the client use, e.g. {@code jdbc:hsqldb:hsql://node1:9001/swatnn}. */
  public String jdbcUrl() {
    return jdbcUrl;
  }

  /** Closes the database (writing its files) and stops the server. */
  @Override
  public void close() {
    server.shutdownCatalogs(Database.CLOSEMODE_NORMAL);
    long deadline = System.currentTimeMillis() + START_TIMEOUT_MS;
    while (server.getState() != ServerConstants.SERVER_STATE_SHUTDOWN
        && System.currentTimeMillis() < deadline) {
      sleep(50);
    }
    if (server.getState() != ServerConstants.SERVER_STATE_SHUTDOWN) {
      server.shutdown();
    }
  }

  private static void sleep(long ms) {
    try {
      Thread.sleep(ms);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static String localHostName() {
    try {
      return InetAddress.getLocalHost().getHostName();
    } catch (UnknownHostException e) {
      return "localhost";
    }
  }
}
