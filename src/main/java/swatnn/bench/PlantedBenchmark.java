package swatnn.bench;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import swatnn.io.AtomicFile;
import weka.classifiers.Classifier;
import weka.classifiers.Evaluation;
import weka.core.AdditionalMeasureProducer;
import weka.core.Instances;

/**
 * The planted-network benchmark: builds each method with each seed on each set of a
 * {@link PlantedSuite} (its training ARFF file, as {@code weka.Run -t train -T test} would, with
 * the method's default options and {@code -S seed}), scores it on the noiseless test file and
 * appends one {@link PlantedRow} per (set, method, seed) to {@code <out>/results.csv}
 * ({@link CsvResultsFile}: durable appends, repaired after a kill, shareable between processes).
 * Runs already in the file are skipped, so a killed benchmark continues where it stopped.
 *
 * <p>A search method's model text ({@code toString()}, with its candidate table) goes to
 * {@code <out>/models/<set>/<method>-s<seed>.txt}. Every session's command line is appended to
 * {@code <out>/commands.txt}, which the report ({@link PlantedReport}) quotes.
 */
public final class PlantedBenchmark {
  /** The results file's name in the output folder. */
  public static final String RESULTS = CornnBenchmark.RESULTS;
  /** The file of command lines, one per session. */
  public static final String COMMANDS = CornnBenchmark.COMMANDS;
  /** The folder of model texts. */
  public static final String MODELS = "models";
  /** The methods run when none are named. */
  public static final List<BenchMethod> DEFAULT_METHODS = List.of(BenchMethod.SWATNN,
      BenchMethod.DARTS_ADMM, BenchMethod.MLP_7_7);
  /** The classifier seeds run when none are named. */
  public static final List<Long> DEFAULT_SEEDS = List.of(1L, 2L);
  /** MultilayerPerceptron -H 7,7's hidden layers, for its parameter count. */
  private static final int[] MLP_7_7_HIDDEN = {7, 7};

  private final Path outDir;
  private PlantedSuite suite = PlantedSuite.tuning();
  private int setCount = PlantedSuite.DEFAULT_SETS;
  private List<BenchMethod> methods = DEFAULT_METHODS;
  private List<Long> seeds = DEFAULT_SEEDS;
  private StructureOracle oracle;
  private final Map<BenchMethod, String[]> extraOptions = new EnumMap<>(BenchMethod.class);
  private Shard shard = Shard.ALL;
  private String commandLine = "(not recorded)";
  private PrintStream progressStream = System.err;
  private boolean terminal;

  /** What a session did. */
  public record Outcome(int ran, int skipped, List<String> failed, List<BenchMethod> unavailable) {}

  /** @param outDir where the ARFF files, results.csv, model texts and the report go */
  public PlantedBenchmark(Path outDir) {
    this.outDir = outDir;
  }

  /** The suite and how many of its sets to run (default the tuning suite, 24 sets). */
  public PlantedBenchmark suite(PlantedSuite suite, int sets) {
    if (sets < 1) {
      throw new IllegalArgumentException("--sets must be at least 1, got " + sets);
    }
    this.suite = suite;
    this.setCount = sets;
    return this;
  }

  /**
   * The methods, in this order (default SWATNN, DARTS_ADMM, MLP_7_7); empty when only the
   * {@link #structureOracle oracle} runs.
   */
  public PlantedBenchmark methods(List<BenchMethod> methods) {
    for (BenchMethod m : methods) {
      if (!m.isSearch() && m != BenchMethod.MLP_7_7) {
        throw new IllegalArgumentException(m + " has no non-zero count here (use SWATNN, "
            + "DARTS_ADMM or MLP_7_7)");
      }
    }
    this.methods = List.copyOf(methods);
    return this;
  }

  /**
   * Also runs {@code oracle} ({@link StructureOracle}) with each seed: the generator's
   * structure fitted from its starts, labelled {@link StructureOracle#label()}.
   */
  public PlantedBenchmark structureOracle(StructureOracle oracle) {
    this.oracle = oracle;
    return this;
  }

