package swatnn.robustness;

import java.time.Duration;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;
import swatnn.robustness.Outcome.Kind;
import swatnn.robustness.Outcome.Verdict;

/**
 * The messy-data benchmark's summary.md, from its results rows: outcomes by verdict and
 * classifier, unclear refusals by kind, every refusal message (digits folded) with its count,
 * origin and an example case, and the mutations of the failing cases.
 */
public final class BenchmarkSummary {
  private BenchmarkSummary() {}

  /**
   * The summary as Markdown.
   *
   * @param rows the results rows
   * @param run the run's seed and limits
   * @param limit the time limit per build
   * @return the text
   */
  public static String of(List<BenchmarkRow> rows, String run, Duration limit) {
    StringBuilder sb = new StringBuilder("# Messy data: results\n\n");
    long cases = rows.stream().mapToInt(BenchmarkRow::caseIndex).distinct().count();
    double hours = rows.stream().mapToDouble(r -> r.outcome().seconds()).sum() / 3600;
    sb.append(String.format(Locale.ROOT, "Run: %s; %d cases, %d builds (%.2f h of builds); "
        + "time limit %d s per build. SWATNNRegressor %s; DartsAdmmRegressor %s.%n%n", run,
        cases, rows.size(), hours, limit.toSeconds(),
        String.join(" ", SmallSearch.SWATNN.options()),
        String.join(" ", SmallSearch.DARTS.options())));

    sb.append("## Outcomes\n\n| verdict | SWATNNRegressor | DartsAdmmRegressor | all |\n"
        + "|---|---:|---:|---:|\n");
    for (Verdict v : Verdict.values()) {
      long s = count(rows, r -> r.outcome().verdict() == v && isSwatnn(r));
      long d = count(rows, r -> r.outcome().verdict() == v && !isSwatnn(r));
      sb.append("| ").append(v).append(" | ").append(s).append(" | ").append(d).append(" | ")
          .append(s + d).append(" |\n");
    }

    sb.append("\n## Unclear refusals by kind\n\n| kind | SWATNNRegressor | "
        + "DartsAdmmRegressor |\n|---|---:|---:|\n");
    for (Kind k : Kind.values()) {
      if (k == Kind.NONE) {
        continue;
      }
      sb.append("| ").append(k).append(" | ")
          .append(count(rows, r -> r.outcome().kind() == k && isSwatnn(r))).append(" | ")
          .append(count(rows, r -> r.outcome().kind() == k && !isSwatnn(r))).append(" |\n");
    }

    sb.append("\n## Messages\n\nEvery outcome other than BUILT, by message (digits folded "
        + "to #), most frequent first.\n\n| count | verdict | kind | message | origin | "
        + "example case |\n|---:|---|---|---|---|---|\n");
    Map<String, List<BenchmarkRow>> byMessage = rows.stream()
        .filter(r -> r.outcome().verdict() != Verdict.BUILT)
        .collect(Collectors.groupingBy(r -> r.outcome().verdict() + "|" + r.outcome().kind()
            + "|" + r.outcome().messageShape(), LinkedHashMap::new, Collectors.toList()));
    byMessage.entrySet().stream()
        .sorted(Comparator.comparingInt((Map.Entry<String, List<BenchmarkRow>> e)
            -> -e.getValue().size()).thenComparing(Map.Entry::getKey))
        .forEach(e -> {
          BenchmarkRow first = e.getValue().get(0);
          Outcome o = first.outcome();
          sb.append("| ").append(e.getValue().size()).append(" | ").append(o.verdict())
              .append(" | ").append(o.kind() == Kind.NONE ? "" : o.kind()).append(" | ")
              .append(cell(o.messageShape())).append(" | ").append(cell(o.origin()))
              .append(" | ").append(first.caseIndex()).append(" (").append(o.classifier())
              .append("): ").append(cell(first.spec())).append(" |\n");
        });

    sb.append("\n## Mutations of the cases outside the promise\n\nFor each mutation: the "
        + "builds whose data had it, and how many of those were outside the promise (any "
        + "verdict but BUILT and CLEAR_REFUSAL).\n\n| mutation | builds | outside |\n"
        + "|---|---:|---:|\n");
    Map<String, long[]> perMutation = new TreeMap<>();
    for (BenchmarkRow r : rows) {
      int at = r.spec().indexOf("mutations=");
      for (String m : r.spec().substring(at + "mutations=".length()).split("\\+")) {
        long[] c = perMutation.computeIfAbsent(m, x -> new long[2]);
        c[0]++;
        c[1] += r.outcome().acceptable() ? 0 : 1;
      }
    }
    perMutation.forEach((m, c) -> sb.append("| ").append(m).append(" | ").append(c[0])
        .append(" | ").append(c[1]).append(" |\n"));
    return sb.toString();
  }

  private static boolean isSwatnn(BenchmarkRow r) {
    return r.outcome().classifier().equals(SmallSearch.SWATNN.classifierName());
  }

  private static long count(List<BenchmarkRow> rows, Function<BenchmarkRow, Boolean> test) {
    return rows.stream().filter(test::apply).count();
  }

  private static String cell(String s) {
    return s.replace("|", "\\|");
  }
}
