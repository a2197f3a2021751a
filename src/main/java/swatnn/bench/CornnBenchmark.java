package swatnn.bench;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import swatnn.cornn.CornnFunction;
import swatnn.selection.ConfigurationResult;
import swatnn.selection.SearchResult;
import swatnn.weka.NetworkSearchClassifier;
import weka.classifiers.Classifier;
import weka.core.Instance;
import weka.core.Instances;

/**
 * Runs benchmark methods over CORNN tasks, task by task in F-number order, and appends each
 * finished (task, method)'s rows to {@code <out>/results.csv} in one durable write. Runs already
 * in the file are skipped, so a killed benchmark continues where it stopped.
 *
 * <p>Each method is trained on the task's scaled training set and scored on its scaled test
 * set. A search ({@link BenchMethod#isSearch}) gives one row per configuration tried (test MSE
 * of that configuration's network, its non-zero count, its search time) and a {@code selected}
 * row (the classifier's own predictions, the wall time of {@code buildClassifier}); any other
 * method gives one {@code -} row.
 *
 * <p>A run that fails is reported and left out of the file (a later run retries it); the other
 * runs go on. Every session's command line is appended to {@code <out>/commands.txt}, which the
 * report quotes.
 */
public final class CornnBenchmark {
  /** The results file's name in the output folder. */
  public static final String RESULTS = "results.csv";
  /** The file of command lines that wrote to the results, one per session. */
  public static final String COMMANDS = CommandLog.FILE;
  /**
   * The methods run when none are named: all but M5P, which came with the real-data benchmark
   * (so that resuming an earlier CORNN run does not add it).
   */
  public static final List<BenchMethod> DEFAULT_METHODS = List.of(BenchMethod.SWATNN,
      BenchMethod.DARTS_ADMM, BenchMethod.MLP_7_7, BenchMethod.MLP_DEFAULT,
      BenchMethod.RANDOM_FOREST, BenchMethod.LINEAR_REGRESSION);

  private final Path dataDir;
  private final Path outDir;
  private List<CornnFunction> tasks = CornnFunction.all();
  private List<BenchMethod> methods = DEFAULT_METHODS;
  private final Map<BenchMethod, String[]> extraOptions = new EnumMap<>(BenchMethod.class);
  private List<BenchRun> runs; // when set, replaces methods and extraOptions
  private Shard shard = Shard.ALL;
  private String progressName = "bench cornn";
  private String commandLine = "(not recorded)";
  private PrintStream progressStream = System.err;
  private boolean terminal;

  /** What a session did. */
  public record Outcome(int ran, int skipped, List<String> failed, List<BenchMethod> unavailable) {}

  /**
   * @param dataDir a folder of scaled ARFF pairs or of the official CSV files
   * @param outDir where results.csv (and, for CSV data, the imported ARFF files) go
   */
  public CornnBenchmark(Path dataDir, Path outDir) {
    this.dataDir = dataDir;
    this.outDir = outDir;
  }

  /** The tasks to run (default all 54); run in F-number order whatever the order given. */
  public CornnBenchmark tasks(List<CornnFunction> tasks) {
    this.tasks = List.copyOf(tasks);
    return this;
  }

  /** The methods to run on each task, in this order (default all six). */
  public CornnBenchmark methods(List<BenchMethod> methods) {
    this.methods = List.copyOf(methods);
    return this;
  }

  /** Options appended to the method's own (e.g. {@code -steps 50} for SWATNN). */
  public CornnBenchmark options(BenchMethod method, String[] options) {
    extraOptions.put(method, options.clone());
    return this;
  }

  /**
   * Runs only share {@code index} of {@code count} of the tasks (those at positions index,
   * index + count, ... in F-number order), so that {@code count} processes, one per core, can
   * share one results.csv.
   *
   * @throws IllegalArgumentException unless 0 <= index < count
   */
  public CornnBenchmark shard(int index, int count) {
    this.shard = new Shard(index, count);
    return this;
  }

  private List<CornnFunction> shareOfTasks() {
    return shard.of(tasks.stream().sorted().toList());
  }

  /** The name on the progress line, e.g. {@code "bench quality"} (default "bench cornn"). */
  public CornnBenchmark progressName(String name) {
    this.progressName = name;
    return this;
  }

