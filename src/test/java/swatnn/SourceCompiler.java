package swatnn;

import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.StringWriter;
import java.net.URI;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.SimpleJavaFileObject;
import javax.tools.ToolProvider;

/**
 * Compiles generated source the way a user would: javac for Java 8, on a class path of
 * nothing but the given jars (none of this project's classes), into a directory, and loads
 * the result in a class loader that sees that directory and the test's class path.
 */
public final class SourceCompiler {
  private SourceCompiler() {}

  /**
   * Compiles one source file.
   *
   * @param source the file's text
   * @param mainClass the name of the file's public or first class, with its package
   * @param out the directory for the class files
   * @param classPath the jars the source may use
   * @return a loader of the compiled classes
   * @throws AssertionError with javac's messages if it does not compile
   */
  public static ClassLoader compile(String source, String mainClass, Path out,
      Path... classPath) throws Exception {
    JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
    assertNotNull(javac, "the tests need a JDK");
    String simple = mainClass.substring(mainClass.lastIndexOf('.') + 1);
    JavaFileObject file = new SimpleJavaFileObject(URI.create("string:///" + simple + ".java"),
        JavaFileObject.Kind.SOURCE) {
      @Override
      public CharSequence getCharContent(boolean ignoreEncodingErrors) {
        return source;
      }
    };
    List<String> options = new ArrayList<>(List.of("--release", "8", "-Xlint:-options",
        "-Xlint:-deprecation", "-d", out.toString(), "-classpath"));
    options.add(String.join(java.io.File.pathSeparator, java.util.Arrays.stream(classPath)
        .map(Path::toString).toArray(String[]::new)));
    StringWriter messages = new StringWriter();
    boolean ok = javac.getTask(messages, null, null, options, null, List.of(file)).call();
    assertTrue(ok, () -> "the source does not compile:\n" + messages + "\n" + numbered(source));
    return new URLClassLoader(new URL[] {out.toUri().toURL()},
        SourceCompiler.class.getClassLoader());
  }

  /** The jar (or directory) a class was loaded from. */
  public static Path origin(Class<?> c) throws Exception {
    return Path.of(c.getProtectionDomain().getCodeSource().getLocation().toURI());
  }

  private static String numbered(String source) {
    StringBuilder sb = new StringBuilder();
    String[] lines = source.split("\n", -1);
    for (int i = 0; i < lines.length; i++) {
      sb.append(String.format("%4d  %s%n", i + 1, lines[i]));
    }
    return sb.toString();
  }
}
