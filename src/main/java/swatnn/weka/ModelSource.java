package swatnn.weka;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.lang.model.SourceVersion;
import swatnn.mlp.Activation;
import swatnn.mlp.SparseMlp;
import swatnn.scaling.InputScaling;
import swatnn.scaling.Spans;
import swatnn.search.MinMaxScaler;
import swatnn.selection.CandidateModel;
import swatnn.selection.LinearModel;
import swatnn.selection.MeanModel;
import swatnn.selection.NetworkModel;

/**
 * A built model as the source of a self-contained Java class, the form of Weka's {@link
 * weka.classifiers.Sourcable}: {@code class NAME} with {@code public static double
 * classify(Object[] i)}, which takes a row as Weka's generated {@code WekaWrapper} passes it
 * (one entry per attribute of the training data: a {@link Double} for a numeric or date
 * attribute, a {@link String} for a nominal one, null for a missing value; the class's entry
 * ignored) and returns what {@link FittedNetwork#predict} returns for that row.
 *
 * <p>The class holds only what the chosen model uses: for the training mean, a constant; for a
 * linear model, the inputs of its non-zero coefficients; for a network, the inputs that carry a
 * non-zero weight, its active neurons and their non-zero weights. Each input is prepared as
 * the model prepares it ({@link InputCoding}: missing values replaced by the training means or
 * modes, nominal attributes coded as indicators), scaled as the model scales it (min-max for a
 * linear model, the network's own {@link InputScaling} per input, each column's {@code
 * toSource}), and the output is bounded and mapped back to the class's range as {@link
 * FittedNetwork} does. Constants are written as literals that read back exactly and the
 * arithmetic is the model's, in the same order (the linear maps between a range and [-1, 1]
 * are {@link Spans}'s, written into the class once, so that ranges wider than the largest
 * double stay finite there too), so the class predicts what the model predicts
 * (to the last bits; the order in which a network adds a constant neuron's share may differ).
 * It needs nothing but the JDK, compiles as Java 8 and is written in ASCII.
 */
public final class ModelSource {
  private ModelSource() {}

  /**
   * The source of the class.
   *
   * @param model the built model
   * @param coding how the model codes the attributes ({@link InputCoding#of})
   * @param className the class's name, a Java identifier (Weka's {@code -z} option)
   * @param owner the classifier's name, e.g. {@code SWATNNRegressor}, for the class comment
   * @return the source, lines ending in a newline
   * @throws IllegalArgumentException if {@code className} is not a Java identifier
   * @throws UnsupportedOperationException if an input's scaling has no source form
   */
  public static String of(FittedNetwork model, InputCoding coding, String className,
      String owner) {
    if (className == null || !SourceVersion.isIdentifier(className)
        || SourceVersion.isKeyword(className)) {
      throw new IllegalArgumentException("'" + className + "' is not a Java class name");
    }
    return new Writer(model, coding).write(className, owner);
  }

  /** Writes one class: the parts the model uses, then the helpers they call. */
  private static final class Writer {
    private final FittedNetwork model;
    private final InputCoding coding;
    private final int p;
    private final StringBuilder body = new StringBuilder();
    private final Map<Integer, String> scaleMethods = new LinkedHashMap<>();
    private final Set<Activation> activations = new LinkedHashSet<>();
    private final Set<String> declared = new java.util.HashSet<>();
    /** Each scaled column's variable, once declared. */
    private final Map<Integer, String> scaledNames = new java.util.HashMap<>();
    private boolean numbers;
    private boolean nominals;
    /** Whether the class calls the methods of {@link Spans#source()}. */
    private boolean spans;

    /** The output's variable, on the class scaled to [-1, 1]: the model text's symbol. */
    private final String out;

    Writer(FittedNetwork model, InputCoding coding) {
      this.model = model;
      this.coding = coding;
      this.p = model.preparation().inputCount();
      this.out = ModelText.outputSymbol(model.preparation(), model.className());
    }

