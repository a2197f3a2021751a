import java.io.*;
import java.nio.file.*;
import java.util.*;
import weka.core.*;
import weka.core.converters.ConverterUtils.DataSource;
import swatnn.search.*;
import swatnn.autoencoder.*;
import swatnn.mlp.*;

/** args: train.arff test.arff steps anneal patience seed slots */
public class Patience {
  static double[][] xs(Instances d) { int n=d.numInstances(), m=d.numAttributes()-1; double[][] x=new double[n][m]; for(int i=0;i<n;i++) for(int j=0;j<m;j++) x[i][j]=d.instance(i).value(j); return x; }
  static double[] ys(Instances d) { double[] y=new double[d.numInstances()]; for(int i=0;i<y.length;i++) y[i]=d.instance(i).classValue(); return y; }
  public static void main(String[] a) throws Exception {
    Instances tr = DataSource.read(a[0]); tr.setClassIndex(tr.numAttributes()-1);
    Instances te = DataSource.read(a[1]); te.setClassIndex(te.numAttributes()-1);
    int m = tr.numAttributes()-1;
    double[][] x = xs(tr), tx = xs(te); double[] y = ys(tr), ty = ys(te);
    MinMaxScaler sx = MinMaxScaler.fit(x, m), sy = MinMaxScaler.fit(y);
    for (int i=0;i<x.length;i++){ x[i]=sx.scale(x[i]); y[i]=sy.scale(0,y[i]); }
    for (int i=0;i<tx.length;i++) tx[i]=sx.scale(tx[i]);
    SearchSettings s = new SearchSettings().steps(Integer.parseInt(a[2])).annealSteps(Integer.parseInt(a[3]))
      .patience(Integer.parseInt(a[4])).seed(Long.parseLong(a[5])).slots(Integer.parseInt(a[6]));
    if (a.length > 7) s.refineIterations(Integer.parseInt(a[7]));
    AutoencoderModel model = AutoencoderModel.load(ModelLocator.resolve("auto", m));
    int[] calls = {0};
    long t0 = System.nanoTime();
    SearchResult r = new LatentSearch(model, s).fit(x, y, (st, tot, loss) -> calls[0]++);
    double sec = (System.nanoTime()-t0)/1e9;
    double[] p = r.network().predict(tx);
    double mse = 0; for (int i=0;i<p.length;i++){ double d = sy.unscale(0,p[i]) - ty[i]; mse += d*d; } mse /= p.length;
    System.out.printf(Locale.ROOT, "%s iters=%s steps=%s anneal=%s patience=%s seed=%s calls=%d sec=%.1f testMSE=%.4g nz=%d layers=%d%n",
      Paths.get(a[0]).getFileName(), a.length > 7 ? a[7] : "200", a[2], a[3], a[4], a[5], calls[0], sec, mse, r.network().nonZeroCount(), r.network().hiddenLayers());
  }
}
