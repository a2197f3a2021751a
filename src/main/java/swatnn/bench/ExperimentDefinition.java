package swatnn.bench;

import java.beans.PropertyDescriptor;
import java.io.File;
import java.nio.file.Path;
import java.util.List;
import javax.swing.DefaultListModel;
import weka.classifiers.Classifier;
import weka.classifiers.functions.MultilayerPerceptron;
import weka.core.SerializationHelper;
import weka.experiment.CSVResultListener;
import weka.experiment.ExplicitTestsetResultProducer;
import weka.experiment.Experiment;
import weka.experiment.PropertyNode;
import weka.experiment.RegressionSplitEvaluator;
import swatnn.cornn.CornnFunction;

/**
 * Builds the Experimenter definition shipped in {@code weka-package/experiments/}: the CORNN
 * tasks, each trained on {@code <Stem>_train.arff} and tested on {@code <Stem>_test.arff}
 * (Weka's ExplicitTestsetResultProducer finds the test file from the relation name, spaces made
 * underscores), with SWATNNRegressor, DartsAdmmRegressor and MultilayerPerceptron -H 7,7 at
 * their defaults; results go to a CSV file. Saved in the Experimenter's own .exp format.
 */
public final class ExperimentDefinition {
  private ExperimentDefinition() {}

  /**
   * @param arffDir the folder of the ARFF files (stored as given: a relative path stays
   *     relative to the folder Weka is started in)
   * @param tasks the tasks, in order
   * @param results the CSV file the Experimenter writes
   */
  public static Experiment build(File arffDir, List<CornnFunction> tasks, File results)
      throws Exception {
    Experiment exp = new Experiment();
    exp.setPropertyArray(new Classifier[0]);
    exp.setRunLower(1);
    exp.setRunUpper(1);
    ExplicitTestsetResultProducer producer = new ExplicitTestsetResultProducer();
    producer.setTestsetDir(arffDir);
    producer.setTestsetPrefix("");
    producer.setTestsetSuffix("_test.arff");
    producer.setRelationFind(" ");
    producer.setRelationReplace("_");
    RegressionSplitEvaluator evaluator = new RegressionSplitEvaluator();
    producer.setSplitEvaluator(evaluator);
    PropertyNode[] path = {
        new PropertyNode(evaluator, new PropertyDescriptor("splitEvaluator",
            ExplicitTestsetResultProducer.class), ExplicitTestsetResultProducer.class),
        new PropertyNode(evaluator.getClassifier(), new PropertyDescriptor("classifier",
            RegressionSplitEvaluator.class), RegressionSplitEvaluator.class)};
    exp.setResultProducer(producer);
    exp.setPropertyPath(path);
    exp.setUsePropertyIterator(true);
    MultilayerPerceptron mlp = new MultilayerPerceptron();
    mlp.setHiddenLayers("7,7");
    exp.setPropertyArray(new Classifier[] {
        (Classifier) Class.forName("weka.classifiers.functions.SWATNNRegressor").getDeclaredConstructor().newInstance(),
        (Classifier) Class.forName("weka.classifiers.functions.DartsAdmmRegressor").getDeclaredConstructor().newInstance(),
        mlp});
    DefaultListModel<File> data = new DefaultListModel<>();
    for (CornnFunction f : tasks) {
      data.addElement(new File(arffDir, f.fileStem() + "_train.arff"));
    }
    exp.setDatasets(data);
    CSVResultListener listener = new CSVResultListener();
    listener.setOutputFile(results);
    exp.setResultListener(listener);
    return exp;
  }

  /** Writes the definition as a .exp file (Java serialization, as the Experimenter saves). */
  public static void save(Experiment exp, Path file) throws Exception {
    SerializationHelper.write(file.toString(), exp);
  }

  /** Reads a definition saved by {@link #save} or by the Experimenter. */
  public static Experiment load(Path file) throws Exception {
    return (Experiment) SerializationHelper.read(file.toString());
  }
}
