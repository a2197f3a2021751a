package swatnn.pkg;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipInputStream;
import org.bytedeco.javacpp.ClassProperties;
import org.bytedeco.javacpp.Loader;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The built package carries, for every platform it claims to serve, the native libraries that
 * JavaCPP's loader looks for when ND4J's CPU backend starts: the JNI library of ND4J
 * ({@code jnind4jcpu}), of OpenBLAS ({@code jniopenblas}) and of JavaCPP itself
 * ({@code jnijavacpp}), and the libraries they link ({@code nd4jcpu}, {@code openblas}). Only
 * linux-x86_64 can run here, so the other platforms are checked by listing: the entries of the
 * jars in the zip's {@code lib/} are matched against the file names that
 * {@code Loader.findLibrary} tries (JavaCPP 1.5.7), computed from JavaCPP's own properties of
 * each platform (library prefix and suffixes) and the presets' annotations for that platform
 * (library, link and preload names), in the resource directories
 * {@code Loader.findResources} walks (the class's package and its parents, then the platform).
 *
 * <p>The platforms come from the system property {@code swatnn.packagePlatforms} (the pom's
 * {@code package.platforms}: all five in the default build, {@code native.platform} alone in a
 * single-platform or CUDA build).
 */
class PlatformNativesIT {

  /** The classes whose natives JavaCPP loads when ND4J's CPU backend starts. */
  private static final List<String> NATIVE_CLASSES = List.of(
      "org.nd4j.linalg.cpu.nativecpu.bindings.Nd4jCpu",
      "org.bytedeco.openblas.global.openblas",
      "org.bytedeco.javacpp.Loader");

  /** Every file entry of every jar in the zip's lib/, and which jar holds it. */
  private static final Map<String, String> entries = new HashMap<>();

  @BeforeAll
  static void listNestedJars() throws IOException {
    try (ZipFile zip = new ZipFile(WekaProcess.packageZip().toFile())) {
      for (ZipEntry jar : zip.stream().toList()) {
        if (!jar.getName().startsWith("lib/") || !jar.getName().endsWith(".jar")) {
          continue;
        }
        try (InputStream in = zip.getInputStream(jar); ZipInputStream nested = new ZipInputStream(in)) {
          for (ZipEntry e; (e = nested.getNextEntry()) != null; ) {
            if (!e.isDirectory()) {
              entries.putIfAbsent(e.getName(), jar.getName());
            }
          }
        }
      }
    }
  }

  static List<String> platforms() {
    String list = System.getProperty("swatnn.packagePlatforms", "");
    List<String> platforms = Arrays.stream(list.split(","))
        .map(String::trim).filter(s -> !s.isEmpty()).toList();
    assertFalse(platforms.isEmpty(), "system property swatnn.packagePlatforms names no platform");
    return platforms;
  }

  @Test
  void defaultBuildServesTheFivePlatforms() {
    assumeTrue(Boolean.getBoolean("swatnn.allPlatforms"),
        "a single-platform build (-P '!all-platforms' or -Pcuda)");
    assertEquals(Set.of("linux-x86_64", "linux-arm64", "windows-x86_64", "macosx-x86_64",
        "macosx-arm64"), Set.copyOf(platforms()));
  }

  @Test
  void javacppFindsEveryPlatformsLibraries() throws Exception {
    List<String> missing = new ArrayList<>();
    for (String platform : platforms()) {
      for (String className : NATIVE_CLASSES) {
        Class<?> cls = Class.forName(className, false, getClass().getClassLoader());
        ClassProperties p = Loader.loadProperties(cls, Loader.loadProperties(platform, null), true);
        // Loader.load initialises the inherited classes (Nd4jCpu's: openblas) first, each finding
        // its libraries from its own package, and remembers them by name for the class itself
        List<Class> where = new ArrayList<>();
        where.add(cls);
        if (p.getInheritedClasses() != null) {
          where.addAll(p.getInheritedClasses());
        }
        String jni = p.getProperty("platform.library");
        if (find(where, p, platform, jni) == null) {
          missing.add(platform + ": " + className + "'s JNI library " + jni + " (tried "
              + styles(p, jni) + ")");
        }
        for (String link : p.get("platform.link")) {
          if (link.endsWith("#")) {
            continue; // a system library (Windows' psapi), never bundled
          }
          if (find(where, p, platform, link) == null && preloadFor(where, p, platform, link) == null) {
            missing.add(platform + ": " + className + "'s linked library " + link + " (tried "
                + styles(p, link) + ")");
          }
        }
      }
    }
    if (!missing.isEmpty()) {
      fail("natives missing from " + WekaProcess.packageZip() + ":\n  "
          + String.join("\n  ", missing));
    }
  }

  @Test
  void eachPlatformsJniLibrariesAreNamedAsItsLoaderExpects() throws Exception {
    for (String platform : platforms()) {
      ClassProperties p = Loader.loadProperties(Class.forName(NATIVE_CLASSES.get(0), false,
          getClass().getClassLoader()), Loader.loadProperties(platform, null), true);
      String suffix = p.get("platform.library.suffix").get(0);
      String prefix = p.getProperty("platform.library.prefix", "");
      String nd4j = "org/nd4j/linalg/cpu/nativecpu/bindings/" + platform + "/";
      for (String file : List.of(nd4j + prefix + "jnind4jcpu" + suffix,
          "org/bytedeco/openblas/" + platform + "/" + prefix + "jniopenblas" + suffix,
          "org/bytedeco/javacpp/" + platform + "/" + prefix + "jnijavacpp" + suffix)) {
        assertTrue(entries.containsKey(file), platform + ": no " + file + " in any jar of lib/");
      }
      assertTrue(entries.keySet().stream().anyMatch(e -> e.startsWith(nd4j + "libnd4jcpu")
          && e.endsWith(suffix)), platform + ": no " + nd4j + "libnd4jcpu*" + suffix);
    }
  }

  /**
   * The entry JavaCPP's loader extracts for a library name (name@version#reference), or null:
   * every naming style of {@code Loader.findLibrary} in every directory
   * {@code Loader.findResources} tries for each class.
   */
  private static String find(List<Class> classes, ClassProperties p, String platform, String lib) {
    for (String style : styles(p, lib)) {
      for (Class<?> c : classes) {
        String path = c.getName().replace('.', '/');
        path = path.substring(0, path.lastIndexOf('/') + 1);
        while (true) {
          String name = path + platform + "/" + style;
          if (entries.containsKey(name)) {
            return name;
          }
          if (path.isEmpty()) {
            break;
          }
          int n = path.lastIndexOf('/', path.length() - 2);
          path = n >= 0 ? path.substring(0, n + 1) : "";
        }
      }
    }
    return null;
  }

  /**
   * A bundled preload that provides a linked library under the platform's own file name (on
   * Windows, the link {@code nd4jcpu} is the preload {@code libnd4jcpu}: libnd4jcpu.dll).
   */
  private static String preloadFor(List<Class> classes, ClassProperties p, String platform,
      String link) {
    String base = baseName(link);
    for (String preload : p.get("platform.preload")) {
      String pb = baseName(preload);
      if (pb.equals(base) || pb.equals("lib" + base)) {
        String found = find(classes, p, platform, preload);
        if (found != null) {
          return found;
        }
      }
    }
    return null;
  }

  private static String baseName(String lib) {
    return lib.split("#")[0].split("@")[0];
  }

  /** {@code Loader.findLibrary}'s file names for a library on the platform, in its order. */
  private static Set<String> styles(ClassProperties p, String libnameversion) {
    String[] split = libnameversion.split("#");
    String[] s = split[0].split("@");
    String libname = s[0];
    String version = s.length > 1 ? s[s.length - 1] : "";
    String prefix = p.getProperty("platform.library.prefix", "");
    Set<String> styles = new LinkedHashSet<>();
    for (String suffix : p.get("platform.library.suffix")) {
      styles.add(prefix + libname + suffix + version);
      styles.add(prefix + libname + version + suffix);
      styles.add(prefix + libname + suffix);
    }
    return styles;
  }
}
