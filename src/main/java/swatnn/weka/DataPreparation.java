package swatnn.weka;

import java.io.Serializable;
import java.util.Random;
import weka.attributeSelection.ASEvaluation;
import weka.attributeSelection.AttributeEvaluator;
import weka.attributeSelection.AttributeSelection;
import weka.attributeSelection.Ranker;
import weka.core.Instance;
import weka.core.Instances;
import weka.core.WeightedInstancesHandler;
import weka.core.WekaException;
import weka.filters.Filter;
import weka.filters.unsupervised.attribute.NominalToBinary;
import weka.filters.unsupervised.attribute.ReplaceMissingValues;

/**
 * Turns Weka instances into rows of raw (unscaled) network inputs: missing attribute values are
 * replaced by the training means and modes ({@link ReplaceMissingValues}), nominal attributes
 * are converted to binary indicators ({@link NominalToBinary}): one for a two-valued attribute,
 * and for k > 2 values k - 1, the first value's indicator dropped (the bias carries it; measured
 * against k indicators in BENCHMARKS.md), and the remaining non-class attributes are read in
 * order; date attributes count as numeric. Every input is kept (the linear model uses all of
 * them); when there are more than the network takes, Weka's attribute selection chooses the
 * best-ranked ones as the network's inputs ({@link #networkColumns()}), honouring instance
 * weights ({@link #rankingRows}).
 *
 * <p>Weka reads a NaN as a missing value; an infinite value (ARFF's {@code Infinity} or {@code
 * -Infinity}) is refused with a {@link WekaException} naming the attribute and the row, in
 * training ({@link #trainingRows}) and in prediction ({@link #inputsOf}). Finite values of any
 * size are kept; where Weka's mean of a numeric attribute overflows (values near the largest
 * double), its missing values get the finite mean ({@link #finiteMeans}).
 *
 * <p>When the training data has no nominal input attribute, rows without missing values are
 * read directly from {@link Instance#value(int)}: passing single instances through the filters
 * copies them several times and would dominate the cost of a prediction.
 */
public final class DataPreparation implements Serializable {
  private static final long serialVersionUID = 1L;

  private final ReplaceMissingValues missing;
  /** Null when the training data has no nominal input attribute. */
  private final NominalToBinary nominal;
  /** Indices of the input attributes in the converted format (the original one without nominal). */
  private final int[] inputIndices;
  /** The positions among the inputs of the network's inputs, ascending. */
  private final int[] networkColumns;
  private final String[] inputNames;
  private final int originalInputs;
  /** Inputs available after conversion, before any selection. */
  private final int convertedInputs;
  /** How the inputs were chosen when there were too many, or null. */
  private final String selection;
  /** What an error message starts with, e.g. "SWATNNRegressor". */
  private final String owner;
  /**
   * Per attribute of the training format, the replacement of a missing value where {@link
   * ReplaceMissingValues}'s mean overflowed ({@link #finiteMeans}), NaN elsewhere; null when
   * every mean was finite (the usual case: then Weka's filter alone replaces missing values).
   */
  private final double[] overflowedMeans;

  private DataPreparation(ReplaceMissingValues missing, NominalToBinary nominal,
      int[] inputIndices, int[] networkColumns, String[] inputNames, int originalInputs,
      int convertedInputs, String selection, String owner, double[] overflowedMeans) {
    this.missing = missing;
    this.nominal = nominal;
    this.inputIndices = inputIndices;
    this.networkColumns = networkColumns;
    this.inputNames = inputNames;
    this.originalInputs = originalInputs;
    this.convertedInputs = convertedInputs;
    this.selection = selection;
    this.owner = owner;
    this.overflowedMeans = overflowedMeans;
  }

  /**
   * The preparation fitted to training data, with the training rows it produced.
   *
   * @param preparation the fitted preparation
   * @param inputs one row of {@link DataPreparation#inputCount()} raw inputs per instance
   * @param labels the class value of each instance
   * @param weights the weight of each instance relative to the others, normalised to mean 1
   *     (what matters of instance weights is their ratios; this keeps weights between 1e-300
   *     and 1e300 from overflowing a sum or a product)
   */
  public record Fitted(DataPreparation preparation, double[][] inputs, double[] labels,
      double[] weights) {}

