package swatnn.autoencoder;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Which ND4J backend runs swatnn's graphs, its devices and memory, and whether a GPU build
 * fell back to the CPU: for {@code bin/swatnn backend}, {@code weka.core.SWATNNBackend} and the
 * model text. Reads ND4J's own environment report ({@code getEnvironmentInformation}).
 */
public final class Nd4jBackend {
  /** ND4J's CUDA backend class, present only in the package built with {@code -Pcuda}. */
  static final String CUDA_BACKEND = "org.nd4j.linalg.jcublas.JCublasBackend";

  private Nd4jBackend() {}

  /** One line, e.g. "CPU (OPENBLAS, 2 cores)" or "CUDA (NVIDIA H200, 139.8 GiB)". */
  public static String summary() {
    Nd4jRuntime.init();
    Properties p = Nd4j.getExecutioner().getEnvironmentInformation();
    String backend = String.valueOf(p.getOrDefault("backend", "unknown"));
    List<String> devices = devices(p);
    if (!devices.isEmpty()) {
      return backend + " (" + String.join("; ", devices) + ")";
    }
    return backend + " (" + p.getOrDefault("blas.vendor", "?") + ", " + p.getOrDefault("cores", "?")
        + " cores)";
  }

  /**
   * The full report: the backend class, every entry of ND4J's environment report, and a plain
   * sentence when the CUDA backend is on the class path but the CPU backend is active.
   */
  public static List<String> report() {
    Nd4jRuntime.init();
    List<String> lines = new ArrayList<>();
    String active = Nd4j.getBackend().getClass().getName();
    lines.add("ND4J backend: " + summary());
    lines.add("backend class: " + active);
    Properties p = Nd4j.getExecutioner().getEnvironmentInformation();
    p.entrySet().stream().map(e -> e.getKey() + " = " + e.getValue()).sorted()
        .forEach(line -> lines.add("  " + line));
    if (cudaOnClassPath() && !active.equals(CUDA_BACKEND)) {
      lines.add("This is the GPU (CUDA) build, but no usable GPU was found: ND4J fell back to "
          + active + ", so everything runs on the CPU. Check the NVIDIA driver and CUDA "
          + "version the package's Description.props names.");
    } else if (!cudaOnClassPath()) {
      lines.add("This is the CPU build; the GPU build is made with mvn -Pcuda package.");
    }
    return lines;
  }

  static boolean cudaOnClassPath() {
    try {
      Class.forName(CUDA_BACKEND, false, Nd4jBackend.class.getClassLoader());
      return true;
    } catch (ClassNotFoundException | LinkageError e) {
      return false;
    }
  }

  @SuppressWarnings("unchecked")
  private static List<String> devices(Properties p) {
    List<String> out = new ArrayList<>();
    Object list = p.get("cuda.availableDevices");
    if (list instanceof List<?> devices) {
      for (Object d : devices) {
        if (d instanceof Map<?, ?> m) {
          Object total = ((Map<Object, Object>) m).get("cuda.totalMemory");
          out.add(m.get("cuda.deviceName") + (total instanceof Number n
              ? String.format(java.util.Locale.ROOT, ", %.1f GiB", n.doubleValue() / (1L << 30))
              : ""));
        }
      }
    }
    return out;
  }
}
