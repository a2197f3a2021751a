package swatnn.bench;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import swatnn.cornn.CornnFunction;
import swatnn.search.SearchSettings;

/**
 * The SWAT-NN quality study: SWATNNRegressor with its defaults and with one option changed at a
 * time (polish on, one restart, the other starting point), beside MultilayerPerceptron -H 7,7
 * and LinearRegression, on F53 and F54 (the paper's tuning tasks) and eight other CORNN tasks
 * that span smooth bowls to highly oscillating surfaces. {@link CornnBenchmark} runs it,
 * {@link QualityReport} reports it.
 */
public final class QualityStudy {
  /** The label of SWATNNRegressor with its defaults. */
  public static final String DEFAULTS = BenchMethod.SWATNN.label();
  /** The label of the polished variant. */
  public static final String POLISH = DEFAULTS + "_polish";
  /** The label of the one-restart variant (the paper's R = 1). */
  public static final String ONE_RESTART = DEFAULTS + "_R1";

  /**
   * The tasks: F53 and F54, then Booth (F13), Exponential (F23) and Himmelblau (F26), smooth;
   * Adjiman (F5) and Bird (F10), moderately curved; Ackley (F1), Drop-Wave (F19) and Egg Crate
   * (F21), many local optima.
   */
  public static final List<CornnFunction> TASKS = List.of(CornnFunction.byNumber(53),
      CornnFunction.byNumber(54), CornnFunction.byNumber(13), CornnFunction.byNumber(23),
      CornnFunction.byNumber(26), CornnFunction.byNumber(5), CornnFunction.byNumber(10),
      CornnFunction.byNumber(1), CornnFunction.byNumber(19), CornnFunction.byNumber(21));

  private QualityStudy() {}

  /** The starting point the variant uses: the one SWATNNRegressor does not use by default. */
  public static SearchSettings.Init otherInit() {
    return new SearchSettings().init() == SearchSettings.Init.RANDOM
        ? SearchSettings.Init.ENCODE : SearchSettings.Init.RANDOM;
  }

  /** The label of the variant with the other starting point, e.g. {@code SWATNN_init_encode}. */
  public static String otherInitLabel() {
    return DEFAULTS + "_init_" + otherInit().name().toLowerCase(Locale.ROOT);
  }

  /** The variants' labels in report order, SWATNN's defaults first. */
  public static List<String> variantLabels() {
    return List.of(DEFAULTS, POLISH, ONE_RESTART, otherInitLabel());
  }

  /** The baselines' labels in report order. */
  public static List<String> baselineLabels() {
    return List.of(BenchMethod.MLP_7_7.label(), BenchMethod.LINEAR_REGRESSION.label());
  }

  /**
   * The study's runs.
   *
   * @param swatnnOptions options for every SWATNN variant (e.g. {@code -steps 50} for a short
   *     trial); must not set {@code -polish}, {@code -restarts} or {@code -init}, which the
   *     variants set
   * @throws IllegalArgumentException if {@code swatnnOptions} sets one of those
   */
  public static List<BenchRun> runs(String[] swatnnOptions) {
    for (String o : swatnnOptions) {
      if (List.of("-polish", "-restarts", "-init").contains(o)) {
        throw new IllegalArgumentException("the SWATNN options must not set " + o
            + ": the study's variants set it");
      }
    }
    List<BenchRun> runs = new ArrayList<>();
    runs.add(new BenchRun(DEFAULTS, BenchMethod.SWATNN, swatnnOptions));
    runs.add(new BenchRun(POLISH, BenchMethod.SWATNN, with(swatnnOptions, "-polish")));
    runs.add(new BenchRun(ONE_RESTART, BenchMethod.SWATNN,
        with(swatnnOptions, "-restarts", "1")));
    runs.add(new BenchRun(otherInitLabel(), BenchMethod.SWATNN,
        with(swatnnOptions, "-init", otherInit().name().toLowerCase(Locale.ROOT))));
    runs.add(BenchRun.of(BenchMethod.MLP_7_7));
    runs.add(BenchRun.of(BenchMethod.LINEAR_REGRESSION));
    return runs;
  }

  private static String[] with(String[] options, String... more) {
    String[] all = Arrays.copyOf(options, options.length + more.length);
    System.arraycopy(more, 0, all, options.length, more.length);
    return all;
  }
}
