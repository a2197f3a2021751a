package swatnn.cli;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.Set;
import swatnn.bench.BenchMethod;
import swatnn.bench.RealBenchmark;
import swatnn.bench.RealReport;

/**
 * {@code swatnn bench real}: cross-validates SWATNN and Weka's regressors on every ARFF file of
 * a folder of real data sets into {@code results.csv} (resuming an earlier run), then writes the
 * report.
 */
public final class BenchRealCommand implements Subcommand {

  static final String DEFAULT_DATA = "data/real";
  static final String DEFAULT_OUT = "benchmarks/real";

  @Override
  public String name() {
    return "bench real";
  }

  @Override
  public String summary() {
    return "cross-validate SWATNN and Weka's regressors on real data sets; write a report";
  }

  @Override
  public String usage() {
    return """
        usage: swatnn bench real [--data DIR] [--out DIR] [--methods LIST]
                                 [--swatnn-options "..."] [--darts-options "..."]
                                 [--folds K] [--seed S] [--shard I/N] [--report-only]

        Runs a K-fold cross-validation of each method on every *.arff file of DIR (the class
        is the last attribute and must be numeric; nominal inputs and missing values are
        allowed), done as
        Weka's Evaluation.crossValidateModel does it (same folds for every method), data set
        by data set in name order, appending one row per (data set, method) to
        OUT/results.csv:
          dataset,method,rows,inputs,folds,seed,correlation,rmse,mae,rae_percent,nonzero,seconds
        (nonzero: mean over the folds of the selected network's non-zero count, for SWATNN
        and DARTS_ADMM; seconds: the whole cross-validation), and the data sets' rows, inputs,
        nominal inputs and missing values to OUT/datasets.csv. Runs already in results.csv are
        skipped whatever options they ran with, so after a kill the same command continues;
        use another OUT for other options. Then writes OUT/README.md: tables per data set and
        summary lines (SWATNN's correlation against each method's, median RMSE ratios).
        scripts/real-data.sh fetches the data sets into data/real.

        options:
          --data DIR            folder of ARFF files (default data/real)
          --out DIR             output folder (default benchmarks/real)
          --methods LIST        of SWATNN, DARTS_ADMM, MLP_7_7, MLP_default, RandomForest,
                                LinearRegression, M5P (default all but DARTS_ADMM)
          --swatnn-options ".." SWATNNRegressor options, e.g. "-steps 50" (default: defaults)
          --darts-options ".."  DartsAdmmRegressor options (default: its defaults)
          --folds K             folds of the cross-validation, at least 2 (default 10)
          --seed S              seed of the fold assignment (default 1)
          --shard I/N           only every N-th data set from the I-th (0-based): start N
                                processes, one per core, with 0/N .. N-1/N on the same OUT;
                                they share results.csv safely
          --report-only         only rewrite the report from OUT/results.csv
        Progress goes to stderr; one line per finished run to stdout. Exit code 1 if a run
        failed (it is left out of results.csv, and retried by the next run).
        """;
  }

  @Override
  public int run(List<String> args, PrintStream out) throws Exception {
    Options o = Options.parse(args, Set.of("data", "out", "methods", "swatnn-options",
        "darts-options", "folds", "seed", "shard"), Set.of("report-only"));
    Path outDir = BenchCornnCommand.outDir(o, DEFAULT_OUT);
    int failed = 0;
    if (!o.has("report-only")) {
      RealBenchmark bench = benchmark(o, args, outDir);
      RealBenchmark.Outcome r = bench.run(out);
      failed = r.failed().size();
      out.printf("ran %d, skipped %d (already done)%s%n", r.ran(), r.skipped(),
          failed == 0 ? "" : ", FAILED " + failed + ": " + String.join(", ", r.failed()));
    }
    out.println("wrote " + RealReport.write(outDir));
    return failed == 0 ? 0 : 1;
  }

  /** The benchmark the options describe, every argument checked. */
  private RealBenchmark benchmark(Options o, List<String> args, Path outDir)
      throws UsageException {
    Path data = Paths.get(o.get("data", DEFAULT_DATA));
    if (!Files.isDirectory(data)) {
      throw new UsageException("--data: no directory " + data
          + " (scripts/real-data.sh fetches the data sets into data/real)");
    }
    int folds = o.getInt("folds", RealBenchmark.DEFAULT_FOLDS);
    long seed = o.getLong("seed", RealBenchmark.DEFAULT_SEED);
    RealBenchmark bench = new RealBenchmark(data, outDir)
        .commandLine(BenchCornnCommand.commandLine(name(), args)).seed(seed)
        .progressTo(System.err, Terminal.stderr());
    try {
      bench.folds(folds);
      if (o.hasValue("methods")) {
        bench.methods(BenchMethod.parseList(o.get("methods", "")));
      }
      if (o.hasValue("shard")) {
        int[] shard = BenchCornnCommand.shard(o);
        bench.shard(shard[0], shard[1]);
      }
    } catch (IllegalArgumentException e) {
      throw new UsageException(e.getMessage());
    }
    bench.options(BenchMethod.SWATNN, BenchCornnCommand.splitOptions("swatnn-options", o));
    bench.options(BenchMethod.DARTS_ADMM, BenchCornnCommand.splitOptions("darts-options", o));
    try {
      bench.checkOptions();
    } catch (IllegalArgumentException e) {
      throw new UsageException(e.getMessage());
    }
    return bench;
  }
}
