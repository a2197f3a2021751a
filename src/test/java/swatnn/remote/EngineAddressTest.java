package swatnn.remote;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class EngineAddressTest {

  @Test
  void parsesHostPortListsAndDefaultsThePort() {
    assertEquals(List.of(new EngineAddress("node1", 1099), new EngineAddress("10.0.0.2", 2000)),
        EngineAddress.parseList("node1, 10.0.0.2:2000"));
    assertEquals("node1:1099", EngineAddress.parse("node1").toString());
  }

  @Test
  void namesTheBadEntry() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> EngineAddress.parseList("node1:1099,node2:port"));
    assertEquals("bad host:port 'node2:port': the port is not a number", e.getMessage());
    e = assertThrows(IllegalArgumentException.class, () -> EngineAddress.parse("node1:70000"));
    assertTrue(e.getMessage().startsWith("bad host:port 'node1:70000': bad engine port 70000"),
        e.getMessage());
    e = assertThrows(IllegalArgumentException.class, () -> EngineAddress.parse(":1099"));
    assertTrue(e.getMessage().contains("bad engine host"), e.getMessage());
    e = assertThrows(IllegalArgumentException.class, () -> EngineAddress.parseList("a:1,a:1"));
    assertEquals("engine a:1 is listed twice", e.getMessage());
    assertThrows(IllegalArgumentException.class, () -> EngineAddress.parseList(" , "));
  }
}
