package swatnn.weka;

import java.io.Serializable;
import weka.core.Instance;
import weka.core.Instances;
import weka.filters.Filter;
import weka.filters.unsupervised.attribute.NominalToBinary;
import weka.filters.unsupervised.attribute.ReplaceMissingValues;

/**
 * Turns Weka instances into rows of raw (unscaled) network inputs: missing attribute values are
 * replaced by the training means and modes ({@link ReplaceMissingValues}), nominal attributes
 * are converted to binary indicators ({@link NominalToBinary}), and the remaining non-class
 * attributes are read in order; date attributes count as numeric.
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
  private final String[] inputNames;
  private final int originalInputs;

  private DataPreparation(ReplaceMissingValues missing, NominalToBinary nominal,
      int[] inputIndices, String[] inputNames, int originalInputs) {
    this.missing = missing;
    this.nominal = nominal;
    this.inputIndices = inputIndices;
    this.inputNames = inputNames;
    this.originalInputs = originalInputs;
  }

  /**
   * The preparation fitted to training data, with the training rows it produced.
   *
   * @param preparation the fitted preparation
   * @param inputs one row of {@link DataPreparation#inputCount()} raw inputs per instance
   * @param labels the class value of each instance
   */
  public record Fitted(DataPreparation preparation, double[][] inputs, double[] labels) {}

  /**
   * Fits the filters to training data that has a numeric class and no missing class value.
   *
   * @throws Exception if a filter fails
   */
  public static Fitted fit(Instances data) throws Exception {
    if (data.classIndex() < 0) {
      throw new IllegalArgumentException("the data has no class attribute set");
    }
    ReplaceMissingValues missing = new ReplaceMissingValues();
    missing.setInputFormat(data);
    Instances converted = Filter.useFilter(data, missing);
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
    int n = converted.numAttributes() - 1;
    int[] indices = new int[n];
    String[] names = new String[n];
    for (int j = 0, c = 0; j < converted.numAttributes(); j++) {
      if (j != classIndex) {
        indices[c] = j;
        names[c++] = converted.attribute(j).name();
      }
    }
    DataPreparation prep = new DataPreparation(missing, nominal, indices, names,
        data.numAttributes() - 1);
    double[][] rows = new double[converted.numInstances()][n];
    double[] labels = new double[converted.numInstances()];
    for (int i = 0; i < rows.length; i++) {
      Instance inst = converted.instance(i);
      for (int j = 0; j < n; j++) {
        rows[i][j] = inst.value(indices[j]);
      }
      labels[i] = inst.classValue();
    }
    return new Fitted(prep, rows, labels);
  }

  /** The number of network inputs the data gives (after conversion). */
  public int inputCount() {
    return inputIndices.length;
  }

  /** The number of attributes besides the class before conversion. */
  public int originalInputCount() {
    return originalInputs;
  }

  /** The name of input {@code j} (a converted attribute's name, e.g. {@code colour=red}). */
  public String inputName(int j) {
    return inputNames[j];
  }

  /** Whether any nominal attribute is converted to binary. */
  public boolean convertsNominal() {
    return nominal != null;
  }

  /**
   * Writes the raw inputs of an instance (of the training data's format) into
   * {@code out[0 .. inputCount() - 1]}.
   *
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
        return;
      }
    }
    Instance converted = filtered(instance);
    for (int j = 0; j < inputIndices.length; j++) {
      out[j] = converted.value(inputIndices[j]);
    }
  }

  private synchronized Instance filtered(Instance instance) throws Exception {
    // the filters' single-instance path (after the first batch each input is converted at once);
    // they keep state between input and output, hence synchronized
    missing.input(instance);
    Instance out = missing.output();
    if (nominal != null) {
      nominal.input(out);
      out = nominal.output();
    }
    return out;
  }

  /** A short description of the conversion, for the model's text output. */
  public String describe() {
    StringBuilder sb = new StringBuilder();
    sb.append(originalInputs).append(originalInputs == 1 ? " attribute" : " attributes")
        .append(" besides the class -> ").append(inputCount())
        .append(inputCount() == 1 ? " input" : " inputs");
    sb.append(" (missing values replaced by training means/modes");
    if (nominal != null) {
      sb.append(", nominal attributes converted to binary");
    }
    return sb.append(')').toString();
  }
}
