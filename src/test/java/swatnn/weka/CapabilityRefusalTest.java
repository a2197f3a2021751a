package swatnn.weka;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.StringReader;
import org.junit.jupiter.api.Test;
import weka.classifiers.functions.DartsAdmmRegressor;
import weka.core.Instances;
import weka.core.WekaException;

/** Weka's capabilities refusals, with the attributes or rows concerned named after them. */
class CapabilityRefusalTest {
  private static Instances arff(String text) throws Exception {
    Instances d = new Instances(new StringReader(text));
    d.setClassIndex(d.numAttributes() - 1);
    return d;
  }

  private static String refusal(Instances d) {
    return assertThrows(WekaException.class,
        () -> CapabilityRefusal.test(new DartsAdmmRegressor().getCapabilities(), d))
        .getMessage();
  }

  @Test
  void stringAttributesAreNamed() throws Exception {
    String m = refusal(arff("@relation r\n@attribute note string\n@attribute x numeric\n"
        + "@attribute 'my memo' string\n@attribute y numeric\n@data\n'a',1,'b',2\n"));
    assertEquals("weka.classifiers.functions.DartsAdmmRegressor: Cannot handle string "
        + "attributes! 2 attributes concerned: 'note', 'my memo'. Remove them or convert them "
        + "(e.g. weka.filters.unsupervised.attribute.StringToNominal).", m);
  }

  @Test
  void theRefusalKeepsWekasKindOfException() throws Exception {
    Instances strings = arff("@relation r\n@attribute note string\n@attribute y numeric\n"
        + "@data\n'a',1\n");
    assertThrows(weka.core.UnsupportedAttributeTypeException.class,
        () -> CapabilityRefusal.test(new DartsAdmmRegressor().getCapabilities(), strings));
    Instances nominalClass = arff("@relation r\n@attribute x numeric\n"
        + "@attribute c {a,b}\n@data\n1,a\n2,b\n");
    // Weka refuses a class type with this kind too
    WekaException e = assertThrows(weka.core.UnsupportedAttributeTypeException.class,
        () -> CapabilityRefusal.test(new DartsAdmmRegressor().getCapabilities(), nominalClass));
    assertTrue(e.getMessage().contains("The class attribute is 'c'"), e.getMessage());
  }

  @Test
  void weightsOtherThanOneNameTheirRows() throws Exception {
    StringBuilder data = new StringBuilder("@relation r\n@attribute x numeric\n"
        + "@attribute y numeric\n@data\n");
    for (int i = 0; i < 9; i++) {
      data.append(i).append(',').append(i).append(i == 0 || i > 2 ? ",{3}\n" : "\n");
    }
    String m = refusal(arff(data.toString()));
    assertTrue(m.endsWith("interface! 7 of 9 rows have a weight other than 1: the first 5 are "
        + "rows 1 (weight 3.0), 4 (weight 3.0), 5 (weight 3.0), 6 (weight 3.0), 7 (weight 3.0)."),
        m);
  }

  @Test
  void rowsWithoutAClassValueAreCounted() throws Exception {
    String m = refusal(arff("@relation r\n@attribute x numeric\n@attribute y numeric\n@data\n"
        + "1,?\n2,?\n"));
    assertTrue(m.endsWith("All 2 rows have a missing value of the class attribute 'y'."), m);
  }
}
