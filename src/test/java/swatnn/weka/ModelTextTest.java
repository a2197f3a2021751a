package swatnn.weka;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import swatnn.TinyAutoencoder;
import swatnn.selection.Candidate;
import swatnn.selection.LinearModel;
import swatnn.selection.SearchResult;
import weka.classifiers.functions.SWATNNRegressor;
import weka.core.Attribute;
import weka.core.DenseInstance;
import weka.core.Instance;
import weka.core.Instances;
import weka.core.Utils;

/**
 * {@link ModelText} says what the model computes: a linear model's two printed equations (on
 * the scaled inputs, and in the data's units) give the classifier's predictions to the printed
 * precision; a model built without a search names the weighted mean it predicts; the chosen row
 * of the candidates' table is the chosen model; the output's symbol avoids the data's names.
 */
class ModelTextTest {
  @TempDir static Path dir;
  static String model;

  @BeforeAll
  static void tinyModel() throws Exception {
    Path file = dir.resolve("tiny.zip");
    TinyAutoencoder.train(file, 3);
    model = file.toString();
  }

  static SWATNNRegressor shortSearch() throws Exception {
    SWATNNRegressor c = new SWATNNRegressor();
    c.setOptions(new String[] {"-steps", "20", "-anneal", "5", "-restarts", "2", "-layers", "1",
        "-model", model, "-S", "1"});
    return c;
  }

  /** y = 5 + 3 a - 2 b (a in [0, 4], b in [10, 20]) with a little noise. */
  static Instances line(String a, String b, String y) {
    ArrayList<Attribute> atts = new ArrayList<>();
    atts.add(new Attribute(a));
    atts.add(new Attribute(b));
    atts.add(new Attribute(y));
    Instances d = new Instances("line", atts, 80);
    d.setClassIndex(2);
    Random r = new Random(2);
    for (int i = 0; i < 80; i++) {
      double x1 = 4 * r.nextDouble();
      double x2 = 10 + 10 * r.nextDouble();
      d.add(new DenseInstance(1, new double[] {x1, x2, 5 + 3 * x1 - 2 * x2
          + 0.01 * r.nextGaussian()}));
    }
    return d;
  }

  static final String NUM = "(-?\\d+(?:\\.\\d+)?(?:[eE][-+]?\\d+)?)";

  /** The terms "c * name" of an equation's right-hand side after its constant. */
  static double evaluate(String rhs, java.util.function.ToDoubleFunction<String> value) {
    Matcher first = Pattern.compile("^" + NUM).matcher(rhs.trim());
    assertTrue(first.find(), rhs);
    double sum = Double.parseDouble(first.group(1));
    Matcher term = Pattern.compile("([-+]) " + NUM + " \\* (\\S+)").matcher(rhs);
    int terms = 0;
    while (term.find()) {
      double c = Double.parseDouble(term.group(2));
      sum += (term.group(1).equals("-") ? -c : c) * value.applyAsDouble(term.group(3));
      terms++;
    }
    assertEquals(2, terms, rhs);
    return sum;
  }

  /**
   * Rows of inputs uniform in [-1, 1], drawn in attribute order, and the class (the last
   * attribute) a function of them, without noise.
   */
  static Instances uniform(String[] names, int rows, long seed,
      java.util.function.ToDoubleFunction<double[]> target) {
    ArrayList<Attribute> atts = new ArrayList<>();
    for (String n : names) {
      atts.add(new Attribute(n));
    }
    Instances d = new Instances("uniform", atts, rows);
    d.setClassIndex(names.length - 1);
    Random r = new Random(seed);
    for (int i = 0; i < rows; i++) {
      double[] row = new double[names.length];
      for (int j = 0; j < names.length - 1; j++) {
        row[j] = 2 * r.nextDouble() - 1;
      }
      row[names.length - 1] = target.applyAsDouble(row);
      d.add(new DenseInstance(1, row));
    }
    return d;
  }

  static String lineAfter(String text, String start) {
    return text.lines().filter(l -> l.startsWith(start)).findFirst()
        .orElseThrow(() -> new AssertionError("no line '" + start + "' in\n" + text));
  }

