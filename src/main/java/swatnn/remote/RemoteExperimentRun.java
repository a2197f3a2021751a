package swatnn.remote;

import java.io.IOException;
import java.io.PrintStream;
import java.rmi.Naming;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import weka.core.SerializedObject;
import weka.experiment.Compute;
import weka.experiment.Experiment;
import weka.experiment.RemoteExperiment;
import weka.experiment.RemoteExperimentEvent;

/**
 * Runs a {@link RemoteExperiment} headless, as the Experimenter's Run tab does, and waits for
 * it: Weka sends each sub-experiment (one data set by default) to the next free engine, puts one
 * that failed or whose engine could not be reached back into its queue for another engine, and
 * drops an engine after 3 failures. Weka's progress messages are copied to a stream, and the
 * outcome names every engine that failed.
 *
 * <p>One gap of Weka 3.8.6 is closed here: when an engine dies, its sub-experiment goes back
 * into the queue but nothing offers it to an engine that is already idle, so the run would wait
 * forever. This class offers waiting sub-experiments to idle engines every few seconds once an
 * engine has failed (the same call Weka makes when an engine finishes). And before any engine
 * starts, the result listener's tables are created once here (Weka's
 * {@code Experiment.initialize} on a copy), so engines starting together do not race to
 * create them (which costs Weka one failed sub-experiment per losing engine).
 */
public final class RemoteExperimentRun {
  private static final Pattern STARTING = Pattern.compile("^Starting (.*) on host (\\S+)$");
  private static final Pattern CONNECTION_FAILED = Pattern.compile(
      "^Connection to (\\S+) failed\\. Scheduling (.*) for execution on another host\\.$");
  private static final Pattern MAX_FAILURES = Pattern.compile(
      "^Max failures exceeded for host (\\S+)\\. Removed from host list\\.$");
  private static final long NUDGE_MS = 3000;

  /**
   * What happened.
   *
   * @param completed whether Weka reported every sub-experiment completed
   * @param finalMessage Weka's last message (e.g. "2 data sets completed successfully. 1
   *     failures during running."), or why the wait ended
   * @param started per engine ({@code host:port}), the sub-experiments started on it, in order
   * @param failedEngines the engines that could not be reached, died, or failed too often
   * @param failures Weka's messages about failed connections and failed sub-experiments
   */
  public record Outcome(boolean completed, String finalMessage, Map<String, List<String>> started,
      Set<String> failedEngines, List<String> failures) {}

  private RemoteExperimentRun() {}

  /**
   * Checks that an engine answers at every address.
   *
   * @throws IOException naming each engine that does not answer and why
   */
  public static void checkEngines(List<EngineAddress> engines) throws IOException {
    List<String> bad = new ArrayList<>();
    for (EngineAddress a : engines) {
      try {
        Object o = Naming.lookup("//" + a + "/" + EngineServer.BINDING);
        if (!(o instanceof Compute)) {
          bad.add(a + " (the registry there holds no Weka RemoteEngine)");
        }
      } catch (java.rmi.NotBoundException e) {
        bad.add(a + " (an RMI registry without a RemoteEngine)");
      } catch (java.rmi.ConnectException e) {
        bad.add(a + " (connection refused: is `bin/swatnn remote-engine --port " + a.port()
            + "` running there?)");
      } catch (java.rmi.UnknownHostException e) {
        bad.add(a + " (unknown host)");
      } catch (Exception e) {
        bad.add(a + " (" + e.getClass().getSimpleName() + ": " + e.getMessage() + ")");
      }
    }
    if (!bad.isEmpty()) {
      throw new IOException("remote engine(s) not reachable: " + String.join("; ", bad));
    }
  }

