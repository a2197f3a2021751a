package swatnn.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The real-data report's summary lines and tables on a hand-made results file. */
class RealReportTest {
  @TempDir Path dir;

  private static RealRow row(String dataset, String method, double correlation, double rmse,
      Double nonZero, double seconds) {
    return new RealRow(dataset, method, 40, 3, 10, 1, correlation, rmse, 0.8 * rmse, 50.0,
        nonZero, seconds);
  }

  @Test
  void summaryLinesCountOverDataSetsWithBothMethods() throws Exception {
    List<RealRow> rows = new ArrayList<>();
    // alpha: SWATNN above LR, below MLP, tied with RF
    rows.add(row("alpha", "SWATNN", 0.9, 1.0, 10.0, 25));
    rows.add(row("alpha", "LinearRegression", 0.8, 2.0, null, 0.5));
    rows.add(row("alpha", "MLP_7_7", 0.95, 0.5, null, 1));
    rows.add(row("alpha", "RandomForest", 0.9, 1.0, null, 1));
    // Beta: below LR and RF, above MLP
    rows.add(row("Beta", "SWATNN", 0.5, 4.0, 20.5, 25));
    rows.add(row("Beta", "LinearRegression", 0.6, 2.0, null, 0.5));
    rows.add(row("Beta", "MLP_7_7", 0.4, 8.0, null, 1));
    rows.add(row("Beta", "RandomForest", 0.7, 1.0, null, 1));
    // gamma: tied with LR, above RF, no MLP
    rows.add(row("gamma", "SWATNN", 0.7, 3.0, 7.0, 25));
    rows.add(row("gamma", "LinearRegression", 0.7, 3.0, null, 0.5));
    rows.add(row("gamma", "RandomForest", 0.2, 6.0, null, 1));
    // delta: LR only
    rows.add(row("delta", "LinearRegression", 0.1, 1.0, null, 0.5));
    // eps: SWATNN without a finite correlation (constant predictions)
    rows.add(row("eps", "SWATNN", Double.NaN, 5.0, 12.0, 25));
    rows.add(row("eps", "LinearRegression", 0.3, 5.0, null, 0.5));
    write(rows);

    String md = Files.readString(RealReport.write(dir));
    assertContains(md, "- SWATNN's correlation is at least LinearRegression's on 2 of 3 data"
        + " sets (lower on Beta); 1 left out (no finite correlation).");
    assertContains(md, "- SWATNN's correlation is at least MLP_7_7's on 1 of 2 data sets"
        + " (lower on alpha).");
    assertContains(md, "- SWATNN's correlation is at least RandomForest's on 2 of 3 data sets"
        + " (lower on Beta).");
    assertContains(md, "- RMSE ratio SWATNN / LinearRegression over 4 data sets: median 1.00,"
        + " geometric mean 1.00; SWATNN's RMSE is lower on 1.");
    assertContains(md, "- RMSE ratio SWATNN / MLP_7_7 over 2 data sets: median 1.25,"
        + " geometric mean 1.00; SWATNN's RMSE is lower on 1.");
    assertContains(md, "- RMSE ratio SWATNN / RandomForest over 3 data sets: median 1.00,"
        + " geometric mean 1.26; SWATNN's RMSE is lower on 1.");
    assertContains(md, "- SWATNN's networks: median 11.0 non-zeros (mean over the folds; from"
        + " 7.0 to 20.5) over 4 data sets.");
    assertContains(md, "- Total cross-validation time: SWATNN 1m40s (4 data sets);"
        + " LinearRegression 3s (5 data sets);");
    // coverage, the correlation table (the best of a row in bold) and a per-data-set table
    assertContains(md, "- 5 data sets: alpha, Beta, delta, eps, gamma\n");
    assertContains(md, "- SWATNN: 4 of 5 data sets (missing delta)\n");
    assertContains(md, "- MLP_7_7: 2 of 5 data sets (missing delta, eps, gamma)\n");
    assertContains(md, "| data set | rows | inputs | SWATNN | LinearRegression | MLP_7_7 |"
        + " RandomForest |");
    assertContains(md, "| alpha | 40 | 3 | 0.9000 | 0.8000 | **0.9500** | 0.9000 |");
    assertContains(md, "| delta | 40 | 3 | - | **0.1000** | - | - |");
    assertContains(md, "| eps | 40 | 3 | n/a | **0.3000** | - | - |");
    assertContains(md, "### gamma (40 rows, 3 inputs)");
    assertContains(md, "| SWATNN | 0.7000 | 3.000 | 2.400 | 50.0 | 7.0 | 25.0 |");
    assertContains(md, "| RandomForest | 0.2000 | 6.000 | 4.800 | 50.0 | - | 1.0 |");
    assertContains(md, "10-fold (seed 1) cross-validation");
    assertContains(md, "(not recorded: no commands.txt)");
    assertFalse(md.contains("DARTS_ADMM"), "a method without results is left out");
  }