  /** The classifier seeds ({@code -S}), each a run of its own (default 1, 2). */
  public PlantedBenchmark seeds(List<Long> seeds) {
    if (seeds.isEmpty()) {
      throw new IllegalArgumentException("no seed to run");
    }
    this.seeds = List.copyOf(seeds);
    return this;
  }

  /** Options appended to the method's own, before {@code -S seed}. */
  public PlantedBenchmark options(BenchMethod method, String[] options) {
    extraOptions.put(method, options.clone());
    return this;
  }

  /**
   * Only the sets at positions index, index + count, ... are run.
   *
   * @throws IllegalArgumentException unless 0 <= index < count
   */
  public PlantedBenchmark shard(int index, int count) {
    this.shard = new Shard(index, count);
    return this;
  }

  /** The command line recorded in commands.txt. */
  public PlantedBenchmark commandLine(String commandLine) {
    this.commandLine = commandLine;
    return this;
  }

  /** Where the progress goes and whether it is a terminal. */
  public PlantedBenchmark progressTo(PrintStream stream, boolean isTerminal) {
    this.progressStream = stream;
    this.terminal = isTerminal;
    return this;
  }

  /**
   * Builds each available method's classifier once with its options, so that a bad option
   * fails before any run.
   *
   * @throws IllegalArgumentException naming the method and what its classifier said
   */
  public void checkOptions() {
    for (BenchMethod m : methods) {
      if (!m.isAvailable()) {
        continue;
      }
      try {
        create(m, seeds.get(0));
      } catch (Exception e) {
        throw new IllegalArgumentException(m + " refuses its options: " + (e.getMessage() == null
            ? e.getClass().getName() : e.getMessage()));
      }
    }
  }

  /**
   * Writes the suite's files ({@link PlantedFiles}) and returns its sets.
   *
   * @throws IOException if a file cannot be written
   */
  public List<PlantedSuite.PlantedSet> generate() throws IOException {
    List<PlantedSuite.PlantedSet> sets = suite.sets(setCount);
    PlantedFiles.write(outDir, sets);
    return sets;
  }

  /**
   * Generates the suite's files if needed, then runs every (set, seed, method) of this shard not
   * yet in results.csv.
   *
   * @param out receives one line per finished or failed run, and notes
   * @throws IOException if a file cannot be read or written
   */
  public Outcome run(PrintStream out) throws IOException {
    if (methods.isEmpty() && oracle == null) {
      throw new IllegalArgumentException("no method to run");
    }
    List<PlantedSuite.PlantedSet> sets = generate();
    List<BenchMethod> usable = new ArrayList<>();
    List<BenchMethod> unavailable = new ArrayList<>();
    for (BenchMethod m : methods) {
      if (m.isAvailable()) {
        usable.add(m);
      } else {
        unavailable.add(m);
        out.println("skipping " + m + ": " + m.className() + " is not on the class path");
      }
    }
    CsvResultsFile<PlantedRow> results = CsvResultsFile.open(outDir.resolve(RESULTS),
        PlantedRow.FORMAT);
    if (results.repair() != null) {
      out.println("repaired " + results.path() + ": dropped " + results.repair()
          + " (left by an interrupted run)");
    }
    // method null: the structure oracle
    String oracleLabel = oracle == null ? null : oracle.label();
    record Pending(PlantedSuite.PlantedSet set, long seed, BenchMethod method, String label) {}
    List<BenchMethod> runs = new ArrayList<>(usable);
    if (oracle != null) {
      runs.add(null);
    }
    List<Pending> pending = new ArrayList<>();
    int skipped = 0;
    for (PlantedSuite.PlantedSet set : shard.of(sets)) {
      for (long seed : seeds) {
        for (BenchMethod m : runs) {
          String label = m == null ? oracleLabel : m.label();
          if (results.isComplete(PlantedRow.key(set.id(), label, seed))) {
            skipped++;
          } else {
            pending.add(new Pending(set, seed, m, label));
          }
        }
      }
    }
    if (pending.isEmpty()) {
      out.println("nothing to run: all " + skipped + " (set, method, seed) runs are in "
          + results.path());
      return new Outcome(0, skipped, List.of(), unavailable);
    }
    CommandLog.append(outDir, commandLine);
    out.printf(Locale.ROOT, "%d run(s) to do, %d already in %s%n", pending.size(), skipped,
        results.path());
    int ran = 0;
    List<String> failed = new ArrayList<>();
    Map<String, List<Double>> prior = new LinkedHashMap<>();
    for (PlantedRow r : results.rows()) {
      prior.computeIfAbsent(r.method(), k -> new ArrayList<>()).add(r.seconds());
    }
    try (BenchProgress progress = new BenchProgress("bench planted", progressStream, terminal,
        skipped + pending.size(), skipped, pending.stream().map(Pending::label)
            .toList(), prior)) {
      for (Pending p : pending) {
        if (Thread.currentThread().isInterrupted()) {
          break;
        }
        String label = p.label();
        results.refresh();
        if (results.isComplete(PlantedRow.key(p.set().id(), label, p.seed()))) {
          progress.doneElsewhere(label);
          continue;
        }
        String name = p.set().id() + " " + label + " -S " + p.seed();
        progress.started(p.set().id(), label);
        PlantedRow row;
        try {
          row = p.method() == null ? oracle.run(p.set(), p.seed())
              : runOne(p.set(), p.method(), p.seed());
        } catch (Exception e) {
          progress.ended(false, 0);
          failed.add(name);
          progress.println(out, name + ": FAILED: " + (e.getMessage() == null
              ? e.getClass().getName() : e.getMessage()));
          continue;
        }
        boolean written = results.append(List.of(row));
        progress.ended(true, row.seconds());
        ran++;
        progress.println(out, String.format(Locale.ROOT,
            "%s: RMSE %.4g (%.3g of SD), non-zeros %d (generator %d), %s, %.1f s%s", name,
            row.rmse(), row.relativeRmse(), row.nonZero(), row.generatorNonZero(),
            row.recovered() ? "recovered" : "not recovered", row.seconds(),
            written ? "" : " (not written: another process wrote it first)"));
      }
    }
    return new Outcome(ran, skipped, failed, unavailable);
  }

