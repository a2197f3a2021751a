package swatnn.robustness;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.EnumSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;
import swatnn.robustness.Outcome.Kind;
import weka.core.Instances;

/** The generator writes what each mutation promises, and the judge sorts messages as meant. */
class MessyDataTest {

  private static MessyData.Generated make(int rows, Mutation... m) {
    Set<Mutation> set = m.length == 0 ? Set.of() : EnumSet.of(m[0], m);
    return MessyData.generate(new MessySpec(5, 0, 3, rows,
        set.contains(Mutation.NOISE_INPUTS) ? 60 : 0, set.contains(Mutation.ID_NOMINAL) ? 150 : 0,
        set));
  }

  @Test
  void literalsReachWekaAsInfinityAndMissing() {
    MessyData.Generated g = make(60, Mutation.INFINITY_IN_INPUT, Mutation.INFINITY_IN_CLASS,
        Mutation.NAN_LITERALS);
    Instances d = g.train();
    assertTrue(g.arff().contains("Infinity") && g.arff().contains("NaN"));
    assertEquals(2, g.nonFinite().size(), g.nonFinite().toString());
    boolean infiniteInput = false;
    boolean infiniteClass = false;
    int missing = 0;
    for (int i = 0; i < d.numInstances(); i++) {
      for (int j = 0; j < d.numAttributes(); j++) {
        double v = d.instance(i).value(j);
        infiniteInput |= j != d.classIndex() && Double.isInfinite(v);
        infiniteClass |= j == d.classIndex() && v == Double.POSITIVE_INFINITY;
        missing += d.instance(i).isMissing(j) ? 1 : 0;
      }
    }
    assertTrue(infiniteInput && infiniteClass);
    assertTrue(missing > 0, "NaN is read as missing");
  }

  @Test
  void extremeMagnitudesAreFiniteAndNamed() {
    MessyData.Generated g = make(80, Mutation.HUGE_VALUES, Mutation.OUTLIERS);
    Instances d = g.train();
    int j = d.attribute(g.extreme().iterator().next()).index();
    double max = 0;
    for (int i = 0; i < d.numInstances(); i++) {
      double v = d.instance(i).value(j);
      assertTrue(Double.isFinite(v), "row " + i + ": " + v);
      max = Math.max(max, Math.abs(v));
    }
    assertTrue(max > 1e307, "max " + max);
    MessyData.Generated tiny = make(40, Mutation.TINY_VALUES);
    Instances t = tiny.train();
    int k = t.attribute(tiny.extreme().iterator().next()).index();
    for (int i = 0; i < t.numInstances(); i++) {
      assertTrue(Math.abs(t.instance(i).value(k)) <= 20 * Double.MIN_VALUE);
    }
  }

  @Test
  void weightsZeroHugeAndSpanningAreRead() {
    Instances d = make(200, Mutation.SPANNING_WEIGHTS, Mutation.ZERO_WEIGHTS).train();
    double lo = Double.MAX_VALUE;
    double hi = 0;
    int zero = 0;
    for (int i = 0; i < d.numInstances(); i++) {
      double w = d.instance(i).weight();
      zero += w == 0 ? 1 : 0;
      if (w > 0) {
        lo = Math.min(lo, w);
        hi = Math.max(hi, w);
      }
    }
    assertTrue(zero > 0 && lo < 1e-250 && hi > 1e250, zero + " " + lo + " " + hi);
  }

  @Test
  void predictionRowsCarryUnseenLevelsAndAllMissing() {
    MessyData.Generated g = make(30, Mutation.UNSEEN_NOMINAL, Mutation.ID_NOMINAL,
        Mutation.CLASS_FIRST, Mutation.SPARSE_FORMAT, Mutation.ODD_NAMES);
    Instances train = g.train();
    Instances p = g.predict();
    assertEquals(0, train.classIndex());
    int colour = train.attribute("colour").index();
    for (int i = 0; i < train.numInstances(); i++) {
      assertTrue(train.instance(i).value(colour) < 3, "training uses red, green, blue");
    }
    assertEquals(train.numInstances() + 1 + 2 + 1, p.numInstances(),
        "training rows, one all missing, violet and amber, an unused id");
    Set<String> last = Set.of(p.instance(p.numInstances() - 2).stringValue(colour),
        p.instance(p.numInstances() - 1).stringValue(colour));
    assertEquals(Set.of("violet", "amber"), last);
    assertTrue(p.instance(train.numInstances()).hasMissingValue());
    assertTrue(train.attribute(1).name().contains("'größe'"));
  }

