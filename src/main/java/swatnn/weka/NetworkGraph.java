package swatnn.weka;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import swatnn.mlp.SparseMlp;

/**
 * Writes a {@link SparseMlp} as the XMLBIF 0.3 graph that Weka's Explorer draws for a
 * {@link weka.core.Drawable#BayesNet} model ("Visualize graph": {@code weka.gui.graphvisualizer
 * .GraphVisualizer}), which lays a directed acyclic graph out in ranks and reduces crossings
 * (its HierarchicalBCEngine). Weka's tree visualizer, the alternative, places every node under
 * one parent, so a network's shared units overlap and its edges cross.
 *
 * <p>Inputs, hidden units and the output are nodes, from top to bottom one rank per layer; an
 * edge is a non-zero weight, and only units on a path of non-zero weights to the output are
 * drawn (the others do not affect the prediction). A node's name is the unit's: the data's
 * attribute name for an input, {@code h<layer>.<neuron>} and the activation for a hidden unit,
 * the class name for the output. Clicking a node shows its equation (the model text's line,
 * with the weights and the bias) as the one outcome of its table. Each node also carries a
 * position by layer for viewers that keep positions.
 */
public final class NetworkGraph {
  private NetworkGraph() {}

  /** Pixels between two ranks and between two nodes of a rank, for the stored positions. */
  private static final int SPACING_Y = 80;
  private static final int SPACING_X = 160;

  /**
   * @param net the network
   * @param inputNames the data's input names (shorter than {@code net.nIn()} when inputs were
   *     padded; padded inputs have no weight and are not drawn)
   * @param outputName the class name
   * @return the XMLBIF document
   */
  public static String of(SparseMlp net, String[] inputNames, String outputName) {
    int k = net.hiddenLayers();
    int h = net.layout().maxNeurons();
    String[] all = new String[net.nIn()];
    for (int j = 0; j < all.length; j++) {
      all[j] = j < inputNames.length ? inputNames[j] : "unused" + j;
    }
    Map<String, String> equations = new HashMap<>();
    for (String line : net.formula(all, "y", ModelText::num).split("\n")) {
      int eq = line.indexOf(" = ");
      if (eq > 0) {
        equations.put(line.substring(0, eq), line);
      }
    }
    // names[t][i]: the node of unit i of layer t (0 inputs, 1..k hidden, k + 1 the output),
    // null when the unit has no path of non-zero weights to the output
    String[][] names = new String[k + 2][];
    names[k + 1] = new String[] {outputName};
    for (int t = 0; t <= k; t++) {
      names[t] = new String[t == 0 ? net.nIn() : h];
    }
    Map<String, List<String>> parents = new HashMap<>();
    for (int t = k; t >= 0; t--) { // weights from layer t to layer t + 1
      for (int i = 0; i < names[t].length; i++) {
        if (t > 0 && !net.isActive(t - 1, i)) {
          continue;
        }
        for (int j = 0; j < names[t + 1].length; j++) {
          if (net.weight(t, i, j) == 0 || names[t + 1][j] == null) {
            continue;
          }
          if (names[t][i] == null) {
            names[t][i] = t == 0 ? all[i]
                : net.neuronName(t - 1, i) + " " + net.activation(t - 1, i).shortName();
          }
          parents.computeIfAbsent(names[t + 1][j], n -> new ArrayList<>()).add(names[t][i]);
        }
      }
    }
    StringBuilder sb = new StringBuilder("<?xml version=\"1.0\"?>\n<BIF VERSION=\"0.3\">\n"
        + "<NETWORK>\n<NAME>SWATNN</NAME>\n");
    for (int t = 0; t <= k + 1; t++) {
      int x = 0;
      for (int i = 0; i < names[t].length; i++) {
        if (names[t][i] != null) {
          String unit = t == 0 ? null : t == k + 1 ? "y" : net.neuronName(t - 1, i);
          String equation = unit == null ? "input" : equations.getOrDefault(unit, unit);
          sb.append("<VARIABLE TYPE=\"nature\">\n<NAME>").append(xml(names[t][i]))
              .append("</NAME>\n<OUTCOME>").append(xml(equation)).append("</OUTCOME>\n")
              .append("<PROPERTY>position = (").append(x++ * SPACING_X).append(", ")
              .append(t * SPACING_Y).append(")</PROPERTY>\n</VARIABLE>\n");
        }
      }
    }
    for (String[] layer : names) {
      for (String node : layer) {
        List<String> given = node == null ? null : parents.get(node);
        if (given != null) {
          sb.append("<DEFINITION>\n<FOR>").append(xml(node)).append("</FOR>\n");
          for (String p : given) {
            sb.append("<GIVEN>").append(xml(p)).append("</GIVEN>\n");
          }
          sb.append("<TABLE>1</TABLE>\n</DEFINITION>\n");
        }
      }
    }
    return sb.append("</NETWORK>\n</BIF>\n").toString();
  }

  /**
   * A model without hidden units (a linear model, the mean): its inputs on one rank, the output
   * on the next.
   *
   * @param inputNames the inputs it uses
   * @param outputName the class name
   * @param equation the output's equation, shown when its node is clicked
   * @return the XMLBIF document
   */
  public static String direct(String[] inputNames, String outputName, String equation) {
    StringBuilder sb = new StringBuilder("<?xml version=\"1.0\"?>\n<BIF VERSION=\"0.3\">\n"
        + "<NETWORK>\n<NAME>SWATNN</NAME>\n");
    for (int i = 0; i < inputNames.length; i++) {
      sb.append("<VARIABLE TYPE=\"nature\">\n<NAME>").append(xml(inputNames[i]))
          .append("</NAME>\n<OUTCOME>input</OUTCOME>\n<PROPERTY>position = (")
          .append(i * SPACING_X).append(", 0)</PROPERTY>\n</VARIABLE>\n");
    }
    sb.append("<VARIABLE TYPE=\"nature\">\n<NAME>").append(xml(outputName))
        .append("</NAME>\n<OUTCOME>").append(xml(equation)).append("</OUTCOME>\n")
        .append("<PROPERTY>position = (0, ").append(SPACING_Y).append(")</PROPERTY>\n")
        .append("</VARIABLE>\n");
    if (inputNames.length > 0) {
      sb.append("<DEFINITION>\n<FOR>").append(xml(outputName)).append("</FOR>\n");
      for (String p : inputNames) {
        sb.append("<GIVEN>").append(xml(p)).append("</GIVEN>\n");
      }
      sb.append("<TABLE>1</TABLE>\n</DEFINITION>\n");
    }
    return sb.append("</NETWORK>\n</BIF>\n").toString();
  }

  private static String xml(String s) {
    return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
        .replace("\"", "&quot;");
  }
}
