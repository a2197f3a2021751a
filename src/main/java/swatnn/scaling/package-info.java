/**
 * Input scalings for the latent search: each input column is fitted on the training rows and
 * mapped to the network's input scale, about [-1, 1], where the autoencoder was trained
 * (docs/METHOD.md section 5). Independent of Weka.
 *
 * <p>{@link swatnn.scaling.InputScaling#fit} fits one {@link swatnn.scaling.ColumnTransform}
 * per column for a {@link swatnn.scaling.ScalingMethod}: {@code MIN_MAX} (today's linear map of
 * the training range), {@code QUANTILE} (empirical CDF, uniform marginals), {@code LOG} (log then
 * min-max for positive right-skewed columns) or {@code ROBUST} (median and interquartile range,
 * clipped). Under every method a column with at most two distinct training values (a 0/1
 * indicator, say) is scaled min-max, so that it stays exactly {-1, 1}, and a constant column maps
 * to 0. Missing values (NaN) are ignored when fitting and map to NaN. The fitted scaling is
 * serializable (it is stored in saved models) and describes each column in one line for the
 * model text; each column's map also writes itself as Java source ({@link
 * swatnn.scaling.ColumnTransform#toSource}) with the same arithmetic, for a model written out
 * as a class of its own. Every finite column scales to finite values, also one spanning
 * -1.8e308 to 1.8e308 ({@link swatnn.scaling.Spans}); an infinite value is refused.
 */
package swatnn.scaling;