    String write(String className, String owner) {
      CandidateModel chosen = model.result().model();
      String summary;
      if (chosen instanceof MeanModel m) {
        summary = "the training mean of the class";
        double mean = model.classScaler().unscale(0, m.mean());
        body.append("    // the weighted training mean of ").append(comment(model.className()))
            .append(model.notSearched() != null ? " (" + comment(model.notSearched()) + ")"
                : ": no network or linear model was better").append('\n');
        body.append("    return ").append(literal(mean)).append(";\n");
      } else if (chosen instanceof LinearModel lin) {
        summary = linear(lin);
      } else {
        summary = network((NetworkModel) chosen);
      }
      StringBuilder sb = new StringBuilder();
      sb.append("/**\n");
      sb.append(" * ").append(comment(owner)).append("'s model of ")
          .append(comment(model.className())).append(": ").append(summary).append(".\n");
      sb.append(" * Written by swatnn ").append(comment(model.provenance().packageVersion()))
          .append(" from a model built with the options\n * ")
          .append(comment(model.provenance().options())).append('\n');
      sb.append(" * It needs nothing but the JDK: call classify with one row. Printed by "
          + "weka.Run's -z, it is\n * followed by Weka's public class WekaWrapper: save the "
          + "whole output as\n * WekaWrapper.java to compile it against weka.jar.\n");
      sb.append(" */\n");
      sb.append("class ").append(className).append(" {\n\n");
      sb.append("  /**\n");
      sb.append("   * Predicts ").append(comment(model.className())).append(".\n");
      sb.append("   *\n");
      sb.append("   * @param i one value per attribute of the training data, in its order: a "
          + "Double (any\n");
      sb.append("   *     Number) for a numeric or date attribute, a String for a nominal one, "
          + "null (or NaN)\n");
      sb.append("   *     for a missing value; the class's entry is ignored\n");
      sb.append("   * @return the prediction\n");
      sb.append("   * @throws IllegalArgumentException if a value is not of its attribute's "
          + "kind, or not\n");
      sb.append("   *     one of a nominal attribute's training values\n");
      sb.append("   */\n");
      sb.append("  public static double classify(Object[] i) {\n");
      sb.append(body);
      sb.append("  }\n");
      helpers(sb);
      sb.append("}\n");
      return sb.toString();
    }

    /** The body of a linear model; returns its summary. */
    private String linear(LinearModel lin) {
      int[] columns = lin.inputs();
      double[] c = lin.coefficients();
      BitSet used = new BitSet();
      for (int j = 0; j < columns.length; j++) {
        if (c[j] != 0) {
          used.set(columns[j]);
        }
      }
      prepare(used);
      StringBuilder sum = new StringBuilder();
      List<String> terms = new ArrayList<>();
      List<Double> weights = new ArrayList<>();
      for (int j = 0; j < columns.length; j++) {
        if (c[j] != 0) {
          weights.add(c[j]);
          terms.add(scaled(columns[j]));
        }
      }
      sum.append(sum(lin.intercept(), weights, terms));
      body.append("    // the linear model, on the class scaled to [-1, 1]\n");
      body.append("    double ").append(out).append(" = ").append(sum).append(";\n");
      output();
      int n = weights.size();
      return "a linear model of " + n + (n == 1 ? " input" : " inputs") + " ("
          + lin.nonZeroCount() + " non-zero parameters)";
    }

