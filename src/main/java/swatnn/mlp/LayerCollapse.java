package swatnn.mlp;

import java.util.ArrayList;
import java.util.List;

/**
 * A run of consecutive hidden layers of one active neuron each, replaced by the affine map it
 * nearly is (docs/METHOD.md section 8.2): a removal that switching neurons off cannot make,
 * since a layer's last neuron carries everything that layer passes on.
 *
 * <p>Let hidden layers {@code first..last} (0-based) hold one active neuron each, and let z be
 * the pre-activation of the first one's neuron and o the output of the last one's. On the
 * given rows, o is fitted by least squares as {@code o ~ s z + t}. The run is removed and
 * every live source of layer {@code first} (an input, or an active neuron of layer {@code
 * first - 1}) with weight {@code a_i} into the run is wired to every live target of the run
 * (an active neuron of layer {@code last + 1}, or the output) with weight {@code c_j} out of
 * it, by the weight {@code s a_i c_j}; each target's bias gains {@code c_j (s b + t)}, b the
 * first neuron's bias. Where o is affine in z on the rows the function is unchanged; otherwise
 * the result is a start for a refit.
 *
 * <p>Why: the search's deeper configurations often end in a one-neuron layer (the 3- and
 * 4-layer decoders read their last layer's masks as off, and the last neuron of a layer is
 * always kept), and that neuron often works in a nearly linear range: on the planted suite a
 * one-layer generator of 25 non-zeros came back as that layer followed by a sigmoid of a
 * pre-activation within +-0.1 (27 non-zeros), and one of 14 followed by two leaky neurons in a
 * row, whose composition is linear (18). Removing the run saves its biases and one weight per
 * layer at least.
 */
final class LayerCollapse {
  private LayerCollapse() {}

  /**
   * The runs {@code {first, last}} of consecutive one-neuron hidden layers whose removal leaves
   * at least one hidden layer: the longest first, then from the input side. (Whether a
   * collapse lowers the non-zero count depends on the run's fan-in and fan-out; the caller
   * compares.)
   *
   * @param net a reduced network
   * @return the runs, possibly none
   */
  static List<int[]> runs(SparseMlp net) {
    int k = net.hiddenLayers();
    List<int[]> out = new ArrayList<>();
    for (int length = k - 1; length >= 1; length--) {
      for (int first = 0; first + length <= k; first++) {
        int last = first + length - 1;
        boolean single = true;
        for (int l = first; l <= last && single; l++) {
          single = net.activeNeurons(l) == 1;
        }
        if (single) {
          out.add(new int[] {first, last});
        }
      }
    }
    return out;
  }

