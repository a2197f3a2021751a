package swatnn.search;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The race's policy: its rungs and who survives a rung. */
class RestartRacingTest {

  @Test
  void halvesTheStartsOverTheAnnealingDownToTheRestartsKept() {
    assertEquals(List.of(new RestartRacing.Rung(188, 16), new RestartRacing.Rung(375, 8)),
        RestartRacing.schedule(16, 4, 375, 1000));
    assertEquals(List.of(new RestartRacing.Rung(125, 16), new RestartRacing.Rung(250, 8),
        new RestartRacing.Rung(375, 4)), RestartRacing.schedule(16, 2, 375, 1000));
    // odd counts round up and never go below the restarts kept
    assertEquals(List.of(new RestartRacing.Rung(125, 9), new RestartRacing.Rung(250, 5),
        new RestartRacing.Rung(375, 3)), RestartRacing.schedule(9, 2, 375, 1000));
    assertEquals(List.of(new RestartRacing.Rung(375, 5)), RestartRacing.schedule(5, 4, 375, 1000));
    // no annealing: the rungs cover 3/8 of the steps
    assertEquals(List.of(new RestartRacing.Rung(375, 8)), RestartRacing.schedule(8, 4, 0, 1000));
  }

  @Test
  void noRaceWhenTheStartsAreNotMoreThanTheRestarts() {
    assertEquals(List.of(), RestartRacing.schedule(4, 4, 375, 1000));
    assertEquals(List.of(), RestartRacing.schedule(1, 4, 375, 1000));
  }

  @Test
  void rungEndsIncreaseStrictlyAndStayInsideTheStepsEvenWhenShort() {
    List<RestartRacing.Rung> rungs = RestartRacing.schedule(256, 1, 3, 5);
    assertTrue(!rungs.isEmpty());
    int last = 0;
    for (RestartRacing.Rung rung : rungs) {
      assertTrue(rung.endStep() > last && rung.endStep() <= 4, rungs.toString());
      last = rung.endStep();
    }
    assertEquals(256, rungs.get(0).alive(), "every start runs the first rung");
    assertThrows(IllegalArgumentException.class, () -> RestartRacing.schedule(0, 1, 10, 20));
    assertThrows(IllegalArgumentException.class, () -> RestartRacing.schedule(4, 1, 10, 1));
  }

  @Test
  void keepsTheLowestScoresInRestartOrderAndNonFiniteScoresLast() {
    double[] scores = {0.5, Double.NaN, 0.1, 0.3, Double.POSITIVE_INFINITY, 0.2, 0.9, 0.05};
    int[] all = {0, 1, 2, 3, 4, 5, 6, 7};
    assertArrayEquals(new int[] {2, 3, 5, 7}, RestartRacing.keepBest(all, scores, 4));
    assertArrayEquals(new int[] {7}, RestartRacing.keepBest(all, scores, 1));
    // only the alive restarts compete, whatever the others' scores
    assertArrayEquals(new int[] {0, 6}, RestartRacing.keepBest(new int[] {6, 0, 1}, scores, 2));
    // non-finite last, ties to the lower restart
    assertArrayEquals(new int[] {1, 4}, RestartRacing.keepBest(new int[] {1, 4, 6},
        new double[] {0, Double.NaN, 0, 0, 0.7, 0, Double.NaN}, 2));
    assertArrayEquals(new int[] {2, 3}, RestartRacing.keepBest(new int[] {3, 2, 5},
        new double[] {0, 0, 1, 1, 0, 1}, 2));
    assertThrows(IllegalArgumentException.class,
        () -> RestartRacing.keepBest(new int[] {0}, scores, 2));
  }
}
