package swatnn.weka;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import swatnn.TinyAutoencoder;
import weka.classifiers.functions.DartsAdmmRegressor;
import weka.classifiers.functions.SWATNNRegressor;
import weka.core.Attribute;
import weka.core.Instance;
import weka.core.Instances;
import weka.core.WeightedInstancesHandler;
import weka.core.WekaException;

/**
 * Both regressors on data that stopped them with a message from inside a library or blaming
 * the wrong thing: weighted data with more inputs than the network takes, more inputs than
 * rows with an ID-like nominal and weights from 1e-300 to 1e300, values near the largest and
 * smallest doubles, and infinite values.
 */
class MessyDataTest {
  @TempDir static Path dir;
  static String tinyModel;

  @BeforeAll
  static void tinyModel() throws Exception {
    tinyModel = TinyAutoencoder.train(dir.resolve("tiny.zip"), 3).toString();
  }

  static Stream<SparseNetworkRegressor> regressors() throws Exception {
    SWATNNRegressor swat = new SWATNNRegressor();
    swat.setOptions(new String[] {"-steps", "30", "-anneal", "10", "-restarts", "1", "-layers",
        "1", "-model", tinyModel}); // takes 1-2 inputs
    DartsAdmmRegressor darts = new DartsAdmmRegressor();
    darts.setOptions(new String[] {"-epochs", "2", "-mini-batch", "64", "-train-steps", "50",
        "-admm-rounds", "1", "-admm-steps", "20", "-retrain-steps", "20", "-layers", "1"});
    return Stream.of(swat, darts); // takes up to 7
  }

  /** Gaussian inputs x1 .. xp, y = sin(x1) + x2 / 2 plus noise. */
  static Instances numeric(int rows, int inputs, long seed) {
    return DataPreparationTest.numeric(rows, inputs, seed, Random::nextGaussian,
        v -> Math.sin(v[0]) + v[1] / 2, 0.05);
  }

  private static void buildsAndPredictsFinitely(SparseNetworkRegressor c, Instances d)
      throws Exception {
    c.buildClassifier(d);
    for (Instance i : d) {
      double p = c.classifyInstance(i);
      assertTrue(Double.isFinite(p), c.getClass().getSimpleName() + ": " + p + " for " + i);
    }
    String text = c.toString();
    assertFalse(text.contains("Infinity") || text.contains("NaN"), text);
  }

  @ParameterizedTest
  @MethodSource("regressors")
  void weightedDataWithMoreInputsThanTheNetworkTakesBuilds(SparseNetworkRegressor c)
      throws Exception {
    Instances d = numeric(120, 9, 1);
    for (int i = 0; i < d.numInstances(); i++) {
      d.instance(i).setWeight(1 + i % 3);
    }
    if (!(c instanceof WeightedInstancesHandler)) {
      refusesWeights(c, d);
      return;
    }
    buildsAndPredictsFinitely(c, d);
    String selection = c.fittedNetwork().preparation().selection();
    assertTrue(selection != null && selection.contains("on 120 training rows drawn by their "
        + "instance weights"), selection);
  }

  /** A classifier that does not use weights refuses them in Weka's words (its capabilities). */
  private static void refusesWeights(SparseNetworkRegressor c, Instances d) {
    WekaException e = assertThrows(WekaException.class, () -> c.buildClassifier(d));
    String weka = c.getClass().getName() + ": Some instance weights are not equal to 1 and "
        + "scheme does not implement the WeightedInstancesHandler interface! ";
    long other = d.stream().filter(i -> i.weight() != 1).count();
    assertTrue(e.getMessage().startsWith(weka + other + " of " + d.numInstances() + " rows have "
        + "a weight other than 1: "), e.getMessage());
    int first = 0;
    while (d.instance(first).weight() == 1) {
      first++;
    }
    assertTrue(e.getMessage().contains("rows " + (first + 1) + " (weight "
        + d.instance(first).weight() + ")"), e.getMessage());
  }

  @ParameterizedTest
  @MethodSource("regressors")
  void moreInputsThanRowsAnIdLikeNominalAndExtremeWeightsBuild(SparseNetworkRegressor c)
      throws Exception {
    Instances numeric = numeric(47, 55, 2);
    ArrayList<String> ids = new ArrayList<>();
    for (int k = 0; k < 300; k++) {
      ids.add("id" + k);
    }
    numeric.insertAttributeAt(new Attribute("id", ids), 0);
    Random r = new Random(3);
    for (Instance i : numeric) {
      i.setValue(0, r.nextInt(300));
      i.setWeight(Math.pow(10, -300 + 600 * r.nextDouble()));
    }
    if (c instanceof WeightedInstancesHandler) {
      buildsAndPredictsFinitely(c, numeric);
    } else {
      refusesWeights(c, numeric);
    }
    for (Instance i : numeric) {
      i.setWeight(1);
    }
    buildsAndPredictsFinitely(c, numeric);
  }

  @ParameterizedTest
  @MethodSource("regressors")
  void valuesNearTheLargestAndSmallestDoublesBuild(SparseNetworkRegressor c) throws Exception {
    Instances d = numeric(60, 3, 4);
    Random r = new Random(5);
    for (int i = 0; i < d.numInstances(); i++) {
      Instance row = d.instance(i);
      row.setValue(1, (i % 2 == 0 ? 1 : -1) * Double.MAX_VALUE * r.nextDouble());
      row.setValue(2, Double.MIN_VALUE * (i % 5));
      row.setValue(3, row.classValue() * 1e307); // the class spans more than the doubles do
    }
    d.instance(0).setValue(3, Double.MAX_VALUE);
    d.instance(1).setValue(3, -Double.MAX_VALUE);
    buildsAndPredictsFinitely(c, d);
  }

  @ParameterizedTest
  @MethodSource("regressors")
  void infiniteValuesAreRefusedNamingTheAttributeAndTheRow(SparseNetworkRegressor c)
      throws Exception {
    String name = c.getClass().getSimpleName();
    Instances d = numeric(40, 2, 6);
    d.instance(5).setValue(2, Double.POSITIVE_INFINITY);
    WekaException e = assertThrows(WekaException.class, () -> c.buildClassifier(d));
    assertTrue(e.getMessage().startsWith(name + ": the class attribute 'y' is Infinity in row 6 "
        + "of the training data. Only finite numbers can be learned from: replace the value "
        + "with a missing value '?' or remove the row"), e.getMessage());
    d.instance(5).setValue(2, 0);
    d.instance(9).setValue(1, Double.NEGATIVE_INFINITY);
    e = assertThrows(WekaException.class, () -> c.buildClassifier(d));
    assertTrue(e.getMessage().startsWith(name + ": attribute 'x2' is -Infinity in row 10 "),
        e.getMessage());
    d.instance(9).setValue(1, 0);
    c.buildClassifier(d);
    Instance bad = (Instance) d.instance(0).copy();
    bad.setValue(0, Double.POSITIVE_INFINITY);
    e = assertThrows(WekaException.class, () -> c.classifyInstance(bad));
    assertEquals(name + ": attribute 'x1' is Infinity in the instance to predict. Only finite "
        + "numbers can be used: replace the value with a missing value '?' (which gets the "
        + "training mean).", e.getMessage());
  }
}
