/**
 * Discrete sparse MLPs of the SWAT-NN search space, in plain Java.
 *
 * <p>{@link swatnn.mlp.SparseMlp} is an immutable network of at most H neurons per hidden
 * layer and at most L hidden layers ({@link swatnn.mlp.MlpLayout}, default 7 and 4), with a
 * per-neuron {@link swatnn.mlp.Activation} and active flag and one linear output; it predicts
 * fast through a compiled form and counts its non-zero parameters as the paper does.
 * {@link swatnn.mlp.MlpMatrixCodec} converts networks to and from the fixed-size matrix form
 * the autoencoder reads and writes (docs/METHOD.md section 1) and applies the extraction rule that
 * turns a decoder output into a discrete network (section 3). {@link
 * swatnn.mlp.RandomMlpSampler} draws the random networks the autoencoder is trained on
 * (section 2).
 *
 * <p>This package depends on nothing outside the JDK but {@link swatnn.io.NumberText} (no Weka,
 * no ND4J).
 */
package swatnn.mlp;
