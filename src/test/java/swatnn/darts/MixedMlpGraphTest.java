package swatnn.darts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import swatnn.nd4j.ParameterSet;

/** The supernet's gradients are the loss's: every parameter moves it as the gradient says. */
class MixedMlpGraphTest {

  @Test
  void gradientsOfWeightsAndArchitectureMatchTheLossSlope() throws Exception {
    // one thread: float32 reductions in a fixed order, so the check cannot depend on scheduling
    swatnn.nd4j.Nd4jRuntime.singleThreaded(() -> {
      checkGradients();
      return null;
    });
  }

  private static void checkGradients() {
    int k = 3;
    int h = 7;
    Random random = new Random(4);
    Nd4j.getRandom().setSeed(4); // randn below: ND4J's generator is otherwise seeded by the clock
    ParameterSet weights = WeightArrays.random(2, k, h, random);
    ParameterSet arch = new ParameterSet();
    for (int l = 0; l < k; l++) {
      arch.put(MixedMlpGraph.logits(l), Nd4j.randn(DataType.FLOAT, 3, h).muli(0.5));
      arch.put(MixedMlpGraph.gate(l), Nd4j.randn(DataType.FLOAT, 1, h));
    }
    MixedMlpGraph graph = MixedMlpGraph.supernet(k, weights, arch);
    double[][] rows = new double[32][2];
    double[] y = new double[32];
    for (int i = 0; i < rows.length; i++) {
      rows[i][0] = 2 * random.nextDouble() - 1;
      rows[i][1] = 2 * random.nextDouble() - 1;
      y[i] = rows[i][0] * rows[i][1];
    }
    INDArray x = MixedMlpGraph.inputs(rows, 2);
    INDArray labels = MixedMlpGraph.labels(y);
    List<String> names = new ArrayList<>(weights.asMap().keySet());
    names.addAll(arch.asMap().keySet());
    Map<String, INDArray> g = graph.evaluate(x, labels, names).gradients();
    for (String name : names) {
      INDArray p = weights.contains(name) ? weights.get(name) : arch.get(name);
      INDArray gi = g.get(name);
      double norm = gi.norm2Number().doubleValue();
      assertTrue(norm > 0 && Double.isFinite(norm), name + ": gradient norm " + norm);
      INDArray p0 = p.dup();
      INDArray dir = gi.div(norm);
      double eps = 1e-3;
      p.assign(p0.add(dir.mul(eps)));
      double up = graph.evaluate(x, labels, List.of()).loss();
      p.assign(p0.sub(dir.mul(eps)));
      double down = graph.evaluate(x, labels, List.of()).loss();
      p.assign(p0);
      // the slope's truncation error, plus float32 rounding of the two losses (a few hundred
      // roundings of about one ulp each) divided by the step
      double rounding = 256 * Math.ulp((float) Math.max(Math.abs(up), Math.abs(down))) / (2 * eps);
      assertEquals(norm, (up - down) / (2 * eps), 0.05 * norm + rounding, name);
    }
  }
}
