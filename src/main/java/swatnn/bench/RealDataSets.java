package swatnn.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import weka.core.Instances;
import weka.core.converters.ConverterUtils.DataSource;

/**
 * The data sets of the real-data benchmark: every {@code *.arff} file of a folder, named by its
 * file name without the extension, the class being the last attribute and numeric.
 */
public final class RealDataSets {

  /** One data set: its name and its instances (class set to the last attribute). */
  public record DataSet(String name, Path file, Instances data) {

    /** The input attributes: all but the class. */
    public int inputs() {
      return data.numAttributes() - 1;
    }

    /** The nominal input attributes. */
    public int nominalInputs() {
      int n = 0;
      for (int a = 0; a < data.numAttributes(); a++) {
        if (a != data.classIndex() && data.attribute(a).isNominal()) {
          n++;
        }
      }
      return n;
    }

    /** The missing values of the input attributes, over all rows. */
    public int missingInputValues() {
      int n = 0;
      for (int a = 0; a < data.numAttributes(); a++) {
        if (a != data.classIndex()) {
          n += data.attributeStats(a).missingCount;
        }
      }
      return n;
    }
  }

  private RealDataSets() {}

  /**
   * Loads every ARFF file of {@code dir}, sorted by name. All are read and checked before any
   * run starts, so a bad file fails at once rather than hours into a run.
   *
   * @throws IOException if {@code dir} holds no ARFF file, or naming the first file that does
   *     not load or whose last attribute is not numeric
   */
  public static List<DataSet> load(Path dir) throws IOException {
    List<Path> files;
    try (Stream<Path> s = Files.list(dir)) {
      files = s.filter(p -> p.getFileName().toString().endsWith(".arff")
          && Files.isRegularFile(p)).sorted(Comparator.comparing(p -> p.getFileName()
              .toString().toLowerCase(java.util.Locale.ROOT))).toList();
    }
    if (files.isEmpty()) {
      throw new IOException("no .arff file in " + dir + " (scripts/real-data.sh writes them)");
    }
    List<DataSet> out = new ArrayList<>();
    for (Path f : files) {
      out.add(load(f, nameOf(f)));
    }
    return out;
  }

  /** The data set's name: the file name without {@code .arff}. */
  static String nameOf(Path file) {
    String n = file.getFileName().toString();
    return n.substring(0, n.length() - ".arff".length());
  }

  private static DataSet load(Path file, String name) throws IOException {
    Instances data;
    try {
      data = DataSource.read(file.toString());
    } catch (Exception e) {
      throw new IOException(file + ": not a readable ARFF file: " + (e.getMessage() == null
          ? e.getClass().getName() : e.getMessage()));
    }
    if (data.numAttributes() < 2) {
      throw new IOException(file + ": needs at least one input and a class attribute");
    }
    data.setClassIndex(data.numAttributes() - 1);
    if (!data.classAttribute().isNumeric()) {
      throw new IOException(file + ": the class (last attribute, '" + data.classAttribute().name()
          + "') is not numeric");
    }
    return new DataSet(name, file, data);
  }
}
