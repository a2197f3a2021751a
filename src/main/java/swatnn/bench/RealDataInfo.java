package swatnn.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import swatnn.io.AtomicFile;

/**
 * What the real-data report says about each data set beyond its rows and inputs (which every
 * line of results.csv carries): how many inputs are nominal and how many input values are
 * missing. The benchmark keeps it in {@code <out>/datasets.csv}, apart from results.csv so that
 * the results file's format stays the same:
 *
 * <pre>dataset,rows,inputs,nominal_inputs,missing_values</pre>
 *
 * @param dataset the data set's name
 * @param rows its instances
 * @param inputs its input attributes
 * @param nominalInputs the nominal ones among them
 * @param missingValues the missing input values over all rows
 */
public record RealDataInfo(String dataset, int rows, int inputs, int nominalInputs,
    int missingValues) {

  /** The file's name in the output folder. */
  public static final String FILE = "datasets.csv";
  /** Its header line. */
  public static final String HEADER = "dataset,rows,inputs,nominal_inputs,missing_values";

  /** The description of a loaded data set. */
  public static RealDataInfo of(RealDataSets.DataSet ds) {
    return new RealDataInfo(ds.name(), ds.data().numInstances(), ds.inputs(),
        ds.nominalInputs(), ds.missingInputValues());
  }

  /**
   * The inputs as the report shows them: {@code "13"}, {@code "21 (6 nominal, missing)"}.
   */
  public String describeInputs() {
    String kinds = kinds();
    return inputs + (kinds.isEmpty() ? "" : " (" + kinds + ")");
  }

  /** {@code "6 nominal, missing"}, {@code "missing"} or empty. */
  public String kinds() {
    StringBuilder sb = new StringBuilder();
    if (nominalInputs > 0) {
      sb.append(nominalInputs).append(" nominal");
    }
    if (missingValues > 0) {
      sb.append(sb.length() > 0 ? ", " : "").append("missing");
    }
    return sb.toString();
  }

  /**
   * The descriptions in {@code file} by data set name; empty if the file is absent. A line that
   * does not parse is ignored (the file only adds detail to the report).
   */
  public static Map<String, RealDataInfo> read(Path file) throws IOException {
    Map<String, RealDataInfo> out = new TreeMap<>();
    if (!Files.exists(file)) {
      return out;
    }
    List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
    if (lines.isEmpty() || !lines.get(0).equals(HEADER)) {
      return out;
    }
    for (String line : lines.subList(1, lines.size())) {
      List<String> f = ResultRow.split(line);
      if (f.size() != 5) {
        continue;
      }
      try {
        out.put(f.get(0), new RealDataInfo(f.get(0), Integer.parseInt(f.get(1)),
            Integer.parseInt(f.get(2)), Integer.parseInt(f.get(3)), Integer.parseInt(f.get(4))));
      } catch (NumberFormatException e) {
        // left out
      }
    }
    return out;
  }

  /**
   * Adds or replaces the descriptions of {@code sets} in {@code file}, keeping those of other
   * data sets, and rewrites it atomically. Processes sharing an output folder load the same data
   * sets, so a write that overtakes another loses nothing.
   */
  public static void update(Path file, List<RealDataSets.DataSet> sets) throws IOException {
    Map<String, RealDataInfo> all = read(file);
    for (RealDataSets.DataSet ds : sets) {
      all.put(ds.name(), of(ds));
    }
    StringBuilder sb = new StringBuilder(HEADER).append('\n');
    for (RealDataInfo d : all.values()) {
      sb.append(String.format(Locale.ROOT, "%s,%d,%d,%d,%d\n", ResultRow.quote(d.dataset()),
          d.rows(), d.inputs(), d.nominalInputs(), d.missingValues()));
    }
    String text = sb.toString();
    if (Files.exists(file) && Files.readString(file, StandardCharsets.UTF_8).equals(text)) {
      return;
    }
    AtomicFile.writeString(file, text); // processes sharing the folder start at the same time
  }
}
