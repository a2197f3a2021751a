/**
 * Messy data against the searched-network regressors: generated regression data sets with the
 * mutations a Weka user's files carry ({@link swatnn.robustness.Mutation}), each built with
 * {@link weka.classifiers.functions.SWATNNRegressor} and {@link
 * weka.classifiers.functions.DartsAdmmRegressor} under a time limit and judged ({@link
 * swatnn.robustness.CaseCheck}): a model that predicts finitely, describes itself and survives
 * serialisation, or a refusal in Weka's words that names the problem. {@code
 * MessyDataPropertyTest} runs a few cases in the build; {@link
 * swatnn.robustness.MessyDataBenchmark} runs a thousand or more into benchmarks/messy-data.
 */
package swatnn.robustness;
