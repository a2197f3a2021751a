package swatnn.mlp;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;

/** Bayesian regularisation (MacKay; Foresee and Hagan) on small fixed network structures. */
class BayesianRegularisationTest {
  private static final double SIGMA = 0.1;

  /** 2 inputs, 3 tanh neurons, dense: 13 parameters; a smooth function of both inputs. */
  private static SparseMlp structure(double[] w) {
    SparseMlp.Builder b = SparseMlp.builder(MlpLayout.DEFAULT, 2, 1);
    for (int j = 0; j < 3; j++) {
      b.neuron(0, j, Activation.TANH, w[4 * j]).weight(0, 0, j, w[4 * j + 1])
          .weight(0, 1, j, w[4 * j + 2]).outputWeight(j, w[4 * j + 3]);
    }
    return b.outputBias(w[12]).build();
  }

  private static final double[] TRUTH = {0.3, 1.5, -0.8, 1.2, -0.5, 0.7, 1.6, -0.9, 0.1, -1.2,
      -0.4, 0.6, 0.2};

  private static double[][] points(Random r, int n) {
    double[][] x = new double[n][2];
    for (double[] row : x) {
      row[0] = 2 * r.nextDouble() - 1;
      row[1] = 2 * r.nextDouble() - 1;
    }
    return x;
  }

  /** A start near the truth (the test is of the statistics, not of escaping local minima). */
  private static SparseMlp start(Random r) {
    double[] w = TRUTH.clone();
    for (int q = 0; q < w.length; q++) {
      w[q] += 0.2 * r.nextGaussian();
    }
    return structure(w);
  }

  @Test
  void recoversTheNoiseVariance() {
    SparseMlp truth = structure(TRUTH);
    for (long seed = 2; seed <= 4; seed++) {
      Random r = new Random(seed);
      double[][] x = points(r, 200);
      double[] y = truth.predict(x);
      double ss = 0;
      for (int i = 0; i < y.length; i++) {
        double e = SIGMA * r.nextGaussian();
        ss += e * e;
        y[i] += e;
      }
      BayesianRegularisation.Refined br = new BayesianRegularisation().refine(start(r), x, y,
          null);
      BayesianRegularisation.Fit fit = br.fit();
      // within 20% of sigma^2, and within 5% of this noise draw's mean square (the sample
      // variance of 200 draws itself varies by about 10%; seed 1's is 23% low)
      assertEquals(SIGMA * SIGMA, fit.noiseVariance(), 0.2 * SIGMA * SIGMA,
          "seed " + seed + ": " + fit);
      assertEquals(ss / 200, fit.noiseVariance(), 0.05 * ss / 200, "seed " + seed + ": " + fit);
      assertTrue(fit.gamma() > 0 && fit.gamma() < fit.parameterCount(), fit.toString());
      assertEquals(13, fit.parameterCount());
      assertTrue(Double.isFinite(fit.logEvidence()), fit.toString());
      double mse = br.network().meanSquaredError(x, y);
      assertEquals(fit.dataError() / 200, mse, 1e-12, "the statistics are the network's");
    }
  }

  @Test
  void fewEffectiveParametersOnPureNoise() {
    Random r = new Random(7);
    double[][] x = points(r, 200);
    double[] y = new double[200];
    for (int i = 0; i < y.length; i++) {
      y[i] = 0.5 + r.nextGaussian(); // a mean the output bias must carry
    }
    BayesianRegularisation.Fit fit = new BayesianRegularisation().refine(start(r), x, y, null)
        .fit();
    assertTrue(fit.gamma() > 0.5 && fit.gamma() < 13 / 4.0, "gamma " + fit);
    assertEquals(1.0, fit.noiseVariance(), 0.25, fit.toString());
  }

  @Test
  void aRowOfWeightTwoIsThatRowTwice() {
    SparseMlp truth = structure(TRUTH);
    Random r = new Random(11);
    double[][] x = points(r, 100);
    double[] y = truth.predict(x);
    for (int i = 0; i < y.length; i++) {
      y[i] += SIGMA * r.nextGaussian();
    }
    double[] w = new double[x.length];
    java.util.Arrays.fill(w, 1);
    w[0] = 2;
    w[5] = 0;
    double[][] x2 = new double[x.length][];
    double[] y2 = new double[x.length];
    int k = 0;
    for (int i = 0; i < x.length; i++) {
      if (i != 5) {
        x2[k] = x[i];
        y2[k++] = y[i];
      }
    }
    x2[k] = x[0];
    y2[k] = y[0];
    SparseMlp from = start(r);
    BayesianRegularisation br = new BayesianRegularisation();
    BayesianRegularisation.Fit weighted = br.refine(from, x, y, w).fit();
    BayesianRegularisation.Fit twice = br.refine(from, x2, y2, null).fit();
    assertArrayEquals(twice.parameters(), weighted.parameters(), 1e-7);
    assertEquals(twice.alpha(), weighted.alpha(), 1e-7 * twice.alpha());
    assertEquals(twice.beta(), weighted.beta(), 1e-7 * twice.beta());
    assertEquals(twice.gamma(), weighted.gamma(), 1e-7);
    assertEquals(twice.logEvidence(), weighted.logEvidence(), 1e-6);
  }

  @Test
  void aNoiselessProblemGivesThePlainOptimum() {
    SparseMlp truth = structure(TRUTH);
    Random r = new Random(5);
    double[][] x = points(r, 200);
    double[] y = truth.predict(x);
    SparseMlp from = start(r);
    BayesianRegularisation.Refined br = new BayesianRegularisation().refine(from, x, y, null);
    SparseMlp lm = new LeastSquaresRefiner(LeastSquaresRefiner.DEFAULT_ITERATIONS,
        LeastSquaresRefiner.DEFAULT_TOLERANCE).refine(from, x, y, null);
    assertTrue(lm.meanSquaredError(x, y) < 1e-16, "LM fits exactly");
    assertTrue(br.network().meanSquaredError(x, y) < 1e-12, br.fit().toString());
    assertArrayEquals(new FreeParameters(lm).values(), new FreeParameters(br.network()).values(),
        1e-4);
    assertTrue(br.fit().gamma() > 12, "every parameter is determined: " + br.fit());
  }

  @Test
  void refinementBrReportsGammaAndTheOthersTheParameterCount() {
    Random r = new Random(3);
    double[][] x = points(r, 100);
    double[] y = structure(TRUTH).predict(x);
    for (int i = 0; i < y.length; i++) {
      y[i] += SIGMA * r.nextGaussian();
    }
    SparseMlp from = start(r);
    LeastSquaresRefiner lm = new LeastSquaresRefiner(200, 1e-8);
    assertEquals(Refinement.BR, Refinement.ofName(" BR "));
    Refinement.Result br = Refinement.BR.refine(from, x, y, null, 10, 1e-3, lm);
    assertEquals(new BayesianRegularisation(200, 1e-8).refine(from, x, y, null).fit().gamma(),
        br.effectiveParameters(), 1e-12);
    assertTrue(br.effectiveParameters() < 13);
    assertEquals(br.network(), Refinement.BR.apply(from, x, y, null, 10, 1e-3, lm));
    Refinement.Result plain = Refinement.LM.refine(from, x, y, null, 10, 1e-3, lm);
    assertEquals(13, plain.effectiveParameters());
    assertEquals(lm.refine(from, x, y, null), plain.network());
    assertEquals(13, Refinement.NONE.refine(from, x, y, null, 10, 1e-3, lm)
        .effectiveParameters());
  }
}
