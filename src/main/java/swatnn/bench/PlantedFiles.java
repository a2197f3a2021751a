package swatnn.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import swatnn.io.AtomicFile;
import weka.core.Instances;
import weka.core.converters.ConverterUtils.DataSource;

/**
 * The planted suite on disk, in a benchmark folder:
 *
 * <ul>
 *   <li>{@code arff/<id>_train.arff} and {@code arff/<id>_test.arff}: inputs {@code x1..xn} and
 *       the numeric class {@code y}, every value written exactly ({@link Double#toString});
 *       regenerated from the generator seed, so not kept in version control;
 *   <li>{@code generators.csv}: one line per set (id, generator seed, index, inputs, layers,
 *       active neurons per layer, non-zeros, noise SD, target SD, rows, draws);
 *   <li>{@code generators.txt}: each generator network as formulas ({@link
 *       swatnn.mlp.SparseMlp#toString()}, 6 significant digits).
 * </ul>
 *
 * Every file is written atomically (a temporary file renamed over it).
 */
public final class PlantedFiles {
  /** The folder of the ARFF files, under the benchmark folder. */
  public static final String ARFF_DIR = "arff";
  /** The table of generators. */
  public static final String GENERATORS_CSV = "generators.csv";
  /** The generator networks as text. */
  public static final String GENERATORS_TXT = "generators.txt";
  /** The header of generators.csv. */
  public static final String HEADER = "id,generator_seed,index,inputs,layers,neurons,nonzero,"
      + "noise_sd,target_sd,train_rows,test_rows,draws";

  private PlantedFiles() {}

  /** The training file of {@code set} under {@code outDir}. */
  public static Path trainFile(Path outDir, String set) {
    return outDir.resolve(ARFF_DIR).resolve(set + "_train.arff");
  }

  /** The test file of {@code set} under {@code outDir}. */
  public static Path testFile(Path outDir, String set) {
    return outDir.resolve(ARFF_DIR).resolve(set + "_test.arff");
  }

  /**
   * Writes the sets' ARFF files (each only if absent: they are deterministic) and rewrites
   * generators.csv and generators.txt.
   *
   * @throws IOException if a file cannot be written
   */
  public static void write(Path outDir, List<PlantedSuite.PlantedSet> sets) throws IOException {
    Files.createDirectories(outDir.resolve(ARFF_DIR));
    StringBuilder csv = new StringBuilder(HEADER).append('\n');
    StringBuilder txt = new StringBuilder();
    txt.append("# Generator networks of the planted suite (inputs x0.. are the ARFF's x1..;"
        + " hN.j is neuron slot j of hidden layer N).\n");
    for (PlantedSuite.PlantedSet s : sets) {
      Path train = trainFile(outDir, s.id());
      if (!Files.exists(train)) {
        AtomicFile.writeString(train, arff(s.id() + "_train", s.trainX(),
            s.trainY()));
      }
      Path test = testFile(outDir, s.id());
      if (!Files.exists(test)) {
        AtomicFile.writeString(test, arff(s.id() + "_test", s.testX(), s.testY()));
      }
      csv.append(String.join(",", s.id(), Long.toString(s.generatorSeed()),
          Integer.toString(s.index()), Integer.toString(s.inputs()),
          Integer.toString(s.layers()), s.neurons(), Integer.toString(s.nonZero()),
          fmt(s.noiseSd()), fmt(s.targetSd()), Integer.toString(s.trainY().length),
          Integer.toString(s.testY().length), Integer.toString(s.draws()))).append('\n');
      txt.append("\n## ").append(s.id()).append(String.format(Locale.ROOT,
          ": %d inputs, non-zeros %d, target SD %s, noise SD %s%n", s.inputs(), s.nonZero(),
          fmt(s.targetSd()), fmt(s.noiseSd()))).append(s.network()).append('\n');
    }
    AtomicFile.writeString(outDir.resolve(GENERATORS_CSV), csv.toString());
    AtomicFile.writeString(outDir.resolve(GENERATORS_TXT), txt.toString());
  }

  private static String fmt(double v) {
    return String.format(Locale.ROOT, "%.6g", v);
  }

  /** An ARFF text of inputs x1..xn and class y. */
  static String arff(String relation, double[][] x, double[] y) {
    int n = x[0].length;
    StringBuilder sb = new StringBuilder("@relation ").append(relation).append("\n\n");
    for (int i = 1; i <= n; i++) {
      sb.append("@attribute x").append(i).append(" numeric\n");
    }
    sb.append("@attribute y numeric\n\n@data\n");
    for (int r = 0; r < y.length; r++) {
      for (int i = 0; i < n; i++) {
        sb.append(x[r][i]).append(',');
      }
      sb.append(y[r]).append('\n');
    }
    return sb.toString();
  }

  /**
   * Loads an ARFF file with its last attribute as the class.
   *
   * @throws IOException naming the file if it cannot be read
   */
  public static Instances load(Path file) throws IOException {
    try {
      Instances data = DataSource.read(file.toString());
      data.setClassIndex(data.numAttributes() - 1);
      return data;
    } catch (Exception e) {
      throw new IOException(file + ": " + (e.getMessage() == null ? e.getClass().getName()
          : e.getMessage()), e);
    }
  }
}
