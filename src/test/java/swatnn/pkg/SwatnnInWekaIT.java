package swatnn.pkg;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import swatnn.cli.Main;

/**
 * SWATNNRegressor (and the DartsAdmmRegressor baseline) through Weka's own entry points, with the built package installed into an
 * empty WEKA_HOME and only Weka on the class path: the command line (weka.Run), a headless
 * Experimenter run, and the GenericObjectEditor's class list. Searches are kept very short.
 */
class SwatnnInWekaIT {
  static final String SHORT = "-steps 20 -anneal 8 -restarts 1 -layers 1,2 -points 64";

  @TempDir static Path wekaHome;
  @TempDir static Path data;
  static WekaProcess weka;

  @BeforeAll
  static void installAndMakeData() throws Exception {
    weka = new WekaProcess(wekaHome);
    WekaProcess.Result install = weka.run(null, 300, "weka.core.WekaPackageManager", "-offline",
        "-install-package", WekaProcess.packageZip().toString());
    assertEquals(0, install.exitCode(), install.output());
    ByteArrayOutputStream sink = new ByteArrayOutputStream();
    int rc = new Main(Main.standardCommands()).run(List.of("cornn", "generate", data.toString(),
        "--functions", "Booth,Sphere", "--train", "300", "--test", "100"),
        new PrintStream(sink), new PrintStream(sink));
    assertEquals(0, rc, sink.toString());
  }

  @Test
  void runsFromWekaCommandLine() throws Exception {
    assertRunsFromWekaCommandLine("SWATNNRegressor " + SHORT);
  }

  @Test
  void dartsBaselineRunsFromWekaCommandLine() throws Exception {
    assertRunsFromWekaCommandLine("DartsAdmmRegressor -epochs 2 -layers 1,2");
  }

  private static void assertRunsFromWekaCommandLine(String classifierAndOptions) throws Exception {
    String[] cmd = ("weka.Run weka.classifiers.functions." + classifierAndOptions + " -t "
        + data.resolve("Booth_train.arff") + " -T " + data.resolve("Booth_test.arff")).split(" ");
    WekaProcess.Result r = weka.run(null, 600, cmd);
    assertEquals(0, r.exitCode(), r.output());
    assertTrue(r.output().contains("Non-zero count: "), r.output());
    assertTrue(r.output().contains("=== Error on test data ==="), r.output());
    assertTrue(r.output().contains("Root mean squared error"), r.output());
    assertTrue(!r.output().contains("Added differentiated op"), "SameDiff's debug output must not leak");
  }

  @Test
  void runsInAHeadlessExperiment() throws Exception {
    Path results = data.resolve("results.csv");
    String probe = Paths.get("target", "test-classes").toAbsolutePath().toString();
    WekaProcess.Result r = weka.run(probe, 600, "swatnn.pkg.ExperimentProbe", results.toString(),
        "weka.classifiers.functions.SWATNNRegressor " + SHORT,
        "weka.classifiers.functions.MultilayerPerceptron -H 7,7 -N 50", "--",
        data.resolve("Booth_train.arff").toString(), data.resolve("Sphere_train.arff").toString());
    assertEquals(0, r.exitCode(), r.output());
    List<String> lines = Files.readAllLines(results);
    String header = lines.get(0);
    for (String col : List.of("measureNonZeroCount", "measureNonZeroWeights", "measureActiveNeurons",
        "measureHiddenLayers", "measureSearchSeconds", "measureSearchSteps")) {
      assertTrue(header.contains(col), "column " + col + " in " + header);
    }
    assertEquals(1 + 4, lines.size(), "2 data sets x 2 classifiers:\n" + String.join("\n", lines));
    assertTrue(lines.stream().anyMatch(l -> l.contains("SWATNNRegressor")));
    assertTrue(lines.stream().anyMatch(l -> l.contains("MultilayerPerceptron")));
  }

  @Test
  void listedUnderFunctionsInTheObjectEditor() throws Exception {
    String probe = Paths.get("target", "test-classes").toAbsolutePath().toString();
    WekaProcess.Result r = weka.run(probe, 300, "swatnn.pkg.GoeProbe");
    assertEquals(0, r.exitCode(), r.output());
    assertTrue(r.output().contains("listed weka.classifiers.functions.SWATNNRegressor"), r.output());
    assertTrue(r.output().contains("listed weka.classifiers.functions.DartsAdmmRegressor"), r.output());
    assertTrue(r.output().contains("listed weka.classifiers.functions.MultilayerPerceptron"), r.output());
  }
}
