package swatnn.cli;

import java.io.File;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import swatnn.bench.BenchMethod;
import swatnn.bench.CornnReport;
import swatnn.bench.ExperimentDefinition;
import swatnn.bench.ExperimentRows;
import swatnn.bench.ResultRow;
import swatnn.cornn.CornnFunction;
import swatnn.remote.DatabaseSettings;
import swatnn.remote.EngineAddress;
import swatnn.remote.RemoteExperimentRun;
import weka.classifiers.Classifier;
import weka.core.OptionHandler;
import weka.core.Utils;
import weka.core.converters.ConverterUtils;
import weka.experiment.Experiment;
import weka.experiment.RemoteExperiment;
import weka.experiment.ResultListener;

/**
 * {@code swatnn bench experiment}: writes a Weka Experimenter definition for the CORNN tasks (or
 * any folder of train/test ARFF pairs); with {@code --remote} and {@code --db} a remote one
 * writing to a results database, optionally run headless ({@code --run}) and reported like
 * {@code bench cornn} ({@code --report}).
 */
public final class BenchExperimentCommand implements Subcommand {

  @Override
  public String name() {
    return "bench experiment";
  }

  @Override
  public String summary() {
    return "write (and run remotely) a Weka Experimenter definition over the CORNN ARFF files";
  }

  @Override
  public String usage() {
    return """
        usage: swatnn bench experiment [--data data/cornn] [--out FILE.exp] [--results FILE.csv]
                                       [--tasks LIST | --all-arff] [--methods LIST]
                                       [--swatnn-options ".."] [--darts-options ".."]
               swatnn bench experiment --remote HOST:PORT,.. --db JDBC-URL [--run]
                                       [--timeout S] [--report DIR] [the options above]
               swatnn bench experiment --db JDBC-URL --report DIR

        Writes an Experimenter definition: each CORNN task trained on <Stem>_train.arff and
        tested on <Stem>_test.arff from --data (kept as given, so a relative folder is relative
        to where Weka is started), with SWATNNRegressor, DartsAdmmRegressor and
        MultilayerPerceptron -H 7,7 at their defaults, results to --results (CSV). Open it in
        the Experimenter (Setup, Open...) and press Start on the Run tab. The shipped
        definition, weka-package/experiments/swatnn-cornn.exp, was written by
        `bin/swatnn bench experiment` with the defaults.

        With --remote and --db it writes a RemoteExperiment instead (default --out
        cornn-remote.exp): one sub-experiment per data set, sent to the engines
        (`swatnn remote-engine`) in turn, results to the database through Weka's
        DatabaseResultListener (a result already there is not computed again). --data is
        stored as an absolute path: every engine must see the files there.

        options:
          --tasks LIST           CORNN tasks, e.g. Booth,F47 (default: all 54)
          --all-arff             every <name>_train.arff in --data that has <name>_test.arff
          --methods LIST         of SWATNN, DARTS_ADMM, MLP_7_7, MLP_default, RandomForest,
                                 LinearRegression (default: SWATNN,DARTS_ADMM,MLP_7_7)
          --swatnn-options ".."  SWATNNRegressor options, e.g. "-steps 50"
          --darts-options ".."   DartsAdmmRegressor options
          --remote LIST          engines as HOST:PORT, comma-separated
          --db URL               results database, e.g. jdbc:hsqldb:hsql://HOST:9001/swatnn
                                 (`swatnn results-db`) or jdbc:mysql://HOST/weka,
                                 jdbc:postgresql://HOST/weka (driver on the class path,
                                 Weka's DatabaseUtils.props for it in $WEKA_HOME/props)
          --run                  run the remote experiment now and wait for it; exits 1 if
                                 results are missing afterwards
          --timeout S            longest wait of --run, seconds (default: none)
          --report DIR           write DIR/results.csv from the database and the bench cornn
                                 report (README.md and figures) from it
        """;
  }