    /** The body of a network; returns its summary. */
    private String network(NetworkModel chosen) {
      SparseMlp net = chosen.network();
      int[] columns = chosen.inputs();
      int h = net.layout().maxNeurons();
      int k = net.hiddenLayers();
      boolean[] inputUsed = new boolean[net.nIn()];
      BitSet used = new BitSet();
      for (int j = 0; j < net.nIn(); j++) {
        for (int to = 0; to < h && !inputUsed[j]; to++) {
          inputUsed[j] = columns[j] >= 0 && net.isActive(0, to) && net.weight(0, j, to) != 0;
        }
        if (inputUsed[j]) {
          used.set(columns[j]);
        }
      }
      prepare(used);
      String[] previous = new String[Math.max(net.nIn(), h)];
      for (int j = 0; j < net.nIn(); j++) {
        previous[j] = inputUsed[j] ? scaled(columns[j]) : null;
      }
      for (int l = 0; l < k; l++) {
        body.append("    // hidden layer ").append(l + 1).append('\n');
        String[] current = new String[h];
        for (int j = 0; j < h; j++) {
          if (!net.isActive(l, j)) {
            continue;
          }
          List<Double> weights = new ArrayList<>();
          List<String> terms = new ArrayList<>();
          int sources = l == 0 ? net.nIn() : h;
          for (int i = 0; i < sources; i++) {
            double w = net.weight(l, i, j);
            if (w != 0 && previous[i] != null) {
              weights.add(w);
              terms.add(previous[i]);
            }
          }
          Activation a = net.activation(l, j);
          activations.add(a);
          current[j] = net.neuronName(l, j).replace('.', '_'); // the model text's h1.2
          body.append("    double ").append(current[j]).append(" = ").append(a.sourceName())
              .append('(').append(sum(net.bias(l, j), weights, terms)).append(");\n");
        }
        previous = current;
      }
      List<Double> weights = new ArrayList<>();
      List<String> terms = new ArrayList<>();
      for (int j = 0; j < h; j++) {
        double w = net.weight(k, j, 0);
        if (w != 0 && previous[j] != null) {
          weights.add(w);
          terms.add(previous[j]);
        }
      }
      body.append("    // the output, on the class scaled to [-1, 1]\n");
      body.append("    double ").append(out).append(" = ")
          .append(sum(net.outputBias(), weights, terms))
          .append(";\n");
      output();
      int inputs = used.cardinality();
      return "a network of " + k + " hidden layer" + (k == 1 ? "" : "s") + ", "
          + net.activeNeuronCount() + " active neuron" + (net.activeNeuronCount() == 1 ? ""
          : "s") + " and " + net.nonZeroCount() + " non-zero parameters, on " + inputs
          + (inputs == 1 ? " input" : " inputs");
    }

    /**
     * The raw inputs of the used scaled columns (c and p + c both read raw input c), grouped
     * by attribute, as {@code in<c>}.
     */
    private void prepare(BitSet scaledColumns) {
      BitSet raw = new BitSet();
      scaledColumns.stream().forEach(c -> raw.set(c % p));
      if (raw.isEmpty()) {
        return;
      }
      int attributes = coding.attributes().size();
      body.append("    if (i.length != ").append(attributes).append(") {\n");
      body.append("      throw new IllegalArgumentException(\"").append(attributes)
          .append(" values expected (one per attribute), got \" + i.length);\n");
      body.append("    }\n");
      body.append("    // the inputs as the model prepared them (missing values replaced by "
          + "training means/modes)\n");
      BitSet done = new BitSet();
      for (InputCoding.AttributeCoding a : coding.attributes()) {
        if (a == null || java.util.Arrays.stream(a.columns()).noneMatch(raw::get)) {
          continue;
        }
        if (a instanceof InputCoding.Numeric num) {
          numbers = true;
          body.append("    double in").append(num.column()).append(" = number(i[")
              .append(num.index()).append("], ").append(string(num.name())).append(", ")
              .append(literal(num.missing())).append("); // ").append(comment(num.name()))
              .append("; missing: the training mean\n");
          done.set(num.column());
        } else {
          nominal((InputCoding.Nominal) a, raw);
          for (int c : a.columns()) {
            done.set(c);
          }
        }
      }
      raw.stream().filter(c -> !done.get(c)).forEach(c -> body.append("    double in")
          .append(c).append(" = ").append(literal(coding.constants()[c]))
          .append("; // ").append(comment(model.preparation().inputName(c)))
          .append(": the same for every row\n"));
    }

    private void nominal(InputCoding.Nominal a, BitSet raw) {
      nominals = true;
      String v = "a" + a.index();
      body.append("    String ").append(v).append(" = nominal(i[").append(a.index())
          .append("], ").append(string(a.name()));
      for (String value : a.values()) {
        body.append(", ").append(string(value));
      }
      body.append(");").append(a.mode() >= 0 ? " // null if missing: coded as the mode, "
          + comment(a.values().get(a.mode())) : "").append('\n');
      int[] columns = a.columns();
      double[][] coded = a.coded();
      double[] missing = a.missing();
      for (int j = 0; j < columns.length; j++) {
        if (!raw.get(columns[j])) {
          continue;
        }
        double common = mostCommon(coded, j);
        StringBuilder e = new StringBuilder(v + " == null ? " + literal(missing[j]) + " : ");
        for (int val = 0; val < coded.length; val++) {
          if (Double.compare(coded[val][j], common) != 0) {
            e.append(v).append(".equals(").append(string(a.values().get(val))).append(") ? ")
                .append(literal(coded[val][j])).append(" : ");
          }
        }
        e.append(literal(common));
        body.append("    double in").append(columns[j]).append(" = ").append(e)
            .append("; // ").append(comment(model.preparation().inputName(columns[j])))
            .append('\n');
      }
    }

