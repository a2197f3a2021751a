package swatnn.cli;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import swatnn.bench.CornnBenchmark;
import weka.classifiers.AbstractClassifier;
import weka.classifiers.Classifier;
import weka.classifiers.functions.LinearRegression;
import weka.classifiers.functions.MultilayerPerceptron;
import weka.classifiers.functions.SWATNNRegressor;
import weka.core.Instance;
import weka.core.Instances;
import weka.core.converters.ConverterUtils.DataSource;

/**
 * {@code swatnn bench search}: the wall time of SWATNNRegressor's search on CORNN tasks beside
 * MultilayerPerceptron -H 7,7 and LinearRegression on the same split, and prediction throughput.
 */
public final class BenchSearchCommand implements Subcommand {

  @Override
  public String name() {
    return "bench search";
  }

  @Override
  public String summary() {
    return "time SWATNNRegressor's search and predictions on CORNN tasks, beside Weka's MLP";
  }

  @Override
  public String usage() {
    return """
        usage: swatnn bench search [--data DIR] [--tasks Booth,Sphere] [--no-baselines]
                                   [-- SWATNNRegressor options]

        For each task (DIR/<Task>_train.arff and _test.arff, default DIR data/cornn), builds
        SWATNNRegressor with the given options (default: its defaults) and reports the search's
        wall time, search steps per restart group (early stopping ends groups early), ms per
        step, test MSE and non-zero count; then the same for MultilayerPerceptron -H 7,7 and
        LinearRegression (unless --no-baselines); then SWATNNRegressor's prediction throughput
        through classifyInstance (rows per second, median of 5 passes over the test set
        repeated to about 0.2 s each).
        """;
  }

  @Override
  public int run(List<String> args, PrintStream out) throws Exception {
    int dash = args.indexOf("--");
    List<String> own = dash < 0 ? args : args.subList(0, dash);
    String[] swatOptions = dash < 0 ? new String[0] : args.subList(dash + 1, args.size()).toArray(new String[0]);
    Options o = Options.parse(own, java.util.Set.of("data", "tasks"), java.util.Set.of("no-baselines"));
    Path dir = Paths.get(o.get("data", "data/cornn"));
    String[] tasks = o.get("tasks", "Booth").split(",");
    for (String task : tasks) {
      Path train = dir.resolve(task.trim() + "_train.arff");
      Path test = dir.resolve(task.trim() + "_test.arff");
      if (!Files.isRegularFile(train) || !Files.isRegularFile(test)) {
        throw new UsageException("no " + train + " / " + test + " (bin/swatnn cornn import writes them)");
      }
      Instances tr = DataSource.read(train.toString());
      Instances te = DataSource.read(test.toString());
      tr.setClassIndex(tr.numAttributes() - 1);
      te.setClassIndex(te.numAttributes() - 1);
      SWATNNRegressor swat = new SWATNNRegressor();
      swat.setOptions(swatOptions.clone());
      long t0 = System.nanoTime();
      swat.buildClassifier(tr);
      double secs = (System.nanoTime() - t0) / 1e9;
      double steps = swat.getMeasure("measureSearchSteps");
      out.printf(Locale.ROOT, "%s SWATNN (%s): %.1f s total, %.0f search steps per restart "
          + "group, %.1f ms per step, test MSE %.6g, non-zero %d, hidden layers %d%n",
          task, String.join(" ", swat.getOptions()), secs, steps,
          1000 * swat.getMeasure("measureSearchSeconds") / steps,
          CornnBenchmark.mse(te, swat::classifyInstance),
          (int) swat.getMeasure("measureNonZeroCount"), (int) swat.getMeasure("measureHiddenLayers"));
      if (!o.has("no-baselines")) {
        MultilayerPerceptron mlp = new MultilayerPerceptron();
        mlp.setHiddenLayers("7,7");
        report(out, task, "MLP -H 7,7", mlp, tr, te);
        report(out, task, "LinearRegression", new LinearRegression(), tr, te);
      }
      out.printf(Locale.ROOT, "%s SWATNN predictions: %.2f million rows/s through classifyInstance%n",
          task, rowsPerSecond(swat, te) / 1e6);
    }
    return 0;
  }

  private static void report(PrintStream out, String task, String name, Classifier c, Instances tr,
      Instances te) throws Exception {
    Classifier copy = AbstractClassifier.makeCopy(c);
    long t0 = System.nanoTime();
    copy.buildClassifier(tr);
    double secs = (System.nanoTime() - t0) / 1e9;
    out.printf(Locale.ROOT, "%s %s: %.1f s, test MSE %.6g%n", task, name, secs, CornnBenchmark.mse(te, copy::classifyInstance));
  }

  private static double rowsPerSecond(Classifier c, Instances te) throws Exception {
    List<Double> rates = new ArrayList<>();
    double sink = 0;
    for (int pass = 0; pass < 6; pass++) {
      long n = 0;
      long t0 = System.nanoTime();
      while (System.nanoTime() - t0 < 200_000_000L) {
        for (Instance i : te) {
          sink += c.classifyInstance(i);
        }
        n += te.numInstances();
      }
      if (pass > 0) { // the first pass warms up
        rates.add(n / ((System.nanoTime() - t0) / 1e9));
      }
    }
    if (Double.isNaN(sink)) {
      throw new IllegalStateException("non-finite predictions");
    }
    double[] r = rates.stream().mapToDouble(Double::doubleValue).toArray();
    Arrays.sort(r);
    return r[r.length / 2];
  }
}
