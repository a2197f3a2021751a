package swatnn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.DisabledOnOs;
import org.junit.jupiter.api.condition.OS;

/** A child that hangs fails the run with its output instead of hanging the build. */
@DisabledOnOs(OS.WINDOWS) // the children are POSIX shell commands
class ChildRunTest {

  @Test
  void aFinishedChildGivesItsExitCodeAndMergedOutput() throws Exception {
    ChildRun r = ChildRun.of(new ProcessBuilder("sh", "-c", "echo out; echo err >&2; exit 3"), 600);
    assertEquals(3, r.exitCode());
    assertTrue(r.output().contains("out\n") && r.output().contains("err\n"), r.output());
  }

  @Test
  void aHungChildIsKilledAndTheRunFailsWithItsOutputSoFar() throws Exception {
    // the child prints, then never ends and never closes its output
    ProcessBuilder pb = new ProcessBuilder("sh", "-c", "echo started; exec sleep 100000");
    IllegalStateException e = assertThrows(IllegalStateException.class,
        () -> ChildRun.of(pb, 10));
    assertTrue(e.getMessage().startsWith("timed out after 10 s, killed: sh -c"), e.getMessage());
    assertTrue(e.getMessage().contains("output so far:\nstarted"), e.getMessage());
    assertTrue(ProcessHandle.current().children().noneMatch(
        c -> c.info().commandLine().orElse("").contains("sleep 100000")), "the child is gone");
  }

  @Test
  void theChildReadsNoInput() throws Exception {
    ChildRun r = ChildRun.of(new ProcessBuilder("sh", "-c", "cat; echo eof"), 600);
    assertEquals(0, r.exitCode());
    assertEquals("eof\n", r.output());
  }
}
