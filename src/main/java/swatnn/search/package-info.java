/**
 * SWAT-NN's search for one data set, independent of Weka: the latent search over frozen
 * decoders ({@link swatnn.search.LatentSearch}), its mutable settings
 * ({@link swatnn.search.SearchSettings}, whose selection part,
 * {@link swatnn.selection.SelectionSettings}, every configuration search shares), the selection
 * among configurations, data scaling and the lookup of bundled pretrained models.
 */
package swatnn.search;