  /**
   * The rows a model is trained on: a copy of the data without the rows whose class is
   * missing and, when instance weights are used, without those of weight 0 (such a row has no
   * effect on anything, the input ranges included); when they are not used, every weight is 1.
   *
   * @param data the training data as given
   * @param weighted whether instance weights are used
   * @param owner what an error message starts with, e.g. "SWATNNRegressor"
   * @return the rows, at least one
   * @throws WekaException if no row is left, or if a row that is kept holds an infinite value
   *     (naming the attribute and the row, counted from 1 as in an ARFF file's data section)
   */
  public static Instances trainingRows(Instances data, boolean weighted, String owner)
      throws WekaException {
    requireFinite(data, weighted, owner);
    Instances train = new Instances(data);
    train.deleteWithMissingClass();
    if (train.numInstances() == 0) {
      throw new WekaException(owner + ": no training instance has a class value (all "
          + data.numInstances() + " are missing)");
    }
    if (weighted) {
      int withClass = train.numInstances();
      for (int i = train.numInstances() - 1; i >= 0; i--) {
        if (train.instance(i).weight() == 0) {
          train.delete(i);
        }
      }
      if (train.numInstances() == 0) {
        int missingClass = data.numInstances() - withClass;
        throw new WekaException(owner + ": every training instance with a class value has "
            + "weight 0 (" + (withClass == 1 ? "the 1 such row" : "all " + withClass
            + " such rows") + (missingClass == 1 ? "; the other row has a missing class value"
            : missingClass > 1 ? "; the other " + missingClass + " of the "
            + data.numInstances() + " rows have a missing class value" : "") + "), and a row "
            + "of weight 0 has no effect on the model. Give some of them a weight above 0.");
      }
    } else {
      for (Instance inst : train) {
        inst.setWeight(1);
      }
    }
    return train;
  }

  /**
   * Refuses the first infinite value (Weka reads the ARFF literals {@code Infinity} and {@code
   * -Infinity} as such; NaN is Weka's missing value) in a row that training keeps: one with a
   * class value and, when weights are used, a weight above 0.
   */
  private static void requireFinite(Instances data, boolean weighted, String owner)
      throws WekaException {
    int classIndex = data.classIndex();
    int first = -1;
    int attribute = -1;
    int rows = 0;
    for (int i = 0; i < data.numInstances(); i++) {
      Instance inst = data.instance(i);
      if (inst.classIsMissing() || weighted && inst.weight() == 0) {
        continue;
      }
      for (int j = 0; j < data.numAttributes(); j++) {
        if (data.attribute(j).isNumeric() && Double.isInfinite(inst.value(j))) {
          if (first < 0) {
            first = i;
            attribute = j;
          }
          rows++;
          break;
        }
      }
    }
    if (first >= 0) {
      String what = attribute == classIndex ? "the class attribute" : "attribute";
      throw new WekaException(owner + ": " + what + " '" + data.attribute(attribute).name()
          + "' is " + data.instance(first).value(attribute) + " in row " + (first + 1)
          + " of the training data" + (rows > 1 ? " (" + rows + " rows hold an infinite "
          + "value)" : "") + ". Only finite numbers can be learned from: replace the value with "
          + "a missing value '?' or remove the row" + (attribute == classIndex
          ? " (a row whose class is missing is left out of training)"
          : " (a missing input gets the training mean)") + ".");
    }
  }

