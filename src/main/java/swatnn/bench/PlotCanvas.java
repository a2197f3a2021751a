package swatnn.bench;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.Shape;
import java.awt.geom.AffineTransform;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Locale;
import javax.imageio.ImageIO;
import swatnn.io.AtomicFile;

/**
 * A headless Java2D canvas for the benchmark figures: white background, antialiasing, the two
 * methods' colours and markers, text helpers, log-scale decades and atomic PNG output.
 */
final class PlotCanvas {
  /** SWATNN's colour (blue). */
  static final Color SWATNN = new Color(31, 102, 175);
  /** DARTS_ADMM's colour (orange). */
  static final Color DARTS = new Color(222, 110, 20);
  static final Color GRID = new Color(228, 228, 228);
  static final Color AXIS = new Color(60, 60, 60);

  private final BufferedImage image;
  private final Graphics2D g;

  PlotCanvas(int width, int height) {
    image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
    g = image.createGraphics();
    g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
    g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING,
        RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
    g.setColor(Color.WHITE);
    g.fillRect(0, 0, width, height);
    font(12, false);
  }

  Graphics2D g() {
    return g;
  }

  void font(int size, boolean bold) {
    g.setFont(new Font(Font.SANS_SERIF, bold ? Font.BOLD : Font.PLAIN, size));
  }

  /** Draws {@code s} with its baseline at y, anchored left (0), centred (0.5) or right (1). */
  void text(String s, double x, double y, double anchor) {
    FontMetrics fm = g.getFontMetrics();
    g.drawString(s, (float) (x - anchor * fm.stringWidth(s)), (float) y);
  }

  /** Draws {@code s} turned 90 degrees counter-clockwise, its end at (x, y) when anchor is 1. */
  void verticalText(String s, double x, double y, double anchor) {
    AffineTransform saved = g.getTransform();
    g.translate(x, y);
    g.rotate(-Math.PI / 2);
    text(s, 0, 0, anchor);
    g.setTransform(saved);
  }

  /** A marker: a circle for SWATNN, a square for anything else. */
  static Shape marker(boolean circle, double x, double y, double size) {
    return circle ? new Ellipse2D.Double(x - size / 2, y - size / 2, size, size)
        : new Rectangle2D.Double(x - size / 2, y - size / 2, size, size);
  }

  /** Fills {@code shape} with {@code fill} and outlines it with {@code line} of width w. */
  void mark(Shape shape, Color fill, Color line, float w) {
    g.setColor(fill);
    g.fill(shape);
    g.setColor(line);
    g.setStroke(new BasicStroke(w));
    g.draw(shape);
    g.setStroke(new BasicStroke(1f));
  }

  /** {@code c} mixed with white, {@code amount} 0 (c) to 1 (white). */
  static Color pale(Color c, double amount) {
    return new Color((int) Math.round(c.getRed() + (255 - c.getRed()) * amount),
        (int) Math.round(c.getGreen() + (255 - c.getGreen()) * amount),
        (int) Math.round(c.getBlue() + (255 - c.getBlue()) * amount));
  }

  /** {@code 1e-3}-style label of a power of ten. */
  static String decade(int exponent) {
    return exponent == 0 ? "1" : exponent == 1 ? "10" : "1e" + exponent;
  }

  /**
   * Tick values 0, s, 2s, ... up to the first at or above {@code max}: the step s is 1, 2 or 5
   * times a power of ten (at least 1 for counts), giving at most 5 intervals.
   */
  static double[] linearTicks(double max, boolean counts) {
    double top = max > 0 && Double.isFinite(max) ? max : 1;
    double step = Math.pow(10, Math.floor(Math.log10(top / 5)));
    for (double m : new double[] {1, 2, 5, 10}) {
      if (top / (m * step) <= 5) {
        step *= m;
        break;
      }
    }
    if (counts) {
      step = Math.max(1, Math.round(step));
    }
    int n = (int) Math.ceil(top / step - 1e-9);
    double[] ticks = new double[Math.max(n, 1) + 1];
    for (int i = 0; i < ticks.length; i++) {
      ticks[i] = i * step;
    }
    return ticks;
  }

