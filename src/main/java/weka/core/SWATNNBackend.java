package weka.core;

import swatnn.nd4j.Nd4jBackend;

/**
 * Prints which ND4J backend the swatnn package runs on (CPU or CUDA), with its devices and
 * memory, from Weka itself: {@code java -cp weka.jar weka.Run weka.core.SWATNNBackend} with the
 * package installed (modelled on wekaDeeplearning4j's {@code weka.core.IsGPUAvailable}).
 */
public class SWATNNBackend implements CommandlineRunnable {

  /**
   * Prints the report on standard output.
   *
   * @param args ignored
   */
  public static void main(String[] args) {
    new SWATNNBackend().run(null, args);
  }

  @Override
  public void preExecution() {}

  /**
   * Prints the report.
   *
   * @param toRun ignored
   * @param options ignored
   */
  @Override
  public void run(Object toRun, String[] options) {
    Nd4jBackend.report().forEach(System.out::println);
  }

  @Override
  public void postExecution() {}
}
