package swatnn.autoencoder;

import java.util.SplittableRandom;
import org.nd4j.linalg.api.ndarray.INDArray;
import swatnn.nd4j.ParameterSet;

/** The autoencoder's parameters at the start of training (docs/METHOD.md section 2). */
public final class AutoencoderParameters {
  private AutoencoderParameters() {}

  /** Creates the parameters of a config, initialised deterministically from a seed. */
  public static ParameterSet initialise(AutoencoderConfig c, long seed) {
    ParameterSet p = new ParameterSet();
    SplittableRandom rnd = new SplittableRandom(seed);
    int d = c.dModel();
    int h = c.tokens();
    int s = c.decoders();
    p.put("enc.in.W", ParameterSet.normal(rnd, 0.02, c.tokenWidth(), d));
    p.put("enc.in.b", ParameterSet.zeros(d));
    p.put("enc.pos", ParameterSet.normal(rnd, 0.02, h, d));
    TransformerStack.addParameters(p, "enc", 1, c.encoderBlocks(), d, c.mlpRatio(), rnd);
    p.put("dec.pos", ParameterSet.normal(rnd, 0.02, s, 1, h, d));
    TransformerStack.addParameters(p, "dec", s, c.decoderBlocks(), d, c.mlpRatio(), rnd);
    p.put("dec.lnf.g", ParameterSet.ones(s, 1, d));
    p.put("dec.lnf.b", ParameterSet.zeros(s, 1, d));
    // Decoder k reads only the first width(k) columns of its head; the others start at zero
    // and, receiving no gradient, stay there.
    INDArray head = ParameterSet.normal(rnd, 0.02, s, d, c.layout().maxWidth());
    for (int k = 1; k <= s; k++) {
      int w = c.layout().width(k);
      head.get(org.nd4j.linalg.indexing.NDArrayIndex.point(k - 1),
          org.nd4j.linalg.indexing.NDArrayIndex.all(),
          org.nd4j.linalg.indexing.NDArrayIndex.interval(w, c.layout().maxWidth())).assign(0);
    }
    p.put("dec.head.W", head);
    p.put("dec.head.b", ParameterSet.zeros(s, 1, c.layout().maxWidth()));
    return p;
  }

}
