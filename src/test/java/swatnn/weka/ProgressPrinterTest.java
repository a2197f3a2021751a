package swatnn.weka;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What a build's progress lines say, with an interval long enough to hold back all but some. */
class ProgressPrinterTest {
  @Test
  void printsEarlyStopsTheLastStepAndTheFirstAndLastRefinementWithItsOwnTime() {
    List<String> lines = new ArrayList<>();
    ProgressPrinter p = new ProgressPrinter(lines::add, "SWATNNRegressor", 3600, false);
    for (int step = 1; step <= 6; step++) {
      p.progress(step, 10, 0.5);
    }
    p.stoppedEarly(6, 10);
    p.progress(10, 10, 0.5);
    p.refined(0, 4);
    p.refined(1, 4);
    p.refined(2, 4);
    p.refined(3, 4);
    p.refined(4, 4);
    assertEquals(4, lines.size(), lines.toString());
    assertEquals("SWATNNRegressor  a group of restarts stopped at step 6 of 10: its error had "
        + "stopped falling (-patience); its other steps count as done", lines.get(0));
    assertTrue(lines.get(1).startsWith("SWATNNRegressor  step 10/10  loss 0.50000  done in "),
        lines.get(1));
    assertEquals("SWATNNRegressor  refined 0/4 networks", lines.get(2));
    assertTrue(lines.get(3).matches("SWATNNRegressor  refined 4/4 networks  refinement done in "
        + "\\d+s \\(\\d+s since the search began\\)"), lines.get(3));
  }

  @Test
  void aStageRunASecondTimeStartsItsClockAgainAndSaysSo() {
    List<String> lines = new ArrayList<>();
    ProgressPrinter p = new ProgressPrinter(lines::add, "SWATNNRegressor", 3600, false);
    for (int done = 1; done <= 3; done++) {
      p.crossValidated(done, 3);
    }
    p.crossValidated(1, 2);
    p.crossValidated(2, 2);
    assertEquals(List.of("SWATNNRegressor  cross-validated 1/3 refits",
        "SWATNNRegressor  cross-validated 3/3 refits",
        "SWATNNRegressor  cross-validated 1/2 refits",
        "SWATNNRegressor  cross-validated 2/2 refits"),
        lines.stream().map(l -> l.replaceAll("  cross-validation done in .*", "")).toList());
    assertTrue(lines.get(3).matches(".*cross-validation done in \\d+s \\(\\d+s since the "
        + "search began\\)"), lines.get(3));
  }
}
