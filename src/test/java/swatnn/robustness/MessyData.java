package swatnn.robustness;

import java.io.StringReader;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import weka.core.Instances;
import weka.core.Utils;

/**
 * Generates a {@link MessySpec}'s data set as ARFF text and reads it with Weka's own parser, so
 * that literals such as {@code Infinity} and {@code NaN} reach the classifier as they do from a
 * user's file. Besides the training rows it gives prediction rows: every training row, one row
 * with every input missing, and rows with nominal levels never seen in training.
 */
public final class MessyData {
  private MessyData() {}

  /**
   * A generated data set.
   *
   * @param spec what was generated
   * @param arff the training data as ARFF text
   * @param train the training data as Weka reads it, class set
   * @param predict rows to predict after building (same header)
   * @param nonFinite the names of the attributes holding an {@code Infinity} literal
   * @param extreme the names of the attributes holding finite values of extreme magnitude
   *     (near 1.8e308 or 4.9e-324, or spanning 1e-300 to 1e300)
   */
  public record Generated(MessySpec spec, String arff, Instances train, Instances predict,
      Set<String> nonFinite, Set<String> extreme) {
    /** The attribute names of the data, class included. */
    public List<String> attributeNames() {
      List<String> names = new ArrayList<>();
      for (int j = 0; j < train.numAttributes(); j++) {
        names.add(train.attribute(j).name());
      }
      return names;
    }
  }

  /** A column: its ARFF type and one cell of ARFF text per row. */
  private static final class Column {
    final String name;
    final String type;
    final List<String> cells = new ArrayList<>();
    /** Cells of the extra prediction rows (null: copy of the training row's cell). */
    final List<String> extra = new ArrayList<>();

    Column(String name, String type) {
      this.name = name;
      this.type = type;
    }
  }

