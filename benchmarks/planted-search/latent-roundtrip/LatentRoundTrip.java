import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import swatnn.autoencoder.AutoencoderModel;
import swatnn.bench.PlantedSuite;
import swatnn.mlp.LeastSquaresRefiner;
import swatnn.mlp.MlpMatrixCodec;
import swatnn.mlp.SparseMlp;
import swatnn.search.ModelLocator;

/**
 * The planted generators through the bundled autoencoder and back: each generator, its output
 * layer rescaled so that its training targets span [-1, 1] (what the search fits), is encoded,
 * decoded by the decoder of its own depth and extracted at threshold 0 (the search's starting
 * threshold). Prints per generator: active neurons and non-zeros of the generator and of the
 * decoded network, the decoded network's relative error on the test inputs (MSE over
 * max(variance, 1) of the rescaled target, as the autoencoder's held-out error), and that
 * error after a Levenberg-Marquardt refit of the decoded structure on the training rows.
 *
 * <p>Run from the repository root after mvn package:
 * java -cp "$(cat target/classpath.txt):target/classes" \
 *   benchmarks/planted-search/latent-roundtrip/LatentRoundTrip.java SEEDS SETS [MODEL]
 * e.g. 1,2,3,4,5 24 (sets 0..SETS-1 of each generator seed); MODEL is what -model takes (a
 * bundled name or a file; default auto: the bundled model for the set's inputs).
 */
public final class LatentRoundTrip {
  public static void main(String[] args) throws Exception {
    String[] seeds = args[0].split(",");
    int sets = Integer.parseInt(args[1]);
    String modelName = args.length > 2 ? args[2] : "auto";
    System.out.println("set,inputs,layers,gen_neurons,gen_nonzero,dec_neurons,dec_nonzero,"
        + "dec_rel_error,refit_rel_error,dec_neurons_per_layer");
    for (String s : seeds) {
      PlantedSuite suite = new PlantedSuite(Long.parseLong(s), 1000, 1000);
      for (int i = 0; i < sets; i++) {
        PlantedSuite.PlantedSet set = suite.set(i);
        SparseMlp gen = set.network();
        int nIn = gen.nIn();
        int k = gen.hiddenLayers();
        double[] ty = gen.predict(set.trainX());
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (double v : ty) {
          lo = Math.min(lo, v);
          hi = Math.max(hi, v);
        }
        double scale = 2 / (hi - lo);
        double shift = -(lo + hi) / 2 * scale;
        SparseMlp.Builder b = gen.toBuilder();
        for (int j = 0; j < gen.layout().maxNeurons(); j++) {
          b.outputWeight(j, gen.weight(k, j, 0) * scale);
        }
        b.outputBias(gen.outputBias() * scale + shift);
        SparseMlp target = b.build();
        AutoencoderModel model = AutoencoderModel.shared(ModelLocator.resolve(modelName, nIn));
        MlpMatrixCodec codec = new MlpMatrixCodec(model.config().layout());
        float[][][] z = model.encode(List.of(target));
        double[][][] decoded = model.decode(z[0]);
        SparseMlp dec = codec.extract(decoded[k - 1], nIn, k, 0.0);
        double[] yTrain = target.predict(set.trainX());
        double[] yTest = target.predict(set.testX());
        double rel = relError(dec, set.testX(), yTest);
        SparseMlp refit = new LeastSquaresRefiner(LeastSquaresRefiner.DEFAULT_ITERATIONS,
            LeastSquaresRefiner.DEFAULT_TOLERANCE).refine(dec, set.trainX(), yTrain, null);
        double relRefit = relError(refit, set.testX(), yTest);
        List<String> per = new ArrayList<>();
        for (int l = 0; l < k; l++) {
          per.add(dec.activeNeurons(l) + "/" + gen.activeNeurons(l));
        }
        System.out.println(String.format(Locale.ROOT, "%s,%d,%d,%d,%d,%d,%d,%.4g,%.4g,%s",
            set.id(), nIn, k, gen.activeNeuronCount(), gen.nonZeroCount(),
            dec.activeNeuronCount(), dec.nonZeroCount(), rel, relRefit, String.join(" ", per)));
      }
    }
  }

  private static double relError(SparseMlp net, double[][] x, double[] y) {
    double mean = 0;
    for (double v : y) {
      mean += v / y.length;
    }
    double var = 0;
    for (double v : y) {
      var += (v - mean) * (v - mean) / y.length;
    }
    return net.meanSquaredError(x, y) / Math.max(var, 1);
  }
}
