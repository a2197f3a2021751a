package swatnn.weka;

import java.io.InvalidClassException;
import java.util.Collections;
import java.util.Enumeration;
import java.util.List;
import java.util.Vector;
import swatnn.scaling.ScalingMethod;
import swatnn.selection.SelectionSettings;
import weka.attributeSelection.ASEvaluation;
import weka.attributeSelection.AttributeEvaluator;
import weka.attributeSelection.ReliefFAttributeEval;
import weka.classifiers.AbstractClassifier;
import weka.core.Instances;
import weka.core.Option;
import weka.core.OptionMetadata;
import weka.core.Randomizable;
import weka.core.Utils;

/**
 * The options every configuration search shares (hidden-layer counts, selection tolerance,
 * validation split, seed, and how inputs are chosen when there are too many), as annotated
 * bean properties, and the command-line plumbing of all of a classifier's annotated options
 * ({@link OptionBinding}) beside {@link AbstractClassifier}'s own four. A subclass adds its
 * search's options as further {@link OptionMetadata} properties, with a display order below
 * 100 so that they come first.
 */
public abstract class SelectionOptions extends AbstractClassifier implements Randomizable {
  private static final long serialVersionUID = 1L;

  /** Ranks the inputs when the data has more than the network takes. */
  protected ASEvaluation m_inputEvaluator = defaultInputEvaluator();

  /** Whether inputs are chosen when there are too many (otherwise such data is refused). */
  protected boolean m_selectInputs = true;

  /** The search's settings that these options edit. */
  protected abstract SelectionSettings<?> selection();

  /**
   * Sets the model text's decimal places to {@link ModelText#DECIMAL_PLACES} (Weka's default
   * of 2 would print a network's small weights as 0.00 or with one significant digit).
   */
  protected SelectionOptions() {
    m_numDecimalPlaces = ModelText.DECIMAL_PLACES;
  }

  /**
   * @param num decimal places of the model text's numbers (>= 0)
   * @throws IllegalArgumentException if {@code num} is negative
   */
  @Override
  public void setNumDecimalPlaces(int num) {
    if (num < 0) {
      throw new IllegalArgumentException("-num-decimal-places must be at least 0, got " + num);
    }
    super.setNumDecimalPlaces(num);
  }

  /**
   * The evaluator that ranks the inputs by default: RReliefF (Weka's ReliefFAttributeEval,
   * which handles a numeric class and interactions), on at most 1000 sampled rows so that its
   * cost stays bounded on large data. Weka's CorrelationAttributeEval was not chosen: it ranks
   * by signed correlation, so a strongly negatively correlated input ranks last.
   *
   * @return a new evaluator
   */
  public static ASEvaluation defaultInputEvaluator() {
    ReliefFAttributeEval e = new ReliefFAttributeEval();
    e.setSampleSize(1000);
    return e;
  }

  /**
   * The annotated options with their defaults, then AbstractClassifier's own.
   *
   * @return the options
   */
  @Override
  public Enumeration<Option> listOptions() {
    Vector<Option> v = OptionBinding.list(this);
    List<String> ours = v.stream().map(Option::name).toList();
    for (Option o : Collections.list(super.listOptions())) {
      if (o.name().equals("num-decimal-places")) {
        o = new Option("\tThe number of decimal places n for the numbers of the model text "
            + "(weights,\n\tbiases, coefficients, ranges; not the table's errors); a number "
            + "below\n\tmin(1, 10^(2 - n)) in magnitude gets max(n, 1) significant digits "
            + "instead.\n"
            + "\t(default " + ModelText.DECIMAL_PLACES + ")", o.name(), o.numArguments(),
            "-num-decimal-places <n>");
      }
      if (!ours.contains(o.name())) {
        v.add(o);
      }
    }
    return v.elements();
  }

