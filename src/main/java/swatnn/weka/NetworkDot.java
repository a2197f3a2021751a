package swatnn.weka;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.Arrays;
import swatnn.mlp.SparseMlp;

/**
 * Writes a {@link SparseMlp} as a GraphViz dot digraph that Weka's tree visualizer
 * ({@code weka.gui.treevisualizer.TreeBuild}) also reads.
 *
 * <p>TreeBuild takes the last node without a parent as the root, places every node under its
 * first parent and draws the other edges as extra lines. So the edges point backwards, from the
 * output (the single root) to the units that feed it, and only units on a path of non-zero
 * weights to the output are written: a unit without such a path does not affect the prediction
 * and would otherwise become a second root. Edge labels are the weights to 3 significant digits;
 * node labels name the unit as {@link SparseMlp#toString()} does ({@code x0}, {@code h1.3},
 * {@code y}) with its activation and bias.
 */
public final class NetworkDot {
  private NetworkDot() {}

  /**
   * @param net the network
   * @param inputNames names of the inputs (shorter than {@code net.nIn()} when inputs were
   *     padded; such inputs are called {@code x<i>})
   * @param outputName the name of the predicted quantity
   */
  public static String of(SparseMlp net, String[] inputNames, String outputName) {
    int k = net.hiddenLayers();
    int h = net.layout().maxNeurons();
    // ids[t][i]: node id of unit i of layer t (0 = inputs, 1..k hidden, k + 1 = output), -1 if
    // the unit has no path to the output
    int[][] ids = new int[k + 2][];
    ids[k + 1] = new int[] {0};
    for (int t = 0; t <= k; t++) {
      ids[t] = new int[t == 0 ? net.nIn() : h];
      Arrays.fill(ids[t], -1);
    }
    StringBuilder nodes = new StringBuilder();
    StringBuilder edges = new StringBuilder();
    nodes.append("N0 [label=\"y\\n").append(escape(outputName)).append("\\nbias ")
        .append(format(net.outputBias())).append("\" shape=box style=filled]\n");
    int next = 1;
    for (int t = k; t >= 0; t--) { // transition t: layer t -> layer t + 1
      int rows = t == 0 ? net.nIn() : h;
      int cols = t == k ? 1 : h;
      for (int i = 0; i < rows; i++) {
        if (t > 0 && !net.isActive(t - 1, i)) {
          continue;
        }
        for (int j = 0; j < cols; j++) {
          double w = net.weight(t, i, j);
          if (w == 0 || ids[t + 1][j] < 0) {
            continue;
          }
          if (ids[t][i] < 0) {
            ids[t][i] = next++;
            nodes.append('N').append(ids[t][i]).append(" [label=\"")
                .append(t == 0 ? inputLabel(i, inputNames) : hiddenLabel(net, t - 1, i))
                .append(t == 0 ? "\" shape=box]\n" : "\"]\n");
          }
          edges.append('N').append(ids[t + 1][j]).append("->N").append(ids[t][i])
              .append(" [label=\"").append(format(w)).append("\"]\n");
        }
      }
    }
    return "digraph SWATNN {\n" + nodes + edges + "}\n";
  }

  private static String inputLabel(int i, String[] names) {
    return i < names.length ? escape(names[i]) : "x" + i;
  }

  private static String hiddenLabel(SparseMlp net, int layer, int j) {
    return "h" + (layer + 1) + "." + j + " " + net.activation(layer, j).shortName()
        + "\\nbias " + format(net.bias(layer, j));
  }

  /** A number to 3 significant digits, without exponent or trailing zeros. */
  static String format(double v) {
    if (v == 0) {
      return "0";
    }
    return new BigDecimal(v).round(new MathContext(3)).stripTrailingZeros().toPlainString();
  }

  private static String escape(String s) {
    return s.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n");
  }
}
