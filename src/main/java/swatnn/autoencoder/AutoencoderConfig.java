package swatnn.autoencoder;

import java.io.Serializable;
import swatnn.mlp.MlpLayout;

/**
 * The architecture of a multi-scale autoencoder: the MLP layout it embeds (H, L), the range of
 * input counts it was trained for, and the transformer sizes of its encoder and its L decoders.
 *
 * @param layout H (rows, i.e. tokens) and L (decoders)
 * @param nInMin smallest input count of the MLPs it embeds
 * @param nInMax largest input count
 * @param dModel token width d; the latent point z is H x d
 * @param heads attention heads (must divide d)
 * @param encoderBlocks transformer blocks of the encoder
 * @param decoderBlocks transformer blocks of each decoder
 * @param mlpRatio hidden width of each block's MLP, as a multiple of d
 */
public record AutoencoderConfig(MlpLayout layout, int nInMin, int nInMax, int dModel, int heads,
    int encoderBlocks, int decoderBlocks, int mlpRatio) implements Serializable {

  /** Defaults: d = 64, 4 heads, 2 blocks per stack (about 0.5M parameters for H = 7, L = 4). */
  public static AutoencoderConfig defaults(int nInMin, int nInMax) {
    return new AutoencoderConfig(MlpLayout.DEFAULT, nInMin, nInMax, 64, 4, 2, 2, 4);
  }

  public AutoencoderConfig {
    if (layout == null) {
      throw new IllegalArgumentException("layout is null");
    }
    if (nInMin < 1 || nInMax < nInMin || nInMax > layout.maxNeurons()) {
      throw new IllegalArgumentException("input range " + nInMin + "-" + nInMax
          + " must lie within 1-" + layout.maxNeurons());
    }
    if (dModel < 4 || heads < 1 || dModel % heads != 0) {
      throw new IllegalArgumentException("d-model " + dModel + " must be >= 4 and divisible by heads " + heads);
    }
    if (encoderBlocks < 1 || decoderBlocks < 1 || mlpRatio < 1) {
      throw new IllegalArgumentException("blocks and mlp ratio must be >= 1");
    }
  }

  /** H: tokens per network, one per matrix row. */
  public int tokens() {
    return layout.maxNeurons();
  }

  /** L: number of decoders, decoder k producing k hidden layers. */
  public int decoders() {
    return layout.maxHiddenLayers();
  }

  /** Width of one encoder input token: a matrix row's values and validity flags. */
  public int tokenWidth() {
    return 2 * layout.maxWidth();
  }

  public AutoencoderConfig withDModel(int d) {
    return new AutoencoderConfig(layout, nInMin, nInMax, d, heads, encoderBlocks, decoderBlocks, mlpRatio);
  }
}
