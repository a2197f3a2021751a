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

/**
 * The planted-network benchmark's README.md, generated from results.csv and generators.csv: per
 * method and seed the recovery count and rate, the median non-zeros over the generator's, the
 * median test RMSE over the target's SD and the median seconds; per method the sets recovered
 * on every seed; then one row per (set, method, seed).
 */
public final class PlantedReport extends GeneratedReport {
  private final List<PlantedRow> rows;

  private PlantedReport(List<PlantedRow> rows) {
    this.rows = rows;
  }

  /**
   * Writes README.md into {@code outDir}, atomically.
   *
   * @return its path
   * @throws IOException if results.csv is absent or unreadable, or README.md cannot be written
   */
  public static Path write(Path outDir) throws IOException {
    Path csv = outDir.resolve(PlantedBenchmark.RESULTS);
    if (!Files.exists(csv)) {
      throw new IOException("no " + csv + " to report on (run the benchmark first)");
    }
    PlantedReport r = new PlantedReport(CsvResultsFile.read(csv, PlantedRow.FORMAT));
    r.build(outDir);
    return r.writeTo(outDir);
  }

  private void build(Path outDir) throws IOException {
    preamble("bench planted", "Planted-network benchmark results", outDir);
    line("Each set's target is a sparse network drawn from SWAT-NN's search space (up to 4 hidden"
        + " layers of up to 7 sigmoid, tanh or leaky ReLU neurons; every input used, every neuron"
        + " alive), inputs uniform in [-1, 1], 1000 training rows (Gaussian noise on the target"
        + " of the noisy sets) and 1000 noiseless test rows: [`generators.csv`](generators.csv),"
        + " the networks in [`generators.txt`](generators.txt). Generator seed "
        + PlantedSuite.TUNING_SEED + " (sets `g" + PlantedSuite.TUNING_SEED + "-*`) is the"
        + " tuning suite; sets drawn with other generator seeds are the held-out test.");
    line("");
    line("Each method is built on the training file with its default options and `-S seed` (as"
        + " `weka.Run -t train -T test` builds it) and scored on the noiseless test file. A set is"
        + " *recovered* when the test RMSE is at most " + pct(RecoveryRule.NOISELESS_RMSE)
        + " of the target's SD (noiseless) or at most " + RecoveryRule.NOISY_RMSE
        + "x the noise SD (noisy), with at most " + RecoveryRule.NONZERO_RATIO + "x the"
        + " generator's non-zeros. *Non-zeros*: the selected network's count (non-zero weights,"
        + " biases of active neurons, output bias) for SWATNN and DARTS_ADMM, every weight and"
        + " bias for MLP_7_7. *Seconds*: building and testing. Model texts: `models/<set>/`.");
    if (rows.stream().anyMatch(r -> r.method().startsWith(StructureOracle.LABEL))) {
      line("");
      line(StructureOracle.LABEL + " rows are a reference, not a method (`StructureOracle`): each"
          + " generator's own structure fitted by Levenberg-Marquardt from random starts (the best"
          + " by training MSE), or, for " + StructureOracle.LABEL + "_pX, from the generator's own"
          + " weights each multiplied by (1 + X N(0, 1)). Their non-zeros are the fitted"
          + " generator's; they write no model text; commands.txt says how many starts they"
          + " used.");
    }
    line("");
    line("To run it (resumable: runs already in results.csv are skipped; `--shard I/N` splits the"
        + " sets between processes), regenerate this report, or draw a held-out suite:");
    line("");
    line("    bin/swatnn bench planted --out benchmarks/planted --seeds 1,2"
        + " --methods SWATNN,MLP_7_7");
    line("    bin/swatnn bench planted --out benchmarks/planted --seeds 1 --methods DARTS_ADMM");
    line("    bin/swatnn bench planted --out benchmarks/planted --report-only");
    line("    bin/swatnn bench planted --out benchmarks/planted-g2 --generator-seed 2");
    line("");
    summary();
    everySeed();
    perSet();
  }

