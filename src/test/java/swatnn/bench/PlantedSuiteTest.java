package swatnn.bench;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import swatnn.mlp.Activation;
import swatnn.mlp.MlpLayout;
import swatnn.mlp.SparseMlp;
import weka.core.Instances;

/**
 * The planted suite's generator: every generator network is alive and within the non-zero
 * range, the suite is deterministic, and the files hold the data.
 */
class PlantedSuiteTest {
  private static List<PlantedSuite.PlantedSet> sets;

  @TempDir Path dir;

  @BeforeAll
  static void generate() {
    sets = PlantedSuite.tuning().sets(PlantedSuite.DEFAULT_SETS);
  }

  @Test
  void nonZeroCountsAndShapesAreInRange() {
    for (PlantedSuite.PlantedSet s : sets) {
      SparseMlp net = s.network();
      assertTrue(net.nonZeroCount() >= PlantedSuite.MIN_NONZERO
          && net.nonZeroCount() <= PlantedSuite.MAX_NONZERO, s.id() + ": " + net.nonZeroCount());
      assertTrue(s.inputs() >= 1 && s.inputs() <= 7, s.id());
      assertEquals(1 + s.index() % 4, s.layers(), s.id());
      assertEquals(s.trainY().length, s.trainX().length);
      assertEquals(s.inputs(), s.trainX()[0].length);
      for (double[] row : s.trainX()) {
        for (double v : row) {
          assertTrue(v >= -1 && v <= 1, s.id() + ": input " + v);
        }
      }
    }
  }

  @Test
  void everyInputAndNeuronIsConnected() {
    int h = MlpLayout.DEFAULT.maxNeurons();
    for (PlantedSuite.PlantedSet s : sets) {
      SparseMlp net = s.network();
      for (int i = 0; i < net.nIn(); i++) {
        boolean used = false;
        for (int j = 0; j < h; j++) {
          used |= net.isActive(0, j) && net.weight(0, i, j) != 0;
        }
        assertTrue(used, s.id() + ": input " + i + " unused");
      }
      for (int l = 0; l < net.hiddenLayers(); l++) {
        assertTrue(net.activeNeurons(l) > 0, s.id() + ": empty layer " + l);
        for (int j = 0; j < h; j++) {
          if (!net.isActive(l, j)) {
            continue;
          }
          boolean in = false;
          for (int i = 0; i < (l == 0 ? net.nIn() : h); i++) {
            in |= net.weight(l, i, j) != 0 && (l == 0 || net.isActive(l - 1, i));
          }
          boolean out = false;
          int next = l + 1;
          for (int m = 0; m < (next == net.hiddenLayers() ? 1 : h); m++) {
            out |= net.weight(next, j, m) != 0
                && (next == net.hiddenLayers() || net.isActive(next, m));
          }
          assertTrue(in && out, s.id() + ": neuron " + l + "." + j + " in " + in + " out "
              + out);
        }
      }
    }
  }

  /** Cutting any neuron's outgoing weights changes the output on the training inputs. */
  @Test
  void everyNeuronMattersOnTheTrainingInputs() {
    int h = MlpLayout.DEFAULT.maxNeurons();
    for (PlantedSuite.PlantedSet s : sets) {
      SparseMlp net = s.network();
      double[] base = net.predict(s.trainX());
      double sd = PlantedSuite.sd(base);
      for (int l = 0; l < net.hiddenLayers(); l++) {
        for (int j = 0; j < h; j++) {
          if (!net.isActive(l, j)) {
            continue;
          }
          SparseMlp.Builder b = net.toBuilder();
          int next = l + 1;
          for (int m = 0; m < (next == net.hiddenLayers() ? 1 : h); m++) {
            b.weight(next, j, m, 0.0);
          }
          double[] cut = b.build().predict(s.trainX());
          double ss = 0;
          for (int r = 0; r < cut.length; r++) {
            ss += (cut[r] - base[r]) * (cut[r] - base[r]);
          }
          // cutting moves the output at least as much as holding it at its mean, which the
          // generator requires to be 5% of the output's SD
          assertTrue(Math.sqrt(ss / cut.length) >= 0.05 * sd, s.id() + ": neuron " + l + "."
              + j + " barely matters");
        }
      }
    }
  }

