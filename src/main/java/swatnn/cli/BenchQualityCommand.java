package swatnn.cli;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import swatnn.bench.CornnBenchmark;
import swatnn.bench.QualityReport;
import swatnn.bench.QualityStudy;

/**
 * {@code swatnn bench quality}: SWATNNRegressor's defaults against one-option variants and two
 * Weka baselines on ten CORNN tasks ({@link QualityStudy}), resumable like {@code bench cornn}.
 */
public final class BenchQualityCommand implements Subcommand {

  static final String DEFAULT_OUT = "benchmarks/quality";

  @Override
  public String name() {
    return "bench quality";
  }

  @Override
  public String summary() {
    return "SWATNN's defaults against polish, one restart and the other init on 10 CORNN tasks";
  }

  @Override
  public String usage() {
    return """
        usage: swatnn bench quality [--data DIR] [--out DIR] [--tasks LIST]
                                    [--swatnn-options "..."] [--shard I/N] [--report-only]

        Runs on F53, F54, Booth, Exponential, Himmelblau, Adjiman, Bird, Ackley, Drop-Wave
        and Egg Crate (official data): SWATNNRegressor with its defaults (SWATNN), with
        -polish (SWATNN_polish), with -restarts 1 (SWATNN_R1) and with the -init it does not
        use by default (SWATNN_init_...), MultilayerPerceptron -H 7,7 and LinearRegression.
        Rows go to OUT/results.csv as in 'bench cornn' (same columns, same resuming); then
        OUT/README.md compares each variant with the defaults (test MSE, non-zero count,
        polish at equal non-zero count) and SWATNN with the two baselines.

        options:
          --data DIR            scaled ARFF pairs or the official CSV files, as for
                                'bench cornn' (default ../shared/cornn/data)
          --out DIR             output folder (default benchmarks/quality)
          --tasks LIST          other tasks instead of the ten, e.g. F1,Booth,13
          --swatnn-options ".." options for every SWATNN variant, e.g. "-steps 50"; not
                                -polish, -restarts or -init, which the variants set
          --shard I/N           every N-th task from the I-th, as for 'bench cornn'
          --report-only         only rewrite OUT/README.md from OUT/results.csv
        Progress goes to stderr; one line per finished run to stdout. Exit code 1 if a run
        failed (it is left out of results.csv, and retried by the next run).
        """;
  }

  @Override
  public int run(List<String> args, PrintStream out) throws Exception {
    Options o = Options.parse(args, Set.of("data", "out", "tasks", "swatnn-options", "shard"),
        Set.of("report-only"));
    Path outDir = BenchCornnCommand.outDir(o, DEFAULT_OUT);
    int failed = 0;
    if (!o.has("report-only")) {
      // the study's tasks unless --tasks names others
      CornnBenchmark bench = BenchCornnCommand.benchmark(o, name(), args, outDir);
      if (!o.hasValue("tasks")) {
        bench.tasks(QualityStudy.TASKS);
      }
      try {
        bench.runs(QualityStudy.runs(BenchCornnCommand.splitOptions("swatnn-options", o)));
      } catch (IllegalArgumentException e) {
        throw new UsageException(e.getMessage());
      }
      failed = BenchCornnCommand.runAndSay(bench, out);
    }
    out.println("wrote " + QualityReport.write(outDir));
    return failed == 0 ? 0 : 1;
  }
}