  /**
   * The runs to do on each task, in this order, instead of {@link #methods} with their
   * {@link #options}: for comparing variants of a method, each under its own label.
   *
   * @throws IllegalArgumentException if two runs share a label
   */
  public CornnBenchmark runs(List<BenchRun> runs) {
    if (runs.stream().map(BenchRun::label).distinct().count() != runs.size()) {
      throw new IllegalArgumentException("two runs share a label: " + runs);
    }
    this.runs = List.copyOf(runs);
    return this;
  }

  private List<BenchRun> plannedRuns() {
    if (runs != null) {
      return runs;
    }
    return methods.stream().map(m -> BenchRun.of(m, extraOptions.getOrDefault(m,
        new String[0]))).toList();
  }

  /** The command line recorded in commands.txt. */
  public CornnBenchmark commandLine(String commandLine) {
    this.commandLine = commandLine;
    return this;
  }

  /** Where the progress goes and whether it is a terminal (default stderr, detected). */
  public CornnBenchmark progressTo(PrintStream stream, boolean isTerminal) {
    this.progressStream = stream;
    this.terminal = isTerminal;
    return this;
  }

  /** The ARFF folder that CSV tasks are imported to. */
  public Path importDir() {
    return outDir.resolve("arff");
  }

  /**
   * Runs every (task, method) not yet in results.csv.
   *
   * @param out receives one line per finished or failed run, and notes (skipped methods, a
   *     repaired file)
   * @throws IOException if the data cannot be found or results.csv cannot be read or written
   */
  public Outcome run(PrintStream out) throws IOException {
    Files.createDirectories(outDir);
    List<BenchRun> usable = new ArrayList<>();
    List<BenchMethod> unavailable = new ArrayList<>();
    for (BenchRun r : plannedRuns()) {
      BenchMethod m = r.method();
      if (m.isAvailable()) {
        usable.add(r);
      } else {
        if (!unavailable.contains(m)) {
          unavailable.add(m);
        }
        out.println("skipping " + r + ": " + m.className() + " is not on the class path");
      }
    }
    ResultsFile results = ResultsFile.open(outDir.resolve(RESULTS));
    if (results.repair() != null) {
      out.println("repaired " + results.path() + ": dropped " + results.repair()
          + " (left by an interrupted run)");
    }
    List<BenchTasks.TaskFiles> files = BenchTasks.resolve(dataDir, shareOfTasks(), importDir(),
        out);

    List<BenchTasks.TaskFiles> pendingTasks = new ArrayList<>();
    List<BenchRun> pendingRuns = new ArrayList<>();
    int skipped = 0;
    for (BenchTasks.TaskFiles t : files) {
      for (BenchRun r : usable) {
        if (results.isComplete(t.function().cornnName(), r.label())) {
          skipped++;
        } else {
          pendingTasks.add(t);
          pendingRuns.add(r);
        }
      }
    }
    if (pendingTasks.isEmpty()) {
      out.println("nothing to run: all " + skipped + " (task, method) runs are in "
          + results.path());
      return new Outcome(0, skipped, List.of(), unavailable);
    }
    CommandLog.append(outDir, commandLine);
    out.printf(Locale.ROOT, "%d run(s) to do, %d already in %s%n", pendingTasks.size(), skipped,
        results.path());

    int ran = 0;
    List<String> failed = new ArrayList<>();
    try (BenchProgress progress = new BenchProgress(progressName, progressStream, terminal,
        skipped + pendingTasks.size(), skipped,
        pendingRuns.stream().map(BenchRun::label).toList(), priorTimes(results.rows()))) {
      BenchTasks.TaskFiles loadedFor = null;
      Instances[] data = null;
      for (int i = 0; i < pendingTasks.size(); i++) {
        if (Thread.currentThread().isInterrupted()) {
          break;
        }
        BenchTasks.TaskFiles task = pendingTasks.get(i);
        BenchRun run = pendingRuns.get(i);
        results.refresh();
        if (results.isComplete(task.function().cornnName(), run.label())) {
          progress.doneElsewhere(run.label()); // by another process sharing the file
          continue;
        }
        String name = task.function().toString() + " " + run;
        progress.started(task.function().label() + " " + task.function().cornnName(),
            run.label());
        long t0 = System.nanoTime();
        List<ResultRow> block;
        try {
          if (task != loadedFor) {
            data = task.load();
            loadedFor = task;
          }
          block = runOne(task.function(), run, data[0], data[1]);
        } catch (Exception e) {
          progress.ended(false, 0);
          failed.add(task.function() + " / " + run);
          progress.println(out, name + ": FAILED: " + (e.getMessage() == null
              ? e.getClass().getName() : e.getMessage()));
          continue;
        }
        boolean written = results.append(block);
        double seconds = (System.nanoTime() - t0) / 1e9;
        progress.ended(true, seconds);
        ran++;
        progress.println(out, describe(name, block.get(block.size() - 1), seconds)
            + (written ? "" : " (not written: another process wrote it first)"));
      }
    }
    return new Outcome(ran, skipped, failed, unavailable);
  }

