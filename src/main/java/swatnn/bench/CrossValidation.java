package swatnn.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import swatnn.selection.SearchResult;
import swatnn.weka.NetworkSearchClassifier;
import weka.classifiers.AbstractClassifier;
import weka.classifiers.Classifier;
import weka.classifiers.Evaluation;
import weka.core.Instances;

/**
 * A k-fold cross-validation done exactly as Weka's {@code Evaluation.crossValidateModel} does
 * it (a copy of the data randomized with {@code new Random(seed)}, stratified if the class is
 * nominal, fold i trained on {@code trainCV(k, i, random)} with the evaluation's priors set to
 * it, a copy of the classifier built on it and tested on {@code testCV(k, i)}, all folds pooled
 * in one {@link Evaluation}), so that its statistics equal that method's, while keeping each
 * fold's trained classifier in view: for a search ({@link NetworkSearchClassifier}) the selected
 * network's non-zero count of every fold.
 */
public final class CrossValidation {

  /**
   * The outcome.
   *
   * @param evaluation every fold's predictions, pooled
   * @param nonZeroCounts per fold, the selected network's non-zero count; empty for a method
   *     without a network
   * @param seconds wall time of all folds (building and testing)
   */
  public record Result(Evaluation evaluation, List<Integer> nonZeroCounts, double seconds) {

    /** The mean of {@link #nonZeroCounts}, or null when there are none. */
    public Double meanNonZero() {
      return nonZeroCounts.isEmpty() ? null
          : nonZeroCounts.stream().mapToInt(Integer::intValue).average().orElseThrow();
    }
  }

  private CrossValidation() {}

  /**
   * Cross-validates copies of {@code template} on {@code data}.
   *
   * @param template an unbuilt classifier with its options set; each fold builds a copy
   * @param data the data set, its class index set; not changed
   * @param folds the number of folds, from 2 to the number of instances
   * @param seed the seed of the {@link Random} that orders the instances
   * @throws Exception if a fold's classifier fails to build or predict, or a search gives no
   *     result
   */
  public static Result run(Classifier template, Instances data, int folds, long seed)
      throws Exception {
    if (folds < 2 || folds > data.numInstances()) {
      throw new IllegalArgumentException(folds + " folds for " + data.numInstances()
          + " instances (need 2 <= folds <= instances)");
    }
    long t0 = System.nanoTime();
    Evaluation eval = new Evaluation(data);
    Random random = new Random(seed);
    Instances ordered = new Instances(data);
    ordered.randomize(random);
    if (ordered.classAttribute().isNominal()) {
      ordered.stratify(folds);
    }
    List<Integer> nonZero = new ArrayList<>();
    for (int i = 0; i < folds; i++) {
      Instances train = ordered.trainCV(folds, i, random);
      eval.setPriors(train);
      Classifier c = AbstractClassifier.makeCopy(template);
      c.buildClassifier(train);
      if (c instanceof NetworkSearchClassifier search) {
        SearchResult result = search.searchResult();
        if (result == null) {
          throw new Exception(c.getClass().getSimpleName() + " built fold " + (i + 1)
              + " without a search result");
        }
        nonZero.add(result.model().nonZeroCount());
      }
      Instances test = ordered.testCV(folds, i);
      eval.evaluateModel(c, test);
    }
    return new Result(eval, List.copyOf(nonZero), (System.nanoTime() - t0) / 1e9);
  }
}
