package swatnn.weka;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import weka.core.Attribute;
import weka.core.DenseInstance;
import weka.core.Instance;
import weka.core.Instances;
import weka.core.Utils;

/**
 * How a built model turns each attribute of an instance into its raw inputs (the columns
 * {@link DataPreparation#inputsOf} writes), attribute by attribute: a numeric or date attribute
 * is copied into one column, its missing value replaced by the training mean; a nominal
 * attribute gives fixed values to its columns (its binary indicators), one set per value and
 * one for a missing value (the training mode's).
 *
 * <p>The coding is read off the fitted preparation itself, by passing it probe instances of
 * the training format: one with every attribute missing, then, for each attribute in turn,
 * one with only that attribute set (a numeric one to two values far from every replacement,
 * a nominal one to each of its values). What changes is that attribute's coding. Source code
 * written from it therefore codes inputs exactly as the model does, whatever the filters'
 * details; a preparation that does not code attributes one at a time (a column that depends on
 * two attributes, a numeric attribute not copied as it is) is refused.
 *
 * @param attributes one coding per attribute of the training data, in its order; null for the
 *     class and for an attribute that no input column depends on
 * @param constants per input column, its value when every attribute is missing: the
 *     replacement a coding uses, or the value of a column that no attribute codes (always the
 *     same)
 */
public record InputCoding(List<AttributeCoding> attributes, double[] constants) {

  public InputCoding {
    attributes = Collections.unmodifiableList(new ArrayList<>(attributes));
    constants = constants.clone();
  }

  /** The coding of one attribute. */
  public sealed interface AttributeCoding permits Numeric, Nominal {
    /** @return the attribute's index in the training data */
    int index();

    /** @return the attribute's name */
    String name();

    /** @return the input columns it codes, ascending */
    int[] columns();
  }

  /**
   * A numeric (or date) attribute, copied into one input column.
   *
   * @param index the attribute's index
   * @param name its name
   * @param column its input column
   * @param missing the value of a missing one (the weighted training mean)
   */
  public record Numeric(int index, String name, int column, double missing)
      implements AttributeCoding {
    @Override
    public int[] columns() {
      return new int[] {column};
    }
  }

  /**
   * A nominal attribute: each of its values, and a missing value, set its columns to fixed
   * numbers.
   *
   * @param index the attribute's index
   * @param name its name
   * @param values its values, in the training data's order
   * @param columns the input columns it codes, ascending
   * @param coded per value, the numbers of {@code columns}, in their order
   * @param missing the numbers of {@code columns} for a missing value
   * @param mode the value coded as a missing one is (the weighted training mode), or -1
   */
  public record Nominal(int index, String name, List<String> values, int[] columns,
      double[][] coded, double[] missing, int mode) implements AttributeCoding {
    public Nominal {
      values = List.copyOf(values);
      columns = columns.clone();
      coded = Arrays.stream(coded).map(double[]::clone).toArray(double[][]::new);
      missing = missing.clone();
    }

    @Override
    public int[] columns() {
      return columns.clone();
    }

    @Override
    public double[][] coded() {
      return Arrays.stream(coded).map(double[]::clone).toArray(double[][]::new);
    }

    @Override
    public double[] missing() {
      return missing.clone();
    }
  }

  @Override
  public double[] constants() {
    return constants.clone();
  }

