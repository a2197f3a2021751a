package swatnn.cli;

import java.io.File;
import java.io.PrintStream;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import swatnn.bench.ExperimentDefinition;
import swatnn.cornn.CornnFunction;

/** {@code swatnn bench experiment}: writes the Weka Experimenter definition for the CORNN tasks. */
public final class BenchExperimentCommand implements Subcommand {

  @Override
  public String name() {
    return "bench experiment";
  }

  @Override
  public String summary() {
    return "write a Weka Experimenter definition (.exp) over the CORNN ARFF files";
  }

  @Override
  public String usage() {
    return """
        usage: swatnn bench experiment [--data data/cornn] [--out FILE.exp] [--results FILE.csv]
                                       [--tasks LIST]

        Writes an Experimenter definition: each CORNN task trained on <Stem>_train.arff and
        tested on <Stem>_test.arff from --data (kept as given, so a relative folder is relative
        to where Weka is started), with SWATNNRegressor, DartsAdmmRegressor and
        MultilayerPerceptron -H 7,7 at their defaults, results to --results (CSV). Open it in
        the Experimenter (Setup, Open...) and press Start on the Run tab. The shipped
        definition, weka-package/experiments/swatnn-cornn.exp, was written by
        `bin/swatnn bench experiment` with the defaults.
        """;
  }

  @Override
  public int run(List<String> args, PrintStream out) throws Exception {
    Options o = Options.parse(args, Set.of("data", "out", "results", "tasks"), Set.of());
    if (!o.positional().isEmpty()) {
      throw new UsageException("unexpected argument '" + o.positional().get(0) + "'");
    }
    List<CornnFunction> tasks;
    try {
      tasks = o.hasValue("tasks") ? CornnFunction.parseList(o.get("tasks", ""))
          : Arrays.asList(CornnFunction.values());
    } catch (IllegalArgumentException e) {
      throw new UsageException(e.getMessage());
    }
    Path file = Paths.get(o.get("out", "weka-package/experiments/swatnn-cornn.exp"));
    ExperimentDefinition.save(ExperimentDefinition.build(new File(o.get("data", "data/cornn")),
        tasks, new File(o.get("results", "cornn-experiment.csv"))), file);
    out.println("wrote " + file + " (" + tasks.size() + " tasks)");
    return 0;
  }
}
