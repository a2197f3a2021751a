package swatnn.pkg;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import swatnn.ChildRun;

/**
 * Runs a Java main class of Weka in a separate JVM with a given WEKA_HOME, the way a user runs
 * Weka: only Weka on the class path, everything of swatnn coming from the installed package.
 */
final class WekaProcess {

  /** Exit code and merged output of one run. */
  record Result(int exitCode, String output) {}

  private final Path wekaHome;

  WekaProcess(Path wekaHome) {
    this.wekaHome = wekaHome;
  }

  /** Weka's own class path, written by the build (target/weka-classpath.txt). */
  static String wekaClassPath() throws IOException {
    Path cp = Paths.get("target", "weka-classpath.txt");
    if (!Files.exists(cp)) {
      throw new IllegalStateException("target/weka-classpath.txt missing: run mvn package first");
    }
    return Files.readString(cp).trim();
  }

  /** The package zip built by mvn package. */
  static Path packageZip() {
    String p = System.getProperty("swatnn.packageZip");
    Path zip = p != null ? Paths.get(p) : Paths.get("target", "swatnn-" + System.getProperty("swatnn.version", "0.1.0") + ".zip");
    if (!Files.exists(zip)) {
      throw new IllegalStateException("package zip missing: " + zip + " (run mvn package first)");
    }
    return zip.toAbsolutePath();
  }

  /**
   * Runs {@code mainAndArgs} with Weka's class path plus {@code extraClassPath}.
   *
   * @throws IllegalStateException with the output so far if it runs past {@code timeoutSeconds}
   */
  Result run(String extraClassPath, long timeoutSeconds, String... mainAndArgs)
      throws IOException, InterruptedException {
    List<String> cmd = new ArrayList<>();
    cmd.add(Paths.get(System.getProperty("java.home"), "bin", "java").toString());
    cmd.add("-Djava.awt.headless=true");
    cmd.add("-Dweka.packageManager.offline=true");
    cmd.add("-Xmx1g");
    cmd.add("-Dorg.bytedeco.javacpp.maxbytes=2g");
    cmd.add("-Dorg.bytedeco.javacpp.maxphysicalbytes=4g");
    cmd.add("-cp");
    cmd.add(wekaClassPath() + (extraClassPath == null ? "" : java.io.File.pathSeparator + extraClassPath));
    cmd.addAll(List.of(mainAndArgs));
    ProcessBuilder pb = new ProcessBuilder(cmd);
    pb.environment().put("WEKA_HOME", wekaHome.toString());
    pb.environment().put("OMP_NUM_THREADS", "1");
    ChildRun run = ChildRun.of(pb, timeoutSeconds); // kills and fails with the output on time-out
    return new Result(run.exitCode(), run.output());
  }
}
