package swatnn.weka;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import swatnn.io.NumberText;
import swatnn.mlp.Activation;
import swatnn.mlp.SparseMlp;
import swatnn.scaling.Spans;
import swatnn.search.MinMaxScaler;
import swatnn.selection.Candidate;
import swatnn.selection.CandidateModel;
import swatnn.selection.LinearModel;
import swatnn.selection.MeanModel;
import swatnn.selection.ModelSelector;
import swatnn.selection.NetworkModel;
import swatnn.selection.SearchResult;
import weka.core.Utils;

/**
 * The model text Weka prints after building (a classifier's {@code toString}): the header that
 * describes the search, the input and output scaling, the chosen model (a network as equations
 * over the data's attribute names, a linear model's equation, or the mean), its non-zero count
 * (and its effective parameters under Bayesian regularisation), the table of the candidates
 * compared, the time and the model's provenance.
 */
public final class ModelText {
  private ModelText() {}

  /** The decimal places of the model's numbers unless asked otherwise (-num-decimal-places). */
  public static final int DECIMAL_PLACES = 6;

  /**
   * @param m the model
   * @param places decimal places of the model's numbers (its weights, biases, coefficients,
   *     ranges and mean; not the table's errors), as Weka's -num-decimal-places sets them
   * @return its description, lines ending in a newline
   */
  public static String of(FittedNetwork m, int places) {
    StringBuilder sb = new StringBuilder();
    String title = m.header().title();
    sb.append(title).append('\n').append("=".repeat(title.length())).append("\n\n");
    for (String line : m.header().lines()) {
      sb.append(wrapped(line)).append('\n');
    }
    DataPreparation prep = m.preparation();
    MinMaxScaler in = m.inputRanges();
    MinMaxScaler out = m.classScaler();
    SearchResult r = m.result();
    CandidateModel model = r.model();
    // without a search there is no fitted function: no scaling to explain, only the ranges
    boolean scaled = r.searched();
    if (prep.inputCount() > 0) {
      sb.append(scaled ? "\n" + wrapped("Inputs: a linear model reads each min-max scaled to "
          + "[-1, 1] by its training range; a network reads each as given after \"for a "
          + "network\" (-input-scaling "
          + m.inputScaler().method().name().toLowerCase(Locale.ROOT).replace('_', '-')
          + "), scaled to [-1, 1]; in the equations below, but for a linear model's \"In the "
          + "data's units\", an input's name stands for its scaled value:") + "\n"
          : "\nInputs and their training ranges:\n");
    }
    int width = 1;
    for (int j = 0; j < prep.inputCount(); j++) {
      width = Math.max(width, prep.inputName(j).length());
    }
    // a network reads input j from column p + j of the scaled rows (FittedNetwork.predict)
    java.util.Set<Integer> networkColumns = java.util.Arrays.stream(r.networkInputs()).boxed()
        .collect(java.util.stream.Collectors.toSet());
    for (int j = 0; j < prep.inputCount(); j++) {
      String forNetwork = !scaled ? ""
          : networkColumns.contains(prep.inputCount() + j)
              ? "; for a network: " + m.inputScaler().describe(j, v -> num(v, places))
              : "; not a network input (not among the inputs selected for the network)";
      sb.append(String.format(Locale.ROOT, "  %-" + width + "s  training range [%s, %s]%s%n",
          prep.inputName(j), num(in.min(j), places), num(in.max(j), places), forNetwork));
    }
    String y = outputSymbol(prep, m.className());
    if (scaled && !(model instanceof MeanModel)) {
      double range = out.max(0) - out.min(0);
      // FittedNetwork bounds the scaled output before it maps it back
      String bound = String.format(Locale.ROOT, "; %s is first bounded to [%s, %s], %s%% of the "
          + "range beyond it", y, num(-1 - FittedNetwork.OUTPUT_MARGIN),
          num(1 + FittedNetwork.OUTPUT_MARGIN), num(50 * FittedNetwork.OUTPUT_MARGIN));
      sb.append(wrapped(out.min(0) == -1 && out.max(0) == 1 ? String.format(Locale.ROOT,
          "Output: %s = %s (its training range is [-1, 1] already%s)", m.className(), y, bound)
          : range < Double.POSITIVE_INFINITY ? String.format(Locale.ROOT,
          "Output: %s = %s + %s * (%s + 1) / 2 (training range [%s, %s]%s)", m.className(),
          num(out.min(0), places), num(range, places), y, num(out.min(0), places),
          num(out.max(0), places), bound)
          : String.format(Locale.ROOT, // a range wider than the largest double: its half
          "Output: %s = %s + %s * (%s + 1) (training range [%s, %s]%s)", m.className(),
          num(out.min(0), places), num(Spans.halfWidth(out.min(0), out.max(0)), places), y,
          num(out.min(0), places), num(out.max(0), places), bound))).append('\n');
    }
    if (!r.searched()) {
      sb.append('\n').append(m.notSearched()).append(": the model predicts the weighted "
          + "training mean of the class, ").append(num(mean(m), places))
          .append("; no search was run.\n");
    } else if (model instanceof NetworkModel n) {
      SparseMlp net = n.network();
      sb.append("\nChosen model: a network of ").append(net.hiddenLayers()).append(" hidden layer")
          .append(net.hiddenLayers() == 1 ? "" : "s").append(" (").append(r.chosen().name())
          .append("):\n");
      String[] names = networkInputNames(prep, n.inputs());
      sb.append(net.formula(names, y, v -> num(v, places)))
          .append("\n").append(inputsRead(net, names, n.inputs()))
          .append(usesLeaky(net) ? "(leaky(u) = u for u > 0, "
              + num(Activation.LEAKY_SLOPE) + " u otherwise)\n" : "")
          .append(rounded(places, roundingError(m, n, places), "the equations with the Output "
              + "line differ from the model's predictions", "the network's scaled inputs in "
              + "[-1, 1]"));
    } else if (model instanceof LinearModel lin) {
      sb.append("\nChosen model: linear, no hidden layer (on the inputs min-max scaled to "
          + "[-1, 1]):\n").append(equation(m, places)).append("\n");
      sb.append("In the data's units:\n").append(rawEquation(m, lin, places)).append("\n")
          .append(rounded(places, roundingError(m, lin, places), "the equation in the data's "
              + "units differs from the same equation unrounded", "the inputs' training "
              + "ranges"));
    } else {
      boolean band = r.linePValue() == null || ModelSelector.meanBand(r.linePValue());
      sb.append("\nChosen model: the training mean of the class, ").append(num(mean(m), places))
          .append(" (no network or linear model was better than the mean by more than the "
              + "tolerance" + (band ? " and by more than two paired standard errors" : "")
              + "; see the table).\n");
    }
    sb.append("\nNon-zero count: ").append(model.nonZeroCount())
        .append(model instanceof MeanModel ? " (the mean)" : "");
    if (model instanceof NetworkModel n) { // the network line's "non-zero N of M", spelled out
      sb.append(" (of the ").append(n.network().denseParameterCount())
          .append(" weights and biases its active neurons can have)");
    }
    sb.append('\n');
    double free = freeParameters(model);
    if (r.searched() && model.effectiveParameters() < free - 1e-9) {
      sb.append(String.format(Locale.ROOT, "Effective parameters (gamma of Bayesian "
          + "regularisation): %.2f of %d%n", model.effectiveParameters(), (int) free));
    }
    if (r.searched()) {
      sb.append('\n').append(candidateTable(r, m.tolerance()));
      sb.append(String.format(Locale.ROOT, "%nSearch and selection time: %.1f s%n",
          r.seconds()));
    }
    FittedNetwork.Provenance p = m.provenance();
    sb.append("\nProvenance:\n  package      swatnn ").append(p.packageVersion()).append('\n');
    sb.append("  options      ").append(p.options()).append('\n');
    if (p.autoencoder() != null && r.searched()) { // a model without a search used none
      sb.append("  autoencoder  ").append(p.autoencoder()).append(", weights SHA-256 ")
          .append(p.autoencoderSha256()).append('\n');
    }
    return sb.toString();
  }

