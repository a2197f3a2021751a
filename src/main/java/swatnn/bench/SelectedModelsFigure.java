package swatnn.bench;

import java.awt.BasicStroke;
import java.awt.Color;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import swatnn.cornn.CornnFunction;

/**
 * Figure (b): the selected models of SWATNN and DARTS_ADMM on all 54 tasks, as bars of test MSE
 * (log scale, top panel) and of non-zero count (bottom panel), two bars per task. A method's bars
 * are in its full colour on the tasks where its model is at least as compact as the other's (or
 * the other has no result), pale where the other's has fewer non-zeros.
 */
public final class SelectedModelsFigure {
  private static final String[] METHODS = {"SWATNN", "DARTS_ADMM"};
  private static final int SLOT = 24;
  private static final int BAR = 9;
  private static final int LEFT = 86;
  private static final int RIGHT = 20;
  private static final int TOP = 74;
  private static final int MSE_H = 250;
  private static final int GAP = 26;
  private static final int NZ_H = 210;
  private static final int BOTTOM = 62;

  private SelectedModelsFigure() {}

  /** Draws the figure from {@code table} into {@code png}. */
  public static void write(ResultTable table, Path png) throws IOException {
    List<CornnFunction> tasks = CornnFunction.all();
    int plotW = tasks.size() * SLOT;
    int width = LEFT + plotW + RIGHT;
    int height = TOP + MSE_H + GAP + NZ_H + BOTTOM;
    PlotCanvas c = new PlotCanvas(width, height);
    c.font(16, true);
    c.g().setColor(Color.BLACK);
    c.text("Selected models on the 54 CORNN tasks: test MSE and non-zero parameters", LEFT, 26,
        0);
    legend(c, LEFT, 52);

    List<Double> mses = new ArrayList<>();
    double maxNz = 0;
    for (CornnFunction f : tasks) {
      for (String m : METHODS) {
        ResultRow r = table.result(f, m);
        if (r != null) {
          mses.add(r.testMse());
          if (r.nonZero() != null) {
            maxNz = Math.max(maxNz, r.nonZero());
          }
        }
      }
    }
    PlotCanvas.LogAxis y = PlotCanvas.LogAxis.around(
        mses.stream().mapToDouble(Double::doubleValue).toArray());
    double[] nzTicks = PlotCanvas.linearTicks(maxNz * 1.05, true);
    double nzMax = nzTicks[nzTicks.length - 1];
    int mseTop = TOP;
    int nzTop = TOP + MSE_H + GAP;

    c.font(11, false);
    c.logYGrid(y, LEFT, mseTop, plotW, MSE_H, 5);
    for (double v : nzTicks) {
      int yy = nzTop + NZ_H - (int) Math.round(NZ_H * v / nzMax);
      c.g().setColor(PlotCanvas.GRID);
      c.g().drawLine(LEFT, yy, LEFT + plotW, yy);
      c.g().setColor(PlotCanvas.AXIS);
      c.text(PlotCanvas.number(v), LEFT - 5, yy + 4, 1);
    }

    for (int i = 0; i < tasks.size(); i++) {
      CornnFunction f = tasks.get(i);
      ResultRow[] r = {table.result(f, METHODS[0]), table.result(f, METHODS[1])};
      for (int m = 0; m < 2; m++) {
        if (r[m] == null) {
          continue;
        }
        ResultRow other = r[1 - m];
        boolean lessCompact = other != null && other.nonZero() != null && r[m].nonZero() != null
            && other.nonZero() < r[m].nonZero();
        Color base = m == 0 ? PlotCanvas.SWATNN : PlotCanvas.DARTS;
        Color col = lessCompact ? PlotCanvas.pale(base, 0.6) : base;
        int x = LEFT + i * SLOT + (SLOT - 2 * BAR) / 2 + m * BAR;
        c.g().setColor(col);
        if (Double.isFinite(r[m].testMse())) {
          int h = (int) Math.round(MSE_H * y.fraction(r[m].testMse()));
          c.g().fillRect(x, mseTop + MSE_H - h, BAR - 1, h);
        }
        if (r[m].nonZero() != null) {
          int h = (int) Math.round(NZ_H * r[m].nonZero() / nzMax);
          c.g().fillRect(x, nzTop + NZ_H - h, BAR - 1, h);
        }
      }
    }

    c.g().setColor(PlotCanvas.AXIS);
    c.g().drawRect(LEFT, mseTop, plotW, MSE_H);
    c.g().drawRect(LEFT, nzTop, plotW, NZ_H);
    // the paper's validation tasks F53, F54 set apart
    int split = LEFT + (tasks.size() - 2) * SLOT;
    c.g().setStroke(new BasicStroke(1f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f,
        new float[] {4f, 3f}, 0f));
    c.g().drawLine(split, mseTop, split, nzTop + NZ_H);
    c.g().setStroke(new BasicStroke(1f));
    c.font(10, false);
    c.text("validation", split + SLOT, mseTop - 4, 0.5);

    c.font(11, false);
    for (int i = 0; i < tasks.size(); i++) {
      c.verticalText(tasks.get(i).label(), LEFT + i * SLOT + SLOT / 2.0 + 4,
          nzTop + NZ_H + 6, 1);
    }
    c.font(13, false);
    c.g().setColor(Color.BLACK);
    c.verticalText("test MSE (log scale)", 20, mseTop + MSE_H / 2.0, 0.5);
    c.verticalText("non-zero parameters", 20, nzTop + NZ_H / 2.0, 0.5);
    c.text("CORNN task (F-number)", LEFT + plotW / 2.0, height - 10, 0.5);
    c.write(png);
  }

  private static void legend(PlotCanvas c, int x, int y) {
    c.font(12, false);
    int at = x;
    for (int m = 0; m < 2; m++) {
      Color base = m == 0 ? PlotCanvas.SWATNN : PlotCanvas.DARTS;
      c.g().setColor(base);
      c.g().fillRect(at, y - 10, 12, 12);
      at = c.legendText(METHODS[m] + ", fewer or equal non-zeros", at + 17, y);
      c.g().setColor(PlotCanvas.pale(base, 0.6));
      c.g().fillRect(at, y - 10, 12, 12);
      at = c.legendText(METHODS[m] + ", more non-zeros than the other", at + 17, y);
    }
  }
}
