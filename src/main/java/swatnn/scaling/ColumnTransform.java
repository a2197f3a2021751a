package swatnn.scaling;

import java.io.Serializable;

/** The fitted map of one input column to the network's input scale. */
public interface ColumnTransform extends Serializable {
  /**
   * Maps a raw value.
   *
   * @param v the column's raw value
   * @return the scaled value (about [-1, 1]); NaN for NaN
   */
  double apply(double v);

  /**
   * The map actually used for this column: {@link ScalingMethod#MIN_MAX} for the columns every
   * method scales min-max (at most two distinct values, constant, or under {@code LOG} not
   * positive and skewed).
   */
  ScalingMethod applied();

  /** One line for the model text, e.g. {@code min-max [64, 64000]}. */
  String describe();
}
