package swatnn.weka;

import java.io.PrintStream;
import java.util.Locale;
import java.util.function.Consumer;
import swatnn.search.SearchListener;

/**
 * A {@link SearchListener} that prints one line at most every interval: the configurations
 * searched, the step, the mean loss and the estimated time left. The last step is always
 * printed. The time left is estimated from the steps after the first, which also pays for
 * setting up the search.
 */
public final class ProgressPrinter implements SearchListener {
  private final Consumer<String> out;
  private final String prefix;
  private final long intervalNanos;
  private final long start = System.nanoTime();
  private boolean started;
  private long firstStep;
  private long lastPrint;

  /**
   * @param out where to print
   * @param prefix what each line starts with, e.g. {@code "SWATNNRegressor: k=1,2 x 4 restarts"}
   * @param intervalSeconds the least time between two lines
   */
  public ProgressPrinter(PrintStream out, String prefix, double intervalSeconds) {
    this(line -> {
      out.println(line);
      out.flush();
    }, prefix, intervalSeconds);
  }

  /**
   * @param out where each line goes (e.g. the Explorer's status bar)
   * @param prefix what each line starts with
   * @param intervalSeconds the least time between two lines
   */
  public ProgressPrinter(Consumer<String> out, String prefix, double intervalSeconds) {
    this.out = out;
    this.prefix = prefix;
    this.intervalNanos = (long) (intervalSeconds * 1e9);
  }

  @Override
  public void progress(int step, int steps, double loss) {
    long now = System.nanoTime();
    if (!started) {
      started = true;
      firstStep = now;
      lastPrint = now;
    }
    if (step < steps && (step == 1 || now - lastPrint < intervalNanos)) {
      return;
    }
    lastPrint = now;
    String time = step < steps
        ? "ETA " + duration((now - firstStep) / 1e9 / (step - 1) * (steps - step))
        : "done in " + duration((now - start) / 1e9);
    out.accept(String.format(Locale.ROOT, "%s  step %d/%d  loss %.5g  %s", prefix, step, steps,
        loss, time));
  }

  /** A duration as {@code 42s}, {@code 3m05s} or {@code 1h02m}. */
  public static String duration(double seconds) {
    long s = Math.round(seconds);
    if (s < 60) {
      return s + "s";
    }
    if (s < 3600) {
      return String.format(Locale.ROOT, "%dm%02ds", s / 60, s % 60);
    }
    return String.format(Locale.ROOT, "%dh%02dm", s / 3600, s % 3600 / 60);
  }
}
