package swatnn.cornn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import swatnn.CliRun;

/** Exit codes and messages of the {@code cornn} commands. */
class CornnCliTest {

  @TempDir
  Path dir;

  private String stdout;
  private String stderr;

  private int run(String... args) {
    CliRun r = CliRun.of(args);
    stdout = r.stdout();
    stderr = r.stderr();
    return r.code();
  }

  private void assertUsageError(String expectedText, String... args) {
    assertEquals(2, run(args), String.join(" ", args) + ": " + stderr);
    assertEquals(1, stderr.lines().count(), stderr);
    assertTrue(stderr.contains(expectedText), stderr);
  }

  @Test
  void badArgumentsGiveExitCodeTwo() throws Exception {
    String out = dir.resolve("out").toString();
    assertUsageError("argument", "cornn", "import");
    assertUsageError("argument", "cornn", "import", dir.toString());
    assertUsageError("not found", "cornn", "import", dir.resolve("nope").toString(), out);
    assertUsageError("'Nope'", "cornn", "import", dir.toString(), out, "--functions", "Nope");
    assertUsageError("argument", "cornn", "generate");
    assertUsageError("'Nope'", "cornn", "generate", out, "--functions", "F1,Nope");
    assertUsageError("'F55'", "cornn", "generate", out, "--functions", "F55");
    assertUsageError("--train", "cornn", "generate", out, "--train", "0");
    assertUsageError("--train", "cornn", "generate", out, "--train", "1");
    assertUsageError("--test", "cornn", "generate", out, "--test", "-5");
    assertUsageError("--seed", "cornn", "generate", out, "--seed", "abc");
    assertUsageError("--bogus", "cornn", "generate", out, "--bogus", "1");
    Path file = Files.writeString(dir.resolve("file"), "x");
    assertUsageError("not a directory", "cornn", "generate", file.toString());
    assertEquals(false, Files.exists(dir.resolve("out")));
  }

  @Test
  void missingCsvFilesFailWithOneLine() throws Exception {
    Files.writeString(dir.resolve("Booth_train_set.csv"), "x,y,\"f(x,y)\"\n1,2,3\n");
    assertEquals(1, run("cornn", "import", dir.toString(), dir.resolve("out").toString(),
        "--functions", "Booth"));
    assertEquals(1, stderr.lines().count(), stderr);
    assertTrue(stderr.contains("Booth_test_set.csv"), stderr);
    assertEquals(false, Files.exists(dir.resolve("out").resolve("Booth_train.arff")));
  }

  @Test
  void helpPrintsTheUsage() {
    assertEquals(0, run("cornn", "generate", "--help"));
    assertTrue(stdout.contains("--seed") && stdout.contains("--functions"), stdout);
    assertEquals(0, run("cornn", "import", "--help"));
    assertTrue(stdout.contains("<csv-dir> <out-dir>"), stdout);
  }
}
