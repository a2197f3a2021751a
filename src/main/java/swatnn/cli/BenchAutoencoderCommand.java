package swatnn.cli;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.nd4j.linalg.api.ndarray.INDArray;
import swatnn.autoencoder.AutoencoderConfig;
import swatnn.autoencoder.AutoencoderGraph;
import swatnn.nd4j.ParameterSet;
import swatnn.autoencoder.TrainingBatch;
import swatnn.mlp.MlpLayout;
import swatnn.mlp.MlpMatrixCodec;
import swatnn.mlp.RandomMlpSampler;
import swatnn.autoencoder.AutoencoderParameters;

/** {@code swatnn bench autoencoder}: training-step throughput of an autoencoder configuration. */
public final class BenchAutoencoderCommand implements Subcommand {

  @Override
  public String name() {
    return "bench autoencoder";
  }

  @Override
  public String summary() {
    return "measure autoencoder training throughput (forward, forward+backward, batch making)";
  }

  @Override
  public String usage() {
    return """
        usage: swatnn bench autoencoder [--d-model 64] [--blocks 2] [--batch 64] [--points 64]
                                        [--inputs 2] [--repeats 30] [--warmup 10]
                                        [--profile TRACE.json]

        Times one training step of the given configuration: making a batch of random MLPs
        (Java), the graph's forward pass alone, and forward plus backward (gradients of every
        parameter). Prints medians over --repeats steps after --warmup steps, ms per batch and
        MLPs per second. Run with OMP_NUM_THREADS=1 for the figures in BENCHMARKS.md.
        --profile also records 3 more forward+backward steps with SameDiff's ProfilingListener
        (a Chrome trace, chrome://tracing) and prints the time per op type.
        """;
  }

  @Override
  public int run(List<String> args, PrintStream out) throws Exception {
    Options o = Options.parse(args, Set.of("d-model", "blocks", "batch", "points", "inputs",
        "repeats", "warmup", "profile"), Set.of());
    int[] inputs = TrainAutoencoderCommand.parseRange(o.get("inputs", "2"));
    int b = o.getInt("batch", 64);
    int p = o.getInt("points", 64);
    int repeats = o.getInt("repeats", 30);
    int warmup = o.getInt("warmup", 10);
    AutoencoderConfig c;
    try {
      c = new AutoencoderConfig(MlpLayout.DEFAULT, inputs[0], inputs[1], o.getInt("d-model", 64), 4,
          o.getInt("blocks", 2), o.getInt("blocks", 2), 4);
    } catch (IllegalArgumentException e) {
      throw new UsageException(e.getMessage());
    }
    if (b < 1 || p < 2 || repeats < 1 || warmup < 0) {
      throw new UsageException("batch >= 1, points >= 2, repeats >= 1 and warmup >= 0 required");
    }
    ParameterSet params = AutoencoderParameters.initialise(c, 1);
    AutoencoderGraph g = AutoencoderGraph.training(c, params, b, p, 0.1);
    RandomMlpSampler sampler = new RandomMlpSampler(c.layout(), c.nInMin(), c.nInMax());
    MlpMatrixCodec codec = new MlpMatrixCodec(c.layout());
    Random random = new Random(1);
    List<String> names = new ArrayList<>(params.asMap().keySet());
    double[] make = new double[repeats];
    double[] fwd = new double[repeats];
    double[] both = new double[repeats];
    for (int i = -warmup; i < repeats; i++) {
      long t0 = System.nanoTime();
      Map<String, INDArray> ph = TrainingBatch.sample(sampler, codec, b, p, random).placeholders();
      long t1 = System.nanoTime();
      g.sameDiff().outputSingle(ph, AutoencoderGraph.LOSS);
      long t2 = System.nanoTime();
      g.sameDiff().calculateGradientsAndOutputs(ph, List.of(AutoencoderGraph.LOSS), names);
      long t3 = System.nanoTime();
      if (i >= 0) {
        make[i] = (t1 - t0) / 1e6;
        fwd[i] = (t2 - t1) / 1e6;
        both[i] = (t3 - t2) / 1e6;
      }
    }
    double step = median(make) + median(both);
    out.printf(Locale.ROOT, "config: d=%d, %d blocks per stack, batch %d, %d points per MLP, n_in %d-%d, %d parameters, %d graph ops, OMP_NUM_THREADS=%s%n",
        c.dModel(), c.encoderBlocks(), b, p, c.nInMin(), c.nInMax(), params.count(),
        g.sameDiff().getOps().size(), System.getenv().getOrDefault("OMP_NUM_THREADS", "unset"));
    out.printf(Locale.ROOT, "median ms per batch: make %.1f, forward %.1f, forward+backward %.1f%n",
        median(make), median(fwd), median(both));
    out.printf(Locale.ROOT, "training step (make + forward+backward): %.1f ms, %.0f MLPs/s%n",
        step, b * 1000.0 / step);
    if (o.hasValue("profile")) {
      java.io.File trace = new java.io.File(o.get("profile", null));
      Map<String, INDArray> ph = TrainingBatch.sample(sampler, codec, b, p, random).placeholders();
      g.sameDiff().setListeners(org.nd4j.autodiff.listeners.profiler.ProfilingListener
          .builder(trace).recordAll().warmup(0).build());
      for (int i = 0; i < 3; i++) {
        g.sameDiff().calculateGradientsAndOutputs(ph, List.of(AutoencoderGraph.LOSS), names);
      }
      g.sameDiff().setListeners();
      printProfile(trace.toPath(), 3, out);
    }
    return 0;
  }

  /** Sums the trace's op durations by op type (the trace may lack its closing bracket). */
  static void printProfile(java.nio.file.Path trace, int steps, PrintStream out) throws java.io.IOException {
    String text = java.nio.file.Files.readString(trace).strip();
    if (text.endsWith(",")) {
      text = text.substring(0, text.length() - 1);
    }
    if (!text.endsWith("]")) {
      text = text + "]";
    }
    org.nd4j.shade.jackson.databind.JsonNode events = new org.nd4j.shade.jackson.databind.ObjectMapper().readTree(text);
    Map<String, double[]> byOp = new java.util.TreeMap<>();
    double total = 0;
    int count = 0;
    for (org.nd4j.shade.jackson.databind.JsonNode e : events) {
      if (!"X".equals(e.path("ph").asText())) {
        continue;
      }
      double us = e.path("dur").asDouble();
      byOp.computeIfAbsent(e.path("name").asText(), k -> new double[2])[0] += us;
      byOp.get(e.path("name").asText())[1]++;
      total += us;
      count++;
    }
    out.printf(Locale.ROOT, "profile (%s): %d op executions per step, %.1f ms of op time per step%n",
        trace, count / steps, total / steps / 1000);
    byOp.entrySet().stream().sorted((x, y) -> Double.compare(y.getValue()[0], x.getValue()[0]))
        .limit(15).forEach(en -> out.printf(Locale.ROOT, "  %-22s %7.1f ms  %4.0f calls%n",
            en.getKey(), en.getValue()[0] / steps / 1000, en.getValue()[1] / steps));
  }

  static double median(double[] v) {
    double[] s = v.clone();
    Arrays.sort(s);
    return s.length % 2 == 1 ? s[s.length / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
  }
}