    private static double mostCommon(double[][] coded, int j) {
      double best = coded[0][j];
      int bestCount = 0;
      for (double[] row : coded) {
        int count = 0;
        for (double[] other : coded) {
          count += Double.compare(row[j], other[j]) == 0 ? 1 : 0;
        }
        if (count > bestCount) {
          best = row[j];
          bestCount = count;
        }
      }
      return best;
    }

    /**
     * The variable of scaled column {@code c}, declared on first use and named after its
     * attribute, as the model text's equations name it: below p, {@code lin_<name>}, raw input
     * c min-max scaled by its training range (what a linear model reads); from p, {@code
     * net_<name>}, raw input c - p under the input scaling (what a network reads). A name's
     * characters other than letters, digits and _ become _, and the column's number is added
     * when that name is taken.
     */
    private String scaled(int c) {
      String known = scaledNames.get(c);
      if (known != null) {
        return known;
      }
      String base = (c < p ? "lin_" : "net_")
          + model.preparation().inputName(c % p).replaceAll("[^A-Za-z0-9_]", "_");
      String name = base;
      for (int n = c % p; !declared.add(name); n += p) {
        name = base + "_" + n;
      }
      scaledNames.put(c, name);
      String inputName = comment(model.preparation().inputName(c % p));
      if (c < p) {
        MinMaxScaler ranges = model.inputRanges();
        boolean constant = ranges.min(c) == ranges.max(c);
        spans |= !constant;
        body.append("    double ").append(name).append(" = ").append(constant ? "0.0"
            : "2 * " + Spans.FRACTION_METHOD + "(in" + c + ", " + literal(ranges.min(c)) + ", "
                + literal(ranges.max(c)) + ") - 1")
            .append("; // ").append(inputName).append(", training range [")
            .append(literal(ranges.min(c))).append(", ").append(literal(ranges.max(c)))
            .append("] to [-1, 1]\n");
      } else {
        int raw = c - p;
        String method = "scale" + raw;
        scaleMethods.put(raw, model.inputScaler().column(raw).toSource(method));
        body.append("    double ").append(name).append(" = ").append(method).append("(in")
            .append(raw).append("); // ").append(inputName).append(" as the network reads it\n");
      }
      return name;
    }

    /** The output bounded and mapped back to the class's range, as FittedNetwork does. */
    private void output() {
      MinMaxScaler y = model.classScaler();
      boolean constant = y.min(0) == y.max(0);
      spans |= !constant;
      body.append("    // bounded to ").append(Math.round(FittedNetwork.OUTPUT_MARGIN * 50))
          .append("% of the range beyond the training range of ")
          .append(comment(model.className())).append(", [")
          .append(literal(y.min(0))).append(", ").append(literal(y.max(0)))
          .append("], and mapped back to it\n");
      body.append("    ").append(out).append(" = Math.max(")
          .append(literal(-1 - FittedNetwork.OUTPUT_MARGIN)).append(", Math.min(")
          .append(literal(1 + FittedNetwork.OUTPUT_MARGIN)).append(", ").append(out)
          .append("));\n");
      body.append("    return ").append(constant ? literal(y.min(0))
          : Spans.AT_METHOD + "(" + literal(y.min(0)) + ", " + literal(y.max(0))
              + ", (" + out + " + 1) / 2)").append(";\n");
    }

