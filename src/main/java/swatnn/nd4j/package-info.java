/**
 * Generic ND4J/SameDiff helpers that the autoencoder, the latent search and the DARTS+ADMM
 * baseline share: the runtime set-up (backend choice and CPU fallback, thread counts for one
 * build, quiet gradient construction), the backend report, named parameter arrays and Adam over
 * them. Nothing here knows about networks or autoencoders.
 */
package swatnn.nd4j;
