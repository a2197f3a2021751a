package swatnn.remote;

import java.util.ArrayList;
import java.util.List;

/**
 * Where a remote engine listens: a host name or address and the port of its RMI registry, as
 * the Experimenter's host list names it ({@code host:port}; Weka looks the engine up as
 * {@code //host:port/RemoteEngine}).
 *
 * @param host the host name or IP address, never empty
 * @param port the RMI registry's TCP port, 1..65535
 */
public record EngineAddress(String host, int port) {

  /** The port of an RMI registry when none is given (Java RMI's and Weka's default). */
  public static final int DEFAULT_PORT = 1099;

  /**
   * @throws IllegalArgumentException if the host is empty or holds a colon or slash, or the port
   *     is out of range
   */
  public EngineAddress {
    if (host == null || host.isBlank() || host.contains(":") || host.contains("/")) {
      throw new IllegalArgumentException("bad engine host '" + host + "'");
    }
    if (port < 1 || port > 65535) {
      throw new IllegalArgumentException("bad engine port " + port + " (1..65535)");
    }
  }

  /**
   * Parses {@code host:port}, or {@code host} alone for port {@value #DEFAULT_PORT}.
   *
   * @throws IllegalArgumentException naming the bad entry and what is wrong with it
   */
  public static EngineAddress parse(String text) {
    String t = text.trim();
    int colon = t.lastIndexOf(':');
    String host = colon < 0 ? t : t.substring(0, colon);
    int port = DEFAULT_PORT;
    if (colon >= 0) {
      try {
        port = Integer.parseInt(t.substring(colon + 1));
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException("bad host:port '" + text + "': the port is not a number");
      }
    }
    try {
      return new EngineAddress(host, port);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("bad host:port '" + text + "': " + e.getMessage());
    }
  }

  /**
   * Parses a comma-separated list of {@code host:port} entries.
   *
   * @throws IllegalArgumentException if the list is empty, an entry is bad, or one is repeated
   */
  public static List<EngineAddress> parseList(String text) {
    List<EngineAddress> out = new ArrayList<>();
    for (String part : text.split(",")) {
      if (part.isBlank()) {
        continue;
      }
      EngineAddress a = parse(part);
      if (out.contains(a)) {
        throw new IllegalArgumentException("engine " + a + " is listed twice");
      }
      out.add(a);
    }
    if (out.isEmpty()) {
      throw new IllegalArgumentException("no engine given (expected host:port,host:port)");
    }
    return out;
  }

  /** {@code host:port}, the form the Experimenter's host list takes. */
  @Override
  public String toString() {
    return host + ":" + port;
  }
}
