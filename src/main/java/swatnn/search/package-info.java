/**
 * SWAT-NN's latent search for one data set, independent of Weka: the search over frozen
 * decoders ({@link swatnn.search.LatentSearch}, a {@link swatnn.selection.NetworkSearch}), its
 * step (the decoder's forward and backward pass behind {@link swatnn.search.SearchStep}: written
 * out by hand, the frozen transformer and the soft MLP a pass each, or the SameDiff graph), its
 * mutable settings ({@link swatnn.search.SearchSettings}, over the shared {@link
 * swatnn.selection.SelectionSettings}), min-max scaling and the lookup of bundled pretrained
 * models. The choice among the networks found is {@link swatnn.selection}'s.
 */
package swatnn.search;
