package swatnn.bench;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import swatnn.CliRun;
import swatnn.TinyAutoencoder;
import weka.classifiers.Classifier;
import weka.classifiers.Evaluation;
import weka.core.Instances;

/**
 * The real-data benchmark on two tiny generated data sets (30 rows; one and two inputs), with
 * LinearRegression and SWATNN on a tiny autoencoder, 3 folds.
 */
class RealBenchmarkTest {
  private static final String LINE = "line";
  private static final String PLANE = "plane";

  @TempDir static Path dir;
  static Path data;
  static String[] swatnnOptions;

  @BeforeAll
  static void tinyModelAndDataSets() throws Exception {
    Path model = TinyAutoencoder.train(dir.resolve("tiny.zip"), 3);
    swatnnOptions = new String[] {"-model", model.toString(), "-steps", "20", "-anneal", "5",
        "-restarts", "1", "-layers", "1,2"};
    data = dir.resolve("data");
    Files.createDirectories(data);
    Random r = new Random(3);
    StringBuilder line = new StringBuilder("@relation line\n@attribute x numeric\n"
        + "@attribute y numeric\n@data\n");
    StringBuilder plane = new StringBuilder("@relation plane\n@attribute a numeric\n"
        + "@attribute b numeric\n@attribute z numeric\n@data\n");
    for (int i = 0; i < 30; i++) {
      double x = 10 * r.nextDouble();
      line.append(String.format(Locale.ROOT, "%.4f,%.4f%n", x, 2 * x + 1 + r.nextGaussian()));
      double a = r.nextDouble();
      double b = r.nextDouble();
      plane.append(String.format(Locale.ROOT, "%.4f,%.4f,%.4f%n", a, b,
          a - 2 * b + 0.1 * r.nextGaussian()));
    }
    Files.writeString(data.resolve(LINE + ".arff"), line);
    Files.writeString(data.resolve(PLANE + ".arff"), plane);
    Files.writeString(data.resolve("notes.txt"), "not a data set");
  }

  private static RealBenchmark bench(Path out) {
    return new RealBenchmark(data, out)
        .methods(List.of(BenchMethod.LINEAR_REGRESSION, BenchMethod.SWATNN))
        .options(BenchMethod.SWATNN, swatnnOptions).folds(3)
        .commandLine("swatnn bench real (test)")
        .progressTo(new PrintStream(OutputStream.nullOutputStream()), false);
  }

  private static PrintStream quiet() {
    return new PrintStream(OutputStream.nullOutputStream());
  }

  private static List<RealRow> rows(Path out) throws Exception {
    return CsvResultsFile.read(out.resolve(RealBenchmark.RESULTS), RealRow.FORMAT);
  }

