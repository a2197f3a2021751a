package swatnn.autoencoder;

import java.util.concurrent.Callable;
import org.nd4j.common.config.ND4JClassLoading;
import org.nd4j.linalg.factory.Environment;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.nativeblas.NativeOpsHolder;

/**
 * ND4J set up for swatnn's small graphs.
 *
 * <p>Class loading: points ND4J's class loading (backend discovery, op classes) at the class
 * loader that loaded swatnn. Inside Weka, a package's jars live in their own class loader,
 * invisible to the context class loader ND4J uses by default, and ND4J then finds no backend.
 *
 * <p>Threads: the search's ops work on tensors of a few thousand entries, where ND4J's
 * intra-op thread pool and OpenMP cost more in hand-off than they gain (measured in
 * BENCHMARKS.md, "Threads"). {@link #singleThreaded} runs a piece of work with ND4J's, OpenMP's
 * and the BLAS library's thread counts at 1 and restores the previous counts afterwards, so that a Weka user
 * gets the fast setting without environment variables and other ND4J users in the same JVM
 * keep theirs.
 */
public final class Nd4jRuntime {
  private static volatile boolean ready;
  /** Nesting depth of {@link #singleThreaded} over all threads; guarded by the class. */
  private static int depth;
  private static int savedMaxThreads;
  private static int savedMasterThreads;
  private static int savedOmpThreads;
  private static int savedBlasThreads;

  private Nd4jRuntime() {}

  /** Idempotent; call before the first ND4J operation. */
  public static void init() {
    if (!ready) {
      synchronized (Nd4jRuntime.class) {
        if (!ready) {
          ND4JClassLoading.setNd4jClassloaderFromClass(Nd4jRuntime.class);
          ready = true;
        }
      }
    }
  }

  /**
   * Runs {@code work} with ND4J's intra-op threads, master threads and OpenMP threads at 1.
   * Nested and concurrent calls share one setting; the last to finish restores the counts that
   * were in force before the first began.
   *
   * @throws Exception whatever {@code work} throws
   */
  public static <T> T singleThreaded(Callable<T> work) throws Exception {
    init();
    enter();
    try {
      return work.call();
    } finally {
      leave();
    }
  }

  private static synchronized void enter() {
    if (depth++ == 0) {
      Environment env = Nd4j.getEnvironment();
      savedMaxThreads = env.maxThreads();
      savedMasterThreads = env.maxMasterThreads();
      savedOmpThreads = NativeOpsHolder.getInstance().getDeviceNativeOps().ompGetMaxThreads();
      savedBlasThreads = Nd4j.factory().blas().getMaxThreads();
      env.setMaxThreads(1);
      env.setMaxMasterThreads(1);
      NativeOpsHolder.getInstance().getDeviceNativeOps().setOmpNumThreads(1);
      Nd4j.factory().blas().setMaxThreads(1);
    }
  }

  private static synchronized void leave() {
    if (--depth == 0) {
      Environment env = Nd4j.getEnvironment();
      env.setMaxThreads(savedMaxThreads);
      env.setMaxMasterThreads(savedMasterThreads);
      NativeOpsHolder.getInstance().getDeviceNativeOps().setOmpNumThreads(savedOmpThreads);
      Nd4j.factory().blas().setMaxThreads(savedBlasThreads);
    }
  }
}
