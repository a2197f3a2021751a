package swatnn.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Random;
import swatnn.mlp.Activation;
import swatnn.mlp.MlpLayout;
import swatnn.mlp.RandomMlpSampler;
import swatnn.mlp.SparseMlp;

/**
 * The planted-network suite's generator: data sets whose target is a sparse network drawn from
 * SWAT-NN's own search space ({@link RandomMlpSampler} over {@link MlpLayout#DEFAULT}: up to 4
 * hidden layers of up to 7 neurons, each sigmoid, tanh or leaky ReLU), so that the sparse answer
 * is known.
 *
 * <p>Set {@code i} of generator seed {@code s} has {@code 1 + i % 4} hidden layers, and its
 * network is drawn from a {@link Random} seeded from (s, i) alone, so each set is the same
 * whatever the suite's size. Draws are rejected until the network, with its dead ends removed
 * ({@link SparseMlp#withoutDeadEnds()}), meets every condition:
 *
 * <ul>
 *   <li>its non-zero count ({@link SparseMlp#nonZeroCount()}: live non-zero weights, non-zero
 *       biases of active neurons, a non-zero output bias) lies in {@link #MIN_NONZERO} ..
 *       {@link #MAX_NONZERO} and it keeps {@code 1 + i % 4} hidden layers with an active neuron
 *       each;
 *   <li>every input has a non-zero weight into an active neuron (no input is irrelevant);
 *   <li>every active neuron has a non-zero incoming weight from an input or an active neuron
 *       (none is a constant);
 *   <li>every active neuron matters on the training inputs: replacing its output by its mean
 *       over those inputs moves the network's output by an RMS of at least
 *       {@link #MIN_KNOCKOUT_EFFECT} of the output's SD;
 *   <li>no active neuron is saturated: its output's SD over the training inputs is at least
 *       {@link #MIN_NEURON_SD} (a sigmoid's output spans 1, a tanh's 2), and a leaky ReLU is in
 *       its positive part on at least {@link #MIN_LEAKY_POSITIVE} of the rows.
 * </ul>
 *
 * <p>Inputs are uniform in [-1, 1]. The training target is the network's output plus, on the
 * noisy sets ({@link #isNoisy}: 6 of every 24, spread over the depths), Gaussian noise whose SD
 * is a fraction in [0.05, 0.2) of the noiseless target's SD; test targets are noiseless.
 *
 * <p>Generator seed {@link #TUNING_SEED} is the tuning suite; sets drawn with any other
 * generator seed are held-out tests and must not be used to tune the search.
 */
public final class PlantedSuite {
  /** The generator seed of the suite used for tuning; other seeds give held-out test suites. */
  public static final long TUNING_SEED = 1;
  /** The default number of sets. */
  public static final int DEFAULT_SETS = 24;
  /** Training rows per set. */
  public static final int DEFAULT_TRAIN_ROWS = 1000;
  /** Test rows per set. */
  public static final int DEFAULT_TEST_ROWS = 1000;
  /** The smallest non-zero count of a generator network. */
  public static final int MIN_NONZERO = 5;
  /** The largest non-zero count of a generator network. */
  public static final int MAX_NONZERO = 40;
  /** Knocking out any one neuron must move the output by this fraction of its SD (RMS). */
  public static final double MIN_KNOCKOUT_EFFECT = 0.05;
  /** Every neuron's output must have at least this SD over the training inputs. */
  public static final double MIN_NEURON_SD = 0.05;
  /** A leaky ReLU must be in its positive part on at least this fraction of the rows. */
  public static final double MIN_LEAKY_POSITIVE = 0.05;
  /** The range of the noise SD, as a fraction of the noiseless target's SD. */
  static final double NOISE_MIN = 0.05;
  static final double NOISE_MAX = 0.2;
  /** Draws tried per set before giving up (never reached with the default layout). */
  static final int MAX_DRAWS = 1_000_000;

  private static final double INPUT_RANGE = 1.0;

  /**
   * One generated set: its network and data.
   *
   * @param id the set's name, {@code g<seed>-<index>} with two digits, e.g. {@code g1-07}
   * @param generatorSeed the suite's generator seed
   * @param index the set's position in the suite, from 0
   * @param network the generator network, without dead ends
   * @param noiseSd the SD of the noise on the training target (0 if noiseless)
   * @param targetSd the SD of the noiseless test target (the recovery rule's scale)
   * @param trainX training inputs, rows x inputs, each uniform in [-1, 1]
   * @param trainY training targets (with the noise)
   * @param testX test inputs
   * @param testY noiseless test targets
   * @param draws how many draws it took to meet the conditions
   */
  public record PlantedSet(String id, long generatorSeed, int index, SparseMlp network,
      double noiseSd, double targetSd, double[][] trainX, double[] trainY, double[][] testX,
      double[] testY, int draws) {

    /** The number of inputs. */
    public int inputs() {
      return network.nIn();
    }

    /** The number of hidden layers. */
    public int layers() {
      return network.hiddenLayers();
    }

    /** The active neurons per hidden layer, e.g. {@code "3-2"}. */
    public String neurons() {
      StringBuilder sb = new StringBuilder();
      for (int l = 0; l < network.hiddenLayers(); l++) {
        sb.append(l == 0 ? "" : "-").append(network.activeNeurons(l));
      }
      return sb.toString();
    }

    /** The generator's non-zero count. */
    public int nonZero() {
      return network.nonZeroCount();
    }
  }

