/**
 * The multi-scale autoencoder of SWAT-NN in ND4J/SameDiff: an encoder that maps a network's
 * matrix (one token per row) to a latent point z of H tokens, L decoders that map z back to
 * networks of 1..L hidden layers, the differentiable soft-MLP evaluation that scores decoded
 * networks functionally, the trainer with exact checkpoint/resume, and the model file.
 *
 * <p>Graphs are rebuilt in code from a model file's manifest; the file holds the weights.
 */
package swatnn.autoencoder;
