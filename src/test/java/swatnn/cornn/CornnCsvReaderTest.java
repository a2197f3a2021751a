package swatnn.cornn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CornnCsvReaderTest {

  @TempDir
  Path dir;

  @Test
  void readsTheOfficialLayout() throws IOException {
    Files.writeString(dir.resolve("Ackley N.2_train_set.csv"),
        "x,y,\"f(x,y)\"\r\n3.124064251348784,-8.526065948671317,-32.532458542305406\r\n"
            + "1e-3,-0.5,2\r\n\r\n");
    CornnSample s = CornnCsvReader.readTrain(dir, CornnFunction.ACKLEY_N2);
    assertEquals(2, s.size());
    assertEquals(3.124064251348784, s.x(0), 0);
    assertEquals(-8.526065948671317, s.y(0), 0);
    assertEquals(-32.532458542305406, s.f(0), 0);
    assertEquals(0.001, s.x(1), 0);
  }

  @Test
  void missingFileNamesTheFileAndTheExpectedNaming() {
    IOException e = assertThrows(IOException.class,
        () -> CornnCsvReader.readTest(dir, CornnFunction.BOOTH));
    assertTrue(e.getMessage().contains("Booth_test_set.csv"), e.getMessage());
    assertTrue(e.getMessage().contains("<Name>_train_set.csv"), e.getMessage());
    assertEquals(List.of(dir.resolve("Booth_train_set.csv"), dir.resolve("Booth_test_set.csv")),
        CornnCsvReader.missingFiles(dir, List.of(CornnFunction.BOOTH)));
  }

  @Test
  void malformedRowNamesFileAndLine() throws IOException {
    Path file = dir.resolve("Booth_train_set.csv");
    Files.writeString(file, "x,y,\"f(x,y)\"\n1,2,3\n1,2\n");
    IOException e = assertThrows(IOException.class, () -> CornnCsvReader.read(file));
    assertTrue(e.getMessage().contains(file.toString()), e.getMessage());
    assertTrue(e.getMessage().contains("line 3"), e.getMessage());
    assertEquals(1, e.getMessage().lines().count());

    Files.writeString(file, "x,y,\"f(x,y)\"\n1,2,3\n4,five,6\n");
    e = assertThrows(IOException.class, () -> CornnCsvReader.read(file));
    assertTrue(e.getMessage().contains("line 3") && e.getMessage().contains("'five'"),
        e.getMessage());

    Files.writeString(file, "a,b,c\n1,2,3\n");
    e = assertThrows(IOException.class, () -> CornnCsvReader.read(file));
    assertTrue(e.getMessage().contains("line 1"), e.getMessage());

    Files.writeString(file, "x,y,\"f(x,y)\"\n");
    e = assertThrows(IOException.class, () -> CornnCsvReader.read(file));
    assertTrue(e.getMessage().contains("no data rows"), e.getMessage());
  }
}