  @Test
  void aClassAlreadyInMinusOneToOneIsOutputAsItIs() throws Exception {
    // a CORNN task's labels are scaled to [-1, 1] by their training range
    Instances d = uniform(new String[] {"a", "b", "f"}, 60, 3, x -> x[0] - 0.5 * x[1]);
    double lo = Double.POSITIVE_INFINITY;
    double hi = Double.NEGATIVE_INFINITY;
    for (Instance i : d) {
      lo = Math.min(lo, i.classValue());
      hi = Math.max(hi, i.classValue());
    }
    for (Instance i : d) {
      i.setClassValue(i.classValue() == lo ? -1 : i.classValue() == hi ? 1
          : -1 + 2 * (i.classValue() - lo) / (hi - lo));
    }
    SWATNNRegressor c = shortSearch();
    c.buildClassifier(d);
    String text = unwrapped(c.toString());
    assertTrue(Pattern.compile("\nOutput: f = y(_net)? \\(its training range is \\[-1, 1\\] "
        + "already; y(_net)? is first bounded to \\[-1\\.1, 1\\.1\\], 5% of the range beyond "
        + "it\\)\n").matcher(text).find(), text);
  }

  @Test
  void aLinearModelsEquationsGiveItsPredictions() throws Exception {
    Instances d = line("a", "b", "y");
    SWATNNRegressor c = shortSearch();
    c.buildClassifier(d);
    String text = c.toString();
    assertTrue(c.searchResult().model() instanceof LinearModel, text);
    // in the data's units: y = c0 + c1 * a - c2 * b
    String units = text.substring(text.indexOf("In the data's units:\n") + 21).lines()
        .findFirst().orElseThrow();
    assertTrue(units.startsWith("y = "), units);
    // on the scaled inputs: y_net = ..., inputs min-max scaled by the printed training ranges
    String scaled = lineAfter(text, "y_net = ");
    Matcher out = Pattern.compile("Output: y = " + NUM + " \\+ " + NUM + " \\* \\(y_net \\+ 1\\) / 2")
        .matcher(text);
    assertTrue(out.find(), text);
    double yMin = Double.parseDouble(out.group(1));
    double ySpan = Double.parseDouble(out.group(2));
    double[][] ranges = new double[2][];
    for (int j = 0; j < 2; j++) {
      Matcher m = Pattern.compile("\n  " + d.attribute(j).name() + "  training range \\[" + NUM
          + ", " + NUM + "\\]").matcher(text);
      assertTrue(m.find(), text);
      ranges[j] = new double[] {Double.parseDouble(m.group(1)), Double.parseDouble(m.group(2))};
    }
    for (Instance i : d) {
      double predicted = c.classifyInstance(i);
      double inUnits = evaluate(units.substring(4), name -> i.value(d.attribute(name)));
      double yNet = evaluate(scaled.substring(8), name -> {
        int j = d.attribute(name).index();
        return 2 * (i.value(j) - ranges[j][0]) / (ranges[j][1] - ranges[j][0]) - 1;
      });
      double fromScaled = yMin + ySpan * (yNet + 1) / 2;
      // six printed decimals on coefficients of up to 2 and inputs of up to 20
      assertEquals(predicted, inUnits, 1e-3, units + " at " + i);
      assertEquals(predicted, fromScaled, 1e-3, scaled + " at " + i);
      assertEquals(i.classValue(), predicted, 0.1, "the line is fitted: " + units);
    }
    // at 1 decimal place the note says how far the equation in the data's units is from itself
    // unrounded, and on the training rows it is not farther than that from the predictions
    double[] stated = new double[2];
    int[] placesTried = {1, ModelText.DECIMAL_PLACES};
    for (int p = 0; p < 2; p++) {
      Stated at = stated(c, placesTried[p], "the equation in the data's units differs from the "
          + "same equation unrounded");
      String t = at.text();
      stated[p] = at.figure();
      String rounded = t.substring(t.indexOf("In the data's units:\n") + 21).lines().findFirst()
          .orElseThrow();
      double worst = 0;
      for (Instance i : d) {
        worst = Math.max(worst, Math.abs(c.classifyInstance(i)
            - evaluate(rounded.substring(4), name -> i.value(d.attribute(name)))));
      }
      assertTrue(worst <= 1.5 * stated[p] + 1e-9, worst + " > " + stated[p] + ": " + rounded);
    }
    assertTrue(stated[0] > 100 * stated[1], stated[0] + " against " + stated[1]);
    c.setNumDecimalPlaces(ModelText.DECIMAL_PLACES);
    // the table marks the chosen model, and its non-zero count is the one printed
    String chosenRow = text.lines().filter(l -> l.startsWith("* ")).findFirst().orElseThrow();
    assertTrue(chosenRow.startsWith("* linear, 2 inputs"), chosenRow);
    assertTrue(text.contains("Non-zero count: 3\n"), text);
    assertEquals("3", chosenRow.trim().split("\\s+")[6], chosenRow);
  }

