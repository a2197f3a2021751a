package swatnn.autoencoder;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import javax.imageio.ImageIO;
import swatnn.io.AtomicFile;

/** Draws a loss log as a PNG: loss and running mean (log scale) and held-out points by step. */
public final class LossCurvePlot {
  private static final int W = 900;
  private static final int H = 500;
  private static final int LEFT = 70;
  private static final int RIGHT = 20;
  private static final int TOP = 40;
  private static final int BOTTOM = 50;

  private LossCurvePlot() {}

  public static void write(List<LossLog.Row> rows, String title, Path png) throws IOException {
    BufferedImage img = new BufferedImage(W, H, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = img.createGraphics();
    g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
    g.setColor(Color.WHITE);
    g.fillRect(0, 0, W, H);
    g.setColor(Color.BLACK);
    g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 13));
    g.drawString(title, LEFT, 22);
    if (!rows.isEmpty()) {
      long maxStep = Math.max(1, rows.get(rows.size() - 1).step());
      double lo = Double.POSITIVE_INFINITY;
      double hi = Double.NEGATIVE_INFINITY;
      for (LossLog.Row r : rows) {
        for (double v : new double[] {r.runningMean(), r.heldOut()}) {
          if (v > 0 && Double.isFinite(v)) {
            lo = Math.min(lo, v);
            hi = Math.max(hi, v);
          }
        }
      }
      if (!(lo < hi)) {
        lo = 1e-3;
        hi = 10;
      }
      double logLo = Math.floor(Math.log10(lo));
      double logHi = Math.ceil(Math.log10(hi));
      if (logHi <= logLo) {
        logHi = logLo + 1;
      }
      g.setColor(new Color(230, 230, 230));
      for (double e = logLo; e <= logHi; e++) {
        int y = y(Math.pow(10, e), logLo, logHi);
        g.drawLine(LEFT, y, W - RIGHT, y);
        g.setColor(Color.DARK_GRAY);
        g.drawString(String.format(Locale.ROOT, "1e%d", (int) e), 10, y + 4);
        g.setColor(new Color(230, 230, 230));
      }
      g.setColor(Color.BLACK);
      g.drawRect(LEFT, TOP, W - LEFT - RIGHT, H - TOP - BOTTOM);
      g.drawString("step", W / 2, H - 12);
      g.drawString("0", LEFT, H - BOTTOM + 16);
      String last = Long.toString(maxStep);
      g.drawString(last, W - RIGHT - g.getFontMetrics().stringWidth(last), H - BOTTOM + 16);
      // raw loss, light; running mean, dark; held-out, red dots
      drawSeries(g, rows, maxStep, logLo, logHi, true, new Color(170, 190, 230));
      g.setStroke(new BasicStroke(2f));
      drawSeries(g, rows, maxStep, logLo, logHi, false, new Color(20, 60, 160));
      g.setColor(new Color(200, 30, 30));
      for (LossLog.Row r : rows) {
        if (r.heldOut() > 0 && Double.isFinite(r.heldOut())) {
          int x = x(r.step(), maxStep);
          int y = y(r.heldOut(), logLo, logHi);
          g.fillOval(x - 4, y - 4, 8, 8);
        }
      }
      g.setColor(new Color(20, 60, 160));
      g.drawString("training loss (running mean)", W - 380, TOP + 18);
      g.setColor(new Color(200, 30, 30));
      g.drawString("held-out relative error (min over decoders)", W - 380, TOP + 34);
    }
    g.dispose();
    AtomicFile.write(png, out -> {
      if (!ImageIO.write(img, "png", out)) {
        throw new IOException("no PNG writer available");
      }
    });
  }

  private static void drawSeries(Graphics2D g, List<LossLog.Row> rows, long maxStep, double logLo,
      double logHi, boolean raw, Color color) {
    g.setColor(color);
    int stride = Math.max(1, rows.size() / 3000);
    int px = -1;
    int py = -1;
    for (int i = 0; i < rows.size(); i += stride) {
      LossLog.Row r = rows.get(i);
      double v = raw ? r.loss() : r.runningMean();
      if (!(v > 0) || !Double.isFinite(v)) {
        continue;
      }
      int x = x(r.step(), maxStep);
      int y = y(Math.max(v, Math.pow(10, logLo)), logLo, logHi);
      if (px >= 0) {
        g.drawLine(px, py, x, y);
      }
      px = x;
      py = y;
    }
  }

  private static int x(long step, long maxStep) {
    return LEFT + (int) Math.round((W - LEFT - RIGHT) * (double) step / maxStep);
  }

  private static int y(double v, double logLo, double logHi) {
    double f = (Math.log10(v) - logLo) / (logHi - logLo);
    f = Math.max(0, Math.min(1, f));
    return H - BOTTOM - (int) Math.round((H - TOP - BOTTOM) * f);
  }
}
