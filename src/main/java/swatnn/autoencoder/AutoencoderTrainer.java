package swatnn.autoencoder;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import org.nd4j.autodiff.samediff.api.OutAndGrad;
import org.nd4j.linalg.api.ndarray.INDArray;
import swatnn.mlp.MlpMatrixCodec;
import swatnn.mlp.RandomMlpSampler;
import swatnn.nd4j.AdamOptimizer;
import swatnn.nd4j.Nd4jBackend;
import swatnn.nd4j.ParameterSet;

/**
 * Trains a multi-scale autoencoder on random MLPs with the functional objective, writing
 * checkpoints (atomically) every few minutes and at the end, a loss log and a loss curve beside
 * the model file. A run resumed from a checkpoint continues exactly as the uninterrupted run
 * would have: weights, Adam's state, the step count and the data stream's random state are all
 * in the checkpoint.
 */
public final class AutoencoderTrainer {
  /** Held-out set size and points per network. */
  public static final int HELD_OUT_SIZE = 512;
  public static final int HELD_OUT_POINTS = 256;
  private static final int RUNNING_WINDOW = 200;

  private final AutoencoderConfig config;
  private final TrainerSettings settings;
  private final Path modelFile;
  private final ParameterSet params;
  private final AdamOptimizer adam;
  private final Random dataRandom;
  private final LossLog log;
  private final RandomMlpSampler sampler;
  private final MlpMatrixCodec codec;
  private double trainingSeconds;
  private HeldOutSet heldOut;
  private HeldOutSet.Evaluation lastEvaluation;
  private int heldOutSize = HELD_OUT_SIZE;
  private PrintStream progress = System.err;
  private boolean terminal;
  private double checkpointMinutes = 5;
  /** The backends of earlier sessions of this run (from the checkpoint's manifest). */
  private List<String> backends = List.of();
  private String backend;

  private AutoencoderTrainer(AutoencoderConfig config, TrainerSettings settings, Path modelFile,
      ParameterSet params, AdamOptimizer adam, Random dataRandom) {
    this.config = config;
    this.settings = settings;
    this.modelFile = modelFile;
    this.params = params;
    this.adam = adam;
    this.dataRandom = dataRandom;
    this.log = new LossLog(sibling(modelFile, ".loss.csv"), config.decoders());
    this.sampler = new RandomMlpSampler(config.layout(), config.nInMin(), config.nInMax());
    this.codec = new MlpMatrixCodec(config.layout());
  }

  /** A new training run that will write {@code modelFile}. */
  public static AutoencoderTrainer start(AutoencoderConfig config, TrainerSettings settings,
      Path modelFile) throws IOException {
    ParameterSet params = AutoencoderParameters.initialise(config, settings.initSeed());
    AdamOptimizer adam = new AdamOptimizer(params, settings.learningRate(),
        settings.warmupSteps(), settings.clipNorm());
    AutoencoderTrainer t = new AutoencoderTrainer(config, settings, modelFile, params, adam,
        new Random(settings.dataSeed()));
    t.log.loadUpTo(-1);
    return t;
  }

  /** Continues the run checkpointed in {@code modelFile}. */
  public static AutoencoderTrainer resume(Path modelFile) throws ModelFileException, IOException {
    return resume(modelFile, java.util.function.UnaryOperator.identity());
  }

  /**
   * Continues a checkpointed run with changed optimisation settings (learning rate, clipping,
   * loss weights; the data stream, batch shape and architecture stay). With the identity it is
   * the exact continuation of {@link #resume(Path)}; otherwise the manifest records the new
   * settings from here on.
   */
  public static AutoencoderTrainer resume(Path modelFile,
      java.util.function.UnaryOperator<TrainerSettings> change) throws ModelFileException, IOException {
    ModelFile.Loaded loaded = ModelFile.read(modelFile, true);
    ModelManifest m = loaded.manifest();
    TrainerSettings settings = change.apply(m.training());
    TrainerSettings old = m.training();
    if (settings.batch() != old.batch() || settings.points() != old.points()
        || settings.dataSeed() != old.dataSeed() || settings.initSeed() != old.initSeed()
        || settings.normalizeOutputs() != old.normalizeOutputs()) {
      throw new IllegalArgumentException("batch, points, seeds and output normalisation cannot change when resuming");
    }
    AdamOptimizer adam = new AdamOptimizer(loaded.parameters(), settings.learningRate(),
        settings.warmupSteps(), settings.clipNorm());
    ModelFile.OptimizerState s = loaded.optimizer();
    for (String name : loaded.parameters().asMap().keySet()) {
      adam.firstMoments().get(name).assign(s.firstMoments().get(name));
      adam.secondMoments().get(name).assign(s.secondMoments().get(name));
    }
    adam.restoreStep(s.step());
    AutoencoderTrainer t = new AutoencoderTrainer(m.config(), settings, modelFile,
        loaded.parameters(), adam, s.dataRandom());
    t.trainingSeconds = s.trainingSeconds();
    t.backends = m.backends();
    t.log.loadUpTo(s.step());
    if (Double.isFinite(m.heldOutRelativeError())) {
      t.lastEvaluation = new HeldOutSet.Evaluation(m.heldOutRelativeError(),
          m.heldOutRelativeErrorPerDecoder());
    }
    return t;
  }