  /**
   * An input in epoch milliseconds (a date attribute's values) has a coefficient near 1e-11 in
   * the data's units: six fixed decimals printed it as 0, and the equation lost the input.
   */
  @Test
  void aTinyCoefficientInTheDatasUnitsKeepsItsDigits() throws Exception {
    ArrayList<Attribute> atts = new ArrayList<>();
    atts.add(new Attribute("when"));
    atts.add(new Attribute("b"));
    atts.add(new Attribute("y"));
    Instances d = new Instances("dates", atts, 80);
    d.setClassIndex(2);
    Random r = new Random(3);
    for (int i = 0; i < 80; i++) {
      double when = 1.5e12 + 1e11 * r.nextDouble();
      double b = 10 + 10 * r.nextDouble();
      d.add(new DenseInstance(1, new double[] {when, b, 3e-11 * when - 2 * b
          + 0.01 * r.nextGaussian()}));
    }
    SWATNNRegressor c = shortSearch();
    c.buildClassifier(d);
    String text = c.toString();
    assertTrue(c.searchResult().model() instanceof LinearModel, text);
    String units = text.substring(text.indexOf("In the data's units:\n") + 21).lines()
        .findFirst().orElseThrow();
    for (Instance i : d) {
      double inUnits = evaluate(units.substring(4), name -> i.value(d.attribute(name)));
      assertEquals(c.classifyInstance(i), inUnits, 1e-2, units + " at " + i);
    }
  }

