package swatnn.autoencoder;

import java.io.Serializable;

/**
 * How an autoencoder is trained.
 *
 * @param batch random MLPs per step
 * @param points input points per MLP
 * @param learningRate Adam's peak learning rate
 * @param warmupSteps linear warm-up steps
 * @param clipNorm global gradient-norm clip (0: none)
 * @param allDecoderWeight weight of the mean over decoders added to the minimum over decoders
 * @param dataSeed seed of the random-MLP stream (the held-out set uses a derived seed)
 * @param initSeed seed of the weight initialisation
 * @param reconstructionWeight initial weight of the reconstruction term: decoder k_in (the
 *     depth of the input network) is also pulled towards the input matrix itself
 * @param reconstructionSteps steps over which that weight falls linearly to 0
 * @param normalizeOutputs rescale each random MLP's output layer so that its outputs on the
 *     batch's points span exactly [-1, 1] (near-constant networks are shifted to 0 and stretched
 *     by at most 5x): the range the
 *     latent search meets, since it scales labels to [-1, 1]
 */
public record TrainerSettings(int batch, int points, double learningRate, int warmupSteps,
    double clipNorm, double allDecoderWeight, long dataSeed, long initSeed,
    double reconstructionWeight, long reconstructionSteps, boolean normalizeOutputs)
    implements Serializable {

  /** Settings without output normalisation (docs/METHOD.md's raw distribution). */
  public TrainerSettings(int batch, int points, double learningRate, int warmupSteps,
      double clipNorm, double allDecoderWeight, long dataSeed, long initSeed,
      double reconstructionWeight, long reconstructionSteps) {
    this(batch, points, learningRate, warmupSteps, clipNorm, allDecoderWeight, dataSeed, initSeed,
        reconstructionWeight, reconstructionSteps, false);
  }

  public TrainerSettings {
    if (batch < 1 || points < 2) {
      throw new IllegalArgumentException("batch must be >= 1 and points >= 2");
    }
    if (!(learningRate > 0) || warmupSteps < 0 || clipNorm < 0 || allDecoderWeight < 0
        || reconstructionWeight < 0 || reconstructionSteps < 0) {
      throw new IllegalArgumentException(
          "learning rate must be > 0; warm-up, clip, decoder and reconstruction weights >= 0");
    }
  }

  /** The reconstruction term's weight at a step (1-based). */
  public double reconstructionWeightAt(long step) {
    if (reconstructionSteps == 0 || step >= reconstructionSteps) {
      return 0;
    }
    return reconstructionWeight * (1.0 - (double) step / reconstructionSteps);
  }
}