  private final long generatorSeed;
  private final int trainRows;
  private final int testRows;
  private final RandomMlpSampler sampler;

  /**
   * A suite of generator seed {@code generatorSeed} with the given rows per set.
   *
   * @throws IllegalArgumentException if a row count is below 10
   */
  public PlantedSuite(long generatorSeed, int trainRows, int testRows) {
    if (trainRows < 10 || testRows < 10) {
      throw new IllegalArgumentException("need at least 10 training and 10 test rows, got "
          + trainRows + " and " + testRows);
    }
    this.generatorSeed = generatorSeed;
    this.trainRows = trainRows;
    this.testRows = testRows;
    this.sampler = new RandomMlpSampler(MlpLayout.DEFAULT, 1, MlpLayout.DEFAULT.maxNeurons());
  }

  /** The tuning suite with the default rows. */
  public static PlantedSuite tuning() {
    return new PlantedSuite(TUNING_SEED, DEFAULT_TRAIN_ROWS, DEFAULT_TEST_ROWS);
  }

  /** The generator seed. */
  public long generatorSeed() {
    return generatorSeed;
  }

  /** The name of set {@code index}. */
  public String id(int index) {
    return String.format(java.util.Locale.ROOT, "g%d-%02d", generatorSeed, index);
  }

  /** Whether set {@code index} has noise: 6 of every 24, on each depth at least once. */
  public static boolean isNoisy(int index) {
    return (index + index / 4) % 4 == 3;
  }

  /** The number of hidden layers of set {@code index}: 1 + index % 4. */
  public static int layers(int index) {
    return 1 + index % 4;
  }