  /**
   * Sets every option; an absent one takes its default (AbstractClassifier's number of
   * decimal places and batch size stay as they were, as in Weka).
   *
   * @param options the options
   * @throws Exception naming the option if a value is invalid, or if an option is unknown
   */
  @Override
  public void setOptions(String[] options) throws Exception {
    OptionBinding.set(this, options, getClass().getSimpleName());
    // AbstractClassifier's own; its setOptions would read the annotated flags a second time
    setDebug(Utils.getFlag("output-debug-info", options));
    setDoNotCheckCapabilities(Utils.getFlag("do-not-check-capabilities", options));
    String places = Utils.getOption("num-decimal-places", options);
    if (!places.isEmpty()) {
      String owner = getClass().getSimpleName();
      int num;
      try {
        num = Integer.parseInt(places.trim());
      } catch (NumberFormatException e) {
        throw new Exception(owner + ": option -num-decimal-places needs an integer, got '"
            + places + "'");
      }
      try {
        setNumDecimalPlaces(num);
      } catch (IllegalArgumentException e) {
        throw new Exception(owner + ": " + e.getMessage(), e);
      }
    }
    String batch = Utils.getOption("batch-size", options);
    if (!batch.isEmpty()) {
      setBatchSize(batch);
    }
    Utils.checkForRemainingOptions(options);
  }

  /**
   * Every option, so that they can be fed back to setOptions.
   *
   * @return the options
   */
  @Override
  public String[] getOptions() {
    List<String> o = new java.util.ArrayList<>(OptionBinding.get(this));
    if (getDebug()) {
      o.add("-output-debug-info");
    }
    if (getDoNotCheckCapabilities()) {
      o.add("-do-not-check-capabilities");
    }
    if (getNumDecimalPlaces() != ModelText.DECIMAL_PLACES) {
      Collections.addAll(o, "-num-decimal-places", Integer.toString(getNumDecimalPlaces()));
    }
    if (!getBatchSize().equals(BATCH_SIZE_DEFAULT)) {
      Collections.addAll(o, "-batch-size", getBatchSize());
    }
    return o.toArray(new String[0]);
  }

  /** @return the hidden-layer counts searched, comma-separated */
  @OptionMetadata(displayName = "layers", displayOrder = 101, commandLineParamName = "layers",
      commandLineParamSynopsis = "-layers <list>", description = "Hidden-layer counts to "
      + "search, comma-separated (each one configuration). Each is at most the networks' "
      + "largest number of hidden layers, 4.")
  public String getLayers() {
    StringBuilder sb = new StringBuilder();
    for (int k : selection().layers()) {
      sb.append(sb.length() > 0 ? "," : "").append(k);
    }
    return sb.toString();
  }

  /**
   * @param v hidden-layer counts, comma-separated (e.g. {@code 1,2,3,4})
   * @throws IllegalArgumentException if it is not a list of positive integers
   */
  public void setLayers(String v) {
    String[] parts = v.trim().split("\\s*,\\s*");
    int[] layers = new int[parts.length];
    for (int i = 0; i < parts.length; i++) {
      try {
        layers[i] = Integer.parseInt(parts[i]);
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException("hidden-layer counts must be comma-separated "
            + "integers such as 1,2,3,4, got '" + v + "'");
      }
    }
    selection().layers(layers);
  }

  /** @return the relative validation-MSE tolerance of the configuration choice */
  @OptionMetadata(displayName = "tolerance", displayOrder = 102, commandLineParamName = "tol",
      commandLineParamSynopsis = "-tol <fraction>", description = "Selection tolerance, as a "
      + "fraction of the best validation MSE: among the candidates (every network found, "
      + "the linear models and the training mean) within it of the best (the mean also within "
      + "two standard errors, unless the F-test of a straight line on all inputs rejects the "
      + "mean at 1%), the one with the fewest non-zero parameters is chosen. A value "
      + "of 0.05 means within 5%.")
  public double getTolerance() {
    return selection().tolerance();
  }

  /** @param v the selection tolerance (at least 0) */
  public void setTolerance(double v) {
    selection().tolerance(v);
  }

