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
import weka.classifiers.Evaluation;

/**
 * The real-data benchmark: cross-validates each method on each data set of a folder of ARFF
 * files ({@link RealDataSets}), data set by data set in name order, and appends one
 * {@link RealRow} per finished (data set, method) to {@code <out>/results.csv} in one durable
 * write ({@link CsvResultsFile}). Runs already in the file are skipped, so a killed benchmark
 * continues where it stopped, and several processes ({@link #shard}) can share the file.
 *
 * <p>Each run is a {@link CrossValidation} with the same folds for every method (Weka's fold
 * assignment for the seed). A run that fails is reported and left out of the file (a later run
 * retries it); the other runs go on. Every session's command line is appended to
 * {@code <out>/commands.txt}, which the report ({@link RealReport}) quotes, and the data sets'
 * kinds of inputs (nominal ones, missing values) go to {@code <out>/datasets.csv}
 * ({@link RealDataInfo}) for the report's tables.
 */
public final class RealBenchmark {
  /** The results file's name in the output folder. */
  public static final String RESULTS = CornnBenchmark.RESULTS;
  /** The file of command lines that wrote to the results, one per session. */
  public static final String COMMANDS = CornnBenchmark.COMMANDS;
  /** The methods run when none are named: all but the DARTS + ADMM baseline. */
  public static final List<BenchMethod> DEFAULT_METHODS = List.of(BenchMethod.SWATNN,
      BenchMethod.LINEAR_REGRESSION, BenchMethod.M5P, BenchMethod.MLP_DEFAULT,
      BenchMethod.MLP_7_7, BenchMethod.RANDOM_FOREST);
  /** Weka's usual number of folds. */
  public static final int DEFAULT_FOLDS = 10;
  /** Weka's usual seed of the fold assignment. */
  public static final long DEFAULT_SEED = 1;

  private final Path dataDir;
  private final Path outDir;
  private List<BenchMethod> methods = DEFAULT_METHODS;
  private final Map<BenchMethod, String[]> extraOptions = new EnumMap<>(BenchMethod.class);
  private int folds = DEFAULT_FOLDS;
  private long seed = DEFAULT_SEED;
  private Shard shard = Shard.ALL;
  private String commandLine = "(not recorded)";
  private PrintStream progressStream = System.err;
  private boolean terminal;

  /** What a session did. */
  public record Outcome(int ran, int skipped, List<String> failed, List<BenchMethod> unavailable) {}

  /**
   * @param dataDir a folder of ARFF files, the class of each its last attribute and numeric
   * @param outDir where results.csv, commands.txt and the report go
   */
  public RealBenchmark(Path dataDir, Path outDir) {
    this.dataDir = dataDir;
    this.outDir = outDir;
  }

  /** The methods to run on each data set, in this order (default {@link #DEFAULT_METHODS}). */
  public RealBenchmark methods(List<BenchMethod> methods) {
    if (methods.isEmpty()) {
      throw new IllegalArgumentException("no method to run");
    }
    this.methods = List.copyOf(methods);
    return this;
  }

  /** Options appended to the method's own (e.g. {@code -steps 50} for SWATNN). */
  public RealBenchmark options(BenchMethod method, String[] options) {
    extraOptions.put(method, options.clone());
    return this;
  }

  /**
   * The number of folds (default 10).
   *
   * @throws IllegalArgumentException if below 2
   */
  public RealBenchmark folds(int folds) {
    if (folds < 2) {
      throw new IllegalArgumentException("--folds must be at least 2, got " + folds);
    }
    this.folds = folds;
    return this;
  }

  /** The seed of the fold assignment (default 1). */
  public RealBenchmark seed(long seed) {
    this.seed = seed;
    return this;
  }

  /**
   * Runs only share {@code index} of {@code count} of the data sets (those at positions index,
   * index + count, ... in name order), so that {@code count} processes, one per core, can share
   * one results.csv.
   *
   * @throws IllegalArgumentException unless 0 <= index < count
   */
  public RealBenchmark shard(int index, int count) {
    this.shard = new Shard(index, count);
    return this;
  }

  /**
   * Builds each available method's classifier once with its options, so that a bad option
   * fails before any run rather than in every run.
   *
   * @throws IllegalArgumentException naming the method and what its classifier said
   */
  public void checkOptions() {
    for (BenchMethod m : methods) {
      if (!m.isAvailable()) {
        continue;
      }
      try {
        m.create(extraOptions.getOrDefault(m, new String[0]));
      } catch (Exception e) {
        throw new IllegalArgumentException(m + " refuses its options: " + (e.getMessage() == null
            ? e.getClass().getName() : e.getMessage()));
      }
    }
  }

  /** The command line recorded in commands.txt. */
  public RealBenchmark commandLine(String commandLine) {
    this.commandLine = commandLine;
    return this;
  }

  /** Where the progress goes and whether it is a terminal (default stderr, detected). */
  public RealBenchmark progressTo(PrintStream stream, boolean isTerminal) {
    this.progressStream = stream;
    this.terminal = isTerminal;
    return this;
  }