  private void summary() {
    line("## Recovery per method and seed");
    line("");
    line("| method | seed | sets | recovered | rate | median non-zeros / generator's"
        + " | median RMSE / target SD | median seconds |");
    line("|---|---:|---:|---:|---:|---:|---:|---:|");
    for (Map.Entry<String, List<PlantedRow>> e : byMethodSeed().entrySet()) {
      List<PlantedRow> rs = e.getValue();
      long rec = rs.stream().filter(PlantedRow::recovered).count();
      line(String.format(Locale.ROOT, "| %s | %d | %d | %d | %.0f%% | %.2f | %.3g | %.1f |",
          rs.get(0).method(), rs.get(0).seed(), rs.size(), rec, 100.0 * rec / rs.size(),
          Ratios.median(rs.stream().mapToDouble(PlantedRow::nonZeroRatio).toArray()),
          Ratios.median(rs.stream().mapToDouble(PlantedRow::relativeRmse).toArray()),
          Ratios.median(rs.stream().mapToDouble(PlantedRow::seconds).toArray())));
    }
    line("");
    line("Noiseless and noisy sets apart, and each half of the rule alone (*accurate*: the RMSE"
        + " bound holds; *sparse*: at most " + RecoveryRule.NONZERO_RATIO + "x the generator's"
        + " non-zeros):");
    line("");
    line("| method | seed | noiseless recovered | noisy recovered | accurate | sparse |");
    line("|---|---:|---:|---:|---:|---:|");
    for (List<PlantedRow> rs : byMethodSeed().values()) {
      long clean = rs.stream().filter(r -> r.noiseSd() == 0).count();
      long cleanRec = rs.stream().filter(r -> r.noiseSd() == 0 && r.recovered()).count();
      long noisyRec = rs.stream().filter(r -> r.noiseSd() > 0 && r.recovered()).count();
      long accurate = rs.stream().filter(r -> r.rmse() <= RecoveryRule.rmseBound(r.targetSd(),
          r.noiseSd())).count();
      long sparse = rs.stream().filter(r -> r.nonZero() <= RecoveryRule.NONZERO_RATIO
          * r.generatorNonZero()).count();
      line(String.format(Locale.ROOT, "| %s | %d | %d of %d | %d of %d | %d of %d | %d of %d |",
          rs.get(0).method(), rs.get(0).seed(), cleanRec, clean, noisyRec, rs.size() - clean,
          accurate, rs.size(), sparse, rs.size()));
    }
    line("");
  }

  private void everySeed() {
    Map<String, Set<Long>> seedsOf = new LinkedHashMap<>();
    for (PlantedRow r : rows) {
      seedsOf.computeIfAbsent(r.method(), k -> new LinkedHashSet<>()).add(r.seed());
    }
    List<String> lines = new ArrayList<>();
    for (Map.Entry<String, Set<Long>> e : seedsOf.entrySet()) {
      if (e.getValue().size() < 2) {
        continue;
      }
      Map<String, List<PlantedRow>> bySet = new TreeMap<>();
      rows.stream().filter(r -> r.method().equals(e.getKey()))
          .forEach(r -> bySet.computeIfAbsent(r.set(), k -> new ArrayList<>()).add(r));
      int complete = 0;
      int all = 0;
      for (List<PlantedRow> rs : bySet.values()) {
        if (rs.size() == e.getValue().size()) {
          complete++;
          all += rs.stream().allMatch(PlantedRow::recovered) ? 1 : 0;
        }
      }
      lines.add(String.format(Locale.ROOT, "- %s: recovered on every one of seeds %s on %d of"
          + " %d sets (%.0f%%).", e.getKey(), e.getValue(), all, complete,
          complete == 0 ? 0.0 : 100.0 * all / complete));
    }
    if (!lines.isEmpty()) {
      line("## Recovered on every seed");
      line("");
      lines.forEach(this::line);
      line("");
    }
  }

  private void perSet() {
    line("## Per set");
    line("");
    line("`yes`: recovered. RMSE / SD: test RMSE over the noiseless target's SD.");
    line("");
    line("| set | inputs | layers | generator non-zeros | target SD | noise SD | method | seed"
        + " | recovered | non-zeros | RMSE | RMSE / SD | seconds |");
    line("|---|---:|---:|---:|---:|---:|---|---:|---|---:|---:|---:|---:|");
    List<PlantedRow> sorted = new ArrayList<>(rows);
    sorted.sort(Comparator.comparing(PlantedRow::set).thenComparing(PlantedRow::method)
        .thenComparingLong(PlantedRow::seed));
    for (PlantedRow r : sorted) {
      line(String.format(Locale.ROOT, "| %s | %d | %d | %d | %.4g | %s | %s | %d | %s | %d |"
          + " %.4g | %.3g | %.1f |", r.set(), r.inputs(), r.layers(), r.generatorNonZero(),
          r.targetSd(), r.noiseSd() == 0 ? "0" : String.format(Locale.ROOT, "%.4g",
              r.noiseSd()), r.method(), r.seed(), r.recovered() ? "yes" : "no", r.nonZero(),
          r.rmse(), r.relativeRmse(), r.seconds()));
    }
    line("");
  }

  /** Rows per (method, seed), methods in first-seen order, seeds ascending. */
  private Map<String, List<PlantedRow>> byMethodSeed() {
    List<String> methods = rows.stream().map(PlantedRow::method).distinct().toList();
    Map<String, List<PlantedRow>> out = new LinkedHashMap<>();
    for (String m : methods) {
      rows.stream().filter(r -> r.method().equals(m)).map(PlantedRow::seed).distinct().sorted()
          .forEach(s -> out.put(m + " " + s, rows.stream()
              .filter(r -> r.method().equals(m) && r.seed() == s).toList()));
    }
    return out;
  }

  private static String pct(double fraction) {
    return String.format(Locale.ROOT, "%.0f%%", 100 * fraction);
  }
}
