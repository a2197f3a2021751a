package swatnn.bench;

import java.util.List;
import java.util.Locale;

/**
 * One line of the real-data benchmark's {@code results.csv}: a method's cross-validated result
 * on a data set, pooled over the folds as Weka's {@code Evaluation} pools them.
 *
 * @param dataset the data set's name (its ARFF file name without {@code .arff})
 * @param method the method's label, e.g. {@code "SWATNN"}
 * @param rows the data set's instances
 * @param inputs its input attributes (all but the class)
 * @param folds the cross-validation's folds
 * @param seed the seed of the fold assignment
 * @param correlation correlation coefficient of predictions and actual values
 * @param rmse root mean squared error, in the class's units
 * @param mae mean absolute error, in the class's units
 * @param raePercent relative absolute error in percent (against predicting each fold's
 *     training mean)
 * @param nonZero mean over the folds of the trained network's non-zero count, null for a method
 *     without a network
 * @param seconds wall time of the whole cross-validation (training and testing every fold)
 */
public record RealRow(String dataset, String method, int rows, int inputs, int folds, long seed,
    double correlation, double rmse, double mae, double raePercent, Double nonZero,
    double seconds) {

  /** The header line of the real-data results.csv. */
  public static final String HEADER = "dataset,method,rows,inputs,folds,seed,correlation,rmse,"
      + "mae,rae_percent,nonzero,seconds";

  /** The rows' CSV form; every row is a block of its own. */
  public static final CsvRowFormat<RealRow> FORMAT = new CsvRowFormat<>() {
    @Override
    public String header() {
      return HEADER;
    }

    @Override
    public String toCsv(RealRow row) {
      return row.toCsv();
    }

    @Override
    public RealRow parse(String line) {
      return RealRow.parse(line);
    }

    @Override
    public boolean isFinal(RealRow row) {
      return true;
    }

    @Override
    public String blockKey(RealRow row) {
      return key(row.dataset(), row.method());
    }
  };

  /** The block key of a (data set, method). */
  static String key(String dataset, String method) {
    return dataset + '\u0000' + method;
  }

  /** The row as a CSV line, without the line break. */
  public String toCsv() {
    return String.join(",", ResultRow.quote(dataset), ResultRow.quote(method),
        Integer.toString(rows), Integer.toString(inputs), Integer.toString(folds),
        Long.toString(seed), Double.toString(correlation), Double.toString(rmse),
        Double.toString(mae), Double.toString(raePercent),
        nonZero == null ? "" : Double.toString(nonZero),
        String.format(Locale.ROOT, "%.3f", seconds));
  }

  /**
   * Parses a CSV line written by {@link #toCsv}.
   *
   * @throws IllegalArgumentException saying what is wrong with the line
   */
  public static RealRow parse(String line) {
    List<String> f = ResultRow.split(line);
    if (f.size() != 12) {
      throw new IllegalArgumentException("expected 12 fields, got " + f.size());
    }
    try {
      return new RealRow(f.get(0), f.get(1), Integer.parseInt(f.get(2)),
          Integer.parseInt(f.get(3)), Integer.parseInt(f.get(4)), Long.parseLong(f.get(5)),
          Double.parseDouble(f.get(6)), Double.parseDouble(f.get(7)),
          Double.parseDouble(f.get(8)), Double.parseDouble(f.get(9)),
          f.get(10).isEmpty() ? null : Double.valueOf(f.get(10)),
          Double.parseDouble(f.get(11)));
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("bad number: " + e.getMessage());
    }
  }
}
