package swatnn.remote;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;
import weka.experiment.DatabaseResultListener;
import weka.experiment.DatabaseUtils;

/**
 * Weka's database settings ({@code DatabaseUtils.props}: column types, name case, keywords) for
 * a results database given by its JDBC URL. For HSQLDB ({@code jdbc:hsqldb:...}) they come from
 * the file this package ships ({@code swatnn/remote/DatabaseUtils.props}, Weka's HSQLDB
 * template); for any other database (MySQL, PostgreSQL) from Weka's usual lookup:
 * {@code weka/experiment/DatabaseUtils.props} on the class path, overridden by
 * {@code $WEKA_HOME/props/DatabaseUtils.props} and then by {@code ./DatabaseUtils.props}.
 *
 * <p>A {@link DatabaseResultListener} carries its settings with it when serialized, so the
 * engines use the settings of the machine that wrote the experiment.
 */
public final class DatabaseSettings {
  /** The class-path resource of the HSQLDB settings. */
  public static final String HSQLDB_PROPS = "swatnn/remote/DatabaseUtils.props";

  private DatabaseSettings() {}

  /**
   * The settings for {@code jdbcUrl}, or null to let Weka read its own files.
   *
   * @throws IOException if the shipped HSQLDB settings cannot be read
   */
  public static Properties forUrl(String jdbcUrl) throws IOException {
    if (!jdbcUrl.startsWith("jdbc:hsqldb:")) {
      return null;
    }
    Properties p = new Properties();
    try (InputStream in = DatabaseSettings.class.getClassLoader()
        .getResourceAsStream(HSQLDB_PROPS)) {
      if (in == null) {
        throw new IOException(HSQLDB_PROPS + " is missing from the class path");
      }
      p.load(in);
    }
    return p;
  }

  /**
   * A result listener writing to {@code jdbcUrl} with its settings.
   *
   * @throws IOException if the URL is not a JDBC URL or the settings cannot be read
   */
  public static DatabaseResultListener listener(String jdbcUrl) throws IOException {
    checkUrl(jdbcUrl);
    try {
      DatabaseResultListener l = new DatabaseResultListener();
      configure(l, jdbcUrl);
      return l;
    } catch (IOException e) {
      throw e;
    } catch (Exception e) {
      throw new IOException("cannot set up Weka's database result listener: " + e.getMessage());
    }
  }

  /**
   * A connection to {@code jdbcUrl} through Weka's {@link DatabaseUtils}; the caller closes it
   * with {@link DatabaseUtils#disconnectFromDatabase}.
   *
   * @throws IOException naming the URL if the database cannot be reached (server down, wrong
   *     host or port, no driver on the class path)
   */
  public static DatabaseUtils connect(String jdbcUrl) throws IOException {
    checkUrl(jdbcUrl);
    DatabaseUtils db;
    try {
      db = new DatabaseUtils();
      configure(db, jdbcUrl);
    } catch (IOException e) {
      throw e;
    } catch (Exception e) {
      throw new IOException("cannot read Weka's database settings: " + e.getMessage());
    }
    try {
      db.connectToDatabase();
      return db;
    } catch (Exception e) {
      throw new IOException("results database unreachable at " + jdbcUrl + ": "
          + firstLine(e) + (jdbcUrl.startsWith("jdbc:hsqldb:hsql:")
              ? " (is `bin/swatnn results-db` running there?)" : ""));
    }
  }

  /**
   * Connects to {@code jdbcUrl} and disconnects again.
   *
   * @throws IOException naming the URL if the database cannot be reached
   */
  public static void checkReachable(String jdbcUrl) throws IOException {
    DatabaseUtils db = connect(jdbcUrl);
    try {
      db.disconnectFromDatabase();
    } catch (Exception e) {
      // reachable; closing does not matter
    }
  }

  private static void configure(DatabaseUtils db, String jdbcUrl) throws IOException {
    Properties p = forUrl(jdbcUrl);
    if (p != null) {
      db.initialize(p);
    }
    db.setDatabaseURL(jdbcUrl);
  }

  private static void checkUrl(String jdbcUrl) throws IOException {
    if (jdbcUrl == null || !jdbcUrl.startsWith("jdbc:")) {
      throw new IOException("bad JDBC URL '" + jdbcUrl + "' (expected e.g."
          + " jdbc:hsqldb:hsql://host:9001/swatnn or jdbc:mysql://host/db)");
    }
  }

  private static String firstLine(Exception e) {
    String m = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    int nl = m.indexOf('\n');
    return nl < 0 ? m : m.substring(0, nl);
  }
}