  /**
   * Generates the data set of {@code spec}.
   *
   * @param spec the spec
   * @return the data, read by Weka
   * @throws IllegalStateException if Weka cannot read the text generated (a generator defect)
   */
  public static Generated generate(MessySpec spec) {
    Random r = new Random(spec.seed());
    int k = spec.function() == 1 ? 5 : spec.signalInputs();
    int base = spec.rows();
    double[][] x = new double[base][k];
    double[] y = new double[base];
    for (int i = 0; i < base; i++) {
      for (int j = 0; j < k; j++) {
        x[i][j] = spec.function() == 1 ? r.nextDouble() : -2 + 4 * r.nextDouble();
      }
      y[i] = function(spec.function(), x[i]);
    }
    double sd = Math.max(sd(y), 1e-3);
    for (int i = 0; i < base; i++) {
      y[i] += 0.1 * sd * r.nextGaussian();
    }
    if (spec.has(Mutation.SKEWED_TARGET)) {
      double m = mean(y);
      for (int i = 0; i < base; i++) {
        y[i] = Math.exp(1.5 * (y[i] - m) / sd);
      }
    }
    if (spec.has(Mutation.CONSTANT_TARGET)) {
      java.util.Arrays.fill(y, 3.25);
    }
    int[] source = rowSources(spec, r, base);
    int n = source.length;
    boolean odd = spec.has(Mutation.ODD_NAMES);

    List<Column> inputs = new ArrayList<>();
    Column[] signal = new Column[k];
    double[][] values = new double[k][n];
    for (int j = 0; j < k; j++) {
      signal[j] = new Column(odd ? "x " + (j + 1) + (j == 0 ? " 'größe', \"m\"" : "") : "x" + (j + 1),
          "numeric");
      for (int i = 0; i < n; i++) {
        values[j][i] = x[source[i]][j];
      }
    }
    double[] cls = new double[n];
    for (int i = 0; i < n; i++) {
      cls[i] = y[source[i]];
    }
    Set<String> nonFinite = new LinkedHashSet<>();
    Set<String> extreme = new LinkedHashSet<>();
    String className = odd ? "target, %y" : "y";

    // transformations of signal columns (values), before they are written as cells
    if (spec.has(Mutation.HUGE_VALUES)) {
      int j = r.nextInt(k);
      extreme.add(signal[j].name);
      for (int i = 0; i < n; i++) {
        values[j][i] = r.nextInt(10) == 0 ? Math.copySign(Double.MAX_VALUE, values[j][i])
            : values[j][i] * 8e307;
      }
    }
    if (spec.has(Mutation.TINY_VALUES)) {
      int j = r.nextInt(k);
      extreme.add(signal[j].name);
      for (int i = 0; i < n; i++) {
        values[j][i] = Math.rint(values[j][i] * 10) * Double.MIN_VALUE;
      }
    }
    if (spec.has(Mutation.SPANNING_MAGNITUDES)) {
      int j = r.nextInt(k);
      extreme.add(signal[j].name);
      for (int i = 0; i < n; i++) {
        values[j][i] = Math.pow(10, 150 * Math.max(-2, Math.min(2, values[j][i])));
      }
    }
    if (spec.has(Mutation.OUTLIERS) && n > 0) {
      for (int t = 0; t < Math.max(1, n / 30); t++) {
        int i = r.nextInt(n);
        if (r.nextBoolean()) {
          cls[i] = cls[i] * 1e6 + 1e6;
        } else {
          values[r.nextInt(k)][i] *= 1e6;
        }
      }
    }
    for (int j = 0; j < k; j++) {
      for (int i = 0; i < n; i++) {
        // an outlier on a huge column overflows: the file holds the largest finite value
        double v = values[j][i];
        signal[j].cells.add(num(Double.isInfinite(v) ? Math.copySign(Double.MAX_VALUE, v) : v));
      }
      inputs.add(signal[j]);
    }
    if (spec.has(Mutation.DUPLICATED_COLUMN)) {
      int j = r.nextInt(k);
      Column c = new Column(signal[j].name + " copy", "numeric");
      c.cells.addAll(signal[j].cells);
      inputs.add(c);
    }
    if (spec.has(Mutation.CONSTANT_COLUMN)) {
      Column c = new Column("constant", "numeric");
      for (int i = 0; i < n; i++) {
        c.cells.add("7.5");
      }
      inputs.add(c);
    }
    if (spec.has(Mutation.ALL_MISSING_COLUMN)) {
      Column c = new Column("never recorded", "numeric");
      for (int i = 0; i < n; i++) {
        c.cells.add("?");
      }
      inputs.add(c);
    }
    for (int m = 0; m < spec.noiseInputs(); m++) {
      Column c = new Column("noise" + (m + 1), "numeric");
      for (int i = 0; i < n; i++) {
        c.cells.add(num(r.nextDouble()));
      }
      inputs.add(c);
    }
    if (spec.has(Mutation.ID_NOMINAL)) {
      List<String> levels = new ArrayList<>();
      for (int v = 0; v < spec.idLevels(); v++) {
        levels.add(String.format(java.util.Locale.ROOT, "ID%05d", v));
      }
      Column c = new Column("record id", nominalType(levels));
      for (int i = 0; i < n; i++) {
        c.cells.add(Utils.quote(levels.get(r.nextInt(levels.size()))));
      }
      // a level never used in training, if the draw left one
      Set<String> used = new LinkedHashSet<>(c.cells);
      levels.stream().map(Utils::quote).filter(v -> !used.contains(v)).findFirst()
          .ifPresent(c.extra::add);
      inputs.add(c);
    }
    if (spec.has(Mutation.UNSEEN_NOMINAL)) {
      List<String> levels = List.of("red", "green", "blue", "violet", "amber");
      Column c = new Column("colour", nominalType(levels));
      for (int i = 0; i < n; i++) {
        int v = r.nextInt(3);
        c.cells.add(levels.get(v));
        cls[i] += v == 1 ? 0.5 * sd : v == 2 ? -0.5 * sd : 0;
      }
      c.extra.add("violet");
      c.extra.add("amber");
      inputs.add(c);
    }
    if (spec.has(Mutation.DATE_COLUMN)) {
      Column c = new Column("recorded on", "date \"yyyy-MM-dd\"");
      LocalDate start = LocalDate.of(2000, 1, 1);
      for (int i = 0; i < n; i++) {
        c.cells.add(Utils.quote(start.plusDays(r.nextInt(9000)).toString()));
      }
      inputs.add(c);
    }
    if (spec.has(Mutation.STRING_COLUMN)) {
      Column c = new Column("comment", "string");
      for (int i = 0; i < n; i++) {
        c.cells.add(Utils.quote("row " + i + (r.nextBoolean() ? ", checked" : " as read")));
      }
      inputs.add(c);
    }

    // cell-level mutations: literals and missing values
    List<Column> numeric = inputs.stream().filter(c -> c.type.equals("numeric")).toList();
    if (spec.has(Mutation.INFINITY_IN_INPUT) && n > 0) {
      Column c = numeric.get(r.nextInt(Math.min(k, numeric.size())));
      for (int t = 0; t < 1 + r.nextInt(3); t++) {
        c.cells.set(r.nextInt(n), r.nextBoolean() ? "Infinity" : "-Infinity");
      }
      nonFinite.add(c.name);
    }
    if (spec.has(Mutation.MISSING_VALUES)) {
      double p = 0.05 + 0.45 * r.nextDouble();
      for (Column c : inputs) {
        for (int i = 0; i < n; i++) {
          if (r.nextDouble() < p) {
            c.cells.set(i, "?");
          }
        }
      }
    }
    if (spec.has(Mutation.NAN_LITERALS)) {
      for (Column c : numeric) {
        for (int i = 0; i < n; i++) {
          if (r.nextDouble() < 0.03) {
            c.cells.set(i, "NaN");
          }
        }
      }
    }
    Column target = new Column(className, "numeric");
    for (int i = 0; i < n; i++) {
      target.cells.add(num(cls[i]));
    }
    if (spec.has(Mutation.MISSING_CLASS) && n > 0) {
      boolean all = r.nextInt(5) == 0;
      double p = 0.1 + 0.3 * r.nextDouble();
      for (int i = 0; i < n; i++) {
        if (all || r.nextDouble() < p) {
          target.cells.set(i, "?");
        }
      }
    }
    if (spec.has(Mutation.NAN_LITERALS) && n > 0) {
      target.cells.set(r.nextInt(n), "NaN");
    }
    if (spec.has(Mutation.INFINITY_IN_CLASS) && n > 0) {
      for (int t = 0; t < 1 + r.nextInt(2); t++) {
        target.cells.set(r.nextInt(n), "Infinity");
      }
      nonFinite.add(className);
    }
    String[] weights = weights(spec, r, n);

    List<Column> columns = new ArrayList<>(inputs);
    if (spec.has(Mutation.CLASS_FIRST)) {
      columns.add(0, target);
    } else {
      columns.add(target);
    }
    int classIndex = columns.indexOf(target);
    String relation = "messy " + spec.toString();
    StringBuilder header = new StringBuilder("@relation ").append(Utils.quote(relation))
        .append("\n\n");
    for (Column c : columns) {
      header.append("@attribute ").append(Utils.quote(c.name)).append(' ').append(c.type)
          .append('\n');
    }
    header.append("\n@data\n");
    boolean sparse = spec.has(Mutation.SPARSE_FORMAT);
    StringBuilder train = new StringBuilder(header);
    for (int i = 0; i < n; i++) {
      List<String> row = new ArrayList<>();
      for (Column c : columns) {
        row.add(c.cells.get(i));
      }
      train.append(row(row, sparse, weights[i]));
    }
    // prediction rows: the training rows, one with every input missing, and rows with the
    // levels training never saw (on a copy of the first training row, or of the missing one)
    StringBuilder predict = new StringBuilder(train);
    List<String> missingRow = new ArrayList<>();
    for (Column c : columns) {
      missingRow.add("?");
    }
    predict.append(row(missingRow, sparse, "1"));
    for (Column c : columns) {
      for (String level : c.extra) {
        List<String> row = new ArrayList<>();
        for (Column d : columns) {
          row.add(d == c ? level : n > 0 ? d.cells.get(0) : "?");
        }
        predict.append(row(row, sparse, "1"));
      }
    }
    Instances trainData = read(train.toString(), spec);
    Instances predictData = read(predict.toString(), spec);
    trainData.setClassIndex(classIndex);
    predictData.setClassIndex(classIndex);
    return new Generated(spec, train.toString(), trainData, predictData, nonFinite,
        extreme);
  }