  private Classifier create(BenchMethod m, long seed) throws Exception {
    String[] extra = extraOptions.getOrDefault(m, new String[0]);
    String[] options = Arrays.copyOf(extra, extra.length + 2);
    options[extra.length] = "-S";
    options[extra.length + 1] = Long.toString(seed);
    return m.create(options);
  }

  /** Builds {@code method} with {@code seed} on the set's training file, tests it. */
  PlantedRow runOne(PlantedSuite.PlantedSet set, BenchMethod method, long seed)
      throws Exception {
    Instances train = PlantedFiles.load(PlantedFiles.trainFile(outDir, set.id()));
    Instances test = PlantedFiles.load(PlantedFiles.testFile(outDir, set.id()));
    long t0 = System.nanoTime();
    Classifier c = create(method, seed);
    c.buildClassifier(train);
    Evaluation eval = new Evaluation(train);
    eval.evaluateModel(c, test);
    double seconds = (System.nanoTime() - t0) / 1e9;
    int nonZero;
    if (method.isSearch()) {
      nonZero = (int) Math.round(((AdditionalMeasureProducer) c)
          .getMeasure("measureNonZeroCount"));
      Path text = outDir.resolve(MODELS).resolve(set.id())
          .resolve(method.label() + "-s" + seed + ".txt");
      Files.createDirectories(text.getParent());
      AtomicFile.writeString(text, c.toString() + "\n");
    } else {
      nonZero = mlpParameterCount(set.inputs(), MLP_7_7_HIDDEN);
    }
    double rmse = eval.rootMeanSquaredError();
    return new PlantedRow(set.id(), method.label(), seed, set.inputs(), set.layers(),
        set.nonZero(), nonZero, rmse, set.targetSd(), set.noiseSd(),
        RecoveryRule.recovered(rmse, nonZero, set.targetSd(), set.noiseSd(), set.nonZero()),
        seconds);
  }

  /**
   * Every weight and bias of a dense MLP with {@code inputs} numeric inputs, the given hidden
   * layer widths and one linear output.
   */
  static int mlpParameterCount(int inputs, int[] hidden) {
    int count = 0;
    int previous = inputs;
    for (int h : hidden) {
      count += previous * h + h;
      previous = h;
    }
    return count + previous + 1;
  }
}
