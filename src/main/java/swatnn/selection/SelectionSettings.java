package swatnn.selection;

import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.ObjectStreamClass;
import java.io.Serializable;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.Arrays;
import java.util.Objects;
import swatnn.mlp.LeastSquaresRefiner;
import swatnn.mlp.Refinement;
import swatnn.scaling.ScalingMethod;

/**
 * The settings every network search shares (the latent search's {@code SearchSettings},
 * DARTS+ADMM's {@code DartsSettings}): which hidden-layer counts it tries, how the networks
 * found are refined, how the candidates are scored and chosen ({@link ModelSearch},
 * docs/METHOD.md section 4) and the seed. Mutable; every setter checks its value and throws
 * {@link IllegalArgumentException} naming the problem.
 *
 * @param <S> the concrete settings, so that setters chain
 */
public abstract class SelectionSettings<S extends SelectionSettings<S>> implements Serializable {
  private static final long serialVersionUID = 1L;

  /** Default of {@link #folds()}. */
  public static final int DEFAULT_FOLDS = 5;

  /** Default of {@link #maxCrossValidationRows()}. */
  public static final int DEFAULT_MAX_CROSS_VALIDATION_ROWS = 1000;

  /**
   * Default of {@link #toleranceFloor()}: a difference in MSE of 1e-5 of the class's variance
   * is an RMSE of about 0.3% of its standard deviation, below the 1% at which the planted suite
   * counts a noiseless generator as found (benchmarks/planted-select).
   */
  public static final double DEFAULT_TOLERANCE_FLOOR = 1e-5;

  private int[] layers = {1, 2, 3, 4};
  private double tolerance = 0.05;
  private double toleranceFloor = DEFAULT_TOLERANCE_FLOOR;
  private double validationFraction = 0.2;
  private long seed = 1;
  private Refinement refinement = Refinement.DEFAULT;
  private int refineIterations = LeastSquaresRefiner.DEFAULT_ITERATIONS;
  private int folds = DEFAULT_FOLDS;
  private int maxCrossValidationRows = DEFAULT_MAX_CROSS_VALIDATION_ROWS;
  private ScalingMethod inputScaling = DEFAULT_INPUT_SCALING;

  /**
   * Default of {@link #inputScaling()}: measured against min-max, quantile and robust scaling
   * on generated data (benchmarks/input-scaling: geometric-mean test RMSE 0.91 of min-max's; the
   * same as min-max where no input is positive and skewed).
   */
  public static final ScalingMethod DEFAULT_INPUT_SCALING = ScalingMethod.LOG;

  /** @return this, as the concrete settings */
  protected abstract S self();

  /** @return the hidden-layer counts searched, each one configuration, ascending */
  public int[] layers() {
    return layers.clone();
  }

  /**
   * @param v hidden-layer counts (each at least 1; repeats are dropped)
   * @return this
   */
  public S layers(int... v) {
    require(v.length > 0, "at least one hidden-layer count is needed");
    int[] s = Arrays.stream(v).distinct().sorted().toArray();
    require(s[0] >= 1, "hidden-layer counts must be >= 1, got " + s[0]);
    layers = s;
    return self();
  }

  /** @return the relative validation-MSE tolerance of the choice ({@link ModelSelector}) */
  public double tolerance() {
    return tolerance;
  }

  /**
   * @param v the tolerance, at least 0
   * @return this
   */
  public S tolerance(double v) {
    requireFiniteNonNegative(v, "tolerance");
    tolerance = v;
    return self();
  }

  /**
   * @return the absolute part of the choice's tolerance, as a fraction of the scaled class's
   *     variance ({@link ModelSelector}): candidates within {@code best * (1 + tolerance) +
   *     toleranceFloor * variance} of the best validation MSE count as close
   */
  public double toleranceFloor() {
    return toleranceFloor;
  }

  /**
   * @param v the floor, a fraction of the class's variance in [0, 1)
   * @return this
   */
  public S toleranceFloor(double v) {
    require(v >= 0 && v < 1, "tolerance floor must be in [0, 1), got " + v);
    toleranceFloor = v;
    return self();
  }

  /**
   * @return whether {@link ModelSearch} prunes the chosen network (with Levenberg-Marquardt
   *     refinement only): on a hold-out within the selection's band on the held-out rows,
   *     after cross-validation a near-exact fit within {@link #toleranceFloor()} on the
   *     training rows;
   *     false here, so DARTS+ADMM keeps the choice it had (its ADMM prunes); the latent
   *     search's settings turn it on
   */
  public boolean prunesChosen() {
    return false;
  }

