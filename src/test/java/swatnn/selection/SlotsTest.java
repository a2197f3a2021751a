package swatnn.selection;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The slots' two-stage run: results in the given order, follow-ups while others still run. */
class SlotsTest {

  /** First-stage task i gives follow-ups with costs {@code costs[i]}, each returning i*100+j. */
  private static List<Callable<List<Slots.Job<Integer>>>> tasks(List<String> ran, int[][] costs) {
    List<Callable<List<Slots.Job<Integer>>>> first = new ArrayList<>();
    for (int i = 0; i < costs.length; i++) {
      int task = i;
      first.add(() -> {
        ran.add("search " + task);
        List<Slots.Job<Integer>> jobs = new ArrayList<>();
        for (int j = 0; j < costs[task].length; j++) {
          int job = j;
          jobs.add(new Slots.Job<>(costs[task][j], () -> {
            ran.add("refine " + task + "." + job);
            return task * 100 + job;
          }));
        }
        return jobs;
      });
    }
    return first;
  }

  @Test
  void resultsComeInTheGivenOrderForAnySlots() {
    int[][] costs = {{1, 5, 3}, {}, {2, 2, 9, 1}};
    List<List<Integer>> expected = List.of(List.of(0, 1, 2), List.of(), List.of(200, 201, 202, 203));
    for (int slots : new int[] {1, 2, 4}) {
      List<String> ran = Collections.synchronizedList(new ArrayList<>());
      assertEquals(expected, Slots.runThen(slots, tasks(ran, costs)), slots + " slots");
      assertEquals(10, ran.size());
    }
  }

  @Test
  void oneSlotRunsEveryFirstStageTaskThenTheCostliestFollowUpFirst() {
    List<String> ran = new ArrayList<>();
    Slots.runThen(1, tasks(ran, new int[][] {{1, 5}, {5, 9}}));
    assertEquals(List.of("search 0", "search 1", "refine 1.1", "refine 0.1", "refine 1.0",
        "refine 0.0"), ran, "cost 9, then the two of cost 5 in the order given, then 1");
  }

  @Test
  void aSlotFreedEarlyRunsFollowUpsWhileAnotherTaskStillRuns() {
    // task 1 can end only after task 0's follow-up has run: with two slots that follow-up must
    // start while task 1 is still running
    CountDownLatch followUpRan = new CountDownLatch(1);
    List<Callable<List<Slots.Job<String>>>> first = List.of(
        () -> List.of(new Slots.Job<>(1, () -> {
          followUpRan.countDown();
          return "follow-up";
        })),
        () -> {
          if (!followUpRan.await(20, TimeUnit.SECONDS)) {
            throw new IllegalStateException("the follow-up waited for this task");
          }
          return List.of();
        });
    List<List<String>> out = assertTimeoutPreemptively(Duration.ofSeconds(30),
        () -> Slots.runThen(2, first));
    assertEquals(List.of(List.of("follow-up"), List.of()), out);
  }

  @Test
  void aFollowUpsExceptionIsRethrownAsItIs() {
    IllegalArgumentException boom = new IllegalArgumentException("boom");
    for (int slots : new int[] {1, 2}) {
      List<Callable<List<Slots.Job<Integer>>>> first = List.of(
          () -> List.of(new Slots.Job<>(1, () -> {
            throw boom;
          })),
          () -> List.of());
      assertSame(boom, assertThrows(IllegalArgumentException.class,
          () -> Slots.runThen(slots, first)));
    }
  }
}