  @Test
  void runsResumesAndReports() throws Exception {
    Path out = dir.resolve("run");
    RealBenchmark.Outcome first = bench(out).run(quiet());
    assertEquals(4, first.ran());
    assertEquals(List.of(), first.failed());

    Path csv = out.resolve(RealBenchmark.RESULTS);
    assertEquals(RealRow.HEADER, Files.readAllLines(csv).get(0));
    List<RealRow> rows = rows(out);
    // data sets in name order, methods in the order given
    assertEquals(List.of("line,LinearRegression", "line,SWATNN", "plane,LinearRegression",
        "plane,SWATNN"), rows.stream().map(x -> x.dataset() + "," + x.method()).toList());
    for (RealRow x : rows) {
      assertEquals(30, x.rows(), x.toString());
      assertEquals(x.dataset().equals(LINE) ? 1 : 2, x.inputs(), x.toString());
      assertEquals(3, x.folds(), x.toString());
      assertEquals(1, x.seed(), x.toString());
      assertTrue(Double.isFinite(x.correlation()) && x.rmse() > 0 && x.mae() > 0
          && x.raePercent() > 0 && x.seconds() >= 0, x.toString());
      boolean network = x.method().equals("SWATNN");
      assertEquals(network, x.nonZero() != null, x.toString());
      if (network) {
        assertTrue(x.nonZero() >= 1, x.toString());
      }
    }
    // a straight line with unit noise: a linear fit explains almost all of it
    assertTrue(rows.get(0).correlation() > 0.95, rows.get(0).toString());

    // a second run finds everything done and leaves the file alone
    byte[] before = Files.readAllBytes(csv);
    RealBenchmark.Outcome again = bench(out).run(quiet());
    assertEquals(0, again.ran());
    assertEquals(4, again.skipped());
    assertArrayEquals(before, Files.readAllBytes(csv));

    // a kill in the middle of the last row's write: that run alone is repeated
    String text = new String(before, StandardCharsets.UTF_8);
    int lastLine = text.lastIndexOf('\n', text.length() - 2);
    Files.writeString(csv, text.substring(0, lastLine + 10));
    ByteArrayOutputStream notes = new ByteArrayOutputStream();
    RealBenchmark.Outcome repaired = bench(out)
        .run(new PrintStream(notes, true, StandardCharsets.UTF_8));
    assertEquals(1, repaired.ran());
    assertEquals(3, repaired.skipped());
    String said = notes.toString(StandardCharsets.UTF_8);
    assertTrue(said.contains("repaired") && said.contains("plane SWATNN: correlation"), said);
    assertEquals(withoutTimes(rows), withoutTimes(rows(out)),
        "the repeated run gives the same numbers");
    assertEquals(2, Files.readAllLines(out.resolve(RealBenchmark.COMMANDS)).size(),
        "one command line per session that ran something");

    // the data sets' descriptions beside the results: numeric inputs, nothing missing
    assertEquals(List.of(RealDataInfo.HEADER, "line,30,1,0,0", "plane,30,2,0,0"),
        Files.readAllLines(out.resolve(RealDataInfo.FILE)));

    String md = Files.readString(RealReport.write(out));
    assertTrue(md.startsWith("<!-- Generated by `swatnn bench real`"), md);
    assertTrue(md.contains("swatnn bench real (test)"), md);
    assertTrue(md.contains("3-fold (seed 1) cross-validation"), md);
    assertTrue(md.contains("### line (30 rows, 1 input)"), md);
    assertTrue(md.contains("### plane (30 rows, 2 inputs)"), md);
    assertTrue(md.contains("| data set | rows | inputs | SWATNN | LinearRegression |"), md);
    assertTrue(md.contains("SWATNN's correlation is at least LinearRegression's on "), md);
    assertTrue(md.contains("- Correlation, SWATNN vs MLP_7_7: no data set has both results."),
        md);
  }

  /** The folds and pooled statistics are exactly those of Evaluation.crossValidateModel. */
  @Test
  void crossValidationEqualsWekas() throws Exception {
    Instances plane = RealDataSets.load(data).get(1).data();
    for (BenchRun run : List.of(BenchRun.of(BenchMethod.LINEAR_REGRESSION),
        BenchRun.of(BenchMethod.MLP_7_7, "-N", "20"),
        BenchRun.of(BenchMethod.SWATNN, swatnnOptions))) {
      Classifier template = run.create();
      CrossValidation.Result ours = CrossValidation.run(template, plane, 3, 7);
      Evaluation weka = new Evaluation(plane);
      weka.crossValidateModel(template, plane, 3, new Random(7));
      Evaluation e = ours.evaluation();
      assertEquals(weka.correlationCoefficient(), e.correlationCoefficient(), 0, run.label());
      assertEquals(weka.rootMeanSquaredError(), e.rootMeanSquaredError(), 0, run.label());
      assertEquals(weka.meanAbsoluteError(), e.meanAbsoluteError(), 0, run.label());
      assertEquals(weka.relativeAbsoluteError(), e.relativeAbsoluteError(), 0, run.label());
      assertEquals(30, e.numInstances(), 0, run.label());
      if (run.method().isSearch()) {
        assertEquals(3, ours.nonZeroCounts().size());
        assertNotNull(ours.meanNonZero());
      } else {
        assertEquals(List.of(), ours.nonZeroCounts());
        assertNull(ours.meanNonZero());
      }
    }
    assertThrows(IllegalArgumentException.class, () -> CrossValidation.run(
        BenchMethod.LINEAR_REGRESSION.create(new String[0]), plane, 31, 1));
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
          RealBenchmark.Outcome o = bench(out).methods(List.of(BenchMethod.LINEAR_REGRESSION,
              BenchMethod.RANDOM_FOREST)).shard(shard, 2).run(quiet());
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
    assertEquals(List.of("line,LinearRegression", "line,RandomForest", "plane,LinearRegression",
        "plane,RandomForest"), rows(out).stream().map(x -> x.dataset() + "," + x.method())
            .sorted().toList());
    assertThrows(IllegalArgumentException.class, () -> bench(out).shard(2, 2));
    assertThrows(IllegalArgumentException.class, () -> bench(out).folds(1));
  }