  /**
   * Fits the filters, keeping every input; when the conversion gives more than {@code
   * maxInputs} inputs, the network's inputs are the {@code maxInputs} that {@code evaluator}
   * ranks highest on the converted training rows (Weka's {@link AttributeSelection} with a
   * {@link Ranker}), drawn by their weights when the evaluator does not handle weights ({@link
   * #rankingRows}).
   *
   * @param data training rows with a numeric class, no missing class value, finite values and
   *     weights &gt;= 0, not all 0 (as {@link #trainingRows} leaves them)
   * @param maxInputs the most inputs the network takes (>= 1)
   * @param evaluator a Weka attribute evaluator that ranks single attributes against a numeric
   *     class ({@link AttributeEvaluator}), or null to give the network every input
   * @param seed the seed of the weighted resample the ranking may run on
   * @param owner what an error message starts with, e.g. "SWATNNRegressor"
   * @return the preparation and the training rows it produced
   * @throws IllegalArgumentException if the data has no class or no row of positive weight
   * @throws Exception if a filter or the evaluator fails
   */
  public static Fitted fit(Instances data, int maxInputs, ASEvaluation evaluator, long seed,
      String owner) throws Exception {
    if (data.classIndex() < 0) {
      throw new IllegalArgumentException("the data has no class attribute set");
    }
    double[] weights = relativeWeights(data);
    // the filters' weighted means and counts see the relative weights: 1e300 would overflow
    Instances relative = data;
    for (int i = 0; i < weights.length; i++) {
      if (weights[i] != data.instance(i).weight()) {
        if (relative == data) {
          relative = new Instances(data); // copied once, and only when a weight changes
        }
        relative.instance(i).setWeight(weights[i]);
      }
    }
    ReplaceMissingValues missing = new ReplaceMissingValues();
    missing.setInputFormat(relative);
    Instances converted = Filter.useFilter(relative, missing);
    double[] overflowed = finiteMeans(relative, missing);
    if (overflowed != null) {
      for (int i = 0; i < converted.numInstances(); i++) {
        replaceOverflowed(relative.instance(i), converted.instance(i), overflowed);
      }
    }
    NominalToBinary nominal = null;
    boolean hasNominal = false;
    for (int j = 0; j < data.numAttributes(); j++) {
      hasNominal |= j != data.classIndex() && data.attribute(j).isNominal();
    }
    if (hasNominal) {
      nominal = new NominalToBinary();
      nominal.setInputFormat(converted);
      converted = Filter.useFilter(converted, nominal);
    }
    int classIndex = converted.classIndex();
    boolean[] firstLevel = firstLevelIndicators(data, converted);
    int[] indices = java.util.stream.IntStream.range(0, converted.numAttributes())
        .filter(j -> j != classIndex && !firstLevel[j]).toArray();
    int all = indices.length;
    int[] networkColumns = java.util.stream.IntStream.range(0, all).toArray();
    String selection = null;
    if (all > maxInputs && evaluator != null) {
      AttributeSelection chooser = new AttributeSelection();
      ASEvaluation e = ASEvaluation.makeCopies(evaluator, 1)[0];
      chooser.setEvaluator(e);
      chooser.setSearch(new Ranker()); // every attribute ranked; the dropped levels skipped below
      Instances ranked = rankingRows(converted, weights, e, seed);
      chooser.SelectAttributes(ranked);
      int[] chosen = chooser.selectedAttributes(); // ranked inputs, then the class
      int[] inputs = indices;
      Instances rows = converted;
      // an input constant on the training rows (e.g. an indicator of a value that never
      // occurs) can rank anywhere but never helps a network: it does not take a place
      networkColumns = java.util.Arrays.stream(chosen).filter(j -> j != classIndex
          && !firstLevel[j] && varies(rows, j)).limit(maxInputs).map(j -> position(inputs, j))
          .sorted().toArray();
      selection = "the " + networkColumns.length + " of " + all + " inputs ranked highest by "
          + e.getClass().getSimpleName()
          + optionsOf(e)
          + (ranked == converted ? " on the training rows" : " on " + ranked.numInstances()
              + " training rows drawn by their instance weights (seed " + seed + ")")
          + " (the network takes at most " + maxInputs + "; the linear model all)";
    }
    int n = indices.length;
    String[] names = new String[n];
    for (int j = 0; j < n; j++) {
      names[j] = converted.attribute(indices[j]).name();
    }
    DataPreparation prep = new DataPreparation(missing, nominal, indices, networkColumns,
        names, data.numAttributes() - 1, all, selection, owner, overflowed);
    double[][] rows = new double[converted.numInstances()][n];
    double[] labels = new double[converted.numInstances()];
    for (int i = 0; i < rows.length; i++) {
      Instance inst = converted.instance(i);
      for (int j = 0; j < n; j++) {
        rows[i][j] = inst.value(indices[j]);
      }
      labels[i] = inst.classValue();
    }
    return new Fitted(prep, rows, labels, weights);
  }

