/**
 * SWAT-NN's search for one data set, independent of Weka: the latent search over frozen
 * decoders ({@link swatnn.search.LatentSearch}), its mutable settings, the selection among
 * configurations, data scaling and the lookup of bundled pretrained models.
 */
package swatnn.search;
