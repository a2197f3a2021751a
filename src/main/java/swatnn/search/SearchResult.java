package swatnn.search;

import java.io.Serializable;
import java.util.List;
import swatnn.mlp.SparseMlp;

/**
 * What a search found: one result per configuration tried and the selected one. All errors
 * are on the scaled labels ([-1, 1] by the training range).
 *
 * @param meanValidationMse the validation MSE of predicting the (weighted) mean of the
 *     training labels, the baseline every network must beat; NaN when unknown
 * @param beatsMean whether the selected network beats that baseline clearly ({@link
 *     ConfigurationSelector#beatsMean}); true when unknown
 * @param groupSteps the search steps each group of restarts ran (fewer than the settings' steps
 *     where early stopping ended it, {@link SearchSettings#patience()}); empty when the search has
 *     no such groups
 */
public record SearchResult(List<ConfigurationResult> configurations, ConfigurationResult selected,
    double seconds, int trainRows, int validationRows, double meanValidationMse,
    boolean beatsMean, List<Integer> groupSteps) implements Serializable {

  public SearchResult {
    configurations = List.copyOf(configurations);
    // null in a result serialized before the component existed
    groupSteps = groupSteps == null ? List.of() : List.copyOf(groupSteps);
  }

  /** A result of a search without restart groups. */
  public SearchResult(List<ConfigurationResult> configurations, ConfigurationResult selected,
      double seconds, int trainRows, int validationRows, double meanValidationMse,
      boolean beatsMean) {
    this(configurations, selected, seconds, trainRows, validationRows, meanValidationMse,
        beatsMean, List.of());
  }

  /** A result without a known baseline. */
  public SearchResult(List<ConfigurationResult> configurations, ConfigurationResult selected,
      double seconds, int trainRows, int validationRows) {
    this(configurations, selected, seconds, trainRows, validationRows, Double.NaN, true);
  }

  public SparseMlp network() {
    return selected.network();
  }
}
