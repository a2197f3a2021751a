package swatnn.bench;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import swatnn.cornn.CornnCsvReader;
import swatnn.cornn.CornnFunction;
import swatnn.cornn.CornnTask;
import weka.core.Instances;
import weka.core.converters.ConverterUtils.DataSource;

/**
 * Finds the scaled ARFF pair ({@code <Stem>_train.arff}, {@code <Stem>_test.arff}) of each
 * CORNN task: in the data folder itself, or, when that folder holds the official CSV files, in
 * an import folder, importing the task there first (as {@code swatnn cornn import} does).
 */
public final class BenchTasks {

  /** One task's ARFF files. */
  public record TaskFiles(CornnFunction function, Path train, Path test) {

    /** The training and test sets, the class being the last attribute. */
    public Instances[] load() throws Exception {
      Instances tr = DataSource.read(train.toString());
      Instances te = DataSource.read(test.toString());
      tr.setClassIndex(tr.numAttributes() - 1);
      te.setClassIndex(te.numAttributes() - 1);
      return new Instances[] {tr, te};
    }
  }

  private BenchTasks() {}

  /**
   * The files of {@code functions}, in F-number order. Every task is checked before any is
   * imported, so a missing file fails at once rather than hours into a run.
   *
   * @param dataDir a folder of ARFF pairs or of the official CSV files
   * @param importDir where CSV tasks are imported to (reused if already there)
   * @param log receives one line per imported task
   * @throws IOException naming the first missing file and how many are missing
   */
  public static List<TaskFiles> resolve(Path dataDir, List<CornnFunction> functions,
      Path importDir, PrintStream log) throws IOException {
    List<CornnFunction> sorted = new ArrayList<>(functions);
    sorted.sort(Comparator.comparingInt(CornnFunction::number));
    List<CornnFunction> missing = new ArrayList<>();
    for (CornnFunction f : sorted) {
      if (!hasArff(dataDir, f) && !CornnCsvReader.missingFiles(dataDir, List.of(f)).isEmpty()) {
        missing.add(f);
      }
    }
    if (!missing.isEmpty()) {
      CornnFunction first = missing.get(0);
      throw new IOException(missing.size() + " task(s) not found in " + dataDir + ", first "
          + first + ": expected " + CornnTask.trainArffName(first) + " and "
          + CornnTask.testArffName(first) + ", or the official '"
          + CornnCsvReader.trainFileName(first) + "' and '" + CornnCsvReader.testFileName(first)
          + "'");
    }
    List<TaskFiles> out = new ArrayList<>();
    for (CornnFunction f : sorted) {
      Path dir = dataDir;
      if (!hasArff(dataDir, f)) {
        dir = importDir;
        if (!hasArff(importDir, f)) {
          CornnTask.fromCsv(dataDir, f).write(importDir);
          log.println("imported " + f + " from " + dataDir + " into " + importDir);
        }
      }
      out.add(new TaskFiles(f, dir.resolve(CornnTask.trainArffName(f)),
          dir.resolve(CornnTask.testArffName(f))));
    }
    return out;
  }

  private static boolean hasArff(Path dir, CornnFunction f) {
    return Files.isRegularFile(dir.resolve(CornnTask.trainArffName(f)))
        && Files.isRegularFile(dir.resolve(CornnTask.testArffName(f)));
  }
}
