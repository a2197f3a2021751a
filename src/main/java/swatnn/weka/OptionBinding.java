package swatnn.weka;

import java.beans.IntrospectionException;
import java.beans.Introspector;
import java.beans.PropertyDescriptor;
import java.lang.reflect.InvocationTargetException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Vector;
import java.util.regex.Pattern;
import weka.classifiers.AbstractClassifier;
import weka.core.Option;
import weka.core.OptionMetadata;
import weka.core.SelectedTag;
import weka.core.Tag;
import weka.core.Utils;

/**
 * The command-line form of a classifier's {@link OptionMetadata}-annotated bean properties, the
 * annotation that Weka's GenericObjectEditor reads for names, tool tips and order.
 *
 * <p>Weka's own {@code Option.setOptionsForHierarchy} prints and swallows a bad value, leaves an
 * absent option as it was, and writes a {@link SelectedTag} by its long readable text. This
 * binding instead refuses a bad value with an exception that names the option, returns an
 * absent option to its default (a new instance's value), and writes a tag by its short ID
 * string, so that {@code getOptions} and {@code setOptions} round-trip exactly as Weka's
 * hand-written classifiers do. Options are listed and written in {@code displayOrder}.
 *
 * <p>Property types: {@code int}, {@code long}, {@code double}, {@code String},
 * {@link SelectedTag} (its tags' ID strings), {@code boolean} (a flag: giving it switches the
 * property away from its default, so {@code -no-input-selection} can turn a property that is on
 * by default off) and any other object, written as a class name with options
 * ({@link Utils#toCommandLine}) and made by {@link Utils#forName}.
 */
public final class OptionBinding {
  private OptionBinding() {}

  /**
   * The annotated read-write properties of a class and its superclasses below
   * {@link AbstractClassifier}, in display order.
   *
   * @param type the classifier's class
   * @return the properties
   */
  static List<PropertyDescriptor> properties(Class<?> type) {
    try {
      List<PropertyDescriptor> out = new ArrayList<>();
      for (PropertyDescriptor p : Introspector.getBeanInfo(type, AbstractClassifier.class)
          .getPropertyDescriptors()) {
        if (p.getReadMethod() != null && p.getWriteMethod() != null && meta(p) != null) {
          out.add(p);
        }
      }
      out.sort(Comparator.comparingInt(p -> meta(p).displayOrder()));
      return out;
    } catch (IntrospectionException e) {
      throw new IllegalStateException(e);
    }
  }

  private static OptionMetadata meta(PropertyDescriptor p) {
    return p.getReadMethod().getAnnotation(OptionMetadata.class);
  }

  /**
   * The options, each description wrapped for a terminal and followed by its default (the
   * value of a new instance).
   *
   * @param target the classifier (its class needs a public no-argument constructor)
   * @return Weka's option descriptions
   */
  public static Vector<Option> list(Object target) {
    Object fresh = newInstance(target);
    Vector<Option> v = new Vector<>();
    for (PropertyDescriptor p : properties(target.getClass())) {
      OptionMetadata m = meta(p);
      boolean flag = m.commandLineParamIsFlag();
      String text = wrap(m.description()) + (flag ? "" : "\n\t(default "
          + format(read(p, fresh)) + ")");
      v.add(new Option(text, m.commandLineParamName(), flag ? 0 : 1,
          m.commandLineParamSynopsis()));
    }
    return v;
  }

  /**
   * The current values as options: every valued option, and each flag whose property differs
   * from its default.
   *
   * @param target the classifier
   * @return the options, in display order
   */
  public static List<String> get(Object target) {
    Object fresh = newInstance(target);
    List<String> o = new ArrayList<>();
    for (PropertyDescriptor p : properties(target.getClass())) {
      OptionMetadata m = meta(p);
      Object value = read(p, target);
      if (!m.commandLineParamIsFlag()) {
        o.add("-" + m.commandLineParamName());
        o.add(format(value));
      } else if (!value.equals(read(p, fresh))) {
        o.add("-" + m.commandLineParamName());
      }
    }
    return o;
  }

