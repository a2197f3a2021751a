package swatnn.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import swatnn.weka.ProgressPrinter;

/**
 * Writes {@code <out>/README.md} from the real-data benchmark's {@code <out>/results.csv}: the
 * sessions' command lines, which methods ran on which data sets, summary lines comparing SWATNN
 * with each other method (on how many data sets its correlation is at least the other's, the
 * median RMSE ratio), which method has the best correlation how often, a correlation table over
 * all data sets and a table per data set. Every comparison is made over the data sets that have
 * both of its methods. The inputs' kinds (nominal, missing values) come from
 * {@code <out>/datasets.csv} ({@link RealDataInfo}) when it is there.
 */
public final class RealReport extends GeneratedReport {
  /** The generated report's name in the output folder. */
  public static final String README = GeneratedReport.README;

  private static final String SWAT = BenchMethod.SWATNN.label();
  /** The methods the summary always compares SWATNN with, named even without results. */
  private static final List<String> COMPARED = List.of(BenchMethod.LINEAR_REGRESSION.label(),
      BenchMethod.MLP_7_7.label(), BenchMethod.RANDOM_FOREST.label());

  /** Data set (in name order, ignoring case) to method to its row; the last row wins. */
  private final Map<String, Map<String, RealRow>> rows =
      new TreeMap<>(String.CASE_INSENSITIVE_ORDER.thenComparing(Comparator.naturalOrder()));
  private final List<String> methods;
  /** datasets.csv's descriptions by data set name; empty for a folder without the file. */
  private final Map<String, RealDataInfo> info;

  private RealReport(List<RealRow> all, Map<String, RealDataInfo> info) {
    this.info = info;
    Set<String> seen = new LinkedHashSet<>();
    for (RealRow r : all) {
      rows.computeIfAbsent(r.dataset(), k -> new LinkedHashMap<>()).put(r.method(), r);
      seen.add(r.method());
    }
    // the benchmark's own order first, then any other label in the order first seen
    List<String> order = new ArrayList<>();
    for (BenchMethod m : RealBenchmark.DEFAULT_METHODS) {
      order.add(m.label());
    }
    for (BenchMethod m : BenchMethod.values()) {
      if (!order.contains(m.label())) {
        order.add(m.label());
      }
    }
    List<String> present = new ArrayList<>(order.stream().filter(seen::contains).toList());
    seen.stream().filter(m -> !order.contains(m)).forEach(present::add);
    this.methods = present;
  }

  /**
   * Writes README.md into {@code outDir}, atomically.
   *
   * @return its path
   * @throws IOException if results.csv is absent or cannot be read, or README.md cannot be
   *     written
   */
  public static Path write(Path outDir) throws IOException {
    Path csv = outDir.resolve(RealBenchmark.RESULTS);
    if (!Files.exists(csv)) {
      throw new IOException("no " + csv + " to report on (run the benchmark first)");
    }
    RealReport r = new RealReport(CsvResultsFile.read(csv, RealRow.FORMAT),
        RealDataInfo.read(outDir.resolve(RealDataInfo.FILE)));
    r.build(outDir);
    return r.writeTo(outDir);
  }

  private void build(Path outDir) throws IOException {
    preamble("bench real", "Real-data benchmark results", outDir);
    line("Each data set is an ARFF file of the data folder, its last attribute the numeric class."
        + " Every method is evaluated by " + describeFolds() + " cross-validation done as Weka's"
        + " `Evaluation.crossValidateModel` does it: the same folds for every method, all folds'"
        + " predictions pooled. *Correlation*, *RMSE*, *MAE* and *RAE* (relative absolute error,"
        + " against predicting the training fold's mean) are Weka's figures; RMSE and MAE are in"
        + " the class's units. *Non-zeros*: the mean over the folds of the selected network's"
        + " non-zero count (weights, biases of active neurons, output bias). *Seconds*: wall time"
        + " of the whole cross-validation." + (info.isEmpty() ? "" : " *Inputs*: the input"
        + " attributes, with how many of them are nominal and whether any of their values is"
        + " missing (from [`datasets.csv`](" + RealDataInfo.FILE + "))."));
    line("");
    coverage();
    summary();
    correlationTable();
    perDataSet();
  }

  private String describeFolds() {
    Set<String> kinds = new LinkedHashSet<>();
    for (Map<String, RealRow> byMethod : rows.values()) {
      for (RealRow r : byMethod.values()) {
        kinds.add(r.folds() + "-fold (seed " + r.seed() + ")");
      }
    }
    if (kinds.isEmpty()) {
      return "k-fold";
    }
    if (kinds.size() == 1) {
      return kinds.iterator().next();
    }
    return "k-fold (mixed: " + String.join(", ", kinds) + ")";
  }

  private void coverage() {
    line("## Coverage");
    line("");
    int n = rows.size();
    line("- " + n + " data set" + (n == 1 ? "" : "s") + ": " + String.join(", ", rows.keySet()));
    for (String m : methods) {
      List<String> missing = new ArrayList<>();
      for (Map.Entry<String, Map<String, RealRow>> e : rows.entrySet()) {
        if (!e.getValue().containsKey(m)) {
          missing.add(e.getKey());
        }
      }
      line("- " + m + ": " + (missing.isEmpty() ? "all " + n + " data sets"
          : (n - missing.size()) + " of " + n + " data sets (missing " + String.join(", ",
              missing) + ")"));
    }
    line("");
  }