  /**
   * -num-decimal-places (Weka's option, default {@value ModelText#DECIMAL_PLACES} here) sets the
   * decimals of the model's numbers, and a network's neurons are numbered 1, 2, ... in each
   * layer, as the architecture line counts them.
   */
  @Test
  void theModelsNumbersFollowNumDecimalPlacesAndNeuronsAreCounted() throws Exception {
    Instances d = uniform(new String[] {"a", "b", "y"}, 200, 5,
        x -> Math.tanh(1.5 * x[0] - x[1]) + 0.3 * Math.tanh(2 * x[1]));
    SWATNNRegressor c = shortSearch();
    assertTrue(!String.join(" ", c.getOptions()).contains("-num-decimal-places"),
        "the default is not written out");
    c.buildClassifier(d);
    assertTrue(c.searchResult().model() instanceof swatnn.selection.NetworkModel, c.toString());
    assertEquals("19", ModelText.num(18.654567, 0), "0 places: no scientific notation");
    assertEquals("4.7", ModelText.num(4.678, 1));
    assertEquals("0.009", ModelText.num(0.0094, 1), "below 1: max(n, 1) significant digits");
    assertEquals("0.019", ModelText.num(0.019, 2));
    assertEquals("3.86124e-11", ModelText.num(3.86124e-11, 6));
    for (int places : new int[] {ModelText.DECIMAL_PLACES, 2}) {
      c.setNumDecimalPlaces(places);
      String text = c.toString();
      String[] lines = text.substring(text.indexOf("Chosen model: ")).split("\n");
      Matcher arch = Pattern.compile("^\\d+ -> (\\d+) \\[").matcher(lines[1]);
      assertTrue(arch.find(), text);
      int neurons = Integer.parseInt(arch.group(1));
      int n = 0;
      for (int i = 2; lines[i].startsWith("h"); i++) {
        assertTrue(lines[i].startsWith("h1." + ++n + " = "), "neuron " + n + ":\n" + text);
        Matcher number = Pattern.compile("[ (]" + NUM + "(?= [a-z]|\\))").matcher(lines[i]);
        while (number.find()) {
          String v = number.group(1);
          String digits = v.replaceAll("e.*", "").replace("-", "");
          int decimals = digits.contains(".") ? digits.length() - digits.indexOf('.') - 1 : 0;
          int significant = digits.replace(".", "").replaceAll("^0+", "").length();
          // below 10^(2 - places) in magnitude: that many significant digits instead
          assertTrue(Math.abs(Double.parseDouble(v)) < Math.min(1, Math.pow(10, 2 - places))
              ? significant <= places : decimals <= places && !v.contains("e"),
              v + " in " + lines[i]);
        }
      }
      assertEquals(neurons, n, text);
      double min = d.attributeStats(0).numericStats.min;
      Matcher range = Pattern.compile("\n  a  training range \\[" + NUM + ", " + NUM
          + "\\]; for a network: min-max \\[" + NUM).matcher(text);
      assertTrue(range.find(), text);
      assertEquals(Utils.doubleToString(min, places).trim(), range.group(1), text);
      assertEquals(range.group(1), range.group(3), "the scaling's line too: " + text);
    }
    assertEquals("2", Utils.getOption("num-decimal-places", c.getOptions()));
    IllegalArgumentException e = org.junit.jupiter.api.Assertions.assertThrows(
        IllegalArgumentException.class, () -> c.setNumDecimalPlaces(-1));
    assertTrue(e.getMessage().contains("-num-decimal-places"), e.getMessage());
    SWATNNRegressor again = new SWATNNRegressor();
    again.setOptions(c.getOptions());
    assertEquals(2, again.getNumDecimalPlaces());
  }

  /**
   * The note under a network's equations says how far they are, as printed, from the model;
   * the equations read back from the text and evaluated at other random points miss the model
   * by about as much (within a factor of 2), more at 1 decimal place than at 6.
   */
  @Test
  void theRoundingNoteSaysHowFarThePrintedNetworkIsFromTheModel() throws Exception {
    Instances d = uniform(new String[] {"a", "b", "y"}, 200, 5,
        x -> 40 * Math.tanh(1.5 * x[0] - x[1]) + 12 * Math.tanh(2 * x[1]));
    SWATNNRegressor c = shortSearch();
    c.buildClassifier(d);
    swatnn.selection.NetworkModel n =
        (swatnn.selection.NetworkModel) c.searchResult().model();
    assertEquals(2, n.inputs().length, "both inputs read");
    swatnn.search.MinMaxScaler out = c.fittedNetwork().classScaler();
    double[] stated = new double[2];
    int[] placesTried = {1, ModelText.DECIMAL_PLACES};
    for (int p = 0; p < 2; p++) {
      Stated at = stated(c, placesTried[p], "the equations with the Output line differ from the "
          + "model's predictions");
      String text = at.text();
      stated[p] = at.figure();
      Matcher o = Pattern.compile("Output: y = " + NUM + " \\+ " + NUM
          + " \\* \\(y_net \\+ 1\\) / 2").matcher(text);
      assertTrue(o.find(), text);
      List<String> equations = text.substring(text.indexOf("Chosen model: ")).lines().skip(2)
          .takeWhile(l -> l.startsWith("h") || l.startsWith("y_net = ")).toList();
      Random r = new Random(11);
      double worst = 0;
      for (int i = 0; i < 1000; i++) {
        java.util.Map<String, Double> v = new java.util.HashMap<>();
        double[] x = {2 * r.nextDouble() - 1, 2 * r.nextDouble() - 1};
        v.put(d.attribute(n.inputs()[0] % 2).name(), x[0]);
        v.put(d.attribute(n.inputs()[1] % 2).name(), x[1]);
        for (String e : equations) {
          String[] sides = e.split(" = ", 2);
          Matcher act = Pattern.compile("^(sigmoid|tanh|leaky)\\((.*)\\)$").matcher(sides[1]);
          double u = act.find() ? printedSum(act.group(2), v) : printedSum(sides[1], v);
          v.put(sides[0], act.reset().find() ? switch (act.group(1)) {
            case "sigmoid" -> 1 / (1 + Math.exp(-u));
            case "tanh" -> Math.tanh(u);
            default -> u > 0 ? u : 0.01 * u;
          } : u);
        }
        double yNet = Math.max(-1.1, Math.min(1.1, v.get("y_net")));
        double printed = Double.parseDouble(o.group(1))
            + Double.parseDouble(o.group(2)) * (yNet + 1) / 2;
        double model = out.unscale(0, Math.max(-1.1, Math.min(1.1, n.network().predict(x))));
        worst = Math.max(worst, Math.abs(printed - model));
      }
      assertTrue(worst <= 2 * stated[p] + 1e-9 && worst >= stated[p] / 2,
          "stated " + stated[p] + ", found " + worst + " at " + placesTried[p] + " places");
    }
    assertTrue(stated[0] > 100 * stated[1], "1 place against 6: " + stated[0] + ", "
        + stated[1]);
  }