  /** Trains {@code run}'s classifier on {@code train} and scores it on {@code test}. */
  List<ResultRow> runOne(CornnFunction task, BenchRun run, Instances train,
      Instances test) throws Exception {
    Classifier c = run.create();
    long t0 = System.nanoTime();
    c.buildClassifier(new Instances(train));
    double buildSeconds = (System.nanoTime() - t0) / 1e9;
    String name = task.cornnName();
    String label = run.label();
    List<ResultRow> rows = new ArrayList<>();
    if (run.method().isSearch()) {
      NetworkSearchClassifier search = (NetworkSearchClassifier) c;
      SearchResult result = search.searchResult();
      if (result == null) {
        throw new Exception(label + " built without a search result");
      }
      for (ConfigurationResult cr : result.configurations()) {
        double mse = mse(test, inst -> search.classifyInstance(cr.network(), inst));
        rows.add(new ResultRow(name, label, "k" + cr.hiddenLayers(), mse, cr.nonZeroCount(),
            cr.activeNeurons(), cr.seconds()));
      }
      swatnn.selection.CandidateModel chosen = result.model();
      rows.add(new ResultRow(name, label, ResultRow.SELECTED, mse(test, c::classifyInstance),
          chosen.nonZeroCount(), chosen instanceof swatnn.selection.NetworkModel n
              ? n.network().activeNeuronCount() : 0, buildSeconds));
    } else {
      rows.add(new ResultRow(name, label, ResultRow.NONE, mse(test, c::classifyInstance), null,
          null, buildSeconds));
    }
    return rows;
  }

  /** A prediction per instance (a classifier's, or one configuration's network's). */
  public interface Predictor {
    double predict(Instance instance) throws Exception;
  }

  /**
   * The mean squared error over the test instances that have a class value.
   *
   * @throws Exception if no instance has a class value, or a prediction fails
   */
  public static double mse(Instances test, Predictor p) throws Exception {
    double sum = 0;
    int n = 0;
    for (Instance inst : test) {
      if (inst.classIsMissing()) {
        continue;
      }
      double e = p.predict(inst) - inst.classValue();
      sum += e * e;
      n++;
    }
    if (n == 0) {
      throw new Exception("no test instance has a class value");
    }
    return sum / n;
  }

  /** Earlier sessions' train seconds per method, for the first ETAs. */
  private static Map<String, List<Double>> priorTimes(List<ResultRow> rows) {
    Map<String, List<Double>> times = new LinkedHashMap<>();
    for (ResultRow r : rows) {
      if (r.isFinal()) {
        times.computeIfAbsent(r.method(), k -> new ArrayList<>()).add(r.trainSeconds());
      }
    }
    return times;
  }

  private static String describe(String name, ResultRow last, double seconds) {
    StringBuilder sb = new StringBuilder(name).append(": test MSE ")
        .append(String.format(Locale.ROOT, "%.4g", last.testMse()));
    if (last.nonZero() != null) {
      sb.append(", non-zero ").append(last.nonZero());
    }
    sb.append(String.format(Locale.ROOT, ", train %.1f s (%.1f s in all)", last.trainSeconds(),
        seconds));
    return sb.toString();
  }
}
