package swatnn.cornn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The Java formulas against every row of the official CORNN data. */
class CornnOfficialDataTest {

  /** Relative tolerance; values near zero are compared against a floor instead. */
  private static final double TOLERANCE = 1e-9;

  /** The floor of the reference magnitude, as a fraction of the largest |f| in the file. */
  private static final double NEAR_ZERO = 1e-6;

  @Test
  void everyFunctionReproducesEveryOfficialValue() throws IOException {
    Path dir = CornnTestData.officialDataDir();
    List<String> failures = new ArrayList<>();
    int rows = 0;
    for (CornnFunction function : CornnFunction.all()) {
      rows += check(function, "train", CornnCsvReader.readTrain(dir, function), failures);
      rows += check(function, "test", CornnCsvReader.readTest(dir, function), failures);
    }
    assertTrue(failures.isEmpty(), failures.size() + " row(s) off, first ones:\n"
        + String.join("\n", failures.subList(0, Math.min(20, failures.size()))));
    assertEquals(54 * 5000, rows);
  }

  private static int check(CornnFunction function, String part, CornnSample sample,
      List<String> failures) {
    assertEquals(part.equals("train") ? 3750 : 1250, sample.size(), function + " " + part);
    double largest = 0;
    for (int i = 0; i < sample.size(); i++) {
      largest = Math.max(largest, Math.abs(sample.f(i)));
    }
    for (int i = 0; i < sample.size(); i++) {
      double ref = sample.f(i);
      double got = function.value(sample.x(i), sample.y(i));
      double diff = Math.abs(got - ref);
      if (!(diff <= TOLERANCE * Math.max(Math.abs(ref), NEAR_ZERO * largest))) {
        failures.add(String.format("%s %s row %d (file line %d): f(%s, %s) = %s, official %s,"
            + " |diff| %.3g", function, part, i + 1, i + 2, sample.x(i), sample.y(i), got, ref,
            diff));
      }
    }
    return sample.size();
  }

  @Test
  void officialPointsLieInTheDomains() throws IOException {
    Path dir = CornnTestData.officialDataDir();
    for (CornnFunction function : CornnFunction.all()) {
      CornnSample train = CornnCsvReader.readTrain(dir, function);
      for (int i = 0; i < train.size(); i++) {
        assertTrue(train.x(i) >= function.xLo() && train.x(i) <= function.xHi()
            && train.y(i) >= function.yLo() && train.y(i) <= function.yHi(),
            function + " train row " + (i + 1) + " outside the domain: " + train.x(i) + ", "
                + train.y(i));
      }
    }
  }
}
