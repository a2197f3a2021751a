package swatnn.autoencoder;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import swatnn.io.AtomicFile;

/**
 * The training log beside a model file ({@code <model>.loss.csv}): one row per step with the
 * loss, its running mean and the gradient norm, and on checkpoint rows the held-out errors.
 */
public final class LossLog {
  /** One row. Held-out values are NaN on rows without an evaluation. */
  public record Row(long step, double loss, double runningMean, double gradNorm, double seconds,
      double heldOut, double[] heldOutPerDecoder) {}

  private final Path file;
  private final int decoders;
  private final List<Row> rows = new ArrayList<>();
  private final List<String> pending = new ArrayList<>();

  public LossLog(Path file, int decoders) {
    this.file = file;
    this.decoders = decoders;
  }

  public Path file() {
    return file;
  }

  public List<Row> rows() {
    return rows;
  }

  /**
   * Loads an existing log, keeping only rows up to {@code lastStep} (rows written after the
   * checkpoint that is being resumed are dropped), and rewrites it atomically.
   */
  public void loadUpTo(long lastStep) throws IOException {
    rows.clear();
    if (!Files.exists(file)) {
      return;
    }
    for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
      if (line.isBlank() || line.startsWith("step")) {
        continue;
      }
      String[] f = line.split(",", -1);
      if (f.length < 6 + decoders) {
        continue; // a row cut short by a kill
      }
      try {
        long step = Long.parseLong(f[0]);
        if (step > lastStep) {
          continue;
        }
        double[] per = new double[decoders];
        for (int k = 0; k < decoders; k++) {
          per[k] = parse(f[6 + k]);
        }
        rows.add(new Row(step, parse(f[1]), parse(f[2]), parse(f[3]), parse(f[4]), parse(f[5]), per));
      } catch (NumberFormatException e) {
        // skip a damaged row
      }
    }
    rewrite();
  }

  private static double parse(String s) {
    return s.isEmpty() ? Double.NaN : Double.parseDouble(s);
  }

  public void add(Row r) {
    rows.add(r);
    pending.add(format(r));
  }

  /** Appends the rows added since the last flush. */
  public void flush() throws IOException {
    if (pending.isEmpty()) {
      return;
    }
    if (!Files.exists(file)) {
      Files.writeString(file, header(), StandardCharsets.UTF_8);
    }
    Files.write(file, pending, StandardCharsets.UTF_8, StandardOpenOption.APPEND);
    pending.clear();
  }

  private void rewrite() throws IOException {
    StringBuilder sb = new StringBuilder(header());
    for (Row r : rows) {
      sb.append(format(r)).append('\n');
    }
    AtomicFile.writeString(file, sb.toString());
  }

  private String header() {
    StringBuilder sb = new StringBuilder("step,loss,running_mean,grad_norm,seconds,heldout_min");
    for (int k = 1; k <= decoders; k++) {
      sb.append(",heldout_k").append(k);
    }
    return sb.append('\n').toString();
  }

  private String format(Row r) {
    StringBuilder sb = new StringBuilder();
    sb.append(r.step()).append(',').append(num(r.loss())).append(',').append(num(r.runningMean()))
        .append(',').append(num(r.gradNorm())).append(',').append(String.format(Locale.ROOT, "%.1f", r.seconds()))
        .append(',').append(num(r.heldOut()));
    for (int k = 0; k < decoders; k++) {
      sb.append(',').append(r.heldOutPerDecoder() == null ? "" : num(r.heldOutPerDecoder()[k]));
    }
    return sb.toString();
  }

  private static String num(double v) {
    return Double.isNaN(v) ? "" : String.format(Locale.ROOT, "%.6g", v);
  }
}
