package swatnn.cornn;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * One CORNN regression task: a function with a training and a test sample in raw units, and the
 * label scaling taken from the training sample. {@link #write} stores it the way the paper uses
 * it: inputs scaled to [-1, 1] by the function's domain, labels by the training set's min and
 * max, as {@code <Stem>_train.arff} and {@code <Stem>_test.arff} with attributes {@code x1},
 * {@code x2} and the class {@code f}.
 */
public final class CornnTask {

  /** The attribute names of the written ARFF files; the class comes last. */
  public static final List<String> ATTRIBUTES = List.of("x1", "x2", "f");

  private final CornnFunction function;
  private final CornnSample train;
  private final CornnSample test;
  private final LabelScaling labels;

  /**
   * @throws IllegalArgumentException when the training labels cannot be scaled (fewer than two
   *     distinct values, or a non-finite one)
   */
  public CornnTask(CornnFunction function, CornnSample train, CornnSample test) {
    this.function = function;
    this.train = train;
    this.test = test;
    try {
      this.labels = LabelScaling.of(train.values());
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(function + ": " + e.getMessage(), e);
    }
  }

  /** The task from the official files {@code <Name>_train_set.csv} and {@code _test_set.csv}. */
  public static CornnTask fromCsv(Path csvDir, CornnFunction function) throws IOException {
    return new CornnTask(function, CornnCsvReader.readTrain(csvDir, function),
        CornnCsvReader.readTest(csvDir, function));
  }

  /** A freshly sampled task; see {@link CornnSampler} for how the seed is used. */
  public static CornnTask generate(CornnFunction function, long seed, int trainSize,
      int testSize) {
    return new CornnTask(function,
        CornnSampler.sample(function, seed, CornnSampler.Part.TRAIN, trainSize),
        CornnSampler.sample(function, seed, CornnSampler.Part.TEST, testSize));
  }

  /** {@code "Ackley_N.2_train.arff"}. */
  public static String trainArffName(CornnFunction function) {
    return function.fileStem() + "_train.arff";
  }

  /** {@code "Ackley_N.2_test.arff"}. */
  public static String testArffName(CornnFunction function) {
    return function.fileStem() + "_test.arff";
  }

  public CornnFunction function() {
    return function;
  }

  public CornnSample train() {
    return train;
  }

  public CornnSample test() {
    return test;
  }

  public LabelScaling labels() {
    return labels;
  }

  /**
   * Writes the scaled training and test sets into {@code outDir}, creating it if needed.
   *
   * @return the training file and the test file
   */
  public List<Path> write(Path outDir) throws IOException {
    Files.createDirectories(outDir);
    Path trainFile = outDir.resolve(trainArffName(function));
    Path testFile = outDir.resolve(testArffName(function));
    writeScaled(trainFile, train);
    writeScaled(testFile, test);
    return List.of(trainFile, testFile);
  }

  private void writeScaled(Path file, CornnSample sample) throws IOException {
    int n = sample.size();
    double[] x1 = new double[n];
    double[] x2 = new double[n];
    double[] f = new double[n];
    for (int i = 0; i < n; i++) {
      x1[i] = function.scaleX(sample.x(i));
      x2[i] = function.scaleY(sample.y(i));
      f[i] = labels.scale(sample.f(i));
    }
    ArffWriter.write(file, function.cornnName(), ATTRIBUTES, List.of(x1, x2, f));
  }
}