  /**
   * The replacements of missing values where {@link ReplaceMissingValues}'s weighted mean of a
   * numeric attribute overflowed: it sums {@code weight * value} first, so that values near the
   * largest double (1e308 and more) give Infinity, although their mean is finite. There the mean
   * is computed from the values divided by the largest magnitude M and the weights divided by
   * their sum W, {@code M * sum((w_i / W) * (v_i / M))}, which cannot overflow, and is kept
   * within the attribute's training range (rounding may not step outside it). Weka's means are
   * left as they are everywhere else, so that ordinary data is prepared exactly as by the
   * filter alone.
   *
   * @param data the rows the filter was fitted to (the relative weights), finite values
   * @param fitted the filter, after its first batch
   * @return per attribute, the replacement where the filter's mean is not finite, NaN
   *     elsewhere; null when every mean is finite
   */
  private static double[] finiteMeans(Instances data, ReplaceMissingValues fitted)
      throws Exception {
    double[] probe = new double[data.numAttributes()];
    java.util.Arrays.fill(probe, weka.core.Utils.missingValue());
    Instance allMissing = new weka.core.DenseInstance(1, probe);
    allMissing.setDataset(data);
    fitted.input(allMissing);
    Instance means = fitted.output();
    double[] out = null;
    for (int j = 0; j < data.numAttributes(); j++) {
      if (j == data.classIndex() || !data.attribute(j).isNumeric()
          || Double.isFinite(means.value(j))) {
        continue;
      }
      double largest = 0;
      double lo = Double.POSITIVE_INFINITY;
      double hi = Double.NEGATIVE_INFINITY;
      double weights = 0;
      for (Instance inst : data) {
        if (!inst.isMissing(j)) {
          double v = inst.value(j);
          largest = Math.max(largest, Math.abs(v));
          lo = Math.min(lo, v);
          hi = Math.max(hi, v);
          weights += inst.weight();
        }
      }
      double sum = 0;
      for (Instance inst : data) {
        if (!inst.isMissing(j)) {
          sum += inst.weight() / weights * (inst.value(j) / largest);
        }
      }
      if (out == null) {
        out = new double[data.numAttributes()];
        java.util.Arrays.fill(out, Double.NaN);
      }
      out[j] = Math.max(lo, Math.min(hi, sum * largest));
    }
    return out;
  }

  /**
   * Sets the missing values of {@code original} whose attribute's mean overflowed to their
   * finite replacements in {@code replaced}, the filter's output for it (same format).
   */
  private static void replaceOverflowed(Instance original, Instance replaced,
      double[] overflowed) {
    for (int j = 0; j < overflowed.length; j++) {
      if (!Double.isNaN(overflowed[j]) && original.isMissing(j)) {
        replaced.setValue(j, overflowed[j]);
      }
    }
  }

  /**
   * The instance weights relative to the largest, then scaled to mean 1: only their ratios
   * matter, and weights spanning 1e-300 to 1e300 would overflow a sum. A positive weight below
   * {@link Double#MIN_NORMAL} of the largest counts as that much, not as 0: rows of weight 0
   * are left out of training ({@link #trainingRows}), and an underflow must not bring them
   * back (a set of held-out rows could then weigh nothing).
   */
  private static double[] relativeWeights(Instances data) {
    double[] w = new double[data.numInstances()];
    double max = 0;
    for (int i = 0; i < w.length; i++) {
      w[i] = data.instance(i).weight();
      if (!(w[i] >= 0 && w[i] < Double.POSITIVE_INFINITY)) {
        throw new IllegalArgumentException("instance weights must be finite and >= 0, row "
            + (i + 1) + " has " + w[i]);
      }
      max = Math.max(max, w[i]);
    }
    if (max == 0) {
      throw new IllegalArgumentException("every instance has weight 0");
    }
    double sum = 0;
    for (int i = 0; i < w.length; i++) {
      w[i] = w[i] == 0 ? 0 : Math.max(w[i] / max, Double.MIN_NORMAL);
      sum += w[i];
    }
    double mean = sum / w.length;
    for (int i = 0; i < w.length; i++) {
      w[i] /= mean;
    }
    return w;
  }

