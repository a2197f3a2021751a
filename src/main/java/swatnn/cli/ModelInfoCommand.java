package swatnn.cli;

import java.io.PrintStream;
import java.nio.file.Paths;
import java.util.List;
import java.util.Set;
import swatnn.autoencoder.ModelFile;
import swatnn.autoencoder.ModelFileException;

/** {@code swatnn model-info FILE}: verifies a model file and prints its manifest. */
public final class ModelInfoCommand implements Subcommand {

  @Override
  public String name() {
    return "model-info";
  }

  @Override
  public String summary() {
    return "verify a model file and print its manifest and parameter count";
  }

  @Override
  public String usage() {
    return """
        usage: swatnn model-info FILE

        Loads FILE completely (manifest, weights and their SHA-256, every array's shape, the
        optimizer state if present) and prints the manifest and the parameter count. Exits 0
        only if the file is complete and valid.
        """;
  }

  @Override
  public int run(List<String> args, PrintStream out) throws Exception {
    Options o = Options.parse(args, Set.of(), Set.of());
    String file = o.requirePositional("FILE").get(0);
    ModelFile.Loaded loaded;
    try {
      loaded = ModelFile.read(Paths.get(file), ModelFile.readManifest(Paths.get(file)).hasOptimizerState());
    } catch (ModelFileException e) {
      throw new Exception(e.getMessage());
    }
    out.println(loaded.manifest().toJson());
    out.println("parameters: " + loaded.parameters().count()
        + (loaded.optimizer() != null ? " (with optimizer state at step " + loaded.optimizer().step() + ")" : ""));
    out.println("valid: yes");
    return 0;
  }
}
