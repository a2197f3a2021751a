package swatnn.scaling;

/**
 * How an input column is mapped to the network's input scale. Under every method a column with
 * at most two distinct training values is scaled {@link #MIN_MAX} (a 0/1 indicator stays exactly
 * {-1, 1}), and a constant column (or one without any value) maps to 0.
 */
public enum ScalingMethod {
  /**
   * The training range mapped linearly to [-1, 1]: x' = 2 (x - min) / (max - min) - 1; values
   * outside the training range map linearly outside [-1, 1] (today's scaling).
   */
  MIN_MAX,
  /**
   * The empirical CDF: the training column's sorted distinct values are the knots, each at its
   * (weighted) mid-rank (ties get the mean rank), the mid-ranks rescaled so that the smallest
   * training value maps to -1 and the largest to 1; at most {@link
   * InputScaling#QUANTILE_MAX_KNOTS} knots, chosen at evenly spaced quantiles. New values are
   * interpolated linearly between knots; values outside the training range are clamped to -1 or
   * 1, so the network predicts there what it predicts at the training extreme.
   */
  QUANTILE,
  /**
   * log(x) then min-max for a column whose training values are all &gt; 0 and right-skewed
   * (sample skewness &gt; {@link InputScaling#LOG_MIN_SKEWNESS} and max / min &gt;= {@link
   * InputScaling#LOG_MIN_RATIO}); other columns min-max. A new value below the training minimum
   * (including any value &lt;= 0) is clamped to the training minimum (maps to -1); above the
   * maximum, log(x) extrapolates the min-max map.
   */
  LOG,
  /**
   * (x - median) / IQR, the interquartile range mapping to a width of 1 (for a uniform column
   * exactly the min-max map; for a normal one +-1 is about +-2.7 sd), clipped to [-{@link
   * InputScaling#ROBUST_CLIP}, {@link InputScaling#ROBUST_CLIP}]. A column whose IQR is 0 or
   * wider than the largest double (but with more than two distinct values) uses half its
   * training range as the scale instead.
   */
  ROBUST
}