  @Test
  void theCommandRunsAndRefusesBadArguments() throws Exception {
    Path out = dir.resolve("cli");
    CliRun ok = CliRun.of("bench", "real", "--data", data.toString(), "--out", out.toString(),
        "--methods", "LinearRegression", "--folds", "3", "--seed", "2");
    assertEquals(0, ok.code(), ok.stderr());
    assertTrue(ok.stdout().contains("ran 2, skipped 0") && ok.stdout().contains("wrote "),
        ok.stdout());
    assertTrue(Files.readString(out.resolve(RealBenchmark.COMMANDS)).contains(
        "swatnn bench real --data " + data + " --out " + out
            + " --methods LinearRegression --folds 3 --seed 2"));
    assertTrue(rows(out).stream().allMatch(x -> x.seed() == 2 && x.folds() == 3));
    assertEquals(0, CliRun.of("bench", "real", "--out", out.toString(), "--report-only").code());

    CliRun help = CliRun.of("bench", "real", "--help");
    assertEquals(0, help.code());
    assertTrue(help.stdout().contains("--folds") && help.stdout().contains("--shard"),
        help.stdout());
    assertTrue(CliRun.of("--help").stdout().contains("bench real"));

    String d = data.toString();
    String o = dir.resolve("bad").toString();
    assertUsage("--folds must be at least 2", "--data", d, "--out", o, "--folds", "1");
    assertUsage("option --folds expects an integer, got 'ten'", "--data", d, "--out", o,
        "--folds", "ten");
    assertUsage("option --seed expects an integer", "--data", d, "--out", o, "--seed", "x");
    assertUsage("unknown method 'Nope'", "--data", d, "--out", o, "--methods", "SWATNN,Nope");
    assertUsage("--data: no directory", "--data", dir.resolve("absent").toString());
    assertUsage("shard must be I/N with 0 <= I < N, got 2/2", "--data", d, "--out", o,
        "--shard", "2/2");
    assertUsage("--shard must be I/N", "--data", d, "--out", o, "--shard", "1");
    assertUsage("unknown option --bogus", "--data", d, "--bogus");
    assertUsage("SWATNN refuses its options", "--data", d, "--out", o, "--methods", "SWATNN",
        "--swatnn-options", "-steps 0");
    assertUsage("unexpected argument 'extra'", "--data", d, "extra");
    assertEquals(List.of(), fileNames(dir.resolve("bad")), "nothing written on bad arguments");

    // data the benchmark cannot use: one line naming the file, exit code 1
    Path empty = dir.resolve("empty");
    Files.createDirectories(empty);
    CliRun none = CliRun.of("bench", "real", "--data", empty.toString(), "--out", o);
    assertEquals(1, none.code());
    assertTrue(none.stderr().contains("no .arff file in"), none.stderr());
    Path nominal = dir.resolve("nominal");
    Files.createDirectories(nominal);
    Files.writeString(nominal.resolve("iris.arff"), "@relation iris\n@attribute x numeric\n"
        + "@attribute c {a,b}\n@data\n1,a\n2,b\n");
    CliRun nom = CliRun.of("bench", "real", "--data", nominal.toString(), "--out", o);
    assertEquals(1, nom.code());
    assertTrue(nom.stderr().contains("iris.arff: the class (last attribute, 'c') is not numeric"),
        nom.stderr());
  }

  private static List<RealRow> withoutTimes(List<RealRow> rows) {
    return rows.stream().map(x -> new RealRow(x.dataset(), x.method(), x.rows(), x.inputs(),
        x.folds(), x.seed(), x.correlation(), x.rmse(), x.mae(), x.raePercent(), x.nonZero(), 0))
        .toList();
  }

  private static void assertUsage(String message, String... args) {
    List<String> all = new ArrayList<>(List.of("bench", "real"));
    all.addAll(List.of(args));
    CliRun r = CliRun.of(all.toArray(new String[0]));
    assertEquals(2, r.code(), r.stderr());
    assertTrue(r.stderr().startsWith("swatnn bench real: ") && r.stderr().contains(message)
        && r.stderr().strip().lines().count() == 1, r.stderr());
  }

  private static List<String> fileNames(Path folder) throws Exception {
    if (!Files.exists(folder)) {
      return List.of();
    }
    try (var s = Files.list(folder)) {
      return s.map(p -> p.getFileName().toString()).toList();
    }
  }
}
