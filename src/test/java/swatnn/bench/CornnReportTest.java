package swatnn.bench;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import swatnn.cornn.CornnFunction;

/**
 * The CORNN report's summary shares and its frontier figure on a small hand-made results table
 * (no benchmark run).
 */
class CornnReportTest {
  private static final String SWAT = "SWATNN";
  private static final String DARTS = "DARTS_ADMM";
  private static final CornnFunction F1 = CornnFunction.byNumber(1);
  private static final CornnFunction F2 = CornnFunction.byNumber(2);
  private static final CornnFunction F3 = CornnFunction.byNumber(3);

  @TempDir Path dir;

  /**
   * F1..F3 have both searches and MLP_7_7; F5 (Adjiman) has SWATNN and MLP_7_7 only, F6 (Alpine
   * N.1) DARTS_ADMM and MLP_7_7 only; F53 has both searches, kept apart. Each search block is
   * its configurations (non-zero count, test MSE) and then the selected one.
   */
  private static List<ResultRow> rows() {
    List<ResultRow> rows = new ArrayList<>();
    search(rows, "Ackley", SWAT, 2, new int[] {5, 12, 20}, new double[] {0.4, 0.1, 0.2});
    search(rows, "Ackley", DARTS, 2, new int[] {8, 15}, new double[] {0.3, 0.05});
    mlp(rows, "Ackley", 0.2);
    search(rows, "Ackley N.2", SWAT, 1, new int[] {4, 10}, new double[] {0.02, 0.01});
    search(rows, "Ackley N.2", DARTS, 2, new int[] {6, 25}, new double[] {0.04, 0.001});
    mlp(rows, "Ackley N.2", 0.05);
    search(rows, "Ackley N.3", SWAT, 2, new int[] {9, 18}, new double[] {1.0, 0.5});
    search(rows, "Ackley N.3", DARTS, 1, new int[] {7}, new double[] {0.8});
    mlp(rows, "Ackley N.3", 0.5);
    search(rows, "Adjiman", SWAT, 1, new int[] {3}, new double[] {0.3});
    mlp(rows, "Adjiman", 0.6);
    search(rows, "Alpine N.1", DARTS, 1, new int[] {2}, new double[] {0.7});
    mlp(rows, "Alpine N.1", 0.9);
    search(rows, "Xin-She Yang N.4", SWAT, 1, new int[] {2}, new double[] {0.001});
    search(rows, "Xin-She Yang N.4", DARTS, 1, new int[] {3}, new double[] {0.002});
    return rows;
  }

  private static void search(List<ResultRow> rows, String task, String method, int selected,
      int[] nonZero, double[] mse) {
    for (int k = 0; k < nonZero.length; k++) {
      rows.add(new ResultRow(task, method, "k" + (k + 1), mse[k], nonZero[k], 3, 1.0));
    }
    rows.add(new ResultRow(task, method, "selected", mse[selected - 1], nonZero[selected - 1],
        3, 4.0));
  }

  private static void mlp(List<ResultRow> rows, String task, double mse) {
    rows.add(new ResultRow(task, "MLP_7_7", "-", mse, null, null, 2.0));
  }