  /**
   * The rows an evaluator ranks the inputs on. An evaluator that handles instance weights
   * ({@link WeightedInstancesHandler}) gets the training rows as they are; so does any other
   * when every weight is 1. Otherwise (Weka's evaluators, RReliefF among them, refuse weights
   * other than 1) with all weights equal it gets the rows with weight 1, and with unequal ones
   * as many rows drawn with replacement with probabilities proportional to the weights
   * ({@link Instances#resampleWithWeights(Random, double[], boolean[], boolean, double)}, as
   * Weka's {@code WeightedInstancesHandlerWrapper} does), so that a row of weight 2 counts as
   * two copies of it would.
   *
   * @param rows the converted training rows
   * @param relative their weights relative to each other ({@link #relativeWeights})
   * @param evaluator the evaluator
   * @param seed the resample's seed
   * @return {@code rows} itself, or rows of weight 1
   */
  static Instances rankingRows(Instances rows, double[] relative, ASEvaluation evaluator,
      long seed) {
    boolean allOne = true;
    boolean equal = true;
    for (int i = 0; i < rows.numInstances(); i++) {
      allOne &= rows.instance(i).weight() == 1;
      equal &= relative[i] == relative[0];
    }
    if (allOne || evaluator instanceof WeightedInstancesHandler) {
      return rows;
    }
    if (equal) {
      Instances ones = new Instances(rows);
      for (Instance inst : ones) {
        inst.setWeight(1);
      }
      return ones;
    }
    return rows.resampleWithWeights(new Random(seed), relative, null, false, 100);
  }

  private static boolean varies(Instances rows, int attribute) {
    for (int i = 1; i < rows.numInstances(); i++) {
      if (rows.instance(i).value(attribute) != rows.instance(0).value(attribute)) {
        return true;
      }
    }
    return false;
  }

  private static int position(int[] values, int v) {
    for (int i = 0; i < values.length; i++) {
      if (values[i] == v) {
        return i;
      }
    }
    throw new IllegalStateException("attribute " + v + " is not an input");
  }

  /**
   * Marks, in the converted format, the indicator of the first value of every nominal input
   * with more than two values ({@link NominalToBinary} gives such an attribute one indicator per
   * value, in value order, where the original attribute stood).
   */
  private static boolean[] firstLevelIndicators(Instances original, Instances converted) {
    boolean[] first = new boolean[converted.numAttributes()];
    if (original.numAttributes() == converted.numAttributes()) {
      return first; // nothing was converted into several attributes
    }
    int at = 0;
    for (int j = 0; j < original.numAttributes(); j++) {
      weka.core.Attribute a = original.attribute(j);
      if (j != original.classIndex() && a.isNominal() && a.numValues() > 2) {
        String expected = a.name() + "=" + a.value(0);
        if (!converted.attribute(at).name().equals(expected)) {
          throw new IllegalStateException("NominalToBinary wrote " + converted.attribute(at).name()
              + " where " + expected + " was expected");
        }
        first[at] = true;
        at += a.numValues();
      } else {
        at++;
      }
    }
    return first;
  }

  private static String optionsOf(ASEvaluation e) {
    String o = weka.core.Utils.joinOptions(e.getOptions()).trim();
    return o.isEmpty() ? "" : " " + o;
  }

  /** The number of inputs the data gives (after conversion; every one is kept). */
  public int inputCount() {
    return inputIndices.length;
  }

  /**
   * @return the positions among the inputs ({@code 0 .. inputCount() - 1}) of the network's
   *     inputs, ascending: all of them unless there were more than the network takes
   */
  public int[] networkColumns() {
    return networkColumns.clone();
  }

  /** The number of attributes besides the class before conversion. */
  public int originalInputCount() {
    return originalInputs;
  }