  /** The widest line of prose in the model text, in characters. */
  static final int WIDTH = 100;

  /**
   * A paragraph broken at spaces into lines of at most {@value #WIDTH} characters, each after
   * the first indented by four spaces (a word longer than a line stands alone). Why: Weka's
   * Explorer shows the model text without wrapping, and the notes run to hundreds of
   * characters; the indent sets continuations apart from the two-space rows of the tables.
   *
   * @param paragraph one line of text, without a newline
   * @return the same words, lines joined by newlines, no newline at the end
   */
  static String wrapped(String paragraph) {
    return TextLines.wrap(paragraph, WIDTH, WIDTH - 4, "    ");
  }


  /**
   * Why the printed equations may not give the predictions to their last digit, how far they
   * are for a network, and where the exact ones are: a network's large output weight times a
   * neuron's small argument (0.0002 times 985) turns a rounding in the sixth decimal into an
   * error in the third.
   *
   * @param error from {@code roundingError}; null to leave it out
   * @param what what differs, e.g. "the equations with the Output line differ from the model's
   *     predictions"
   * @param where where the points were drawn
   */
  private static String rounded(int places, double[] error, String what, String where) {
    String far = error == null ? "" : "; so rounded, " + what + " by up to " + num2(error[0])
        + (error[1] > 0 ? " (" + num2(100 * error[0] / error[1]) + "% of the class's training "
        + "range)" : "") + " at " + ROUNDING_POINTS + " random points of " + where + " (the "
        + "largest difference found; elsewhere it may be larger)";
    int digits = Math.max(places, 1);
    return wrapped("(numbers rounded to " + places + " decimal place" + (places == 1 ? "" : "s")
        + ", those below " + num(Math.min(1, Math.pow(10, 2 - places)), digits)
        + " in magnitude to " + digits + " significant digit" + (digits == 1 ? "" : "s")
        + ", -num-decimal-places" + far + "; the exact model as Java source: weka.Run's -z "
        + "NAME, saved as WekaWrapper.java, or \"Output source code\" under the Explorer's More "
        + "options)") + "\n";
  }

