package swatnn.weka;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.StringReader;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Random;
import java.util.function.ToDoubleFunction;
import org.junit.jupiter.api.Test;
import weka.attributeSelection.ASEvaluation;
import weka.attributeSelection.CorrelationAttributeEval;
import weka.core.Attribute;
import weka.core.DenseInstance;
import weka.core.Instance;
import weka.core.Instances;
import weka.core.WeightedInstancesHandler;
import weka.core.WekaException;
import weka.filters.Filter;
import weka.filters.unsupervised.attribute.ReplaceMissingValues;

/**
 * Weka instances to network inputs: missing values, nominal coding, input selection (with and
 * without instance weights) and the refusal of infinite values.
 */
class DataPreparationTest {
  private static final String OWNER = "SWATNNRegressor";

  private static Instances arff(String text) throws Exception {
    Instances d = new Instances(new StringReader(text));
    d.setClassIndex(d.numAttributes() - 1);
    return d;
  }

  private static DataPreparation.Fitted fit(Instances d) throws Exception {
    return DataPreparation.fit(d, Integer.MAX_VALUE, null, 1, OWNER);
  }

  private static DataPreparation.Fitted select(Instances d, int max) throws Exception {
    return DataPreparation.fit(d, max, SelectionOptions.defaultInputEvaluator(), 1, OWNER);
  }

  /** Uniform inputs x1 .. xp in [-1, 1] and y = f(x) plus a little noise. */
  static Instances numeric(int rows, int inputs, long seed, ToDoubleFunction<double[]> f) {
    return numeric(rows, inputs, seed, r -> 2 * r.nextDouble() - 1, f, 0.01);
  }

  /**
   * Inputs x1 .. xp drawn by {@code input}, y = f(x) plus Gaussian noise of SD {@code noise};
   * one generator draws a row's inputs in order, then its noise.
   */
  static Instances numeric(int rows, int inputs, long seed, ToDoubleFunction<Random> input,
      ToDoubleFunction<double[]> f, double noise) {
    ArrayList<Attribute> a = new ArrayList<>();
    for (int j = 0; j < inputs; j++) {
      a.add(new Attribute("x" + (j + 1)));
    }
    a.add(new Attribute("y"));
    Instances d = new Instances("numeric", a, rows);
    d.setClassIndex(inputs);
    Random r = new Random(seed);
    for (int i = 0; i < rows; i++) {
      double[] v = new double[inputs + 1];
      for (int j = 0; j < inputs; j++) {
        v[j] = input.applyAsDouble(r);
      }
      v[inputs] = f.applyAsDouble(v) + noise * r.nextGaussian();
      d.add(new DenseInstance(1, v));
    }
    return d;
  }

  private static String[] chosen(DataPreparation.Fitted f) {
    DataPreparation p = f.preparation();
    return Arrays.stream(p.networkColumns()).mapToObj(p::inputName).toArray(String[]::new);
  }

  @Test
  void missingValuesGetTheWeightedTrainingMeanAndMode() throws Exception {
    Instances d = arff("@relation m\n@attribute x numeric\n@attribute c {red,green,blue}\n"
        + "@attribute y numeric\n@data\n1,red,1\n3,green,2\n?,green,3\n5,?,4\n");
    d.instance(3).setWeight(3);
    DataPreparation.Fitted f = fit(d);
    assertEquals(3, f.preparation().inputCount()); // x, c=green, c=blue
    assertEquals((1 + 3 + 3 * 5) / 5.0, f.inputs()[2][0], 1e-12, "x: the weighted mean");
    assertArrayEquals(new double[] {5, 1, 0}, f.inputs()[3], 0, "c: the mode, green");
    double[] out = new double[3];
    Instance unseen = new DenseInstance(3); // every value missing
    unseen.setDataset(d);
    unseen.setValue(2, 0);
    f.preparation().inputsOf(unseen, out);
    assertArrayEquals(new double[] {3.8, 1, 0}, out, 1e-12, "a new row's missing values too");
  }

