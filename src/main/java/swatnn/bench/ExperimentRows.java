package swatnn.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import swatnn.cornn.CornnFunction;
import swatnn.io.AtomicFile;
import swatnn.remote.DatabaseSettings;
import weka.classifiers.Classifier;
import weka.core.OptionHandler;
import weka.core.Utils;
import weka.experiment.DatabaseUtils;
import weka.experiment.SparseNetworkSplitEvaluator;

/**
 * The rows an Experimenter run wrote into a results database (Weka's
 * {@code DatabaseResultListener}: the table {@code Experiment_index} naming one
 * {@code Results<N>} table per result producer) as {@link ResultRow}s, so that
 * {@link CornnReport} reports a distributed run exactly as a local {@code bench cornn} one.
 *
 * <p>Per row of a regression table: the task is {@code Key_Dataset} (the relation name, which is
 * the CORNN name), the method the {@link BenchMethod} of {@code Key_Scheme} and
 * {@code Key_Scheme_options} (else the class's simple name), the test MSE the square of
 * {@code Root_mean_squared_error}, the train time {@code Elapsed_Time_training} (seconds), and
 * non-zero count and active neurons the classifiers' measures {@code measureNonZeroCount} and
 * {@code measureActiveNeurons}: a search's {@code selected} row; and where the experiment's split
 * evaluator was {@link SparseNetworkSplitEvaluator}, one row per configuration k from its
 * {@code Configuration_k<k>_*} columns, as {@code bench cornn} writes them. With several runs of
 * the same (task, method) the lowest run number is kept.
 */
public final class ExperimentRows {
  private ExperimentRows() {}

  /**
   * Reads every regression result in the database.
   *
   * @param jdbcUrl the database's JDBC URL
   * @throws IOException if the database cannot be reached or read, or holds no results yet
   */
  public static List<ResultRow> read(String jdbcUrl) throws IOException {
    DatabaseUtils db = DatabaseSettings.connect(jdbcUrl);
    try {
      if (!db.experimentIndexExists()) {
        throw new IOException("no experiment results in " + jdbcUrl + " yet (no "
            + DatabaseUtils.EXP_INDEX_TABLE + " table)");
      }
      List<String> tables = new ArrayList<>();
      ResultSet rs = db.select("SELECT " + DatabaseUtils.EXP_RESULT_COL + " FROM "
          + DatabaseUtils.EXP_INDEX_TABLE);
      while (rs.next()) {
        tables.add(DatabaseUtils.EXP_RESULT_PREFIX + rs.getString(1).trim());
      }
      db.close(rs);
      Map<String, Candidate> best = new LinkedHashMap<>();
      for (String table : tables) {
        readTable(db, table, best);
      }
      List<ResultRow> rows = new ArrayList<>(best.values().stream()
          .flatMap(c -> c.rows().stream()).toList());
      rows.sort(Comparator.comparingInt((ResultRow r) -> taskOrder(r.task()))
          .thenComparing(ResultRow::task).thenComparing(ResultRow::method));
      return rows;
    } catch (IOException e) {
      throw e;
    } catch (Exception e) {
      throw new IOException("cannot read the results in " + jdbcUrl + ": " + e.getMessage());
    } finally {
      try {
        db.disconnectFromDatabase();
      } catch (Exception e) {
        // nothing left to do
      }
    }
  }

  /**
   * Writes {@code rows} as {@code outDir}/results.csv (replacing it atomically) and appends
   * {@code commandLine} to {@code outDir}/commands.txt, ready for {@link CornnReport#write}.
   *
   * @throws IOException if a file cannot be written
   */
  public static void writeResults(List<ResultRow> rows, Path outDir, String commandLine)
      throws IOException {
    Files.createDirectories(outDir);
    StringBuilder sb = new StringBuilder(ResultRow.HEADER).append('\n');
    for (ResultRow r : rows) {
      sb.append(r.toCsv()).append('\n');
    }
    AtomicFile.writeString(outDir.resolve(CornnBenchmark.RESULTS), sb.toString());
    CommandLog.append(outDir, commandLine);
  }

  private record Candidate(int run, List<ResultRow> rows) {}

