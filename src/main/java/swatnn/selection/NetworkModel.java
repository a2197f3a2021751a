package swatnn.selection;

import java.util.Arrays;
import java.util.Random;
import swatnn.mlp.SparseMlp;
import swatnn.mlp.SparseMlpFitter;

/**
 * A searched network as a candidate: the sparse MLP and which columns of the scaled input row
 * are its inputs. Inputs held at 0 (an autoencoder trained on more inputs than the data has)
 * carry no weight, so they do not count as non-zero; units that feed nothing are removed and
 * units that nothing feeds are folded into the biases they feed ({@link SparseMlp#reduced()}):
 * the same function, counted as it is used.
 *
 * @param network the network, on {@code inputs.length} inputs
 * @param inputs per network input, the column of the scaled input row, or -1 for one held at 0
 * @param effectiveParameters gamma where Bayesian regularisation fitted it, otherwise the
 *     free parameters
 * @param start the network as the search produced it, before any fit to rows: the structure
 *     that every refit keeps. A refit starts from fresh weights of that structure ({@link
 *     SparseMlpFitter#reinitialised}, the better of {@value #REFIT_STARTS} seeded draws by
 *     training MSE), not from {@code network}'s or {@code start}'s weights, which were fitted
 *     to all the rows searched (the one exception, a near-exact fit the fresh starts miss, is
 *     {@link #refit}'s): a cross-validation fold refitted from those begins at a fit of its own
 *     held-out rows and scores far too well (seen on Weka's cpu.arff, where a
 *     50-parameter network scored 3 times better than the linear model in cross-validation and
 *     was worse on a test split, and on 60 rows of generated pure noise, where a network
 *     refitted from the search's start beat the mean by more than two standard errors).
 */
