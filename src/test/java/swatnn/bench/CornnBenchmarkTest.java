package swatnn.bench;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import swatnn.CliRun;
import swatnn.TinyAutoencoder;
import swatnn.cli.Main;
import swatnn.cornn.CornnFunction;

/**
 * The CORNN benchmark on two tiny generated tasks (Booth, Sphere: 120 training and 60 test
 * points), with LinearRegression, a 20-epoch MLP_7_7 and SWATNN on a tiny autoencoder.
 */
class CornnBenchmarkTest {
  private static final String BOOTH = "Booth";
  private static final String SPHERE = "Sphere";

  @TempDir static Path dir;
  static Path data;
  static Path model;
  static String[] swatnnOptions;

  private String stdout;
  private String stderr;

  @BeforeAll
  static void tinyModelAndTasks() throws Exception {
    model = dir.resolve("tiny.zip");
    TinyAutoencoder.train(model, 3);
    swatnnOptions = new String[] {"-model", model.toString(), "-steps", "10", "-anneal", "4",
        "-restarts", "1", "-layers", "1,2"};
    data = dir.resolve("data");
    int code = new Main(Main.standardCommands()).run(List.of("cornn", "generate",
        data.toString(), "--functions", "Booth,Sphere", "--train", "120", "--test", "60"),
        new PrintStream(OutputStream.nullOutputStream()), System.err);
    assertEquals(0, code);
  }

  private CornnBenchmark bench(Path out, ByteArrayOutputStream progress) {
    return new CornnBenchmark(data, out)
        .tasks(List.of(CornnFunction.parse(SPHERE), CornnFunction.parse(BOOTH)))
        .methods(List.of(BenchMethod.LINEAR_REGRESSION, BenchMethod.MLP_7_7, BenchMethod.SWATNN))
        .options(BenchMethod.MLP_7_7, new String[] {"-N", "20"})
        .options(BenchMethod.SWATNN, swatnnOptions)
        .commandLine("swatnn bench cornn (test)")
        .progressTo(new PrintStream(progress, true, StandardCharsets.UTF_8), false);
  }

  private static PrintStream quiet() {
    return new PrintStream(OutputStream.nullOutputStream());
  }

