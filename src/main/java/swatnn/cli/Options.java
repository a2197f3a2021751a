package swatnn.cli;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Parses {@code --name value} options, {@code --flag} switches and positional arguments, and
 * refuses anything the command did not declare.
 */
public final class Options {
  private final Map<String, String> values = new HashMap<>();
  private final Set<String> flags = new HashSet<>();
  private final List<String> positional = new ArrayList<>();

  private Options() {}

  /**
   * @param args the command's arguments
   * @param valued option names (without dashes) that take a value
   * @param switches option names that take none
   */
  public static Options parse(List<String> args, Set<String> valued, Set<String> switches)
      throws UsageException {
    Options o = new Options();
    for (int i = 0; i < args.size(); i++) {
      String a = args.get(i);
      if (a.startsWith("--") && a.length() > 2) {
        String name = a.substring(2);
        String inline = null;
        int eq = name.indexOf('=');
        if (eq >= 0) {
          inline = name.substring(eq + 1);
          name = name.substring(0, eq);
        }
        if (switches.contains(name) && inline == null) {
          o.flags.add(name);
        } else if (valued.contains(name)) {
          String v = inline;
          if (v == null) {
            if (i + 1 >= args.size()) {
              throw new UsageException("option --" + name + " needs a value");
            }
            v = args.get(++i);
          }
          o.values.put(name, v);
        } else {
          throw new UsageException("unknown option --" + name);
        }
      } else {
        o.positional.add(a);
      }
    }
    return o;
  }

  public boolean has(String flag) {
    return flags.contains(flag);
  }

  public String get(String name, String fallback) {
    return values.getOrDefault(name, fallback);
  }

  public boolean hasValue(String name) {
    return values.containsKey(name);
  }

  public List<String> positional() {
    return positional;
  }

  public long getLong(String name, long fallback) throws UsageException {
    String v = values.get(name);
    if (v == null) {
      return fallback;
    }
    try {
      return Long.parseLong(v.trim());
    } catch (NumberFormatException e) {
      throw new UsageException("option --" + name + " expects an integer, got '" + v + "'");
    }
  }

  public int getInt(String name, int fallback) throws UsageException {
    long v = getLong(name, fallback);
    if (v < Integer.MIN_VALUE || v > Integer.MAX_VALUE) {
      throw new UsageException("option --" + name + " is out of range: " + v);
    }
    return (int) v;
  }

  public double getDouble(String name, double fallback) throws UsageException {
    String v = values.get(name);
    if (v == null) {
      return fallback;
    }
    try {
      return Double.parseDouble(v.trim());
    } catch (NumberFormatException e) {
      throw new UsageException("option --" + name + " expects a number, got '" + v + "'");
    }
  }

  /** Exactly {@code n} positional arguments, named in the message when they are missing. */
  public List<String> requirePositional(String... names) throws UsageException {
    if (positional.size() != names.length) {
      throw new UsageException(
          "expected " + names.length + " argument(s) " + String.join(" ", names)
              + ", got " + positional.size());
    }
    return positional;
  }
}
