package swatnn.bench;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import swatnn.cornn.CornnFunction;
import swatnn.weka.ProgressPrinter;

/**
 * Writes {@code <out>/README.md} for the {@link QualityStudy} from {@code <out>/results.csv}:
 * each variant of SWATNN against SWATNN's defaults, SWATNN against MultilayerPerceptron -H 7,7
 * and LinearRegression, the effect of polishing at equal non-zero count, and the per-task and
 * per-configuration tables. Every comparison is over the tasks that have both of its methods.
 */
public final class QualityReport extends GeneratedReport {
  private static final String SWAT = QualityStudy.DEFAULTS;

  private final ResultTable table;
  private final List<CornnFunction> tasks;

  private QualityReport(ResultTable table) {
    this.table = table;
    List<CornnFunction> t = new ArrayList<>(QualityStudy.TASKS);
    for (CornnFunction f : table.tasks()) {
      if (!t.contains(f)) {
        t.add(f);
      }
    }
    this.tasks = t;
  }

  /**
   * Writes README.md into {@code outDir}, atomically.
   *
   * @return its path
   * @throws IOException if results.csv cannot be read or README.md cannot be written
   */
  public static Path write(Path outDir) throws IOException {
    QualityReport r = new QualityReport(readResults(outDir));
    r.build(outDir);
    return r.writeTo(outDir);
  }

  private void build(Path outDir) throws IOException {
    preamble("bench quality", "SWAT-NN quality study", outDir);
    line("Official CORNN data (3750 training, 1250 test points; inputs scaled by the domain,"
        + " labels by the training range); *test MSE* is on the scaled labels, *non-zero* the"
        + " paper's count. `" + SWAT + "` is SWATNNRegressor with its defaults; `"
        + QualityStudy.POLISH + "` adds `-polish`, `" + QualityStudy.ONE_RESTART + "` sets"
        + " `-restarts 1` (the paper's single z), `" + QualityStudy.otherInitLabel()
        + "` sets `-init " + QualityStudy.otherInit().name().toLowerCase(Locale.ROOT)
        + "`. All are seeded alike.");
    line("");
    summary();
    selectedTable();
    configurationTable();
  }

  private void summary() {
    line("## Summary");
    line("");
    for (String baseline : QualityStudy.baselineLabels()) {
      List<double[]> p = table.pairs(tasks, SWAT, baseline, false);
      line(Ratios.line("Test-MSE ratio " + SWAT + " / " + baseline, p, true));
      line(String.format(Locale.ROOT, "  %s's test MSE is higher than %s's on %d of %d tasks.",
          SWAT, baseline, count(p, true), p.size()));
    }
    for (String v : QualityStudy.variantLabels().subList(1, 4)) {
      List<double[]> p = table.pairs(tasks, v, SWAT, false);
      line(Ratios.line("Test-MSE ratio " + v + " / " + SWAT, p, true));
      line(String.format(Locale.ROOT, "  Lower on %d, higher on %d of %d tasks.",
          count(p, false), count(p, true), p.size()));
      line(Ratios.line("Non-zero ratio " + v + " / " + SWAT, table.pairs(tasks, v, SWAT, true),
          false));
    }
    polishLine();
    StringBuilder time = new StringBuilder("- Total train time:");
    for (String m : allLabels()) {
      double sum = 0;
      int n = 0;
      for (CornnFunction f : tasks) {
        ResultRow r = table.result(f, m);
        if (r != null) {
          sum += r.trainSeconds();
          n++;
        }
      }
      if (n > 0) {
        time.append(' ').append(m).append(' ').append(ProgressPrinter.duration(sum))
            .append(" (").append(n).append(n == 1 ? " task);" : " tasks);");
      }
    }
    line(time.toString().endsWith(";") ? time.substring(0, time.length() - 1) + "."
        : "- Total train time: no results.");
    line("");
  }

