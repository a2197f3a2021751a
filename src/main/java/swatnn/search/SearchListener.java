package swatnn.search;

/** Receives progress of a latent search (called on the searching thread). */
public interface SearchListener {
  /** No-op listener. */
  SearchListener NONE = (step, steps, loss) -> { };

  /**
   * @param step steps done (all configurations advance together)
   * @param steps steps in total
   * @param loss the mean total loss over configurations and restarts at this step
   */
  void progress(int step, int steps, double loss);
}