  private static double function(int f, double[] x) {
    double x2 = x.length > 1 ? x[1] : 0;
    double x3 = x.length > 2 ? x[2] : 0;
    return switch (f) {
      case 0 -> Math.sin(2 * x[0]) + 0.5 * x2 * x2 - 0.3 * x3;
      case 1 -> 10 * Math.sin(Math.PI * x[0] * x[1]) + 20 * (x[2] - 0.5) * (x[2] - 0.5)
          + 10 * x[3] + 5 * x[4];
      case 2 -> 3 * x[0] - 2 * x2 + x3 + 1;
      default -> x[0] * x2 + 0.5 * x[0];
    };
  }

  /** Which base row each written row copies: all once, or each 2-4 times. */
  private static int[] rowSources(MessySpec spec, Random r, int base) {
    if (!spec.has(Mutation.DUPLICATED_ROWS)) {
      return java.util.stream.IntStream.range(0, base).toArray();
    }
    List<Integer> out = new ArrayList<>();
    for (int i = 0; i < base; i++) {
      for (int t = 2 + r.nextInt(3); t > 0; t--) {
        out.add(i);
      }
    }
    return out.stream().mapToInt(Integer::intValue).toArray();
  }

  private static String[] weights(MessySpec spec, Random r, int n) {
    double[] w = new double[n];
    java.util.Arrays.fill(w, 1);
    boolean allZero = spec.has(Mutation.ZERO_WEIGHTS) && r.nextInt(6) == 0;
    for (int i = 0; i < n; i++) {
      if (spec.has(Mutation.SPANNING_WEIGHTS)) {
        w[i] = Math.pow(10, -300 + 600 * r.nextDouble());
      }
      if (spec.has(Mutation.HUGE_WEIGHTS) && r.nextDouble() < 0.3) {
        w[i] = Math.pow(10, 6 + 6 * r.nextDouble());
      }
      if (spec.has(Mutation.ZERO_WEIGHTS) && (allZero || r.nextDouble() < 0.2)) {
        w[i] = 0;
      }
    }
    String[] out = new String[n];
    for (int i = 0; i < n; i++) {
      out[i] = w[i] == 1 ? "1" : Double.toString(w[i]);
    }
    return out;
  }

