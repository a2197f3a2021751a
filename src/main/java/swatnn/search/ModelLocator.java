package swatnn.search;

import java.io.File;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import swatnn.autoencoder.ModelFile;
import swatnn.autoencoder.ModelFileException;
import swatnn.autoencoder.ModelManifest;

/**
 * Finds the pretrained autoencoders that ship with the package: {@code swatnn-*.zip} in the
 * package's {@code lib/} folder (installed package: next to swatnn.jar; source tree: the
 * repository's lib/), or in the folder named by the system property {@code swatnn.models}.
 */
public final class ModelLocator {
  private ModelLocator() {}

  /** Folders searched, in order. */
  public static List<Path> searchPath() {
    List<Path> dirs = new ArrayList<>();
    String prop = System.getProperty("swatnn.models");
    if (prop != null && !prop.isBlank()) {
      dirs.add(Paths.get(prop));
    }
    try {
      Path code = Paths.get(ModelLocator.class.getProtectionDomain().getCodeSource().getLocation().toURI());
      Path base = Files.isDirectory(code) ? code : code.getParent(); // target/classes or the jar's folder
      if (base != null) {
        dirs.add(base.resolve("lib"));
        Path up = base.getParent();
        for (int i = 0; i < 2 && up != null; i++, up = up.getParent()) {
          dirs.add(up.resolve("lib"));
        }
      }
    } catch (URISyntaxException | SecurityException | NullPointerException e) {
      // no code source (unusual class loaders): only the property is searched
    }
    return dirs;
  }

  /** Bundled models by name (file name without .zip), with their manifests; invalid files are skipped. */
  public static Map<String, ModelManifest> bundled() {
    Map<String, ModelManifest> out = new LinkedHashMap<>();
    for (Path dir : searchPath()) {
      if (!Files.isDirectory(dir)) {
        continue;
      }
      try (Stream<Path> files = Files.list(dir)) {
        for (Path f : files.sorted().toList()) {
          String n = f.getFileName().toString();
          if (n.startsWith("swatnn-") && n.endsWith(".zip") && !out.containsKey(n.substring(0, n.length() - 4))) {
            try {
              out.put(n.substring(0, n.length() - 4), ModelFile.peekManifest(f));
            } catch (ModelFileException e) {
              // not a usable model: skipped here, reported when asked for by name
            }
          }
        }
      } catch (java.io.IOException e) {
        // unreadable folder: skip
      }
    }
    return out;
  }

  /**
   * Resolves a model: an existing file path, or the name of a bundled model ("swatnn-2in" or
   * "2in"); empty or "auto" picks the bundled model with the fewest inputs that takes n_in.
   *
   * @throws ModelFileException naming what was looked for and where
   */
  public static Path resolve(String spec, int nIn) throws ModelFileException {
    if (spec != null && !spec.isBlank() && !spec.equalsIgnoreCase("auto")) {
      Path direct = Paths.get(spec);
      if (Files.isRegularFile(direct)) {
        return direct;
      }
      String name = spec.endsWith(".zip") ? spec.substring(0, spec.length() - 4) : spec;
      if (!name.startsWith("swatnn-")) {
        name = "swatnn-" + name;
      }
      for (Path dir : searchPath()) {
        Path f = dir.resolve(name + ".zip");
        if (Files.isRegularFile(f)) {
          return f;
        }
      }
      throw new ModelFileException("no model file or bundled model '" + spec + "' (looked in "
          + searchPath().stream().map(Path::toString).reduce((a, b) -> a + File.pathSeparator + b).orElse("-")
          + "); bundled: " + bundled().keySet());
    }
    String bestName = null;
    ModelManifest best = null;
    for (Map.Entry<String, ModelManifest> e : bundled().entrySet()) {
      ModelManifest m = e.getValue();
      if (m.config().nInMin() <= nIn && nIn <= m.config().nInMax()
          && (best == null || m.config().nInMax() < best.config().nInMax())) {
        best = m;
        bestName = e.getKey();
      }
    }
    if (bestName == null) {
      throw new ModelFileException("no bundled model takes " + nIn + " input(s); bundled: "
          + describe(bundled()));
    }
    return resolve(bestName, nIn);
  }

  static String describe(Map<String, ModelManifest> models) {
    if (models.isEmpty()) {
      return "none found in " + searchPath();
    }
    StringBuilder sb = new StringBuilder();
    for (Map.Entry<String, ModelManifest> e : models.entrySet()) {
      if (sb.length() > 0) {
        sb.append(", ");
      }
      sb.append(e.getKey()).append(" (").append(e.getValue().config().nInMin()).append('-')
          .append(e.getValue().config().nInMax()).append(" inputs)");
    }
    return sb.toString();
  }

  /** The largest input count any bundled model takes (0 if none). */
  public static int maxInputs() {
    return bundled().values().stream().mapToInt(m -> m.config().nInMax()).max().orElse(0);
  }
}
