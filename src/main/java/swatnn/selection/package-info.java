/**
 * The choice of the model around a network search, shared by the latent search and DARTS+ADMM
 * and independent of Weka (docs/METHOD.md sections 4 and 8.3-8.4): the candidates ({@link
 * swatnn.selection.CandidateModel}: every network found, the training mean, the path of sparse
 * linear models on all inputs), how they are scored (k-fold cross-validation of their refits, or
 * one hold-out on many rows: {@link swatnn.selection.ModelSearch}), the rule that chooses
 * ({@link swatnn.selection.ModelSelector}), the settings both searches share ({@link
 * swatnn.selection.SelectionSettings}), the result ({@link swatnn.selection.SearchResult}), and
 * the plumbing of rows, seeded splits, threads and progress.
 */
package swatnn.selection;