  private static String row(List<String> cells, boolean sparse, String weight) {
    StringBuilder sb = new StringBuilder();
    if (sparse) {
      sb.append('{');
      boolean first = true;
      for (int j = 0; j < cells.size(); j++) {
        String v = cells.get(j);
        if (isZero(v)) {
          continue; // a sparse row leaves out numeric zeros
        }
        sb.append(first ? "" : ",").append(j).append(' ').append(v);
        first = false;
      }
      sb.append('}');
    } else {
      sb.append(String.join(",", cells));
    }
    if (!weight.equals("1")) {
      sb.append(",{").append(weight).append('}');
    }
    return sb.append('\n').toString();
  }

  private static boolean isZero(String cell) {
    try {
      return Double.parseDouble(cell) == 0;
    } catch (NumberFormatException e) {
      return false;
    }
  }

  private static String num(double v) {
    return Double.isNaN(v) ? "?" : Double.toString(v);
  }

  private static String nominalType(List<String> levels) {
    return "{" + String.join(",", levels.stream().map(Utils::quote).toList()) + "}";
  }

  private static Instances read(String arff, MessySpec spec) {
    try {
      return new Instances(new StringReader(arff));
    } catch (java.io.IOException e) {
      throw new IllegalStateException("Weka cannot read the data generated for " + spec
          + ": " + e.getMessage(), e);
    }
  }

  private static double mean(double[] v) {
    double s = 0;
    for (double d : v) {
      s += d;
    }
    return v.length == 0 ? 0 : s / v.length;
  }

  private static double sd(double[] v) {
    double m = mean(v);
    double s = 0;
    for (double d : v) {
      s += (d - m) * (d - m);
    }
    return v.length < 2 ? 0 : Math.sqrt(s / (v.length - 1));
  }
}
