package swatnn.cli;

import java.nio.file.Files;
import java.nio.file.Path;

/** What the command line's output is connected to, so that progress can redraw in place. */
final class Terminal {
  private Terminal() {}

  /**
   * Whether stderr is a terminal: on Linux, whether file descriptor 2 is a tty device;
   * elsewhere, whether the JVM has a console.
   */
  static boolean stderr() {
    try {
      String target = Files.readSymbolicLink(Path.of("/proc/self/fd/2")).toString();
      return target.startsWith("/dev/pts/") || target.startsWith("/dev/tty");
    } catch (Exception e) {
      return System.console() != null;
    }
  }

}
