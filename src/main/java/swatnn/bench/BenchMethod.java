package swatnn.bench;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import swatnn.weka.NetworkSearchClassifier;
import weka.classifiers.Classifier;
import weka.core.OptionHandler;

/**
 * The methods the benchmarks compare, each a Weka classifier with fixed options (and so fixed
 * seeds). The two searches also report every configuration they tried.
 *
 * <p>Every class is loaded by name, so a method whose classifier is not on the class path (the
 * DARTS + ADMM baseline in a build without it) is reported as unavailable instead of breaking
 * the build.
 */
public enum BenchMethod {
  SWATNN("SWATNN", "weka.classifiers.functions.SWATNNRegressor", true),
  DARTS_ADMM("DARTS_ADMM", "weka.classifiers.functions.DartsAdmmRegressor", true),
  MLP_7_7("MLP_7_7", "weka.classifiers.functions.MultilayerPerceptron", false, "-H", "7,7"),
  MLP_DEFAULT("MLP_default", "weka.classifiers.functions.MultilayerPerceptron", false),
  RANDOM_FOREST("RandomForest", "weka.classifiers.trees.RandomForest", false),
  /** Weka's model tree, default options; run by the real-data benchmark, not by CORNN's. */
  M5P("M5P", "weka.classifiers.trees.M5P", false),
  LINEAR_REGRESSION("LinearRegression", "weka.classifiers.functions.LinearRegression", false);

  private final String label;
  private final String className;
  private final boolean search;
  private final String[] baseOptions;

  BenchMethod(String label, String className, boolean search, String... baseOptions) {
    this.label = label;
    this.className = className;
    this.search = search;
    this.baseOptions = baseOptions;
  }

  /** The name used in results.csv and on the command line, e.g. {@code "MLP_7_7"}. */
  public String label() {
    return label;
  }

  /** The classifier's fully qualified class name. */
  public String className() {
    return className;
  }

  /**
   * Whether the method is a configuration search ({@link NetworkSearchClassifier}): its rows
   * are one per configuration ({@code k1..k4}) plus {@code selected}.
   */
  public boolean isSearch() {
    return search;
  }

  /** Whether the classifier's class can be loaded. */
  public boolean isAvailable() {
    try {
      Class.forName(className);
      return true;
    } catch (ClassNotFoundException | LinkageError e) {
      return false;
    }
  }

  /** The options the method always uses, before any extra ones; empty for Weka's defaults. */
  public String[] baseOptions() {
    return baseOptions.clone();
  }

  /**
   * A fresh classifier with the method's options followed by {@code extraOptions}.
   *
   * @throws Exception if the class is missing, is not a classifier (or, for a search, not a
   *     {@link NetworkSearchClassifier}), or refuses the options
   */
  public Classifier create(String[] extraOptions) throws Exception {
    Class<?> type;
    try {
      type = Class.forName(className);
    } catch (ClassNotFoundException e) {
      throw new Exception(label + ": class " + className + " is not on the class path");
    }
    Object made = type.getDeclaredConstructor().newInstance();
    if (!(made instanceof Classifier c)) {
      throw new Exception(label + ": " + className + " is not a Weka classifier");
    }
    if (search && !(made instanceof NetworkSearchClassifier)) {
      throw new Exception(label + ": " + className + " does not implement "
          + NetworkSearchClassifier.class.getName());
    }
    List<String> options = new ArrayList<>(Arrays.asList(baseOptions));
    options.addAll(Arrays.asList(extraOptions));
    if (!options.isEmpty()) {
      if (!(made instanceof OptionHandler handler)) {
        throw new Exception(label + ": " + className + " takes no options");
      }
      handler.setOptions(options.toArray(new String[0]));
    }
    return c;
  }

  /** The method with this label, ignoring case. */
  public static BenchMethod parse(String token) {
    String t = token.trim();
    for (BenchMethod m : values()) {
      if (m.label.equalsIgnoreCase(t)) {
        return m;
      }
    }
    throw new IllegalArgumentException("unknown method '" + t + "' (expected one of "
        + String.join(", ", labels(List.of(values()))) + ")");
  }

  /** A comma-separated list of labels, in the order given, without repeats. */
  public static List<BenchMethod> parseList(String commaSeparated) {
    Set<BenchMethod> picked = new LinkedHashSet<>();
    for (String token : commaSeparated.split(",", -1)) {
      if (token.isBlank()) {
        throw new IllegalArgumentException("empty entry in method list '" + commaSeparated + "'");
      }
      picked.add(parse(token));
    }
    return List.copyOf(picked);
  }

  /** The labels of {@code methods}. */
  public static List<String> labels(List<BenchMethod> methods) {
    return methods.stream().map(BenchMethod::label).toList();
  }

  /** The method with this label, or null (a label from a results file of another version). */
  public static BenchMethod byLabel(String label) {
    for (BenchMethod m : values()) {
      if (m.label.equals(label)) {
        return m;
      }
    }
    return null;
  }

  @Override
  public String toString() {
    return label;
  }
}
