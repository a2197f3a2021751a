package swatnn.cli;

import java.io.PrintStream;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.Set;
import swatnn.cornn.CornnFunction;
import swatnn.cornn.CornnTask;

/**
 * {@code swatnn cornn generate <out-dir>}: samples fresh CORNN tasks from the suite's formulas
 * and writes them as scaled ARFF files, named and scaled like {@code cornn import}'s.
 */
public final class CornnGenerateCommand implements Subcommand {

  static final int DEFAULT_TRAIN = 3750;
  static final int DEFAULT_TEST = 1250;
  static final long DEFAULT_SEED = 1;

  @Override
  public String name() {
    return "cornn generate";
  }

  @Override
  public String summary() {
    return "sample fresh CORNN tasks and write them as scaled ARFF files";
  }

  @Override
  public String usage() {
    return """
        usage: swatnn cornn generate <out-dir> [--seed S] [--train N] [--test N] [--functions LIST]

        Draws points uniformly over each CORNN function's domain, labels them with the
        function, and writes <Stem>_train.arff and <Stem>_test.arff (e.g.
        Ackley_N.2_train.arff) to <out-dir>, which is created if needed. Scaling is as in
        'cornn import': inputs to [-1, 1] by the domain, labels to [-1, 1] by the training
        set's min and max. A function's samples depend only on the seed and its number, so
        selecting a subset of functions does not change them.

        options:
          --seed S           random seed (default 1)
          --train N          training points per function, at least 2 (default 3750)
          --test N           test points per function, at least 1 (default 1250)
          --functions LIST   comma-separated names, file stems or numbers, e.g. F1,Booth,13
                             (default: all 54)
        """;
  }

  @Override
  public int run(List<String> args, PrintStream out) throws Exception {
    Options options = Options.parse(args, Set.of("seed", "train", "test", "functions"),
        Set.of());
    Path outDir = Paths.get(options.requirePositional("<out-dir>").get(0));
    long seed = options.getLong("seed", DEFAULT_SEED);
    int trainSize = options.getInt("train", DEFAULT_TRAIN);
    int testSize = options.getInt("test", DEFAULT_TEST);
    if (trainSize < 2) {
      throw new UsageException("--train must be at least 2 (the label scaling needs a"
          + " minimum and a maximum), got " + trainSize);
    }
    if (testSize < 1) {
      throw new UsageException("--test must be positive, got " + testSize);
    }
    CornnImportCommand.requireDirectoryOrAbsent(outDir);
    List<CornnFunction> functions = CornnImportCommand.functions(options);
    for (CornnFunction function : functions) {
      CornnTask task = CornnTask.generate(function, seed, trainSize, testSize);
      CornnImportCommand.report(out, task, task.write(outDir));
    }
    out.println("generated " + functions.size() + " CORNN task(s) with seed " + seed + ", "
        + 2 * functions.size() + " ARFF files in " + outDir);
    return 0;
  }
}
