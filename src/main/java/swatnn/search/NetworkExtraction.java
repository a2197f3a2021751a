package swatnn.search;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import swatnn.autoencoder.AutoencoderConfig;
import swatnn.autoencoder.AutoencoderGraph;
import swatnn.autoencoder.AutoencoderModel;
import swatnn.mlp.MlpLayout;
import swatnn.mlp.MlpMatrixCodec;
import swatnn.mlp.SparseMlp;
import swatnn.selection.Rows;

/**
 * Extraction of a group's discrete networks (docs/METHOD.md sections 1 and 3): its best-step and
 * final latent points decoded by the frozen decoders, each matrix read as a sparse MLP with the
 * restart's magnitude threshold ({@link MlpMatrixCodec#extract}), and per configuration and
 * restart the one of the two with the lower discrete training loss kept.
 */
final class NetworkExtraction {
  private final AutoencoderModel model;
  private final SearchSettings settings;
  private final MlpLayout layout;
  private final MlpMatrixCodec codec;

  /**
   * @param model the autoencoder
   * @param settings the search's settings (its penalties and configurations)
   */
  NetworkExtraction(AutoencoderModel model, SearchSettings settings) {
    this.model = model;
    this.settings = settings;
    this.layout = model.config().layout();
    this.codec = new MlpMatrixCodec(layout);
  }

  /**
   * Decodes the best-step and final latent points of a group's {@code r} restarts, extracts
   * the discrete networks and keeps per configuration and restart the candidate with the lower
   * discrete training loss (MSE plus the sparsity penalties).
   *
   * @return the kept candidates, by configuration, then restart; a restart whose candidates
   *     both decode to non-finite values has none
   */
  Extracted[] extract(LatentOptimiser.Trajectory t, int r, int firstRestart, int nIn, Rows rows) {
    AutoencoderConfig c = model.config();
    int l = layout.maxHiddenLayers();
    int h = layout.maxNeurons();
    INDArray both = Nd4j.concat(1, t.bestZ(), t.finalZ()); // [L, 2r, H, d]
    SameDiff sd = SameDiff.create();
    SDVariable zIn = sd.placeHolder("zIn", DataType.FLOAT, l, 2L * r, h, c.dModel());
    AutoencoderGraph.frozenDecoders(sd, c, model.parameters(), zIn, 2 * r).rename("decodedOut");
    INDArray decoded = sd.outputSingle(Map.of("zIn", both), "decodedOut"); // [L, 2r*H, maxW]
    List<Extracted> picks = new ArrayList<>();
    for (int k : settings.layers()) {
      int width = layout.width(k);
      for (int rr = 0; rr < r; rr++) {
        SparseMlp pick = null;
        double pickLoss = Double.POSITIVE_INFINITY;
        for (int cand = 0; cand < 2; cand++) {
          int slot = cand * r + rr;
          double threshold = (cand == 0 ? t.bestT() : t.finalT()).getDouble(k - 1, rr, 0, 0);
          double[][] m = new double[h][width];
          for (int row = 0; row < h; row++) {
            for (int col = 0; col < width; col++) {
              m[row][col] = decoded.getDouble(k - 1, (long) slot * h + row, col);
            }
          }
          SparseMlp net;
          try {
            net = codec.extract(m, nIn, k, threshold);
          } catch (IllegalArgumentException e) {
            continue; // non-finite decoded values
          }
          double loss = net.meanSquaredError(rows.x(), rows.y(), rows.w())
              + settings.lambdaS() * (settings.muC() * net.nonZeroWeights()
              + settings.mu1() * absWeightSum(net));
          if (loss < pickLoss) {
            pickLoss = loss;
            pick = net;
          }
        }
        if (pick != null) {
          picks.add(new Extracted(k, firstRestart + rr, pick, pickLoss));
        }
      }
    }
    return picks.toArray(Extracted[]::new);
  }

  /**
   * One restart's extracted network, before refinement.
   *
   * @param k its configuration
   * @param restart its restart, 0-based
   * @param net the discrete network
   * @param loss its discrete training loss: MSE on the rows plus the sparsity penalties
   */
  record Extracted(int k, int restart, SparseMlp net, double loss) {}

  private static double absWeightSum(SparseMlp net) {
    double s = 0;
    int k = net.hiddenLayers();
    MlpLayout lay = net.layout();
    for (int t = 0; t <= k; t++) {
      int rows = lay.weightRows(net.nIn(), t);
      int cols = lay.weightColumns(k, t);
      for (int i = 0; i < rows; i++) {
        for (int j = 0; j < cols; j++) {
          s += Math.abs(net.weight(t, i, j));
        }
      }
    }
    return s;
  }
}