  private void summary() {
    line("## Summary");
    line("");
    List<String> others = new ArrayList<>();
    for (String m : methods) {
      if (!m.equals(SWAT)) {
        others.add(m);
      }
    }
    boolean anySwat = rows.values().stream().anyMatch(byMethod -> byMethod.containsKey(SWAT));
    if (anySwat) {
      for (String m : COMPARED) {
        if (!others.contains(m)) {
          others.add(m);
        }
      }
      for (String other : others) {
        line(correlationLine(other));
      }
      for (String other : others) {
        line(rmseLine(other));
      }
      line(nonZeroLine());
    } else {
      line("- No SWATNN results (yet), so no comparison with it.");
    }
    line(bestLine());
    line(timeLine());
    line("");
  }

  /**
   * "- SWATNN's correlation is at least X's on a of n data sets (lower on: ...)." over the data
   * sets with both results and finite correlations.
   */
  private String correlationLine(String other) {
    int atLeast = 0;
    int n = 0;
    int leftOut = 0;
    List<String> lower = new ArrayList<>();
    for (Map.Entry<String, Map<String, RealRow>> e : rows.entrySet()) {
      RealRow s = e.getValue().get(SWAT);
      RealRow o = e.getValue().get(other);
      if (s == null || o == null) {
        continue;
      }
      if (!Double.isFinite(s.correlation()) || !Double.isFinite(o.correlation())) {
        leftOut++;
        continue;
      }
      n++;
      if (s.correlation() >= o.correlation()) {
        atLeast++;
      } else {
        lower.add(e.getKey());
      }
    }
    if (n == 0) {
      return "- Correlation, SWATNN vs " + other + ": no data set has both results.";
    }
    StringBuilder sb = new StringBuilder(String.format(Locale.ROOT,
        "- SWATNN's correlation is at least %s's on %d of %d data set%s", other, atLeast, n,
        n == 1 ? "" : "s"));
    if (!lower.isEmpty()) {
      sb.append(" (lower on ").append(String.join(", ", lower)).append(')');
    }
    if (leftOut > 0) {
      sb.append("; ").append(leftOut).append(" left out (no finite correlation)");
    }
    return sb.append('.').toString();
  }

  /** "- RMSE ratio SWATNN / X over n data sets: median m, geometric mean g; lower on k." */
  private String rmseLine(String other) {
    List<Double> ratios = new ArrayList<>();
    int pairs = 0;
    for (Map<String, RealRow> byMethod : rows.values()) {
      RealRow s = byMethod.get(SWAT);
      RealRow o = byMethod.get(other);
      if (s == null || o == null) {
        continue;
      }
      pairs++;
      if (s.rmse() > 0 && o.rmse() > 0 && Double.isFinite(s.rmse())
          && Double.isFinite(o.rmse())) {
        ratios.add(s.rmse() / o.rmse());
      }
    }
    String what = "RMSE ratio SWATNN / " + other;
    if (pairs == 0) {
      return "- " + what + ": no data set has both results.";
    }
    if (ratios.isEmpty()) {
      return "- " + what + ": no data set with two positive, finite values.";
    }
    double[] v = ratios.stream().mapToDouble(Double::doubleValue).toArray();
    long lower = ratios.stream().filter(r -> r < 1).count();
    StringBuilder sb = new StringBuilder(String.format(Locale.ROOT,
        "- %s over %d data set%s: median %.3g, geometric mean %.3g; SWATNN's RMSE is lower on"
            + " %d", what, v.length, v.length == 1 ? "" : "s", Ratios.median(v),
        Ratios.geometricMean(v), lower));
    if (pairs > v.length) {
      sb.append(" (").append(pairs - v.length)
          .append(" data set(s) left out: a zero or non-finite RMSE)");
    }
    return sb.append('.').toString();
  }

  /**
   * "- Best correlation per data set: X on a, Y on b, ... of n data sets" over the data sets with
   * a finite correlation, ties counted for each method.
   */
  private String bestLine() {
    Map<String, Integer> wins = new LinkedHashMap<>();
    for (String m : methods) {
      wins.put(m, 0);
    }
    int n = 0;
    boolean ties = false;
    for (Map<String, RealRow> byMethod : rows.values()) {
      double best = byMethod.values().stream().mapToDouble(RealRow::correlation)
          .filter(Double::isFinite).max().orElse(Double.NaN);
      if (Double.isNaN(best)) {
        continue;
      }
      n++;
      int winners = 0;
      for (RealRow r : byMethod.values()) {
        if (r.correlation() == best) {
          wins.merge(r.method(), 1, Integer::sum);
          winners++;
        }
      }
      ties |= winners > 1;
    }
    if (n == 0) {
      return "- Best correlation per data set: no finite correlation.";
    }
    List<String> parts = new ArrayList<>();
    wins.entrySet().stream()
        .sorted((a, b) -> Integer.compare(b.getValue(), a.getValue())) // stable: method order
        .forEach(e -> parts.add(e.getKey() + " on " + e.getValue()));
    return "- Best correlation per data set" + (ties ? " (a tie counts for each)" : "") + ": "
        + String.join(", ", parts) + " of " + n + " data set" + (n == 1 ? "" : "s") + ".";
  }

