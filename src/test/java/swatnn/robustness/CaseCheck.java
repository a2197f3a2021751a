package swatnn.robustness;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.regex.Pattern;
import swatnn.robustness.Outcome.Kind;
import swatnn.robustness.Outcome.Verdict;
import weka.classifiers.Classifier;
import weka.core.Instances;
import weka.core.SerializationHelper;
import weka.core.Utils;

/**
 * Builds one classifier on one generated data set under a time limit and judges the result:
 * either the build succeeds, every prediction row gets a finite prediction (a row with an
 * infinite input value, which training left out for its missing class, may instead be refused
 * with a message that names the attribute), the model text is
 * produced and a serialisation round trip ({@link SerializationHelper}) predicts and describes
 * identically; or the build throws an exception whose message is the classifier's own (it
 * starts with its name, or is Weka's capabilities message, which starts with its class name),
 * is none of the known misleading kinds, does not pass a library's message through, names the
 * attribute when it speaks of a non-finite value, and does not blame the settings (divergence,
 * learning rates) for data whose attribute holds non-finite or extreme values without naming it.
 */
public final class CaseCheck {
  private CaseCheck() {}

  /**
   * Runs the case on its own daemon thread; at the time limit the thread is interrupted and
   * left behind, and the outcome is a {@link Verdict#HANG}.
   *
   * @param subject the classifier and its settings
   * @param data the generated data
   * @param limit the time limit of build, predictions and round trip together
   * @return the outcome
   */
  public static Outcome run(SmallSearch subject, MessyData.Generated data, Duration limit) {
    ExecutorService thread = Executors.newSingleThreadExecutor(r -> {
      Thread t = new Thread(r, "messy-case " + subject.classifierName());
      t.setDaemon(true);
      return t;
    });
    long start = System.nanoTime();
    try {
      Future<Outcome> f = thread.submit(() -> check(subject, data, start));
      try {
        return f.get(limit.toMillis(), TimeUnit.MILLISECONDS);
      } catch (TimeoutException e) {
        f.cancel(true);
        return new Outcome(subject.classifierName(), Verdict.HANG, Kind.NONE,
            "still running after " + limit.toSeconds() + " s", "", seconds(start));
      } catch (ExecutionException e) {
        // check() catches every Throwable of the classifier: this is a defect of the check
        throw new IllegalStateException("the check itself failed on " + data.spec(),
            e.getCause());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        f.cancel(true);
        throw new IllegalStateException("interrupted while checking " + data.spec(), e);
      }
    } finally {
      thread.shutdownNow();
    }
  }

  private static Outcome check(SmallSearch subject, MessyData.Generated data, long start)
      throws Exception {
    String name = subject.classifierName();
    Classifier c = subject.create();
    try {
      c.buildClassifier(new Instances(data.train()));
    } catch (Exception e) {
      return refusal(name, c.getClass().getName(), e, data, start);
    } catch (Throwable t) { // an Error: StackOverflowError, OutOfMemoryError, ...
      return new Outcome(name, Verdict.ERROR, Kind.NONE, firstLine(t.toString()),
          origin(deepest(t)), seconds(start));
    }
    Instances rows = data.predict();
    double[] before;
    try {
      before = predict(c, rows, name);
    } catch (Exception e) {
      return new Outcome(name, Verdict.PREDICTION_FAILED, Kind.NONE,
          firstLine(String.valueOf(e.getMessage())), origin(deepest(e)), seconds(start));
    }
    for (int i = 0; i < before.length; i++) {
      if (!Double.isFinite(before[i]) && infiniteInput(rows.instance(i)) == null) {
        return new Outcome(name, Verdict.NON_FINITE_PREDICTION, Kind.NONE, String.format(
            Locale.ROOT, "prediction row %d of %d: %s", i + 1, before.length, before[i]), "",
            seconds(start));
      }
    }
    String text = c.toString();
    if (text == null || text.isBlank() || text.contains("no model built")) {
      return new Outcome(name, Verdict.NO_MODEL_TEXT, Kind.NONE, String.valueOf(text), "",
          seconds(start));
    }
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    SerializationHelper.write(bytes, c);
    Classifier copy = (Classifier) SerializationHelper.read(
        new ByteArrayInputStream(bytes.toByteArray()));
    double[] after = predict(copy, rows, name);
    for (int i = 0; i < before.length; i++) {
      if (Double.doubleToLongBits(before[i]) != Double.doubleToLongBits(after[i])) {
        return new Outcome(name, Verdict.ROUND_TRIP_DIFFERENCE, Kind.NONE, String.format(
            Locale.ROOT, "prediction row %d: %s before, %s after", i + 1, before[i], after[i]),
            "", seconds(start));
      }
    }
    if (!text.equals(copy.toString())) {
      return new Outcome(name, Verdict.ROUND_TRIP_DIFFERENCE, Kind.NONE,
          "the model text differs after the round trip", "", seconds(start));
    }
    return new Outcome(name, Verdict.BUILT, Kind.NONE, "", "", seconds(start));
  }