  /**
   * Under a network's equations the text names the inputs its first layer reads when it reads
   * fewer than it is given; the names are exactly those in the first layer's equations.
   */
  @Test
  void theTextNamesTheInputsTheNetworkReads() throws Exception {
    // the tiny model takes 2 inputs: one data set whose class uses both, one that uses one
    Instances both = uniform(new String[] {"a", "b", "y"}, 200, 4,
        x -> 2 * Math.tanh(1.5 * x[0] - x[1]));
    Instances one = uniform(new String[] {"a", "b", "y"}, 200, 4, x -> 2 * Math.tanh(1.5 * x[0]));
    int lines = 0;
    for (Instances d : List.of(both, one)) {
      SWATNNRegressor c = shortSearch();
      c.setLocalSearchGate(0);
      c.buildClassifier(d);
      assertTrue(c.searchResult().model() instanceof swatnn.selection.NetworkModel,
          c.toString());
      String text = unwrapped(c.toString());
      java.util.Set<String> inEquations = new java.util.TreeSet<>();
      text.lines().filter(l -> l.startsWith("h1.")).forEach(l -> {
        for (String name : new String[] {"a", "b"}) {
          if (Pattern.compile("\\d " + name + "( |\\))").matcher(l).find()) {
            inEquations.add(name);
          }
        }
      });
      // the inputs given to the network: those the inputs' list gives a network scaling
      long given = text.lines().filter(l -> l.contains("; for a network: ")).count();
      Matcher line = Pattern.compile("\\n\\(the network reads (\\d+) of its " + given
          + " inputs: ([^;]+); the others have no weight\\)\\n").matcher(text);
      if (inEquations.size() < given) {
        assertTrue(line.find(), text);
        assertEquals(inEquations.size(), Integer.parseInt(line.group(1)), text);
        assertEquals(inEquations, new java.util.TreeSet<>(List.of(line.group(2).split(", "))));
        lines++;
      } else {
        assertFalse(line.find(), text);
      }
    }
    assertEquals(1, lines, "the class of one input: the network reads a alone");
  }

  /** A model text, unwrapped, and the figure its rounding note gives. */
  private record Stated(String text, double figure) {}

  /** The model text at {@code places} decimal places and the figure after "{what} by up to". */
  private static Stated stated(SWATNNRegressor c, int places, String what) {
    c.setNumDecimalPlaces(places);
    String text = unwrapped(c.toString());
    Matcher note = Pattern.compile(Pattern.quote(what) + " by up to " + NUM + " \\(")
        .matcher(text);
    assertTrue(note.find(), text);
    return new Stated(text, Double.parseDouble(note.group(1)));
  }

