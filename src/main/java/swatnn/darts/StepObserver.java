package swatnn.darts;

/** Told of every optimisation step of a search phase; may stop the search by throwing. */
@FunctionalInterface
interface StepObserver {
  /** Ignores every step. */
  StepObserver NONE = loss -> { };

  /**
   * Called after each step.
   *
   * @param loss the training loss the step's gradient was taken at
   */
  void stepDone(double loss);
}