  @Test
  void summarySharesCountTasksWithBothMethods() throws Exception {
    String md = report(rows());
    String f1to52 = section(md, "## Summary over F1..F52");
    // test MSE, selected models: F1 0.1 vs 0.05, F2 0.02 vs 0.001, F3 0.5 vs 0.8; F5 and F6
    // lack one search and are left out
    assertTrue(f1to52.contains("- SWATNN's test MSE is lower than DARTS_ADMM's on 1 of 3 tasks"
        + " (33%); equal on 0, higher on 2.\n"), f1to52);
    // against MLP_7_7: F1 0.1 vs 0.2, F2 0.02 vs 0.05, F3 0.5 vs 0.5, F5 0.3 vs 0.6; F6 has no
    // SWATNN
    assertTrue(f1to52.contains("- SWATNN's test MSE is lower than MLP_7_7's on 3 of 4 tasks"
        + " (75%); equal on 1, higher on 0.\n"), f1to52);
    // non-zeros: F1 12 vs 15, F2 4 vs 25, F3 18 vs 7
    assertTrue(f1to52.contains("- SWATNN's selected model has fewer non-zeros than DARTS_ADMM's"
        + " on 2 of 3 tasks (67%); equal on 0, more on 1.\n"), f1to52);
    // the share lines come first, before the ratio lines
    assertTrue(f1to52.indexOf("fewer non-zeros") < f1to52.indexOf("lower than DARTS_ADMM")
        && f1to52.indexOf("lower than MLP_7_7") < f1to52.indexOf("- Test-MSE ratio"), f1to52);

    String apart = section(md, "## F53 and F54, reported apart");
    assertTrue(apart.contains("- SWATNN's test MSE is lower than DARTS_ADMM's on 1 of 1 tasks"
        + " (100%); equal on 0, higher on 0.\n"), apart);
    assertTrue(apart.contains("- Lower test MSE, SWATNN vs MLP_7_7: no task has both methods'"
        + " results.\n"), apart);
  }

  @Test
  void shareLeavesOutNaN() {
    assertEquals("- SWATNN's test MSE is lower than MLP_7_7's on 1 of 2 tasks (50%); equal on 0,"
        + " higher on 1 (1 task(s) left out: a NaN value).",
        CornnReport.share("Lower test MSE, SWATNN vs MLP_7_7",
            "SWATNN's test MSE is lower than MLP_7_7's", "higher",
            List.of(new double[] {1, 2}, new double[] {Double.NaN, 2}, new double[] {3, 2})));
  }

  @Test
  void frontierMediansMatchHandComputation() {
    ResultTable t = ResultTable.of(rows());
    // F5, F6 lack a search, F53 is a tuning task
    List<CornnFunction> tasks = FrontierFigure.tasks(t);
    assertEquals(List.of(F1, F2, F3), tasks);
    // smallest and largest non-zero count of the configurations on F1..F3: 4 (F2 SWATNN k1),
    // 25 (F2 DARTS_ADMM k2)
    assertArrayEquals(IntStream.rangeClosed(4, 25).toArray(), FrontierFigure.budgets(t, tasks));

    // budget 12: SWATNN F1 min(0.4, 0.1) = 0.1, F2 min(0.02, 0.01) = 0.01 (not the selected
    // 0.02), F3 1.0 (k2 has 18) -> median 0.1; DARTS_ADMM F1 0.3 (k2 has 15), F2 0.04, F3 0.8
    // -> median 0.3
    assertEquals(0.1, FrontierFigure.best(t, F1, SWAT, 12), 0);
    assertEquals(0.01, FrontierFigure.best(t, F2, SWAT, 12), 0);
    assertEquals(0.1, FrontierFigure.median(t, tasks, SWAT, 12), 0);
    assertEquals(0.3, FrontierFigure.median(t, tasks, DARTS, 12), 0);
    // budget 20: SWATNN 0.1, 0.01, 0.5 -> 0.1; DARTS_ADMM 0.05, 0.04, 0.8 -> 0.05
    assertEquals(0.1, FrontierFigure.median(t, tasks, SWAT, 20), 0);
    assertEquals(0.05, FrontierFigure.median(t, tasks, DARTS, 20), 0);
    // below a method's first complete budget the median is missing: SWATNN has nothing within
    // 4 on F1 (smallest 5) nor within 8 on F3 (smallest 9); DARTS_ADMM nothing within 7 on F1
    assertTrue(Double.isNaN(FrontierFigure.best(t, F1, SWAT, 4)));
    assertTrue(Double.isNaN(FrontierFigure.median(t, tasks, SWAT, 8)));
    assertEquals(0.4, FrontierFigure.median(t, tasks, SWAT, 9), 0);
    assertTrue(Double.isNaN(FrontierFigure.median(t, tasks, DARTS, 7)));
    assertEquals(0.3, FrontierFigure.median(t, tasks, DARTS, 8), 0);
  }