  /**
   * Sets every annotated property from the options, an absent one to its default; the options
   * used are blanked in {@code options}, as {@link Utils#getOption} does.
   *
   * @param target the classifier
   * @param options the options
   * @param owner what an error message starts with, e.g. "SWATNNRegressor"
   * @throws Exception naming the option if a value cannot be parsed or is refused by the setter
   */
  public static void set(Object target, String[] options, String owner) throws Exception {
    Object fresh = newInstance(target);
    for (PropertyDescriptor p : properties(target.getClass())) {
      OptionMetadata m = meta(p);
      String name = m.commandLineParamName();
      Object dflt = read(p, fresh);
      Object value;
      if (m.commandLineParamIsFlag()) {
        value = Utils.getFlag(name, options) != (Boolean) dflt;
      } else {
        boolean empty = givenEmpty(name, options);
        String s = Utils.getOption(name, options);
        if (empty) {
          // Weka's getOption returns "" for an absent option and an empty value alike; a
          // value left empty is a mistake, not a request for the default
          throw new Exception(owner + ": option -" + name + " needs "
              + (p.getPropertyType() == double.class ? "a number"
                  : p.getPropertyType().isPrimitive() ? "an integer" : "a value") + ", got ''");
        }
        value = s.isEmpty() ? dflt : parse(p.getPropertyType(), s, dflt, name, owner);
      }
      try {
        p.getWriteMethod().invoke(target, value);
      } catch (InvocationTargetException e) {
        Throwable cause = e.getCause();
        String why = cause.getMessage();
        // the setters' checks speak of the setting ("local search gate must be ..."); on the
        // command line the user needs the option's name
        boolean named = why != null && Pattern.compile(
            "(?<![\\w-])-" + Pattern.quote(name) + "(?![\\w-])").matcher(why).find();
        String prefix = named ? "" : "option -" + name + ": ";
        throw new Exception(owner + ": " + prefix + why, cause);
      }
    }
  }

  /** Whether {@code -name} is among the options with an empty value after it. */
  private static boolean givenEmpty(String name, String[] options) {
    for (int i = 0; i + 1 < options.length; i++) {
      if (options[i].equals("-" + name)) {
        return options[i + 1].isEmpty();
      }
    }
    return false;
  }

  private static Object parse(Class<?> type, String s, Object dflt, String name, String owner)
      throws Exception {
    try {
      // an integer may be written as any exact decimal ("1000", "1e3", "1.0E3")
      if (type == int.class) {
        return new BigDecimal(s.trim()).intValueExact();
      } else if (type == long.class) {
        return new BigDecimal(s.trim()).longValueExact();
      } else if (type == double.class) {
        return Double.parseDouble(s.trim());
      }
    } catch (NumberFormatException e) {
      throw new Exception(owner + ": option -" + name + " needs "
          + (type == double.class ? "a number" : "an integer") + ", got '" + s + "'");
    } catch (ArithmeticException e) { // a fraction, or too large for the type
      throw new Exception(owner + ": option -" + name + " needs an integer from "
          + (type == int.class ? Integer.MIN_VALUE + " to " + Integer.MAX_VALUE
              : Long.MIN_VALUE + " to " + Long.MAX_VALUE) + ", got '" + s + "'");
    }
    if (type == String.class) {
      return s;
    } else if (type == SelectedTag.class) {
      Tag[] tags = ((SelectedTag) dflt).getTags();
      List<String> ids = new ArrayList<>();
      for (Tag t : tags) {
        if (t.getIDStr().equalsIgnoreCase(s.trim())) {
          return new SelectedTag(t.getID(), tags);
        }
        ids.add(t.getIDStr());
      }
      throw new Exception(owner + ": option -" + name + " must be one of "
          + String.join(", ", ids) + ", got '" + s + "'");
    }
    String[] spec = Utils.splitOptions(s);
    if (spec.length == 0) {
      return dflt;
    }
    String className = spec[0];
    spec[0] = "";
    try {
      return Utils.forName(type, className, spec);
    } catch (Exception e) { // Weka's message is the bare class name, or the scheme's own
      String why = className.equals(e.getMessage()) ? "no such class" : e.getMessage();
      throw new Exception(owner + ": option -" + name + " cannot make '" + s + "': " + why
          + "; expected the name of a class of type " + type.getSimpleName() + ", then its "
          + "options", e);
    }
  }

  /** The command-line form of a property value. */
  static String format(Object value) {
    if (value instanceof SelectedTag t) {
      return t.getSelectedTag().getIDStr();
    }
    if (value instanceof String || value instanceof Number || value instanceof Boolean) {
      return String.valueOf(value);
    }
    return Utils.toCommandLine(value);
  }

  private static Object read(PropertyDescriptor p, Object target) {
    try {
      return p.getReadMethod().invoke(target);
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException("cannot read property " + p.getName(), e);
    }
  }

  private static Object newInstance(Object target) {
    try {
      return target.getClass().getDeclaredConstructor().newInstance();
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException(target.getClass().getName()
          + " needs a public no-argument constructor", e);
    }
  }

  /** Breaks a description into tab-indented lines of at most 72 characters. */
  private static String wrap(String text) {
    return "\t" + TextLines.wrap(text, 72, 72, "\t");
  }
}