  @Test
  void nominalsBecomeIndicatorsWithTheFirstOfMoreThanTwoValuesDropped() throws Exception {
    Instances d = arff("@relation n\n@attribute yes {no,yes}\n@attribute c {red,green,blue}\n"
        + "@attribute x numeric\n@attribute y numeric\n@data\n"
        + "no,red,1,1\nyes,green,2,2\nno,blue,3,3\nyes,red,4,4\n");
    DataPreparation.Fitted f = fit(d);
    DataPreparation p = f.preparation();
    assertTrue(p.convertsNominal());
    assertEquals(3, p.originalInputCount());
    String[] names = new String[p.inputCount()];
    for (int j = 0; j < names.length; j++) {
      names[j] = p.inputName(j);
    }
    assertArrayEquals(new String[] {"yes=yes", "c=green", "c=blue", "x"}, names);
    assertArrayEquals(new double[] {0, 0, 1, 3}, f.inputs()[2], 0);
    assertArrayEquals(new double[] {1, 0, 0, 4}, f.inputs()[3], 0, "red: no indicator set");
    assertNull(p.selection());
    assertEquals("3 attributes besides the class -> 4 inputs (missing values replaced by "
        + "training means/modes, nominal attributes converted to binary indicators, the first "
        + "value's dropped where there are more than two)", p.describe());
  }

  @Test
  void theBestRankedInputsAreTheNetworksAndAConstantOneTakesNoPlace() throws Exception {
    Instances d = numeric(200, 6, 1, x -> Math.sin(3 * x[0]) + x[3] * x[3]);
    DataPreparation.Fitted f = select(d, 2);
    assertArrayEquals(new String[] {"x1", "x4"}, chosen(f));
    assertEquals(6, f.preparation().inputCount(), "the linear model keeps all");
    assertTrue(f.preparation().selection().startsWith("the 2 of 6 inputs ranked highest by "
        + "ReliefFAttributeEval"), f.preparation().selection());
    assertTrue(f.preparation().selection().contains("on the training rows"));
    for (Instance i : d) {
      i.setValue(1, 7);
    }
    assertFalse(Arrays.asList(chosen(select(d, 5))).contains("x2"));
  }

  @Test
  void rowsThatAllWeighNothingAreCountedInTheRefusal() throws Exception {
    Instances d = arff("@relation w\n@attribute x numeric\n@attribute y numeric\n@data\n"
        + "1,2,{0}\n3,4,{0}\n5,?,{2}\n");
    WekaException e = assertThrows(WekaException.class,
        () -> DataPreparation.trainingRows(d, true, OWNER));
    assertEquals("SWATNNRegressor: every training instance with a class value has weight 0 "
        + "(all 2 such rows; the other row has a missing class value), and a row "
        + "of weight 0 has no effect on the model. Give some of them a weight above 0.",
        e.getMessage());
    assertEquals(2, DataPreparation.trainingRows(d, false, OWNER).numInstances(),
        "without weights the rows count");
  }

  @Test
  void anInfiniteValueIsRefusedNamingTheAttributeAndTheRow() throws Exception {
    Instances d = arff("@relation f\n@attribute a numeric\n@attribute b numeric\n"
        + "@attribute y numeric\n@data\n1,2,3\n1,-Infinity,?\n1,2,3\n4,Infinity,5\n"
        + "7,Infinity,8\n");
    assertTrue(Double.isInfinite(d.instance(1).value(1)), "Weka reads the literal");
    WekaException e = assertThrows(WekaException.class,
        () -> DataPreparation.trainingRows(d, true, OWNER));
    assertEquals("SWATNNRegressor: attribute 'b' is Infinity in row 4 of the training data "
        + "(2 rows hold an infinite value). Only finite numbers can be learned from: replace "
        + "the value with a missing value '?' or remove the row (a missing input gets the "
        + "training mean).", e.getMessage(), "row 2 has no class and is not used");
    d.instance(3).setWeight(0);
    d.instance(4).setValue(1, 0);
    d.instance(4).setValue(2, Double.NEGATIVE_INFINITY);
    e = assertThrows(WekaException.class, () -> DataPreparation.trainingRows(d, true, OWNER));
    assertEquals("SWATNNRegressor: the class attribute 'y' is -Infinity in row 5 of the "
        + "training data. Only finite numbers can be learned from: replace the value with a "
        + "missing value '?' or remove the row (a row whose class is missing is left out of "
        + "training).", e.getMessage(), "row 4 has weight 0 and is not used");
    d.instance(4).setValue(2, 8);
    assertThrows(WekaException.class, () -> DataPreparation.trainingRows(d, false, OWNER),
        "without weights row 4 counts");
    Instances train = DataPreparation.trainingRows(d, true, OWNER);
    assertEquals(3, train.numInstances());

    DataPreparation.Fitted f = fit(train);
    Instance bad = (Instance) train.instance(0).copy();
    bad.setValue(0, Double.POSITIVE_INFINITY);
    e = assertThrows(WekaException.class,
        () -> f.preparation().inputsOf(bad, new double[2]));
    assertEquals("SWATNNRegressor: attribute 'a' is Infinity in the instance to predict. Only "
        + "finite numbers can be used: replace the value with a missing value '?' (which gets "
        + "the training mean).", e.getMessage());
  }