  @Test
  void runsResumesRepairsAndReports() throws Exception {
    Path out = dir.resolve("run");
    ByteArrayOutputStream progress = new ByteArrayOutputStream();
    CornnBenchmark.Outcome first = bench(out, progress).run(quiet());
    assertEquals(6, first.ran());
    assertEquals(List.of(), first.failed());

    Path csv = out.resolve(CornnBenchmark.RESULTS);
    List<String> lines = Files.readAllLines(csv);
    assertEquals("task,method,config,test_mse,nonzero,active_neurons,train_seconds",
        lines.get(0));
    List<ResultRow> rows = ResultsFile.read(csv);
    // task-major in F-number order (Booth is F13, Sphere F47), methods in the order given
    List<String> expected = List.of(
        "Booth,LinearRegression,-", "Booth,MLP_7_7,-",
        "Booth,SWATNN,k1", "Booth,SWATNN,k2", "Booth,SWATNN,selected",
        "Sphere,LinearRegression,-", "Sphere,MLP_7_7,-",
        "Sphere,SWATNN,k1", "Sphere,SWATNN,k2", "Sphere,SWATNN,selected");
    assertEquals(expected, rows.stream().map(r -> r.task() + "," + r.method() + "," + r.config())
        .toList());
    for (ResultRow r : rows) {
      assertTrue(r.testMse() >= 0 && Double.isFinite(r.testMse()), r.toString());
      assertTrue(r.trainSeconds() >= 0, r.toString());
      boolean network = r.method().equals("SWATNN");
      assertEquals(network, r.nonZero() != null, r.toString());
      assertEquals(network, r.activeNeurons() != null, r.toString());
    }
    // the selected model is one configuration's network, or one pruned from it (the final
    // pruning of a near-exact fit, METHOD 8.4), with fewer non-zeros
    for (int s : new int[] {4, 9}) {
      ResultRow selected = rows.get(s);
      boolean matchesAConfiguration = rows.subList(s - 2, s).stream().anyMatch(k ->
          k.nonZero().equals(selected.nonZero()) && Math.abs(k.testMse() - selected.testMse())
              <= 1e-9 * Math.max(1, k.testMse()));
      boolean prunedFromOne = rows.subList(s - 2, s).stream()
          .anyMatch(k -> k.nonZero() > selected.nonZero());
      assertTrue(matchesAConfiguration || prunedFromOne,
          "selected model is one of k1, k2 or pruned from one: " + rows);
    }
    // LinearRegression fits Booth (a quadratic) poorly and Sphere's bowl not at all
    assertTrue(rows.get(5).testMse() > 0.01, rows.get(5).toString());
    String log = progress.toString(StandardCharsets.UTF_8);
    assertTrue(log.contains("Booth / SWATNN") && log.contains("ETA")
        && log.contains("5/6"), log);
    assertEquals(6, log.lines().count(), "one line per run started when not a terminal: " + log);

    // a second run finds everything done and leaves the file alone
    byte[] before = Files.readAllBytes(csv);
    CornnBenchmark.Outcome again = bench(out, new ByteArrayOutputStream()).run(quiet());
    assertEquals(0, again.ran());
    assertEquals(6, again.skipped());
    assertArrayEquals(before, Files.readAllBytes(csv));

    // a kill in the middle of the last block's write: the partial line and the block's
    // complete rows are dropped, and that run (Sphere / SWATNN) alone is repeated
    String text = new String(before, StandardCharsets.UTF_8);
    int lastLine = text.lastIndexOf('\n', text.length() - 2);
    Files.writeString(csv, text.substring(0, lastLine + 12));
    ByteArrayOutputStream notes = new ByteArrayOutputStream();
    CornnBenchmark.Outcome repaired = bench(out, new ByteArrayOutputStream())
        .run(new PrintStream(notes, true, StandardCharsets.UTF_8));
    assertEquals(1, repaired.ran());
    assertEquals(5, repaired.skipped());
    assertTrue(notes.toString(StandardCharsets.UTF_8).contains("repaired"), notes.toString());
    List<ResultRow> after = ResultsFile.read(csv);
    assertEquals(expected, after.stream().map(r -> r.task() + "," + r.method() + ","
        + r.config()).toList());
    assertTrue(Files.readString(csv).endsWith("\n"));
    assertEquals(2, Files.readAllLines(out.resolve(CornnBenchmark.COMMANDS)).size(),
        "one command line per session that ran something");

    Path readme = CornnReport.write(out);
    String md = Files.readString(readme);
    assertTrue(md.startsWith("<!-- Generated"), md);
    assertTrue(md.contains("swatnn bench cornn (test)"), md);
    assertTrue(md.contains("| F | task | SWATNN MSE | SWATNN non-zero | DARTS_ADMM MSE"), md);
    assertTrue(md.contains("| F13 | Booth | "), md);
    assertTrue(md.contains("| F47 | Sphere | "), md);
    assertTrue(md.contains("| F1 | Ackley | - | - | - | - | - | - | - | - |"), md);
    assertTrue(md.contains("## Summary over F1..F52"), md);
    assertTrue(md.contains("## F53 and F54, reported apart"), md);
    assertTrue(md.contains("- Test-MSE ratio SWATNN / MLP_7_7 over 2 tasks: median "), md);
    assertTrue(md.contains("- Test-MSE ratio SWATNN / DARTS_ADMM: no task has both"), md);
    assertTrue(md.contains("- DARTS_ADMM: no results"), md);
    assertTrue(md.contains("- SWATNN: 2 of 54 tasks (missing F1, "), md);
    assertTrue(md.contains("- Total train time: SWATNN "), md);
    assertImage(out.resolve(CornnReport.FIGURE_POINTS));
    assertImage(out.resolve(CornnReport.FIGURE_SELECTED));
  }

  private static void assertImage(Path png) throws IOException {
    assertTrue(Files.isRegularFile(png), png.toString());
    BufferedImage img = ImageIO.read(png.toFile());
    assertNotNull(img, png + " is not an image");
    assertTrue(img.getWidth() > 800 && img.getHeight() > 500, png.toString());
    assertFalse(Files.exists(png.resolveSibling(png.getFileName() + ".tmp")));
  }

