package swatnn.autoencoder;

import java.util.HashMap;
import java.util.Map;
import java.util.function.Function;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.linalg.api.buffer.DataType;
import swatnn.nd4j.Nd4jRuntime;
import swatnn.nd4j.ParameterSet;

/**
 * Builds SameDiff graphs over a {@link ParameterSet}: the encoder (tokens to z), the L decoders
 * (z to decoded matrices) and the training objective. Graphs have fixed batch shapes; building
 * one takes milliseconds, so a new batch size gets a new graph over the same arrays.
 */
public final class AutoencoderGraph {
  static {
    Nd4jRuntime.init();
  }


  /** Placeholder and output names of the training graph. */
  public static final String TOKENS = "tokens";
  public static final String POINTS = "points";
  public static final String TARGETS = "targets";
  public static final String WEIGHTS = "weights";
  public static final String LOSS = "loss";
  public static final String REL_ERROR = "relError";
  public static final String REC_TARGET = "recTarget";
  public static final String REC_MASK = "recMask";
  public static final String REC_WEIGHT = "recWeight";

  private final SameDiff sd;
  private final AutoencoderConfig config;
  private final Function<String, SDVariable> vars;

  private AutoencoderGraph(AutoencoderConfig config, ParameterSet params, boolean trainable) {
    this.sd = SameDiff.create();
    this.config = config;
    Map<String, SDVariable> made = new HashMap<>();
    this.vars = name -> made.computeIfAbsent(name,
        n -> trainable ? sd.var(n, params.get(n)) : sd.constant(n, params.get(n)));
  }

  public SameDiff sameDiff() {
    return sd;
  }

  /**
   * The training graph for batches of b networks with p points each. Outputs {@link #LOSS} (a
   * scalar) and {@link #REL_ERROR} ([L, b]: each decoder's MSE divided by the example's weight
   * denominator, i.e. times the {@link #WEIGHTS} placeholder).
   *
   * @param allDecoderWeight weight of the mean over decoders added to the mean of the minimum;
   *     0 gives docs/METHOD.md's objective exactly
   */
  public static AutoencoderGraph training(AutoencoderConfig c, ParameterSet params, int b, int p,
      double allDecoderWeight) {
    AutoencoderGraph g = new AutoencoderGraph(c, params, true);
    SameDiff sd = g.sd;
    int h = c.tokens();
    SDVariable tokens = sd.placeHolder(TOKENS, DataType.FLOAT, b, h, c.tokenWidth());
    SDVariable points = sd.placeHolder(POINTS, DataType.FLOAT, b, p, h);
    SDVariable targets = sd.placeHolder(TARGETS, DataType.FLOAT, b, p);
    SDVariable weights = sd.placeHolder(WEIGHTS, DataType.FLOAT, b);
    SDVariable z = g.encode(tokens, b);
    SDVariable decoded = g.decode(z, b);
    SDVariable pred = SoftMlpGraph.build(sd, c.layout(), decoded, points, b, p,
        SoftMlpGraph.Shaping.NONE).predictions(); // [L, b, p]
    SDVariable diff = pred.sub(sd.reshape(targets, 1, b, p));
    SDVariable rel = diff.mul(diff).mean(2).mul(sd.reshape(weights, 1, b)).rename(REL_ERROR);
    SDVariable loss = rel.min(0).mean();
    if (allDecoderWeight > 0) {
      loss = loss.add(rel.mean().mul(allDecoderWeight));
    }
    // Reconstruction (weighted by a placeholder, 0 once its schedule ends): decoder k_in's
    // matrix against the input matrix, on the input's real entries.
    int maxW = c.layout().maxWidth();
    SDVariable recTarget = sd.placeHolder(REC_TARGET, DataType.FLOAT, c.decoders(), (long) b * h, maxW);
    SDVariable recMask = sd.placeHolder(REC_MASK, DataType.FLOAT, c.decoders(), (long) b * h, maxW);
    SDVariable recWeight = sd.placeHolder(REC_WEIGHT, DataType.FLOAT);
    SDVariable recDiff = decoded.sub(recTarget).mul(recMask);
    loss = loss.add(recDiff.mul(recDiff).sum().div(recMask.sum().add(1.0)).mul(recWeight));
    loss.rename(LOSS);
    sd.setLossVariables(LOSS);
    Nd4jRuntime.createGradientsQuietly(sd);
    return g;
  }

