package swatnn.autoencoder;

import java.util.SplittableRandom;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import swatnn.nd4j.ParameterSet;

/**
 * S independent pre-LayerNorm transformer stacks evaluated as one: every weight carries a
 * leading stack dimension and every matrix product is batched over it, so that the L decoders
 * cost the op count of one (op count, not arithmetic, dominates these small graphs).
 *
 * <p>The stream has shape [S, N*T, d]: S stacks, N sequences of T tokens. Attention is
 * bidirectional: a matrix row (token) holds the weights into and out of neuron h of every layer,
 * so what the network computes is spread over all rows and each row must see the others; rows
 * have no natural order that a causal mask would respect.
 */
final class TransformerStack {
  private TransformerStack() {}

  static void addParameters(ParameterSet p, String prefix, int s, int blocks, int d, int ratio,
      SplittableRandom rnd) {
    double projStd = 0.02 / Math.sqrt(2.0 * blocks);
    for (int b = 0; b < blocks; b++) {
      String n = prefix + ".block" + b + ".";
      p.put(n + "ln1.g", ParameterSet.ones(s, 1, d));
      p.put(n + "ln1.b", ParameterSet.zeros(s, 1, d));
      p.put(n + "attn.Wqkv", ParameterSet.normal(rnd, 0.02, s, d, 3L * d));
      p.put(n + "attn.bqkv", ParameterSet.zeros(s, 1, 3L * d));
      p.put(n + "attn.Wo", ParameterSet.normal(rnd, projStd, s, d, d));
      p.put(n + "attn.bo", ParameterSet.zeros(s, 1, d));
      p.put(n + "ln2.g", ParameterSet.ones(s, 1, d));
      p.put(n + "ln2.b", ParameterSet.zeros(s, 1, d));
      p.put(n + "mlp.W1", ParameterSet.normal(rnd, 0.02, s, d, (long) ratio * d));
      p.put(n + "mlp.b1", ParameterSet.zeros(s, 1, (long) ratio * d));
      p.put(n + "mlp.W2", ParameterSet.normal(rnd, projStd, s, (long) ratio * d, d));
      p.put(n + "mlp.b2", ParameterSet.zeros(s, 1, d));
    }
  }

  /**
   * Applies the blocks to x of shape [S, N*T, d].
   *
   * @param vars the graph's variables by parameter name
   */
  static SDVariable apply(SameDiff sd, java.util.function.Function<String, SDVariable> vars,
      String prefix, SDVariable x, int s, int n, int t, int blocks, int d, int heads) {
    int dh = d / heads;
    SDVariable ones = sd.constant(ParameterSet.ones(d));
    for (int b = 0; b < blocks; b++) {
      String p = prefix + ".block" + b + ".";
      SDVariable a = layerNorm(sd, ones, x, vars.apply(p + "ln1.g"), vars.apply(p + "ln1.b"));
      SDVariable qkv = sd.mmul(a, vars.apply(p + "attn.Wqkv")).add(vars.apply(p + "attn.bqkv"));
      // [S, N*T, 3d] -> [3, S*N, heads, T, dh]
      SDVariable split = sd.permute(sd.reshape(qkv, (long) s * n, t, 3, heads, dh), 2, 0, 3, 1, 4);
      SDVariable[] qkvParts = sd.unstack(split, 0, 3);
      SDVariable scores = sd.mmul(qkvParts[0], qkvParts[1], false, true, false)
          .mul(1.0 / Math.sqrt(dh));
      SDVariable att = sd.nn.softmax(scores, 3);
      SDVariable ctx = sd.mmul(att, qkvParts[2]); // [S*N, heads, T, dh]
      SDVariable merged = sd.reshape(sd.permute(ctx, 0, 2, 1, 3), s, (long) n * t, d);
      x = x.add(sd.mmul(merged, vars.apply(p + "attn.Wo")).add(vars.apply(p + "attn.bo")));
      SDVariable m = layerNorm(sd, ones, x, vars.apply(p + "ln2.g"), vars.apply(p + "ln2.b"));
      SDVariable hidden = sd.nn.gelu(sd.mmul(m, vars.apply(p + "mlp.W1")).add(vars.apply(p + "mlp.b1")));
      x = x.add(sd.mmul(hidden, vars.apply(p + "mlp.W2")).add(vars.apply(p + "mlp.b2")));
    }
    return x;
  }

  /** LayerNorm over the last dimension with a per-stack gain and bias of shape [S, 1, d]. */
  static SDVariable layerNorm(SameDiff sd, SDVariable ones, SDVariable x, SDVariable g, SDVariable b) {
    return sd.nn.layerNorm(x, ones, false, 2).mul(g).add(b);
  }
}
