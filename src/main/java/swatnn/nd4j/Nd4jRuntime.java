package swatnn.nd4j;

import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Enumeration;
import java.util.List;
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
 *
 * <p>Native memory: JavaCPP, under ND4J, checks the process's resident size (a read of
 * {@code /proc/self/statm} on Linux) at every native allocation against {@code
 * org.bytedeco.javacpp.maxPhysicalBytes}, and ND4J allocates several small buffers per op, so a
 * search step of a few hundred ops pays for hundreds of such reads: about a tenth of a default
 * build's time through {@code weka.Run} (BENCHMARKS.md). Unless that property is set, {@link
 * #init} sets it to 0 (no resident-size check) before JavaCPP is first used. JavaCPP's own
 * limit on the native bytes it allocates ({@code org.bytedeco.javacpp.maxBytes}, by default
 * the heap's maximum) still applies, and a user who wants the check sets the property on the
 * JVM's command line. The setting is JVM-wide: JavaCPP reads it once. {@link
 * Nd4jBackend#report} shows both limits.
 *
 * <p>GPU build: when ND4J's CUDA backend is on the class path (the package built with
 * {@code -Pcuda}), {@link #init} first checks for a usable GPU itself, the way ND4J's CUDA backend
 * does (load the CUDA runtime, count devices, load cuBLAS). Without one, it hides the CUDA
 * backend from ND4J's backend discovery, so that ND4J starts its CPU backend directly instead of
 * printing the CUDA backend's stack trace on the way there, and keeps the reason for
 * {@link #gpuProblem}.
 */
public final class Nd4jRuntime {
  private static volatile boolean ready;
  /** Why the CUDA backend is not used although it is on the class path; null otherwise. */
  private static volatile String gpuProblem;
  /** ND4J's CUDA backend class, present only in the package built with {@code -Pcuda}. */
  static final String CUDA_BACKEND = "org.nd4j.linalg.jcublas.JCublasBackend";
  private static final String BACKEND_SERVICE = "META-INF/services/org.nd4j.linalg.factory.Nd4jBackend";
  /** JavaCPP's resident-size limit; it also reads the all-lower-case spelling. */
  static final String MAX_PHYSICAL_BYTES = "org.bytedeco.javacpp.maxPhysicalBytes";
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
          String lower = MAX_PHYSICAL_BYTES.toLowerCase(java.util.Locale.ROOT);
          if (System.getProperty(MAX_PHYSICAL_BYTES) == null && System.getProperty(lower) == null) {
            System.setProperty(MAX_PHYSICAL_BYTES, "0");
          }
          ClassLoader own = Nd4jRuntime.class.getClassLoader();
          ClassLoader loader = own;
          if (cudaOnClassPath()) {
            gpuProblem = probeGpu(own);
            if (gpuProblem != null) {
              loader = new WithoutCudaBackend(own);
            }
          }
          ND4JClassLoading.setNd4jClassloader(loader);
          ready = true;
        }
      }
    }
  }

  /** Whether ND4J's CUDA backend is on the class path (the GPU build of the package). */
  public static boolean cudaOnClassPath() {
    try {
      Class.forName(CUDA_BACKEND, false, Nd4jRuntime.class.getClassLoader());
      return true;
    } catch (ClassNotFoundException | LinkageError e) {
      return false;
    }
  }

  /**
   * In the GPU build: why no usable GPU was found (and ND4J runs on the CPU), in plain words;
   * null when the GPU is used or this is the CPU build.
   */
  public static String gpuProblem() {
    init();
    return gpuProblem;
  }

  /**
   * The check ND4J's CUDA backend makes before it is chosen ({@code JCublasBackend.canRun}):
   * load the CUDA runtime through JavaCPP, count the devices, load cuBLAS. Reflective, since the
   * CPU build has no CUDA classes.
   *
   * @return null when a GPU is usable, else the reason in plain words
   */
  static String probeGpu(ClassLoader loader) {
    try {
      Class<?> cudart = Class.forName("org.bytedeco.cuda.global.cudart", true, loader);
      int[] count = {0};
      int err = (Integer) cudart.getMethod("cudaGetDeviceCount", int[].class).invoke(null, count);
      if (err != 0 || count[0] <= 0) {
        Object msg = cudart.getMethod("cudaGetErrorString", int.class).invoke(null, err);
        String text = msg == null ? "error " + err
            : String.valueOf(msg.getClass().getMethod("getString").invoke(msg));
        return err == 0 ? "the CUDA runtime found no GPU"
            : "the CUDA runtime reports \"" + text + "\" (cudaGetDeviceCount error " + err + ")"
            + (text.contains("driver") ? "; CUDA 11.6 needs NVIDIA driver >= 510.39.01" : "");
      }
      Class.forName("org.bytedeco.cuda.global.cublas", true, loader);
      return null;
    } catch (Throwable t) {
      Throwable root = t;
      while (root.getCause() != null && root.getCause() != root) {
        root = root.getCause();
      }
      return explainLoadFailure(String.valueOf(root.getMessage()));
    }
  }

  /** A JavaCPP/JNI load failure ("...libjnicudart.so: libcuda.so.1: cannot open ...") in plain words. */
  static String explainLoadFailure(String message) {
    if (message.contains("libcuda.so")) {
      return "the NVIDIA driver library libcuda.so.1 was not found (no NVIDIA driver installed, "
          + "or no GPU on this machine)";
    }
    for (String lib : List.of("libcudart", "libcublas", "libcusolver", "libcublasLt",
        "libnvrtc", "libcusparse")) {
      if (message.contains(lib + ".so")) {
        return "the CUDA 11.6 library " + lib + ".so was not found: install the CUDA 11.6 "
            + "toolkit and put its lib64 directory on LD_LIBRARY_PATH";
      }
    }
    int so = message.startsWith("/") ? message.indexOf(".so: ") : -1; // "/path/libjni...so: why"
    String tail = so >= 0 ? message.substring(so + 5) : message;
    return "the CUDA libraries could not be loaded (" + tail + ")";
  }

  /**
   * ND4J's class loader with the CUDA backend's service entry left out, so that ND4J's backend
   * discovery finds only the CPU backend. Classes and all other resources come from the parent.
   */
  static final class WithoutCudaBackend extends ClassLoader {
    WithoutCudaBackend(ClassLoader parent) {
      super(parent);
    }

    @Override
    public Enumeration<URL> getResources(String name) throws IOException {
      Enumeration<URL> all = super.getResources(name);
      if (!BACKEND_SERVICE.equals(name)) {
        return all;
      }
      List<URL> kept = new ArrayList<>();
      for (URL url : Collections.list(all)) {
        String text;
        try (InputStream in = url.openStream()) {
          text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        if (!text.contains(CUDA_BACKEND)) {
          kept.add(url);
        }
      }
      return Collections.enumeration(kept);
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

  /**
   * Builds the backward graph now. SameDiff 1.0.0-M2.1 prints a line per differentiated op to
   * System.out while doing so, which would land in Weka's output; it is silenced here.
   */
  public static synchronized void createGradientsQuietly(org.nd4j.autodiff.samediff.SameDiff sd) {
    java.io.PrintStream out = System.out;
    System.setOut(new java.io.PrintStream(java.io.OutputStream.nullOutputStream()));
    try {
      sd.createGradFunction();
    } finally {
      System.setOut(out);
    }
  }
}
