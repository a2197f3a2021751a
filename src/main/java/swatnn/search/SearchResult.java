package swatnn.search;

import java.io.Serializable;
import java.util.List;
import swatnn.mlp.SparseMlp;

/**
 * What a latent search found: one result per configuration tried and the selected one. All
 * errors are on the scaled labels ([-1, 1] by the training range).
 */
public record SearchResult(List<ConfigurationResult> configurations, ConfigurationResult selected,
    double seconds, int trainRows, int validationRows) implements Serializable {

  public SearchResult {
    configurations = List.copyOf(configurations);
  }

  public SparseMlp network() {
    return selected.network();
  }
}