  /**
   * Weka's ReplaceMissingValues sums weight times value, which overflows for values near the
   * largest double (here their mean is about 0.91 * MAX_VALUE, and with weight 3 on one row,
   * Weka's mean is Infinity): the missing values get the finite weighted mean instead, in
   * training and in prediction (a row with a missing value, and one without any that never
   * had one in training).
   */
  @Test
  void aMeanBeyondTheLargestDoubleIsReplacedByTheFiniteMean() throws Exception {
    Instances d = numeric(20, 2, 3, x -> x[0]);
    java.math.BigDecimal sum = java.math.BigDecimal.ZERO;
    java.math.BigDecimal weights = java.math.BigDecimal.ZERO;
    for (int i = 0; i < d.numInstances(); i++) {
      double v = Double.MAX_VALUE * (0.9 + 0.001 * i);
      d.instance(i).setValue(1, i == 5 ? Double.NaN : v);
      d.instance(i).setWeight(i == 7 ? 3 : 1);
      if (i != 5) {
        sum = sum.add(new java.math.BigDecimal(v).multiply(java.math.BigDecimal.valueOf(
            d.instance(i).weight())));
        weights = weights.add(java.math.BigDecimal.valueOf(d.instance(i).weight()));
      }
    }
    double mean = sum.divide(weights, java.math.MathContext.DECIMAL64).doubleValue();
    ReplaceMissingValues wekas = new ReplaceMissingValues();
    wekas.setInputFormat(d);
    assertEquals(Double.POSITIVE_INFINITY, Filter.useFilter(d, wekas).instance(5)
        .value(1), "Weka's own mean overflows");
    DataPreparation.Fitted f = fit(d);
    assertEquals(mean, f.inputs()[5][1], 1e-12 * mean, "the weighted mean");
    Instance unseen = new DenseInstance(3);
    unseen.setDataset(d);
    double[] out = new double[2];
    f.preparation().inputsOf(unseen, out);
    assertEquals(f.inputs()[5][1], out[1], 0, "a new row's missing value too");

    d.instance(5).setValue(1, Double.MAX_VALUE);
    f = fit(d);
    f.preparation().inputsOf(unseen, out);
    assertTrue(Double.isFinite(out[1]) && out[1] > 0.9 * Double.MAX_VALUE,
        "with no missing value in training, a new row's one gets the finite mean: " + out[1]);
  }

  /** On ordinary data the inputs are exactly Weka's ReplaceMissingValues's output. */
  @Test
  void ordinaryDataGetsWekasOwnMeansToTheBit() throws Exception {
    Instances d = numeric(40, 3, 6, x -> x[0] - x[1]);
    Random r = new Random(7);
    for (Instance inst : d) {
      inst.setWeight(0.5 + r.nextDouble());
      for (int j = 0; j < 3; j++) {
        if (r.nextInt(5) == 0) {
          inst.setMissing(j);
        }
      }
    }
    ReplaceMissingValues wekas = new ReplaceMissingValues();
    DataPreparation.Fitted f = fit(d);
    // the preparation sees the weights relative to their mean, Weka here the weights as given
    Instances relative = new Instances(d);
    for (int i = 0; i < relative.numInstances(); i++) {
      relative.instance(i).setWeight(f.weights()[i]);
    }
    wekas.setInputFormat(relative);
    Instances replaced = Filter.useFilter(relative, wekas);
    for (int i = 0; i < d.numInstances(); i++) {
      for (int j = 0; j < 3; j++) {
        assertEquals(Double.doubleToLongBits(replaced.instance(i).value(j)),
            Double.doubleToLongBits(f.inputs()[i][j]), "row " + i + ", x" + (j + 1));
      }
    }
  }

