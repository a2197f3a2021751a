package swatnn.robustness;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * What {@link MessyData} generates: a noisy function of a few numeric inputs, then the
 * mutations. Everything else (the values, which cells are missing, which rows are outliers) is
 * drawn from {@code seed}, so a spec's {@link #toString()} is enough to regenerate its data.
 *
 * @param seed the data's random seed
 * @param function which base function: 0 a sine and a square, 1 Friedman's first (five
 *     inputs), 2 a line, 3 a product of two inputs
 * @param signalInputs the inputs the function reads, 1-5
 * @param rows the rows before {@link Mutation#DUPLICATED_ROWS} (0-15 with {@link
 *     Mutation#FEW_ROWS})
 * @param noiseInputs uniform noise inputs added ({@link Mutation#NOISE_INPUTS}, else 0)
 * @param idLevels the levels of the ID-like nominal ({@link Mutation#ID_NOMINAL}, else 0)
 * @param mutations the mutations applied
 */
public record MessySpec(long seed, int function, int signalInputs, int rows, int noiseInputs,
    int idLevels, Set<Mutation> mutations) {

  /** The number of base functions. */
  public static final int FUNCTIONS = 4;

  /**
   * Sizes a spec may take.
   *
   * @param maxRows the most rows of a data set that is not {@link Mutation#FEW_ROWS} (>= 20)
   * @param maxNoise the most noise inputs (>= 50)
   * @param maxMutations the most mutations per data set (>= 1)
   */
  public record Limits(int maxRows, int maxNoise, int maxMutations) {
    /** Sizes for the build's test: a case takes seconds. */
    public static final Limits CI = new Limits(120, 120, 4);
    /** Sizes for the long run: the full ranges. */
    public static final Limits LONG = new Limits(400, 1000, 5);
  }

  /** Checks the ranges. */
  public MessySpec {
    if (function < 0 || function >= FUNCTIONS || signalInputs < 1 || signalInputs > 5
        || rows < 0 || noiseInputs < 0 || idLevels < 0) {
      throw new IllegalArgumentException("spec out of range: function " + function
          + ", signal inputs " + signalInputs + ", rows " + rows + ", noise " + noiseInputs
          + ", id levels " + idLevels);
    }
    if (mutations.contains(Mutation.ID_NOMINAL) != idLevels > 0
        || mutations.contains(Mutation.NOISE_INPUTS) != noiseInputs > 0) {
      throw new IllegalArgumentException("ID levels (" + idLevels + ") and noise inputs ("
          + noiseInputs + ") go with their mutations: " + mutations);
    }
    mutations = mutations.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(mutations));
  }

  /** Whether {@code m} is applied. */
  public boolean has(Mutation m) {
    return mutations.contains(m);
  }

  /**
   * A spec drawn at random within {@code limits}: 1 to {@code maxMutations} distinct
   * mutations, sizes uniform in their ranges.
   *
   * @param r the source of the draw
   * @param limits the sizes
   * @return the spec
   */
  public static MessySpec draw(Random r, Limits limits) {
    List<Mutation> all = new ArrayList<>(List.of(Mutation.values()));
    java.util.Collections.shuffle(all, r);
    Set<Mutation> chosen = EnumSet.copyOf(all.subList(0, 1 + r.nextInt(limits.maxMutations())));
    int rows = chosen.contains(Mutation.FEW_ROWS) ? r.nextInt(16)
        : 20 + r.nextInt(limits.maxRows() - 19);
    int noise = chosen.contains(Mutation.NOISE_INPUTS) ? 50 + r.nextInt(limits.maxNoise() - 49)
        : 0;
    int levels = chosen.contains(Mutation.ID_NOMINAL) ? 100 + r.nextInt(501) : 0;
    return new MessySpec(r.nextLong(), r.nextInt(FUNCTIONS), 1 + r.nextInt(5), rows, noise,
        levels, chosen);
  }

  /** The spec as one line, e.g. for a failure message or a results file. */
  @Override
  public String toString() {
    return "seed=" + seed + " f=" + function + " signal=" + signalInputs + " rows=" + rows
        + (noiseInputs > 0 ? " noise=" + noiseInputs : "")
        + (idLevels > 0 ? " idLevels=" + idLevels : "") + " mutations="
        + mutations.stream().sorted().map(Enum::name).collect(Collectors.joining("+"));
  }
}