  private static void readTable(DatabaseUtils db, String table, Map<String, Candidate> best)
      throws Exception {
    ResultSet rs = db.select("SELECT * FROM " + table);
    ResultSetMetaData md = rs.getMetaData();
    Map<String, Integer> col = new HashMap<>();
    for (int i = 1; i <= md.getColumnCount(); i++) {
      col.put(md.getColumnLabel(i).toLowerCase(Locale.ROOT), i);
    }
    Integer dataset = col.get("key_dataset");
    Integer scheme = col.get("key_scheme");
    Integer options = col.get("key_scheme_options");
    Integer run = col.get("key_run");
    Integer rmse = col.get("root_mean_squared_error");
    if (dataset == null || scheme == null || rmse == null) {
      db.close(rs); // not a regression table
      return;
    }
    Integer train = col.get("elapsed_time_training");
    Integer nonZero = col.get("measurenonzerocount");
    Integer active = col.get("measureactiveneurons");
    while (rs.next()) {
      String task = rs.getString(dataset).trim();
      String method = label(rs.getString(scheme).trim(),
          options == null ? "" : nullToEmpty(rs.getString(options)));
      double e = number(rs, rmse);
      Integer nz = integer(rs, nonZero);
      BenchMethod m = BenchMethod.byLabel(method);
      boolean search = m != null ? m.isSearch() : nz != null;
      List<ResultRow> found = new ArrayList<>();
      for (int k = 1; search && k <= SparseNetworkSplitEvaluator.CONFIGURATIONS; k++) {
        Integer kMse = col.get(SparseNetworkSplitEvaluator.column(k, "test_MSE")
            .toLowerCase(Locale.ROOT));
        if (kMse != null && rs.getObject(kMse) != null) {
          found.add(new ResultRow(task, method, "k" + k, number(rs, kMse),
              integer(rs, col.get(SparseNetworkSplitEvaluator.column(k, "non_zero")
                  .toLowerCase(Locale.ROOT))),
              integer(rs, col.get(SparseNetworkSplitEvaluator.column(k, "active_neurons")
                  .toLowerCase(Locale.ROOT))), Double.NaN));
        }
      }
      found.add(new ResultRow(task, method, search ? ResultRow.SELECTED : ResultRow.NONE,
          e * e, search ? nz : null, search ? integer(rs, active) : null,
          train == null ? Double.NaN : number(rs, train)));
      int r = run == null ? 1 : (int) Math.round(number(rs, run));
      String key = task + '\u0000' + method;
      Candidate prev = best.get(key);
      if (prev == null || r < prev.run()) {
        best.put(key, new Candidate(r, found));
      }
    }
    db.close(rs);
  }

  /**
   * The {@link BenchMethod} label of a classifier given by class name and options: the method of
   * that class whose fixed options appear among {@code options} (the one with most fixed options
   * if several do); for a method without fixed options that shares its class with others, the
   * options must be the class's defaults. Otherwise the class's simple name.
   */
  public static String label(String className, String options) {
    List<String> opts;
    try {
      opts = Arrays.asList(Utils.splitOptions(options));
    } catch (Exception e) {
      opts = List.of();
    }
    BenchMethod pick = null;
    int siblings = 0;
    for (BenchMethod m : BenchMethod.values()) {
      if (!m.className().equals(className)) {
        continue;
      }
      siblings++;
      List<String> base = Arrays.asList(m.baseOptions());
      if (indexOfSubList(opts, base) >= 0
          && (pick == null || base.size() > pick.baseOptions().length)) {
        pick = m;
      }
    }
    if (pick != null && pick.baseOptions().length == 0 && siblings > 1
        && !opts.equals(defaultOptions(pick))) {
      pick = null;
    }
    return pick != null ? pick.label() : className.substring(className.lastIndexOf('.') + 1);
  }

  private static int indexOfSubList(List<String> list, List<String> sub) {
    return sub.isEmpty() ? 0 : Collections.indexOfSubList(list, sub);
  }

  private static List<String> defaultOptions(BenchMethod m) {
    try {
      Classifier c = m.create(new String[0]);
      return c instanceof OptionHandler h ? Arrays.asList(h.getOptions()) : List.of();
    } catch (Exception e) {
      return List.of();
    }
  }

  private static int taskOrder(String task) {
    try {
      return CornnFunction.parse(task).number();
    } catch (IllegalArgumentException e) {
      return Integer.MAX_VALUE;
    }
  }

  private static String nullToEmpty(String s) {
    return s == null ? "" : s.trim();
  }

  private static double number(ResultSet rs, int column) throws Exception {
    double v = rs.getDouble(column);
    return rs.wasNull() ? Double.NaN : v;
  }

  private static Integer integer(ResultSet rs, Integer column) throws Exception {
    if (column == null) {
      return null;
    }
    double v = number(rs, column);
    return Double.isNaN(v) ? null : (int) Math.round(v);
  }
}