  @Test
  void weightsAreRelativeWithMeanOneAndExtremeOnesStayFinite() throws Exception {
    Instances d = numeric(30, 2, 4, x -> x[0]);
    Random r = new Random(5);
    for (Instance i : d) {
      i.setWeight(Math.pow(10, -300 + 600 * r.nextDouble()));
    }
    d.instance(3).setWeight(Double.MAX_VALUE);
    double[] w = fit(d).weights();
    assertEquals(w.length, Arrays.stream(w).sum(), 1e-9);
    assertTrue(Arrays.stream(w).allMatch(v -> v >= 0 && Double.isFinite(v)));
    assertEquals(Arrays.stream(w).max().orElseThrow(), w[3]);
    for (Instance i : d) {
      i.setWeight(7);
    }
    assertTrue(Arrays.stream(fit(d).weights()).allMatch(v -> v == 1));
  }

  /**
   * Two regimes: in rows 0 .. n-1 the class is x1, in the others x2 (x3 .. x6 are noise).
   */
  static Instances regimes(int n, long seed) {
    Instances a = numeric(n, 6, seed, x -> x[0]);
    Instances b = numeric(n, 6, seed + 100, x -> x[1]);
    for (Instance i : b) {
      a.add(i);
    }
    return a;
  }

  @Test
  void aRowOfWeightTwoRanksAsTwoCopiesOfItDo() throws Exception {
    for (long seed = 1; seed <= 3; seed++) {
      for (boolean first : new boolean[] {true, false}) {
        Instances weighted = regimes(100, seed);
        Instances copied = new Instances(weighted);
        for (int i = 0; i < 100; i++) {
          int row = first ? i : 100 + i;
          weighted.instance(row).setWeight(2);
          copied.add((Instance) copied.instance(row).copy());
        }
        String[] byWeights = chosen(select(weighted, 1));
        String[] byCopies = chosen(select(copied, 1));
        assertArrayEquals(byCopies, byWeights, "seed " + seed);
        assertArrayEquals(new String[] {first ? "x1" : "x2"}, byWeights,
            "the doubled regime's input, seed " + seed);
      }
    }
  }

  @Test
  void heavyRowsChooseTheInputsThatMatterInThem() throws Exception {
    Instances d = regimes(100, 7);
    for (int i = 0; i < d.numInstances(); i++) {
      d.instance(i).setWeight(i < 100 ? 100 : 0.01);
    }
    DataPreparation.Fitted f = select(d, 1);
    assertArrayEquals(new String[] {"x1"}, chosen(f));
    assertTrue(f.preparation().selection().contains("on 200 training rows drawn by their "
        + "instance weights (seed 1)"), f.preparation().selection());
    for (int i = 0; i < d.numInstances(); i++) {
      d.instance(i).setWeight(i < 100 ? 0.01 : 100);
    }
    assertArrayEquals(new String[] {"x2"}, chosen(select(d, 1)));
  }

  @Test
  void theWeightedResampleIsSeededAndLeftOutWhenItIsNotNeeded() throws Exception {
    Instances d = regimes(60, 9);
    double[] relative = new double[d.numInstances()];
    Arrays.fill(relative, 1);
    ASEvaluation relief = SelectionOptions.defaultInputEvaluator();
    assertSame(d, DataPreparation.rankingRows(d, relative, relief, 3), "all weights 1");
    for (Instance i : d) {
      i.setWeight(4);
    }
    Instances ones = DataPreparation.rankingRows(d, relative, relief, 3);
    assertEquals(d.numInstances(), ones.numInstances());
    assertTrue(ones.stream().allMatch(i -> i.weight() == 1), "equal weights: the rows, weight 1");
    relative[0] = 2;
    Instances a = DataPreparation.rankingRows(d, relative, relief, 3);
    Instances b = DataPreparation.rankingRows(d, relative, relief, 3);
    Instances c = DataPreparation.rankingRows(d, relative, relief, 4);
    assertEquals(a.toString(), b.toString());
    assertFalse(a.toString().equals(c.toString()), "another seed, another resample");
    assertTrue(a.stream().allMatch(i -> i.weight() == 1));
    ASEvaluation handles = new WeightedCorrelation();
    assertSame(d, DataPreparation.rankingRows(d, relative, handles, 3),
        "an evaluator that handles weights gets them");
  }

  /** Weka's correlation ranking, declared to handle weights (for the test of the rows only). */
  private static final class WeightedCorrelation extends CorrelationAttributeEval
      implements WeightedInstancesHandler {
    private static final long serialVersionUID = 1L;
  }
}
