package swatnn.pkg;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.Properties;
import org.junit.jupiter.api.Test;

/**
 * The GPU package's Description.props (mvn -Pcuda package) against the CPU package's: the same
 * version, date and Weka dependency, its own name, and the two preclude each other.
 */
class PackageDescriptionTest {

  private static Properties read(Path p) throws IOException {
    Properties props = new Properties();
    try (Reader r = Files.newBufferedReader(p)) {
      props.load(r);
    }
    return props;
  }

  @Test
  void cudaDescriptionFollowsTheCpuOne() throws IOException {
    Properties cpu = read(Paths.get("Description.props"));
    Properties cuda = read(Paths.get("weka-package/cuda-11.6/Description.props"));
    assertEquals("swatnn-cuda-11.6", cuda.getProperty("PackageName"));
    for (String key : List.of("Version", "Date", "Category", "Author", "Maintainer", "License",
        "URL", "Depends", "OSArch")) {
      assertEquals(cpu.getProperty(key), cuda.getProperty(key), key);
    }
    assertEquals("file:swatnn-cuda-11.6-" + cpu.getProperty("Version") + ".zip",
        cuda.getProperty("PackageURL"));
    assertEquals("swatnn", cuda.getProperty("Precludes"));
    assertEquals("Linux", cuda.getProperty("OSName"));
    for (String key : List.of("Description", "MessageToDisplayOnInstallation")) {
      String text = cuda.getProperty(key);
      assertTrue(text.contains("CUDA 11.6") && text.contains("510.39.01"), key + ": " + text);
    }
  }
}
