package swatnn.selection;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import swatnn.mlp.LocalStructureSearch;
import swatnn.mlp.SparseMlp;

/**
 * The local structure search ({@link LocalStructureSearch#improve}) of several networks, one
 * task each on {@link Slots}, with its progress reported to a {@link SearchListener}: what
 * {@code -local-search} does to each configuration's best network before the candidates are
 * compared ({@link swatnn.search.LatentSearch}) and what the gated search does after
 * cross-validation ({@link ModelSearch}).
 */
public final class ParallelLocalSearch {
  private ParallelLocalSearch() {}

  /**
   * One network to improve.
   *
   * @param net a network refined on the rows
   * @param rows its training rows, their inputs the network's
   * @param seed seeds the search's draw of rows and of grown weights
   */
  public record Job(SparseMlp net, Rows rows, long seed) {}

  /**
   * Improves each job's network; {@link SearchListener#locallySearched} hears {@code 0} of the
   * jobs first, then each one done.
   *
   * @param local the search
   * @param jobs the networks, in any number
   * @param threads slots (at least 1); the result does not depend on it
   * @param listener progress
   * @return the improved networks in the jobs' order ({@link LocalStructureSearch#improve})
   * @throws SearchInterruptedException if the thread is interrupted
   */
  public static List<SparseMlp> run(LocalStructureSearch local, List<Job> jobs, int threads,
      SearchListener listener) {
    int[] done = {0};
    listener.locallySearched(0, jobs.size());
    List<Callable<SparseMlp>> tasks = new ArrayList<>();
    for (Job j : jobs) {
      tasks.add(() -> {
        SparseMlp improved = local.improve(j.net(), j.rows().x(), j.rows().y(), j.rows().w(),
            j.seed());
        synchronized (done) {
          listener.locallySearched(++done[0], jobs.size());
        }
        return improved;
      });
    }
    List<SparseMlp> improved = Slots.run(threads, tasks);
    if (Thread.currentThread().isInterrupted()) {
      throw new SearchInterruptedException();
    }
    return improved;
  }
}
