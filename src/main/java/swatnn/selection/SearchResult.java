package swatnn.selection;

import java.io.Serializable;
import java.util.List;

/**
 * What a search and the selection after it found: every candidate compared (the training mean,
 * the sparse linear models, every network found), the chosen one fitted on all training rows,
 * and per configuration its best network (for the Experimenter's and the benchmarks'
 * per-configuration figures). All errors are on the scaled class ([-1, 1] by the training
 * range).
 *
 * @param configurations per hidden-layer count searched, its network of lowest validation MSE;
 *     empty when no search ran
 * @param candidates every model compared, scored; for a hold-out, fitted on the rows searched
 * @param chosenIndex the chosen candidate's index in {@code candidates}
 * @param chosen the chosen candidate, its model fitted on all training rows
 * @param validation how the candidates were scored
 * @param networkInputs per network input, its column of the scaled input row (-1: held at 0)
 * @param trainRows the training rows (all of which the chosen model is fitted on)
 * @param seconds the time of the search and the selection
 * @param groupSteps the search steps each group of restarts ran (fewer than the settings' steps
 *     where early stopping ended it); empty for a search without such groups
 * @param searched whether a search ran (false: nothing to fit, the mean is the model)
 * @param linePValue the p-value of the line's overall F-test ({@link
 *     LinearModel#overallPValue}) on the rows the candidates were fitted to, which decides
 *     whether the mean has its band ({@link ModelSelector#meanBand}); null without a search
 *     and in models saved before it existed
 * @param toleranceFloor the floor of the selection's tolerance, as a fraction of {@code
 *     classVariance} ({@link ModelSelector}); 0 without a search and in models saved before
 *     it existed
 * @param classVariance the scaled class's variance on the rows the candidates were scored on;
 *     0 without a search and in models saved before it existed
 * @param gatedNetworks the names of the network candidates that went through the local search
 *     after the candidates were scored: after cross-validation those that passed its gate
 *     (validation or training MSE within {@link SelectionSettings#gatedLocalSearch()} times the
 *     class's variance, at most two per configuration; {@link ModelSearch#passingTheGate}), by
 *     configuration, empty when the gate was checked and none passed; on a hold-out the {@link
 *     SelectionSettings#heldOutLocalSearch()} of lowest held-out MSE, lowest first; null when
 *     neither ran (the gate or the count at 0, no Levenberg-Marquardt refinement, a class
 *     without variance), without a search and in models saved before it existed
 */
public record SearchResult(List<ConfigurationResult> configurations, List<Candidate> candidates,
    int chosenIndex, Candidate chosen, Validation validation, int[] networkInputs,
    int trainRows, double seconds, List<Integer> groupSteps, boolean searched,
    Double linePValue, double toleranceFloor, double classVariance,
    List<String> gatedNetworks) implements Serializable {
  private static final long serialVersionUID = 2L;

  public SearchResult {
    configurations = List.copyOf(configurations);
    candidates = List.copyOf(candidates);
    groupSteps = List.copyOf(groupSteps);
    gatedNetworks = gatedNetworks == null ? null : List.copyOf(gatedNetworks);
    networkInputs = networkInputs.clone();
  }

  /**
   * The result when there is nothing to fit (a constant class, no varying input): the mean.
   *
   * @param mean the weighted training mean on the scaled class
   * @param networkInputs the network's input columns
   * @param rows the training rows
   * @return a result without a search
   */
  public static SearchResult withoutSearch(double mean, int[] networkInputs, int rows) {
    Candidate only = new Candidate("mean", 0, new MeanModel(mean), 0, 0);
    return new SearchResult(List.of(), List.of(only), 0, only, new Validation(0, 0),
        networkInputs, rows, 0, List.of(), false, null, 0, 0, null);
  }

  /** @return the model used for predictions */
  public CandidateModel model() {
    return chosen.model();
  }

  @Override
  public int[] networkInputs() {
    return networkInputs.clone();
  }
}