  @Test
  void summaryLinesComputeOverTasksWithBothMethods() throws Exception {
    Path out = dir.resolve("summary");
    Files.createDirectories(out);
    List<ResultRow> rows = new ArrayList<>();
    // F1: SWATNN half the MSE and half the non-zeros of DARTS_ADMM; F2: 4x the MSE, 2x the
    // non-zeros; F53: equal; F5 has SWATNN only
    addSearch(rows, "Ackley", "SWATNN", 0.01, 10);
    addSearch(rows, "Ackley", "DARTS_ADMM", 0.02, 20);
    addSearch(rows, "Ackley N.2", "SWATNN", 0.04, 30);
    addSearch(rows, "Ackley N.2", "DARTS_ADMM", 0.01, 15);
    addSearch(rows, "Adjiman", "SWATNN", 0.5, 7);
    addSearch(rows, "Xin-She Yang N.4", "SWATNN", 0.1, 5);
    addSearch(rows, "Xin-She Yang N.4", "DARTS_ADMM", 0.1, 5);
    rows.add(new ResultRow("Ackley", "MLP_7_7", "-", 0.05, null, null, 2));
    ResultsFile file = ResultsFile.open(out.resolve(CornnBenchmark.RESULTS));
    file.append(rows);
    String md = Files.readString(CornnReport.write(out));
    assertTrue(md.contains("- SWATNN's selected model has fewer non-zeros than DARTS_ADMM's on"
        + " 1 of 2 tasks (50%); equal on 0, more on 1."), md);
    assertTrue(md.contains("- Test-MSE ratio SWATNN / DARTS_ADMM over 2 tasks: median 2.25,"
        + " geometric mean 1.41."), md);
    assertTrue(md.contains("- Test-MSE ratio SWATNN / MLP_7_7 over 1 task: median 0.200,"
        + " geometric mean 0.200."), md);
    assertTrue(md.contains("- Non-zero ratio SWATNN / DARTS_ADMM over 2 tasks: median 1.25."),
        md);
    assertTrue(md.contains("- SWATNN's selected model has fewer non-zeros than DARTS_ADMM's on"
        + " 0 of 1 tasks (0%); equal on 1, more on 0."), md);
    assertTrue(md.contains("- DARTS_ADMM: 3 of 54 tasks (missing "), md);
    assertTrue(md.contains("| F5 | Adjiman | 0.500 | 7 | - | - |"), md);
    assertTrue(md.contains("not recorded"), md);
    assertImage(out.resolve(CornnReport.FIGURE_POINTS));
    assertImage(out.resolve(CornnReport.FIGURE_SELECTED));
  }

  private static void addSearch(List<ResultRow> rows, String task, String method, double mse,
      int nonZero) {
    rows.add(new ResultRow(task, method, "k1", mse * 3, nonZero / 2, 2, 1.5));
    rows.add(new ResultRow(task, method, "k2", mse, nonZero, 4, 1.5));
    rows.add(new ResultRow(task, method, "selected", mse, nonZero, 4, 3.25));
  }

  @Test
  void resultsFileRepairsAndRoundTrips() throws Exception {
    Path csv = dir.resolve("rf").resolve("results.csv");
    ResultsFile f = ResultsFile.open(csv);
    assertNull(f.repair());
    ResultRow odd = new ResultRow("a, \"b\"", "X", "-", 1e-7, null, null, 0.25);
    f.append(List.of(odd));
    assertEquals(List.of(odd), ResultsFile.read(csv));
    assertTrue(Files.readString(csv).contains("\"a, \"\"b\"\"\",X,-,1.0E-7,,,0.250\n"));
    // complete rows of a block whose final row never arrived are dropped too
    Files.writeString(csv, Files.readString(csv) + "Booth,SWATNN,k1,0.1,3,1,1.000\n");
    ResultsFile g = ResultsFile.open(csv);
    assertEquals("1 row(s) of an unfinished block", g.repair());
    assertEquals(List.of(odd), g.rows());
    assertTrue(g.isComplete("a, \"b\"", "X"));
    assertFalse(g.isComplete("Booth", "SWATNN"));
    // a kill while the header was being written
    Files.writeString(csv, "task,meth");
    assertEquals(List.of(), ResultsFile.open(csv).rows());
    assertEquals(ResultRow.HEADER + "\n", Files.readString(csv));
    Files.writeString(csv, "something else\n");
    assertThrows(IOException.class, () -> ResultsFile.open(csv));
  }

