package swatnn.selection;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.util.List;
import org.junit.jupiter.api.Test;
import swatnn.darts.DartsSettings;
import swatnn.mlp.Refinement;
import swatnn.search.SearchSettings;

/** The settings base both searches share: copies, checks and the serialized forms. */
class SelectionSettingsTest {

  private static Object read(InputStream in) throws Exception {
    try (ObjectInputStream o = new ObjectInputStream(in)) {
      return o.readObject();
    }
  }

  private static Object roundTrip(Object o) throws Exception {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
      out.writeObject(o);
    }
    return read(new ByteArrayInputStream(bytes.toByteArray()));
  }

  @Test
  void searchSettingsWrittenBeforeTheBaseKeepTheirValues() throws Exception {
    // written by swatnn 0.1.0 at 69f37ce, when SearchSettings held every field itself
    SearchSettings s = (SearchSettings) read(getClass().getResourceAsStream(
        "search-settings-0.1.0-before-base.ser"));
    assertEquals(321, s.steps());
    assertEquals(99, s.annealSteps());
    assertEquals(17, s.patience());
    assertEquals(6, s.restarts());
    assertArrayEquals(new int[] {1, 3}, s.layers());
    assertEquals(0.125, s.tolerance());
    assertEquals(0.3, s.validationFraction());
    assertEquals(42, s.seed());
    assertEquals(Refinement.ADAM, s.refinement());
    assertEquals(77, s.refineIterations());
    assertTrue(s.prune());
    assertEquals(1, s.slots());
    assertEquals(SelectionSettings.DEFAULT_FOLDS, s.folds(), "new fields: today's defaults");
    assertEquals(SelectionSettings.DEFAULT_MAX_CROSS_VALIDATION_ROWS,
        s.maxCrossValidationRows());
    assertEquals(0.1, s.zLearningRate(), "unchanged default kept");
  }

  @Test
  void dartsSettingsWrittenBeforeTheBaseKeepTheirValues() throws Exception {
    DartsSettings d = (DartsSettings) read(getClass().getResourceAsStream(
        "darts-settings-0.1.0-before-base.ser"));
    assertArrayEquals(new int[] {2, 4}, d.layers());
    assertEquals(7, d.epochs());
    assertEquals(0.25, d.tolerance());
    assertEquals(0.35, d.validationFraction());
    assertEquals(9, d.seed());
    assertEquals(Refinement.NONE, d.refinement());
    assertEquals(55, d.refineIterations());
    assertEquals(SelectionSettings.DEFAULT_FOLDS, d.folds());
  }

  @Test
  void todaysFormRoundTripsAndCopiesAreIndependent() throws Exception {
    SearchSettings s = new SearchSettings().folds(0).maxCrossValidationRows(77).layers(2)
        .tolerance(0.2).seed(5).steps(50);
    SearchSettings read = (SearchSettings) roundTrip(s);
    assertEquals(0, read.folds());
    assertEquals(77, read.maxCrossValidationRows());
    assertArrayEquals(new int[] {2}, read.layers());
    assertEquals(50, read.steps());
    SearchSettings copy = s.copy().folds(3).layers(1, 4);
    assertEquals(0, s.folds());
    assertArrayEquals(new int[] {2}, s.layers());
    assertEquals(3, copy.folds());
    DartsSettings d = (DartsSettings) roundTrip(new DartsSettings().folds(4).epochs(3));
    assertEquals(4, d.folds());
    assertEquals(3, d.epochs());
  }

  @Test
  void badValuesAreRefusedWithTheirName() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> new SearchSettings().folds(1));
    assertTrue(e.getMessage().contains("folds"), e.getMessage());
    assertThrows(IllegalArgumentException.class, () -> new DartsSettings().layers(5));
    assertThrows(IllegalArgumentException.class, () -> new SearchSettings().tolerance(-1));
    e = assertThrows(IllegalArgumentException.class,
        () -> new SearchSettings().tolerance(Double.POSITIVE_INFINITY));
    assertEquals("tolerance must be a finite number >= 0, got Infinity", e.getMessage(),
        "infinity passes >= 0 and would make every candidate tie");
    for (java.util.function.DoubleConsumer set : List.<java.util.function.DoubleConsumer>of(
        new SearchSettings()::lambdaS, new SearchSettings()::beta, new SearchSettings()::alpha,
        new SearchSettings()::mu1, new SearchSettings()::muC,
        new SearchSettings()::zLearningRate, new SearchSettings()::thresholdLearningRate,
        new DartsSettings()::gatePenalty, new DartsSettings()::rho)) {
      for (double bad : new double[] {Double.POSITIVE_INFINITY, Double.NaN, -1}) {
        e = assertThrows(IllegalArgumentException.class, () -> set.accept(bad));
        assertTrue(e.getMessage().endsWith("got " + bad), e.getMessage());
      }
    }
    assertTrue(new SearchSettings().crossValidates(1000));
    assertTrue(!new SearchSettings().crossValidates(1001));
    assertTrue(!new SearchSettings().refinement(Refinement.NONE).crossValidates(10),
        "without refinement nothing can be refitted: a hold-out");
  }
}