  @Test
  void fewRowsStringAndDateColumns() {
    assertEquals(0, make(0, Mutation.FEW_ROWS).train().numInstances());
    Instances d = make(12, Mutation.STRING_COLUMN, Mutation.DATE_COLUMN,
        Mutation.DUPLICATED_ROWS).train();
    assertTrue(d.checkForStringAttributes());
    assertTrue(d.attribute("recorded on").isDate());
    assertTrue(d.numInstances() >= 24 && d.numInstances() <= 48, "" + d.numInstances());
  }

  @Test
  void drawnSpecsRegenerateTheSameData() {
    for (int i = 0; i < 30; i++) {
      MessySpec s = MessySpec.draw(new Random(i), MessySpec.Limits.CI);
      assertFalse(s.mutations().isEmpty());
      assertTrue(s.mutations().size() <= MessySpec.Limits.CI.maxMutations());
      assertEquals(MessyData.generate(s).arff(), MessyData.generate(s).arff(), s.toString());
    }
  }

  /** The judge finds the rows whose prediction may be refused: an infinite input value. */
  @Test
  void rowsWithAnInfiniteInputAreFound() {
    MessyData.Generated g = make(40, Mutation.INFINITY_IN_INPUT);
    String culprit = g.nonFinite().iterator().next();
    Instances p = g.predict();
    long infinite = p.stream().filter(r -> culprit.equals(CaseCheck.infiniteInput(r))).count();
    assertTrue(infinite >= 1 && infinite <= 3, "rows with Infinity in " + culprit + ": "
        + infinite);
    assertEquals(null, CaseCheck.infiniteInput(make(40, Mutation.OUTLIERS).predict()
        .instance(0)), "a finite row");
  }

  @Test
  void theJudgeSortsTheKnownMessages() {
    MessyData.Generated g = make(40, Mutation.INFINITY_IN_INPUT, Mutation.HUGE_VALUES);
    String name = "SWATNNRegressor";
    String cls = "weka.classifiers.functions.SWATNNRegressor";
    Exception plain = new Exception("x");
    assertEquals(Kind.WEIGHTS_NOT_HANDLED, CaseCheck.kindOf(name, cls,
        "weka.attributeSelection.ReliefFAttributeEval: Some instance weights are not equal to 1 "
        + "and scheme does not implement the WeightedInstancesHandler interface!", plain, g));
    assertEquals(Kind.NONE, CaseCheck.kindOf(name, cls, cls + ": Some instance weights are not "
        + "equal to 1 and scheme does not implement the WeightedInstancesHandler interface!",
        plain, g), "Weka's capabilities message is clear");
    assertEquals(Kind.CONVERGENCE_FAILED, CaseCheck.kindOf(name, cls,
        name + ": illegal state: convergence failed", plain, g));
    assertEquals(Kind.MODEL_FILE_BLAMED, CaseCheck.kindOf(name, cls, name + ": every decoded "
        + "network was non-finite; the model file may be unusable", plain, g));
    assertEquals(Kind.NON_FINITE_UNNAMED, CaseCheck.kindOf(name, cls,
        "infinite value in the column: Infinity", plain, g));
    String culprit = g.nonFinite().iterator().next();
    assertEquals(Kind.NONE, CaseCheck.kindOf(name, cls, name + ": attribute " + culprit
        + " is Infinity on row 3; replace it", plain, g));
    assertEquals(Kind.WRONG_CAUSE, CaseCheck.kindOf(name, cls, name + ": training diverged; try "
        + "smaller learning rates", plain, g));
    assertEquals(Kind.NOT_PREFIXED, CaseCheck.kindOf(name, cls, "no rows", plain, g));
    assertEquals(Kind.NO_MESSAGE, CaseCheck.kindOf(name, cls, "", plain, g));
    Exception library = org.junit.jupiter.api.Assertions.assertThrows(RuntimeException.class,
        () -> new org.apache.commons.math3.linear.Array2DRowRealMatrix(2, 2).getEntry(3, 0));
    Exception wrapped = new Exception(name + ": " + library.getMessage(), library);
    assertEquals(Kind.LIBRARY_MESSAGE, CaseCheck.kindOf(name, cls, wrapped.getMessage(),
        wrapped, g));
    Exception own = new Exception(name + ": the class has no value on any row", library);
    assertEquals(Kind.NONE, CaseCheck.kindOf(name, cls, own.getMessage(), own, g));
    assertTrue(CaseCheck.names("attribute 'x 1' is bad", "x 1"));
    assertFalse(CaseCheck.names("value in the column: Infinity", "y"));
    assertEquals(List.of("a", "b,\"c\"", ""), MessyDataBenchmark.splitCsv(
        "a," + MessyDataBenchmark.quote("b,\"c\"") + ","));
  }
}