  /** Sets 0 .. count-1. */
  public List<PlantedSet> sets(int count) {
    List<PlantedSet> out = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      out.add(set(i));
    }
    return out;
  }

  /**
   * Set {@code index}, the same on every call.
   *
   * @throws IllegalArgumentException if {@code index} is negative
   * @throws IllegalStateException if no draw met the conditions in {@link #MAX_DRAWS}
   */
  public PlantedSet set(int index) {
    if (index < 0) {
      throw new IllegalArgumentException("set index must be >= 0, got " + index);
    }
    Random random = new Random(generatorSeed * 1_000_003L + index * 7_919L + 17);
    double[][] trainX = inputs(random, trainRows, MlpLayout.DEFAULT.maxNeurons());
    double[][] testX = inputs(random, testRows, MlpLayout.DEFAULT.maxNeurons());
    int k = layers(index);
    for (int draw = 1; draw <= MAX_DRAWS; draw++) {
      SparseMlp net = sampler.draw(random, k).mlp().withoutDeadEnds();
      double[][] tx = firstColumns(trainX, net.nIn());
      if (!isAlive(net, tx)) {
        continue;
      }
      double[] trainY = net.predict(tx);
      double[][] sx = firstColumns(testX, net.nIn());
      double[] testY = net.predict(sx);
      double targetSd = sd(testY);
      double noiseSd = 0;
      if (isNoisy(index)) {
        noiseSd = targetSd * (NOISE_MIN + (NOISE_MAX - NOISE_MIN) * random.nextDouble());
        for (int r = 0; r < trainY.length; r++) {
          trainY[r] += noiseSd * random.nextGaussian();
        }
      }
      return new PlantedSet(id(index), generatorSeed, index, net, noiseSd, targetSd, tx,
          trainY, sx, testY, draw);
    }
    throw new IllegalStateException("set " + id(index) + ": no network met the conditions in "
        + MAX_DRAWS + " draws");
  }

  /**
   * Whether {@code net} meets the suite's conditions (see the class comment) on the inputs
   * {@code x} (rows x nIn).
   */
  public static boolean isAlive(SparseMlp net, double[][] x) {
    int nz = net.nonZeroCount();
    if (nz < MIN_NONZERO || nz > MAX_NONZERO) {
      return false;
    }
    int k = net.hiddenLayers();
    int h = net.layout().maxNeurons();
    for (int l = 0; l < k; l++) {
      if (net.activeNeurons(l) == 0) {
        return false;
      }
    }
    for (int i = 0; i < net.nIn(); i++) {
      boolean used = false;
      for (int j = 0; j < h && !used; j++) {
        used = net.isActive(0, j) && net.weight(0, i, j) != 0;
      }
      if (!used) {
        return false;
      }
    }
    for (int l = 0; l < k; l++) {
      for (int j = 0; j < h; j++) {
        if (!net.isActive(l, j)) {
          continue;
        }
        boolean fed = false;
        int rows = l == 0 ? net.nIn() : h;
        for (int i = 0; i < rows && !fed; i++) {
          fed = net.weight(l, i, j) != 0 && (l == 0 || net.isActive(l - 1, i));
        }
        if (!fed) {
          return false;
        }
      }
    }
    Forward base = forward(net, x, -1, -1, 0);
    double outSd = sd(base.output);
    if (!(outSd > 0) || !Double.isFinite(outSd)) {
      return false;
    }
    for (int l = 0; l < k; l++) {
      for (int j = 0; j < h; j++) {
        if (!net.isActive(l, j)) {
          continue;
        }
        double[] pre = base.pre[l * h + j];
        if (net.activation(l, j) == Activation.LEAKY_RELU) {
          int positive = 0;
          for (double v : pre) {
            positive += v > 0 ? 1 : 0;
          }
          if (positive < MIN_LEAKY_POSITIVE * pre.length) {
            return false;
          }
        }
        if (sd(base.post[l * h + j]) < MIN_NEURON_SD) {
          return false;
        }
        double mean = mean(base.post[l * h + j]);
        double[] knocked = forward(net, x, l, j, mean).output;
        double ss = 0;
        for (int r = 0; r < knocked.length; r++) {
          double d = knocked[r] - base.output[r];
          ss += d * d;
        }
        if (Math.sqrt(ss / knocked.length) < MIN_KNOCKOUT_EFFECT * outSd) {
          return false;
        }
      }
    }
    return true;
  }

  /** Pre- and post-activations per hidden slot (l * H + j) and the output, per row. */
  private record Forward(double[][] pre, double[][] post, double[] output) {}

  /**
   * The forward pass over {@code x}, with neuron (kl, kj) replaced by the constant {@code value}
   * when kl >= 0.
   */
  private static Forward forward(SparseMlp net, double[][] x, int kl, int kj, double value) {
    int k = net.hiddenLayers();
    int h = net.layout().maxNeurons();
    int n = x.length;
    double[][] pre = new double[k * h][n];
    double[][] post = new double[k * h][n];
    double[] out = new double[n];
    for (int r = 0; r < n; r++) {
      double[] in = x[r];
      int width = net.nIn();
      for (int l = 0; l < k; l++) {
        double[] next = new double[h];
        for (int j = 0; j < h; j++) {
          if (!net.isActive(l, j)) {
            continue;
          }
          double s = net.bias(l, j);
          for (int i = 0; i < width; i++) {
            if (l == 0 || net.isActive(l - 1, i)) {
              s += net.weight(l, i, j) * in[i];
            }
          }
          pre[l * h + j][r] = s;
          double y = l == kl && j == kj ? value : net.activation(l, j).apply(s);
          post[l * h + j][r] = y;
          next[j] = y;
        }
        in = next;
        width = h;
      }
      double s = net.outputBias();
      for (int i = 0; i < h; i++) {
        if (net.isActive(k - 1, i)) {
          s += net.weight(k, i, 0) * in[i];
        }
      }
      out[r] = s;
    }
    return new Forward(pre, post, out);
  }

  private static double[][] inputs(Random random, int rows, int columns) {
    double[][] x = new double[rows][columns];
    for (double[] row : x) {
      for (int c = 0; c < columns; c++) {
        row[c] = (2 * random.nextDouble() - 1) * INPUT_RANGE;
      }
    }
    return x;
  }

  private static double[][] firstColumns(double[][] x, int n) {
    double[][] out = new double[x.length][];
    for (int r = 0; r < x.length; r++) {
      out[r] = java.util.Arrays.copyOf(x[r], n);
    }
    return out;
  }

  static double mean(double[] v) {
    double s = 0;
    for (double d : v) {
      s += d;
    }
    return s / v.length;
  }

  /** The population SD. */
  static double sd(double[] v) {
    double m = mean(v);
    double s = 0;
    for (double d : v) {
      s += (d - m) * (d - m);
    }
    return Math.sqrt(s / v.length);
  }

  @Override
  public String toString() {
    return "planted suite, generator seed " + generatorSeed + ", " + trainRows + " training and "
        + testRows + " test rows per set";
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof PlantedSuite s && s.generatorSeed == generatorSeed
        && s.trainRows == trainRows && s.testRows == testRows;
  }

  @Override
  public int hashCode() {
    return Objects.hash(generatorSeed, trainRows, testRows);
  }
}