  /**
   * @return after cross-validation, the largest validation or training MSE, as a fraction of
   *     the class's variance, of a network that then goes through the local structure search,
   *     the result joining the candidates ({@link ModelSearch#passingTheGate}; 0: none); 0
   *     here, so DARTS+ADMM keeps the choice it had; the latent search's settings turn it on
   */
  public double gatedLocalSearch() {
    return 0;
  }

  /**
   * @return on a hold-out, how many networks of lowest held-out MSE then go through the local
   *     structure search, the results joining the candidates ({@link ModelSearch}; 0: none); 0
   *     here, so DARTS+ADMM keeps the choice it had; the latent search's settings turn it on
   */
  public int heldOutLocalSearch() {
    return 0;
  }

  /**
   * @return the fraction of the training rows held out when the candidates are not
   *     cross-validated
   */
  public double validationFraction() {
    return validationFraction;
  }

  /**
   * @param v the held-out fraction, in [0, 1)
   * @return this
   */
  public S validationFraction(double v) {
    require(v >= 0 && v < 1, "validation fraction must be in [0, 1), got " + v);
    validationFraction = v;
    return self();
  }

  /** @return the seed of every random choice */
  public long seed() {
    return seed;
  }

  /**
   * @param v the seed
   * @return this
   */
  public S seed(long v) {
    seed = v;
    return self();
  }

  /**
   * @return how every network found is refined on the rows searched, and every candidate
   *     refitted in the selection
   */
  public Refinement refinement() {
    return refinement;
  }

  /**
   * @param v the refinement
   * @return this
   */
  public S refinement(Refinement v) {
    refinement = Objects.requireNonNull(v, "refinement");
    return self();
  }

  /** @return Levenberg-Marquardt's iteration cap */
  public int refineIterations() {
    return refineIterations;
  }

  /**
   * @param v the iteration cap, at least 1
   * @return this
   */
  public S refineIterations(int v) {
    require(v >= 1, "refinement iterations must be >= 1, got " + v);
    refineIterations = v;
    return self();
  }

  /**
   * @return the folds of the cross-validation that scores the candidates on at most {@link
   *     #maxCrossValidationRows()} training rows; 0 or 1: always a single hold-out of {@link
   *     #validationFraction()}
   */
  public int folds() {
    return folds;
  }

  /**
   * @param v the folds, 0 (no cross-validation) or at least 2
   * @return this
   */
  public S folds(int v) {
    require(v == 0 || v >= 2, "folds must be 0 (a single hold-out) or at least 2, got " + v);
    folds = v;
    return self();
  }

  /**
   * @return the most training rows on which candidates are cross-validated; above it one
   *     hold-out of {@link #validationFraction()} scores them (as good on large data, and k
   *     times cheaper)
   */
  public int maxCrossValidationRows() {
    return maxCrossValidationRows;
  }

  /**
   * @param v the row limit, at least 0
   * @return this
   */
  public S maxCrossValidationRows(int v) {
    require(v >= 0, "the cross-validation row limit must be >= 0, got " + v);
    maxCrossValidationRows = v;
    return self();
  }

  /**
   * @return how each input is mapped to the models' scale ({@link swatnn.scaling.InputScaling},
   *     docs/METHOD.md section 5)
   */
  public ScalingMethod inputScaling() {
    return inputScaling;
  }

  /**
   * @param v the input scaling
   * @return this
   */
  public S inputScaling(ScalingMethod v) {
    inputScaling = Objects.requireNonNull(v, "input scaling");
    return self();
  }

  /**
   * @param rows the training rows
   * @return whether {@link ModelSearch} cross-validates on that many rows
   */
  public boolean crossValidates(int rows) {
    return folds >= 2 && rows <= maxCrossValidationRows && refinement != Refinement.NONE;
  }

  /** @return an independent copy */
  public abstract S copy();

  /**
   * Copies the shared settings into {@code c}.
   *
   * @param c the copy being made
   * @return {@code c}
   */
  protected S copyInto(S c) {
    SelectionSettings<S> b = c;
    b.layers = layers.clone();
    b.tolerance = tolerance;
    b.toleranceFloor = toleranceFloor;
    b.validationFraction = validationFraction;
    b.seed = seed;
    b.refinement = refinement;
    b.refineIterations = refineIterations;
    b.folds = folds;
    b.maxCrossValidationRows = maxCrossValidationRows;
    b.inputScaling = inputScaling;
    return c;
  }

