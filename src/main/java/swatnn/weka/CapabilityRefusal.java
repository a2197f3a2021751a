package swatnn.weka;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import weka.core.Attribute;
import weka.core.Capabilities;
import weka.core.Instances;
import weka.core.NoSupportForMissingValuesException;
import weka.core.UnsupportedAttributeTypeException;
import weka.core.UnsupportedClassTypeException;
import weka.core.WekaException;

/**
 * Weka's capabilities test ({@link Capabilities#testWithFail}) with the attributes or rows
 * concerned named: Weka's own message (e.g. {@code ...SWATNNRegressor: Cannot handle string
 * attributes!}) says what kind of data is refused but not where it is; the message thrown here
 * is Weka's, unchanged at its start, followed by the attributes of that type (e.g. {@code
 * Attributes concerned: 'comment'.}), the class attribute, or the rows concerned (weights
 * other than 1, rows without a class value), counted from 1 as in an ARFF file's data section.
 */
public final class CapabilityRefusal {
  /** How many names or rows a message lists at most. */
  static final int LISTED = 5;

  private CapabilityRefusal() {}

  /**
   * Tests the data against the capabilities.
   *
   * @param capabilities the classifier's capabilities
   * @param data the training data, class set
   * @throws WekaException Weka's refusal, of the same kind (e.g. {@link
   *     UnsupportedAttributeTypeException}), with the attributes or rows concerned appended when
   *     the data shows them
   * @throws Exception if Weka's test fails otherwise
   */
  public static void test(Capabilities capabilities, Instances data) throws Exception {
    try {
      capabilities.testWithFail(data);
    } catch (WekaException e) {
      String where = concerned(e.getMessage() == null ? "" : e.getMessage(), data);
      if (where.isEmpty()) {
        throw e;
      }
      WekaException named = sameKind(e, e.getMessage() + " " + where);
      named.setStackTrace(e.getStackTrace());
      throw named;
    }
  }

  /**
   * An exception of Weka's kind for {@code e} with {@code message}, so that a caller that
   * catches, say, {@link UnsupportedAttributeTypeException} still catches the named refusal.
   */
  private static WekaException sameKind(WekaException e, String message) {
    if (e instanceof UnsupportedClassTypeException) {
      return new UnsupportedClassTypeException(message);
    }
    if (e instanceof UnsupportedAttributeTypeException) {
      return new UnsupportedAttributeTypeException(message);
    }
    if (e instanceof NoSupportForMissingValuesException) {
      return new NoSupportForMissingValuesException(message);
    }
    return new WekaException(message);
  }

  /** The sentence naming the attributes or rows that {@code message} refuses, or "". */
  static String concerned(String message, Instances data) {
    String lower = message.toLowerCase(Locale.ROOT);
    if (lower.matches("(?s).*cannot handle [a-z -]*class!.*")) {
      return "The class attribute is " + quoted(data.classAttribute().name())
          + "; choose a numeric class (-c INDEX on the command line; in the Explorer's Classify "
          + "panel, the box above Start).";
    }
    for (int type : new int[] {Attribute.NUMERIC, Attribute.NOMINAL, Attribute.STRING,
        Attribute.DATE, Attribute.RELATIONAL}) {
      String kind = Attribute.typeToString(type);
      if (lower.contains("cannot handle " + kind + " attributes")) {
        List<String> names = new ArrayList<>();
        for (int j = 0; j < data.numAttributes(); j++) {
          if (j != data.classIndex() && data.attribute(j).type() == type) {
            names.add(quoted(data.attribute(j).name()));
          }
        }
        return names.isEmpty() ? "" : (names.size() == 1 ? "Attribute concerned: "
            : names.size() + " attributes concerned: ") + list(names)
            + ". Remove " + (names.size() == 1 ? "it" : "them") + " or convert "
            + (names.size() == 1 ? "it" : "them") + (type == Attribute.STRING
            ? " (e.g. weka.filters.unsupervised.attribute.StringToNominal)" : "") + ".";
      }
    }
    if (lower.contains("instance weights are not equal to 1")) {
      List<String> rows = new ArrayList<>();
      int count = 0;
      for (int i = 0; i < data.numInstances(); i++) {
        double w = data.instance(i).weight();
        if (w != 1) {
          if (rows.size() < LISTED) {
            rows.add((i + 1) + " (weight " + w + ")");
          }
          count++;
        }
      }
      return count == 0 ? "" : count + " of " + data.numInstances() + " rows have a weight "
          + "other than 1: " + (count > LISTED ? "the first " + LISTED + " are rows " : "rows ")
          + list(rows) + ".";
    }
    if (lower.contains("not enough training instances with class labels")) {
      int missing = 0;
      for (int i = 0; i < data.numInstances(); i++) {
        missing += data.instance(i).classIsMissing() ? 1 : 0;
      }
      return data.numInstances() == 0 ? "The data has no rows."
          : (missing == data.numInstances() ? "All " + missing : missing + " of "
              + data.numInstances()) + " rows have a missing value of the class attribute "
              + quoted(data.classAttribute().name()) + ".";
    }
    return "";
  }

  /** An attribute's name as the package's messages give it, in single quotes. */
  private static String quoted(String name) {
    return "'" + name + "'";
  }

  private static String list(List<String> items) {
    int shown = Math.min(items.size(), LISTED);
    String s = String.join(", ", items.subList(0, shown));
    return items.size() > shown ? s + ", ..." : s;
  }
}