  /** Polish against no polish, configuration by configuration, where the counts are equal. */
  private void polishLine() {
    List<double[]> p = new ArrayList<>();
    int unequal = 0;
    for (CornnFunction f : tasks) {
      for (ResultRow a : table.configurations(f, QualityStudy.POLISH)) {
        ResultRow b = configuration(f, SWAT, a.hiddenLayers());
        if (b == null) {
          continue;
        }
        if (a.nonZero() != null && a.nonZero().equals(b.nonZero())) {
          p.add(new double[] {a.testMse(), b.testMse()});
        } else {
          unequal++;
        }
      }
    }
    String what = "Polish at equal non-zero count, test-MSE ratio per configuration "
        + QualityStudy.POLISH + " / " + SWAT;
    String differ = unequal == 0 ? "" : "; left out: " + unequal + " configuration(s) where"
        + " polishing made another restart win, so the networks differ";
    if (p.isEmpty()) {
      line("- " + what + ": no configuration to compare" + differ + ".");
      return;
    }
    line(Ratios.line(what, p, true).replace(" tasks:", " configurations:")
        .replace(" task:", " configuration:"));
    line(String.format(Locale.ROOT, "  Lower on %d, higher on %d of %d configurations%s.",
        count(p, false), count(p, true), p.size(), differ));
  }

  private void selectedTable() {
    line("## Selected models");
    line("");
    line("Test MSE and non-zero count of the model each method returned.");
    line("");
    List<String> columns = new ArrayList<>();
    for (String v : QualityStudy.variantLabels()) {
      columns.add(v + " MSE");
      columns.add("non-zero");
    }
    for (String b : QualityStudy.baselineLabels()) {
      columns.add(b + " MSE");
    }
    tableHead("| F | task |", "|---|---|", columns);
    for (CornnFunction f : tasks) {
      StringBuilder sb = new StringBuilder("| ").append(f.label()).append(" | ")
          .append(f.cornnName()).append(" |");
      for (String v : QualityStudy.variantLabels()) {
        ResultRow r = table.result(f, v);
        sb.append(' ').append(r == null ? "-" : mse(r.testMse())).append(" | ")
            .append(r == null || r.nonZero() == null ? "-" : r.nonZero()).append(" |");
      }
      for (String b : QualityStudy.baselineLabels()) {
        ResultRow r = table.result(f, b);
        sb.append(' ').append(r == null ? "-" : mse(r.testMse())).append(" |");
      }
      line(sb.toString());
    }
    line("");
  }

  private void configurationTable() {
    line("## Every configuration");
    line("");
    line("Test MSE (non-zero count) of the network found for each number of hidden layers k;"
        + " `*` marks the configuration the method selected on its validation split.");
    line("");
    tableHead("| F | task | k |", "|---|---|---:|", QualityStudy.variantLabels());
    for (CornnFunction f : tasks) {
      for (int k = 1; k <= 4; k++) {
        StringBuilder sb = new StringBuilder("| ").append(f.label()).append(" | ")
            .append(f.cornnName()).append(" | ").append(k).append(" |");
        boolean any = false;
        for (String v : QualityStudy.variantLabels()) {
          ResultRow r = configuration(f, v, k);
          ResultRow sel = table.result(f, v);
          if (r == null) {
            sb.append(" - |");
            continue;
          }
          any = true;
          boolean chosen = sel != null && sel.nonZero() != null
              && sel.nonZero().equals(r.nonZero())
              && Math.abs(sel.testMse() - r.testMse()) <= 1e-12 * Math.max(1, r.testMse());
          sb.append(' ').append(mse(r.testMse())).append(" (").append(r.nonZero()).append(')')
              .append(chosen ? " *" : "").append(" |");
        }
        if (any) {
          line(sb.toString());
        }
      }
    }
    line("");
  }

  /** A table's header and rule lines: fixed columns, then right-aligned {@code columns}. */
  private void tableHead(String head, String rule, List<String> columns) {
    StringBuilder h = new StringBuilder(head);
    StringBuilder r = new StringBuilder(rule);
    for (String c : columns) {
      h.append(' ').append(c).append(" |");
      r.append("---:|");
    }
    line(h.toString());
    line(r.toString());
  }

  private ResultRow configuration(CornnFunction f, String method, int k) {
    for (ResultRow r : table.configurations(f, method)) {
      if (r.hiddenLayers() == k) {
        return r;
      }
    }
    return null;
  }

  /** How many pairs have a > b ({@code higher}) or a < b. */
  private static int count(List<double[]> pairs, boolean higher) {
    int n = 0;
    for (double[] p : pairs) {
      n += (higher ? p[0] > p[1] : p[0] < p[1]) ? 1 : 0;
    }
    return n;
  }

  private List<String> allLabels() {
    List<String> all = new ArrayList<>(QualityStudy.variantLabels());
    all.addAll(QualityStudy.baselineLabels());
    return all;
  }

  private static String mse(double v) {
    return String.format(Locale.ROOT, "%.3g", v);
  }
}
