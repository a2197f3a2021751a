package swatnn.bench;

import java.util.Arrays;
import java.util.Objects;
import weka.classifiers.Classifier;

/**
 * One method with its options under the label its rows carry in results.csv: a method as the
 * CORNN benchmark runs it ({@code "SWATNN"} with its defaults), or a variant of it that a study
 * compares ({@code "SWATNN_polish"}: SWATNN with {@code -polish}).
 *
 * @param label the results.csv method column; no comma or line break
 * @param method the classifier and its base options
 * @param options options appended to the method's base options
 */
public record BenchRun(String label, BenchMethod method, String[] options) {

  public BenchRun {
    Objects.requireNonNull(method, "method");
    if (label == null || label.isBlank() || label.matches(".*[,\"\\r\\n].*")) {
      throw new IllegalArgumentException("bad run label '" + label + "'");
    }
    options = options.clone();
  }

  /** The method under its own label. */
  public static BenchRun of(BenchMethod method, String... options) {
    return new BenchRun(method.label(), method, options);
  }

  /** A fresh classifier with the method's base options followed by this run's. */
  public Classifier create() throws Exception {
    return method.create(options);
  }

  @Override
  public String[] options() {
    return options.clone();
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof BenchRun r && label.equals(r.label) && method == r.method
        && Arrays.equals(options, r.options);
  }

  @Override
  public int hashCode() {
    return Objects.hash(label, method, Arrays.hashCode(options));
  }

  @Override
  public String toString() {
    return label;
  }
}