  /**
   * The inputs the network reads, when it reads fewer than it is given ("" otherwise): an input
   * is read when an active neuron of the first hidden layer has a non-zero weight from it. Why:
   * the inputs' list gives the network's scaling for every input it is given, and which of them
   * the equations use is otherwise found only by reading the equations.
   */
  private static String inputsRead(SparseMlp net, String[] names, int[] columns) {
    List<String> read = new ArrayList<>();
    int given = 0;
    for (int i = 0; i < net.nIn(); i++) {
      if (i >= columns.length || columns[i] < 0) { // an input the data lacks, held at 0
        continue;
      }
      given++;
      for (int j = 0; j < net.layout().maxNeurons(); j++) {
        if (net.isActive(0, j) && net.weight(0, i, j) != 0) {
          read.add(names[i]);
          break;
        }
      }
    }
    return read.size() == given ? "" : wrapped("(the network reads " + read.size() + " of its "
        + given + " inputs: " + String.join(", ", read) + "; the others have no weight)") + "\n";
  }

  /** Whether an active neuron of the network is a leaky ReLU, whose slope the text gives. */
  private static boolean usesLeaky(SparseMlp net) {
    for (int l = 0; l < net.hiddenLayers(); l++) {
      for (int j = 0; j < net.layout().maxNeurons(); j++) {
        if (net.isActive(l, j) && net.activation(l, j) == Activation.LEAKY_RELU) {
          return true;
        }
      }
    }
    return false;
  }

  /** Points at which {@link #roundingError} compares the printed network with the model. */
  static final int ROUNDING_POINTS = 1000;

  /**
   * How far the chosen network as printed is from the model: the largest difference, in the
   * class's units, between the model's prediction and that of its equations and Output line
   * with every number rounded as the text prints it, over {@value #ROUNDING_POINTS} points of
   * the network's scaled inputs drawn uniformly from [-1, 1] (a fixed draw; an input the data
   * lacks stays 0). Why: a reader of the equations cannot see how much the rounding costs, and
   * it can cost much (Booth at 2 decimal places: output weights in the thousands, equations
   * off by an RMSE of 0.43 where the model's is 0.0005).
   *
   * @return the largest difference and the class's training range, or null when a rounded
   *     number cannot be read back (a text that is not a number)
   */
  static double[] roundingError(FittedNetwork m, NetworkModel n, int places) {
    SparseMlp net = n.network();
    SparseMlp printed;
    try {
      printed = net.withParameters(v -> Double.parseDouble(num(v, places)));
    } catch (IllegalArgumentException e) { // NumberFormatException too
      return null;
    }
    MinMaxScaler out = m.classScaler();
    double lo = out.min(0);
    double hi = out.max(0);
    double range = hi - lo;
    // the Output line's three forms, as printed
    java.util.function.DoubleUnaryOperator asPrinted = lo == -1 && hi == 1 ? v -> v
        : range < Double.POSITIVE_INFINITY
            ? v -> Double.parseDouble(num(lo, places))
                + Double.parseDouble(num(range, places)) * (v + 1) / 2
            : v -> Double.parseDouble(num(lo, places))
                + Double.parseDouble(num(Spans.halfWidth(lo, hi), places)) * (v + 1);
    int[] inputs = n.inputs();
    double[] x = new double[net.nIn()];
    java.util.Random random = new java.util.Random(0);
    double worst = 0;
    for (int p = 0; p < ROUNDING_POINTS; p++) {
      for (int j = 0; j < x.length; j++) {
        x[j] = j < inputs.length && inputs[j] >= 0 ? 2 * random.nextDouble() - 1 : 0;
      }
      double model = m.unscaled(net.predict(x));
      double text = asPrinted.applyAsDouble(FittedNetwork.bounded(printed.predict(x)));
      worst = Math.max(worst, Math.abs(model - text));
    }
    return new double[] {worst, range < Double.POSITIVE_INFINITY ? range : 0};
  }

