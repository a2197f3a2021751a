package swatnn.pkg;

import java.beans.PropertyDescriptor;
import java.io.File;
import javax.swing.DefaultListModel;
import weka.classifiers.Classifier;
import weka.core.OptionHandler;
import weka.core.Utils;
import weka.experiment.CSVResultListener;
import weka.experiment.Experiment;
import weka.experiment.PropertyNode;
import weka.experiment.RandomSplitResultProducer;
import weka.experiment.RegressionSplitEvaluator;

/**
 * Runs a headless Weka experiment the way the Experimenter sets one up: a train/test
 * percentage split (RandomSplitResultProducer with RegressionSplitEvaluator) over ARFF files,
 * for several classifiers, written by a CSVResultListener. Classes come through Weka's package
 * loading. Arguments: results.csv, then "classname options..." strings (one per classifier),
 * then "--", then the ARFF files.
 */
public final class ExperimentProbe {
  private ExperimentProbe() {}

  public static void main(String[] args) throws Exception {
    weka.core.WekaPackageManager.loadPackages(false, true, false);
    File out = new File(args[0]);
    int sep = java.util.Arrays.asList(args).indexOf("--");
    Classifier[] classifiers = new Classifier[sep - 1];
    for (int i = 1; i < sep; i++) {
      String[] spec = Utils.splitOptions(args[i]);
      Class<?> c = weka.core.WekaPackageClassLoaderManager.forName(spec[0]);
      Classifier cl = (Classifier) c.getDeclaredConstructor().newInstance();
      spec[0] = "";
      ((OptionHandler) cl).setOptions(spec);
      classifiers[i - 1] = cl;
    }
    Experiment exp = new Experiment();
    exp.setPropertyArray(new Classifier[0]);
    exp.setRunLower(1);
    exp.setRunUpper(1);
    RandomSplitResultProducer producer = new RandomSplitResultProducer();
    producer.setRandomizeData(true);
    producer.setTrainPercent(66);
    RegressionSplitEvaluator evaluator = new RegressionSplitEvaluator();
    producer.setSplitEvaluator(evaluator);
    PropertyNode[] path = {
        new PropertyNode(evaluator, new PropertyDescriptor("splitEvaluator", RandomSplitResultProducer.class),
            RandomSplitResultProducer.class),
        new PropertyNode(evaluator.getClassifier(), new PropertyDescriptor("classifier",
            RegressionSplitEvaluator.class), RegressionSplitEvaluator.class)};
    exp.setResultProducer(producer);
    exp.setPropertyPath(path);
    exp.setUsePropertyIterator(true);
    exp.setPropertyArray(classifiers);
    DefaultListModel<File> data = new DefaultListModel<>();
    for (int i = sep + 1; i < args.length; i++) {
      data.addElement(new File(args[i]));
    }
    exp.setDatasets(data);
    CSVResultListener listener = new CSVResultListener();
    listener.setOutputFile(out);
    exp.setResultListener(listener);
    exp.initialize();
    exp.runExperiment();
    exp.postProcess();
    System.out.println("experiment done: " + out);
  }
}
