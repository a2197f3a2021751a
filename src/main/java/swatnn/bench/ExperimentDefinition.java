package swatnn.bench;

import java.beans.PropertyDescriptor;
import java.io.File;
import java.io.IOException;
import java.io.ObjectOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import javax.swing.DefaultListModel;
import swatnn.io.AtomicFile;
import weka.classifiers.Classifier;
import weka.core.SerializationHelper;
import weka.experiment.CSVResultListener;
import weka.experiment.ExplicitTestsetResultProducer;
import weka.experiment.Experiment;
import weka.experiment.PropertyNode;
import weka.experiment.SparseNetworkSplitEvaluator;
import weka.experiment.RemoteExperiment;
import weka.experiment.ResultListener;
import swatnn.cornn.CornnFunction;
import swatnn.remote.EngineAddress;

/**
 * Builds the Experimenter definition shipped in {@code weka-package/experiments/}: the CORNN
 * tasks, each trained on {@code <Stem>_train.arff} and tested on {@code <Stem>_test.arff}
 * (Weka's ExplicitTestsetResultProducer finds the test file from the relation name, spaces made
 * underscores), with SWATNNRegressor, DartsAdmmRegressor and MultilayerPerceptron -H 7,7 at
 * their defaults; results go to a CSV file. Saved in the Experimenter's own .exp format.
 *
 * <p>The general form takes any train files ({@code <Stem>_train.arff}, each tested on the
 * {@code <Stem>_test.arff} beside it, the relation name being {@code <Stem>} up to spaces), any
 * {@link BenchMethod}s with options, and any result listener; {@link #remote} wraps it into a
 * {@link RemoteExperiment} that the Experimenter or {@code swatnn.remote.RemoteExperimentRun}
 * distributes over remote engines, one data set per sub-experiment.
 */
public final class ExperimentDefinition {
  /** The methods of the shipped definition. */
  public static final List<BenchMethod> DEFAULT_METHODS =
      List.of(BenchMethod.SWATNN, BenchMethod.DARTS_ADMM, BenchMethod.MLP_7_7);

  private ExperimentDefinition() {}

  /**
   * The shipped definition: {@link #DEFAULT_METHODS} at their defaults, CSV results.
   *
   * @param arffDir the folder of the ARFF files (stored as given: a relative path stays
   *     relative to the folder Weka is started in)
   * @param tasks the tasks, in order
   * @param results the CSV file the Experimenter writes
   * @throws Exception if a classifier cannot be made
   */
  public static Experiment build(File arffDir, List<CornnFunction> tasks, File results)
      throws Exception {
    CSVResultListener listener = new CSVResultListener();
    listener.setOutputFile(results);
    return build(arffDir, trainFiles(arffDir, tasks), classifiers(DEFAULT_METHODS, Map.of()),
        listener);
  }

  /**
   * A train/test experiment over {@code trainFiles} (each tested on the file of the same stem
   * ending {@code _test.arff} in {@code testDir}), one run, regression measures plus the
   * classifiers' own measures (non-zero count, active neurons, ...).
   *
   * @param testDir the folder of the test files
   * @param trainFiles the train files, in order
   * @param classifiers the classifiers, in order
   * @param listener where the result rows go
   */
  public static Experiment build(File testDir, List<File> trainFiles, List<Classifier> classifiers,
      ResultListener listener) throws Exception {
    Experiment exp = new Experiment();
    exp.setPropertyArray(new Classifier[0]);
    exp.setRunLower(1);
    exp.setRunUpper(1);
    ExplicitTestsetResultProducer producer = new ExplicitTestsetResultProducer();
    producer.setTestsetDir(testDir);
    producer.setTestsetPrefix("");
    producer.setTestsetSuffix("_test.arff");
    producer.setRelationFind(" ");
    producer.setRelationReplace("_");
    SparseNetworkSplitEvaluator evaluator = new SparseNetworkSplitEvaluator();
    producer.setSplitEvaluator(evaluator);
    PropertyNode[] path = {
        new PropertyNode(evaluator, new PropertyDescriptor("splitEvaluator",
            ExplicitTestsetResultProducer.class), ExplicitTestsetResultProducer.class),
        new PropertyNode(evaluator.getClassifier(), new PropertyDescriptor("classifier",
            SparseNetworkSplitEvaluator.class), SparseNetworkSplitEvaluator.class)};
    exp.setResultProducer(producer);
    exp.setPropertyPath(path);
    exp.setUsePropertyIterator(true);
    exp.setPropertyArray(classifiers.toArray(new Classifier[0]));
    DefaultListModel<File> data = new DefaultListModel<>();
    for (File f : trainFiles) {
      data.addElement(f);
    }
    exp.setDatasets(data);
    exp.setResultListener(listener);
    return exp;
  }

  /**
   * Wraps {@code base} for remote engines: one sub-experiment per data set, sent to the engines
   * in the order given.
   *
   * @throws Exception if Weka refuses the base experiment
   */
  public static RemoteExperiment remote(Experiment base, List<EngineAddress> engines)
      throws Exception {
    RemoteExperiment r = new RemoteExperiment(base);
    r.setSplitByDataSet(true);
    for (EngineAddress a : engines) {
      r.addRemoteHost(a.toString());
    }
    return r;
  }

  /** The train files of CORNN {@code tasks} in {@code arffDir} (which need not exist yet). */
  public static List<File> trainFiles(File arffDir, List<CornnFunction> tasks) {
    List<File> files = new ArrayList<>();
    for (CornnFunction f : tasks) {
      files.add(new File(arffDir, f.fileStem() + "_train.arff"));
    }
    return files;
  }

  /**
   * Every {@code *_train.arff} in {@code dir} that has its {@code *_test.arff}, sorted by name.
   *
   * @throws IOException if the folder cannot be listed or holds no such pair
   */
  public static List<File> trainFilesIn(Path dir) throws IOException {
    if (!Files.isDirectory(dir)) {
      throw new IOException("no directory " + dir);
    }
    List<File> files;
    try (Stream<Path> s = Files.list(dir)) {
      files = s.filter(p -> p.getFileName().toString().endsWith("_train.arff"))
          .filter(p -> Files.exists(p.resolveSibling(p.getFileName().toString()
              .replaceFirst("_train\\.arff$", "_test.arff"))))
          .sorted().map(Path::toFile).toList();
    }
    if (files.isEmpty()) {
      throw new IOException("no <name>_train.arff with its <name>_test.arff in " + dir);
    }
    return files;
  }

  /**
   * Fresh classifiers for {@code methods}, each with its fixed options followed by its entry
   * in {@code extraOptions}.
   *
   * @throws Exception if a class is missing or refuses its options
   */
  public static List<Classifier> classifiers(List<BenchMethod> methods,
      Map<BenchMethod, String[]> extraOptions) throws Exception {
    List<Classifier> out = new ArrayList<>();
    for (BenchMethod m : methods) {
      out.add(m.create(extraOptions.getOrDefault(m, new String[0])));
    }
    return out;
  }

  /** Writes the definition as a .exp file (Java serialization, as the Experimenter saves). */
  public static void save(Experiment exp, Path file) throws Exception {
    AtomicFile.write(file, out -> {
      ObjectOutputStream oos = new ObjectOutputStream(out);
      oos.writeObject(exp);
      oos.flush();
    });
  }

  /** Reads a definition saved by {@link #save} or by the Experimenter. */
  public static Experiment load(Path file) throws Exception {
    return (Experiment) SerializationHelper.read(file.toString());
  }
}
