package swatnn.pkg;

import java.util.Set;
import weka.core.PluginManager;
import weka.gui.GenericObjectEditor;

/**
 * Loads the installed packages and lets Weka's GenericObjectEditor discover its classes, as the
 * Explorer does at start-up; prints every classifier it lists under weka.classifiers.functions.
 */
public final class GoeProbe {
  private GoeProbe() {}

  public static void main(String[] args) {
    weka.core.WekaPackageManager.loadPackages(false, true, false);
    GenericObjectEditor.determineClasses();
    Set<String> names = PluginManager.getPluginNamesOfType("weka.classifiers.Classifier");
    if (names == null) {
      System.out.println("no classifiers listed");
      System.exit(3);
    }
    names.stream().filter(n -> n.startsWith("weka.classifiers.functions."))
        .sorted().forEach(n -> System.out.println("listed " + n));
  }
}
