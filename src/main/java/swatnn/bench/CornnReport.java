package swatnn.bench;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Predicate;
import swatnn.cornn.CornnFunction;
import swatnn.weka.ProgressPrinter;

/**
 * Writes {@code <out>/README.md} from {@code <out>/results.csv}: the sessions' command lines,
 * summary lines over F1..F52 and, apart, over F53 and F54 (the tasks the paper tuned its
 * hyperparameters on), the per-task table, and the two figures ({@link MseNonzeroFigure},
 * {@link SelectedModelsFigure}). Missing methods or tasks are named, and every comparison is
 * made over the tasks that have both of its methods.
 */
public final class CornnReport extends GeneratedReport {
  /** The generated report's name in the output folder. */
  public static final String README = GeneratedReport.README;
  /** Figure (a)'s file name. */
  public static final String FIGURE_POINTS = "figure-mse-vs-nonzero.png";
  /** Figure (b)'s file name. */
  public static final String FIGURE_SELECTED = "figure-selected.png";

  private static final String SWAT = BenchMethod.SWATNN.label();
  private static final String DARTS = BenchMethod.DARTS_ADMM.label();
  private static final String MLP77 = BenchMethod.MLP_7_7.label();

  private final ResultTable table;

  private CornnReport(ResultTable table) {
    this.table = table;
  }

  /**
   * Writes README.md and the two PNG figures into {@code outDir}, each atomically.
   *
   * @return the README's path
   * @throws IOException if results.csv cannot be read or an output cannot be written
   */
  public static Path write(Path outDir) throws IOException {
    ResultTable table = readResults(outDir);
    CornnReport r = new CornnReport(table);
    r.build(outDir);
    MseNonzeroFigure.write(table, outDir.resolve(FIGURE_POINTS));
    SelectedModelsFigure.write(table, outDir.resolve(FIGURE_SELECTED));
    return r.writeTo(outDir);
  }

  private void build(Path outDir) throws IOException {
    preamble("bench cornn", "CORNN benchmark results", outDir);
    line("Each task is a CORNN function (F1..F54, numbered as in the paper) sampled into 3750"
        + " training and 1250 test points, inputs scaled to [-1, 1] by the domain and labels by"
        + " the training set's range. *Test MSE* is on those scaled labels. *Non-zero* is the"
        + " paper's count: non-zero weights on live connections plus non-zero biases of active"
        + " neurons and the output. SWATNN and DARTS_ADMM choose their model among the"
        + " configurations k = 1..4 hidden layers on held-out training data; the figures also"
        + " show the configurations not chosen.");
    line("");
    coverage();
    summary("Summary over F1..F52", f -> f.number() <= 52);
    summary("F53 and F54, reported apart (the paper tuned its hyperparameters on them)",
        f -> f.number() > 52);
    resultsTable();
    line("## Figures");
    line("");
    line("![test MSE against non-zero count, 16 tasks](" + FIGURE_POINTS + ")");
    line("");
    line("`" + FIGURE_POINTS + "`: " + MseNonzeroFigure.PANELS + " tasks drawn with"
        + " `java.util.Random(" + MseNonzeroFigure.SEED + ")` ("
        + String.join(", ", MseNonzeroFigure.sample().stream().map(CornnFunction::label)
            .toList())
        + "): test MSE against non-zero count, one point per configuration, the selected model"
        + " outlined.");
    line("");
    line("![selected models on all tasks](" + FIGURE_SELECTED + ")");
    line("");
    line("`" + FIGURE_SELECTED + "`: the selected models' test MSE and non-zero count on every"
        + " task; a method's bar is pale where the other method's model has fewer non-zeros.");
  }

  private void coverage() {
    line("## Coverage");
    line("");
    List<CornnFunction> all = CornnFunction.all();
    for (BenchMethod m : BenchMethod.values()) {
      List<String> missing = new ArrayList<>();
      for (CornnFunction f : all) {
        if (!table.has(f, m.label())) {
          missing.add(f.label());
        }
      }
      String what = missing.isEmpty() ? "all 54 tasks"
          : missing.size() == all.size() ? "no results"
          : (all.size() - missing.size()) + " of 54 tasks (missing " + abbreviate(missing) + ")";
      line("- " + m.label() + ": " + what);
    }
    for (String other : table.methods()) {
      if (BenchMethod.byLabel(other) == null) {
        line("- " + other + ": not a method of this benchmark; left out of the report");
      }
    }
    if (!table.unknownTasks().isEmpty()) {
      line("- rows for unknown tasks ignored: " + String.join(", ", table.unknownTasks()));
    }
    line("");
  }

