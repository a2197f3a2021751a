package swatnn.selection;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.stream.IntStream;
import org.apache.commons.math3.distribution.FDistribution;
import org.apache.commons.math3.exception.MaxCountExceededException;
import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.EigenDecomposition;
import org.apache.commons.math3.linear.RealMatrix;
import org.apache.commons.math3.linear.SingularValueDecomposition;

/**
 * A sparse linear model on the scaled inputs: {@code y = intercept + sum_j c_j x[inputs[j]]},
 * the network of no hidden layer. It is not bound by the autoencoder's input limit, so it can
 * use every input of the data.
 *
 * <p>Fitted by weighted least squares on centred rows, in the eigenbasis of the inputs'
 * cross-products with a ridge of 1e-10 of the largest eigenvalue: with more inputs than rows,
 * or collinear ones, that is close to the minimum-norm solution ({@link Spectrum}). With
 * Bayesian regularisation, by the
 * evidence framework for a linear model (MacKay 1992; Bishop, <i>Pattern Recognition and
 * Machine Learning</i>, 2006, section 3.5.2): the coefficients (not the intercept) have a
 * Gaussian prior of precision alpha, the noise precision is beta, and both are re-estimated
 * from the effective number of parameters gamma until they settle. Pruned as a network is: the
 * smallest coefficient at a time (inputs are on one scale), each smaller model refitted, which
 * gives the path of candidates {@link #path} returns.
 *
 * @param inputs the columns of the scaled input row that the model uses, ascending
 * @param coefficients one per used input
 * @param intercept the constant term
 * @param effectiveParameters gamma + 1 with Bayesian regularisation, otherwise the inputs + 1
 */
