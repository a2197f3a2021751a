package swatnn.search;

import swatnn.autoencoder.AutoencoderModel;
import swatnn.nd4j.Nd4jBackend;

/**
 * One step of the latent search's objective (docs/METHOD.md section 3) for a group of r
 * restarts of every configuration: the L frozen decoders turn the latent points z into soft
 * MLPs, which are evaluated on a batch of points; the result is each configuration's and
 * restart's loss (weighted MSE plus the sparsity and mask penalties) and the gradient of the
 * total loss with respect to z and the weight thresholds t.
 *
 * <p>Shapes (L = the model's decoders = maximum hidden layers, H = neuron slots = tokens, d =
 * the model's width, p = points of the batch); every array is flat and row-major:
 *
 * <pre>
 *   z        [L, r, H, d]   decoder k (1..L) decodes z[k-1]
 *   t        [L, r]         the weight threshold of each configuration and restart
 *   points   [p, H]         the batch's inputs, columns n_in..H-1 zero; the same for every restart
 *   targets  [p]
 *   weights  [p]            mean 1; null for the unweighted loss
 *   lossPer  [L, r]         MSE + lambda_s (mu_c soft count + mu_1 L1) - alpha mask spread
 *                           + beta mean mask
 *   mse      [L, r]         the (weighted) mean squared error of the soft network
 *   dz       [L, r, H, d]   dLoss/dz, where loss = the sum of lossPer over the searched
 *                           configurations ({@link SearchSettings#layers()}) and all restarts
 *   dt       [L, r]         dLoss/dt
 * </pre>
 *
 * Entries of configurations that are not searched: dz and dt are 0 (their loss does not
 * depend on them); lossPer and mse are unspecified (an implementation may skip them).
 *
 * <p>A step is built for one group (fixed n_in, r, p and weighting) and reused for all of its
 * steps; it is not thread-safe, and its result arrays are overwritten by the next call. Its
 * arithmetic must not depend on the number of threads of the search.
 */
public interface SearchStep {

  /** System property choosing the implementation: {@code fused} or {@code samediff}. */
  String PROPERTY = "swatnn.search.step";

  /**
   * Evaluates the objective and its gradients.
   *
   * @param z [L, r, H, d]
   * @param t [L, r]
   * @param points [p, H]
   * @param targets [p]
   * @param weights [p], mean 1, or null (each 1; the step must have been built unweighted)
   * @param temperature divides the activation logits
   * @return the outputs, in arrays owned by the step (valid until the next call)
   */
  Result run(float[] z, float[] t, float[] points, float[] targets, float[] weights,
      float temperature);

  /**
   * A step's outputs, flat and row-major.
   *
   * @param lossPer [L, r]
   * @param mse [L, r]
   * @param dz [L, r, H, d]
   * @param dt [L, r]
   */
  record Result(float[] lossPer, float[] mse, float[] dz, float[] dt) {}

  /** The implementations. */
  enum Kind {
    /** {@link FusedSearchStep}: forward and backward by hand in plain Java, one thread. */
    FUSED,
    /** {@link SameDiffSearchStep}: the SameDiff graph (ND4J ops; what runs on CUDA). */
    SAMEDIFF;

    /**
     * The implementation to use: the system property {@link #PROPERTY} when set, otherwise
     * the SameDiff graph on the CUDA backend and the fused step on the CPU.
     *
     * @throws IllegalArgumentException if the property names no implementation
     */
    public static Kind chosen() {
      String v = System.getProperty(PROPERTY);
      if (v != null && !v.isBlank()) {
        try {
          return valueOf(v.trim().toUpperCase(java.util.Locale.ROOT));
        } catch (IllegalArgumentException e) {
          throw new IllegalArgumentException("-D" + PROPERTY + " must be fused or samediff, not '"
              + v + "'", e);
        }
      }
      return "CUDA".equalsIgnoreCase(Nd4jBackend.name()) ? SAMEDIFF : FUSED;
    }
  }

  /**
   * A step of the given kind.
   *
   * @param nIn the data's inputs (1..H)
   * @param r restarts of the group
   * @param p points per batch
   * @param weighted whether batches carry weights
   */
  static SearchStep create(Kind kind, AutoencoderModel model, SearchSettings settings, int nIn,
      int r, int p, boolean weighted) {
    return switch (kind) {
      case FUSED -> new FusedSearchStep(model, settings, nIn, r, p, weighted);
      case SAMEDIFF -> new SameDiffSearchStep(model, settings, nIn, r, p, weighted);
    };
  }
}
