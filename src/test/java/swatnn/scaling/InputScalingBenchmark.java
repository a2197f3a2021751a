package swatnn.scaling;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;
import swatnn.autoencoder.AutoencoderModel;
import swatnn.mlp.SparseMlp;
import swatnn.search.LatentSearch;
import swatnn.search.MinMaxScaler;
import swatnn.search.ModelLocator;
import swatnn.selection.SearchListener;
import swatnn.selection.SearchResult;
import swatnn.search.SearchSettings;

/**
 * Compares the input scalings by the test error of the searched network on generated data
 * (benchmarks/input-scaling/README.md). Each (seed, set, method) search appends one CSV line to
 * the output file as it finishes; lines already there are not run again.
 *
 * <p>Arguments: {@code --out FILE --seeds 1,2 --sets a,b,c,d,e --methods
 * MIN_MAX,QUANTILE,LOG,ROBUST --rows 300 --train 200 --steps 400 --anneal 150}.
 */
public final class InputScalingBenchmark {
  private InputScalingBenchmark() {}

  static final String HEADER = "seed,set,method,n_in,model,train_rows,test_rows,steps,anneal,"
      + "test_rmse,test_corr,mean_rmse,noise_sd,hidden_layers,nonzero,beats_mean,seconds,scaling";

  public static void main(String[] args) throws Exception {
    String out = "benchmarks/input-scaling/results.csv";
    String seeds = "1,2";
    String sets = "a,b,c,d,e";
    String methods = "MIN_MAX,QUANTILE,LOG,ROBUST";
    int rows = 300;
    int train = 200;
    int steps = 400;
    int anneal = 150;
    for (int i = 0; i < args.length; i += 2) {
      String v = args[i + 1];
      switch (args[i]) {
        case "--out" -> out = v;
        case "--seeds" -> seeds = v;
        case "--sets" -> sets = v;
        case "--methods" -> methods = v;
        case "--rows" -> rows = Integer.parseInt(v);
        case "--train" -> train = Integer.parseInt(v);
        case "--steps" -> steps = Integer.parseInt(v);
        case "--anneal" -> anneal = Integer.parseInt(v);
        default -> throw new IllegalArgumentException("unknown argument " + args[i]);
      }
    }
    Path file = Paths.get(out);
    Set<String> done = new HashSet<>();
    if (Files.exists(file)) {
      for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
        String[] p = line.split(",", 4);
        if (p.length >= 3 && !line.startsWith("seed,")) {
          done.add(p[0] + "," + p[1] + "," + p[2]);
        }
      }
    } else {
      Files.createDirectories(file.toAbsolutePath().getParent());
      Files.writeString(file, HEADER + "\n", StandardCharsets.UTF_8);
    }
    for (String s : seeds.split(",")) {
      long seed = Long.parseLong(s.trim());
      for (String setName : sets.split(",")) {
        ScalingData.Set data = ScalingData.generate(setName.trim(), rows, seed);
        for (String m : methods.split(",")) {
          ScalingMethod method = ScalingMethod.valueOf(m.trim());
          String key = seed + "," + data.name() + "," + method;
          if (done.contains(key)) {
            continue;
          }
          String line = run(data, method, seed, train, steps, anneal);
          Files.writeString(file, line + "\n", StandardCharsets.UTF_8,
              StandardOpenOption.APPEND);
          System.out.println(line);
        }
      }
    }
  }

  /** One search: the CSV line of its result. */
  static String run(ScalingData.Set data, ScalingMethod method, long seed, int train, int steps,
      int anneal) throws Exception {
    int n = data.y().length;
    int nIn = data.x()[0].length;
    double[][] xTrain = Arrays.copyOfRange(data.x(), 0, train);
    double[] yTrain = Arrays.copyOfRange(data.y(), 0, train);
    double[][] xTest = Arrays.copyOfRange(data.x(), train, n);
    double[] yTest = Arrays.copyOfRange(data.y(), train, n);
    InputScaling scaling = InputScaling.fit(method, xTrain, nIn);
    MinMaxScaler labels = MinMaxScaler.fit(yTrain);
    double[] ys = new double[train];
    for (int i = 0; i < train; i++) {
      ys[i] = labels.scale(0, yTrain[i]);
    }
    Path modelFile = ModelLocator.resolve("auto", nIn);
    SearchSettings settings = new SearchSettings().steps(steps).annealSteps(anneal).seed(seed);
    long t0 = System.nanoTime();
    SearchResult result = new LatentSearch(AutoencoderModel.load(modelFile), settings)
        .fit(scaling.scale(xTrain), ys, null, SearchListener.NONE);
    double seconds = (System.nanoTime() - t0) / 1e9;
    double[][] scaledTest = scaling.scale(xTest);
    double[] pred = new double[scaledTest.length];
    for (int i = 0; i < pred.length; i++) {
      pred[i] = result.model().predict(scaledTest[i]);
    }
    double trainMean = Arrays.stream(yTrain).average().orElse(0);
    double se = 0;
    double seMean = 0;
    for (int i = 0; i < pred.length; i++) {
      // as FittedNetwork: the scaled output clamped to [-1.1, 1.1], then unscaled
      pred[i] = labels.unscale(0, Math.max(-1.1, Math.min(1.1, pred[i])));
      se += (pred[i] - yTest[i]) * (pred[i] - yTest[i]);
      seMean += (trainMean - yTest[i]) * (trainMean - yTest[i]);
    }
    String desc = String.join(" | ", scaling.describe()).replace(',', ';');
    return String.format(Locale.ROOT, "%d,%s,%s,%d,%s,%d,%d,%d,%d,%.5f,%.4f,%.5f,%.5f,%d,%d,%s,"
        + "%.1f,%s", seed, data.name(), method, nIn, modelFile.getFileName(), train, n - train,
        steps, anneal, Math.sqrt(se / pred.length), correlation(pred, yTest),
        Math.sqrt(seMean / pred.length), data.noiseSd(), result.chosen().hiddenLayers(),
        result.model().nonZeroCount(),
        result.model() instanceof swatnn.selection.NetworkModel, seconds, desc);
  }

  static double correlation(double[] a, double[] b) {
    double ma = Arrays.stream(a).average().orElse(0);
    double mb = Arrays.stream(b).average().orElse(0);
    double sab = 0;
    double saa = 0;
    double sbb = 0;
    for (int i = 0; i < a.length; i++) {
      sab += (a[i] - ma) * (b[i] - mb);
      saa += (a[i] - ma) * (a[i] - ma);
      sbb += (b[i] - mb) * (b[i] - mb);
    }
    return saa == 0 || sbb == 0 ? 0 : sab / Math.sqrt(saa * sbb);
  }

}
