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
   * A model file with its name (the file name without {@code .zip}) and its manifest.
   *
   * @param name e.g. {@code swatnn-2in}
   * @param file the model file
   * @param manifest its manifest
   */
  public record Located(String name, Path file, ModelManifest manifest) {
    /** Whether the model takes {@code nIn} inputs without padding or selection. */
    boolean takes(int nIn) {
      return manifest.config().nInMin() <= nIn && nIn <= manifest.config().nInMax();
    }
  }

  /**
   * The models a specification names, each manifest read once (the manifest alone: the rest of
   * the file is verified when the model is loaded): for a file path or a bundled model's name
   * ("swatnn-2in" or "2in") that model; for empty or "auto" every bundled model.
   *
   * @param spec a model file, a bundled model's name, "auto" or null
   * @return at least one model
   * @throws ModelFileException if the named model does not exist or cannot be read, or none is
   *     bundled
   */
  public static List<Located> candidates(String spec) throws ModelFileException {
    if (spec != null && !spec.isBlank() && !spec.equalsIgnoreCase("auto")) {
      Path file = locate(spec);
      String n = file.getFileName().toString();
      return List.of(new Located(n.endsWith(".zip") ? n.substring(0, n.length() - 4) : n, file,
          ModelFile.peekManifest(file)));
    }
    List<Located> all = new ArrayList<>();
    for (Map.Entry<String, ModelManifest> e : bundled().entrySet()) {
      all.add(new Located(e.getKey(), locate(e.getKey()), e.getValue()));
    }
    if (all.isEmpty()) {
      throw new ModelFileException("no bundled autoencoder model was found (looked in "
          + searchPath() + "); give a model file with -model");
    }
    return all;
  }

  /**
   * The model for {@code nIn} inputs among candidates: of those taking at least {@code nIn},
   * one whose smallest input count is at most {@code nIn} first (otherwise its extra inputs are
   * held at 0), then the one taking the fewest; when none takes {@code nIn}, the one taking the
   * most (the caller reports that the data has too many inputs).
   *
   * @param candidates from {@link #candidates}, not empty
   * @param nIn the data's input count (at least 1)
   * @return the chosen model
   */
  public static Located choose(List<Located> candidates, int nIn) {
    Located best = null;
    Located widest = candidates.get(0);
    for (Located c : candidates) {
      int hi = c.manifest().config().nInMax();
      widest = hi > widest.manifest().config().nInMax() ? c : widest;
      if (hi < nIn) {
        continue;
      }
      boolean takes = c.manifest().config().nInMin() <= nIn;
      boolean bestTakes = best != null && best.manifest().config().nInMin() <= nIn;
      if (best == null || takes && !bestTakes
          || takes == bestTakes && hi < best.manifest().config().nInMax()) {
        best = c;
      }
    }
    return best != null ? best : widest;
  }

  /**
   * Resolves a model: an existing file path, or the name of a bundled model ("swatnn-2in" or
   * "2in"); empty or "auto" picks the bundled model with the fewest inputs that takes n_in.
   *
   * @throws ModelFileException naming what was looked for and where
   */
  public static Path resolve(String spec, int nIn) throws ModelFileException {
    if (spec != null && !spec.isBlank() && !spec.equalsIgnoreCase("auto")) {
      return locate(spec);
    }
    Map<String, ModelManifest> bundled = bundled();
    Located chosen = bundled.isEmpty() ? null : choose(candidates(spec), nIn);
    if (chosen == null || !chosen.takes(nIn)) {
      throw new ModelFileException("no bundled model takes " + nIn + " input(s); bundled: "
          + describe(bundled));
    }
    return chosen.file();
  }

  /** The file of a model path or bundled model name. */
  private static Path locate(String spec) throws ModelFileException {
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
    if (Files.isDirectory(direct)) {
      throw new ModelFileException("'" + spec + "' is a folder, not a model file; give the "
          + "model's .zip file");
    }
    throw new ModelFileException("no model file or bundled model '" + spec + "' (looked in "
        + searchPath().stream().map(Path::toString).reduce((a, b) -> a + File.pathSeparator + b)
            .orElse("-") + "); bundled: " + bundled().keySet());
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
}
