package swatnn.robustness;

import java.util.Locale;

/**
 * How one classifier fared on one generated data set ({@link CaseCheck}).
 *
 * @param classifier the classifier's simple name
 * @param verdict what happened
 * @param kind for {@link Verdict#UNCLEAR_REFUSAL}, which kind; otherwise {@link Kind#NONE}
 * @param message the exception's message (first line), or what was wrong, or empty
 * @param origin where the deepest cause was thrown ({@code class.method}), or empty
 * @param seconds the wall time of the case
 */
public record Outcome(String classifier, Verdict verdict, Kind kind, String message,
    String origin, double seconds) {

  /** What happened. */
  public enum Verdict {
    /** Built; finite predictions, a model text, an identical round trip. */
    BUILT,
    /** Refused with a message in the classifier's (or Weka's capabilities') words. */
    CLEAR_REFUSAL,
    /** Refused with a message that misleads, names nothing, or comes from a library. */
    UNCLEAR_REFUSAL,
    /** Still running at the time limit. */
    HANG,
    /** Built, but a prediction was NaN or infinite. */
    NON_FINITE_PREDICTION,
    /** Built, but a prediction threw. */
    PREDICTION_FAILED,
    /** Built, but the model text was empty or said no model was built. */
    NO_MODEL_TEXT,
    /** Built, but the deserialised copy predicted or described differently. */
    ROUND_TRIP_DIFFERENCE,
    /** A java.lang.Error (e.g. StackOverflowError) instead of an exception. */
    ERROR;

    /** Whether this verdict is one the package promises. */
    public boolean acceptable() {
      return this == BUILT || this == CLEAR_REFUSAL;
    }
  }

  /** The kinds of unclear refusal. */
  public enum Kind {
    /** Not an unclear refusal. */
    NONE,
    /** "Some instance weights are not equal to 1": weights not passed through input ranking. */
    WEIGHTS_NOT_HANDLED,
    /** "convergence failed" (Commons Math's iteration limit). */
    CONVERGENCE_FAILED,
    /** The message blames the model file, though the bundled model is intact. */
    MODEL_FILE_BLAMED,
    /**
     * The settings are blamed (divergence, learning rates) for data with non-finite or extreme
     * values, whose attribute is not named.
     */
    WRONG_CAUSE,
    /** A non-finite value named without the attribute that holds it. */
    NON_FINITE_UNNAMED,
    /** The message is a library exception's, passed through. */
    LIBRARY_MESSAGE,
    /** The message starts with neither the classifier's name nor Weka's capabilities prefix. */
    NOT_PREFIXED,
    /** The exception has no message. */
    NO_MESSAGE
  }

  /** Whether the outcome is one the package promises. */
  public boolean acceptable() {
    return verdict.acceptable();
  }

  /** The message with digits folded, for counting messages of the same kind. */
  public String messageShape() {
    String m = message.replaceAll("-?\\d+(\\.\\d+)?([eE][-+]?\\d+)?", "#");
    return m.length() > 160 ? m.substring(0, 160) + "..." : m;
  }

  /** One line for a failure report. */
  @Override
  public String toString() {
    return String.format(Locale.ROOT, "%s: %s%s after %.1f s%s%s", classifier, verdict,
        kind == Kind.NONE ? "" : " (" + kind + ")", seconds,
        message.isEmpty() ? "" : ": " + message, origin.isEmpty() ? "" : " [from " + origin + "]");
  }
}