  @Override
  public int run(List<String> args, PrintStream out) throws Exception {
    Options o = Options.parse(args, Set.of("data", "out", "results", "tasks", "methods",
        "swatnn-options", "darts-options", "remote", "db", "timeout", "report"),
        Set.of("all-arff", "run"));
    if (!o.positional().isEmpty()) {
      throw new UsageException("unexpected argument '" + o.positional().get(0) + "'");
    }
    boolean remote = o.hasValue("remote");
    String db = o.get("db", null);
    if (remote && db == null) {
      throw new UsageException("--remote needs --db (where the engines write their results)");
    }
    if (o.has("run") && !remote) {
      throw new UsageException("--run needs --remote and --db");
    }
    if (o.hasValue("report") && db == null) {
      throw new UsageException("--report needs --db");
    }
    if (db != null && !remote && !o.hasValue("report")) {
      throw new UsageException("--db needs --remote, or --report to report on it");
    }
    if (db != null && !remote) {
      return report(db, Paths.get(o.get("report", "")), args, out);
    }
    List<BenchMethod> methods;
    List<CornnFunction> tasks;
    try {
      methods = o.hasValue("methods") ? BenchMethod.parseList(o.get("methods", ""))
          : ExperimentDefinition.DEFAULT_METHODS;
      tasks = o.hasValue("tasks") ? CornnFunction.parseList(o.get("tasks", ""))
          : Arrays.asList(CornnFunction.values());
    } catch (IllegalArgumentException e) {
      throw new UsageException(e.getMessage());
    }
    if (o.has("all-arff") && o.hasValue("tasks")) {
      throw new UsageException("--all-arff and --tasks exclude each other");
    }
    File data = new File(o.get("data", "data/cornn"));
    if (remote) {
      data = data.getAbsoluteFile();
    }
    List<File> trainFiles = o.has("all-arff") ? ExperimentDefinition.trainFilesIn(data.toPath())
        : ExperimentDefinition.trainFiles(data, tasks);
    List<Classifier> classifiers = ExperimentDefinition.classifiers(methods, Map.of(
        BenchMethod.SWATNN, BenchCornnCommand.splitOptions("swatnn-options", o),
        BenchMethod.DARTS_ADMM, BenchCornnCommand.splitOptions("darts-options", o)));
    if (!remote) {
      weka.experiment.CSVResultListener csv = new weka.experiment.CSVResultListener();
      csv.setOutputFile(new File(o.get("results", "cornn-experiment.csv")));
      Path file = Paths.get(o.get("out", "weka-package/experiments/swatnn-cornn.exp"));
      ExperimentDefinition.save(ExperimentDefinition.build(data, trainFiles, classifiers, csv),
          file);
      out.println("wrote " + file + " (" + trainFiles.size() + " data sets)");
      return 0;
    }
    List<EngineAddress> engines;
    try {
      engines = EngineAddress.parseList(o.get("remote", ""));
    } catch (IllegalArgumentException e) {
      throw new UsageException("--remote: " + e.getMessage());
    }
    long timeoutSeconds = o.getLong("timeout", 0);
    if (timeoutSeconds < 0) {
      throw new UsageException("--timeout: must be positive (seconds), or 0 for none");
    }
    DatabaseSettings.checkReachable(db);
    ResultListener listener = DatabaseSettings.listener(db);
    Experiment base = ExperimentDefinition.build(data, trainFiles, classifiers, listener);
    RemoteExperiment exp = ExperimentDefinition.remote(base, engines);
    Path file = Paths.get(o.get("out", "cornn-remote.exp"));
    ExperimentDefinition.save(exp, file);
    out.println("wrote " + file + ": " + trainFiles.size() + " data sets x " + methods.size()
        + " methods on " + engines.size() + " engine(s), results to " + db);
    int rc = 0;
    if (o.has("run")) {
      rc = runRemote(exp, engines, db, trainFiles, classifiers,
          timeoutSeconds == 0 ? Duration.ofDays(3650) : Duration.ofSeconds(timeoutSeconds), out);
    }
    if (o.hasValue("report")) {
      int r = report(db, Paths.get(o.get("report", "")), args, out);
      rc = Math.max(rc, r);
    }
    return rc;
  }

  private int runRemote(RemoteExperiment exp, List<EngineAddress> engines, String db,
      List<File> trainFiles, List<Classifier> classifiers, Duration timeout, PrintStream out)
      throws Exception {
    RemoteExperimentRun.checkEngines(engines);
    out.println("running on " + engines + " ...");
    RemoteExperimentRun.Outcome outcome = RemoteExperimentRun.run(exp, timeout, out);
    for (EngineAddress a : engines) {
      List<String> started = outcome.started().getOrDefault(a.toString(), List.of());
      out.println("engine " + a + ": " + started.size() + " sub-experiment(s) started"
          + (outcome.failedEngines().contains(a.toString()) ? "; FAILED (see above), its"
              + " unfinished work was sent to other engines" : ""));
    }
    out.println((outcome.completed() ? "completed: " : "NOT completed: ")
        + outcome.finalMessage());
    List<ResultRow> rows = ExperimentRows.read(db);
    Set<String> have = new LinkedHashSet<>();
    for (ResultRow r : rows) {
      have.add(r.task() + " / " + r.method());
    }
    List<String> missing = new ArrayList<>();
    for (File f : trainFiles) {
      String relation = relationName(f);
      for (Classifier c : classifiers) {
        String label = ExperimentRows.label(c.getClass().getName(), c instanceof OptionHandler h
            ? Utils.joinOptions(h.getOptions()) : "");
        if (!have.contains(relation + " / " + label)) {
          missing.add(relation + " / " + label);
        }
      }
    }
    int expected = trainFiles.size() * classifiers.size();
    out.println("database: " + (expected - missing.size()) + " of " + expected
        + " expected results" + (missing.isEmpty() ? "" : "; missing: "
            + String.join(", ", missing)));
    return outcome.completed() && missing.isEmpty() ? 0 : 1;
  }

  /** The data set's relation name (the Key_Dataset Weka stores), or its stem when unreadable. */
  private static String relationName(File train) {
    try {
      return new ConverterUtils.DataSource(train.getPath()).getStructure().relationName();
    } catch (Exception e) {
      return train.getName().replaceFirst("_train\\.arff$", "").replace('_', ' ');
    }
  }

  private int report(String db, Path outDir, List<String> args, PrintStream out)
      throws Exception {
    if (Files.exists(outDir) && !Files.isDirectory(outDir)) {
      throw new UsageException("--report is not a directory: " + outDir);
    }
    List<ResultRow> rows = ExperimentRows.read(db);
    ExperimentRows.writeResults(rows, outDir, BenchCornnCommand.commandLine(name(), args));
    Path readme = CornnReport.write(outDir);
    out.println("wrote " + outDir.resolve("results.csv") + " (" + rows.size() + " rows from "
        + db + "), " + readme + ", " + outDir.resolve(CornnReport.FIGURE_POINTS) + ", "
        + outDir.resolve(CornnReport.FIGURE_SELECTED) + " and "
        + outDir.resolve(CornnReport.FIGURE_FRONTIER));
    return 0;
  }
}
