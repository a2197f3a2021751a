package swatnn.bench;

import java.util.List;
import java.util.Locale;

/**
 * One line of the planted-network benchmark's {@code results.csv}: one method's model, built
 * with one seed on a planted set's training file and scored on its noiseless test file.
 *
 * @param set the set's id, e.g. {@code g1-07}
 * @param method the method's label, e.g. {@code "SWATNN"}
 * @param seed the classifier's {@code -S} seed
 * @param inputs the set's inputs
 * @param layers the generator's hidden layers
 * @param generatorNonZero the generator's non-zero count
 * @param nonZero the model's non-zero count: the selected network's for a search, every weight
 *     and bias for MultilayerPerceptron
 * @param rmse test RMSE against the noiseless target, in the target's units
 * @param targetSd SD of the noiseless test target
 * @param noiseSd SD of the training target's noise (0: noiseless)
 * @param recovered whether {@link RecoveryRule} holds
 * @param seconds wall time of building and testing
 */
public record PlantedRow(String set, String method, long seed, int inputs, int layers,
    int generatorNonZero, int nonZero, double rmse, double targetSd, double noiseSd,
    boolean recovered, double seconds) {

  /** The header line of results.csv. */
  public static final String HEADER = "set,method,seed,inputs,layers,generator_nonzero,nonzero,"
      + "rmse,target_sd,noise_sd,recovered,seconds";

  /** The rows' CSV form; every row is a block of its own. */
  public static final CsvRowFormat<PlantedRow> FORMAT = new CsvRowFormat<>() {
    @Override
    public String header() {
      return HEADER;
    }

    @Override
    public String toCsv(PlantedRow row) {
      return row.toCsv();
    }

    @Override
    public PlantedRow parse(String line) {
      return PlantedRow.parse(line);
    }

    @Override
    public boolean isFinal(PlantedRow row) {
      return true;
    }

    @Override
    public String blockKey(PlantedRow row) {
      return key(row.set(), row.method(), row.seed());
    }
  };

  /** The block key of a (set, method, seed). */
  static String key(String set, String method, long seed) {
    return set + '\u0000' + method + '\u0000' + seed;
  }

  /** The model's non-zeros over the generator's. */
  public double nonZeroRatio() {
    return (double) nonZero / generatorNonZero;
  }

  /** The test RMSE over the target's SD. */
  public double relativeRmse() {
    return rmse / targetSd;
  }

  /** The row as a CSV line, without the line break. */
  public String toCsv() {
    return String.join(",", ResultRow.quote(set), ResultRow.quote(method), Long.toString(seed),
        Integer.toString(inputs), Integer.toString(layers), Integer.toString(generatorNonZero),
        Integer.toString(nonZero), Double.toString(rmse), Double.toString(targetSd),
        Double.toString(noiseSd), Boolean.toString(recovered),
        String.format(Locale.ROOT, "%.3f", seconds));
  }

  /**
   * Parses a line written by {@link #toCsv}.
   *
   * @throws IllegalArgumentException saying what is wrong with the line
   */
  public static PlantedRow parse(String line) {
    List<String> f = ResultRow.split(line);
    if (f.size() != 12) {
      throw new IllegalArgumentException("expected 12 fields, got " + f.size());
    }
    if (!f.get(10).equals("true") && !f.get(10).equals("false")) {
      throw new IllegalArgumentException("recovered must be true or false, got '" + f.get(10)
          + "'");
    }
    try {
      return new PlantedRow(f.get(0), f.get(1), Long.parseLong(f.get(2)),
          Integer.parseInt(f.get(3)), Integer.parseInt(f.get(4)), Integer.parseInt(f.get(5)),
          Integer.parseInt(f.get(6)), Double.parseDouble(f.get(7)),
          Double.parseDouble(f.get(8)), Double.parseDouble(f.get(9)),
          Boolean.parseBoolean(f.get(10)), Double.parseDouble(f.get(11)));
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("bad number: " + e.getMessage());
    }
  }
}