  private void summary(String title, Predicate<CornnFunction> group) {
    List<CornnFunction> tasks = CornnFunction.all().stream().filter(group).toList();
    line("## " + title);
    line("");
    List<double[]> nz = table.pairs(tasks, SWAT, DARTS, true);
    if (nz.isEmpty()) {
      line("- Fewer non-zeros, SWATNN vs DARTS_ADMM: no task has both methods' results.");
    } else {
      int fewer = 0;
      int ties = 0;
      for (double[] p : nz) {
        fewer += p[0] < p[1] ? 1 : 0;
        ties += p[0] == p[1] ? 1 : 0;
      }
      line(String.format(Locale.ROOT, "- SWATNN's selected model has fewer non-zeros than"
          + " DARTS_ADMM's on %d of %d tasks (%.0f%%); equal on %d, more on %d.", fewer,
          nz.size(), 100.0 * fewer / nz.size(), ties, nz.size() - fewer - ties));
    }
    ratioLine("Test-MSE ratio SWATNN / DARTS_ADMM", table.pairs(tasks, SWAT, DARTS, false),
        true);
    ratioLine("Test-MSE ratio SWATNN / MLP_7_7", table.pairs(tasks, SWAT, MLP77, false),
        true);
    ratioLine("Non-zero ratio SWATNN / DARTS_ADMM", nz, false);
    StringBuilder time = new StringBuilder("- Total train time:");
    boolean any = false;
    for (BenchMethod m : BenchMethod.values()) {
      double sum = 0;
      int n = 0;
      for (CornnFunction f : tasks) {
        ResultRow r = table.result(f, m.label());
        if (r != null) {
          sum += r.trainSeconds();
          n++;
        }
      }
      if (n > 0) {
        time.append(any ? ";" : "").append(' ').append(m.label()).append(' ')
            .append(ProgressPrinter.duration(sum)).append(" (").append(n)
            .append(n == 1 ? " task)" : " tasks)");
        any = true;
      }
    }
    line(any ? time.toString() : "- Total train time: no results.");
    line("");
  }

  private void ratioLine(String what, List<double[]> pairs, boolean withGeoMean) {
    line(Ratios.line(what, pairs, withGeoMean));
  }

  private void resultsTable() {
    line("## Results per task");
    line("");
    line("Test MSE (scaled labels) of each method's model; non-zero counts of the selected"
        + " networks. `-`: no result.");
    line("");
    line("| F | task | SWATNN MSE | SWATNN non-zero | DARTS_ADMM MSE | DARTS_ADMM non-zero"
        + " | MLP_7_7 | MLP_default | RandomForest | LinearRegression |");
    line("|---|---|---:|---:|---:|---:|---:|---:|---:|---:|");
    for (CornnFunction f : CornnFunction.all()) {
      StringBuilder sb = new StringBuilder("| ").append(f.label()).append(" | ")
          .append(f.cornnName()).append(" |");
      for (BenchMethod m : BenchMethod.values()) {
        ResultRow r = table.result(f, m.label());
        sb.append(' ').append(r == null ? "-" : mse(r.testMse())).append(" |");
        if (m.isSearch()) {
          sb.append(' ').append(r == null || r.nonZero() == null ? "-" : r.nonZero().toString())
              .append(" |");
        }
      }
      line(sb.toString());
      if (f.number() == 52) {
        line("| | *validation tasks* | | | | | | | | |");
      }
    }
    line("");
  }

  private static String mse(double v) {
    return String.format(Locale.ROOT, "%.3g", v);
  }

  /** "F1, F2, F3, ... (40 more)" for long lists. */
  private static String abbreviate(List<String> items) {
    if (items.size() <= 12) {
      return String.join(", ", items);
    }
    return String.join(", ", items.subList(0, 10)) + ", ... (" + (items.size() - 10) + " more)";
  }
}