  @Test
  void shardsShareOneResultsFile() throws Exception {
    Path out = dir.resolve("shards");
    List<Throwable> errors = new java.util.concurrent.CopyOnWriteArrayList<>();
    List<Thread> threads = new ArrayList<>();
    for (int i = 0; i < 2; i++) {
      int shard = i;
      threads.add(new Thread(() -> {
        try {
          CornnBenchmark.Outcome o = bench(out, new ByteArrayOutputStream())
              .methods(List.of(BenchMethod.LINEAR_REGRESSION, BenchMethod.MLP_7_7))
              .shard(shard, 2).run(quiet());
          assertEquals(2, o.ran(), "shard " + shard);
        } catch (Throwable t) {
          errors.add(t);
        }
      }));
    }
    threads.forEach(Thread::start);
    for (Thread t : threads) {
      t.join();
    }
    assertEquals(List.of(), errors);
    List<String> blocks = ResultsFile.read(out.resolve(CornnBenchmark.RESULTS)).stream()
        .map(r -> r.task() + "," + r.method()).sorted().toList();
    assertEquals(List.of("Booth,LinearRegression", "Booth,MLP_7_7", "Sphere,LinearRegression",
        "Sphere,MLP_7_7"), blocks);
    assertThrows(IllegalArgumentException.class,
        () -> bench(out, new ByteArrayOutputStream()).shard(2, 2));
  }

  @Test
  void anAppendNeverDuplicatesABlockAnotherWriterAdded() throws Exception {
    Path csv = dir.resolve("two-writers").resolve("results.csv");
    ResultsFile first = ResultsFile.open(csv);
    ResultsFile second = ResultsFile.open(csv);
    List<ResultRow> block = List.of(new ResultRow("Booth", "X", "-", 0.5, null, null, 1));
    assertTrue(second.append(block));
    assertFalse(first.isComplete("Booth", "X"));
    first.refresh();
    assertTrue(first.isComplete("Booth", "X"));
    assertFalse(first.append(block), "already written by the other writer");
    // a writer killed mid-line: the next append repairs the tail before writing
    Files.writeString(csv, Files.readString(csv) + "Sphere,X,-,0.2");
    assertTrue(first.append(List.of(new ResultRow("Sphere", "X", "-", 0.25, null, null, 1))));
    assertEquals(List.of("Booth", "Sphere"), ResultsFile.read(csv).stream()
        .map(ResultRow::task).toList());
    assertEquals(3, Files.readAllLines(csv).size());
  }

  @Test
  void officialCsvFilesAreImported() throws Exception {
    Path csvDir = dir.resolve("csv");
    Files.createDirectories(csvDir);
    CornnFunction booth = CornnFunction.parse(BOOTH);
    Random r = new Random(5);
    for (String part : List.of("train", "test")) {
      StringBuilder sb = new StringBuilder("x,y,\"f(x,y)\"\n");
      for (int i = 0; i < 40; i++) {
        double x = -10 + 20 * r.nextDouble();
        double y = -10 + 20 * r.nextDouble();
        sb.append(String.format(Locale.ROOT, "%s,%s,%s%n", x, y, booth.value(x, y)));
      }
      Files.writeString(csvDir.resolve("Booth_" + part + "_set.csv"), sb.toString());
    }
    Path out = dir.resolve("imported");
    assertEquals(0, run("bench", "cornn", "--data", csvDir.toString(), "--out", out.toString(),
        "--tasks", "Booth", "--methods", "LinearRegression,RandomForest"), stderr);
    assertTrue(Files.isRegularFile(out.resolve("arff").resolve("Booth_train.arff")));
    assertTrue(Files.isRegularFile(out.resolve("arff").resolve("Booth_test.arff")));
    assertEquals(List.of("Booth,LinearRegression,-", "Booth,RandomForest,-"),
        ResultsFile.read(out.resolve("results.csv")).stream()
            .map(x -> x.task() + "," + x.method() + "," + x.config()).toList());
    assertTrue(stdout.contains("wrote "), stdout);
    assertTrue(Files.readString(out.resolve("commands.txt")).contains(
        "swatnn bench cornn --data " + csvDir + " --out " + out
            + " --tasks Booth --methods LinearRegression,RandomForest"));
    // the report alone, and a missing task named at once
    assertEquals(0, run("bench", "cornn", "--out", out.toString(), "--report-only"), stderr);
    assertEquals(1, run("bench", "cornn", "--data", csvDir.toString(), "--out",
        out.toString(), "--tasks", "Booth,Sphere", "--methods", "LinearRegression"));
    assertTrue(stderr.contains("1 task(s) not found") && stderr.contains("F47 Sphere"), stderr);
  }

