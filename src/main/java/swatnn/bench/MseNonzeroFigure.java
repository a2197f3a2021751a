package swatnn.bench;

import java.awt.BasicStroke;
import java.awt.Color;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import swatnn.cornn.CornnFunction;

/**
 * Figure (a), after the paper's Figure 2: small multiples for 16 tasks, each plotting test MSE
 * (log scale) against the non-zero count, one point per configuration (k1..k4) of SWATNN
 * (blue circles) and DARTS_ADMM (orange squares), the selected model of each drawn large with a
 * black outline.
 */
public final class MseNonzeroFigure {
  /** The seed of the task sample. */
  public static final long SEED = 2025;
  /** How many tasks are shown. */
  public static final int PANELS = 16;

  private static final int COLS = 4;
  private static final int PANEL_W = 330;
  private static final int PANEL_H = 250;
  private static final int LEFT = 40;
  private static final int TOP = 78;
  private static final int BOTTOM = 40;
  // inside a panel
  private static final int P_LEFT = 52;
  private static final int P_RIGHT = 14;
  private static final int P_TOP = 24;
  private static final int P_BOTTOM = 34;

  private MseNonzeroFigure() {}

  /**
   * The 16 tasks shown: F1..F54 shuffled by {@code new Random(2025)}, the first 16, in
   * F-number order.
   */
  public static List<CornnFunction> sample() {
    List<CornnFunction> all = new ArrayList<>(CornnFunction.all());
    Collections.shuffle(all, new Random(SEED));
    List<CornnFunction> picked = new ArrayList<>(all.subList(0, PANELS));
    picked.sort((a, b) -> Integer.compare(a.number(), b.number()));
    return picked;
  }

  /** Draws the figure from {@code table} into {@code png}. */
  public static void write(ResultTable table, Path png) throws IOException {
    int rows = (PANELS + COLS - 1) / COLS;
    int width = LEFT + COLS * PANEL_W + 10;
    int height = TOP + rows * PANEL_H + BOTTOM;
    PlotCanvas c = new PlotCanvas(width, height);
    c.font(16, true);
    c.g().setColor(Color.BLACK);
    c.text("Test MSE against non-zero parameters, " + PANELS
        + " CORNN tasks (Random(" + SEED + ") sample)", LEFT, 26, 0);
    legend(c, LEFT, 52);
    List<CornnFunction> tasks = sample();
    for (int i = 0; i < tasks.size(); i++) {
      panel(c, table, tasks.get(i), LEFT + (i % COLS) * PANEL_W, TOP + (i / COLS) * PANEL_H);
    }
    c.font(13, false);
    c.g().setColor(Color.BLACK);
    c.text("non-zero parameters (weights and biases)", LEFT + COLS * PANEL_W / 2.0,
        height - 12, 0.5);
    c.verticalText("test MSE on the scaled labels (log scale)", 18, TOP + rows * PANEL_H / 2.0,
        0.5);
    c.write(png);
  }

  private static void legend(PlotCanvas c, int x, int y) {
    c.font(12, false);
    int at = x;
    for (String method : List.of("SWATNN", "DARTS_ADMM")) {
      boolean swat = method.equals("SWATNN");
      Color col = swat ? PlotCanvas.SWATNN : PlotCanvas.DARTS;
      c.mark(PlotCanvas.marker(swat, at + 6, y - 4, 8), PlotCanvas.pale(col, 0.35), col, 1f);
      at = c.legendText(method + " configuration (k1..k4)", at + 16, y);
      c.mark(PlotCanvas.marker(swat, at + 7, y - 4, 12), col, Color.BLACK, 2f);
      at = c.legendText(method + " selected", at + 18, y);
    }
  }

  private static void panel(PlotCanvas c, ResultTable table, CornnFunction task, int x0,
      int y0) {
    int px = x0 + P_LEFT;
    int py = y0 + P_TOP;
    int pw = PANEL_W - P_LEFT - P_RIGHT;
    int ph = PANEL_H - P_TOP - P_BOTTOM;
    c.font(12, true);
    c.g().setColor(Color.BLACK);
    c.text(task.label() + " " + task.cornnName(), px, y0 + 16, 0);

    List<ResultRow> points = new ArrayList<>();
    for (String m : List.of("SWATNN", "DARTS_ADMM")) {
      points.addAll(table.configurations(task, m));
      ResultRow sel = table.result(task, m);
      if (sel != null) {
        points.add(sel);
      }
    }
    points.removeIf(r -> r.nonZero() == null);
    double maxNz = 0;
    double[] mses = new double[points.size()];
    for (int i = 0; i < points.size(); i++) {
      maxNz = Math.max(maxNz, points.get(i).nonZero());
      mses[i] = points.get(i).testMse();
    }
    PlotCanvas.LogAxis y = PlotCanvas.LogAxis.around(mses);
    double[] xTicks = PlotCanvas.linearTicks(maxNz * 1.05, true);
    double xMax = xTicks[xTicks.length - 1];

    c.font(10, false);
    c.logYGrid(y, px, py, pw, ph, 4);
    c.linearXGrid(xTicks, px, py, pw, ph, 14);
    c.g().setColor(PlotCanvas.AXIS);
    c.g().drawRect(px, py, pw, ph);
    if (points.isEmpty()) {
      c.font(12, false);
      c.text("no SWATNN or DARTS_ADMM results", px + pw / 2.0, py + ph / 2.0, 0.5);
      return;
    }
    // configurations first, the selected models on top
    for (boolean selected : new boolean[] {false, true}) {
      for (ResultRow r : points) {
        if (r.isFinal() != selected || !Double.isFinite(r.testMse())) {
          continue;
        }
        boolean swat = r.method().equals("SWATNN");
        Color col = swat ? PlotCanvas.SWATNN : PlotCanvas.DARTS;
        double xx = px + pw * r.nonZero() / xMax;
        double yy = py + ph - ph * y.fraction(r.testMse());
        if (selected) {
          c.mark(PlotCanvas.marker(swat, xx, yy, 12), col, Color.BLACK, 2f);
        } else {
          c.mark(PlotCanvas.marker(swat, xx, yy, 8), PlotCanvas.pale(col, 0.35), col, 1f);
        }
      }
    }
    c.g().setStroke(new BasicStroke(1f));
  }
}