  /** Progress lines to {@code out}, every 30 s (the default: System.err). */
  public AutoencoderTrainer progressTo(PrintStream out) {
    return progressTo(out, false);
  }

  /**
   * Progress to {@code out}: with {@code terminal}, one line redrawn in place twice a second;
   * otherwise a line every 30 s.
   */
  public AutoencoderTrainer progressTo(PrintStream out, boolean terminal) {
    this.progress = out;
    this.terminal = terminal;
    return this;
  }

  public AutoencoderTrainer checkpointEvery(double minutes) {
    this.checkpointMinutes = minutes;
    return this;
  }

  /** A smaller held-out set, for tests (a multiple of 64). */
  public AutoencoderTrainer heldOutSize(int n) {
    this.heldOutSize = n;
    this.heldOut = null;
    return this;
  }

  public long step() {
    return adam.step();
  }

  /** The ND4J backend this trainer runs on, e.g. "CPU (OPENBLAS, 2 cores)"; the manifest records it. */
  public String backend() {
    if (backend == null) {
      backend = Nd4jBackend.summary();
    }
    return backend;
  }

  public ParameterSet parameters() {
    return params;
  }

  public AutoencoderConfig config() {
    return config;
  }

  public LossLog lossLog() {
    return log;
  }

  /**
   * Trains until {@code moreSteps} more steps are done or {@code minutes} have passed, whichever
   * comes first, checkpointing on the way and at the end.
   *
   * @return the losses of the steps run, in order
   */
  public List<Double> train(long moreSteps, double minutes) throws IOException {
    long target = moreSteps == Long.MAX_VALUE ? Long.MAX_VALUE : adam.step() + moreSteps;
    long start = System.nanoTime();
    long deadline = minutes > 0 && Double.isFinite(minutes)
        ? start + (long) (minutes * 60e9) : Long.MAX_VALUE;
    long lastCheckpoint = start;
    long lastSecondsMark = start;
    AutoencoderGraph graph = AutoencoderGraph.training(config, params, settings.batch(),
        settings.points(), settings.allDecoderWeight());
    List<String> names = new ArrayList<>(params.asMap().keySet());
    ArrayDeque<Double> window = new ArrayDeque<>();
    for (int i = Math.max(0, log.rows().size() - RUNNING_WINDOW); i < log.rows().size(); i++) {
      if (Double.isFinite(log.rows().get(i).loss())) { // evaluation rows carry no loss
        window.add(log.rows().get(i).loss());
      }
    }
    double windowSum = window.stream().mapToDouble(Double::doubleValue).sum();
    List<Double> losses = new ArrayList<>();
    ProgressBar bar = new ProgressBar(progress, terminal, adam.step(), target, start, deadline,
        Nd4jBackend.name());
    while (adam.step() < target && System.nanoTime() < deadline) {
      TrainingBatch batch = TrainingBatch.sample(sampler, codec, settings.batch(), settings.points(),
          dataRandom, settings.normalizeOutputs());
      OutAndGrad og = graph.sameDiff().calculateGradientsAndOutputs(
          batch.placeholders(settings.reconstructionWeightAt(adam.step() + 1)),
          List.of(AutoencoderGraph.LOSS), names);
      double loss = og.getOutputs().get(AutoencoderGraph.LOSS).getDouble(0);
      Map<String, INDArray> grads = og.getGradients();
      double norm;
      if (Double.isFinite(loss)) {
        norm = adam.update(params, grads);
      } else {
        norm = Double.NaN;
        adam.restoreStep(adam.step() + 1); // skip a non-finite batch, keep step numbering
      }
      long now = System.nanoTime();
      trainingSeconds += (now - lastSecondsMark) / 1e9;
      lastSecondsMark = now;
      if (Double.isFinite(loss)) {
        window.add(loss);
        windowSum += loss;
        if (window.size() > RUNNING_WINDOW) {
          windowSum -= window.removeFirst();
        }
      }
      double running = window.isEmpty() ? Double.NaN : windowSum / window.size();
      losses.add(loss);
      log.add(new LossLog.Row(adam.step(), loss, running, norm, trainingSeconds, Double.NaN, null));
      bar.update(adam.step(), loss, running, settings.batch());
      if ((now - lastCheckpoint) / 60e9 >= checkpointMinutes) {
        checkpoint();
        lastCheckpoint = System.nanoTime();
        lastSecondsMark = lastCheckpoint; // evaluation time is not training time
      }
    }
    checkpoint();
    bar.finish();
    return losses;
  }

