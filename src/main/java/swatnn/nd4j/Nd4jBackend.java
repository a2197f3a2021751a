package swatnn.nd4j;

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
  private Nd4jBackend() {}

  /** The backend's short name from ND4J's environment report: "CPU" or "CUDA". */
  public static String name() {
    Nd4jRuntime.init();
    return String.valueOf(Nd4j.getExecutioner().getEnvironmentInformation()
        .getOrDefault("backend", "unknown"));
  }

  /**
   * One line, e.g. "CPU (OPENBLAS, 2 cores)" or "CUDA (NVIDIA H200, 139.8 GiB)"; the GPU build
   * on a machine without a usable GPU says "CPU (OPENBLAS, 2 cores; GPU build, no usable GPU)".
   */
  public static String summary() {
    Nd4jRuntime.init();
    Properties p = Nd4j.getExecutioner().getEnvironmentInformation();
    String backend = String.valueOf(p.getOrDefault("backend", "unknown"));
    List<String> devices = devices(p);
    if (!devices.isEmpty()) {
      return backend + " (" + String.join("; ", devices) + ")";
    }
    return backend + " (" + p.getOrDefault("blas.vendor", "?") + ", " + p.getOrDefault("cores", "?")
        + " cores" + (Nd4jRuntime.gpuProblem() != null ? "; GPU build, no usable GPU" : "") + ")";
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
    lines.add(memoryLimits());
    Properties p = Nd4j.getExecutioner().getEnvironmentInformation();
    p.entrySet().stream().map(e -> e.getKey() + " = " + e.getValue()).sorted()
        .forEach(line -> lines.add("  " + line));
    boolean cuda = Nd4jRuntime.cudaOnClassPath();
    if (cuda && !active.equals(Nd4jRuntime.CUDA_BACKEND)) {
      String why = Nd4jRuntime.gpuProblem();
      lines.add("This is the GPU (CUDA 11.6) build, but no usable GPU was found"
          + (why != null ? ": " + why : "") + ".");
      lines.add("swatnn falls back to ND4J's CPU backend (" + active + "): everything works, "
          + "but runs on the CPU. A GPU needs an NVIDIA driver >= 510.39.01 and the CUDA 11.6 "
          + "libraries (see the package's Description.props).");
    } else if (cuda) {
      lines.add("This is the GPU (CUDA 11.6) build, running on the GPU.");
    } else {
      lines.add("This is the CPU package (swatnn); on an NVIDIA GPU, the GPU package "
          + "swatnn-cuda-11.6 runs the search there (README, section GPU).");
    }
    return lines;
  }

  /**
   * JavaCPP's native-memory limits in force, e.g. "JavaCPP limits: maxBytes 1.5G,
   * maxPhysicalBytes 0 (resident size not checked)": the native bytes JavaCPP may allocate,
   * and the process's resident size that it checks at each allocation ({@link Nd4jRuntime}
   * sets the second to 0 unless the JVM was started with it).
   */
  public static String memoryLimits() {
    Nd4jRuntime.init();
    long physical = org.bytedeco.javacpp.Pointer.maxPhysicalBytes();
    return "JavaCPP limits: maxBytes "
        + org.bytedeco.javacpp.Pointer.formatBytes(org.bytedeco.javacpp.Pointer.maxBytes())
        + ", maxPhysicalBytes " + (physical == 0 ? "0 (resident size not checked)"
        : org.bytedeco.javacpp.Pointer.formatBytes(physical));
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
