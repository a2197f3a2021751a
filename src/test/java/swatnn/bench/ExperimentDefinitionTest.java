package swatnn.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import javax.swing.DefaultListModel;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import swatnn.TinyAutoencoder;
import swatnn.cli.Main;
import weka.classifiers.functions.DartsAdmmRegressor;
import weka.classifiers.functions.MultilayerPerceptron;
import weka.classifiers.functions.SWATNNRegressor;
import weka.experiment.CSVResultListener;
import weka.experiment.ExplicitTestsetResultProducer;
import weka.experiment.Experiment;

/** The shipped Experimenter definition loads headlessly and runs (on two tasks, short settings). */
class ExperimentDefinitionTest {
  @TempDir Path dir;

  @Test
  void shippedDefinitionRunsOnTwoTasks() throws Exception {
    Path shipped = Paths.get("weka-package", "experiments", "swatnn-cornn.exp");
    Experiment exp = ExperimentDefinition.load(shipped);
    assertEquals(54, exp.getDatasets().size());
    Object[] classifiers = (Object[]) exp.getPropertyArray();
    assertEquals(3, classifiers.length);
    assertTrue(classifiers[0] instanceof SWATNNRegressor);
    assertTrue(classifiers[1] instanceof DartsAdmmRegressor);
    assertTrue(classifiers[2] instanceof MultilayerPerceptron);

    // the user's part: point it at an ARFF folder (here two generated tasks), shorten, run
    Path data = dir.resolve("arff");
    int rc = new Main(Main.standardCommands()).run(List.of("cornn", "generate", data.toString(),
        "--functions", "Booth,Sphere", "--train", "150", "--test", "50"),
        new PrintStream(new ByteArrayOutputStream()), new PrintStream(new ByteArrayOutputStream()));
    assertEquals(0, rc);
    Path model = dir.resolve("tiny.zip");
    TinyAutoencoder.train(model, 2);
    DefaultListModel<File> two = new DefaultListModel<>();
    two.addElement(data.resolve("Booth_train.arff").toFile());
    two.addElement(data.resolve("Sphere_train.arff").toFile());
    exp.setDatasets(two);
    ((ExplicitTestsetResultProducer) exp.getResultProducer()).setTestsetDir(data.toFile());
    ((SWATNNRegressor) classifiers[0]).setOptions(new String[] {"-steps", "10", "-anneal", "4",
        "-restarts", "1", "-layers", "1,2", "-model", model.toString()});
    ((DartsAdmmRegressor) classifiers[1]).setOptions(new String[] {"-epochs", "2", "-layers", "1"});
    ((MultilayerPerceptron) classifiers[2]).setTrainingTime(20);
    Path results = dir.resolve("results.csv");
    ((CSVResultListener) exp.getResultListener()).setOutputFile(results.toFile());
    exp.initialize();
    exp.runExperiment();
    exp.postProcess();
    List<String> lines = Files.readAllLines(results);
    assertEquals(1 + 2 * 3, lines.size(), String.join("\n", lines));
    assertTrue(lines.get(0).contains("measureNonZeroCount"), lines.get(0));
    assertTrue(lines.stream().anyMatch(l -> l.contains("Booth") && l.contains("DartsAdmmRegressor")));
    assertTrue(lines.stream().anyMatch(l -> l.contains("Sphere") && l.contains("SWATNNRegressor")));
  }
}
