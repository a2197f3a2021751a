package swatnn.scaling;

import java.io.Serializable;
import java.util.function.DoubleFunction;

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

  /** One line for the model text, e.g. {@code min-max [64, 64000]}, in 5 significant digits. */
  default String describe() {
    return describe(Numbers::format);
  }

  /**
   * The same line with its numbers written by {@code number}.
   *
   * @param number how a number is written, e.g. to the model text's decimal places
   * @return the line
   */
  String describe(DoubleFunction<String> number);

  /**
   * This map as Java source, for a model written out as a class of its own: static members
   * of that class, among them {@code static double NAME(double v)}, which computes {@link
   * #apply} with the same arithmetic on the same constants (written as literals that read back
   * exactly), so that it returns the same value; its comment is {@link #describe} with the
   * same literals. Any other member's name starts with {@code
   * name}. It may call the methods of {@link Spans#source()}, which the class holds once. The
   * source needs nothing but the JDK and compiles as Java 8.
   *
   * @param name the method's name, a Java identifier
   * @return the members, each line indented by two spaces and ending in a newline
   * @throws UnsupportedOperationException if this map has no source form
   */
  default String toSource(String name) {
    throw new UnsupportedOperationException("the input scaling " + getClass().getSimpleName()
        + " cannot be written as Java source");
  }
}
