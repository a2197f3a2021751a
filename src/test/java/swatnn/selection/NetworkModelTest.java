package swatnn.selection;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;
import swatnn.mlp.FreeParameters;
import swatnn.mlp.LeastSquaresRefiner;
import swatnn.mlp.MlpLayout;
import swatnn.mlp.Refinement;
import swatnn.mlp.SparseMlp;
import swatnn.mlp.SparseMlpFitter;

/**
 * {@link NetworkModel#refit}'s starts. A refitter that fits nothing ({@link Refinement#NONE})
 * returns each start as it is, so a fresh start keeps its random weights (a failed fit) and
 * only a start from the network's own weights fits: which start won is then plain to see.
 */
class NetworkModelTest {
  private static final Refitter NO_FIT = new Refitter(Refinement.NONE,
      new LeastSquaresRefiner(10, LeastSquaresRefiner.DEFAULT_TOLERANCE), 1, 0.01);

  private static final SparseMlp NET =
      SparseMlpFitter.denseStart(MlpLayout.DEFAULT, 2, 2, new Random(7));

  /** Rows labelled by {@link #NET}, plus Gaussian noise of {@code noise} times the labels' SD. */
  private static Rows rows(int n, double noise, long seed) {
    Random r = new Random(seed);
    double[][] x = new double[n][2];
    double[] y = new double[n];
    for (int i = 0; i < n; i++) {
      x[i][0] = 2 * r.nextDouble() - 1;
      x[i][1] = 2 * r.nextDouble() - 1;
      y[i] = NET.predict(x[i]);
    }
    double sd = Math.sqrt(new Rows(x, y, null).mse(MeanModel.fit(new Rows(x, y, null))));
    for (int i = 0; i < n; i++) {
      y[i] += noise * sd * r.nextGaussian();
    }
    return new Rows(x, y, null);
  }

  private static NetworkModel model() {
    return new NetworkModel(NET, new int[] {0, 1}, new FreeParameters(NET).size(), NET);
  }

  @Test
  void aNearExactFitThatTheFreshStartsMissIsRefittedFromItsOwnWeights() {
    Rows r = rows(40 * NET.nonZeroCount(), 0, 1);
    NetworkModel refit = model().refit(r, NO_FIT);
    assertEquals(model().network(), refit.network());
    assertEquals(0, r.mse(refit), 1e-24);
  }

  @Test
  void onNoisyRowsOnlyTheFreshStartsCount() {
    // noise of 0.1 SD: the own weights' MSE is about 1e-2 of the variance, above 1e-3
    Rows r = rows(40 * NET.nonZeroCount(), 0.1, 2);
    NetworkModel refit = model().refit(r, NO_FIT);
    assertTrue(!refit.network().equals(model().network()) && r.mse(refit) > 2 * r.mse(model()),
        "a fresh start expected, got MSE " + r.mse(refit) + " against " + r.mse(model()));
  }

  @Test
  void withFewerThanFourRowsPerParameterOnlyTheFreshStartsCount() {
    // an exact fit of so few rows could be an interpolation of noise
    Rows r = rows(NetworkModel.ROWS_PER_PARAMETER * NET.nonZeroCount() - 1, 0, 3);
    NetworkModel refit = model().refit(r, NO_FIT);
    assertTrue(!refit.network().equals(model().network()) && r.mse(refit) > 0,
        "a fresh start expected, got MSE " + r.mse(refit));
  }
}