    private void helpers(StringBuilder sb) {
      if (numbers) {
        sb.append('\n');
        sb.append("  /** A numeric value; {@code missing} when it is null or NaN. */\n");
        sb.append("  private static double number(Object v, String attribute, double missing)"
            + " {\n");
        sb.append("    if (v == null) {\n");
        sb.append("      return missing;\n");
        sb.append("    }\n");
        sb.append("    if (!(v instanceof Number)) {\n");
        sb.append("      throw new IllegalArgumentException(attribute + \": a number expected, "
            + "got \" + v);\n");
        sb.append("    }\n");
        sb.append("    double x = ((Number) v).doubleValue();\n");
        sb.append("    return Double.isNaN(x) ? missing : x;\n");
        sb.append("  }\n");
      }
      if (nominals) {
        sb.append('\n');
        sb.append("  /** A nominal value, one of {@code values}; null when it is missing. */\n");
        sb.append("  private static String nominal(Object v, String attribute, String... "
            + "values) {\n");
        sb.append("    if (v == null || v instanceof Double && ((Double) v).isNaN()) {\n");
        sb.append("      return null;\n");
        sb.append("    }\n");
        sb.append("    for (String value : values) {\n");
        sb.append("      if (value.equals(v)) {\n");
        sb.append("        return value;\n");
        sb.append("      }\n");
        sb.append("    }\n");
        sb.append("    throw new IllegalArgumentException(attribute + \": '\" + v + \"' is not "
            + "one of its training values\");\n");
        sb.append("  }\n");
      }
      for (String method : scaleMethods.values()) {
        sb.append('\n').append(method);
        spans |= method.contains(Spans.FRACTION_METHOD + "(");
      }
      if (spans) {
        sb.append('\n').append(Spans.source());
      }
      for (Activation a : Activation.values()) {
        if (activations.contains(a)) {
          sb.append('\n').append(a.toSource());
        }
      }
    }
  }

  /** {@code bias + w1 * t1 + ...} in this order (a zero bias left out), signs folded in. */
  static String sum(double bias, List<Double> weights, List<String> terms) {
    StringBuilder sb = new StringBuilder();
    if (bias != 0 || terms.isEmpty()) {
      sb.append(literal(bias));
    }
    for (int j = 0; j < terms.size(); j++) {
      double w = weights.get(j);
      if (sb.length() == 0) {
        sb.append(literal(w));
      } else {
        sb.append(w < 0 ? " - " : " + ").append(literal(Math.abs(w)));
      }
      sb.append(" * ").append(terms.get(j));
    }
    return sb.toString();
  }

  /** A Java literal that reads back as exactly {@code v}. */
  static String literal(double v) {
    if (Double.isNaN(v)) {
      return "Double.NaN";
    }
    if (Double.isInfinite(v)) {
      return v > 0 ? "Double.POSITIVE_INFINITY" : "Double.NEGATIVE_INFINITY";
    }
    return Double.toString(v);
  }

  /**
   * A Java string literal of {@code s} in ASCII: quotes, backslashes and control characters
   * escaped, other characters beyond ASCII as Unicode escapes.
   */
  static String string(String s) {
    StringBuilder sb = new StringBuilder("\"");
    for (char ch : s.toCharArray()) {
      if (ch == '"' || ch == '\\') {
        sb.append('\\').append(ch);
      } else if (ch < 0x20) {
        sb.append(String.format(java.util.Locale.ROOT, "\\%03o", (int) ch));
      } else if (ch < 0x7f) {
        sb.append(ch);
      } else {
        sb.append(String.format(java.util.Locale.ROOT, "\\u%04x", (int) ch));
      }
    }
    return sb.append('"').toString();
  }

  /**
   * Text safe inside any Java comment, in ASCII: no comment end, control characters as
   * spaces, backslashes doubled (so that none starts a Unicode escape), characters beyond
   * ASCII as Unicode escapes (which stand for themselves).
   */
  static String comment(String s) {
    StringBuilder sb = new StringBuilder();
    for (char ch : s.toCharArray()) {
      if (ch == '\\') {
        sb.append("\\\\");
      } else if (ch < 0x20) {
        sb.append(' ');
      } else if (ch < 0x7f) {
        sb.append(ch);
      } else {
        sb.append(String.format(java.util.Locale.ROOT, "\\u%04x", (int) ch));
      }
    }
    return sb.toString().replace("*/", "* /");
  }
}
