package swatnn.nd4j;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.DisabledIf;
import org.junit.jupiter.api.io.TempDir;
import swatnn.ChildRun;

/** The GPU check of the CUDA build, and what the CPU build (the test class path) reports. */
class Nd4jRuntimeTest {
  @TempDir Path dir;

  @Test
  @DisabledIf(value = "swatnn.nd4j.Nd4jRuntime#cudaOnClassPath",
      disabledReason = "the CUDA build (mvn -Pcuda): ND4J's CUDA backend is on the class path")
  void cpuBuildHasNoCudaBackendAndNoGpuProblem() {
    assertFalse(Nd4jRuntime.cudaOnClassPath());
    assertNull(Nd4jRuntime.gpuProblem());
    assertEquals("CPU", Nd4jBackend.name());
    List<String> report = Nd4jBackend.report();
    assertTrue(report.get(0).startsWith("ND4J backend: CPU ("), report.get(0));
    assertTrue(report.get(report.size() - 1).startsWith("This is the CPU package"),
        report.toString());
  }

  @Test
  void loadFailuresAreExplainedInPlainWords() {
    String driver = Nd4jRuntime.explainLoadFailure("/root/.javacpp/cache/cuda-11.6-8.3-1.5.7-linux-"
        + "x86_64.jar/org/bytedeco/cuda/linux-x86_64/libjnicudart.so: libcuda.so.1: cannot open "
        + "shared object file: No such file or directory");
    assertTrue(driver.contains("NVIDIA driver library libcuda.so.1 was not found"), driver);
    String runtime = Nd4jRuntime.explainLoadFailure("/x/libjnicudart.so: libcudart.so.11.0: cannot "
        + "open shared object file: No such file or directory");
    assertTrue(runtime.contains("CUDA 11.6 library libcudart.so") && runtime.contains("LD_LIBRARY_PATH"),
        runtime);
    String other = Nd4jRuntime.explainLoadFailure("/x/libjnicudart.so: undefined symbol: foo");
    assertEquals("the CUDA libraries could not be loaded (undefined symbol: foo)", other);
  }

  @Test
  void withoutCudaBackendHidesOnlyTheCudaServiceEntry() throws Exception {
    String service = "META-INF/services/org.nd4j.linalg.factory.Nd4jBackend";
    Path cpu = dir.resolve("cpu");
    Path cuda = dir.resolve("cuda");
    for (Path p : List.of(cpu, cuda)) {
      Files.createDirectories(p.resolve("META-INF/services"));
      Files.writeString(p.resolve("other.txt"), "kept");
    }
    Files.writeString(cpu.resolve(service), "org.nd4j.linalg.cpu.nativecpu.CpuBackend\n");
    Files.writeString(cuda.resolve(service), "org.nd4j.linalg.jcublas.JCublasBackend\n");
    try (URLClassLoader both = new URLClassLoader(
        new URL[] {cpu.toUri().toURL(), cuda.toUri().toURL()}, null)) {
      assertEquals(2, Collections.list(both.getResources(service)).size());
      ClassLoader filtered = new Nd4jRuntime.WithoutCudaBackend(both);
      List<URL> left = Collections.list(filtered.getResources(service));
      assertEquals(1, left.size());
      assertTrue(left.get(0).toString().contains("/cpu/"), left.toString());
      assertEquals(2, Collections.list(filtered.getResources("other.txt")).size());
    }
  }

  /** `swatnn backend` in a JVM of its own, started with {@code javaOptions}; its output. */
  private static String backendReport(String... javaOptions) throws Exception {
    List<String> cmd = new java.util.ArrayList<>();
    cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    cmd.addAll(List.of(javaOptions));
    cmd.addAll(List.of("-cp", System.getProperty("java.class.path"), "swatnn.cli.Main", "backend"));
    ChildRun run = ChildRun.of(new ProcessBuilder(cmd), 300); // fails with the output on time-out
    assertEquals(0, run.exitCode(), run.output());
    return run.output();
  }

  @Test
  void residentSizeCheckIsOffUnlessTheJvmWasStartedWithIt() throws Exception {
    String plain = backendReport();
    assertTrue(plain.contains("maxPhysicalBytes 0 (resident size not checked)"), plain);
    String set = backendReport("-Dorg.bytedeco.javacpp.maxphysicalbytes=3g");
    assertTrue(set.contains("maxPhysicalBytes 3072M"), set);
  }
}