  /** Draws a legend entry's text after its swatch at x; returns where the next entry starts. */
  int legendText(String s, int x, int y) {
    g.setColor(Color.BLACK);
    text(s, x, y, 0);
    return x + g.getFontMetrics().stringWidth(s) + 26;
  }

  /** A tick label for a linear axis value. */
  static String number(double v) {
    return v == Math.rint(v) ? Long.toString((long) v) : String.format(Locale.ROOT, "%.3g", v);
  }

  /** Writes the image as a PNG through a temporary file renamed over {@code png}. */
  /**
   * Grid lines at the decades of {@code y} across the plot area (left {@code px}, top
   * {@code py}, width {@code pw}, height {@code ph}), every {@link LogAxis#labelStep()}-th one
   * labelled {@code labelGap} pixels left of it, in the current font.
   */
  void logYGrid(LogAxis y, int px, int py, int pw, int ph, int labelGap) {
    for (int e = y.lo(); e <= y.hi(); e++) {
      int yy = py + ph - (int) Math.round(ph * y.fraction(Math.pow(10, e)));
      g.setColor(GRID);
      g.drawLine(px, yy, px + pw, yy);
      if ((e - y.lo()) % y.labelStep() == 0) {
        g.setColor(AXIS);
        text(decade(e), px - labelGap, yy + 4, 1);
      }
    }
  }

  /**
   * Vertical grid lines at {@code ticks} (0 at the left edge, the last tick at the right) across
   * the plot area, each labelled {@code labelGap} pixels below it, in the current font.
   */
  void linearXGrid(double[] ticks, int px, int py, int pw, int ph, int labelGap) {
    double max = ticks[ticks.length - 1];
    for (double v : ticks) {
      int xx = px + (int) Math.round(pw * v / max);
      g.setColor(GRID);
      g.drawLine(xx, py, xx, py + ph);
      g.setColor(AXIS);
      text(number(v), xx, py + ph + labelGap, 0.5);
    }
  }

  void write(Path png) throws IOException {
    g.dispose();
    AtomicFile.write(png, out -> {
      if (!ImageIO.write(image, "png", out)) {
        throw new IOException("no PNG writer available");
      }
    });
  }

  /**
   * A log-10 axis covering whole decades.
   *
   * @param lo the lowest decade's exponent
   * @param hi the highest decade's exponent, above lo
   */
  record LogAxis(int lo, int hi) {

    /**
     * The decades around the positive finite values, with a margin (1e-3 to 1 if there are
     * none).
     */
    static LogAxis around(double... values) {
      double min = Double.POSITIVE_INFINITY;
      double max = Double.NEGATIVE_INFINITY;
      for (double v : values) {
        if (v > 0 && Double.isFinite(v)) {
          min = Math.min(min, v);
          max = Math.max(max, v);
        }
      }
      if (min > max) {
        return new LogAxis(-3, 0);
      }
      // a little room, so that no point sits on the frame and the shortest bar shows
      int lo = (int) Math.floor(Math.log10(min) - 0.1);
      int hi = (int) Math.ceil(Math.log10(max) + 0.05);
      return new LogAxis(lo, Math.max(hi, lo + 1));
    }

    /** Where {@code v} lies, 0 at the bottom to 1 at the top, clamped (v <= 0 at 0). */
    double fraction(double v) {
      if (!(v > 0)) {
        return 0;
      }
      double f = (Math.log10(v) - lo) / (hi - lo);
      return Math.max(0, Math.min(1, f));
    }

    /** The exponents to label: every decade, or every other one when there are many. */
    int labelStep() {
      return hi - lo > 8 ? 2 : 1;
    }
  }
}
