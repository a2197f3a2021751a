package swatnn.weka;

import java.io.PrintStream;
import java.util.Locale;
import java.util.function.Consumer;
import swatnn.selection.SearchListener;
import weka.gui.Logger;

/**
 * The one path of a search's progress to a Weka user: a {@link SearchListener} that prints one
 * line at most every interval (the configurations searched, optionally a bar, the step, the
 * mean loss and the estimated time left), then how many of the networks found are refined. The
 * last step and the last refinement are always printed. The time left is
 * estimated from the steps after the first, which also pays for setting up the search.
 * {@link #forBuild} routes a build's progress to the command line and the Explorer.
 */
public final class ProgressPrinter implements SearchListener {
  /** Width of the command line's bar, in characters. */
  private static final int BAR = 20;

  private final Consumer<String> out;
  private final String prefix;
  private final boolean bar;
  private final long intervalNanos;
  private final long start = System.nanoTime();
  private boolean started;
  private long firstStep;
  private long lastPrint;
  private final Stage refining = new Stage("refined", "networks", "refinement");
  private final Stage localSearching = new Stage("local search on", "networks",
      "local search");
  private final Stage validating = new Stage("cross-validated", "refits", "cross-validation");
  private final Stage pruning = new Stage("pruned", "chosen network", "final pruning");

  /**
   * @param out where each line goes (e.g. the Explorer's status bar)
   * @param prefix what each line starts with, e.g. {@code "SWATNNRegressor: k=1,2 x 4 restarts"}
   * @param intervalSeconds the least time between two lines
   * @param bar whether a line shows a bar of the steps done
   */
  public ProgressPrinter(Consumer<String> out, String prefix, double intervalSeconds,
      boolean bar) {
    this.out = out;
    this.prefix = prefix;
    this.bar = bar;
    this.intervalNanos = (long) (intervalSeconds * 1e9);
  }

  /**
   * Where a build's progress goes: after {@code startLine}, lines with a bar every 2 seconds
   * on {@code console} (the command line, or a build with Weka's debug option), and status-bar
   * text every second to the Explorer's log.
   *
   * @param prefix what each line starts with
   * @param startLine the line printed on the console before the search
   * @param console the command line's stream, or null
   * @param log the Explorer's log, or null
   * @return the listener (no output when both are null)
   */
  public static SearchListener forBuild(String prefix, String startLine, PrintStream console,
      Logger log) {
    SearchListener toConsole = SearchListener.NONE;
    if (console != null) {
      console.println(startLine);
      toConsole = new ProgressPrinter(line -> {
        console.println(line);
        console.flush();
      }, prefix, 2.0, true);
    }
    if (log == null) {
      return toConsole;
    }
    SearchListener status = new ProgressPrinter(log::statusMessage, prefix, 1.0, false);
    SearchListener first = toConsole;
    return new SearchListener() {
      @Override
      public void progress(int step, int steps, double loss) {
        first.progress(step, steps, loss);
        status.progress(step, steps, loss);
      }

      @Override
      public void stoppedEarly(int step, int steps) {
        first.stoppedEarly(step, steps);
        status.stoppedEarly(step, steps);
      }

      @Override
      public void refined(int done, int total) {
        first.refined(done, total);
        status.refined(done, total);
      }

      @Override
      public void locallySearched(int done, int total) {
        first.locallySearched(done, total);
        status.locallySearched(done, total);
      }

      @Override
      public void crossValidated(int done, int total) {
        first.crossValidated(done, total);
        status.crossValidated(done, total);
      }
    };
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
    String done = "";
    if (bar) {
      int filled = (int) ((long) BAR * step / Math.max(steps, 1));
      done = String.format(Locale.ROOT, "  [%s%s] %3d%%", "#".repeat(filled),
          " ".repeat(BAR - filled), 100L * step / Math.max(steps, 1));
    }
    out.accept(String.format(Locale.ROOT, "%s%s  step %d/%d  loss %.5g  %s", prefix, done, step,
        steps, loss, time));
  }

  /** One line each time a group of restarts stops early: why the steps jump. */
  @Override
  public void stoppedEarly(int step, int steps) {
    out.accept(String.format(Locale.ROOT, "%s  a group of restarts stopped at step %d of %d: "
        + "its error had stopped falling (-patience); its other steps count as done", prefix,
        step, steps));
  }

  /**
   * One line at most every interval while the networks found are refined, and always the last,
   * which gives the refinement's time (from the end of the first group's search, which may be
   * before the search's last step: extraction included) and the time since the search began.
   */
  @Override
  public void refined(int done, int total) {
    refining.report(done, total);
  }

  /**
   * One line when the local structure search begins and each time a configuration's network is
   * done (at most every interval), and always the last, with its time and the time since the
   * search began.
   */
  @Override
  public void locallySearched(int done, int total) {
    localSearching.report(done, total);
  }

  /**
   * One line at most every interval while the candidates are cross-validated, and always the
   * last, which gives the cross-validation's time and the time since the search began.
   */
  @Override
  public void crossValidated(int done, int total) {
    validating.report(done, total);
  }

  /**
   * One line when the final pruning begins and one when it ends, with its time and the time
   * since the search began.
   */
  @Override
  public void finallyPruned(int done, int total) {
    pruning.report(done, total);
  }

  /** A stage after the search steps: counted work, a line at most every interval. */
  private final class Stage {
    private final String verb;
    private final String items;
    private final String name;
    private boolean shown;
    private long began;
    private long last;
    private int lastDone;

    /**
     * A line reads "PREFIX  VERB done/total ITEMS", the last one "... NAME done in 2s (9s since
     * the search began)"; the stage's own time runs from its first report, and again from a
     * report whose count falls (the stage run a second time, e.g. the cross-validation of the
     * candidates a gated local search added).
     */
    Stage(String verb, String items, String name) {
      this.verb = verb;
      this.items = items;
      this.name = name;
    }

    void report(int done, int total) {
      long now = System.nanoTime();
      boolean again = shown && done < lastDone;
      if (!shown || again) {
        began = now;
      }
      lastDone = done;
      if (done < total && shown && !again && now - last < intervalNanos) {
        return;
      }
      shown = true;
      last = now;
      String end = done < total ? "" : String.format(Locale.ROOT,
          "%s done in %s (%s since the search began)", name, duration((now - began) / 1e9),
          duration((now - start) / 1e9));
      out.accept(String.format(Locale.ROOT, "%s  %s %d/%d %s  %s", prefix, verb, done, total,
          items, end).stripTrailing());
    }
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