  /** The weighted training mean of the class on its own scale (a mean model's prediction). */
  private static double mean(FittedNetwork m) {
    return m.classScaler().unscale(0, ((MeanModel) m.result().model()).mean());
  }

  private static double freeParameters(CandidateModel model) {
    if (model instanceof NetworkModel n) {
      return new swatnn.mlp.FreeParameters(n.network()).size();
    }
    if (model instanceof LinearModel l) {
      return l.inputs().length + 1;
    }
    return 1;
  }

  /**
   * A linear model in the data's own units (undoing the min-max scaling of its inputs and of the
   * class): {@code class = a + sum_j b_j x_j}.
   */
  private static String rawEquation(FittedNetwork m, LinearModel lin, int places) {
    RawLine line = RawLine.of(m, lin);
    StringBuilder terms = new StringBuilder();
    for (int j = 0; j < line.columns().length; j++) {
      double b = line.slopes()[j];
      terms.append(b < 0 ? " - " : " + ").append(num(Math.abs(b), places)).append(" * ")
          .append(m.preparation().inputName(line.columns()[j]));
    }
    return m.className() + " = " + num(line.intercept(), places) + terms;
  }

  /**
   * A linear model in the data's own units: {@code class = intercept + sum_j slopes[j] *
   * x[columns[j]]}, the inputs without a coefficient or without a range left out.
   */
  private record RawLine(double intercept, int[] columns, double[] slopes) {
    static RawLine of(FittedNetwork m, LinearModel lin) {
      MinMaxScaler in = m.inputRanges();
      MinMaxScaler out = m.classScaler();
      double half = Spans.halfWidth(out.min(0), out.max(0));
      int[] inputs = lin.inputs();
      double[] c = lin.coefficients();
      double a = lin.intercept() + 1;
      List<Integer> columns = new ArrayList<>();
      List<Double> slopes = new ArrayList<>();
      for (int j = 0; j < inputs.length; j++) {
        int col = inputs[j];
        double halfRange = Spans.halfWidth(in.min(col), in.max(col));
        if (c[j] == 0 || halfRange == 0) {
          continue;
        }
        a -= c[j] * (in.min(col) / halfRange + 1);
        columns.add(col);
        slopes.add(half * c[j] / halfRange);
      }
      return new RawLine(out.min(0) + half * a, columns.stream().mapToInt(i -> i).toArray(),
          slopes.stream().mapToDouble(v -> v).toArray());
    }
  }

