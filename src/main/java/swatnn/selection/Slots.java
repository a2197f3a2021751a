package swatnn.selection;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.FutureTask;
import java.util.concurrent.PriorityBlockingQueue;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Runs independent tasks on up to N threads (Weka's "execution slots") and returns their
 * results in task order, so that the outcome never depends on N. With one slot the tasks run
 * on the calling thread.
 *
 * <p>Interrupting the calling thread interrupts every running task and ends the call with
 * {@link SearchInterruptedException}; a task's runtime exception is rethrown as it is.
 * {@link #runThen} adds a second stage: each first-stage task hands back follow-up tasks, which
 * start on a free slot while other first-stage tasks still run.
 */
public final class Slots {
  /** The slots' threads: named, and daemons, so that they never keep the JVM alive. */
  private static final ThreadFactory SLOT_THREADS = runnable -> {
    Thread t = new Thread(runnable, "swatnn-slot");
    t.setDaemon(true);
    return t;
  };

  private Slots() {}

  public static <T> List<T> run(int slots, List<Callable<T>> tasks) {
    List<T> out = new ArrayList<>(tasks.size());
    int threads = Math.min(slots, tasks.size());
    if (threads <= 1) {
      for (Callable<T> task : tasks) {
        out.add(call(task));
      }
      return out;
    }
    ExecutorService pool = Executors.newFixedThreadPool(threads, SLOT_THREADS);
    try {
      List<Future<T>> futures = new ArrayList<>();
      for (Callable<T> task : tasks) {
        futures.add(pool.submit(() -> call(task)));
      }
      for (Future<T> f : futures) {
        out.add(await(f));
      }
      return out;
    } finally {
      pool.shutdownNow();
    }
  }

  /** A follow-up task and its estimated cost (the costliest waiting follow-up starts first). */
  public record Job<T>(double cost, Callable<T> work) {}

  /**
   * Runs the first-stage tasks, and each one's follow-ups as soon as it has ended, on up to
   * {@code slots} threads: a slot that finishes its first-stage task early works on follow-ups
   * while the others still run theirs. First-stage tasks start before any follow-up, in order;
   * waiting follow-ups start costliest first. The outcome never depends on {@code slots}.
   *
   * @return per first-stage task, its follow-ups' results in the order it gave them
   */
  public static <T> List<List<T>> runThen(int slots, List<Callable<List<Job<T>>>> first) {
    if (Math.min(slots, first.size()) <= 1) {
      List<List<Job<T>>> jobs = new ArrayList<>();
      for (Callable<List<Job<T>>> task : first) {
        jobs.add(call(task));
      }
      List<Ranked<T>> all = new ArrayList<>();
      for (List<Job<T>> list : jobs) {
        for (Job<T> job : list) {
          all.add(new Ranked<>(job.cost(), all.size(), job.work()));
        }
      }
      List<Ranked<T>> order = new ArrayList<>(all);
      order.sort(null);
      for (Ranked<T> r : order) {
        r.run();
      }
      List<List<T>> out = new ArrayList<>();
      int next = 0;
      for (List<Job<T>> list : jobs) {
        List<T> results = new ArrayList<>();
        for (int i = 0; i < list.size(); i++) {
          results.add(await(all.get(next++)));
        }
        out.add(results);
      }
      return out;
    }
    AtomicLong sequence = new AtomicLong();
    ThreadPoolExecutor pool = new ThreadPoolExecutor(slots, slots, 0, TimeUnit.MILLISECONDS,
        new PriorityBlockingQueue<>(), SLOT_THREADS);
    pool.prestartAllCoreThreads(); // so that every task goes through the queue, in rank order
    try {
      List<Ranked<List<Ranked<T>>>> stage = new ArrayList<>();
      for (Callable<List<Job<T>>> task : first) {
        Ranked<List<Ranked<T>>> r = new Ranked<>(Double.POSITIVE_INFINITY,
            sequence.getAndIncrement(), () -> {
              List<Ranked<T>> follow = new ArrayList<>();
              for (Job<T> job : call(task)) {
                Ranked<T> f = new Ranked<>(job.cost(), sequence.getAndIncrement(), job.work());
                follow.add(f);
                pool.execute(f);
              }
              return follow;
            });
        stage.add(r);
        pool.execute(r);
      }
      List<List<T>> out = new ArrayList<>();
      for (Ranked<List<Ranked<T>>> r : stage) {
        List<T> results = new ArrayList<>();
        for (Ranked<T> f : await(r)) {
          results.add(await(f));
        }
        out.add(results);
      }
      return out;
    } finally {
      pool.shutdownNow();
    }
  }

  /**
   * A task's result. An interrupt of the waiting thread ends the call with {@link
   * SearchInterruptedException}; the task's runtime exception is rethrown as it is, anything
   * else wrapped.
   */
  private static <T> T await(Future<T> f) {
    try {
      return f.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new SearchInterruptedException();
    } catch (ExecutionException e) {
      throw e.getCause() instanceof RuntimeException re ? re
          : new IllegalStateException(e.getCause());
    }
  }

  /** A task in the slots' queue: higher cost first, then earlier submission. */
  private static final class Ranked<T> extends FutureTask<T> implements Comparable<Ranked<?>> {
    private final double cost;
    private final long sequence;

    Ranked(double cost, long sequence, Callable<T> work) {
      super(() -> call(work));
      this.cost = cost;
      this.sequence = sequence;
    }

    @Override
    public int compareTo(Ranked<?> o) {
      int byCost = Double.compare(o.cost, cost);
      return byCost != 0 ? byCost : Long.compare(sequence, o.sequence);
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
