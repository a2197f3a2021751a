/**
 * Support for the Weka classifier {@code weka.classifiers.functions.SWATNNRegressor}: the
 * conversion of Weka instances into network inputs ({@link swatnn.weka.DataPreparation}), the
 * command-line progress output of a search ({@link swatnn.weka.ProgressPrinter}) and the
 * GraphViz form of a found network ({@link swatnn.weka.NetworkDot}).
 */
package swatnn.weka;
