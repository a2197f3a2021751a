package swatnn.mlp;

import java.util.Random;

/**
 * Prints warm prediction speeds (not a test: run by hand with
 * {@code java -cp ... swatnn.mlp.PredictSpeed}): the network alone, the random sampler, and
 * Weka's {@code SWATNNRegressor.classifyInstance} one row at a time (the data preparation's
 * filters included; the goal there is 1e6 rows/s).
 */
public final class PredictSpeed {

  private PredictSpeed() {}

  public static void main(String[] args) throws Exception {
    Random random = new Random(1);
    RandomMlpSampler sampler = new RandomMlpSampler(MlpLayout.DEFAULT, 2, 2);
    SparseMlp sampled = sampler.draw(random, 4).mlp();
    SparseMlp.Builder dense = SparseMlp.builder(MlpLayout.DEFAULT, 2, 4);
    for (int l = 0; l < 4; l++) {
      for (int j = 0; j < 7; j++) {
        dense.neuron(l, j, Activation.ofIndex((l + j) % 3), 0.1 * j - 0.3);
        for (int i = 0; i < (l == 0 ? 2 : 7); i++) {
          dense.weight(l, i, j, 0.4 * Math.sin(1 + i + 7 * j + 49 * l));
        }
      }
      dense.outputWeight(l + 2, 0.5);
    }
    report("sampled k=4 MLP", sampled, random);
    report("dense k=4 MLP (2 inputs, 7 active per layer)", dense.build(), random);
    reportSampler(random);
    reportClassifier();
  }

  /**
   * classifyInstance on 20000 rows of y = x1^2 + 0.5 x2, by a SWATNNRegressor built with a short
   * search (the bundled autoencoder) on 300 such rows; the best of 5 rounds.
   */
  private static void reportClassifier() throws Exception {
    java.util.ArrayList<weka.core.Attribute> atts = new java.util.ArrayList<>();
    for (String name : new String[] {"x1", "x2", "y"}) {
      atts.add(new weka.core.Attribute(name));
    }
    weka.core.Instances train = new weka.core.Instances("quadratic", atts, 300);
    weka.core.Instances many = new weka.core.Instances("quadratic", atts, 20_000);
    train.setClassIndex(2);
    many.setClassIndex(2);
    Random r = new Random(7);
    for (weka.core.Instances d : new weka.core.Instances[] {train, many}) {
      while (d.numInstances() < (d == train ? 300 : 20_000)) {
        double a = -2 + 4 * r.nextDouble();
        double b = 10 * r.nextDouble();
        d.add(new weka.core.DenseInstance(1, new double[] {a, b, a * a + 0.5 * b}));
      }
    }
    weka.classifiers.functions.SWATNNRegressor c = new weka.classifiers.functions.SWATNNRegressor();
    c.setOptions(new String[] {"-steps", "60", "-anneal", "20", "-restarts", "2", "-layers", "1,2",
        "-S", "1"});
    c.buildClassifier(train);
    double sink = 0;
    long best = Long.MAX_VALUE;
    for (int round = 0; round < 5; round++) {
      long t0 = System.nanoTime();
      for (weka.core.Instance i : many) {
        sink += c.classifyInstance(i);
      }
      best = Math.min(best, System.nanoTime() - t0);
    }
    System.out.printf("SWATNNRegressor.classifyInstance, one row at a time: %.2f M rows/s%n",
        many.numInstances() / (best / 1e9) / 1e6);
    if (sink == 42) {
      System.out.println();
    }
  }

  private static void reportSampler(Random random) {
    RandomMlpSampler sampler = new RandomMlpSampler(MlpLayout.DEFAULT, 2, 2);
    MlpMatrixCodec codec = new MlpMatrixCodec(MlpLayout.DEFAULT);
    float[] tokens = new float[codec.tokensLength()];
    double sink = 0;
    double bestDraw = 0;
    double bestBoth = 0;
    for (int trial = 0; trial < 5; trial++) {
      int n = 200_000;
      long t0 = System.nanoTime();
      for (int i = 0; i < n; i++) {
        sink += sampler.draw(random).mlp().outputBias();
      }
      long t1 = System.nanoTime();
      for (int i = 0; i < n; i++) {
        codec.encodeTokensInto(sampler.draw(random).mlp(), tokens, 0);
        sink += tokens[0];
      }
      long t2 = System.nanoTime();
      bestDraw = Math.max(bestDraw, n / ((t1 - t0) * 1e-9));
      bestBoth = Math.max(bestBoth, n / ((t2 - t1) * 1e-9));
    }
    System.out.printf("sampler: %.2f M draws/s; draw + encodeTokensInto: %.2f M/s%n",
        bestDraw / 1e6, bestBoth / 1e6);
    if (sink == 42) {
      System.out.println();
    }
  }

  private static void report(String name, SparseMlp m, Random random) {
    double[][] rows = new double[1250][m.nIn()];
    for (double[] row : rows) {
      for (int i = 0; i < row.length; i++) {
        row[i] = 2 * random.nextDouble() - 1;
      }
    }
    double[] out = new double[rows.length];
    double sink = 0;
    for (int warm = 0; warm < 20_000; warm++) {
      m.predict(rows, out);
      sink += out[warm % out.length];
    }
    int reps = 4000;
    double best = Double.MAX_VALUE;
    for (int trial = 0; trial < 5; trial++) {
      long t0 = System.nanoTime();
      for (int r = 0; r < reps; r++) {
        m.predict(rows, out);
        sink += out[r % out.length];
      }
      best = Math.min(best, (System.nanoTime() - t0) / (double) reps);
    }
    double bestSingle = 0;
    for (int trial = 0; trial < 5; trial++) {
      long n = 0;
      long t0 = System.nanoTime();
      for (int r = 0; r < 2000; r++) {
        for (double[] row : rows) {
          sink += m.predict(row);
          n++;
        }
      }
      bestSingle = Math.max(bestSingle, n / ((System.nanoTime() - t0) * 1e-9));
    }
    CompiledMlp c = m.compiledForm();
    System.out.printf("%s: %s%n  evaluated neurons %d, multiply-adds %d%n"
        + "  batch of 1250 rows: %.1f us (%.0f ns/row); single-row predict: %.2f M rows/s%n",
        name, m.toString().split("\n")[0], c.evaluatedNeurons(), c.evaluatedWeights(),
        best / 1000, best / rows.length, bestSingle / 1e6);
    if (sink == 42) {
      System.out.println();
    }
  }
}