  /** The name of input {@code j} (a converted attribute's name, e.g. {@code colour=red}). */
  public String inputName(int j) {
    return inputNames[j];
  }

  /** How the inputs were chosen among too many (for the model text), or null if all are kept. */
  public String selection() {
    return selection;
  }

  /** Whether any nominal attribute is converted to binary. */
  public boolean convertsNominal() {
    return nominal != null;
  }

  /**
   * Writes the raw inputs of an instance (of the training data's format) into
   * {@code out[0 .. inputCount() - 1]}.
   *
   * @throws WekaException if an input of the instance is infinite (naming the attribute)
   * @throws Exception if a filter fails on the instance
   */
  public void inputsOf(Instance instance, double[] out) throws Exception {
    if (nominal == null) {
      boolean complete = true;
      for (int j = 0; j < inputIndices.length; j++) {
        double v = instance.value(inputIndices[j]);
        out[j] = v;
        complete &= !Double.isNaN(v);
      }
      if (complete) {
        requireFinite(out);
        return;
      }
    }
    Instance converted = filtered(instance);
    for (int j = 0; j < inputIndices.length; j++) {
      out[j] = converted.value(inputIndices[j]);
    }
    requireFinite(out);
  }

  private void requireFinite(double[] inputs) throws WekaException {
    for (int j = 0; j < inputIndices.length; j++) {
      if (Double.isInfinite(inputs[j])) {
        throw new WekaException(owner + ": attribute '" + inputNames[j] + "' is " + inputs[j]
            + " in the instance to predict. Only finite numbers can be used: replace the value "
            + "with a missing value '?' (which gets the training mean).");
      }
    }
  }

  private synchronized Instance filtered(Instance instance) throws Exception {
    // the filters' single-instance path (after the first batch each input is converted at once);
    // they keep state between input and output, hence synchronized
    missing.input(instance);
    Instance out = missing.output();
    if (overflowedMeans != null) {
      replaceOverflowed(instance, out, overflowedMeans);
    }
    if (nominal != null) {
      nominal.input(out);
      out = nominal.output();
    }
    return out;
  }

  /**
   * The message for data with more inputs than the network takes: how many it has (and why,
   * after nominal conversion), the limit, and what the user can do.
   *
   * @param owner what the message starts with, e.g. "SWATNNRegressor"
   * @param limit e.g. "the largest bundled model takes at most"
   * @param max the most inputs taken
   * @param orElse a further remedy ending the message, or an empty string
   * @return the message
   */
  public String tooManyInputs(String owner, String limit, int max, String orElse) {
    String has = "the data has " + networkColumns.length + " inputs";
    if (convertsNominal()) {
      has += " after converting nominal attributes to binary (" + originalInputCount()
          + " attributes besides the class)";
    }
    // only reached with input selection off: with it on, the preparation keeps at most max
    return owner + ": " + has + ", but " + limit + " " + max
        + ". Drop -no-input-selection to let the input evaluator choose " + max + " of them, "
        + "or reduce the inputs to " + max + " or fewer, e.g. with "
        + "weka.filters.supervised.attribute.AttributeSelection (or "
        + "weka.classifiers.meta.AttributeSelectedClassifier) or by removing attributes "
        + "(weka.filters.unsupervised.attribute.Remove)" + orElse + ".";
  }

  /** A short description of the conversion, for the model's text output. */
  public String describe() {
    StringBuilder sb = new StringBuilder();
    sb.append(originalInputs).append(originalInputs == 1 ? " attribute" : " attributes")
        .append(" besides the class -> ").append(convertedInputs)
        .append(convertedInputs == 1 ? " input" : " inputs");
    sb.append(" (missing values replaced by training means/modes");
    if (nominal != null) {
      sb.append(", nominal attributes converted to binary indicators, the first value's "
          + "dropped where there are more than two");
    }
    sb.append(')');
    if (selection != null) {
      String[] kept = new String[networkColumns.length];
      for (int j = 0; j < kept.length; j++) {
        kept[j] = inputNames[networkColumns[j]];
      }
      sb.append("; network inputs: ").append(selection).append(": ")
          .append(String.join(", ", kept));
    }
    return sb.toString();
  }
}