  @Test
  void withoutSwatnnTheSummaryComparesNothingWithIt() throws Exception {
    write(List.of(row("alpha", "LinearRegression", 0.8, 2.0, null, 0.5),
        row("alpha", "M5P", 0.9, 1.5, null, 0.7),
        row("beta", "LinearRegression", 0.6, 2.0, null, 0.5),
        row("beta", "M5P", 0.6, 2.5, null, 0.7),
        row("beta", "RandomForest", 0.5, 2.5, null, 1)));
    String md = Files.readString(RealReport.write(dir));
    assertContains(md, "- No SWATNN results (yet), so no comparison with it.\n");
    assertFalse(md.contains("RMSE ratio"), md);
    assertFalse(md.contains("SWATNN's networks"), md);
    // M5P after LinearRegression, as in the benchmark's default order
    assertContains(md, "- Best correlation per data set (a tie counts for each): M5P on 2,"
        + " LinearRegression on 1, RandomForest on 0 of 2 data sets.");
    assertContains(md, "| data set | rows | inputs | LinearRegression | M5P | RandomForest |");
    assertContains(md, "| M5P | 0.9000 | 1.500 | 1.200 | 50.0 | - | 0.7 |");
    assertContains(md, "- Total cross-validation time: LinearRegression 1s (2 data sets);"
        + " M5P 1s (2 data sets); RandomForest 1s (1 data set).");
  }

  @Test
  void datasetsCsvDescribesTheInputs() throws Exception {
    write(List.of(row("alpha", "SWATNN", 0.9, 1.0, 10.0, 25),
        row("alpha", "M5P", 0.8, 2.0, null, 0.5),
        row("beta", "M5P", 0.8, 2.0, null, 0.5),
        row("gamma", "M5P", 0.8, 2.0, null, 0.5)));
    // alpha: 2 nominal inputs and missing values; beta: only missing values; gamma: the file
    // describes another version of the data (5 inputs), so only the results' figures are shown
    Files.writeString(dir.resolve(RealDataInfo.FILE), RealDataInfo.HEADER + "\n"
        + "alpha,40,3,2,7\nbeta,40,3,0,1\ngamma,40,5,1,0\nbad line\n");
    String md = Files.readString(RealReport.write(dir));
    assertContains(md, "| alpha | 40 | 3 (2 nominal, missing) | **0.9000** | 0.8000 |");
    assertContains(md, "| beta | 40 | 3 (missing) | - | **0.8000** |");
    assertContains(md, "| gamma | 40 | 3 | - | **0.8000** |");
    assertContains(md, "### alpha (40 rows, 3 inputs: 2 nominal, missing values)");
    assertContains(md, "### beta (40 rows, 3 inputs: missing values)");
    assertContains(md, "### gamma (40 rows, 3 inputs)\n");
    assertContains(md, "- SWATNN's correlation is at least M5P's on 1 of 1 data set.");
    assertContains(md, "from [`datasets.csv`](datasets.csv)");
  }

  @Test
  void m5pIsAMethodOfItsOwn() throws Exception {
    assertEquals(BenchMethod.M5P, BenchMethod.parse("m5p"));
    assertTrue(BenchMethod.M5P.create(new String[0]) instanceof weka.classifiers.trees.M5P);
    assertTrue(RealBenchmark.DEFAULT_METHODS.contains(BenchMethod.M5P));
    assertFalse(CornnBenchmark.DEFAULT_METHODS.contains(BenchMethod.M5P),
        "resuming a CORNN run does not add it");
    assertEquals("M5P", ExperimentRows.label("weka.classifiers.trees.M5P", ""));
  }

  @Test
  void rowsRoundTripAndATornFileIsRepaired() throws Exception {
    Path csv = dir.resolve(RealBenchmark.RESULTS);
    CsvResultsFile<RealRow> f = CsvResultsFile.open(csv, RealRow.FORMAT);
    RealRow odd = new RealRow("a, \"b\"", "SWATNN", 16, 6, 10, 1, 0.25, 1e-7, 3, 99.5, 12.25,
        1.5);
    RealRow plain = row("cars", "LinearRegression", 0.5, 2, null, 0.125);
    assertTrue(f.append(List.of(odd)));
    assertTrue(f.append(List.of(plain)));
    assertFalse(f.append(List.of(plain)), "a block already there is not written twice");
    assertEquals(List.of(odd, plain), CsvResultsFile.read(csv, RealRow.FORMAT));
    assertTrue(Files.readString(csv).contains(
        "\"a, \"\"b\"\"\",SWATNN,16,6,10,1,0.25,1.0E-7,3.0,99.5,12.25,1.500\n"));
    Files.writeString(csv, Files.readString(csv) + "cars,SWATNN,50,1,10,1,0.8");
    CsvResultsFile<RealRow> g = CsvResultsFile.open(csv, RealRow.FORMAT);
    assertEquals("a partial last line", g.repair());
    assertEquals(List.of(odd, plain), g.rows());
    assertTrue(g.isComplete(RealRow.key("cars", "LinearRegression")));
    assertFalse(g.isComplete(RealRow.key("cars", "SWATNN")));
    // a CORNN results file is not a real-data one
    Path cornn = dir.resolve("cornn.csv");
    Files.writeString(cornn, ResultRow.HEADER + "\n");
    assertThrows(IOException.class, () -> CsvResultsFile.open(cornn, RealRow.FORMAT));
    assertThrows(IOException.class, () -> RealReport.write(dir.resolve("absent")));
  }

  private void write(List<RealRow> rows) throws IOException {
    CsvResultsFile<RealRow> f = CsvResultsFile.open(dir.resolve(RealBenchmark.RESULTS),
        RealRow.FORMAT);
    for (RealRow r : rows) {
      f.append(List.of(r));
    }
  }

  private static void assertContains(String md, String expected) {
    assertTrue(md.contains(expected), "expected\n" + expected + "\nin\n" + md);
  }
}