  /**
   * How far the linear model's equation in the data's units, every number rounded as printed,
   * is from the same equation unrounded: the largest difference over {@value #ROUNDING_POINTS}
   * points drawn uniformly from the inputs' training ranges (a fixed draw). Why: at few decimal
   * places a small slope times an input of large values is far off (cpu.arff at 0 places: 149
   * in the class's units).
   *
   * @return the largest difference and the class's training range, or null when a rounded
   *     number cannot be read back
   */
  static double[] roundingError(FittedNetwork m, LinearModel lin, int places) {
    RawLine line = RawLine.of(m, lin);
    double a;
    double[] b = new double[line.slopes().length];
    try {
      a = Double.parseDouble(num(line.intercept(), places));
      for (int j = 0; j < b.length; j++) {
        b[j] = Double.parseDouble(num(line.slopes()[j], places));
      }
    } catch (NumberFormatException e) {
      return null;
    }
    MinMaxScaler in = m.inputRanges();
    java.util.Random random = new java.util.Random(0);
    double worst = 0;
    for (int p = 0; p < ROUNDING_POINTS; p++) {
      double d = a - line.intercept();
      for (int j = 0; j < b.length; j++) {
        int col = line.columns()[j];
        double x = in.min(col) + (in.max(col) - in.min(col)) * random.nextDouble();
        d += (b[j] - line.slopes()[j]) * x;
      }
      worst = Math.max(worst, Math.abs(d));
    }
    double range = m.classScaler().max(0) - m.classScaler().min(0);
    return new double[] {worst, range < Double.POSITIVE_INFINITY ? range : 0};
  }


  /**
   * The output's equation of a model without hidden units (a linear model or the mean), on the
   * scaled inputs and the scaled output symbol; for the mean, on the class's own scale.
   *
   * @param m the model
   * @param places decimal places of its numbers
   * @return e.g. {@code y = 0.12 + 0.8 * x1 - 0.3 * x2}
   */
  static String equation(FittedNetwork m, int places) {
    CandidateModel model = m.result().model();
    String y = outputSymbol(m.preparation(), m.className());
    if (model instanceof LinearModel lin) {
      StringBuilder sb = new StringBuilder(y + " = " + num(lin.intercept(), places));
      int[] inputs = lin.inputs();
      double[] c = lin.coefficients();
      for (int j = 0; j < inputs.length; j++) {
        if (c[j] != 0) {
          sb.append(c[j] < 0 ? " - " : " + ").append(num(Math.abs(c[j]), places)).append(" * ")
              .append(m.preparation().inputName(inputs[j] % m.preparation().inputCount()));
        }
      }
      return sb.toString();
    }
    if (model instanceof MeanModel) {
      return m.className() + " = " + num(mean(m), places);
    }
    return y;
  }

  /**
   * The network output's symbol: "y", or, when the class or an input already has that name,
   * the first of "y_net", "y_net2", ... that none has.
   */
  static String outputSymbol(DataPreparation prep, String className) {
    java.util.Set<String> taken = new java.util.HashSet<>();
    taken.add(className);
    for (int j = 0; j < prep.inputCount(); j++) {
      taken.add(prep.inputName(j));
    }
    if (!taken.contains("y")) {
      return "y";
    }
    String symbol = "y_net";
    for (int i = 2; taken.contains(symbol); i++) {
      symbol = "y_net" + i;
    }
    return symbol;
  }

  /** The network's input names: the data's, "unused" for inputs held at 0. */
  private static String[] networkInputNames(DataPreparation prep, int[] columns) {
    String[] names = new String[columns.length];
    for (int j = 0; j < columns.length; j++) {
      names[j] = columns[j] >= 0 ? prep.inputName(columns[j] % prep.inputCount())
          : "unused" + j;
    }
    return names;
  }

