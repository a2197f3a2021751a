package swatnn.search;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Random;
import org.junit.jupiter.api.Test;
import swatnn.selection.SearchResult;
import swatnn.selection.SearchListener;
import swatnn.autoencoder.AutoencoderModel;

/**
 * The default search, shortened, with the bundled 2-input autoencoder on a smooth function:
 * the refined network it returns must fit, not merely run (issue-10 quality floor).
 */
class BundledModelQualityTest {
  @Test
  void aQuadraticIsFittedToWithinOnePercentOfTheLabelVariance() throws Exception {
    Path file = ModelLocator.resolve("swatnn-2in", 2);
    AutoencoderModel model = AutoencoderModel.load(file);
    Random r = new Random(4);
    int n = 400;
    double[][] x = new double[n][2];
    double[] y = new double[n];
    for (int i = 0; i < n; i++) {
      x[i][0] = 2 * r.nextDouble() - 1;
      x[i][1] = 2 * r.nextDouble() - 1;
      y[i] = 0.9 * x[i][0] * x[i][0] + 0.5 * x[i][0] * x[i][1] - 0.6 * x[i][1];
    }
    double lo = java.util.Arrays.stream(y).min().getAsDouble();
    double hi = java.util.Arrays.stream(y).max().getAsDouble();
    for (int i = 0; i < n; i++) {
      y[i] = 2 * (y[i] - lo) / (hi - lo) - 1; // labels in [-1, 1], as the classifier scales them
    }
    double mean = java.util.Arrays.stream(y).average().getAsDouble();
    double variance = java.util.Arrays.stream(y).map(v -> (v - mean) * (v - mean)).average()
        .getAsDouble();
    // a hold-out, as when this test was set up: the autoencoder, not the selection, is tested
    SearchSettings s = new SearchSettings().steps(200).annealSteps(75).restarts(2).layers(1, 2)
        .folds(0);
    SearchResult result = new LatentSearch(model, s).fit(x, y, SearchListener.NONE);
    // the chosen model on fresh rows of the same function (the cross-validated MSE of its
    // refits from the search's start is an estimate of the procedure, not of this fit)
    double mse = 0;
    int fresh = 400;
    for (int i = 0; i < fresh; i++) {
      double a = 2 * r.nextDouble() - 1;
      double b = 2 * r.nextDouble() - 1;
      double t = 2 * (0.9 * a * a + 0.5 * a * b - 0.6 * b - lo) / (hi - lo) - 1;
      double e = result.model().predict(new double[] {a, b}) - t;
      mse += e * e / fresh;
    }
    assertTrue(mse < 0.01 * variance, "test MSE " + mse + ", label variance " + variance
        + "\n" + result.candidates().stream().map(c -> c.name() + " " + c.validationMse() + " "
            + c.trainMse() + " " + c.nonZeroCount()).toList()
        + "\n" + result.model());
    assertTrue(result.model() instanceof swatnn.selection.NetworkModel, "a network, not "
        + result.model());
  }
}