  /**
   * The network with the run {@code first..last} replaced by the affine map fitted on the rows
   * (the class Javadoc), reduced.
   *
   * @param net a reduced network whose hidden layers {@code first..last} hold one active neuron
   *     each, with at least one other hidden layer
   * @param x the rows the map is fitted on, {@code net.nIn()} inputs each
   * @param w per-row weights (>= 0), or null for 1 each
   * @return a network of {@code last - first + 1} fewer hidden layers
   * @throws IllegalArgumentException if the run is not one of one-neuron layers, or removing it
   *     leaves no hidden layer
   */
  static SparseMlp collapse(SparseMlp net, int first, int last, double[][] x, double[] w) {
    int k = net.hiddenLayers();
    int removed = last - first + 1;
    if (first < 0 || last < first || last >= k || removed >= k) {
      throw new IllegalArgumentException("cannot remove hidden layers " + first + ".." + last
          + " of " + k);
    }
    int[] neuron = new int[k];
    for (int l = first; l <= last; l++) {
      if (net.activeNeurons(l) != 1) {
        throw new IllegalArgumentException("hidden layer " + l + " has "
            + net.activeNeurons(l) + " active neurons, not 1");
      }
      neuron[l] = onlyNeuron(net, l);
    }
    double[] map = affineFit(net, first, last, neuron, x, w);
    double s = map[0];
    double t = map[1];
    int h = net.layout().maxNeurons();
    SparseMlp.Builder b = SparseMlp.builder(net.layout(), net.nIn(), k - removed);
    for (int l = 0; l < k; l++) { // the neurons kept, their layers renumbered
      if (l >= first && l <= last) {
        continue;
      }
      int nl = l < first ? l : l - removed;
      for (int j = 0; j < h; j++) {
        if (net.isActive(l, j)) {
          b.neuron(nl, j, net.activation(l, j), net.bias(l, j));
        }
      }
    }
    b.outputBias(net.outputBias());
    for (int tr = 0; tr <= k; tr++) { // the transitions kept, renumbered
      if (tr >= first && tr <= last + 1) {
        continue;
      }
      int nt = tr < first ? tr : tr - removed;
      int rows = net.layout().weightRows(net.nIn(), tr);
      int cols = net.layout().weightColumns(k, tr);
      for (int i = 0; i < rows; i++) {
        for (int j = 0; j < cols; j++) {
          double v = net.weight(tr, i, j);
          if (v != 0) {
            b.weight(nt, i, j, v);
          }
        }
      }
    }
    double shift = s * net.bias(first, neuron[first]) + t;
    List<Integer> sources = sources(net, first, neuron[first]);
    for (int target : targets(net, last, neuron[last])) {
      double c = net.weight(last + 1, neuron[last], target);
      for (int source : sources) {
        b.weight(first, source, target, s * net.weight(first, source, neuron[first]) * c);
      }
      if (last == k - 1) {
        b.outputBias(net.outputBias() + c * shift);
      } else {
        b.bias(first, target, net.bias(last + 1, target) + c * shift);
      }
    }
    return b.build().reduced();
  }

  /** Units feeding neuron n, the run's first, through a non-zero weight (inputs or neurons). */
  private static List<Integer> sources(SparseMlp net, int first, int n) {
    List<Integer> out = new ArrayList<>();
    int rows = net.layout().weightRows(net.nIn(), first);
    for (int i = 0; i < rows; i++) {
      if (net.weight(first, i, n) != 0 && (first == 0 || net.isActive(first - 1, i))) {
        out.add(i);
      }
    }
    return out;
  }

  /** Units neuron n, the run's last, feeds through a non-zero weight (neurons, or output 0). */
  private static List<Integer> targets(SparseMlp net, int last, int n) {
    int k = net.hiddenLayers();
    List<Integer> out = new ArrayList<>();
    int cols = net.layout().weightColumns(k, last + 1);
    for (int j = 0; j < cols; j++) {
      if (net.weight(last + 1, n, j) != 0 && (last == k - 1 || net.isActive(last + 1, j))) {
        out.add(j);
      }
    }
    return out;
  }

  private static int onlyNeuron(SparseMlp net, int layer) {
    for (int j = 0; j < net.layout().maxNeurons(); j++) {
      if (net.isActive(layer, j)) {
        return j;
      }
    }
    throw new IllegalArgumentException("hidden layer " + layer + " has no active neuron");
  }

  /**
   * {@code {s, t}} minimising {@code sum_r w_r (o_r - s z_r - t)^2}; {@code s = 0} and t the
   * weighted mean of o when z does not vary.
   */
  private static double[] affineFit(SparseMlp net, int first, int last, int[] neuron,
      double[][] x, double[] w) {
    double sw = 0;
    double sz = 0;
    double so = 0;
    double[] z = new double[x.length];
    double[] o = new double[x.length];
    for (int r = 0; r < x.length; r++) {
      SparseMlp.HiddenValues v = net.hiddenValues(x[r]);
      z[r] = v.pre()[first][neuron[first]];
      o[r] = v.out()[last][neuron[last]];
      double wr = w == null ? 1 : w[r];
      sw += wr;
      sz += wr * z[r];
      so += wr * o[r];
    }
    double mz = sz / sw;
    double mo = so / sw;
    double szz = 0;
    double szo = 0;
    for (int r = 0; r < x.length; r++) {
      double wr = w == null ? 1 : w[r];
      szz += wr * (z[r] - mz) * (z[r] - mz);
      szo += wr * (z[r] - mz) * (o[r] - mo);
    }
    double s = szz > 0 ? szo / szz : 0;
    return new double[] {s, mo - s * mz};
  }
}