  /** A printed sum "c0 name0 + c1 name1 - ... + c" at the values of the names. */
  private static double printedSum(String sum, java.util.Map<String, Double> values) {
    Matcher term = Pattern.compile("(^|[-+] )" + NUM + "(?: ([A-Za-z_][A-Za-z0-9_.]*))?")
        .matcher(sum.trim());
    double total = 0;
    int at = 0;
    while (term.find()) {
      assertEquals(at, term.start(), "a term where the last one ended: " + sum);
      double c = Double.parseDouble(term.group(2)) * (term.group(1).startsWith("-") ? -1 : 1);
      total += term.group(3) == null ? c : c * values.get(term.group(3));
      at = term.end() + (term.end() < sum.trim().length() ? 1 : 0);
    }
    assertEquals(sum.trim().length(), at, "every term read: " + sum);
    return total;
  }

  /** The floor's fraction keeps its exponent whole (it printed 1e-10 as 1e-1). */
  @Test
  void theToleranceFloorIsPrintedAsGiven() throws Exception {
    SWATNNRegressor c = shortSearch();
    c.setOptions(new String[] {"-steps", "20", "-anneal", "5", "-restarts", "2", "-layers", "1",
        "-model", model, "-S", "1", "-tol-floor", "1e-10"});
    c.buildClassifier(line("a", "b", "y"));
    assertTrue(unwrapped(c.toString()).contains(" plus 1e-10 of the class's variance on the "
        + "rows scored (the floor"), c.toString());
  }

  @Test
  void theOutputSymbolAvoidsTheDatasNames() throws Exception {
    Instances d = line("y", "y_net", "z");
    SWATNNRegressor c = shortSearch();
    c.buildClassifier(d);
    DataPreparation prep = c.fittedNetwork().preparation();
    assertEquals("y_net2", ModelText.outputSymbol(prep, "z"));
    assertEquals("y_net2", ModelText.outputSymbol(prep, "y"));
    assertTrue(c.toString().contains("Output: z = ") && c.toString().contains("\ny_net2 = "),
        c.toString());
    Instances plain = line("a", "b", "target");
    SWATNNRegressor p = shortSearch();
    p.buildClassifier(plain);
    assertEquals("y", ModelText.outputSymbol(p.fittedNetwork().preparation(), "target"));
    assertEquals("y_net", ModelText.outputSymbol(p.fittedNetwork().preparation(), "y"));
  }

  @Test
  void withoutASearchTheTextNamesTheWeightedMean() throws Exception {
    ArrayList<Attribute> atts = new ArrayList<>();
    atts.add(new Attribute("x"));
    atts.add(new Attribute("y"));
    Instances d = new Instances("flat", atts, 4);
    d.setClassIndex(1);
    // x never varies; weights 1 and 3: the weighted mean of 2, 4, 6, 8 is (2 + 4 + 18 + 24) / 8
    double[] y = {2, 4, 6, 8};
    double[] w = {1, 1, 3, 3};
    for (int i = 0; i < 4; i++) {
      d.add(new DenseInstance(w[i], new double[] {7, y[i]}));
    }
    SWATNNRegressor c = shortSearch();
    c.buildClassifier(d);
    String text = c.toString();
    assertTrue(text.contains("No input varies on the training data")
        && text.contains(": the model predicts the weighted training mean of the class, 6; no "
            + "search was run.\n"), text);
    assertEquals(6.0, c.classifyInstance(d.instance(0)), 1e-12);
    assertTrue(text.contains("\nInputs and their training ranges:\n  x  training range [7, 7]\n"),
        text);
    assertTrue(text.contains("Non-zero count: 1 (the mean)\n"), text);
    assertTrue(!text.contains("Candidates compared") && !text.contains("Search and selection"),
        "no table and no search time without a search:\n" + text);
  }

