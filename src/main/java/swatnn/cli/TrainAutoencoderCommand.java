package swatnn.cli;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.Set;
import swatnn.autoencoder.AutoencoderConfig;
import swatnn.autoencoder.AutoencoderTrainer;
import swatnn.autoencoder.ModelFileException;
import swatnn.autoencoder.TrainerSettings;
import swatnn.mlp.MlpLayout;

/** {@code swatnn train-autoencoder}: trains (or resumes training of) a multi-scale autoencoder. */
public final class TrainAutoencoderCommand implements Subcommand {

  @Override
  public String name() {
    return "train-autoencoder";
  }

  @Override
  public String summary() {
    return "train or resume a multi-scale autoencoder on random MLPs";
  }

  @Override
  public String usage() {
    return """
        usage: swatnn train-autoencoder --out FILE (--steps N | --minutes M) [options]
               swatnn train-autoencoder --out FILE --resume (--steps N | --minutes M)

        Trains the SWAT-NN autoencoder on random MLPs with the functional objective and writes
        FILE (a model zip), FILE's .loss.csv and .loss.png beside it. Checkpoints are written
        atomically every --checkpoint-minutes and at the end; --resume continues a checkpoint
        exactly (weights, optimiser, step, random state). With both --steps and --minutes the
        run stops at whichever comes first. On --resume, --lr, --warmup, --clip,
        --all-decoder-weight and --reconstruction-* may be given to change the recipe from the
        checkpoint on (the manifest records them); the architecture, batch, points, seeds and
        output normalisation cannot change.

        options:
          --out FILE              model file to write (and, with --resume, to continue)
          --resume                continue the run checkpointed in FILE
          --steps N               train N more steps
          --minutes M             stop after M minutes
          --checkpoint-minutes M  minutes between checkpoints (default 5)
          --held-out N            held-out networks evaluated at checkpoints, a multiple
                                  of 64 (default 512)
          --seed S                data seed (default 1); the held-out set derives from it
          --init-seed S           weight initialisation seed (default 1)
          --inputs N | MIN-MAX    input counts of the MLPs (default 2)
          --d-model D             token width d (default 64)
          --heads N               attention heads (default 4)
          --encoder-blocks N      transformer blocks of the encoder (default 2)
          --decoder-blocks N      transformer blocks of each decoder (default 2)
          --hidden H              max neurons per hidden layer (default 7)
          --layers L              max hidden layers = decoders (default 4)
          --batch N               MLPs per step (default 64)
          --points N              input points per MLP (default 64)
          --lr X                  Adam learning rate (default 1e-3)
          --warmup N              warm-up steps (default 500)
          --clip X                gradient-norm clip, 0 for none (default 1.0)
          --all-decoder-weight X  weight of the mean over decoders added to the minimum
                                  over decoders (default 1.0; 0 is the paper's objective)
          --reconstruction-weight X  initial weight of the term pulling decoder k_in
                                  towards the input matrix (default 1.0; 0: none)
          --reconstruction-steps N   steps over which that weight falls to 0 (default 10000)
          --raw-outputs           train on the random MLPs as drawn; by default each MLP's
                                  output layer is rescaled so its outputs span [-1, 1], the
                                  range the latent search meets
        Threads: OMP_NUM_THREADS=1 is fastest for these small graphs.
        """;
  }