  /** @return the absolute part of the selection tolerance, a fraction of the class variance */
  @OptionMetadata(displayName = "toleranceFloor", displayOrder = 110,
      commandLineParamName = "tol-floor", commandLineParamSynopsis = "-tol-floor <fraction>",
      description = "Absolute part of the selection tolerance, as a fraction of the class's "
      + "variance: a candidate is within the tolerance when its validation MSE is at most "
      + "best * (1 + tol) + tol-floor * variance. It decides on data fitted almost exactly, "
      + "where a relative tolerance alone would prefer a denser network for a difference "
      + "nobody could see; 1e-5 is about 0.3% of the class's standard deviation in RMSE. "
      + "0 gives the relative tolerance alone.")
  public double getToleranceFloor() {
    return selection().toleranceFloor();
  }

  /** @param v the floor, a fraction of the class variance in [0, 1) */
  public void setToleranceFloor(double v) {
    selection().toleranceFloor(v);
  }

  /** @return the fraction of the training rows held out to choose */
  @OptionMetadata(displayName = "validationFraction", displayOrder = 103,
      commandLineParamName = "val", commandLineParamSynopsis = "-val <fraction>",
      description = "Fraction of the training rows held out (seeded) to score the "
      + "candidates when they are not cross-validated (more rows than -max-cv-rows, or -folds "
      + "0); the chosen model is then refitted on all rows. With fewer than 2 such rows the "
      + "training rows are used.")
  public double getValidationFraction() {
    return selection().validationFraction();
  }

  /** @param v the validation fraction, in [0, 1) */
  public void setValidationFraction(double v) {
    selection().validationFraction(v);
  }

  /** @return the folds of the cross-validation that scores the candidates */
  @OptionMetadata(displayName = "folds", displayOrder = 107, commandLineParamName = "folds",
      commandLineParamSynopsis = "-folds <k>", description = "Folds of the cross-validation "
      + "that scores every candidate on at most -max-cv-rows training rows: each structure is "
      + "refitted on k - 1 folds and scored on the k-th, so that every row is searched on and "
      + "none is used only to choose. 0 scores them on one hold-out of -val instead.")
  public int getFolds() {
    return selection().folds();
  }

  /** @param v the folds: 0, or at least 2 */
  public void setFolds(int v) {
    selection().folds(v);
  }

  /** @return the most training rows on which the candidates are cross-validated */
  @OptionMetadata(displayName = "maxCrossValidationRows", displayOrder = 108,
      commandLineParamName = "max-cv-rows", commandLineParamSynopsis = "-max-cv-rows <rows>",
      description = "The most training rows on which the candidates are cross-validated; "
      + "above it a single hold-out of -val scores them (as reliable on that many rows, and "
      + "k times cheaper).")
  public int getMaxCrossValidationRows() {
    return selection().maxCrossValidationRows();
  }

  /** @param v the row limit, at least 0 */
  public void setMaxCrossValidationRows(int v) {
    selection().maxCrossValidationRows(v);
  }

  /** The input scalings, for the GUI's drop-down. */
  public static final weka.core.Tag[] TAGS_INPUT_SCALING = {
      new weka.core.Tag(ScalingMethod.MIN_MAX.ordinal(), "minmax",
          "minmax: the training range to [-1, 1]", false),
      new weka.core.Tag(ScalingMethod.QUANTILE.ordinal(), "quantile",
          "quantile: the training ranks, uniform on [-1, 1]", false),
      new weka.core.Tag(ScalingMethod.LOG.ordinal(), "log",
          "log: log, then min-max, for positive skewed inputs; min-max for the rest", false),
      new weka.core.Tag(ScalingMethod.ROBUST.ordinal(), "robust",
          "robust: (x - median) / IQR, clipped to [-2, 2]", false)};

  /** @return how the inputs are scaled */
  @OptionMetadata(displayName = "inputScaling", displayOrder = 109,
      commandLineParamName = "input-scaling",
      commandLineParamSynopsis = "-input-scaling <minmax|quantile|log|robust>",
      description = "How each input is mapped to the scale the autoencoder was trained on, "
      + "from its training values. log (the default) takes the log of an input whose values "
      + "are all positive and right-skewed (skewness above 1, largest at least 10 times the "
      + "smallest) and min-max scales it and every other input to [-1, 1]; the model text "
      + "says what was done to each input. Binary inputs stay {-1, 1} under every scaling.")
  public weka.core.SelectedTag getInputScaling() {
    return new weka.core.SelectedTag(selection().inputScaling().ordinal(), TAGS_INPUT_SCALING);
  }

