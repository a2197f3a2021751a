package swatnn.bench;

import java.io.PrintStream;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import swatnn.weka.ProgressPrinter;

/**
 * The benchmark's progress on stderr: runs done of all (task, method) runs, the current task
 * and method, the elapsed time and an ETA. The ETA sums, over the runs still to do, the mean
 * time of the finished runs of the same method (earlier sessions' included); while a method
 * has no finished run its runs are left out and the ETA shown as a lower bound.
 *
 * <p>On a terminal one line is redrawn in place every second; otherwise (a log file) one line
 * is printed per run started, and nothing else.
 */
public final class BenchProgress implements AutoCloseable {
  private static final int BAR = 24;

  private final String name;
  private final PrintStream err;
  private final boolean terminal;
  private final int total;
  private final long start = System.nanoTime();
  private final Map<String, double[]> times = new HashMap<>(); // method -> {sum, count}
  private final List<String> pending; // methods of the runs not finished, in order
  private final ScheduledExecutorService ticker;
  private int done;
  private String current;
  private String currentMethod;
  private long currentStart;
  private boolean drawn;

  /**
   * @param name what the progress line starts with, e.g. {@code "bench cornn"}
   * @param err where the progress goes
   * @param terminal whether {@code err} is a terminal (see swatnn.cli.Terminal)
   * @param total all runs, done or not
   * @param done runs already done before this session
   * @param pending the method of each run still to do, in the order they will run
   * @param prior earlier sessions' run times, method label to seconds of each run
   */
  public BenchProgress(String name, PrintStream err, boolean terminal, int total, int done,
      List<String> pending, Map<String, List<Double>> prior) {
    this.name = name;
    this.err = err;
    this.terminal = terminal;
    this.total = total;
    this.done = done;
    this.pending = new java.util.ArrayList<>(pending);
    prior.forEach((m, list) -> list.forEach(s -> record(m, s)));
    if (terminal) {
      ticker = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "bench-progress");
        t.setDaemon(true);
        return t;
      });
      ticker.scheduleAtFixedRate(this::redraw, 1, 1, TimeUnit.SECONDS);
    } else {
      ticker = null;
    }
  }

  /** A run starts. */
  public synchronized void started(String taskLabel, String method) {
    current = taskLabel + " / " + method;
    currentMethod = method;
    currentStart = System.nanoTime();
    if (terminal) {
      draw();
    } else {
      err.println(name + " " + line());
      err.flush();
    }
  }

  /** The current run ended (finished or failed) after {@code seconds}. */
  public synchronized void ended(boolean finished, double seconds) {
    if (finished) {
      record(currentMethod, seconds);
    }
    pending.remove(currentMethod);
    done++;
    current = null;
    currentMethod = null;
    if (terminal) {
      draw();
    }
  }

  /** A pending run of {@code method} turned out done by another process: counted, not timed. */
  public synchronized void doneElsewhere(String method) {
    pending.remove(method);
    done++;
    if (terminal) {
      draw();
    }
  }

  /** Prints a line of results to {@code out} without tearing the progress line. */
  public synchronized void println(PrintStream out, String text) {
    if (terminal && drawn) {
      err.print("\r\033[K");
      err.flush();
      drawn = false;
    }
    out.println(text);
    out.flush();
    if (terminal) {
      draw();
    }
  }

  @Override
  public synchronized void close() {
    if (ticker != null) {
      ticker.shutdownNow();
    }
    if (terminal && drawn) {
      err.println();
      drawn = false;
    }
    err.flush();
  }

  private synchronized void redraw() {
    if (current != null) {
      draw();
    }
  }

  private void draw() {
    err.print("\r\033[K" + bar() + " " + line());
    err.flush();
    drawn = true;
  }

  private String bar() {
    int filled = total == 0 ? BAR : (int) ((long) BAR * done / total);
    return "[" + "#".repeat(filled) + "-".repeat(BAR - filled) + "]";
  }

  private String line() {
    long now = System.nanoTime();
    StringBuilder sb = new StringBuilder();
    sb.append(String.format(Locale.ROOT, "%d/%d", done, total));
    if (current != null) {
      sb.append("  ").append(current);
    }
    sb.append("  elapsed ").append(ProgressPrinter.duration((now - start) / 1e9));
    sb.append("  ETA ").append(eta(now));
    return sb.toString();
  }

  private String eta(long now) {
    double seconds = 0;
    boolean unknown = false;
    for (int i = 0; i < pending.size(); i++) {
      double[] t = times.get(pending.get(i));
      if (t == null) {
        unknown = true;
        continue;
      }
      double mean = t[0] / t[1];
      // the first pending run is the one in progress
      seconds += i == 0 && current != null ? Math.max(0, mean - (now - currentStart) / 1e9) : mean;
    }
    if (!unknown) {
      return ProgressPrinter.duration(seconds);
    }
    return seconds > 0 ? ">" + ProgressPrinter.duration(seconds) : "?";
  }

  private void record(String method, double seconds) {
    double[] t = times.computeIfAbsent(method, k -> new double[2]);
    t[0] += seconds;
    t[1]++;
  }
}