  /**
   * The candidates compared: the mean, the linear models (all inputs, the best and the
   * chosen), and per configuration its best network and the chosen one.
   */
  private static String candidateTable(SearchResult r, double tolerance) {
    List<Candidate> all = r.candidates();
    java.util.LinkedHashSet<Integer> shown = new java.util.LinkedHashSet<>();
    int linear = 0;
    int networks = 0;
    int firstLinear = -1;
    int bestLinear = -1;
    int[] bestOfK = new int[5];
    java.util.Arrays.fill(bestOfK, -1);
    int maxInputs = 0;
    for (int i = 0; i < all.size(); i++) {
      CandidateModel m = all.get(i).model();
      if (m instanceof MeanModel) {
        shown.add(i);
      } else if (m instanceof LinearModel l) {
        linear++;
        maxInputs = Math.max(maxInputs, l.inputs().length);
        firstLinear = firstLinear < 0 ? i : firstLinear;
        if (bestLinear < 0 || all.get(i).validationMse() < all.get(bestLinear).validationMse()) {
          bestLinear = i;
        }
      } else {
        networks++;
        int k = Math.min(all.get(i).hiddenLayers(), 4);
        if (bestOfK[k] < 0 || all.get(i).validationMse() < all.get(bestOfK[k]).validationMse()) {
          bestOfK[k] = i;
        }
      }
    }
    for (int i : new int[] {firstLinear, bestLinear, r.chosenIndex()}) {
      if (i >= 0) {
        shown.add(i);
      }
    }
    for (int k = 1; k <= 4; k++) {
      if (bestOfK[k] >= 0) {
        shown.add(bestOfK[k]);
      }
    }
    // by hidden layers, then as compared: the gated local search's networks, added last, stand
    // beside their configuration's
    List<Integer> order = new ArrayList<>(shown);
    order.sort(java.util.Comparator.comparingInt((Integer i) -> all.get(i).hiddenLayers())
        .thenComparingInt(i -> i));
    StringBuilder sb = new StringBuilder();
    long local = all.stream().filter(Candidate::fromLocalSearch).count();
    sb.append(wrapped(String.format(Locale.ROOT, "Candidates compared: %d (the training mean, "
        + "%d linear model%s on up to %d input%s, %d network%s%s; a searched network with no "
        + "active neuron is the mean and is left out), scored by %s; MSE on the class scaled "
        + "to [-1, 1]. Shown: the mean, the linear models with all inputs and of lowest "
        + "validation MSE, each configuration's best network, and the chosen one.",
        all.size(), linear, linear == 1 ? "" : "s", maxInputs, maxInputs == 1 ? "" : "s",
        networks, networks == 1 ? "" : "s", local == 0 ? ""
            : ", " + local + " of them from the local structure search",
        r.validation().describe()))).append('\n');
    String[] head = {"model", "validation MSE", "train MSE", "non-zero", "active neurons"};
    List<String[]> rows = new ArrayList<>();
    rows.add(head);
    // the final pruning (METHOD 8.4) leaves fewer non-zeros in the model than in its candidate
    int scoredNonZeros = all.get(r.chosenIndex()).nonZeroCount();
    boolean pruned = r.chosen().nonZeroCount() < scoredNonZeros;
    for (int i : order) {
      // after cross-validation every train MSE is on all rows, the chosen one's of its final fit;
      // a pruned network is shown as returned, beside the validation MSE of its candidate
      // (cross-validation) or its own on the held-out rows (a hold-out)
      Candidate c = i == r.chosenIndex() && (r.validation().crossValidated() || pruned)
          ? r.chosen() : all.get(i);
      CandidateModel m = c.model();
      String name = m instanceof LinearModel l ? "linear, " + l.inputs().length + " input"
          + (l.inputs().length == 1 ? "" : "s") : c.name();
      rows.add(new String[] {
          name,
          String.format(Locale.ROOT, "%.6g", c.validationMse()),
          String.format(Locale.ROOT, "%.6g", c.trainMse()),
          Integer.toString(c.nonZeroCount()),
          m instanceof NetworkModel n ? Integer.toString(n.network().activeNeuronCount()) : "-"});
    }
    int[] w = new int[head.length];
    for (String[] row : rows) {
      for (int i = 0; i < row.length; i++) {
        w[i] = Math.max(w[i], row[i].length());
      }
    }
    for (int i = 0; i < rows.size(); i++) {
      boolean chosen = i > 0 && order.get(i - 1) == r.chosenIndex();
      sb.append(chosen ? "* " : "  ");
      String[] row = rows.get(i);
      for (int c = 0; c < row.length; c++) {
        String pad = " ".repeat(w[c] - row[c].length());
        sb.append(c == 0 ? row[c] + pad : "  " + pad + row[c]);
      }
      sb.append('\n');
    }
    Double p = r.linePValue();
    String band = String.format(Locale.ROOT, "the mean also qualifies when its excess over the "
        + "best is below %s paired standard errors of the per-row squared errors",
        num(ModelSelector.STANDARD_ERRORS));
    if (p != null) {
      band = ModelSelector.meanBand(p)
          ? band + " (the band applies here: the F-test of the linear model on all inputs "
              + "against the mean gives "
              + pValue(p) + ", not below " + num(ModelSelector.LINE_LEVEL) + ")"
          : "the mean's band (it would also qualify with an excess over the best below "
              + num(ModelSelector.STANDARD_ERRORS) + " paired standard errors of the per-row "
              + "squared errors) does not apply here: the F-test of the linear model on all "
              + "inputs against the mean gives " + pValue(p) + ", below "
              + num(ModelSelector.LINE_LEVEL);
    }
    String floor = r.toleranceFloor() > 0 && r.classVariance() > 0
        ? String.format(Locale.ROOT, " plus %s of the class's variance on the rows scored%s "
            + "(the floor, %.3g here: on data fitted almost exactly a relative tolerance alone "
            + "would prefer a denser network for a difference of no consequence)",
            num2(r.toleranceFloor()), r.validation().crossValidated() ? ""
                : ", the held-out rows here", r.toleranceFloor() * r.classVariance())
        : "";
    sb.append(wrapped(String.format(Locale.ROOT, "(* chosen: the fewest non-zero parameters "
        + "among the candidates whose validation MSE is within %s%% of the best one%s; %s%s)",
        num(100 * tolerance), floor, band,
        chosenAfter(r, pruned, scoredNonZeros, all, tolerance)))).append('\n');
    return sb.toString();
  }