  /** @param v the input scaling (one of {@link #TAGS_INPUT_SCALING}) */
  public void setInputScaling(weka.core.SelectedTag v) {
    if (v.getTags() == TAGS_INPUT_SCALING) {
      selection().inputScaling(ScalingMethod.values()[v.getSelectedTag().getID()]);
    }
  }

  /** @return the random seed */
  @Override
  @OptionMetadata(displayName = "seed", displayOrder = 104, commandLineParamName = "S",
      commandLineParamSynopsis = "-S <seed>", description = "Random seed of every random "
      + "choice of the search. The same seed gives the same model.")
  public int getSeed() {
    return (int) selection().seed();
  }

  /** @param seed the random seed */
  @Override
  public void setSeed(int seed) {
    selection().seed(seed);
  }

  /** @return the evaluator that ranks the inputs when there are too many */
  @OptionMetadata(displayName = "inputEvaluator", displayOrder = 105,
      commandLineParamName = "input-evaluator",
      commandLineParamSynopsis = "-input-evaluator <classname and options>",
      description = "Ranks the inputs against the class when the data has more than the "
      + "network takes, after nominal attributes become binary indicators; the best-ranked "
      + "are kept, and the model text names them. It must rank single attributes.")
  public ASEvaluation getInputEvaluator() {
    return m_inputEvaluator;
  }

  /**
   * @param v an attribute evaluator that ranks single attributes against a numeric class
   * @throws IllegalArgumentException if it does not rank single attributes
   */
  public void setInputEvaluator(ASEvaluation v) {
    if (!(v instanceof AttributeEvaluator)) {
      throw new IllegalArgumentException("the input evaluator must rank single attributes "
          + "(a weka.attributeSelection.AttributeEvaluator such as ReliefFAttributeEval), got "
          + (v == null ? "none" : v.getClass().getName()));
    }
    m_inputEvaluator = v;
  }

  /** @return whether inputs are chosen when there are too many */
  @OptionMetadata(displayName = "selectInputs", displayOrder = 106,
      commandLineParamName = "no-input-selection", commandLineParamIsFlag = true,
      commandLineParamSynopsis = "-no-input-selection", description = "Whether the input "
      + "evaluator chooses which inputs to keep when the data has more than the network "
      + "takes (on by default). The flag -no-input-selection turns it off: such data is then "
      + "refused with a message.")
  public boolean getSelectInputs() {
    return m_selectInputs;
  }

  /** @param v whether to choose inputs when there are too many (false: refuse such data) */
  public void setSelectInputs(boolean v) {
    m_selectInputs = v;
  }

  /**
   * Fits the data preparation to the training rows, keeping at most {@code maxInputs} inputs
   * (chosen by the input evaluator, on rows drawn by their instance weights when it does not
   * handle weights, seeded by the classifier's seed) unless input selection is off.
   *
   * @param train the training rows
   * @param maxInputs the most inputs the network takes
   * @return the prepared rows
   * @throws Exception if the preparation or the input evaluator fails
   */
  protected DataPreparation.Fitted prepare(Instances train, int maxInputs) throws Exception {
    return DataPreparation.fit(train, maxInputs, m_selectInputs ? m_inputEvaluator : null,
        selection().seed(), getClass().getSimpleName());
  }

  /** @return this classifier's options as one command line, for the provenance */
  protected String optionsLine() {
    return Utils.joinOptions(getOptions());
  }

  /**
   * Refuses an object saved by a swatnn version from before this class existed (its stream
   * has no data for it): such a classifier cannot be read into today's.
   *
   * @throws InvalidClassException naming both versions
   */
  private void readObjectNoData() throws InvalidClassException {
    throw new InvalidClassException(getClass().getName(), "saved by an earlier swatnn, from "
        + "before models recorded the package version; this is swatnn "
        + FittedNetwork.PACKAGE_VERSION + ", which cannot read it: set the classifier up and "
        + "build it again");
  }
}
