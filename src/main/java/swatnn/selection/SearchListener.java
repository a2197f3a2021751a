package swatnn.selection;

/** Receives progress of a search and the selection after it (called on the searching thread). */
public interface SearchListener {
  /** No-op listener. */
  SearchListener NONE = (step, steps, loss) -> { };

  /**
   * @param step steps done (all configurations advance together)
   * @param steps steps in total
   * @param loss the mean total loss over configurations and restarts at this step
   */
  void progress(int step, int steps, double loss);

  /**
   * A group of restarts stopped early ({@link swatnn.search.SearchSettings#patience()}) after {@code step} of
   * {@code steps} steps; its remaining steps count as done in {@link #progress}. Called on the
   * group's thread, one call at a time. Does nothing by default.
   */
  default void stoppedEarly(int step, int steps) {}

  /**
   * The refinement of the extracted networks ({@link swatnn.search.SearchSettings#refinement()}): {@code done}
   * of {@code total} networks refined. Called on any of the search's threads, one call at a
   * time; it may begin before the last search step, as restart groups end at different steps.
   * Does nothing by default.
   */
  default void refined(int done, int total) {}

  /**
   * The local structure search ({@link swatnn.search.SearchSettings#localSearch()}): {@code
   * done} of {@code total} configurations' best networks searched. Called on any of the search's
   * threads, one call at a time. Does nothing by default.
   */
  default void locallySearched(int done, int total) {}

  /**
   * The cross-validation of the candidates ({@link ModelSearch}): {@code done} of {@code total}
   * refits (one per candidate and fold) scored. Called on any thread, one call at a time. Does
   * nothing by default.
   */
  default void crossValidated(int done, int total) {}

  /**
   * The final pruning of the chosen network ({@link SelectionSettings#prunesChosen()}), which
   * runs only on a near-exact fit: {@code done} of {@code total} (1) networks pruned, called
   * with 0 before and 1 after. Called on the selecting thread. Does nothing by default.
   */
  default void finallyPruned(int done, int total) {}
}