public record LinearModel(int[] inputs, double[] coefficients, double intercept,
    double effectiveParameters) implements CandidateModel {
  private static final long serialVersionUID = 1L;

  /** Iterations of the alpha and beta re-estimation at most. */
  static final int EVIDENCE_ITERATIONS = 100;

  /** Above this many inputs the path drops a tenth of them at a time, not one. */
  static final int ONE_AT_A_TIME = 30;

  /**
   * The most inputs the path starts from: of more, those of largest absolute correlation with
   * the class (a fit costs the cube of its inputs, and the path and the folds fit dozens).
   */
  public static final int MAX_INPUTS = 100;

  public LinearModel {
    inputs = inputs.clone();
    coefficients = coefficients.clone();
    if (inputs.length != coefficients.length) {
      throw new IllegalArgumentException("one coefficient per input is needed");
    }
  }

  @Override
  public double predict(double[] x) {
    double s = intercept;
    for (int j = 0; j < inputs.length; j++) {
      s += coefficients[j] * x[inputs[j]];
    }
    return s;
  }

  @Override
  public int nonZeroCount() {
    int n = 1;
    for (double c : coefficients) {
      n += c != 0 ? 1 : 0;
    }
    return n;
  }

  @Override
  public LinearModel refit(Rows rows, Refitter refitter) {
    return fit(rows, inputs, refitter.bayesian());
  }

  @Override
  public int[] inputs() {
    return inputs.clone();
  }

  @Override
  public double[] coefficients() {
    return coefficients.clone();
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof LinearModel m && Arrays.equals(inputs, m.inputs)
        && Arrays.equals(coefficients, m.coefficients) && intercept == m.intercept;
  }

  @Override
  public int hashCode() {
    return 31 * Arrays.hashCode(inputs) + Arrays.hashCode(coefficients);
  }

  @Override
  public String toString() {
    return "LinearModel" + Arrays.toString(inputs) + Arrays.toString(coefficients) + " + "
        + intercept;
  }

  /**
   * The path of sparse linear models on the columns that vary (at most {@value #MAX_INPUTS}):
   * all of them, then one fewer (the smallest coefficient dropped, the rest refitted) down to a
   * single input; above {@value #ONE_AT_A_TIME} inputs a tenth of them go at a time.
   *
   * @param rows the training rows (at least 2)
   * @param columns the columns the models may use
   * @param bayesian whether to fit with Bayesian regularisation
   * @return the models, most inputs first; empty when no column varies
   */
  public static List<LinearModel> path(Rows rows, int[] columns, boolean bayesian) {
    int[] active = Arrays.stream(columns).filter(j -> varies(rows, j)).toArray();
    if (active.length > MAX_INPUTS) {
      double[] r = new double[rows.x()[0].length];
      for (int j : active) {
        r[j] = Math.abs(correlation(rows, j));
      }
      active = Arrays.stream(active).boxed()
          .sorted(Comparator.comparingDouble((Integer j) -> -r[j]).thenComparing(j -> j))
          .limit(MAX_INPUTS).mapToInt(Integer::intValue).sorted().toArray();
    }
    List<LinearModel> out = new ArrayList<>();
    while (active.length > 0) {
      LinearModel m = fit(rows, active, bayesian);
      out.add(m);
      int drop = active.length > ONE_AT_A_TIME ? active.length / 10 : 1;
      double[] c = m.coefficients;
      int[] order = IntStream.range(0, active.length).boxed()
          .sorted(Comparator.comparingDouble((Integer j) -> Math.abs(c[j]))
              .thenComparing(j -> j))
          .mapToInt(Integer::intValue).toArray();
      boolean[] gone = new boolean[active.length];
      for (int i = 0; i < drop; i++) {
        gone[order[i]] = true;
      }
      int[] current = active;
      active = IntStream.range(0, current.length).filter(j -> !gone[j]).map(j -> current[j])
          .toArray();
    }
    return out;
  }

  /**
   * The p-value of the regression's overall F-test: the least-squares line on all the columns
   * that vary against the mean alone (Weisberg, <i>Applied Linear Regression</i>, 3rd ed., 2005,
   * section 3.5.2). With r the rank of the centred inputs and RSS0, RSS1 the mean's and the
   * line's weighted residual sums of squares, F = ((RSS0 - RSS1) / r) / (RSS1 / (n - r - 1)) on
   * (r, n - r - 1) degrees of freedom; n is the effective number of rows, (sum w)^2 / sum w^2,
   * which is the row count without weights and smaller with unequal ones (the test is then
   * conservative).
   *
   * @param rows the training rows
   * @param columns the columns the line may use
   * @return the p-value in [0, 1]; 1 when there is no test: no column varies, more than {@value
   *     #MAX_INPUTS} do (the path would screen them, and a test after screening is not valid),
   *     or fewer than r + 2 effective rows
   */
  public static double overallPValue(Rows rows, int[] columns) {
    int[] active = Arrays.stream(columns).filter(j -> varies(rows, j)).toArray();
    if (active.length == 0 || active.length > MAX_INPUTS) {
      return 1;
    }
    double sw = 0;
    double sw2 = 0;
    for (int i = 0; i < rows.size(); i++) {
      double w = rows.w() == null ? 1 : rows.w()[i];
      sw += w;
      sw2 += w * w;
    }
    Moments m = Moments.of(rows, active);
    Spectrum eig = Spectrum.of(m.a());
    double[] lambda = eig.lambda();
    double[] vb = eig.v().transpose().operate(m.b());
    double scale = 0;
    for (double l : lambda) {
      scale = Math.max(scale, l);
    }
    int rank = 0;
    double explained = 0;
    for (int j = 0; j < lambda.length; j++) {
      if (lambda[j] > 1e-9 * scale) { // collinear columns (a nominal's indicators) add no rank
        rank++;
        explained += vb[j] * vb[j] / lambda[j];
      }
    }
    double dfError = sw * sw / sw2 - rank - 1;
    if (rank == 0 || dfError < 1 || !(m.yy() > 0)) {
      return 1;
    }
    double rss = m.yy() - explained;
    if (!(rss > 1e-12 * m.yy())) {
      return 0;
    }
    double f = (explained / rank) / (rss / dfError);
    return f > 0 ? 1 - new FDistribution(rank, dfError).cumulativeProbability(f) : 1;
  }

  /** The weighted correlation of column j with the labels. */
  private static double correlation(Rows rows, int j) {
    double sw = 0;
    double mx = 0;
    double my = 0;
    for (int i = 0; i < rows.size(); i++) {
      double w = rows.w() == null ? 1 : rows.w()[i];
      sw += w;
      mx += w * rows.x()[i][j];
      my += w * rows.y()[i];
    }
    mx /= sw;
    my /= sw;
    double sxy = 0;
    double sxx = 0;
    double syy = 0;
    for (int i = 0; i < rows.size(); i++) {
      double w = rows.w() == null ? 1 : rows.w()[i];
      double dx = rows.x()[i][j] - mx;
      double dy = rows.y()[i] - my;
      sxy += w * dx * dy;
      sxx += w * dx * dx;
      syy += w * dy * dy;
    }
    return sxx > 0 && syy > 0 ? sxy / Math.sqrt(sxx * syy) : 0;
  }

  private static boolean varies(Rows rows, int j) {
    double first = Double.NaN;
    for (int i = 0; i < rows.size(); i++) {
      if (rows.w() != null && rows.w()[i] == 0) {
        continue;
      }
      double v = rows.x()[i][j];
      if (Double.isNaN(first)) {
        first = v;
      } else if (v != first) {
        return true;
      }
    }
    return false;
  }

  /**
   * Fits the coefficients of {@code inputs} and the intercept.
   *
   * @param rows the training rows
   * @param inputs the columns to use
   * @param bayesian with the evidence framework's regularisation (else least squares, with a
   *     ridge of 1e-10 of the mean diagonal against exact collinearity)
   * @return the fitted model
   */
  public static LinearModel fit(Rows rows, int[] inputs, boolean bayesian) {
    int p = inputs.length;
    Moments m = Moments.of(rows, inputs);
    double total = m.total();
    double[] xm = m.xm();
    double ym = m.ym();
    double[][] a = m.a();
    double[] b = m.b();
    double yy = m.yy();
    double[] c;
    double gamma = p;
    if (p == 0) {
      c = new double[0];
    } else {
      Spectrum eig = Spectrum.of(a);
      RealMatrix v = eig.v();
      double[] lambda = eig.lambda();
      double[] vb = v.transpose().operate(b); // b in the eigenbasis
      double scale = 0;
      for (double l : lambda) {
        scale = Math.max(scale, l);
      }
      double floor = 1e-10 * Math.max(scale, 1e-300);
      double ratio = floor; // alpha / beta
      if (bayesian) {
        ratio = Math.max(floor, 1e-6 * scale);
        for (int it = 0; it < EVIDENCE_ITERATIONS; it++) {
          double[] cu = solve(lambda, vb, ratio);
          double cc = 0;
          double fit = 0;
          gamma = 0;
          for (int j = 0; j < p; j++) {
            cc += cu[j] * cu[j];
            double l = Math.max(lambda[j], 0);
            gamma += l / (l + ratio);
            fit += cu[j] * vb[j];
          }
          // residual sum of squares at the posterior mean: yy - 2 c.b + c'Ac
          double quad = 0;
          for (int j = 0; j < p; j++) {
            quad += Math.max(lambda[j], 0) * cu[j] * cu[j];
          }
          double sse = Math.max(yy - 2 * fit + quad, 1e-12 * Math.max(yy, 1e-300));
          double alpha = gamma / Math.max(cc, 1e-300);
          double beta = Math.max(total - 1 - gamma, 1e-6) / sse;
          double next = Math.max(floor, alpha / beta);
          boolean settled = Math.abs(Math.log(next / ratio)) < 1e-6;
          ratio = next;
          if (settled) {
            break;
          }
        }
        gamma = 0;
        for (int j = 0; j < p; j++) {
          double l = Math.max(lambda[j], 0);
          gamma += l / (l + ratio);
        }
      }
      c = v.operate(solve(lambda, vb, ratio));
    }
    double intercept = ym;
    for (int j = 0; j < p; j++) {
      intercept -= c[j] * xm[j];
    }
    return new LinearModel(inputs, c, intercept, gamma + 1);
  }

  /**
   * The weighted moments a least-squares fit needs: the weights' total, the inputs' and the
   * labels' means, the centred cross-products of the inputs ({@code a}, p x p, symmetric), of
   * the inputs with the labels ({@code b}) and the labels' centred sum of squares ({@code yy}).
   */
  private record Moments(double total, double[] xm, double ym, double[][] a, double[] b,
      double yy) {
    static Moments of(Rows rows, int[] inputs) {
      int p = inputs.length;
      int n = rows.size();
      double total = 0;
      double[] xm = new double[p];
      double ym = 0;
      for (int i = 0; i < n; i++) {
        double wi = rows.w() == null ? 1 : rows.w()[i];
        total += wi;
        ym += wi * rows.y()[i];
        for (int j = 0; j < p; j++) {
          xm[j] += wi * rows.x()[i][inputs[j]];
        }
      }
      ym /= total;
      for (int j = 0; j < p; j++) {
        xm[j] /= total;
      }
      // N, the number of observations of the evidence framework, is the sum of the weights: a
      // row of weight 2 counts as two rows (Weka's instance weights as frequencies)
      double norm = 1;
      double[][] a = new double[p][p];
      double[] b = new double[p];
      double yy = 0;
      double[] d = new double[p];
      for (int i = 0; i < n; i++) {
        double wi = (rows.w() == null ? 1 : rows.w()[i]) * norm;
        if (wi == 0) {
          continue;
        }
        for (int j = 0; j < p; j++) {
          d[j] = rows.x()[i][inputs[j]] - xm[j];
        }
        double e = rows.y()[i] - ym;
        yy += wi * e * e;
        for (int j = 0; j < p; j++) {
          b[j] += wi * d[j] * e;
          for (int q = 0; q <= j; q++) {
            a[j][q] += wi * d[j] * d[q];
          }
        }
      }
      for (int j = 0; j < p; j++) {
        for (int q = 0; q < j; q++) {
          a[q][j] = a[j][q];
        }
      }
      return new Moments(total, xm, ym, a, b, yy);
    }
  }

  /**
   * The eigenvalues and eigenvectors (the columns of {@code v}) of a symmetric positive
   * semi-definite matrix, the inputs' cross-products. Commons Math's {@link EigenDecomposition}
   * can stop without converging on such a matrix when many of its eigenvalues are 0 (more
   * inputs than rows: 47 rows and 100 inputs, a nominal's indicators among them), or return
   * NaN eigenvectors (seen with weights from 1e-300 to 1e300, entries down to 1e-316); the
   * singular value decomposition then gives them, since for a symmetric positive semi-definite
   * matrix the singular values are the eigenvalues and the right singular vectors the
   * eigenvectors (up to the sign of those whose value rounding made slightly negative, which
   * the fits clip to 0).
   */
  private record Spectrum(double[] lambda, RealMatrix v) {
    static Spectrum of(double[][] a) {
      RealMatrix m = new Array2DRowRealMatrix(a, false);
      try {
        EigenDecomposition e = new EigenDecomposition(m);
        Spectrum s = new Spectrum(e.getRealEigenvalues(), e.getV());
        if (s.finite()) {
          return s;
        }
      } catch (MaxCountExceededException e) {
        // the singular value decomposition below
      }
      SingularValueDecomposition svd = new SingularValueDecomposition(m);
      return new Spectrum(svd.getSingularValues(), svd.getV());
    }

    private boolean finite() {
      for (int j = 0; j < lambda.length; j++) {
        if (!Double.isFinite(lambda[j])) {
          return false;
        }
        for (int q = 0; q < lambda.length; q++) {
          if (!Double.isFinite(v.getEntry(q, j))) {
            return false;
          }
        }
      }
      return true;
    }
  }

  /** The ridge solution in the eigenbasis: vb_j / (lambda_j + ratio). */
  private static double[] solve(double[] lambda, double[] vb, double ratio) {
    double[] out = new double[lambda.length];
    for (int j = 0; j < lambda.length; j++) {
      out[j] = vb[j] / (Math.max(lambda[j], 0) + ratio);
    }
    return out;
  }
}