public record NetworkModel(SparseMlp network, int[] inputs, double effectiveParameters,
    SparseMlp start) implements CandidateModel {
  private static final long serialVersionUID = 1L;

  /** Fresh starts per refit; the one of lower training MSE is kept. */
  public static final int REFIT_STARTS = 2;

  /**
   * The most fresh starts a refit draws while its best fit is still far worse than the network's
   * own weights on the same rows ({@link #refit}).
   */
  public static final int MAX_REFIT_STARTS = 6;

  /** {@link #refit}'s bound, relative to the rows' variance, on a near-exact fit. */
  public static final double NEAR_EXACT = 1e-3;

  /** {@link #refit}'s least rows per non-zero parameter for a near-exact fit. */
  public static final int ROWS_PER_PARAMETER = 4;

  public NetworkModel {
    inputs = inputs.clone();
    if (inputs.length != network.nIn()) {
      throw new IllegalArgumentException("the network takes " + network.nIn() + " inputs, "
          + inputs.length + " columns given");
    }
    SparseMlp.Builder b = null;
    for (int i = 0; i < inputs.length; i++) {
      if (inputs[i] < 0) {
        b = b == null ? network.toBuilder() : b;
        for (int j = 0; j < network.layout().maxNeurons(); j++) {
          b.weight(0, i, j, 0);
        }
      }
    }
    network = (b == null ? network : b.build()).reduced();
    if (start.nIn() != network.nIn() || start.hiddenLayers() != network.hiddenLayers()) {
      throw new IllegalArgumentException("the start must have the network's shape");
    }
  }

  @Override
  public double predict(double[] x) {
    double[] in = new double[inputs.length];
    for (int j = 0; j < in.length; j++) {
      in[j] = inputs[j] < 0 ? 0 : x[inputs[j]];
    }
    return network.predict(in);
  }

  @Override
  public int nonZeroCount() {
    return network.nonZeroCount();
  }

  /**
   * {@inheritDoc}
   *
   * <p>{@value #REFIT_STARTS} fresh starts, then more, up to {@value #MAX_REFIT_STARTS}, while
   * the best fit's training MSE is over twice what this network's own weights reach on the same
   * rows (plus 1e-12 of the class's variance there). Those weights were fitted to all the rows
   * searched and so are no fair score on a fold, but they prove that the structure fits the
   * fold's training rows that well: a refit far above them failed to find the structure's fit.
   * On noiseless planted data a network with the generator's exact structure (training MSE
   * 1e-32) was refitted to 1e-3 on a fold from two fresh starts, and the selection took a
   * network three times denser.
   *
   * <p>When even the last fresh start stays that far above, and this network's own weights fit
   * the rows almost exactly (an MSE at most {@value #NEAR_EXACT} of the rows' variance, with at
   * least {@value #ROWS_PER_PARAMETER} rows per non-zero parameter, so that the fit is no
   * interpolation of noise), the refit from those weights is a start too. They were fitted to
   * the fold's held-out rows as well, the leak the class Javadoc warns of, but on a near-exact
   * fit with several rows per parameter the held-out rows add nothing the training rows do not
   * already pin down; noisy data never fit that well, so there the fresh starts alone decide.
   * On planted noiseless data, networks of 2 and 4 hidden layers fitted to about 1e-4 of the
   * variance on all rows scored 100 and 60 times that in cross-validation after up to 6 fresh
   * starts, and a denser or less accurate network won the choice.
   */
  @Override
  public NetworkModel refit(Rows rows, Refitter refitter) {
    Rows own = rows.columns(inputs);
    double ownMse = rows.mse(this);
    double variance = rows.mse(MeanModel.fit(rows));
    double reachable = 2 * ownMse + 1e-12 * variance;
    Refitter.Fit best = null;
    double bestMse = Double.POSITIVE_INFINITY;
    for (int s = 0; s < REFIT_STARTS || (bestMse > reachable && s < MAX_REFIT_STARTS); s++) {
      // seeded by the structure's text: the same draws in every JVM, for every thread count
      // and fold order (SparseMlp.hashCode mixes in the activations' identity hashes); so that
      // text's format is part of every result: a change to SparseMlp.toString changes the draws
      Random random = new Random(start.toString().hashCode() * 1_000_003L + s);
      Refitter.Fit fit = refitter.refine(SparseMlpFitter.reinitialised(start, random), own);
      double mse = fit.network().meanSquaredError(own.x(), own.y(), own.w());
      if (best == null || mse < bestMse) {
        best = fit;
        bestMse = mse;
      }
    }
    boolean nearExact = rows.size() >= ROWS_PER_PARAMETER * nonZeroCount()
        && ownMse <= NEAR_EXACT * variance;
    if (bestMse > reachable && nearExact) {
      Refitter.Fit warm = refitter.refine(network, own);
      if (warm.network().meanSquaredError(own.x(), own.y(), own.w()) < bestMse) {
        best = warm;
      }
    }
    return new NetworkModel(best.network(), inputs, best.effectiveParameters(), start);
  }

  /**
   * The network refitted to other rows from its own weights (after a hold-out, on all training
   * rows: the rows held out are new to it, and its fit so far is the best start).
   *
   * @param rows the rows, on the same inputs as this model's
   * @param refitter how the parameters are fitted
   * @return the refitted model
   */
  public NetworkModel refitFromHere(Rows rows, Refitter refitter) {
    Refitter.Fit fit = refitter.refine(network, rows.columns(inputs));
    return new NetworkModel(fit.network(), inputs, fit.effectiveParameters(), start);
  }

  @Override
  public int[] inputs() {
    return inputs.clone();
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof NetworkModel m && network.equals(m.network)
        && Arrays.equals(inputs, m.inputs);
  }

  @Override
  public int hashCode() {
    return 31 * network.hashCode() + Arrays.hashCode(inputs);
  }

  @Override
  public String toString() {
    return "NetworkModel on columns " + Arrays.toString(inputs) + ":\n" + network;
  }
}
