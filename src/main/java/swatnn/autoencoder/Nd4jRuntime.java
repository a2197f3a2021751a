package swatnn.autoencoder;

import org.nd4j.common.config.ND4JClassLoading;

/**
 * Points ND4J's class loading (backend discovery, op classes) at the class loader that loaded
 * swatnn. Inside Weka, a package's jars live in their own class loader, invisible to the
 * context class loader ND4J uses by default, and ND4J then finds no backend.
 */
public final class Nd4jRuntime {
  private static volatile boolean ready;

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
}
