package swatnn.autoencoder;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.linalg.api.ndarray.INDArray;
import swatnn.TinyAutoencoder;

/** A model's flat parameter arrays: the ND4J entries in row-major order, made once. */
class AutoencoderModelTest {
  @TempDir Path dir;

  @Test
  void aFlatParameterHoldsTheEntriesRowMajorAndIsMadeOnce() throws Exception {
    Path file = dir.resolve("swatnn-tiny.zip");
    TinyAutoencoder.train(file, 1);
    AutoencoderModel model = AutoencoderModel.load(file);
    String name = "dec.block0.attn.Wqkv";
    INDArray w = model.parameters().get(name);
    float[] flat = model.flatParameter(name);
    assertEquals(w.length(), flat.length);
    long[] shape = w.shape();
    int at = 0;
    for (int s = 0; s < shape[0]; s++) {
      for (int k = 0; k < shape[1]; k++) {
        for (int n = 0; n < shape[2]; n++) {
          assertEquals(w.getFloat(s, k, n), flat[at++], 0f, "entry " + s + "," + k + "," + n);
        }
      }
    }
    assertSame(flat, model.flatParameter(name), "one array per model");
    assertArrayEquals(model.parameters().get("dec.pos").dup('c').data().asFloat(),
        model.flatParameter("dec.pos"));
  }
}
