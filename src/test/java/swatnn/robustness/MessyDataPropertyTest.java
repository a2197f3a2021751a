package swatnn.robustness;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.ShrinkingMode;
import net.jqwik.api.lifecycle.AddLifecycleHook;
import net.jqwik.api.lifecycle.AroundPropertyHook;
import net.jqwik.api.lifecycle.PropertyExecutionResult;
import net.jqwik.api.lifecycle.PropertyExecutor;
import net.jqwik.api.lifecycle.PropertyLifecycleContext;

/**
 * Generated messy data sets, each built with both regressors ({@link CaseCheck}): every build
 * predicts finitely, describes itself and survives serialisation, or refuses in Weka's words
 * naming the problem, within the time limit.
 *
 * <p>System properties: {@code swatnn.messy.tries} (default 8) and {@code swatnn.messy.seed}
 * (default 20261; "random" for jqwik's own) choose the cases, {@code
 * swatnn.messy.timeoutSeconds} (default 300) is each build's limit, with its predictions and
 * round trip. Shrinking is off: a case costs seconds, and its spec regenerates it.
 */
class MessyDataPropertyTest {
  private static final Duration LIMIT =
      Duration.ofSeconds(Long.getLong("swatnn.messy.timeoutSeconds", 300));

  @Property(shrinking = ShrinkingMode.OFF)
  @AddLifecycleHook(FromSystemProperties.class)
  void everyBuildPredictsOrRefusesInWekasWords(@ForAll("messySpecs") MessySpec spec) {
    MessyData.Generated data = MessyData.generate(spec);
    List<Outcome> bad = new ArrayList<>();
    for (SmallSearch s : SmallSearch.values()) {
      Outcome o = CaseCheck.run(s, data, LIMIT);
      if (!o.acceptable()) {
        bad.add(o);
      }
    }
    assertTrue(bad.isEmpty(), () -> "on " + spec + ":\n  " + String.join("\n  ",
        bad.stream().map(Outcome::toString).toList()));
  }

  /** Specs within {@link MessySpec.Limits#CI}: 1-4 mutations, sizes from their ranges. */
  @Provide
  Arbitrary<MessySpec> messySpecs() {
    MessySpec.Limits limits = MessySpec.Limits.CI;
    return Arbitraries.subsetOf(Mutation.values()).ofMinSize(1)
        .ofMaxSize(limits.maxMutations()).flatMap(mutations -> Combinators.combine(
            Arbitraries.longs(), Arbitraries.integers().between(0, MessySpec.FUNCTIONS - 1),
            Arbitraries.integers().between(1, 5),
            mutations.contains(Mutation.FEW_ROWS) ? Arbitraries.integers().between(0, 15)
                : Arbitraries.integers().between(20, limits.maxRows()),
            mutations.contains(Mutation.NOISE_INPUTS)
                ? Arbitraries.integers().between(50, limits.maxNoise()) : Arbitraries.just(0),
            mutations.contains(Mutation.ID_NOMINAL)
                ? Arbitraries.integers().between(100, 600) : Arbitraries.just(0))
            .as((seed, f, k, rows, noise, levels) -> new MessySpec(seed, f, k, rows, noise,
                levels, mutations)));
  }

  /** Sets the property's tries and seed from the system properties above. */
  static final class FromSystemProperties implements AroundPropertyHook {
    @Override
    public PropertyExecutionResult aroundProperty(PropertyLifecycleContext context,
        PropertyExecutor property) {
      context.attributes().setTries(Integer.getInteger("swatnn.messy.tries", 8));
      String seed = System.getProperty("swatnn.messy.seed", "20261");
      if (!seed.equalsIgnoreCase("random")) {
        context.attributes().setSeed(seed);
      }
      return property.execute();
    }
  }
}