  /**
   * Reads the coding off a fitted preparation.
   *
   * @param header the training data's format (with its class set)
   * @param prep the preparation fitted to that data
   * @return the coding
   * @throws Exception if the preparation fails on a probe
   * @throws IllegalStateException if the preparation does not code attributes one at a time
   *     as described above
   */
  public static InputCoding of(Instances header, DataPreparation prep) throws Exception {
    int n = prep.inputCount();
    double[] base = inputs(header, prep, -1, Double.NaN);
    double far = 1;
    for (double v : base) {
      if (Double.isFinite(v)) {
        far = Math.max(far, 2 * Math.abs(v) + 1);
      }
    }
    List<AttributeCoding> codings = new ArrayList<>();
    int[] owner = new int[n];
    Arrays.fill(owner, -1);
    for (int a = 0; a < header.numAttributes(); a++) {
      Attribute att = header.attribute(a);
      AttributeCoding coding;
      if (a == header.classIndex()) {
        coding = null;
      } else if (att.isNumeric()) {
        coding = numeric(header, prep, a, base, far);
      } else if (att.isNominal()) {
        coding = nominal(header, prep, a, base);
      } else {
        throw new IllegalStateException("attribute " + att.name() + " is neither numeric, date "
            + "nor nominal");
      }
      if (coding != null) {
        for (int c : coding.columns()) {
          if (owner[c] >= 0) {
            throw new IllegalStateException("input " + prep.inputName(c) + " depends on two "
                + "attributes, " + header.attribute(owner[c]).name() + " and " + att.name());
          }
          owner[c] = a;
        }
      }
      codings.add(coding);
    }
    return new InputCoding(codings, base);
  }

  private static Numeric numeric(Instances header, DataPreparation prep, int a, double[] base,
      double far) throws Exception {
    String name = header.attribute(a).name();
    int column = -1;
    for (double probe : new double[] {far, -far - 1}) {
      double[] row = inputs(header, prep, a, probe);
      int[] changed = changed(row, base);
      if (changed.length == 0) {
        return null; // no input depends on it
      }
      if (changed.length > 1 || row[changed[0]] != probe
          || column >= 0 && column != changed[0]) {
        throw new IllegalStateException("numeric attribute " + name + " is not copied into one "
            + "input as it is");
      }
      column = changed[0];
    }
    return new Numeric(a, name, column, base[column]);
  }

  private static Nominal nominal(Instances header, DataPreparation prep, int a, double[] base)
      throws Exception {
    Attribute att = header.attribute(a);
    int k = att.numValues();
    double[][] rows = new double[k][];
    boolean[] depends = new boolean[base.length];
    for (int v = 0; v < k; v++) {
      rows[v] = inputs(header, prep, a, v);
      for (int c : changed(rows[v], base)) {
        depends[c] = true;
      }
    }
    int[] columns = java.util.stream.IntStream.range(0, base.length).filter(c -> depends[c])
        .toArray();
    if (columns.length == 0) {
      return null;
    }
    double[][] coded = new double[k][columns.length];
    double[] missing = new double[columns.length];
    for (int j = 0; j < columns.length; j++) {
      missing[j] = base[columns[j]];
      for (int v = 0; v < k; v++) {
        coded[v][j] = rows[v][columns[j]];
      }
    }
    int mode = -1;
    for (int v = 0; v < k && mode < 0; v++) {
      mode = Arrays.equals(coded[v], missing) ? v : -1;
    }
    List<String> values = new ArrayList<>(k);
    for (int v = 0; v < k; v++) {
      values.add(att.value(v));
    }
    return new Nominal(a, att.name(), values, columns, coded, missing, mode);
  }

  /** The columns where {@code row} differs from {@code base} (NaN equal to NaN). */
  private static int[] changed(double[] row, double[] base) {
    return java.util.stream.IntStream.range(0, base.length)
        .filter(c -> Double.compare(row[c], base[c]) != 0).toArray();
  }

  /**
   * The raw inputs of an instance of the training format whose attributes are all missing
   * but attribute {@code a}, which is {@code value} (none when {@code a} is -1).
   */
  private static double[] inputs(Instances header, DataPreparation prep, int a, double value)
      throws Exception {
    double[] values = new double[header.numAttributes()];
    Arrays.fill(values, Utils.missingValue());
    if (a >= 0) {
      values[a] = value;
    }
    Instance probe = new DenseInstance(1, values);
    probe.setDataset(header);
    double[] out = new double[Math.max(2 * prep.inputCount(), 1)];
    prep.inputsOf(probe, out);
    return Arrays.copyOf(out, prep.inputCount());
  }
}