  /**
   * Runs {@code experiment} and waits until Weka reports it finished or aborted, or until
   * {@code timeout} (then the experiment is aborted: running sub-experiments finish on their
   * engines, no new ones start).
   *
   * @param experiment the experiment with its base experiment and engines; not modified
   * @param timeout the longest wait
   * @param log receives Weka's progress messages, one per line
   * @throws Exception if Weka cannot set the experiment up (no engines, no base experiment)
   */
  public static Outcome run(RemoteExperiment experiment, Duration timeout, PrintStream log)
      throws Exception {
    prepareResultTables(experiment);
    Runner exp = new Runner(experiment);
    Map<String, List<String>> started = new LinkedHashMap<>();
    Set<String> failedEngines = new LinkedHashSet<>();
    List<String> failures = new ArrayList<>();
    CountDownLatch finished = new CountDownLatch(1);
    String[] last = {null};
    boolean[] completed = {false};
    boolean[] engineLost = {false};
    exp.addRemoteExperimentListener((RemoteExperimentEvent e) -> {
      String msg = e.m_messageString == null ? "" : e.m_messageString.trim();
      synchronized (started) {
        if (e.m_logMessage || e.m_statusMessage) {
          log.println("  " + msg);
        }
        Matcher m;
        if ((m = STARTING.matcher(msg)).matches()) {
          started.computeIfAbsent(m.group(2), k -> new ArrayList<>()).add(m.group(1));
        } else if ((m = CONNECTION_FAILED.matcher(msg)).matches()) {
          failedEngines.add(m.group(1));
          failures.add(msg);
          engineLost[0] = true;
        } else if ((m = MAX_FAILURES.matcher(msg)).matches()) {
          failedEngines.add(m.group(1));
          failures.add(msg);
        } else if (msg.contains("Scheduling for execution on another host")) {
          failures.add(msg);
        } else if (msg.equals("Experiment completed successfully.")) {
          completed[0] = true;
        }
        if (e.m_experimentFinished && finished.getCount() > 0) {
          last[0] = msg;
          finished.countDown();
        }
      }
    });
    exp.initialize();
    exp.runExperiment();
    long deadline = System.nanoTime() + timeout.toNanos();
    while (!finished.await(NUDGE_MS, TimeUnit.MILLISECONDS)) {
      if (System.nanoTime() > deadline) {
        exp.abortExperiment();
        synchronized (started) {
          last[0] = "timed out after " + timeout.toSeconds() + " s; experiment aborted";
        }
        break;
      }
      boolean nudge;
      synchronized (started) {
        nudge = engineLost[0];
      }
      if (nudge) {
        exp.offerWaitingSubExperiments();
      }
    }
    synchronized (started) {
      Map<String, List<String>> s = new LinkedHashMap<>();
      started.forEach((k, v) -> s.put(k, List.copyOf(v)));
      return new Outcome(completed[0], last[0], s,
          java.util.Collections.unmodifiableSet(new LinkedHashSet<>(failedEngines)),
          List.copyOf(failures));
    }
  }

  /**
   * Creates the result listener's index and results table (for a DatabaseResultListener) by
   * initializing a copy of the base experiment, as each engine would.
   *
   * @throws Exception naming the problem if the listener cannot be set up (e.g. the database
   *     refuses the table)
   */
  static void prepareResultTables(RemoteExperiment experiment) throws Exception {
    Experiment copy = (Experiment) new SerializedObject(experiment.getBaseExperiment())
        .getObject();
    copy.initialize();
    copy.postProcess();
  }

  /** A copy of the experiment that can offer queued sub-experiments to idle engines. */
  private static final class Runner extends RemoteExperiment {
    private static final long serialVersionUID = 1L;

    Runner(RemoteExperiment source) throws Exception {
      super(source.getBaseExperiment());
      setSplitByDataSet(source.getSplitByDataSet());
      setSplitByProperty(source.getSplitByProperty());
      for (int i = 0; i < source.getRemoteHosts().size(); i++) {
        addRemoteHost(String.valueOf(source.getRemoteHosts().get(i)));
      }
    }

    /** Weka's own step after an engine finishes, without an engine to put back. */
    void offerWaitingSubExperiments() {
      availableHost(-1);
    }
  }
}
