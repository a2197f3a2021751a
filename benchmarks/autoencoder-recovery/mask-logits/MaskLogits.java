import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import swatnn.autoencoder.AutoencoderModel;
import swatnn.mlp.MlpLayout;
import swatnn.mlp.RandomMlpSampler;
import swatnn.mlp.SparseMlp;
import swatnn.search.ModelLocator;

/**
 * How each decoder reads the neuron masks of its own training distribution: random networks
 * drawn as in training ({@link RandomMlpSampler}, seeded), encoded and decoded by the decoder of
 * their depth. Prints per decoder k and hidden layer l the decoded mask logits of the neurons
 * that are active and of those that are not (10th, 50th and 90th percentiles), how many neurons
 * the extraction rule (active when the logit is at least 0, docs/METHOD.md section 3) reads
 * wrongly, and the interval of thresholds that read the fewest wrongly.
 *
 * <p>Run from the repository root after mvn package:
 * java -cp "$(cat target/classpath.txt):target/classes" \
 *   benchmarks/autoencoder-recovery/mask-logits/MaskLogits.java MODEL [NETWORKS]
 * MODEL is what -model takes (swatnn-7in, swatnn-2in or a file); NETWORKS per depth, default 200.
 */
public final class MaskLogits {
  public static void main(String[] args) throws Exception {
    AutoencoderModel model = AutoencoderModel.load(ModelLocator.resolve(args[0], 2));
    int networks = args.length > 1 ? Integer.parseInt(args[1]) : 200;
    MlpLayout layout = model.config().layout();
    int h = layout.maxNeurons();
    RandomMlpSampler sampler = new RandomMlpSampler(layout, model.config().nInMin(),
        model.config().nInMax());
    Random random = new Random(1);
    System.out.println("k,layer,neurons,active,off_q10,off_q50,off_q90,active_q10,active_q50,"
        + "active_q90,misread_at_0,fewest_misread,threshold_from,threshold_to");
    for (int k = 1; k <= layout.maxHiddenLayers(); k++) {
      List<List<double[]>> perLayer = new ArrayList<>();
      for (int l = 0; l < k; l++) {
        perLayer.add(new ArrayList<>());
      }
      for (int n = 0; n < networks; n++) {
        SparseMlp net = sampler.draw(random, k).mlp();
        double[][][] decoded = model.decode(model.encode(List.of(net))[0]);
        for (int l = 0; l < k; l++) {
          for (int j = 0; j < h; j++) {
            perLayer.get(l).add(new double[] {decoded[k - 1][j][layout.maskColumn(k, l)],
                net.isActive(l, j) ? 1 : 0});
          }
        }
      }
      for (int l = 0; l < k; l++) {
        List<double[]> v = perLayer.get(l);
        v.sort(Comparator.comparingDouble(q -> q[0]));
        int n = v.size();
        List<Double> on = new ArrayList<>();
        List<Double> off = new ArrayList<>();
        int misreadAtZero = 0;
        for (double[] q : v) {
          (q[1] == 1 ? on : off).add(q[0]);
          if ((q[0] >= 0) != (q[1] == 1)) {
            misreadAtZero++;
          }
        }
        // a threshold between sorted logits i-1 and i reads the i below as off
        int fewest = Integer.MAX_VALUE;
        int at = 0;
        int activeBelow = 0;
        for (int i = 0; i <= n; i++) {
          int misread = activeBelow + (n - i) - (on.size() - activeBelow);
          if (misread < fewest) {
            fewest = misread;
            at = i;
          }
          if (i < n) {
            activeBelow += (int) v.get(i)[1];
          }
        }
        double from = at > 0 ? v.get(at - 1)[0] : Double.NEGATIVE_INFINITY;
        double to = at < n ? v.get(at)[0] : Double.POSITIVE_INFINITY;
        System.out.println(String.format(Locale.ROOT,
            "%d,%d,%d,%d,%.2f,%.2f,%.2f,%.2f,%.2f,%.2f,%d,%d,%.2f,%.2f", k, l, n, on.size(),
            q(off, 0.1), q(off, 0.5), q(off, 0.9), q(on, 0.1), q(on, 0.5), q(on, 0.9),
            misreadAtZero, fewest, from, to));
      }
    }
  }

  private static double q(List<Double> sorted, double p) {
    return sorted.isEmpty() ? Double.NaN : sorted.get((int) (p * (sorted.size() - 1)));
  }
}