  /** Encoder alone: placeholder {@link #TOKENS} [b, H, 2 maxW] to output "z" [1, b*H, d]. */
  public static AutoencoderGraph encoder(AutoencoderConfig c, ParameterSet params, int b) {
    AutoencoderGraph g = new AutoencoderGraph(c, params, false);
    g.encode(g.sd.placeHolder(TOKENS, DataType.FLOAT, b, c.tokens(), c.tokenWidth()), b);
    return g;
  }

  /** Decoders alone: placeholder "zIn" [b, H, d] to output "decoded" [L, b*H, maxW]. */
  public static AutoencoderGraph decoder(AutoencoderConfig c, ParameterSet params, int b) {
    AutoencoderGraph g = new AutoencoderGraph(c, params, false);
    g.decode(g.sd.placeHolder("zIn", DataType.FLOAT, b, c.tokens(), c.dModel()), b);
    return g;
  }

  /**
   * Decoders with frozen weights over a given z, one latent point per decoder and network, for
   * graphs that optimise z (the latent search).
   *
   * @param z [L, b, H, d]: decoder i decodes z[i]
   * @return decoded [L, b*H, maxW]
   */
  public static SDVariable frozenDecoders(SameDiff sd, AutoencoderConfig c, ParameterSet params,
      SDVariable z, int b) {
    Map<String, SDVariable> made = new HashMap<>();
    AutoencoderGraph g = new AutoencoderGraph(sd, c, n -> made.computeIfAbsent(n,
        x -> sd.constant(x, params.get(x))));
    return g.decode(z, b, true);
  }

  private AutoencoderGraph(SameDiff sd, AutoencoderConfig config, Function<String, SDVariable> vars) {
    this.sd = sd;
    this.config = config;
    this.vars = vars;
  }

  /** tokens [b, H, 2 maxW] to z [1, b*H, d]: projection, positions, blocks, a final LayerNorm. */
  SDVariable encode(SDVariable tokens, int b) {
    int h = config.tokens();
    int d = config.dModel();
    SDVariable flat = sd.reshape(tokens, (long) b * h, config.tokenWidth());
    SDVariable x = sd.mmul(flat, vars.apply("enc.in.W")).add(vars.apply("enc.in.b"));
    x = sd.reshape(sd.reshape(x, b, h, d).add(vars.apply("enc.pos")), 1, (long) b * h, d);
    x = TransformerStack.apply(sd, vars, "enc", x, 1, b, h, config.encoderBlocks(), d, config.heads());
    // No gain or bias: each token of z has mean 0 and variance 1, the scale of the N(0, 1)
    // points the latent search starts from.
    return sd.nn.layerNorm(x, sd.constant(ParameterSet.ones(d)), false, 2).rename("z");
  }

  SDVariable decode(SDVariable z, int b) {
    return decode(z, b, false);
  }

  /**
   * z to decoded matrices [L, b*H, maxW], decoder i having i+1 layers.
   *
   * @param perDecoder z is [L, b, H, d], one point per decoder; otherwise [1, b*H, d] (or
   *     [b, H, d]) shared by all decoders
   */
  SDVariable decode(SDVariable z, int b, boolean perDecoder) {
    int h = config.tokens();
    int d = config.dModel();
    int s = config.decoders();
    SDVariable x = sd.reshape(z, perDecoder ? s : 1, b, h, d).add(vars.apply("dec.pos")); // [L, b, H, d]
    x = sd.reshape(x, s, (long) b * h, d);
    x = TransformerStack.apply(sd, vars, "dec", x, s, b, h, config.decoderBlocks(), d, config.heads());
    x = TransformerStack.layerNorm(sd, sd.constant(ParameterSet.ones(d)), x,
        vars.apply("dec.lnf.g"), vars.apply("dec.lnf.b"));
    return sd.mmul(x, vars.apply("dec.head.W")).add(vars.apply("dec.head.b")).rename("decoded");
  }
}
