package swatnn.weka;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import swatnn.mlp.SparseMlp;
import swatnn.search.ConfigurationResult;
import swatnn.search.MinMaxScaler;
import swatnn.search.SearchResult;
import weka.core.Utils;

/**
 * The model text Weka prints after building (a classifier's {@code toString}): the header that
 * describes the search, the input and output scaling, the chosen network as equations over the
 * data's attribute names, its non-zero count, the table of every configuration tried, the
 * search time and the model's provenance.
 */
public final class ModelText {
  private ModelText() {}

  /**
   * @param m the model
   * @return its description, lines ending in a newline
   */
  public static String of(FittedNetwork m) {
    StringBuilder sb = new StringBuilder();
    String title = m.header().title();
    sb.append(title).append('\n').append("=".repeat(title.length())).append("\n\n");
    for (String line : m.header().lines()) {
      sb.append(line).append('\n');
    }
    DataPreparation prep = m.preparation();
    MinMaxScaler in = m.inputScaler();
    MinMaxScaler out = m.classScaler();
    SearchResult r = m.result();
    SparseMlp net = r.network();
    // without a search there is no network: no scaling to explain, only the inputs' ranges
    boolean networks = m.noSearch() == null || r.seconds() > 0;
    if (prep.inputCount() > 0) {
      sb.append(networks
          ? "\nInputs, each scaled to [-1, 1] by its training range before the network:\n"
          : "\nInputs and their training ranges:\n");
    }
    int width = 1;
    for (int j = 0; j < prep.inputCount(); j++) {
      width = Math.max(width, prep.inputName(j).length());
    }
    for (int j = 0; j < prep.inputCount(); j++) {
      sb.append(String.format(Locale.ROOT, "  %-" + width + "s  training range [%s, %s]%n",
          prep.inputName(j), num(in.min(j)), num(in.max(j))));
    }
    String y = outputSymbol(prep, m.className());
    if (networks) {
      sb.append(String.format(Locale.ROOT,
          "Output: %s = %s + %s * (%s + 1) / 2 (training range [%s, %s])%n", m.className(),
          num(out.min(0)), num(out.max(0) - out.min(0)), y, num(out.min(0)), num(out.max(0))));
    }
    if (m.noSearch() != null) {
      sb.append('\n').append(m.noSearch()).append(": the model predicts the weighted training "
          + "mean of the class, ").append(num(m.mean())).append(r.configurations().size() > 1
              || r.seconds() > 0 ? " (the networks found are listed below)" : "; no search was run")
          .append(".\n");
    } else {
      sb.append("\nChosen network (").append(net.hiddenLayers()).append(" hidden layer")
          .append(net.hiddenLayers() == 1 ? "" : "s").append("):\n");
      sb.append(net.toString(inputNames(prep, net.nIn()), y)).append("\n");
    }
    sb.append("\nNon-zero count: ").append((int) m.measure("measureNonZeroCount"))
        .append(m.noSearch() != null ? " (the mean)" : "").append('\n');
    if (r.seconds() > 0) {
      sb.append('\n').append(configurationTable(r, m.tolerance(), m.header().secondsMeaning()));
      sb.append(String.format(Locale.ROOT, "%nSearch time: %.1f s%n", r.seconds()));
    }
    FittedNetwork.Provenance p = m.provenance();
    sb.append("\nProvenance:\n  package      swatnn ").append(p.packageVersion()).append('\n');
    sb.append("  options      ").append(p.options()).append('\n');
    if (p.autoencoder() != null) {
      sb.append("  autoencoder  ").append(p.autoencoder()).append(", weights SHA-256 ")
          .append(p.autoencoderSha256()).append('\n');
    }
    return sb.toString();
  }

  /**
   * The network output's symbol: "y", or, when the class or an input already has that name,
   * the first of "y_net", "y_net2", ... that none has.
   */
  static String outputSymbol(DataPreparation prep, String className) {
    java.util.Set<String> taken = new java.util.HashSet<>();
    taken.add(className);
    for (int j = 0; j < prep.inputCount(); j++) {
      taken.add(prep.inputName(j));
    }
    if (!taken.contains("y")) {
      return "y";
    }
    String symbol = "y_net";
    for (int i = 2; taken.contains(symbol); i++) {
      symbol = "y_net" + i;
    }
    return symbol;
  }

  /** The network's input names: the data's, then "unused" for inputs held at 0. */
  private static String[] inputNames(DataPreparation prep, int nIn) {
    String[] names = new String[nIn];
    for (int j = 0; j < nIn; j++) {
      names[j] = j < prep.inputCount() ? prep.inputName(j) : "unused" + j;
    }
    return names;
  }

  private static String configurationTable(SearchResult r, double tolerance,
      String secondsMeaning) {
    StringBuilder sb = new StringBuilder();
    sb.append("Configurations tried (MSE on the class scaled to [-1, 1]):\n");
    String[] head = {"k", "validation MSE", "train MSE", "non-zero", "active neurons", "seconds"};
    List<String[]> rows = new ArrayList<>();
    rows.add(head);
    for (ConfigurationResult c : r.configurations()) {
      rows.add(new String[] {
          Integer.toString(c.hiddenLayers()),
          String.format(Locale.ROOT, "%.6g", c.validationMse()),
          String.format(Locale.ROOT, "%.6g", c.trainMse()),
          Integer.toString(c.nonZeroCount()),
          Integer.toString(c.activeNeurons()),
          String.format(Locale.ROOT, "%.1f", c.seconds())});
    }
    int[] w = new int[head.length];
    for (String[] row : rows) {
      for (int i = 0; i < row.length; i++) {
        w[i] = Math.max(w[i], row[i].length());
      }
    }
    for (int i = 0; i < rows.size(); i++) {
      boolean chosen = i > 0 && r.configurations().get(i - 1) == r.selected();
      sb.append(chosen ? "* " : "  ");
      String[] row = rows.get(i);
      for (int c = 0; c < row.length; c++) {
        sb.append(c == 0 ? "" : "  ").append(" ".repeat(w[c] - row[c].length())).append(row[c]);
      }
      sb.append('\n');
    }
    sb.append(String.format(Locale.ROOT, "(* chosen: fewest non-zero parameters within %s%% "
        + "of the best validation MSE; seconds: %s)%n", num(100 * tolerance), secondsMeaning));
    return sb.toString();
  }

  /** A number to 6 decimal places at most, as Weka writes them. */
  public static String num(double v) {
    return Utils.doubleToString(v, 6).trim();
  }
}