  @Test
  void frontierFigureIsWrittenAndNamedInTheReport() throws Exception {
    String md = report(rows());
    Path png = dir.resolve(CornnReport.FIGURE_FRONTIER);
    assertImage(png);
    String figures = section(md, "## Figures");
    assertTrue(figures.contains("![median test MSE within a non-zero budget]("
        + CornnReport.FIGURE_FRONTIER + ")"), figures);
    assertTrue(figures.contains("`figure-frontier.png`: for every non-zero budget B from 4 to 25"
        + " (the smallest and largest non-zero counts among the configurations), the median over"
        + " 3 tasks of F1..F52 of each search's lowest test MSE among its configurations k1..k4"
        + " with at most B non-zeros (log scale);"), figures);
    assertTrue(figures.contains("Tasks of F1..F52 left out of it (no configurations of one or"
        + " both searches): F4, F5, F6, "), figures);
    assertTrue(figures.indexOf(CornnReport.FIGURE_SELECTED)
        < figures.indexOf(CornnReport.FIGURE_FRONTIER), figures);
  }

  @Test
  void perTaskTableHasACellUnderEveryHeaderAndNoMore() throws Exception {
    String table = section(report(rows()), "## Results per task");
    List<String> lines = table.lines().filter(l -> l.startsWith("|")).toList();
    String header = lines.get(0);
    for (BenchMethod m : BenchMethod.values()) {
      assertTrue(header.contains("| " + m.label() + (m.isSearch() ? " MSE |" : " |")), header);
    }
    long cells = header.chars().filter(c -> c == '|').count();
    for (String l : lines) {
      assertEquals(cells, l.chars().filter(c -> c == '|').count(), l);
    }
    assertEquals(CornnFunction.all().size() + 3, lines.size(), "header, alignment, tasks and "
        + "the validation tasks' divider");
    // F1's row: both searches' MSE and non-zeros, then MLP_7_7's MSE, "-" for the others
    String f1 = "| F1 | Ackley | 0.100 | 12 | 0.0500 | 15 | 0.200 |";
    assertTrue(lines.stream().anyMatch(l -> l.startsWith(f1)), table);
  }

  @Test
  void frontierFigureWithOneSearchOnlyIsStillAnImage() throws Exception {
    List<ResultRow> rows = new ArrayList<>();
    search(rows, "Booth", SWAT, 1, new int[] {6, 11}, new double[] {0.2, 0.1});
    String md = report(rows);
    assertImage(dir.resolve(CornnReport.FIGURE_FRONTIER));
    assertTrue(md.contains("`figure-frontier.png`: empty, since no task of F1..F52 has"
        + " configurations of both SWATNN and DARTS_ADMM."), md);
    assertTrue(md.contains("- Lower test MSE, SWATNN vs DARTS_ADMM: no task has both methods'"
        + " results."), md);
  }

  private String report(List<ResultRow> rows) throws IOException {
    ResultsFile.open(dir.resolve(CornnBenchmark.RESULTS)).append(rows);
    return Files.readString(CornnReport.write(dir));
  }

  /** The text from {@code heading} to the next heading. */
  private static String section(String md, String heading) {
    int from = md.indexOf(heading);
    assertTrue(from >= 0, md);
    int to = md.indexOf("\n## ", from + heading.length());
    return md.substring(from, to < 0 ? md.length() : to + 1);
  }

  private static void assertImage(Path png) throws IOException {
    assertTrue(Files.isRegularFile(png), png.toString());
    BufferedImage img = ImageIO.read(png.toFile());
    assertNotNull(img, png + " is not an image");
    assertEquals(FrontierFigure.WIDTH, img.getWidth());
    assertEquals(FrontierFigure.HEIGHT, img.getHeight());
    assertFalse(Files.exists(png.resolveSibling(png.getFileName() + ".tmp")));
  }
}