  /**
   * The predictions of every row. A row with an infinite input value (a training row that
   * training left out, its class being missing) may be refused, with a message that starts
   * with the classifier's name and names the attribute; it is then NaN here.
   *
   * @throws Exception the first refusal of a row without an infinite input, or one that does
   *     not name the attribute
   */
  private static double[] predict(Classifier c, Instances rows, String name) throws Exception {
    double[] p = new double[rows.numInstances()];
    for (int i = 0; i < p.length; i++) {
      String infinite = infiniteInput(rows.instance(i));
      try {
        p[i] = c.classifyInstance(rows.instance(i));
      } catch (Exception e) {
        String m = e.getMessage() == null ? "" : e.getMessage();
        if (infinite == null || !m.startsWith(name + ":") || !names(m, infinite)) {
          throw e;
        }
        p[i] = Double.NaN;
      }
    }
    return p;
  }

  /** The name of the first numeric input attribute whose value is infinite, or null. */
  static String infiniteInput(weka.core.Instance row) {
    for (int j = 0; j < row.numAttributes(); j++) {
      if (j != row.classIndex() && row.attribute(j).isNumeric()
          && Double.isInfinite(row.value(j))) {
        return row.attribute(j).name();
      }
    }
    return null;
  }

  /**
   * Judges a build's exception.
   *
   * @param name the classifier's simple name
   * @param className its full class name (Weka's capabilities messages start with it)
   * @param e the exception
   * @param data the data it was built on
   * @param start when the case started ({@link System#nanoTime()})
   * @return a {@link Verdict#CLEAR_REFUSAL} or an {@link Verdict#UNCLEAR_REFUSAL}
   */
  static Outcome refusal(String name, String className, Exception e, MessyData.Generated data,
      long start) {
    String message = e.getMessage() == null ? "" : e.getMessage();
    Throwable deepest = deepest(e);
    Kind kind = kindOf(name, className, message, e, data);
    return new Outcome(name, kind == Kind.NONE ? Verdict.CLEAR_REFUSAL : Verdict.UNCLEAR_REFUSAL,
        kind, firstLine(message), origin(deepest), seconds(start));
  }

  static Kind kindOf(String name, String className, String message, Throwable e,
      MessyData.Generated data) {
    if (message.isBlank()) {
      return Kind.NO_MESSAGE;
    }
    String lower = message.toLowerCase(Locale.ROOT);
    boolean capabilities = message.startsWith(className + ":");
    if (message.contains("Some instance weights are not equal to 1") && !capabilities) {
      // Weka's capabilities say so for a classifier that does not handle weights: clear;
      // from inside the build (e.g. an attribute evaluator) it is not
      return Kind.WEIGHTS_NOT_HANDLED;
    }
    if (lower.contains("convergence failed")) {
      return Kind.CONVERGENCE_FAILED;
    }
    if (lower.contains("model file may be unusable")) {
      return Kind.MODEL_FILE_BLAMED;
    }
    Set<String> culprits = new LinkedHashSet<>(data.nonFinite());
    culprits.addAll(data.extreme());
    if ((lower.contains("diverged") || lower.contains("learning rate"))
        && !culprits.isEmpty() && culprits.stream().noneMatch(a -> names(message, a))) {
      return Kind.WRONG_CAUSE;
    }
    if ((lower.contains("infinit") || lower.contains("non-finite value")
        || lower.matches("(?s).*\\bnan\\b.*"))
        && data.attributeNames().stream().noneMatch(a -> names(message, a))) {
      return Kind.NON_FINITE_UNNAMED;
    }
    if (!message.startsWith(name + ":") && !capabilities) {
      return Kind.NOT_PREFIXED;
    }
    for (Throwable c = e.getCause(); c != null; c = c.getCause()) {
      String m = c.getMessage();
      if (m != null && m.strip().length() >= 8 && message.contains(m.strip())
          && isLibrary(origin(c))) {
        return Kind.LIBRARY_MESSAGE;
      }
    }
    return Kind.NONE;
  }

  /** Whether {@code message} names the attribute, as it is or quoted as Weka quotes it. */
  static boolean names(String message, String attribute) {
    for (String form : new String[] {attribute, Utils.quote(attribute)}) {
      if (Pattern.compile("(?<![\\w])" + Pattern.quote(form) + "(?![\\w])").matcher(message)
          .find()) {
        return true;
      }
    }
    return false;
  }

  /** Whether a frame's class is outside this package's own code. */
  static boolean isLibrary(String origin) {
    return !origin.isEmpty() && !origin.startsWith("swatnn.")
        && !origin.startsWith("weka.classifiers.functions.");
  }

  private static Throwable deepest(Throwable t) {
    Throwable d = t;
    while (d.getCause() != null && d.getCause() != d) {
      d = d.getCause();
    }
    return d;
  }

  private static String origin(Throwable t) {
    StackTraceElement[] s = t.getStackTrace();
    return s.length == 0 ? "" : s[0].getClassName() + "." + s[0].getMethodName();
  }

  private static String firstLine(String s) {
    int nl = s.indexOf('\n');
    return nl < 0 ? s : s.substring(0, nl);
  }

  private static double seconds(long start) {
    return (System.nanoTime() - start) / 1e9;
  }
}
