package swatnn.weka;

import weka.core.Instance;
import weka.core.Instances;

/**
 * A row of weight 2 against two copies of it in the input ranking (benchmarks/messy-data): on
 * {@link DataPreparationTest#regimes} (100 rows where the class is x1, 100 where it is x2, x3 ..
 * x6 noise), one regime doubled by weights or by copies, RReliefF choosing 1 input of 6, over
 * seeds 1 .. {@code args[0]} (default 20). Prints how often the weighted resample chose what the
 * copies chose, how often it chose the doubled regime's input, and how often the data without
 * weights or copies chose x1.
 */
public final class WeightedRankingBenchmark {
  private WeightedRankingBenchmark() {}

  public static void main(String[] args) throws Exception {
    int seeds = args.length > 0 ? Integer.parseInt(args[0]) : 20;
    int agree = 0;
    int doubled = 0;
    int cases = 0;
    int plainX1 = 0;
    for (long seed = 1; seed <= seeds; seed++) {
      for (boolean first : new boolean[] {true, false}) {
        Instances weighted = DataPreparationTest.regimes(100, seed);
        Instances plain = new Instances(weighted);
        Instances copied = new Instances(weighted);
        for (int i = 0; i < 100; i++) {
          int row = first ? i : 100 + i;
          weighted.instance(row).setWeight(2);
          copied.add((Instance) copied.instance(row).copy());
        }
        String byWeights = chosen(weighted, seed);
        cases++;
        agree += byWeights.equals(chosen(copied, seed)) ? 1 : 0;
        doubled += byWeights.equals(first ? "x1" : "x2") ? 1 : 0;
        if (first) {
          plainX1 += chosen(plain, seed).equals("x1") ? 1 : 0;
        }
      }
    }
    System.out.printf("weights chose what copies chose: %d of %d%n", agree, cases);
    System.out.printf("weights chose the doubled regime's input: %d of %d%n", doubled, cases);
    System.out.printf("neither weights nor copies chose x1: %d of %d%n", plainX1, seeds);
  }

  private static String chosen(Instances d, long seed) throws Exception {
    DataPreparation p = DataPreparation.fit(d, 1, SelectionOptions.defaultInputEvaluator(),
        seed, "WeightedRankingBenchmark").preparation();
    return p.inputName(p.networkColumns()[0]);
  }
}