  @Test
  void qualityStudyRunsEachVariantUnderItsLabel() throws Exception {
    Path out = dir.resolve("quality");
    String swatnn = String.join(" ", "-model", model.toString(), "-steps", "10", "-anneal", "4",
        "-layers", "1,2");
    assertEquals(0, run("bench", "quality", "--data", data.toString(), "--out", out.toString(),
        "--tasks", "Booth", "--swatnn-options", swatnn), stderr);
    List<ResultRow> rows = ResultsFile.read(out.resolve(CornnBenchmark.RESULTS));
    String other = QualityStudy.otherInitLabel();
    assertEquals(List.of("SWATNN", "SWATNN_polish", "SWATNN_R1", other, "MLP_7_7",
        "LinearRegression"), rows.stream().filter(ResultRow::isFinal).map(ResultRow::method)
        .toList());
    String md = Files.readString(out.resolve("README.md"));
    assertTrue(md.startsWith("<!-- Generated by `swatnn bench quality`"), md);
    assertTrue(md.contains("| F13 | Booth | "), md);
    assertTrue(md.contains("- Test-MSE ratio SWATNN / MLP_7_7 over 1 task: median "), md);
    assertTrue(md.contains("- Test-MSE ratio SWATNN_R1 / SWATNN over 1 task: median "), md);
    assertTrue(md.contains("- Polish at equal non-zero count, test-MSE ratio per configuration"
        + " SWATNN_polish / SWATNN"), md);
    assertTrue(md.contains("| F53 | Xin-She Yang N.4 | - | - |"), md);
    assertEquals(2, run("bench", "quality", "--data", data.toString(), "--out", out.toString(),
        "--swatnn-options", "-restarts 2"));
    assertTrue(stderr.contains("must not set -restarts"), stderr);
  }

  @Test
  void badArgumentsAndAbsentDarts() throws Exception {
    String out = dir.resolve("bad").toString();
    assertEquals(2, run("bench", "cornn", "--data", data.toString(), "--out", out, "--methods",
        "SWATNN,Nope"));
    assertTrue(stderr.contains("unknown method 'Nope'"), stderr);
    assertEquals(2, run("bench", "cornn", "--data", data.toString(), "--out", out, "--tasks", "F99"));
    assertEquals(2, run("bench", "cornn", "--data", data.toString(), "--out", out, "--bogus"));
    assertEquals(0, run("bench", "cornn", "--help"));
    assertTrue(stdout.contains("--swatnn-options"), stdout);
    assertTrue(BenchMethod.DARTS_ADMM.isAvailable(), "DartsAdmmRegressor is part of the package");
    assertEquals(0, run("bench", "cornn", "--data", data.toString(), "--out", out, "--tasks",
        "Booth", "--methods", "DARTS_ADMM", "--darts-options", "-epochs 2 -layers 1"), stderr);
    List<ResultRow> rows = ResultsFile.read(dir.resolve("bad").resolve("results.csv"));
    assertEquals(List.of("k1", "selected"), rows.stream().map(ResultRow::config).toList());
    assertTrue(rows.stream().allMatch(r -> r.method().equals("DARTS_ADMM")));
  }

  private int run(String... args) {
    CliRun r = CliRun.of(args);
    stdout = r.stdout();
    stderr = r.stderr();
    return r.code();
  }
}
