package swatnn.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import swatnn.mlp.SparseMlp;

/**
 * The structure oracle fits the generator's own structure: on a one-layer generator it recovers
 * the network exactly, it never adds a non-zero, it is deterministic for a seed, and the
 * benchmark runs it as a method of its own.
 */
class StructureOracleTest {
  private static final PrintStream QUIET = new PrintStream(OutputStream.nullOutputStream());

  @TempDir Path dir;

  /** Tuning set 4: one hidden layer, 7 non-zeros, noiseless. */
  private static PlantedSuite.PlantedSet oneLayerSet() {
    PlantedSuite.PlantedSet set = PlantedSuite.tuning().set(4);
    assertEquals(1, set.layers());
    assertEquals(0.0, set.noiseSd());
    return set;
  }

  @Test
  void recoversAOneLayerGeneratorFromItsStructure() {
    PlantedSuite.PlantedSet set = oneLayerSet();
    PlantedRow row = new StructureOracle(4).run(set, 1);
    assertEquals(StructureOracle.LABEL, row.method());
    assertTrue(row.recovered(), "test RMSE " + row.rmse() + " of SD " + row.targetSd());
    assertTrue(row.nonZero() <= set.nonZero(), row.nonZero() + " > " + set.nonZero());
  }

  /** Started next to the answer, even a three-layer generator comes back to it. */
  @Test
  void aStartNearTheGeneratorLeadsBackToIt() {
    PlantedSuite.PlantedSet set = PlantedSuite.tuning().set(2);
    assertEquals(3, set.layers());
    StructureOracle oracle = new StructureOracle(1, 1e-6);
    assertEquals("STRUCTURE_LM_p1.0E-6", oracle.label());
    PlantedRow row = oracle.run(set, 1);
    assertEquals(oracle.label(), row.method());
    assertTrue(row.recovered(), "test RMSE " + row.rmse() + " of SD " + row.targetSd());
    assertThrows(IllegalArgumentException.class, () -> new StructureOracle(1, -0.1));
  }

  @Test
  void keepsTheZeroPatternAndIsDeterministic() {
    PlantedSuite.PlantedSet set = PlantedSuite.tuning().set(2);
    StructureOracle oracle = new StructureOracle(2);
    double[] z = set.trainY().clone();
    SparseMlp a = oracle.fit(set.network(), set.trainX(), z, 7);
    SparseMlp b = oracle.fit(set.network(), set.trainX(), z, 7);
    assertEquals(a, b);
    SparseMlp g = set.network();
    for (int t = 0; t <= g.hiddenLayers(); t++) {
      int from = t == 0 ? g.nIn() : g.layout().maxNeurons();
      int to = t == g.hiddenLayers() ? 1 : g.layout().maxNeurons();
      for (int i = 0; i < from; i++) {
        for (int j = 0; j < to; j++) {
          if (g.weight(t, i, j) == 0) {
            assertEquals(0.0, a.weight(t, i, j), "weight " + t + "." + i + "." + j);
          }
        }
      }
    }
    assertThrows(IllegalArgumentException.class, () -> new StructureOracle(0));
  }

  @Test
  void theBenchmarkRunsTheOracleAsAMethod() throws Exception {
    PlantedBenchmark bench = new PlantedBenchmark(dir).suite(PlantedSuite.tuning(), 1)
        .methods(List.of()).structureOracle(new StructureOracle(2)).seeds(List.of(3L))
        .progressTo(QUIET, false);
    PlantedBenchmark.Outcome outcome = bench.run(QUIET);
    assertEquals(1, outcome.ran());
    List<String> lines = Files.readAllLines(dir.resolve(PlantedBenchmark.RESULTS));
    assertEquals(2, lines.size(), String.join("\n", lines));
    assertTrue(lines.get(1).startsWith("g1-00," + StructureOracle.LABEL + ",3,"), lines.get(1));
    assertEquals(0, bench.run(QUIET).ran(), "a second run skips what is done");
    String report = Files.readString(PlantedReport.write(dir));
    assertTrue(report.contains(StructureOracle.LABEL + " rows are a reference, not a method"),
        "the report says what the oracle's rows are");
  }
}
