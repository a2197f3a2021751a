/**
 * Remote experiments with Weka's own machinery: {@link swatnn.remote.EngineServer} runs a
 * {@code weka.experiment.RemoteEngine} in an RMI registry, {@link swatnn.remote.ResultsDatabase}
 * runs the HSQLDB server the Experimenter's {@code DatabaseResultListener} writes to,
 * {@link swatnn.remote.RemoteExperimentRun} runs a {@code weka.experiment.RemoteExperiment}
 * headless and reports every host that failed, and {@link swatnn.remote.EngineAddress} parses
 * the {@code host:port} lists that name the engines.
 */
package swatnn.remote;
