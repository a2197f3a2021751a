package swatnn.search;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Runs independent tasks on up to N threads (Weka's "execution slots") and returns their
 * results in task order, so that the outcome never depends on N. With one slot the tasks run
 * on the calling thread.
 *
 * <p>Interrupting the calling thread interrupts every running task and ends the call with
 * {@link SearchInterruptedException}; a task's runtime exception is rethrown as it is.
 */
final class Slots {
  private Slots() {}

  static <T> List<T> run(int slots, List<Callable<T>> tasks) {
    List<T> out = new ArrayList<>(tasks.size());
    int threads = Math.min(slots, tasks.size());
    if (threads <= 1) {
      for (Callable<T> task : tasks) {
        out.add(call(task));
      }
      return out;
    }
    ExecutorService pool = Executors.newFixedThreadPool(threads, runnable -> {
      Thread t = new Thread(runnable, "swatnn-slot");
      t.setDaemon(true);
      return t;
    });
    try {
      List<Future<T>> futures = new ArrayList<>();
      for (Callable<T> task : tasks) {
        futures.add(pool.submit(() -> call(task)));
      }
      for (Future<T> f : futures) {
        out.add(f.get());
      }
      return out;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new SearchInterruptedException();
    } catch (ExecutionException e) {
      if (e.getCause() instanceof RuntimeException re) {
        throw re;
      }
      throw new IllegalStateException(e.getCause());
    } finally {
      pool.shutdownNow();
    }
  }

  private static <T> T call(Callable<T> task) {
    try {
      return task.call();
    } catch (RuntimeException e) {
      throw e;
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }
}
