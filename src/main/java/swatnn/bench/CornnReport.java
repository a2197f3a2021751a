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
 * hyperparameters on), the per-task table, and the three figures ({@link MseNonzeroFigure},
 * {@link SelectedModelsFigure}, {@link FrontierFigure}). Missing methods or tasks are named, and
 * every comparison is made over the tasks that have both of its methods.
 */
public final class CornnReport extends GeneratedReport {
  /** The generated report's name in the output folder. */
  public static final String README = GeneratedReport.README;
  /** Figure (a)'s file name. */
  public static final String FIGURE_POINTS = "figure-mse-vs-nonzero.png";
  /** Figure (b)'s file name. */
  public static final String FIGURE_SELECTED = "figure-selected.png";
  /** Figure (c)'s file name. */
  public static final String FIGURE_FRONTIER = "figure-frontier.png";

  private static final String SWAT = BenchMethod.SWATNN.label();
  private static final String DARTS = BenchMethod.DARTS_ADMM.label();
  private static final String MLP77 = BenchMethod.MLP_7_7.label();

  private final ResultTable table;

  private CornnReport(ResultTable table) {
    this.table = table;
  }

  /**
   * Writes README.md and the three PNG figures into {@code outDir}, each atomically.
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
    FrontierFigure.write(table, outDir.resolve(FIGURE_FRONTIER));
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
    line("");
    frontier();
  }

  private void frontier() {
    List<CornnFunction> tasks = FrontierFigure.tasks(table);
    line("![median test MSE within a non-zero budget](" + FIGURE_FRONTIER + ")");
    line("");
    if (tasks.isEmpty()) {
      line("`" + FIGURE_FRONTIER + "`: empty, since no task of F1..F" + FrontierFigure.LAST_TASK
          + " has configurations of both SWATNN and DARTS_ADMM.");
      return;
    }
    int[] budgets = FrontierFigure.budgets(table, tasks);
    line("`" + FIGURE_FRONTIER + "`: for every non-zero budget B from "
        + budgets[0] + " to " + budgets[budgets.length - 1] + " (the smallest and largest"
        + " non-zero counts among the configurations), the median over " + tasks.size()
        + " task" + (tasks.size() == 1 ? "" : "s") + " of F1..F" + FrontierFigure.LAST_TASK
        + " of each search's lowest test MSE among its configurations k1..k4 with at most B"
        + " non-zeros (log scale); a task with no configuration within B has no value there, so"
        + " a search's line begins only at the first budget where all these tasks have one"
        + " (marked), and the median is never taken over fewer tasks.");
    List<String> left = new ArrayList<>();
    for (CornnFunction f : CornnFunction.all()) {
      if (f.number() <= FrontierFigure.LAST_TASK && !tasks.contains(f)) {
        left.add(f.label());
      }
    }
    if (!left.isEmpty()) {
      line("Tasks of F1..F" + FrontierFigure.LAST_TASK + " left out of it (no configurations of"
          + " one or both searches): " + abbreviate(left) + ".");
    }
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
    line(share("Fewer non-zeros, SWATNN vs DARTS_ADMM",
        "SWATNN's selected model has fewer non-zeros than DARTS_ADMM's", "more", nz));
    line(share("Lower test MSE, SWATNN vs DARTS_ADMM",
        "SWATNN's test MSE is lower than DARTS_ADMM's", "higher",
        table.pairs(tasks, SWAT, DARTS, false)));
    line(share("Lower test MSE, SWATNN vs MLP_7_7", "SWATNN's test MSE is lower than MLP_7_7's",
        "higher", table.pairs(tasks, SWAT, MLP77, false)));
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

  /**
   * "- {claim} on A of N tasks (P%); equal on E, {worse} on W." for the (a, b) pairs, A counting
   * a &lt; b; pairs with a NaN are left out and counted.
   */
  static String share(String what, String claim, String worse, List<double[]> pairs) {
    if (pairs.isEmpty()) {
      return "- " + what + ": no task has both methods' results.";
    }
    int lower = 0;
    int ties = 0;
    int higher = 0;
    for (double[] p : pairs) {
      lower += p[0] < p[1] ? 1 : 0;
      ties += p[0] == p[1] ? 1 : 0;
      higher += p[0] > p[1] ? 1 : 0;
    }
    int n = lower + ties + higher;
    int excluded = pairs.size() - n;
    if (n == 0) {
      return "- " + what + ": no task with two comparable values.";
    }
    return String.format(Locale.ROOT, "- %s on %d of %d tasks (%.0f%%); equal on %d, %s on %d%s.",
        claim, lower, n, 100.0 * lower / n, ties, worse, higher,
        excluded == 0 ? "" : " (" + excluded + " task(s) left out: a NaN value)");
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
    // the columns follow BenchMethod, so that a method added there gets its header too
    StringBuilder header = new StringBuilder("| F | task |");
    StringBuilder align = new StringBuilder("|---|---|");
    StringBuilder blank = new StringBuilder("| | *validation tasks* |");
    for (BenchMethod m : BenchMethod.values()) {
      for (String column : m.isSearch() ? new String[] {m.label() + " MSE",
          m.label() + " non-zero"} : new String[] {m.label()}) {
        header.append(' ').append(column).append(" |");
        align.append("---:|");
        blank.append(" |");
      }
    }
    line(header.toString());
    line(align.toString());
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
        line(blank.toString());
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