  @Test
  void aPrunedNetworksRowAndNoteSayWhatWasRemoved() throws Exception {
    // a noiseless tanh of two inputs plus an input it ignores, scored on a hold-out (more rows
    // than -max-cv-rows): the refined network fits it near-exactly and loses what it does not
    // need; the table's chosen row must be the network returned, in both selection paths
    Instances d = uniform(new String[] {"a", "b", "c", "y"}, 300, 4,
        x -> 2 * Math.tanh(1.5 * x[0] - x[1]));
    for (String maxCvRows : new String[] {"100", "1000"}) {
      SWATNNRegressor c = shortSearch();
      c.setMaxCrossValidationRows(Integer.parseInt(maxCvRows));
      // the gated local search off: cross-validated, it finds the one tanh neuron itself
      c.setLocalSearchGate(0);
      c.buildClassifier(d);
      String text = unwrapped(c.toString());
      Matcher count = Pattern.compile("Non-zero count: (\\d+)").matcher(text);
      assertTrue(count.find(), text);
      Matcher row = Pattern.compile("\\n\\* (.*?)  +\\S+  +\\S+  +(\\d+)  +\\d+\\n").matcher(text);
      assertTrue(row.find(), text);
      assertEquals(count.group(1), row.group(2), "the chosen row is the model returned:\n" + text);
      Matcher note = Pattern.compile("then pruned from (\\d+) to (\\d+) non-zeros").matcher(text);
      assertTrue(note.find(), "-max-cv-rows " + maxCvRows + ": no pruning\n" + text);
      assertEquals(count.group(1), note.group(2), text);
      assertTrue(Integer.parseInt(note.group(1)) > Integer.parseInt(note.group(2)), text);
      assertTrue(row.group(1).contains(", pruned from " + note.group(1) + " non-zeros"), text);
      if (maxCvRows.equals("100")) {
        // on a hold-out the note gives the band's limit, which the row's held-out MSE is within
        Matcher band = Pattern.compile("at most (\\S+) \\(the best candidate's MSE there is "
            + "([^,)]+)(, the chosen network's before the pruning)?\\)").matcher(text);
        assertTrue(band.find(), text);
        // the best MSE is a row's, or the note says it was the chosen network's, whose row
        // shows the pruned network
        double best = Double.parseDouble(band.group(2));
        Matcher rows = Pattern.compile("\\n[* ] (?:mean|linear|k=).*?  +(\\S+)  +\\S+  +\\d+  +\\S+"
            + "(?=\\n)").matcher(text);
        boolean inARow = false;
        while (rows.find()) {
          inARow |= Math.abs(Double.parseDouble(rows.group(1)) - best) <= 5e-3 * best;
        }
        assertTrue(inARow != (band.group(3) != null), text);
        Matcher mse = Pattern.compile("\\n\\* .*?  +(\\S+)  +\\S+  +\\d+  +\\d+\\n")
            .matcher(text);
        assertTrue(mse.find(), text);
        double limit = Double.parseDouble(band.group(1));
        assertTrue(Double.parseDouble(mse.group(1)) <= limit * (1 + 1e-3), text);
        assertTrue(Double.parseDouble(band.group(2)) <= limit, text);
      }
    }
  }

