package swatnn.weka;

import swatnn.mlp.SparseMlp;
import swatnn.selection.SearchResult;
import weka.core.Instance;

/**
 * A Weka classifier whose model is a searched sparse MLP, chosen among configurations: lets
 * benchmarks read every configuration's network and predict with each of them.
 */
public interface NetworkSearchClassifier {

  /** The search's outcome after building (null before). */
  SearchResult searchResult();

  /**
   * Predicts with one of the networks of {@link #searchResult()} through the classifier's own
   * input preparation and scaling.
   */
  double classifyInstance(SparseMlp network, Instance instance) throws Exception;
}
