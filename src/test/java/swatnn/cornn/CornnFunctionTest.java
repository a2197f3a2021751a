package swatnn.cornn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class CornnFunctionTest {

  @Test
  void suiteHas54NumberedFunctionsWithDistinctNames() {
    List<CornnFunction> all = CornnFunction.all();
    assertEquals(54, all.size());
    Set<String> stems = new HashSet<>();
    for (int i = 0; i < all.size(); i++) {
      CornnFunction f = all.get(i);
      assertEquals(i + 1, f.number());
      assertEquals("F" + (i + 1), f.label());
      assertSame(f, CornnFunction.byNumber(i + 1));
      assertTrue(stems.add(f.fileStem().toLowerCase()), f.fileStem());
      assertTrue(f.xLo() < f.xHi() && f.yLo() < f.yHi(), f.toString());
      assertTrue(!f.fileStem().contains(" "), f.fileStem());
    }
    assertEquals("Ackley", CornnFunction.byNumber(1).cornnName());
    assertEquals("Booth", CornnFunction.byNumber(13).cornnName());
    assertEquals("Xin-She Yang N.4", CornnFunction.byNumber(53).cornnName());
    assertEquals("Zakharov", CornnFunction.byNumber(54).cornnName());
  }

  @Test
  void namesAndStems() {
    assertEquals("Ackley N.2", CornnFunction.ACKLEY_N2.cornnName());
    assertEquals("Ackley_N.2", CornnFunction.ACKLEY_N2.fileStem());
    assertEquals("Xin-She_Yang_N.2", CornnFunction.XIN_SHE_YANG_N2.fileStem());
    assertEquals("F2 Ackley N.2", CornnFunction.ACKLEY_N2.toString());
  }

  @Test
  void lookupByNameStemOrNumberIgnoresCase() {
    assertSame(CornnFunction.BOOTH, CornnFunction.parse("F13"));
    assertSame(CornnFunction.BOOTH, CornnFunction.parse("f13"));
    assertSame(CornnFunction.BOOTH, CornnFunction.parse("13"));
    assertSame(CornnFunction.BOOTH, CornnFunction.parse("Booth"));
    assertSame(CornnFunction.BOOTH, CornnFunction.parse(" booth "));
    assertSame(CornnFunction.ACKLEY_N2, CornnFunction.parse("Ackley N.2"));
    assertSame(CornnFunction.ACKLEY_N2, CornnFunction.parse("ackley_n.2"));
    assertSame(CornnFunction.SCHWEFEL_2_20, CornnFunction.parse("Schwefel 2.20"));
    assertSame(CornnFunction.ZAKHAROV, CornnFunction.parse("F54"));
    assertEquals(List.of(CornnFunction.ACKLEY, CornnFunction.BOOTH, CornnFunction.SPHERE),
        CornnFunction.parseList("F1, booth,47,13"));
  }

  @Test
  void unknownTokensAreNamedInTheMessage() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> CornnFunction.parse("Boot"));
    assertTrue(e.getMessage().contains("'Boot'"), e.getMessage());
    assertTrue(e.getMessage().contains("F1..F54"), e.getMessage());
    for (String bad : List.of("F0", "F55", "0", "55", "F", "", "F99999999999")) {
      IllegalArgumentException ex = assertThrows(IllegalArgumentException.class,
          () -> CornnFunction.parse(bad), bad);
      assertTrue(ex.getMessage().contains("'" + bad + "'"), ex.getMessage());
    }
    IllegalArgumentException list = assertThrows(IllegalArgumentException.class,
        () -> CornnFunction.parseList("F1,Nope,F2"));
    assertTrue(list.getMessage().contains("'Nope'"), list.getMessage());
    assertThrows(IllegalArgumentException.class, () -> CornnFunction.parseList("F1,,F2"));
    assertThrows(IllegalArgumentException.class, () -> CornnFunction.byNumber(55));
  }

  @Test
  void domainsFollowTheReadmeTable() {
    assertDomain(CornnFunction.BROWN, -1, 1, -1, 1);
    assertDomain(CornnFunction.EASOM, -50, 50, -50, 50);
    assertDomain(CornnFunction.ADJIMAN, -1, 2, -1, 1);
    assertDomain(CornnFunction.BUKIN_N6, -15, -5, -3, 3);
    assertDomain(CornnFunction.MCCORMICK, -1.5, 4, -3, 3);
    assertDomain(CornnFunction.MICHALEWICZ, 0, Math.PI, 0, Math.PI);
    assertDomain(CornnFunction.BIRD, -2 * Math.PI, 2 * Math.PI, -2 * Math.PI, 2 * Math.PI);
  }

  private static void assertDomain(CornnFunction f, double xLo, double xHi, double yLo,
      double yHi) {
    assertEquals(xLo, f.xLo(), 0, f + " xLo");
    assertEquals(xHi, f.xHi(), 0, f + " xHi");
    assertEquals(yLo, f.yLo(), 0, f + " yLo");
    assertEquals(yHi, f.yHi(), 0, f + " yHi");
  }

  @Test
  void knownValues() {
    assertEquals(0, CornnFunction.ACKLEY.value(0, 0), 1e-14);
    assertEquals(-200, CornnFunction.ACKLEY_N2.value(0, 0), 0);
    assertEquals(0, CornnFunction.BOOTH.value(1, 3), 0);
    assertEquals(0, CornnFunction.ROSENBROCK.value(1, 1), 0);
    assertEquals(0, CornnFunction.HIMMELBLAU.value(3, 2), 0);
    assertEquals(-1, CornnFunction.EASOM.value(Math.PI, Math.PI), 0);
    assertEquals(0, CornnFunction.QING.value(1, 2), 0);
    assertEquals(2, CornnFunction.RIDGE.value(-1, -3), 0);
    // 5^x, not 5x: at the origin each coordinate contributes 5^0 = 1.
    assertEquals(1, CornnFunction.STYBLINSKI_TANG.value(0, 0), 0);
    assertEquals(0.5 * (1 - 16 + 5 + 16 - 64 + 25), CornnFunction.STYBLINSKI_TANG.value(1, 2),
        1e-12);
    // The official data uses "+ 4y" where the textbook Goldstein-Price has "+ 48y", so the
    // textbook minimum 3 at (0, -1) becomes 30 + 9 (18 - 4 + 27) = 399.
    assertEquals(399, CornnFunction.GOLDSTEIN_PRICE.value(0, -1), 1e-12);
  }

  @Test
  void inputScalingMapsTheDomainOntoMinusOneToOne() {
    CornnFunction f = CornnFunction.ADJIMAN;
    assertEquals(-1, f.scaleX(-1), 0);
    assertEquals(1, f.scaleX(2), 0);
    assertEquals(0, f.scaleX(0.5), 0);
    assertEquals(-1, f.scaleY(-1), 0);
    assertEquals(1, f.scaleY(1), 0);
    assertEquals(0.5, f.scaleY(0.5), 0);
  }
}
