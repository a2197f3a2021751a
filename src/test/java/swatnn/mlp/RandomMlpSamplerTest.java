package swatnn.mlp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;

class RandomMlpSamplerTest {

  private final MlpLayout layout = MlpLayout.DEFAULT;

  @Test
  void statisticsOfTenThousandDraws() {
    RandomMlpSampler sampler = new RandomMlpSampler(layout, 1, 7);
    Random random = new Random(2024);
    int draws = 10_000;
    double[] levels = RandomMlpSampler.sparsityLevels();
    long[] zeros = new long[levels.length];
    long[] weightsPerLevel = new long[levels.length];
    int[] networksPerLevel = new int[levels.length];
    long slots = 0;
    long active = 0;
    long[] perActivation = new long[3];
    int[] perK = new int[5];
    int[] perNIn = new int[8];
    for (int n = 0; n < draws; n++) {
      RandomMlpSampler.Draw d = sampler.draw(random);
      SparseMlp m = d.mlp();
      int level = java.util.Arrays.binarySearch(levels, d.sparsity());
      assertTrue(level >= 0, "unexpected level " + d.sparsity());
      networksPerLevel[level]++;
      perK[m.hiddenLayers()]++;
      perNIn[m.nIn()]++;
      int k = m.hiddenLayers();
      for (int t = 0; t <= k; t++) {
        for (int i = 0; i < layout.weightRows(m.nIn(), t); i++) {
          for (int j = 0; j < layout.weightColumns(k, t); j++) {
            double w = m.weight(t, i, j);
            assertTrue(w >= -5 && w <= 5, "weight " + w);
            weightsPerLevel[level]++;
            if (w == 0) {
              zeros[level]++;
            }
          }
        }
      }
      for (int l = 0; l < k; l++) {
        for (int j = 0; j < 7; j++) {
          slots++;
          active += m.isActive(l, j) ? 1 : 0;
          perActivation[m.activation(l, j).ordinal()]++;
          double b = m.bias(l, j);
          assertTrue(b >= -1 && b <= 1, "bias " + b);
        }
      }
      assertTrue(m.outputBias() >= -1 && m.outputBias() <= 1);
    }
    for (int level = 0; level < levels.length; level++) {
      double share = zeros[level] / (double) weightsPerLevel[level];
      assertEquals(levels[level], share, 0.02, "zero share at level " + levels[level]);
      assertEquals(1.0 / 3, networksPerLevel[level] / (double) draws, 0.02);
    }
    assertEquals(0.5, active / (double) slots, 0.02);
    for (long count : perActivation) {
      assertEquals(1.0 / 3, count / (double) slots, 0.02);
    }
    for (int k = 1; k <= 4; k++) {
      assertEquals(0.25, perK[k] / (double) draws, 0.02, "k = " + k);
    }
    for (int nIn = 1; nIn <= 7; nIn++) {
      assertEquals(1.0 / 7, perNIn[nIn] / (double) draws, 0.02, "nIn = " + nIn);
    }
  }

  @Test
  void sameSeedSameDraws() {
    RandomMlpSampler sampler = new RandomMlpSampler(layout, 2, 5);
    Random a = new Random(7);
    Random b = new Random(7);
    for (int n = 0; n < 200; n++) {
      RandomMlpSampler.Draw x = sampler.draw(a);
      RandomMlpSampler.Draw y = sampler.draw(b);
      assertEquals(x, y);
      assertTrue(x.mlp().nIn() >= 2 && x.mlp().nIn() <= 5);
    }
    assertNotEquals(sampler.draw(new Random(1)), sampler.draw(new Random(2)));
  }

  @Test
  void fixedKAndInputs() {
    RandomMlpSampler fixed = new RandomMlpSampler(layout, 3, 3);
    Random random = new Random(9);
    for (int n = 0; n < 100; n++) {
      SparseMlp m = fixed.draw(random, 1 + n % 4).mlp();
      assertEquals(3, m.nIn());
      assertEquals(1 + n % 4, m.hiddenLayers());
      SparseMlp m2 = fixed.draw(random, 2, 6).mlp();
      assertEquals(6, m2.nIn());
      assertEquals(2, m2.hiddenLayers());
    }
    assertThrows(IllegalArgumentException.class, () -> fixed.draw(random, 5));
    assertThrows(IllegalArgumentException.class, () -> fixed.draw(random, 1, 0));
  }

  @Test
  void rejectsBadRanges() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> new RandomMlpSampler(layout, 3, 2));
    assertTrue(e.getMessage().contains("[3, 2]"), e.getMessage());
    assertThrows(IllegalArgumentException.class, () -> new RandomMlpSampler(layout, 0, 2));
    assertThrows(IllegalArgumentException.class, () -> new RandomMlpSampler(layout, 1, 8));
  }
}
