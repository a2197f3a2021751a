package weka.experiment;

import java.util.Arrays;
import swatnn.selection.ConfigurationResult;
import swatnn.selection.SearchResult;
import swatnn.weka.NetworkSearchClassifier;
import weka.core.Instance;
import weka.core.Instances;
import weka.core.RevisionUtils;

/**
 * Weka's {@link RegressionSplitEvaluator} plus, for SWATNNRegressor and DartsAdmmRegressor, every
 * configuration's network on the test set: for k = 1..{@value #CONFIGURATIONS} hidden layers the
 * columns {@code Configuration_k<k>_test_MSE} (the class's own units), {@code _non_zero} and
 * {@code _active_neurons}, missing where the search did not try k or for other classifiers. So a
 * distributed CORNN comparison stores what {@code bench cornn} reports per configuration, and its
 * report can draw the non-zero frontier (swatnn.bench.ExperimentRows reads the columns).
 */
public class SparseNetworkSplitEvaluator extends RegressionSplitEvaluator {
  private static final long serialVersionUID = 1L;

  /** The hidden-layer counts with columns of their own. */
  public static final int CONFIGURATIONS = 4;

  private static final String[] PER_CONFIGURATION = {"test_MSE", "non_zero", "active_neurons"};

  /** @return a description for the Experimenter */
  @Override
  public String globalInfo() {
    return "A regression split evaluator that also stores, for classifiers that search sparse "
        + "networks (SWATNNRegressor, DartsAdmmRegressor), the test MSE, non-zero count and "
        + "active neurons of the network of every configuration k = 1..4.";
  }

  /** The name of column {@code what} of configuration k. */
  public static String column(int k, String what) {
    return "Configuration_k" + k + "_" + what;
  }

  @Override
  public Object[] getResultTypes() {
    Object[] base = super.getResultTypes();
    Object[] all = Arrays.copyOf(base, base.length + CONFIGURATIONS * PER_CONFIGURATION.length);
    Arrays.fill(all, base.length, all.length, Double.valueOf(0));
    return all;
  }

  @Override
  public String[] getResultNames() {
    String[] base = super.getResultNames();
    String[] all = Arrays.copyOf(base, base.length + CONFIGURATIONS * PER_CONFIGURATION.length);
    int i = base.length;
    for (int k = 1; k <= CONFIGURATIONS; k++) {
      for (String what : PER_CONFIGURATION) {
        all[i++] = column(k, what);
      }
    }
    return all;
  }

  @Override
  public Object[] getResult(Instances train, Instances test) throws Exception {
    Object[] base = super.getResult(train, test);
    Object[] all = Arrays.copyOf(base, base.length + CONFIGURATIONS * PER_CONFIGURATION.length);
    if (m_Classifier instanceof NetworkSearchClassifier search && search.searchResult() != null) {
      SearchResult result = search.searchResult();
      for (ConfigurationResult c : result.configurations()) {
        int k = c.hiddenLayers();
        if (k < 1 || k > CONFIGURATIONS) {
          continue;
        }
        double sum = 0;
        int n = 0;
        for (Instance inst : test) {
          if (!inst.classIsMissing()) {
            double e = search.classifyInstance(c.network(), inst) - inst.classValue();
            sum += e * e;
            n++;
          }
        }
        int at = base.length + (k - 1) * PER_CONFIGURATION.length;
        all[at] = n > 0 ? Double.valueOf(sum / n) : null;
        all[at + 1] = Double.valueOf(c.nonZeroCount());
        all[at + 2] = Double.valueOf(c.activeNeurons());
      }
    }
    return all;
  }

  @Override
  public String getRevision() {
    return RevisionUtils.extract("$Revision: 1 $");
  }
}
