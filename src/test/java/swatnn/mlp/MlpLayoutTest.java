package swatnn.mlp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class MlpLayoutTest {

  private final MlpLayout layout = MlpLayout.DEFAULT;

  @Test
  void widthsMatchThePaper() {
    assertEquals(7, layout.maxNeurons());
    assertEquals(4, layout.maxHiddenLayers());
    assertEquals(20, layout.width(1));
    assertEquals(32, layout.width(2));
    assertEquals(44, layout.width(3));
    assertEquals(56, layout.width(4));
    assertEquals(56, layout.maxWidth());
    for (int k = 1; k <= 4; k++) {
      assertEquals(12 * k + 8, layout.width(k));
    }
  }

  @Test
  void offsetsOfATwoLayerNetwork() {
    // Columns: 0-6 W0, 7 b1, 8-10 act1, 11-17 W1, 18 b2, 19-21 act2, 22-28 Wout, 29 bout,
    // 30-31 masks.
    assertEquals(0, layout.weightBlockOffset(2, 0));
    assertEquals(7, layout.biasColumn(2, 0));
    assertEquals(8, layout.activationOffset(2, 0));
    assertEquals(11, layout.weightBlockOffset(2, 1));
    assertEquals(18, layout.biasColumn(2, 1));
    assertEquals(19, layout.activationOffset(2, 1));
    assertEquals(22, layout.outputBlockOffset(2));
    assertEquals(22, layout.weightBlockOffset(2, 2));
    assertEquals(29, layout.outputBiasColumn(2));
    assertEquals(30, layout.maskColumn(2, 0));
    assertEquals(31, layout.maskColumn(2, 1));
    assertEquals(layout.width(2) - 1, layout.maskColumn(2, 1));
    assertEquals(2, layout.weightRows(2, 0));
    assertEquals(7, layout.weightRows(2, 1));
    assertEquals(7, layout.weightColumns(2, 1));
    assertEquals(1, layout.weightColumns(2, 2));
  }

  @Test
  void otherLayoutsFollowTheFormula() {
    MlpLayout small = new MlpLayout(3, 2);
    assertEquals(1 * (3 + 1 + 3) + (3 + 1) + 1, small.width(1));
    assertEquals(2 * 7 + 4 + 2, small.maxWidth());
    assertEquals(small.maxWidth() - 1, small.maskColumn(2, 1));
    assertEquals(new MlpLayout(3, 2), small);
  }

  @Test
  void rejectsBadArguments() {
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> new MlpLayout(0, 4));
    assertTrue(e.getMessage().contains("maxNeurons"), e.getMessage());
    assertThrows(IllegalArgumentException.class, () -> new MlpLayout(7, 0));
    e = assertThrows(IllegalArgumentException.class, () -> layout.width(5));
    assertTrue(e.getMessage().contains("1..4"), e.getMessage());
    assertThrows(IllegalArgumentException.class, () -> layout.activationOffset(2, 2));
    assertThrows(IllegalArgumentException.class, () -> layout.maskColumn(2, 2));
    assertThrows(IllegalArgumentException.class, () -> layout.weightBlockOffset(2, 3));
    assertThrows(IllegalArgumentException.class, () -> layout.checkInputs(8));
    assertThrows(IllegalArgumentException.class, () -> layout.checkNeuron(7));
  }
}
