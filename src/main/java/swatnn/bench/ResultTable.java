package swatnn.bench;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import swatnn.cornn.CornnFunction;

/**
 * The rows of results.csv indexed by task and method, for the report and the figures. Rows whose
 * task is not a CORNN name are counted and otherwise ignored; if a (task, method) block appears
 * twice, the later one wins.
 */
public final class ResultTable {
  private final Map<CornnFunction, Map<String, List<ResultRow>>> blocks =
      new EnumMap<>(CornnFunction.class);
  private final Set<String> methods = new LinkedHashSet<>();
  private final Set<String> unknownTasks = new TreeSet<>();

  private ResultTable() {}

  /** Indexes {@code rows}, which come in blocks each ending with its final row. */
  public static ResultTable of(List<ResultRow> rows) {
    ResultTable t = new ResultTable();
    Map<String, List<ResultRow>> open = new HashMap<>();
    for (ResultRow r : rows) {
      CornnFunction f;
      try {
        f = CornnFunction.parse(r.task());
      } catch (IllegalArgumentException e) {
        t.unknownTasks.add(r.task());
        continue;
      }
      String key = f.name() + '\u0000' + r.method();
      List<ResultRow> block = open.computeIfAbsent(key, k -> new ArrayList<>());
      block.add(r);
      if (r.isFinal()) {
        t.blocks.computeIfAbsent(f, k -> new HashMap<>()).put(r.method(), List.copyOf(block));
        t.methods.add(r.method());
        open.remove(key);
      }
    }
    return t;
  }

  /** The final row ({@code selected} or {@code -}) of a method on a task, or null. */
  public ResultRow result(CornnFunction task, String method) {
    List<ResultRow> block = block(task, method);
    return block.isEmpty() ? null : block.get(block.size() - 1);
  }

  /** The {@code kN} rows of a search on a task, by hidden-layer count; empty if none. */
  public List<ResultRow> configurations(CornnFunction task, String method) {
    List<ResultRow> out = new ArrayList<>();
    for (ResultRow r : block(task, method)) {
      if (!r.isFinal()) {
        out.add(r);
      }
    }
    out.sort(Comparator.comparingInt(ResultRow::hiddenLayers));
    return out;
  }

  /**
   * (a, b) for each of {@code tasks} where both methods have a result: their test MSEs, or
   * with {@code nonZero} their non-zero counts (tasks where either has none are left out).
   */
  public List<double[]> pairs(List<CornnFunction> tasks, String a, String b, boolean nonZero) {
    List<double[]> out = new ArrayList<>();
    for (CornnFunction f : tasks) {
      ResultRow ra = result(f, a);
      ResultRow rb = result(f, b);
      if (ra == null || rb == null) {
        continue;
      }
      if (!nonZero) {
        out.add(new double[] {ra.testMse(), rb.testMse()});
      } else if (ra.nonZero() != null && rb.nonZero() != null) {
        out.add(new double[] {ra.nonZero(), rb.nonZero()});
      }
    }
    return out;
  }

  /** Whether {@code method} has a result on {@code task}. */
  public boolean has(CornnFunction task, String method) {
    return result(task, method) != null;
  }

  /** The methods with at least one result, in the order first seen. */
  public Set<String> methods() {
    return methods;
  }

  /** The tasks with at least one result, in F-number order. */
  public List<CornnFunction> tasks() {
    return new ArrayList<>(blocks.keySet());
  }

  /** Task names in the file that are not CORNN functions. */
  public Set<String> unknownTasks() {
    return unknownTasks;
  }

  private List<ResultRow> block(CornnFunction task, String method) {
    Map<String, List<ResultRow>> byMethod = blocks.get(task);
    if (byMethod == null) {
      return List.of();
    }
    return byMethod.getOrDefault(method, List.of());
  }
}
