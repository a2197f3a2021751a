package swatnn.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.Set;
import swatnn.cornn.CornnCsvReader;
import swatnn.cornn.CornnFunction;
import swatnn.cornn.CornnTask;

/**
 * {@code swatnn cornn import <csv-dir> <out-dir>}: converts the official CORNN CSV files into
 * scaled ARFF tasks, {@code <Stem>_train.arff} and {@code <Stem>_test.arff} per function.
 */
public final class CornnImportCommand implements Subcommand {

  @Override
  public String name() {
    return "cornn import";
  }

  @Override
  public String summary() {
    return "convert the official CORNN CSV files into scaled ARFF tasks";
  }

  @Override
  public String usage() {
    return """
        usage: swatnn cornn import <csv-dir> <out-dir> [--functions LIST]

        Reads <Name>_train_set.csv and <Name>_test_set.csv (e.g. "Ackley N.2_train_set.csv")
        for each CORNN function from <csv-dir> and writes <Stem>_train.arff and
        <Stem>_test.arff (e.g. Ackley_N.2_train.arff) to <out-dir>, which is created if needed.
        Inputs are scaled to [-1, 1] by each function's domain; labels are scaled to [-1, 1]
        by the training set's min and max, and the test labels with the same two numbers.

        options:
          --functions LIST   comma-separated names, file stems or numbers, e.g. F1,Booth,13
                             (default: all 54)
        """;
  }

  @Override
  public int run(List<String> args, PrintStream out) throws Exception {
    Options options = Options.parse(args, Set.of("functions"), Set.of());
    List<String> positional = options.requirePositional("<csv-dir>", "<out-dir>");
    Path csvDir = Paths.get(positional.get(0));
    Path outDir = Paths.get(positional.get(1));
    if (!Files.isDirectory(csvDir)) {
      throw new UsageException("CSV directory not found: " + csvDir);
    }
    requireDirectoryOrAbsent(outDir);
    List<CornnFunction> functions = functions(options);
    List<Path> missing = CornnCsvReader.missingFiles(csvDir, functions);
    if (!missing.isEmpty()) {
      throw new IOException(missing.size() + " CORNN data file(s) missing in " + csvDir
          + ", first '" + missing.get(0).getFileName() + "' (expected '<Name>_train_set.csv'"
          + " and '<Name>_test_set.csv' per function, e.g. 'Ackley N.2_train_set.csv')");
    }
    for (CornnFunction function : functions) {
      CornnTask task = CornnTask.fromCsv(csvDir, function);
      report(out, task, task.write(outDir));
    }
    out.println("imported " + functions.size() + " CORNN task(s), " + 2 * functions.size()
        + " ARFF files in " + outDir);
    return 0;
  }

  /** The functions named by {@code --functions}, or all 54. */
  static List<CornnFunction> functions(Options options) throws UsageException {
    if (!options.hasValue("functions")) {
      return CornnFunction.all();
    }
    try {
      return CornnFunction.parseList(options.get("functions", ""));
    } catch (IllegalArgumentException e) {
      throw new UsageException("--functions: " + e.getMessage());
    }
  }

  /** Refuses an output path that exists but is not a directory. */
  static void requireDirectoryOrAbsent(Path outDir) throws UsageException {
    if (Files.exists(outDir) && !Files.isDirectory(outDir)) {
      throw new UsageException("output path is not a directory: " + outDir);
    }
  }

  /** One line per written task. */
  static void report(PrintStream out, CornnTask task, List<Path> files) {
    out.printf("%-22s %s (%d rows), %s (%d rows), labels scaled from [%s, %s]%n",
        task.function(), files.get(0).getFileName(), task.train().size(),
        files.get(1).getFileName(), task.test().size(), task.labels().min(),
        task.labels().max());
  }
}