  /**
   * Runs every (data set, method) of this shard not yet in results.csv.
   *
   * @param out receives one line per finished or failed run, and notes (skipped methods, a
   *     repaired file)
   * @throws IOException if the data cannot be read or results.csv cannot be read or written
   */
  public Outcome run(PrintStream out) throws IOException {
    List<RealDataSets.DataSet> all = RealDataSets.load(dataDir);
    Files.createDirectories(outDir);
    RealDataInfo.update(outDir.resolve(RealDataInfo.FILE), all);
    List<BenchRun> usable = new ArrayList<>();
    List<BenchMethod> unavailable = new ArrayList<>();
    for (BenchMethod m : methods) {
      if (m.isAvailable()) {
        usable.add(BenchRun.of(m, extraOptions.getOrDefault(m, new String[0])));
      } else {
        unavailable.add(m);
        out.println("skipping " + m + ": " + m.className() + " is not on the class path");
      }
    }
    CsvResultsFile<RealRow> results = CsvResultsFile.open(outDir.resolve(RESULTS),
        RealRow.FORMAT);
    if (results.repair() != null) {
      out.println("repaired " + results.path() + ": dropped " + results.repair()
          + " (left by an interrupted run)");
    }

    List<RealDataSets.DataSet> pendingSets = new ArrayList<>();
    List<BenchRun> pendingRuns = new ArrayList<>();
    int skipped = 0;
    for (RealDataSets.DataSet ds : shard.of(all)) {
      for (BenchRun r : usable) {
        if (results.isComplete(RealRow.key(ds.name(), r.label()))) {
          skipped++;
        } else {
          pendingSets.add(ds);
          pendingRuns.add(r);
        }
      }
    }
    if (pendingSets.isEmpty()) {
      out.println("nothing to run: all " + skipped + " (data set, method) runs are in "
          + results.path());
      return new Outcome(0, skipped, List.of(), unavailable);
    }
    CommandLog.append(outDir, commandLine);
    out.printf(Locale.ROOT, "%d run(s) to do, %d already in %s%n", pendingSets.size(), skipped,
        results.path());

    int ran = 0;
    List<String> failed = new ArrayList<>();
    try (BenchProgress progress = new BenchProgress("bench real", progressStream, terminal,
        skipped + pendingSets.size(), skipped,
        pendingRuns.stream().map(BenchRun::label).toList(), priorTimes(results.rows()))) {
      for (int i = 0; i < pendingSets.size(); i++) {
        if (Thread.currentThread().isInterrupted()) {
          break;
        }
        RealDataSets.DataSet ds = pendingSets.get(i);
        BenchRun run = pendingRuns.get(i);
        results.refresh();
        if (results.isComplete(RealRow.key(ds.name(), run.label()))) {
          progress.doneElsewhere(run.label()); // by another process sharing the file
          continue;
        }
        String name = ds.name() + " " + run;
        progress.started(ds.name(), run.label());
        RealRow row;
        try {
          row = runOne(ds, run);
        } catch (Exception e) {
          progress.ended(false, 0);
          failed.add(ds.name() + " / " + run);
          progress.println(out, name + ": FAILED: " + (e.getMessage() == null
              ? e.getClass().getName() : e.getMessage()));
          continue;
        }
        boolean written = results.append(List.of(row));
        progress.ended(true, row.seconds());
        ran++;
        progress.println(out, describe(name, row)
            + (written ? "" : " (not written: another process wrote it first)"));
      }
    }
    return new Outcome(ran, skipped, failed, unavailable);
  }

  /** Cross-validates {@code run}'s classifier on {@code ds}. */
  RealRow runOne(RealDataSets.DataSet ds, BenchRun run) throws Exception {
    CrossValidation.Result r = CrossValidation.run(run.create(), ds.data(), folds, seed);
    Evaluation e = r.evaluation();
    return new RealRow(ds.name(), run.label(), ds.data().numInstances(), ds.inputs(), folds,
        seed, e.correlationCoefficient(), e.rootMeanSquaredError(), e.meanAbsoluteError(),
        e.relativeAbsoluteError(), r.meanNonZero(), r.seconds());
  }

  /** Earlier sessions' seconds per method, for the first ETAs. */
  private static Map<String, List<Double>> priorTimes(List<RealRow> rows) {
    Map<String, List<Double>> times = new LinkedHashMap<>();
    for (RealRow r : rows) {
      times.computeIfAbsent(r.method(), k -> new ArrayList<>()).add(r.seconds());
    }
    return times;
  }

  private static String describe(String name, RealRow row) {
    StringBuilder sb = new StringBuilder(name).append(String.format(Locale.ROOT,
        ": correlation %.4f, RMSE %.4g", row.correlation(), row.rmse()));
    if (row.nonZero() != null) {
      sb.append(String.format(Locale.ROOT, ", non-zero %.1f", row.nonZero()));
    }
    sb.append(String.format(Locale.ROOT, ", %d folds in %.1f s", row.folds(), row.seconds()));
    return sb.toString();
  }
}
