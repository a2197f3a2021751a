package swatnn.bench;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.geom.Path2D;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import swatnn.cornn.CornnFunction;

/**
 * Figure (c): test MSE against a non-zero budget over F1..F52. For a budget B, a search's value
 * on a task is the lowest test MSE among its configurations (k1..k4) with at most B non-zeros;
 * the figure plots, for each search, the median of that value over the tasks, at every integer
 * budget from the smallest to the largest non-zero count among the configurations.
 *
 * <p>The tasks are those of F1..F52 on which both searches have configurations, so that the two
 * medians are over the same tasks. A task with no configuration within B has no value at B; a
 * median is drawn only at budgets where every one of the tasks has a value, so each line begins
 * at the first budget where the method has a configuration within it on all tasks (the median
 * can only fall as the budget grows). The lines are steps: the value at B holds up to B + 1.
 */
public final class FrontierFigure {
  /** The figure's width in pixels. */
  public static final int WIDTH = 960;
  /** The figure's height in pixels. */
  public static final int HEIGHT = 600;
  /** The highest F-number of the tasks shown (F53, F54 are the paper's tuning tasks). */
  public static final int LAST_TASK = 52;

  private static final String[] METHODS = {"SWATNN", "DARTS_ADMM"};
  private static final int LEFT = 86;
  private static final int RIGHT = 30;
  private static final int TOP = 108;
  private static final int BOTTOM = 62;

  private FrontierFigure() {}

  /**
   * The tasks of F1..F52 on which both searches have at least one configuration row with a
   * non-zero count and a test MSE that is not NaN, in F-number order.
   */
  public static List<CornnFunction> tasks(ResultTable table) {
    List<CornnFunction> out = new ArrayList<>();
    for (CornnFunction f : CornnFunction.all()) {
      if (f.number() > LAST_TASK) {
        continue;
      }
      boolean all = true;
      for (String m : METHODS) {
        all &= !usable(table.configurations(f, m)).isEmpty();
      }
      if (all) {
        out.add(f);
      }
    }
    return out;
  }

  /**
   * The lowest test MSE among {@code method}'s configurations on {@code task} with at most
   * {@code budget} non-zeros, or NaN if it has none within the budget.
   */
  public static double best(ResultTable table, CornnFunction task, String method, int budget) {
    double best = Double.NaN;
    for (ResultRow r : usable(table.configurations(task, method))) {
      if (r.nonZero() <= budget && (Double.isNaN(best) || r.testMse() < best)) {
        best = r.testMse();
      }
    }
    return best;
  }

  /**
   * The median over {@code tasks} of {@link #best}, or NaN if any task has no configuration
   * within the budget (or there are no tasks).
   */
  public static double median(ResultTable table, List<CornnFunction> tasks, String method,
      int budget) {
    if (tasks.isEmpty()) {
      return Double.NaN;
    }
    double[] v = new double[tasks.size()];
    for (int i = 0; i < v.length; i++) {
      v[i] = best(table, tasks.get(i), method, budget);
      if (Double.isNaN(v[i])) {
        return Double.NaN;
      }
    }
    return Ratios.median(v);
  }

  /**
   * The budgets of the figure: every integer from the smallest to the largest non-zero count
   * among both searches' configurations on {@code tasks}; empty if there are none.
   */
  public static int[] budgets(ResultTable table, List<CornnFunction> tasks) {
    int lo = Integer.MAX_VALUE;
    int hi = Integer.MIN_VALUE;
    for (CornnFunction f : tasks) {
      for (String m : METHODS) {
        for (ResultRow r : usable(table.configurations(f, m))) {
          lo = Math.min(lo, r.nonZero());
          hi = Math.max(hi, r.nonZero());
        }
      }
    }
    if (lo > hi) {
      return new int[0];
    }
    int[] out = new int[hi - lo + 1];
    for (int i = 0; i < out.length; i++) {
      out[i] = lo + i;
    }
    return out;
  }

