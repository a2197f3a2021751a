package swatnn.robustness;

import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import swatnn.bench.CsvResultsFile;
import swatnn.io.AtomicFile;

/**
 * The long run of the messy-data check: {@code N} generated data sets ({@link
 * MessySpec#draw} within {@link MessySpec.Limits#LONG}), each built with both regressors by
 * {@link CaseCheck}; one CSV row per (case, classifier) appended and synced as it finishes
 * ({@link CsvResultsFile}: a rerun skips the cases already there), and a summary (counts by
 * verdict, unclear refusals by kind, per-message counts, example specs) rewritten atomically.
 * The ARFF text of every case with an outcome outside the promise is written beside them, in
 * {@code arff/}. Case {@code i} depends only on the seed and {@code i}.
 *
 * <p>Usage (benchmarks/messy-data/README.md): {@code MessyDataBenchmark [--cases N] [--seed S]
 * [--out DIR] [--timeout SECONDS] [--limits long|ci]}; defaults 1000 cases, seed 1,
 * benchmarks/messy-data/seed-SEED, 600 s, long.
 */
public final class MessyDataBenchmark {
  private MessyDataBenchmark() {}

  /**
   * Runs the benchmark.
   *
   * @param args the options above
   * @throws Exception if the results cannot be written
   */
  public static void main(String[] args) throws Exception {
    int cases = 1000;
    long seed = 1;
    Path out = null;
    Duration limit = Duration.ofSeconds(600);
    MessySpec.Limits limits = MessySpec.Limits.LONG;
    for (int i = 0; i < args.length; i++) {
      String v = i + 1 < args.length ? args[i + 1] : null;
      switch (args[i]) {
        case "--cases" -> cases = Integer.parseInt(v);
        case "--seed" -> seed = Long.parseLong(v);
        case "--out" -> out = Paths.get(v);
        case "--timeout" -> limit = Duration.ofSeconds(Long.parseLong(v));
        case "--limits" -> limits = v.equals("ci") ? MessySpec.Limits.CI : MessySpec.Limits.LONG;
        default -> throw new IllegalArgumentException("unknown option " + args[i]
            + "; options: --cases N --seed S --out DIR --timeout SECONDS --limits long|ci");
      }
      i++;
    }
    out = out != null ? out : Paths.get("benchmarks", "messy-data", "seed-" + seed);
    String run = "seed " + seed + ", limits " + (limits == MessySpec.Limits.CI ? "ci" : "long");
    CsvResultsFile<BenchmarkRow> results =
        CsvResultsFile.open(out.resolve("results.csv"), BenchmarkRow.FORMAT);
    for (BenchmarkRow r : results.rows()) {
      if (!r.run().equals(run)) {
        throw new IllegalStateException(results.path() + " holds a run with " + r.run()
            + ", not " + run + ": choose another --out");
      }
    }
    if (results.repair() != null) {
      System.err.println("repaired " + results.path() + ": dropped " + results.repair());
    }
    long t0 = System.nanoTime();
    int done = 0;
    for (int i = 0; i < cases; i++) {
      MessySpec spec = MessySpec.draw(new Random(seed * 1_000_003L + i), limits);
      MessyData.Generated data = null;
      for (SmallSearch s : SmallSearch.values()) {
        String key = i + "/" + s.classifierName();
        if (results.isComplete(key)) {
          continue;
        }
        data = data != null ? data : MessyData.generate(spec);
        Outcome o = CaseCheck.run(s, data, limit);
        results.append(List.of(new BenchmarkRow(run, i, spec.toString(), o)));
        if (!o.acceptable()) {
          AtomicFile.writeString(out.resolve("arff").resolve("case-" + i + ".arff"),
              data.arff());
        }
        System.err.printf(Locale.ROOT, "case %d/%d %s%n", i + 1, cases, o);
        done++;
      }
      if (data != null && (done % 20 == 0 || i == cases - 1)) {
        AtomicFile.writeString(out.resolve("summary.md"),
            BenchmarkSummary.of(results.rows(), run, limit));
      }
    }
    AtomicFile.writeString(out.resolve("summary.md"),
        BenchmarkSummary.of(results.rows(), run, limit));
    System.err.printf(Locale.ROOT, "%d builds in %.0f s; summary in %s%n", done,
        (System.nanoTime() - t0) / 1e9, out.resolve("summary.md"));
    System.exit(0); // a hung build's thread may still be running
  }

  /** Splits a CSV line of quoted or plain fields. */
  static List<String> splitCsv(String line) {
    List<String> fields = new ArrayList<>();
    StringBuilder f = new StringBuilder();
    boolean quoted = false;
    for (int i = 0; i < line.length(); i++) {
      char c = line.charAt(i);
      if (quoted) {
        if (c == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
          f.append('"');
          i++;
        } else if (c == '"') {
          quoted = false;
        } else {
          f.append(c);
        }
      } else if (c == '"') {
        quoted = true;
      } else if (c == ',') {
        fields.add(f.toString());
        f.setLength(0);
      } else {
        f.append(c);
      }
    }
    fields.add(f.toString());
    return fields;
  }

  /** A field quoted for CSV (line breaks folded to spaces). */
  static String quote(String s) {
    return "\"" + s.replace('\n', ' ').replace('\r', ' ').replace("\"", "\"\"") + "\"";
  }
}