  @Override
  public int run(List<String> args, PrintStream out) throws Exception {
    Options o = Options.parse(args, Set.of("out", "steps", "minutes", "checkpoint-minutes", "held-out", "seed",
        "init-seed", "inputs", "d-model", "heads", "encoder-blocks", "decoder-blocks", "hidden",
        "layers", "batch", "points", "lr", "warmup", "clip", "all-decoder-weight",
        "reconstruction-weight", "reconstruction-steps"), Set.of("resume", "raw-outputs"));
    if (!o.positional().isEmpty()) {
      throw new UsageException("unexpected argument '" + o.positional().get(0) + "'");
    }
    if (!o.hasValue("out")) {
      throw new UsageException("--out FILE is required");
    }
    Path file = Paths.get(o.get("out", null));
    long steps = o.hasValue("steps") ? o.getLong("steps", 0) : Long.MAX_VALUE;
    double minutes = o.getDouble("minutes", Double.POSITIVE_INFINITY);
    if (!o.hasValue("steps") && !o.hasValue("minutes")) {
      throw new UsageException("give --steps N or --minutes M (or both)");
    }
    if (steps < 1 || !(minutes > 0)) {
      throw new UsageException("--steps and --minutes must be positive");
    }
    double checkpointMinutes = o.getDouble("checkpoint-minutes", 5);
    if (!(checkpointMinutes > 0)) {
      throw new UsageException("--checkpoint-minutes must be positive");
    }
    AutoencoderTrainer trainer;
    if (o.has("resume")) {
      for (String fixed : List.of("seed", "init-seed", "inputs", "d-model", "heads", "encoder-blocks",
          "decoder-blocks", "hidden", "layers", "batch", "points")) {
        if (o.hasValue(fixed)) {
          throw new UsageException("--" + fixed + " cannot change when resuming (it is in the checkpoint)");
        }
      }
      if (o.has("raw-outputs")) {
        throw new UsageException("--raw-outputs cannot change when resuming (it is in the checkpoint)");
      }
      if (!Files.exists(file)) {
        throw new UsageException("--resume: no checkpoint at " + file);
      }
      try {
        trainer = AutoencoderTrainer.resume(file, t -> {
          try {
            return new TrainerSettings(t.batch(), t.points(), o.getDouble("lr", t.learningRate()),
                o.getInt("warmup", t.warmupSteps()), o.getDouble("clip", t.clipNorm()),
                o.getDouble("all-decoder-weight", t.allDecoderWeight()), t.dataSeed(), t.initSeed(),
                o.getDouble("reconstruction-weight", t.reconstructionWeight()),
                o.getLong("reconstruction-steps", t.reconstructionSteps()), t.normalizeOutputs());
          } catch (UsageException e) {
            throw new IllegalArgumentException(e.getMessage());
          }
        });
      } catch (ModelFileException e) {
        throw new Exception("cannot resume: " + e.getMessage());
      } catch (IllegalArgumentException e) {
        throw new UsageException(e.getMessage());
      }
      out.println("resuming " + file + " at step " + trainer.step() + " on ND4J " + trainer.backend());
    } else {
      if (Files.exists(file)) {
        throw new UsageException(file + " exists; use --resume to continue it, or choose another --out");
      }
      int[] inputs = parseRange(o.get("inputs", "2"));
      AutoencoderConfig config;
      TrainerSettings settings;
      try {
        config = new AutoencoderConfig(new MlpLayout(o.getInt("hidden", 7), o.getInt("layers", 4)),
            inputs[0], inputs[1], o.getInt("d-model", 64), o.getInt("heads", 4),
            o.getInt("encoder-blocks", 2), o.getInt("decoder-blocks", 2), 4);
        settings = new TrainerSettings(o.getInt("batch", 64), o.getInt("points", 64),
            o.getDouble("lr", 1e-3), o.getInt("warmup", 500), o.getDouble("clip", 1.0),
            o.getDouble("all-decoder-weight", 1.0), o.getLong("seed", 1), o.getLong("init-seed", 1),
            o.getDouble("reconstruction-weight", 1.0), o.getLong("reconstruction-steps", 10000),
            !o.has("raw-outputs"));
      } catch (IllegalArgumentException e) {
        throw new UsageException(e.getMessage());
      }
      trainer = AutoencoderTrainer.start(config, settings, file);
      out.printf("training %s: %d parameters, n_in %d-%d, on ND4J %s%n", file,
          trainer.parameters().count(), config.nInMin(), config.nInMax(), trainer.backend());
    }
    int heldOut = o.getInt("held-out", AutoencoderTrainer.HELD_OUT_SIZE);
    if (heldOut < 64 || heldOut % 64 != 0) {
      throw new UsageException("--held-out must be a positive multiple of 64");
    }
    trainer.checkpointEvery(checkpointMinutes).heldOutSize(heldOut).progressTo(System.err, Terminal.stderr());
    trainer.train(steps, minutes);
    out.printf("done: %s at step %d, held-out relative error %.4f%n", file, trainer.step(),
        trainer.lastEvaluation().minOverDecoders());
    return 0;
  }

  /** "2" or "1-7". */
  static int[] parseRange(String s) throws UsageException {
    try {
      String[] parts = s.trim().split("-");
      if (parts.length == 1) {
        int n = Integer.parseInt(parts[0]);
        return new int[] {n, n};
      }
      if (parts.length == 2) {
        return new int[] {Integer.parseInt(parts[0]), Integer.parseInt(parts[1])};
      }
    } catch (NumberFormatException e) {
      // fall through
    }
    throw new UsageException("--inputs expects N or MIN-MAX, got '" + s + "'");
  }
}
