/**
 * What the Weka classifiers {@code weka.classifiers.functions.SWATNNRegressor} and
 * {@code DartsAdmmRegressor} share: their base class ({@link swatnn.weka.SparseNetworkRegressor}:
 * the shared options, building checks, plain-Java prediction, measures, graph and description),
 * the conversion of Weka instances into network inputs ({@link swatnn.weka.DataPreparation}),
 * the progress output of a search ({@link swatnn.weka.ProgressPrinter}) and the GraphViz form
 * of a found network ({@link swatnn.weka.NetworkDot}).
 */
package swatnn.weka;
