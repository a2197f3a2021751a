package swatnn.autoencoder;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import swatnn.mlp.MlpLayout;
import swatnn.mlp.RandomMlpSampler;
import swatnn.mlp.SparseMlp;

/** Training, checkpoints and exact resume on a tiny model (d = 16, one block per stack). */
class AutoencoderTrainerTest {
  static final AutoencoderConfig TINY = new AutoencoderConfig(MlpLayout.DEFAULT, 1, 3, 16, 2, 1, 1, 2);
  static final TrainerSettings FAST = new TrainerSettings(16, 32, 3e-3, 10, 1.0, 0.1, 11, 5, 1.0, 30);

  @TempDir Path dir;

  static AutoencoderTrainer tiny(Path file) throws Exception {
    return AutoencoderTrainer.start(TINY, FAST, file).heldOutSize(64)
        .checkpointEvery(1e9).progressTo(new java.io.PrintStream(java.io.OutputStream.nullOutputStream()));
  }

  @Test
  void lossFallsOverFiftySteps() throws Exception {
    List<Double> losses = tiny(dir.resolve("m.zip")).train(50, 0);
    assertEquals(50, losses.size());
    double first = losses.subList(0, 10).stream().mapToDouble(Double::doubleValue).average().orElseThrow();
    double last = losses.subList(40, 50).stream().mapToDouble(Double::doubleValue).average().orElseThrow();
    assertTrue(last < 0.8 * first, "mean loss of steps 1-10 " + first + ", of steps 41-50 " + last);
  }

  @Test
  void writesModelLogAndCurve() throws Exception {
    Path file = dir.resolve("m.zip");
    AutoencoderTrainer t = tiny(file);
    t.train(5, 0);
    assertTrue(Files.size(file) > 1000);
    assertTrue(Files.exists(dir.resolve("m.loss.csv")));
    assertTrue(Files.size(dir.resolve("m.loss.png")) > 1000);
    List<String> csv = Files.readAllLines(dir.resolve("m.loss.csv"));
    assertEquals("step,loss,running_mean,grad_norm,seconds,heldout_min,heldout_k1,heldout_k2,heldout_k3,heldout_k4", csv.get(0));
    assertEquals(1 + 5 + 1, csv.size(), "5 step rows and one evaluation row");
    ModelManifest m = ModelFile.readManifest(file);
    assertEquals(5, m.trainingSteps());
    assertEquals(4, m.heldOutRelativeErrorPerDecoder().length);
    assertEquals(TINY, m.config());
    assertEquals(FAST, m.training());
    assertTrue(m.hasOptimizerState());
    assertEquals(t.parameters().count(), m.parameterCount());
  }

  @Test
  void decoderOutputsHaveEachDecodersWidth() throws Exception {
    Path file = dir.resolve("m.zip");
    tiny(file).train(3, 0);
    AutoencoderModel model = AutoencoderModel.load(file);
    List<SparseMlp> nets = sample(3);
    float[][][] z = model.encode(nets);
    assertEquals(3, z.length);
    assertEquals(7, z[0].length);
    assertEquals(16, z[0][0].length);
    double[][][] decoded = model.decode(z[1]);
    assertEquals(4, decoded.length);
    for (int k = 1; k <= 4; k++) {
      assertEquals(7, decoded[k - 1].length);
      assertEquals(MlpLayout.DEFAULT.width(k), decoded[k - 1][0].length, "decoder " + k);
    }
  }

  @Test
  void savedAndLoadedModelsComputeTheSame() throws Exception {
    Path file = dir.resolve("m.zip");
    AutoencoderTrainer t = tiny(file);
    t.train(4, 0);
    AutoencoderModel live = new AutoencoderModel(ModelFile.readManifest(file), t.parameters());
    AutoencoderModel loaded = AutoencoderModel.load(file);
    List<SparseMlp> nets = sample(4);
    float[][][] a = live.encode(nets);
    float[][][] b = loaded.encode(nets);
    for (int i = 0; i < a.length; i++) {
      for (int r = 0; r < a[i].length; r++) {
        assertArrayEquals(a[i][r], b[i][r]);
      }
      double[][][] da = live.decode(a[i]);
      double[][][] db = loaded.decode(b[i]);
      for (int k = 0; k < da.length; k++) {
        for (int r = 0; r < da[k].length; r++) {
          assertArrayEquals(da[k][r], db[k][r]);
        }
      }
    }
  }

  @Test
  void resumedRunReproducesTheUninterruptedRun() throws Exception {
    List<Double> straight = tiny(dir.resolve("a.zip")).train(12, 0);
    Path b = dir.resolve("b.zip");
    List<Double> first = tiny(b).train(7, 0);
    assertEquals(straight.subList(0, 7), first);
    AutoencoderTrainer resumed = AutoencoderTrainer.resume(b).heldOutSize(64)
        .progressTo(new java.io.PrintStream(java.io.OutputStream.nullOutputStream()));
    assertEquals(7, resumed.step());
    List<Double> rest = resumed.train(5, 0);
    assertEquals(straight.subList(7, 12), rest, "losses after resuming");
    assertEquals(12, resumed.step());
    List<String> csv = Files.readAllLines(dir.resolve("b.loss.csv"));
    assertEquals(1 + 12 + 2, csv.size(), "12 step rows, 2 checkpoint rows");
    assertEquals(List.of(resumed.backend()), ModelFile.read(b, false).manifest().backends(),
        "the same backend before and after resuming is recorded once");
  }

  @Test
  void resumeCanChangeTheOptimisationRecipe() throws Exception {
    Path file = dir.resolve("r.zip");
    tiny(file).train(3, 0);
    AutoencoderTrainer t = AutoencoderTrainer.resume(file, s -> new TrainerSettings(s.batch(),
        s.points(), 1e-4, s.warmupSteps(), s.clipNorm(), 1.0, s.dataSeed(), s.initSeed(),
        s.reconstructionWeight(), s.reconstructionSteps(), s.normalizeOutputs()))
        .heldOutSize(64).progressTo(new java.io.PrintStream(java.io.OutputStream.nullOutputStream()));
    t.train(2, 0);
    ModelManifest m = ModelFile.readManifest(file);
    assertEquals(5, m.trainingSteps());
    assertEquals(1e-4, m.training().learningRate());
    assertEquals(1.0, m.training().allDecoderWeight());
    org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
        () -> AutoencoderTrainer.resume(file, s -> new TrainerSettings(s.batch() + 1, s.points(),
            s.learningRate(), s.warmupSteps(), s.clipNorm(), s.allDecoderWeight(), s.dataSeed(),
            s.initSeed(), s.reconstructionWeight(), s.reconstructionSteps(), s.normalizeOutputs())));
  }

  static List<SparseMlp> sample(int n) {
    RandomMlpSampler s = new RandomMlpSampler(MlpLayout.DEFAULT, 1, 3);
    Random r = new Random(99);
    List<SparseMlp> out = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      out.add(s.draw(r).mlp());
    }
    return out;
  }
}
