package swatnn.robustness;

/**
 * One way a generated regression data set departs from a clean one ({@link MessyData} applies
 * them to a noisy function of a few numeric inputs).
 */
public enum Mutation {
  /** 5-50% of the input cells are {@code ?}. */
  MISSING_VALUES,
  /** One input column is {@code ?} on every row. */
  ALL_MISSING_COLUMN,
  /** One input column holds a single value. */
  CONSTANT_COLUMN,
  /** A copy of a signal input under another name. */
  DUPLICATED_COLUMN,
  /** A signal input rescaled to about 1e307, some cells {@code Double.MAX_VALUE} (1.8e308). */
  HUGE_VALUES,
  /** A signal input rescaled to a few multiples of {@code Double.MIN_VALUE} (4.9e-324). */
  TINY_VALUES,
  /** An input whose values span 1e-300 to 1e300 in magnitude, both signs. */
  SPANNING_MAGNITUDES,
  /** {@code Infinity} and {@code -Infinity} literals in an input column. */
  INFINITY_IN_INPUT,
  /** An {@code Infinity} literal in the class. */
  INFINITY_IN_CLASS,
  /** {@code NaN} literals in inputs and the class (Weka reads them as missing). */
  NAN_LITERALS,
  /** 0-15 rows. */
  FEW_ROWS,
  /** Many uniform noise inputs besides the signal (how many is the spec's). */
  NOISE_INPUTS,
  /** A nominal input with a new level on almost every row (hundreds of levels). */
  ID_NOMINAL,
  /** The class is exp of the signal: a long right tail. */
  SKEWED_TARGET,
  /** A few rows whose class or an input is multiplied by 1e6. */
  OUTLIERS,
  /** Some instance weights are 0. */
  ZERO_WEIGHTS,
  /** Some instance weights are 1e6-1e12. */
  HUGE_WEIGHTS,
  /** Instance weights spanning 1e-300 to 1e300. */
  SPANNING_WEIGHTS,
  /** A date input (ISO format). */
  DATE_COLUMN,
  /** A string input (which the regressors' capabilities refuse). */
  STRING_COLUMN,
  /** Some class values are missing; sometimes all of them. */
  MISSING_CLASS,
  /**
   * A nominal input with levels declared but never seen in training; the prediction rows use
   * them.
   */
  UNSEEN_NOMINAL,
  /** The class holds one value. */
  CONSTANT_TARGET,
  /** Every row repeated two to four times. */
  DUPLICATED_ROWS,
  /** The class is the first attribute, not the last. */
  CLASS_FIRST,
  /** Attribute names with spaces, quotes, commas and non-ASCII letters. */
  ODD_NAMES,
  /** The data written in ARFF's sparse format. */
  SPARSE_FORMAT
}