  /** What happened to the chosen candidate after the choice, for the table's note. */
  private static String chosenAfter(SearchResult r, boolean pruned, int scoredNonZeros,
      List<Candidate> scored, double tolerance) {
    if (r.validation().crossValidated()) {
      return "; then its parameters are those fitted on all training rows" + (pruned
          ? String.format(Locale.ROOT, "; then pruned from %d to %d non-zeros: its neurons, "
              + "its runs of one-neuron hidden layers (each as the affine map it nearly is) "
              + "and its weights were each removed where its training MSE rose by at most %s "
              + "of the class's variance; its row shows the validation MSE of the network it "
              + "was pruned from, and -no-final-prune keeps that network", scoredNonZeros,
              r.chosen().nonZeroCount(), num2(r.toleranceFloor()))
          : "");
    }
    if (r.validation().heldOutRows() > 0) {
      double best = ModelSelector.bestMse(scored);
      // the table shows the chosen row after the pruning: when the chosen network was the
      // best, the best MSE is in no row, and the note says whose it was
      boolean chosenWasBest = scored.get(r.chosenIndex()).validationMse() == best;
      return (pruned ? String.format(Locale.ROOT, "; then pruned from %d to %d non-zeros: "
          + "its neurons, its runs of one-neuron hidden layers (each as the affine map it "
          + "nearly is, if its training MSE rose by at most the floor) and its weights were "
          + "each removed where its MSE on the held-out rows stayed within %s%% "
          + "of the best one plus the floor, at most %.3g (the best candidate's MSE there is "
          + "%.3g%s), so that the "
          + "selection would have chosen it had the search found it; its row shows that MSE, "
          + "and its train MSE on all training rows; -no-final-prune keeps the network as "
          + "chosen", scoredNonZeros, r.chosen().nonZeroCount(), num(100 * tolerance),
          ModelSelector.limit(best, tolerance, r.toleranceFloor(), r.classVariance()), best,
          chosenWasBest ? ", the chosen network's before the pruning" : "")
          : "")
          + "; then refitted on all training rows";
    }
    return "";
  }

  /** A p-value: "p = " and 3 significant digits, or "p < 1e-12". */
  private static String pValue(double p) {
    return p < 1e-12 ? "p < 1e-12" : String.format(Locale.ROOT, "p = %.3g", p);
  }

  /** A small fraction as Java writes it in three significant digits, e.g. 1e-05 as "1e-05". */
  private static String num2(double v) {
    return NumberText.significant(v, 3);
  }

  /**
   * A number to {@value #DECIMAL_PLACES} decimal places at most ({@link #num(double, int)}).
   *
   * @param v the number
   * @return its text
   */
  public static String num(double v) {
    return num(v, DECIMAL_PLACES);
  }

  /**
   * A number to {@code places} decimal places at most, as Weka writes them ({@link
   * Utils#doubleToString(double, int)}); a non-zero number below {@code min(1, 10^(2 -
   * places))} in magnitude in {@code max(places, 1)} significant digits instead ({@link
   * NumberText#significant}, e.g. 3.86124e-11 at 6 places), since fixed decimals would print
   * it with one significant digit or as 0 (a date input's coefficient per millisecond, say).
   *
   * @param v the number
   * @param places decimal places (>= 0)
   * @return its text
   */
  public static String num(double v, int places) {
    if (v != 0 && Math.abs(v) < Math.min(1, Math.pow(10, 2 - places))) {
      return NumberText.significant(v, Math.max(places, 1));
    }
    return Utils.doubleToString(v, places).trim();
  }

}
