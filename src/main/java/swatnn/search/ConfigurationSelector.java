package swatnn.search;

import java.util.List;

/**
 * METHOD.md section 4: among the configurations whose validation MSE is within a tolerance of
 * the best one, the one with the fewest non-zero weights (ties: lower validation MSE).
 */
public final class ConfigurationSelector {
  private ConfigurationSelector() {}

  public static ConfigurationResult select(List<ConfigurationResult> results, double tolerance) {
    if (results.isEmpty()) {
      throw new IllegalArgumentException("no configuration to choose from");
    }
    double best = Double.POSITIVE_INFINITY;
    for (ConfigurationResult r : results) {
      best = Math.min(best, r.validationMse());
    }
    ConfigurationResult chosen = null;
    for (ConfigurationResult r : results) {
      if (!(r.validationMse() <= best * (1 + tolerance))) {
        continue;
      }
      if (chosen == null || r.nonZeroCount() < chosen.nonZeroCount()
          || r.nonZeroCount() == chosen.nonZeroCount() && r.validationMse() < chosen.validationMse()) {
        chosen = r;
      }
    }
    if (chosen == null) {
      // all non-finite: fall back to the first
      chosen = results.get(0);
    }
    return chosen;
  }
}
