package swatnn.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The planted benchmark's recovery rule, its row format and the MLP's parameter count. */
class RecoveryRuleTest {

  @Test
  void noiselessSetsNeedOnePercentOfTheTargetSd() {
    assertTrue(RecoveryRule.recovered(0.0099 * 4, 15, 4.0, 0, 10));
    assertFalse(RecoveryRule.recovered(0.0101 * 4, 15, 4.0, 0, 10));
    assertFalse(RecoveryRule.recovered(Double.NaN, 10, 4.0, 0, 10));
  }

  @Test
  void noisySetsNeedAThirdOfTheNoiseSdWhateverTheTargetSd() {
    assertTrue(RecoveryRule.recovered(0.29 * 0.5, 10, 4.0, 0.5, 10));
    assertFalse(RecoveryRule.recovered(0.31 * 0.5, 10, 4.0, 0.5, 10));
    assertEquals(0.15, RecoveryRule.rmseBound(4.0, 0.5), 1e-15);
    assertEquals(0.04, RecoveryRule.rmseBound(4.0, 0), 1e-15);
  }

  @Test
  void atMostOneAndAHalfTimesTheGeneratorsNonZeros() {
    assertTrue(RecoveryRule.recovered(0, 15, 1.0, 0, 10));
    assertFalse(RecoveryRule.recovered(0, 16, 1.0, 0, 10));
    assertTrue(RecoveryRule.recovered(0, 3, 1.0, 0, 10));
  }

  @Test
  void refusesMeaninglessScales() {
    assertThrows(IllegalArgumentException.class, () -> RecoveryRule.recovered(0, 1, 0, 0, 1));
    assertThrows(IllegalArgumentException.class, () -> RecoveryRule.recovered(0, 1, 1, -1, 1));
    assertThrows(IllegalArgumentException.class, () -> RecoveryRule.recovered(0, 1, 1, 0, 0));
  }

  @Test
  void rowsSurviveTheirCsvForm() {
    PlantedRow row = new PlantedRow("g1-03", "SWATNN", 2, 3, 4, 31, 40, 0.0123, 1.15, 0.117,
        false, 12.5);
    assertEquals(row, PlantedRow.parse(row.toCsv()));
    assertThrows(IllegalArgumentException.class, () -> PlantedRow.parse(
        row.toCsv().replace("false", "no")));
  }

  @Test
  void mlpParameterCountCountsEveryWeightAndBias() {
    // 2 inputs, 7, 7, 1: 2*7+7 + 7*7+7 + 7+1
    assertEquals(85, PlantedBenchmark.mlpParameterCount(2, new int[] {7, 7}));
  }
}