  /** Settings serialized before this class existed (stream without it): today's defaults. */
  private void readObjectNoData() {
    layers = new int[] {1, 2, 3, 4};
    tolerance = 0.05;
    toleranceFloor = DEFAULT_TOLERANCE_FLOOR;
    validationFraction = 0.2;
    seed = 1;
    refinement = Refinement.DEFAULT;
    refineIterations = LeastSquaresRefiner.DEFAULT_ITERATIONS;
    folds = DEFAULT_FOLDS;
    maxCrossValidationRows = DEFAULT_MAX_CROSS_VALIDATION_ROWS;
    inputScaling = DEFAULT_INPUT_SCALING;
  }

  private void readObject(ObjectInputStream in) throws IOException, ClassNotFoundException {
    in.defaultReadObject();
    restoreMissing();
  }

  /** Fields absent from an older stream (0 or null) take today's defaults. */
  private void restoreMissing() {
    if (layers == null) {
      layers = new int[] {1, 2, 3, 4};
    }
    if (inputScaling == null) {
      inputScaling = DEFAULT_INPUT_SCALING;
    }
    if (folds == 1 || folds < 0) {
      folds = DEFAULT_FOLDS;
    }
    if (refinement == null) {
      refinement = Refinement.DEFAULT;
    }
    if (refineIterations < 1) {
      refineIterations = LeastSquaresRefiner.DEFAULT_ITERATIONS;
    }
  }

  /**
   * Reads a subclass's fields from its part of the stream, and, from a stream written before
   * the shared settings moved into this class, the shared ones that the subclass held then.
   * A subclass's {@code readObject} calls this instead of {@code defaultReadObject}; fields
   * absent from the stream keep the values the constructor-less read gave them, so the caller
   * restores its own defaults for those.
   *
   * @param in the stream, positioned at the subclass's fields
   * @param subclass the class whose fields are read
   * @throws IOException if the stream cannot be read
   * @throws ClassNotFoundException if a field's class is missing
   */
  protected final void readFields(ObjectInputStream in, Class<?> subclass)
      throws IOException, ClassNotFoundException {
    ObjectInputStream.GetField f = in.readFields();
    ObjectStreamClass stream = f.getObjectStreamClass();
    try {
      for (Field field : subclass.getDeclaredFields()) {
        int mod = field.getModifiers();
        if (Modifier.isStatic(mod) || Modifier.isTransient(mod)
            || stream.getField(field.getName()) == null) {
          continue;
        }
        field.setAccessible(true);
        field.set(this, read(f, field.getName(), field.getType()));
      }
      for (Field field : SelectionSettings.class.getDeclaredFields()) {
        int mod = field.getModifiers();
        if (!Modifier.isStatic(mod) && stream.getField(field.getName()) != null) {
          field.set(this, read(f, field.getName(), field.getType()));
        }
      }
    } catch (IllegalAccessException e) {
      throw new java.io.InvalidObjectException("cannot restore settings: " + e.getMessage());
    }
    restoreMissing();
  }

  private static Object read(ObjectInputStream.GetField f, String name, Class<?> type)
      throws IOException, ClassNotFoundException {
    if (type == int.class) {
      return f.get(name, 0);
    } else if (type == long.class) {
      return f.get(name, 0L);
    } else if (type == double.class) {
      return f.get(name, 0.0);
    } else if (type == boolean.class) {
      return f.get(name, false);
    } else if (type == float.class) {
      return f.get(name, 0f);
    } else if (type.isPrimitive()) {
      throw new java.io.InvalidObjectException("unsupported field type " + type);
    }
    return f.get(name, null);
  }

  /**
   * @param ok the condition
   * @param message the problem when it fails
   * @throws IllegalArgumentException with the message when {@code ok} is false
   */
  protected static void require(boolean ok, String message) {
    if (!ok) {
      throw new IllegalArgumentException(message);
    }
  }

  /**
   * @param v a value
   * @param what the setting's name, for the message
   * @throws IllegalArgumentException unless {@code v} is finite and at least 0 (NaN and
   *     infinity are refused: a penalty or tolerance of infinity passes a check of {@code >= 0}
   *     and then ruins the search or makes every candidate tie)
   */
  protected static void requireFiniteNonNegative(double v, String what) {
    require(v >= 0 && v < Double.POSITIVE_INFINITY,
        what + " must be a finite number >= 0, got " + v);
  }

  /**
   * @param v a value
   * @param what the setting's name, for the message
   * @throws IllegalArgumentException unless {@code v} is finite and above 0 (a learning rate or
   *     step size of infinity passes a check of {@code > 0} and then breaks the search)
   */
  protected static void requireFinitePositive(double v, String what) {
    require(v > 0 && v < Double.POSITIVE_INFINITY,
        what + " must be a finite number > 0, got " + v);
  }
}