  @Test
  void testTargetsAreNoiselessAndAQuarterOfTheSetsAreNoisy() {
    int noisy = 0;
    for (PlantedSuite.PlantedSet s : sets) {
      assertArrayEquals(s.network().predict(s.testX()), s.testY(), 0.0, s.id());
      double[] clean = s.network().predict(s.trainX());
      double[] residual = new double[clean.length];
      for (int r = 0; r < clean.length; r++) {
        residual[r] = s.trainY()[r] - clean[r];
      }
      if (s.noiseSd() > 0) {
        noisy++;
        assertEquals(s.noiseSd(), PlantedSuite.sd(residual), 0.15 * s.noiseSd(), s.id());
      } else {
        assertArrayEquals(clean, s.trainY(), 0.0, s.id());
      }
      assertEquals(PlantedSuite.sd(s.testY()), s.targetSd(), 1e-12);
    }
    assertEquals(6, noisy);
    for (int k = 1; k <= 4; k++) {
      int depth = k;
      assertTrue(sets.stream().anyMatch(s -> s.layers() == depth && s.noiseSd() > 0),
          "no noisy set with " + k + " layers");
    }
  }

  @Test
  void aSetDependsOnlyOnTheGeneratorSeedAndItsIndex() {
    PlantedSuite.PlantedSet again = PlantedSuite.tuning().set(7);
    PlantedSuite.PlantedSet first = sets.get(7);
    assertEquals(first.network(), again.network());
    assertArrayEquals(first.trainY(), again.trainY(), 0.0);
    assertArrayEquals(first.testX()[3], again.testX()[3], 0.0);
    PlantedSuite other = new PlantedSuite(2, PlantedSuite.DEFAULT_TRAIN_ROWS,
        PlantedSuite.DEFAULT_TEST_ROWS);
    assertNotEquals(first.network(), other.set(7).network());
    assertEquals("g2-07", other.id(7));
  }

  @Test
  void rejectsASaturatedNeuronAndAConstantOne() {
    double[][] x = new double[200][2];
    Random r = new Random(3);
    for (double[] row : x) {
      row[0] = 2 * r.nextDouble() - 1;
      row[1] = 2 * r.nextDouble() - 1;
    }
    SparseMlp.Builder good = SparseMlp.builder(MlpLayout.DEFAULT, 2, 1)
        .neuron(0, 0, Activation.TANH, 0.1).neuron(0, 1, Activation.SIGMOID, -0.2)
        .weight(0, 0, 0, 2.0).weight(0, 1, 1, -3.0).outputWeight(0, 1.5).outputWeight(1, 2.0)
        .outputBias(0.3);
    assertTrue(PlantedSuite.isAlive(good.build(), x));
    // a sigmoid with bias 30: its output is 1 to 1e-9 on [-1, 1]
    assertFalse(PlantedSuite.isAlive(good.bias(0, 1, 30.0).build(), x));
    // no incoming weight: a constant
    assertFalse(PlantedSuite.isAlive(good.bias(0, 1, -0.2).weight(0, 1, 1, 0.0)
        .weight(0, 0, 0, 2.0).weight(0, 1, 0, 1.0).build(), x));
    // a leaky ReLU that is negative on every row
    assertFalse(PlantedSuite.isAlive(SparseMlp.builder(MlpLayout.DEFAULT, 2, 1)
        .neuron(0, 0, Activation.TANH, 0.1).neuron(0, 1, Activation.LEAKY_RELU, -9.0)
        .weight(0, 0, 0, 2.0).weight(0, 1, 1, 3.0).weight(0, 0, 1, 1.0).outputWeight(0, 1.5)
        .outputWeight(1, 2.0).outputBias(0.3).build(), x));
  }

  @Test
  void filesHoldTheDataExactly() throws Exception {
    List<PlantedSuite.PlantedSet> two = sets.subList(0, 2);
    PlantedFiles.write(dir, two);
    Instances train = PlantedFiles.load(PlantedFiles.trainFile(dir, "g1-01"));
    assertEquals(two.get(1).inputs() + 1, train.numAttributes());
    assertEquals(train.numAttributes() - 1, train.classIndex());
    assertEquals(two.get(1).trainY()[5], train.instance(5).classValue(), 0.0);
    assertEquals(two.get(1).trainX()[5][0], train.instance(5).value(0), 0.0);
    Instances test = PlantedFiles.load(PlantedFiles.testFile(dir, "g1-00"));
    assertEquals(PlantedSuite.DEFAULT_TEST_ROWS, test.numInstances());
    List<String> csv = Files.readAllLines(dir.resolve(PlantedFiles.GENERATORS_CSV));
    assertEquals(PlantedFiles.HEADER, csv.get(0));
    assertTrue(csv.get(1).startsWith("g1-00,1,0," + two.get(0).inputs() + ",1,"));
    assertTrue(Files.readString(dir.resolve(PlantedFiles.GENERATORS_TXT))
        .contains(two.get(1).network().toString()));
  }
}