  private String nonZeroLine() {
    List<Double> nz = new ArrayList<>();
    for (Map<String, RealRow> byMethod : rows.values()) {
      RealRow s = byMethod.get(SWAT);
      if (s != null && s.nonZero() != null) {
        nz.add(s.nonZero());
      }
    }
    if (nz.isEmpty()) {
      return "- SWATNN's networks: no results.";
    }
    double[] v = nz.stream().mapToDouble(Double::doubleValue).toArray();
    return String.format(Locale.ROOT, "- SWATNN's networks: median %.1f non-zeros (mean over"
        + " the folds; from %.1f to %.1f) over %d data set%s.", Ratios.median(v),
        nz.stream().mapToDouble(Double::doubleValue).min().orElseThrow(),
        nz.stream().mapToDouble(Double::doubleValue).max().orElseThrow(), v.length,
        v.length == 1 ? "" : "s");
  }

  private String timeLine() {
    StringBuilder sb = new StringBuilder("- Total cross-validation time:");
    boolean any = false;
    for (String m : methods) {
      double sum = 0;
      int n = 0;
      for (Map<String, RealRow> byMethod : rows.values()) {
        RealRow r = byMethod.get(m);
        if (r != null) {
          sum += r.seconds();
          n++;
        }
      }
      sb.append(any ? ";" : "").append(' ').append(m).append(' ')
          .append(ProgressPrinter.duration(sum)).append(" (").append(n)
          .append(n == 1 ? " data set)" : " data sets)");
      any = true;
    }
    return any ? sb.append('.').toString() : "- Total cross-validation time: no results.";
  }

  private void correlationTable() {
    line("## Correlation per data set");
    line("");
    line("`-`: no result; the best of each row in bold.");
    line("");
    StringBuilder head = new StringBuilder("| data set | rows | inputs |");
    StringBuilder rule = new StringBuilder("|---|---:|---:|");
    for (String m : methods) {
      head.append(' ').append(m).append(" |");
      rule.append("---:|");
    }
    line(head.toString());
    line(rule.toString());
    for (Map.Entry<String, Map<String, RealRow>> e : rows.entrySet()) {
      RealRow any = e.getValue().values().iterator().next();
      double best = e.getValue().values().stream().mapToDouble(RealRow::correlation)
          .filter(Double::isFinite).max().orElse(Double.NaN);
      StringBuilder sb = new StringBuilder("| ").append(e.getKey()).append(" | ")
          .append(any.rows()).append(" | ").append(inputs(any).describeInputs()).append(" |");
      for (String m : methods) {
        RealRow r = e.getValue().get(m);
        String cell = r == null ? "-" : correlation(r.correlation());
        if (r != null && r.correlation() == best) {
          cell = "**" + cell + "**";
        }
        sb.append(' ').append(cell).append(" |");
      }
      line(sb.toString());
    }
    line("");
  }

  private void perDataSet() {
    line("## Results per data set");
    line("");
    for (Map.Entry<String, Map<String, RealRow>> e : rows.entrySet()) {
      RealRow any = e.getValue().values().iterator().next();
      String kinds = inputs(any).kinds();
      line(String.format(Locale.ROOT, "### %s (%d rows, %d input%s%s)", e.getKey(), any.rows(),
          any.inputs(), any.inputs() == 1 ? "" : "s", kinds.isEmpty() ? ""
              : ": " + kinds.replace("missing", "missing values")));
      line("");
      line("| method | correlation | RMSE | MAE | RAE % | non-zeros | seconds |");
      line("|---|---:|---:|---:|---:|---:|---:|");
      for (String m : methods) {
        RealRow r = e.getValue().get(m);
        if (r == null) {
          continue;
        }
        line(String.format(Locale.ROOT, "| %s | %s | %.4g | %.4g | %.1f | %s | %.1f |", m,
            correlation(r.correlation()), r.rmse(), r.mae(), r.raePercent(),
            r.nonZero() == null ? "-" : String.format(Locale.ROOT, "%.1f", r.nonZero()),
            r.seconds()));
      }
      line("");
    }
  }

  /**
   * The data set's description from datasets.csv when it matches the row's rows and inputs
   * (the data may have changed since), otherwise one that only knows those.
   */
  private RealDataInfo inputs(RealRow r) {
    RealDataInfo d = info.get(r.dataset());
    if (d != null && d.rows() == r.rows() && d.inputs() == r.inputs()) {
      return d;
    }
    return new RealDataInfo(r.dataset(), r.rows(), r.inputs(), 0, 0);
  }

  private static String correlation(double v) {
    return Double.isFinite(v) ? String.format(Locale.ROOT, "%.4f", v) : "n/a";
  }
}
