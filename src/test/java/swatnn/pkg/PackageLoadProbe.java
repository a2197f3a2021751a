package swatnn.pkg;

/**
 * Run in a separate JVM whose class path holds only Weka: loads the installed packages the way
 * Weka does at start-up and resolves a class of the swatnn package through Weka's package
 * class loading. Prints the class and its loader; exits 3 when the class cannot be found.
 */
public final class PackageLoadProbe {
  private PackageLoadProbe() {}

  public static void main(String[] args) throws Exception {
    weka.core.WekaPackageManager.loadPackages(false, true, false);
    try {
      Class<?> c = weka.core.WekaPackageClassLoaderManager.forName(args[0]);
      System.out.println("loaded " + c.getName() + " via " + c.getClassLoader().getClass().getName());
      if (args.length > 1) {
        // Instantiate, so that static initialisers and their dependencies run too.
        Object o = c.getDeclaredConstructor().newInstance();
        System.out.println("instance " + o.getClass().getName());
      }
    } catch (ClassNotFoundException e) {
      System.out.println("not found: " + args[0]);
      System.exit(3);
    }
  }
}
