package swatnn.robustness;

import java.util.List;
import java.util.Locale;
import swatnn.bench.CsvRowFormat;

/**
 * One line of the messy-data benchmark's results.csv: a (case, classifier) and its outcome.
 *
 * @param run the run's seed and limits, e.g. "seed 1, limits long"
 * @param caseIndex the case's index within the run
 * @param spec the case's {@link MessySpec#toString()}
 * @param outcome what happened
 */
public record BenchmarkRow(String run, int caseIndex, String spec, Outcome outcome) {

  /** The CSV format: one row per block. */
  public static final CsvRowFormat<BenchmarkRow> FORMAT = new CsvRowFormat<>() {
    @Override
    public String header() {
      return "run,case,classifier,verdict,kind,seconds,spec,origin,message";
    }

    @Override
    public String toCsv(BenchmarkRow r) {
      Outcome o = r.outcome();
      return String.join(",", MessyDataBenchmark.quote(r.run()), Integer.toString(r.caseIndex()),
          o.classifier(), o.verdict().name(), o.kind().name(),
          String.format(Locale.ROOT, "%.2f", o.seconds()), MessyDataBenchmark.quote(r.spec()),
          MessyDataBenchmark.quote(o.origin()), MessyDataBenchmark.quote(o.message()));
    }

    @Override
    public BenchmarkRow parse(String line) {
      List<String> f = MessyDataBenchmark.splitCsv(line);
      if (f.size() != 9) {
        throw new IllegalArgumentException("expected 9 fields, got " + f.size());
      }
      try {
        return new BenchmarkRow(f.get(0), Integer.parseInt(f.get(1)), f.get(6), new Outcome(
            f.get(2), Outcome.Verdict.valueOf(f.get(3)), Outcome.Kind.valueOf(f.get(4)),
            f.get(8), f.get(7), Double.parseDouble(f.get(5))));
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException("unreadable field: " + e.getMessage(), e);
      }
    }

    @Override
    public boolean isFinal(BenchmarkRow row) {
      return true;
    }

    @Override
    public String blockKey(BenchmarkRow row) {
      return row.caseIndex() + "/" + row.outcome().classifier();
    }
  };
}