  /** Evaluates on the held-out set and writes model file, log and curve. */
  public void checkpoint() throws IOException {
    if (heldOut == null) {
      heldOut = new HeldOutSet(config, settings.dataSeed(), heldOutSize, HELD_OUT_POINTS,
          settings.normalizeOutputs());
    }
    lastEvaluation = heldOut.evaluate(config, params);
    log.add(new LossLog.Row(adam.step(), Double.NaN, Double.NaN, Double.NaN, trainingSeconds,
        lastEvaluation.minOverDecoders(), lastEvaluation.perDecoder()));
    ModelFile.write(modelFile, manifest(heldOut.size()), params, optimizerState());
    log.flush();
    LossCurvePlot.write(log.rows(), String.format(Locale.ROOT,
        "%s: d=%d, %d+%d blocks, n_in %d-%d, %d steps, held-out rel. error %.4f",
        modelFile.getFileName(), config.dModel(), config.encoderBlocks(), config.decoderBlocks(),
        config.nInMin(), config.nInMax(), adam.step(), lastEvaluation.minOverDecoders()),
        sibling(modelFile, ".loss.png"));
    StringBuilder sb = new StringBuilder(String.format(Locale.ROOT,
        "%ncheckpoint step %d (%.0f s): held-out relative error %.4f, per decoder",
        adam.step(), trainingSeconds, lastEvaluation.minOverDecoders()));
    for (double v : lastEvaluation.perDecoder()) {
      sb.append(String.format(Locale.ROOT, " %.4f", v));
    }
    progress.println(sb);
  }

  public HeldOutSet.Evaluation lastEvaluation() {
    return lastEvaluation;
  }

  private ModelManifest manifest(int heldOutN) {
    return new ModelManifest(ModelManifest.FORMAT, config, settings, params.count(), adam.step(),
        trainingSeconds, lastEvaluation.minOverDecoders(), lastEvaluation.perDecoder(), heldOutN,
        ModelFile.weightsSha256(params), true, ModelManifest.withBackend(backends, backend()));
  }

  private ModelFile.OptimizerState optimizerState() {
    return new ModelFile.OptimizerState(adam.step(), trainingSeconds, dataRandom,
        adam.firstMoments(), adam.secondMoments());
  }

  /** {@code model.zip} to {@code model.loss.csv}. */
  static Path sibling(Path modelFile, String suffix) {
    String name = modelFile.getFileName().toString();
    String base = name.endsWith(".zip") ? name.substring(0, name.length() - 4) : name;
    Path dir = modelFile.toAbsolutePath().getParent();
    return dir.resolve(base + suffix);
  }

  /** One status line, redrawn in place on a terminal, printed every 30 s otherwise. */
  private static final class ProgressBar {
    private final PrintStream out;
    private final long firstStep;
    private final long target;
    private final long start;
    private final long deadline;
    private final String backend;
    private final boolean terminal;
    private long lastPrint;

    ProgressBar(PrintStream out, boolean terminal, long firstStep, long target, long start,
        long deadline, String backend) {
      this.out = out;
      this.terminal = terminal;
      this.backend = backend;
      this.firstStep = firstStep;
      this.target = target;
      this.start = start;
      this.deadline = deadline;
    }

    void update(long step, double loss, double running, int batch) {
      long now = System.nanoTime();
      if (now - lastPrint < (terminal ? 500_000_000L : 30_000_000_000L)) {
        return;
      }
      lastPrint = now;
      double secs = (now - start) / 1e9;
      long done = step - firstStep;
      double perSec = done / Math.max(secs, 1e-9);
      double etaSteps = target == Long.MAX_VALUE ? Double.POSITIVE_INFINITY : (target - step) / Math.max(perSec, 1e-9);
      double etaClock = deadline == Long.MAX_VALUE ? Double.POSITIVE_INFINITY : (deadline - now) / 1e9;
      double eta = Math.min(etaSteps, etaClock);
      double frac = target != Long.MAX_VALUE ? (double) done / (target - firstStep)
          : deadline != Long.MAX_VALUE ? secs / ((deadline - start) / 1e9) : 0;
      int filled = (int) Math.round(20 * Math.max(0, Math.min(1, frac)));
      String line = String.format(Locale.ROOT,
          "step %d [%s%s] loss %.4f mean %.4f | %.0f MLP/s on %s | ETA %s",
          step, "=".repeat(filled), " ".repeat(20 - filled), loss, running, perSec * batch, backend,
          Double.isFinite(eta) ? clock(eta) : "-");
      out.print(terminal ? "\r" + line : line + "\n");
      out.flush();
    }

    void finish() {
      if (terminal) {
        out.println();
      }
    }

    private static String clock(double seconds) {
      long s = Math.round(seconds);
      return String.format(Locale.ROOT, "%d:%02d:%02d", s / 3600, (s / 60) % 60, s % 60);
    }
  }
}
