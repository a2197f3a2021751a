package swatnn.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class ExperimentRowsTest {

  @Test
  void mapsTheExperimentersSchemeColumnsToBenchMethods() throws Exception {
    assertEquals("SWATNN", ExperimentRows.label("weka.classifiers.functions.SWATNNRegressor",
        "-steps 30 -anneal 10"));
    assertEquals("LinearRegression",
        ExperimentRows.label("weka.classifiers.functions.LinearRegression", "-S 0 -R 1.0E-8"));
    String mlp = "weka.classifiers.functions.MultilayerPerceptron";
    assertEquals("MLP_7_7", ExperimentRows.label(mlp,
        "-L 0.3 -M 0.2 -N 500 -V 0 -S 0 -E 20 -H 7,7"));
    String defaults = weka.core.Utils.joinOptions(
        ((weka.core.OptionHandler) BenchMethod.MLP_DEFAULT.create(new String[0])).getOptions());
    assertEquals("MLP_default", ExperimentRows.label(mlp, defaults));
    // another hidden layer setting is none of the benchmark's methods
    assertEquals("MultilayerPerceptron", ExperimentRows.label(mlp, defaults.replace("-H a", "-H 3")));
    assertEquals("J48", ExperimentRows.label("weka.classifiers.trees.J48", "-C 0.25"));
  }
}
