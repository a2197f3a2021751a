package swatnn.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.Set;
import swatnn.bench.BenchMethod;
import swatnn.bench.CornnBenchmark;
import swatnn.bench.CornnReport;
import swatnn.cornn.CornnFunction;
import weka.core.Utils;

/**
 * {@code swatnn bench cornn}: runs the benchmark methods over the CORNN tasks into
 * {@code results.csv} (resuming an earlier run), then writes the report and its figures.
 */
public final class BenchCornnCommand implements Subcommand {

  static final String DEFAULT_DATA = "../shared/cornn/data";
  static final String DEFAULT_OUT = "benchmarks/cornn";

  @Override
  public String name() {
    return "bench cornn";
  }

  @Override
  public String summary() {
    return "run SWATNN, DARTS_ADMM and Weka's regressors on the 54 CORNN tasks; write a report";
  }

  @Override
  public String usage() {
    return """
        usage: swatnn bench cornn [--data DIR] [--out DIR] [--tasks LIST] [--methods LIST]
                                  [--swatnn-options "..."] [--darts-options "..."]
                                  [--shard I/N] [--report-only]

        Trains each method on each CORNN task's scaled training set and scores it on the
        test set (MSE on the scaled labels), task by task in F-number order, appending to
        OUT/results.csv:
          task,method,config,test_mse,nonzero,active_neurons,train_seconds
        The searches (SWATNN, DARTS_ADMM) give one row per configuration k1..k4 and one
        'selected' row; the other methods one '-' row. Runs already in results.csv are
        skipped, so after a kill the same command continues (a torn last line is repaired).
        Then writes OUT/README.md (tables and summaries, F53 and F54 apart) and the figures
        OUT/figure-mse-vs-nonzero.png, OUT/figure-selected.png and OUT/figure-frontier.png.

        options:
          --data DIR            scaled ARFF pairs <Stem>_train.arff/_test.arff, or the
                                official CORNN CSV files, imported into OUT/arff
                                (default ../shared/cornn/data)
          --out DIR             output folder (default benchmarks/cornn)
          --tasks LIST          names, file stems or numbers, e.g. F1,Booth,13 (default all 54)
          --methods LIST        of SWATNN, DARTS_ADMM, MLP_7_7, MLP_default, RandomForest,
                                LinearRegression, M5P (default all but M5P; a method whose
                                class is not on the class path is skipped with a message)
          --swatnn-options ".." SWATNNRegressor options, e.g. "-steps 50" (default: defaults)
          --darts-options ".."  DartsAdmmRegressor options (default: its defaults)
          --shard I/N           only every N-th task from the I-th (0-based): start N
                                processes, one per core, with 0/N .. N-1/N on the same OUT;
                                they share results.csv safely
          --report-only         only rewrite the report from OUT/results.csv
        Progress goes to stderr; one line per finished run to stdout. Exit code 1 if a run
        failed (it is left out of results.csv, and retried by the next run).
        """;
  }

  @Override
  public int run(List<String> args, PrintStream out) throws Exception {
    Options o = Options.parse(args, Set.of("data", "out", "tasks", "methods", "swatnn-options",
        "darts-options", "shard"), Set.of("report-only"));
    Path outDir = outDir(o, DEFAULT_OUT);
    int failed = 0;
    if (!o.has("report-only")) {
      CornnBenchmark bench = benchmark(o, name(), args, outDir);
      try {
        if (o.hasValue("methods")) {
          bench.methods(BenchMethod.parseList(o.get("methods", "")));
        }
      } catch (IllegalArgumentException e) {
        throw new UsageException(e.getMessage());
      }
      bench.options(BenchMethod.SWATNN, splitOptions("swatnn-options", o));
      bench.options(BenchMethod.DARTS_ADMM, splitOptions("darts-options", o));
      failed = runAndSay(bench, out);
    }
    Path readme = CornnReport.write(outDir);
    out.println("wrote " + readme + ", " + outDir.resolve(CornnReport.FIGURE_POINTS) + ", "
        + outDir.resolve(CornnReport.FIGURE_SELECTED) + " and "
        + outDir.resolve(CornnReport.FIGURE_FRONTIER));
    return failed == 0 ? 0 : 1;
  }

  /** The --out folder (refusing positional arguments and a file in its place). */
  static Path outDir(Options o, String defaultOut) throws UsageException {
    if (!o.positional().isEmpty()) {
      throw new UsageException("unexpected argument '" + o.positional().get(0) + "'");
    }
    Path outDir = Paths.get(o.get("out", defaultOut));
    if (Files.exists(outDir) && !Files.isDirectory(outDir)) {
      throw new UsageException("--out is not a directory: " + outDir);
    }
    return outDir;
  }

  /** A benchmark over --data's tasks (all 54, or --tasks) into {@code outDir}. */
  static CornnBenchmark benchmark(Options o, String command, List<String> args, Path outDir)
      throws UsageException {
    Path data = Paths.get(o.get("data", DEFAULT_DATA));
    if (!Files.isDirectory(data)) {
      throw new UsageException("--data: no directory " + data);
    }
    CornnBenchmark bench = new CornnBenchmark(data, outDir)
        .commandLine(commandLine(command, args)).progressName(command)
        .progressTo(System.err, Terminal.stderr());
    try {
      if (o.hasValue("tasks")) {
        bench.tasks(CornnFunction.parseList(o.get("tasks", "")));
      }
      if (o.hasValue("shard")) {
        int[] shard = shard(o);
        bench.shard(shard[0], shard[1]);
      }
    } catch (IllegalArgumentException e) {
      throw new UsageException(e.getMessage());
    }
    return bench;
  }

  /**
   * The --shard value I/N as {I, N}, not yet range-checked.
   *
   * @throws IllegalArgumentException unless it is two integers around a slash
   */
  static int[] shard(Options o) {
    String[] in = o.get("shard", "").split("/", -1);
    if (in.length != 2) {
      throw new IllegalArgumentException("--shard must be I/N, e.g. 0/2, got '"
          + o.get("shard", "") + "'");
    }
    try {
      return new int[] {Integer.parseInt(in[0].trim()), Integer.parseInt(in[1].trim())};
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("--shard must be I/N with integers, got '"
          + o.get("shard", "") + "'");
    }
  }

  /** Runs {@code bench}, says what it did; returns the number of failed runs. */
  static int runAndSay(CornnBenchmark bench, PrintStream out) throws IOException {
    CornnBenchmark.Outcome r = bench.run(out);
    int failed = r.failed().size();
    out.printf("ran %d, skipped %d (already done)%s%n", r.ran(), r.skipped(),
        failed == 0 ? "" : ", FAILED " + failed + ": " + String.join(", ", r.failed()));
    return failed;
  }

  static String[] splitOptions(String name, Options o) throws UsageException {
    try {
      return Utils.splitOptions(o.get(name, ""));
    } catch (Exception e) {
      throw new UsageException("--" + name + ": " + e.getMessage());
    }
  }

  /** The command as typed, quoting arguments that need it, for the report. */
  static String commandLine(String command, List<String> args) {
    StringBuilder sb = new StringBuilder("swatnn ").append(command);
    for (String a : args) {
      sb.append(' ');
      if (!a.isEmpty() && a.chars().allMatch(c -> Character.isLetterOrDigit(c)
          || "-_.,/=:+@".indexOf(c) >= 0)) {
        sb.append(a);
      } else {
        sb.append('\'').append(a.replace("'", "'\\''")).append('\'');
      }
    }
    return sb.toString();
  }
}
