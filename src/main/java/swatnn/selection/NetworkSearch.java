package swatnn.selection;

import java.util.List;
import swatnn.mlp.SparseMlp;
import swatnn.selection.SearchListener;

/**
 * A search for network structures on given rows (the latent search, DARTS+ADMM). It returns
 * every network it found, each fitted to the rows it searched on; the choice among them, and
 * against the simpler models, is {@link ModelSearch}'s.
 */
public interface NetworkSearch {

  /**
   * One network found.
   *
   * @param name e.g. {@code k=2 restart 3}
   * @param hiddenLayers its configuration
   * @param network fitted to the searched rows
   * @param effectiveParameters gamma where Bayesian regularisation fitted it, else the free
   *     parameters
   * @param start the network as the search produced it, before it was fitted to the rows: the
   *     start of every refit of its structure ({@link NetworkModel#start()})
   */
  record Found(String name, int hiddenLayers, SparseMlp network, double effectiveParameters,
      SparseMlp start) {}

  /**
   * What a search found.
   *
   * @param networks every network, by configuration then restart
   * @param groupSteps the steps each group of restarts ran, or empty
   */
  record Outcome(List<Found> networks, List<Integer> groupSteps) {
    public Outcome {
      networks = List.copyOf(networks);
      groupSteps = List.copyOf(groupSteps);
    }
  }

  /**
   * @param rows the rows to search on, their inputs the network's (already scaled to [-1, 1])
   * @param listener progress
   * @return every network found; at least one
   * @throws IllegalStateException if no network could be found (every one non-finite)
   */
  Outcome search(Rows rows, SearchListener listener);
}