  /** Draws the figure from {@code table} into {@code png}. */
  public static void write(ResultTable table, Path png) throws IOException {
    List<CornnFunction> tasks = tasks(table);
    int[] budgets = budgets(table, tasks);
    double[][] medians = new double[METHODS.length][budgets.length];
    List<Double> defined = new ArrayList<>();
    for (int m = 0; m < METHODS.length; m++) {
      for (int i = 0; i < budgets.length; i++) {
        medians[m][i] = median(table, tasks, METHODS[m], budgets[i]);
        if (!Double.isNaN(medians[m][i])) {
          defined.add(medians[m][i]);
        }
      }
    }

    PlotCanvas c = new PlotCanvas(WIDTH, HEIGHT);
    int px = LEFT;
    int py = TOP;
    int pw = WIDTH - LEFT - RIGHT;
    int ph = HEIGHT - TOP - BOTTOM;
    c.font(16, true);
    c.g().setColor(Color.BLACK);
    c.text("Median test MSE within a non-zero budget, " + tasks.size() + " CORNN task"
        + (tasks.size() == 1 ? "" : "s") + " of F1..F" + LAST_TASK, LEFT, 26, 0);
    c.font(12, false);
    c.text("Per task: the lowest test MSE among a search's configurations k1..k4 with at most B"
        + " non-zeros. A line begins", LEFT, 48, 0);
    c.text("at the first budget B where every task has such a configuration; below it the"
        + " median is not drawn.", LEFT, 64, 0);
    legend(c, LEFT, 88);

    PlotCanvas.LogAxis y = PlotCanvas.LogAxis.around(
        defined.stream().mapToDouble(Double::doubleValue).toArray());
    double maxB = budgets.length == 0 ? 1 : budgets[budgets.length - 1];
    double[] xTicks = PlotCanvas.linearTicks(maxB * 1.03, true);
    double xMax = xTicks[xTicks.length - 1];

    c.font(11, false);
    c.logYGrid(y, px, py, pw, ph, 5);
    c.linearXGrid(xTicks, px, py, pw, ph, 16);
    c.g().setColor(PlotCanvas.AXIS);
    c.g().drawRect(px, py, pw, ph);

    if (tasks.isEmpty()) {
      c.font(13, false);
      c.text("no task of F1..F" + LAST_TASK + " has configurations of both SWATNN and"
          + " DARTS_ADMM", px + pw / 2.0, py + ph / 2.0, 0.5);
    }
    for (int m = 0; m < METHODS.length; m++) {
      Color col = m == 0 ? PlotCanvas.SWATNN : PlotCanvas.DARTS;
      Path2D.Double line = new Path2D.Double();
      double startX = Double.NaN;
      double startY = Double.NaN;
      double prevY = Double.NaN;
      for (int i = 0; i < budgets.length; i++) {
        if (Double.isNaN(medians[m][i])) {
          continue;
        }
        double xx = px + pw * budgets[i] / xMax;
        double yy = py + ph - ph * y.fraction(medians[m][i]);
        if (Double.isNaN(startX)) {
          line.moveTo(xx, yy);
          startX = xx;
          startY = yy;
        } else {
          line.lineTo(xx, prevY);
          line.lineTo(xx, yy);
        }
        prevY = yy;
      }
      if (Double.isNaN(startX)) {
        continue;
      }
      c.g().setColor(col);
      c.g().setStroke(new BasicStroke(2.2f));
      c.g().draw(line);
      c.g().setStroke(new BasicStroke(1f));
      c.mark(PlotCanvas.marker(m == 0, startX, startY, 9), col, Color.BLACK, 1f);
    }

    c.font(13, false);
    c.g().setColor(Color.BLACK);
    c.text("non-zero budget B (weights and biases)", px + pw / 2.0, HEIGHT - 16, 0.5);
    c.verticalText("median over tasks of the best test MSE within B (log scale)", 22,
        py + ph / 2.0, 0.5);
    c.write(png);
  }

  private static void legend(PlotCanvas c, int x, int y) {
    c.font(12, false);
    int at = x;
    for (int m = 0; m < METHODS.length; m++) {
      Color col = m == 0 ? PlotCanvas.SWATNN : PlotCanvas.DARTS;
      c.g().setColor(col);
      c.g().setStroke(new BasicStroke(2.2f));
      c.g().drawLine(at, y - 4, at + 26, y - 4);
      c.g().setStroke(new BasicStroke(1f));
      c.mark(PlotCanvas.marker(m == 0, at, y - 4, 9), col, Color.BLACK, 1f);
      at = c.legendText(METHODS[m] + " (marker: first budget drawn)", at + 32, y);
    }
  }

  private static List<ResultRow> usable(List<ResultRow> configurations) {
    List<ResultRow> out = new ArrayList<>();
    for (ResultRow r : configurations) {
      if (r.nonZero() != null && !Double.isNaN(r.testMse())) {
        out.add(r);
      }
    }
    return out;
  }
}
