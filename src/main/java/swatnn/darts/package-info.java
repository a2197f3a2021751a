/**
 * The SWAT-NN paper's baseline, independent of Weka (docs/METHOD.md section 6): DARTS over a
 * supernet of k hidden layers of H neurons, each neuron a softmax mixture of sigmoid, tanh and
 * leaky ReLU times a keep gate, optimised first-order bilevel in SameDiff ({@link
 * swatnn.darts.BilevelSearch} over {@link swatnn.darts.MixedMlpGraph}); discretisation into a
 * {@link swatnn.mlp.SparseMlp}; training and ADMM weight pruning of the discrete network in
 * plain Java ({@link swatnn.darts.ProximalFitter}, {@link swatnn.darts.AdmmPruner}); and the
 * choice among configurations ({@link swatnn.darts.DartsAdmmSearch}, with its mutable
 * {@link swatnn.darts.DartsSettings}).
 */
package swatnn.darts;