  @Test
  void theModelTextSaysWhetherTheGatedLocalSearchRanAndWhyNot() throws Exception {
    // a sine of one input with noise of about half its variance: no network validates within 3%
    java.util.Random noise = new java.util.Random(3);
    Instances noisy = uniform(new String[] {"a", "y"}, 120, 6,
        x -> Math.sin(3 * x[0]) + 0.7 * noise.nextGaussian());
    SWATNNRegressor c = shortSearch();
    c.buildClassifier(noisy);
    assertTrue(Pattern.compile("Local structure search after cross-validation "
        + "\\(-local-search-gate 0\\.03\\): not run: no network validated within the gate "
        + "\\(the best at \\S+ of the class's variance\\) or fitted its training rows within "
        + "it \\(the closest at \\S+; the table shows only each configuration's network of "
        + "lowest validation MSE\\)")
        .matcher(unwrapped(c.toString())).find(), c.toString());
    SWATNNRegressor held = shortSearch();
    held.setMaxCrossValidationRows(50);
    held.buildClassifier(noisy);
    // on a hold-out the gate does not apply; the network of lowest held-out MSE is searched
    assertFalse(held.toString().contains("Local structure search after cross-validation"),
        held.toString());
    assertTrue(unwrapped(held.toString()).contains("Local structure search on the hold-out "
        + "(-held-out-local-search 1): ran on the network of lowest held-out MSE ("),
        held.toString());
    SWATNNRegressor local = shortSearch();
    local.setLocalSearch(true);
    local.buildClassifier(noisy);
    assertTrue(unwrapped(local.toString()).contains("(-local-search-gate 0.03): not used with "
        + "-local-search"), local.toString());
    SWATNNRegressor off = shortSearch();
    off.setLocalSearchGate(0);
    off.buildClassifier(noisy);
    assertFalse(off.toString().contains("Local structure search after"), off.toString());
    assertEquals(null, off.searchResult().gatedNetworks(), off.toString());

    // a noiseless tanh of two inputs: some networks come within the gate, and the line names
    // exactly the networks recorded as searched, at most two per configuration, each of which
    // validated or fitted its training rows within 0.03 of the class's variance
    Instances exact = uniform(new String[] {"a", "b", "y"}, 150, 5,
        x -> 2 * Math.tanh(1.5 * x[0] - x[1]));
    SWATNNRegressor ran = shortSearch();
    ran.buildClassifier(exact);
    SearchResult r = ran.searchResult();
    assertFalse(r.gatedNetworks().isEmpty(), ran.toString());
    Matcher line = Pattern.compile("\\(-local-search-gate 0\\.03\\): ran on (\\d+) networks? "
        + "within the gate in validation or training MSE, at most two per configuration "
        + "\\(([^)]*)\\)").matcher(unwrapped(ran.toString()));
    assertTrue(line.find(), ran.toString());
    assertEquals(r.gatedNetworks().size(), Integer.parseInt(line.group(1)), ran.toString());
    assertEquals(String.join(", ", r.gatedNetworks()), line.group(2), ran.toString());
    java.util.Map<Integer, Integer> perConfiguration = new java.util.HashMap<>();
    for (String name : r.gatedNetworks()) {
      Candidate cand = r.candidates().stream().filter(x -> x.name().equals(name)).findFirst()
          .orElseThrow();
      assertTrue(Math.min(cand.validationMse(), cand.trainMse()) <= 0.03 * r.classVariance(),
          name + ":\n" + ran);
      assertTrue(perConfiguration.merge(cand.hiddenLayers(), 1, Integer::sum) <= 2,
          ran.toString());
    }
    // the table's network rows, the added ones among them, in order of hidden layers
    Matcher row = Pattern.compile("\\n[* ] k=(\\d) ").matcher(ran.toString());
    int previous = 0;
    while (row.find()) {
      int k = Integer.parseInt(row.group(1));
      assertTrue(k >= previous, ran.toString());
      previous = k;
    }
    assertTrue(previous > 0, ran.toString());
  }

  @Test
  void proseIsWrappedAtTheWidthAndJoinsBackToTheSameWords() {
    java.util.Random random = new java.util.Random(7);
    for (int trial = 0; trial < 200; trial++) {
      StringBuilder sb = new StringBuilder();
      int words = 1 + random.nextInt(80);
      for (int w = 0; w < words; w++) {
        sb.append(w > 0 ? " " : "").append("x".repeat(1 + random.nextInt(
            random.nextInt(20) == 0 ? 120 : 15)));
      }
      String paragraph = sb.toString();
      String wrapped = ModelText.wrapped(paragraph);
      assertEquals(paragraph, unwrapped(wrapped), "the same words in the same order");
      String[] lines = wrapped.split("\n", -1);
      for (int i = 0; i < lines.length; i++) {
        String line = lines[i];
        assertEquals(i > 0, line.startsWith("    "), "continuations are indented: " + line);
        boolean oneWord = line.trim().indexOf(' ') < 0;
        assertTrue(line.length() <= ModelText.WIDTH || oneWord, line.length() + ": " + line);
        if (i + 1 < lines.length) {
          // a line is broken only where the next word would not fit
          String next = lines[i + 1].trim().split(" ")[0];
          assertTrue(line.length() + 1 + next.length() > ModelText.WIDTH, line + " | " + next);
        }
      }
    }
    assertEquals("short", ModelText.wrapped("short"));
  }

  /**
   * The model text with its wrapped prose joined again ({@link ModelText#wrapped}: continuation
   * lines start with four spaces), so that a sentence can be matched wherever it was broken.
   */
  static String unwrapped(String text) {
    return text.replace("\n    ", " ");
  }
}
