/**
 * The Weka layer of the searched-network regressors
 * ({@code weka.classifiers.functions.SWATNNRegressor} and {@code DartsAdmmRegressor}), one job
 * per class:
 *
 * <ul>
 *   <li>options: {@link swatnn.weka.SelectionOptions} (the shared ones and the command-line
 *       plumbing), {@link swatnn.weka.LatentSearchOptions} and {@link swatnn.weka.DartsOptions}
 *       (each search's), all {@link weka.core.OptionMetadata}-annotated bean properties that
 *       {@link swatnn.weka.OptionBinding} turns into Weka's options;
 *   <li>the Weka classifier contract (build, Stop, prediction, measures, graph, text):
 *       {@link swatnn.weka.SparseNetworkRegressor};
 *   <li>instances to network inputs: {@link swatnn.weka.DataPreparation}; Weka's capabilities
 *       test with the attributes or rows it refuses named: {@link swatnn.weka.CapabilityRefusal};
 *   <li>the scaled search and its degenerate cases: {@link swatnn.weka.ScaledSearch};
 *   <li>the built model, immutable, with its provenance: {@link swatnn.weka.FittedNetwork};
 *   <li>the model text: {@link swatnn.weka.ModelText}; the graph: {@link swatnn.weka.NetworkGraph};
 *   <li>the model as a self-contained Java class (Weka's {@code -z}): {@link
 *       swatnn.weka.ModelSource}, with the attributes' coding read off the preparation by
 *       {@link swatnn.weka.InputCoding};
 *   <li>progress to the command line and the Explorer: {@link swatnn.weka.ProgressPrinter};
 *   <li>what the benchmarks read of a built search: {@link swatnn.weka.NetworkSearchClassifier}.
 * </ul>
 */
package swatnn.weka;
