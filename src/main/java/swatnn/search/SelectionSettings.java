package swatnn.search;

/**
 * The settings every configuration search shares: which hidden-layer counts it tries, how it
 * holds out rows and chooses among them (docs/METHOD.md section 4), and its seed. The searched-network
 * classifiers expose these as the same options.
 */
public interface SelectionSettings {
  /** The hidden-layer counts searched, each one configuration. */
  int[] layers();

  /** Sets the hidden-layer counts (each at least 1, no repeats). */
  SelectionSettings layers(int... v);

  /** The relative validation-MSE tolerance of the choice among configurations. */
  double tolerance();

  /** Sets the tolerance (at least 0). */
  SelectionSettings tolerance(double v);

  /** The fraction of the training rows held out for the choice. */
  double validationFraction();

  /** Sets the held-out fraction, in [0, 1). */
  SelectionSettings validationFraction(double v);

  /** The seed of every random choice of the search. */
  long seed();

  /** Sets the seed. */
  SelectionSettings seed(long v);
}
