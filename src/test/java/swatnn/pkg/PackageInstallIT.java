package swatnn.pkg;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The built zip is a valid Weka package that Weka's own package manager installs offline. */
class PackageInstallIT {

  @TempDir static Path wekaHome;
  private static WekaProcess weka;
  private static WekaProcess.Result install;

  @BeforeAll
  static void installPackage() throws Exception {
    weka = new WekaProcess(wekaHome);
    install = weka.run(null, 300, "weka.core.WekaPackageManager", "-offline",
        "-install-package", WekaProcess.packageZip().toString());
  }

  @Test
  void zipHasWekaPackageLayout() throws IOException {
    try (ZipFile zip = new ZipFile(WekaProcess.packageZip().toFile())) {
      List<String> names = new ArrayList<>();
      zip.stream().map(ZipEntry::getName).forEach(names::add);
      assertTrue(names.contains("Description.props"), names.toString());
      assertTrue(names.contains("swatnn.jar"), names.toString());
      assertTrue(names.stream().anyMatch(n -> n.startsWith("lib/nd4j-native-")), "nd4j natives bundled");
      assertFalse(names.stream().anyMatch(n -> n.contains("weka-stable") || n.endsWith("/weka.jar")),
          "weka itself must not be bundled");
      Properties props = new Properties();
      try (InputStream in = zip.getInputStream(zip.getEntry("Description.props"))) {
        props.load(in);
      }
      for (String key : List.of("PackageName", "Version", "Date", "Title", "Category", "Author",
          "Maintainer", "License", "Description", "PackageURL", "URL", "Depends", "OSArch")) {
        assertTrue(props.containsKey(key), "Description.props lacks " + key);
      }
      assertEquals("swatnn", props.getProperty("PackageName"));
      assertEquals(System.getProperty("swatnn.version", "0.1.0"), props.getProperty("Version"),
          "Description.props Version must match the pom's version");
      assertEquals("GPL 3.0", props.getProperty("License"));
      assertEquals("weka (>=3.8.6)", props.getProperty("Depends"));
      assertEquals("64", props.getProperty("OSArch"));
    }
  }

  @Test
  void installsIntoEmptyWekaHome() {
    assertEquals(0, install.exitCode(), install.output());
    assertTrue(Files.exists(wekaHome.resolve("packages/swatnn/Description.props")), install.output());
    assertTrue(Files.exists(wekaHome.resolve("packages/swatnn/swatnn.jar")), install.output());
  }

  @Test
  void listedAsInstalled() throws Exception {
    WekaProcess.Result list = weka.run(null, 120, "weka.core.WekaPackageManager", "-offline",
        "-list-packages", "installed");
    assertEquals(0, list.exitCode(), list.output());
    // one line names the package and its installed version (the pom's)
    String version = System.getProperty("swatnn.version", "0.1.0");
    assertTrue(list.output().lines().anyMatch(l -> l.contains("swatnn")
        && java.util.Arrays.asList(l.trim().split("\\s+")).contains(version)), list.output());
  }

  @Test
  void classLoadsThroughWekaPackageLoading() throws Exception {
    String probe = Paths.get("target", "test-classes").toAbsolutePath().toString();
    WekaProcess.Result r = weka.run(probe, 120, "swatnn.pkg.PackageLoadProbe", "swatnn.mlp.SparseMlp");
    assertEquals(0, r.exitCode(), r.output());
    assertTrue(r.output().contains("loaded swatnn.mlp.SparseMlp via weka.core.WekaPackageLibIsolatingClassLoader"),
        r.output());
  }
}
