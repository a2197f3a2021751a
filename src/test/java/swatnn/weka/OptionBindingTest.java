package swatnn.weka;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import weka.classifiers.AbstractClassifier;
import weka.classifiers.Classifier;
import weka.classifiers.functions.LinearRegression;
import weka.classifiers.rules.ZeroR;
import weka.core.Instance;
import weka.core.Instances;
import weka.core.Option;
import weka.core.OptionMetadata;
import weka.core.SelectedTag;
import weka.core.Tag;

/**
 * {@link OptionBinding} on a classifier with one annotated property of each supported type:
 * the options in display order, absent options back to their defaults, flags that switch away
 * from a default of either value, tags by ID string, objects by class name and options, and
 * refusals that name the option.
 */
class OptionBindingTest {

  /** Properties of every type, listed out of their display order. */
  public static class Probe extends AbstractClassifier {
    private static final long serialVersionUID = 1L;
    static final Tag[] MODES = {new Tag(0, "fast", "Fast and rough", false),
        new Tag(1, "exact", "Slow and exact", false)};

    private double rate = 0.5;
    private int count = 3;
    private long big = 10_000_000_000L;
    private String name = "abc";
    private SelectedTag mode = new SelectedTag(0, MODES);
    private boolean select = true;
    private boolean verbose;
    private Classifier inner = new ZeroR();

    @OptionMetadata(displayName = "count", description = "How many. Counted.",
        commandLineParamName = "count", commandLineParamSynopsis = "-count <int>",
        displayOrder = 1)
    public int getCount() {
      return count;
    }

    public void setCount(int count) {
      if (count < 0) {
        throw new IllegalArgumentException("-count must be >= 0, got " + count);
      }
      this.count = count;
    }

    @OptionMetadata(displayName = "rate", description = "The rate, a long description that "
        + "needs more than one line of seventy-two characters to be shown in a terminal "
        + "window without running past its edge.",
        commandLineParamName = "rate", commandLineParamSynopsis = "-rate <num>",
        displayOrder = 2)
    public double getRate() {
      return rate;
    }

    public void setRate(double rate) {
      if (rate < 0) {
        throw new IllegalArgumentException(rate < -10 ? "below the -rate-limit of -10, got " + rate
            : "the rate must be >= 0, got " + rate);
      }
      this.rate = rate;
    }

    @OptionMetadata(displayName = "big", description = "A long number.",
        commandLineParamName = "big", commandLineParamSynopsis = "-big <long>",
        displayOrder = 3)
    public long getBig() {
      return big;
    }

    public void setBig(long big) {
      this.big = big;
    }

    @OptionMetadata(displayName = "name", description = "A name.",
        commandLineParamName = "name", commandLineParamSynopsis = "-name <text>",
        displayOrder = 4)
    public String getName() {
      return name;
    }

    public void setName(String name) {
      this.name = name;
    }

    @OptionMetadata(displayName = "mode", description = "The mode.",
        commandLineParamName = "mode", commandLineParamSynopsis = "-mode fast|exact",
        displayOrder = 5)
    public SelectedTag getMode() {
      return mode;
    }

    public void setMode(SelectedTag mode) {
      this.mode = new SelectedTag(mode.getSelectedTag().getID(), MODES);
    }

    @OptionMetadata(displayName = "select", description = "Turns selection off.",
        commandLineParamName = "no-select", commandLineParamSynopsis = "-no-select",
        commandLineParamIsFlag = true, displayOrder = 6)
    public boolean getSelect() {
      return select;
    }

    public void setSelect(boolean select) {
      this.select = select;
    }

    @OptionMetadata(displayName = "verbose", description = "Talks.",
        commandLineParamName = "verbose", commandLineParamSynopsis = "-verbose",
        commandLineParamIsFlag = true, displayOrder = 7)
    public boolean getVerbose() {
      return verbose;
    }

    public void setVerbose(boolean verbose) {
      this.verbose = verbose;
    }

    @OptionMetadata(displayName = "inner", description = "Another classifier.",
        commandLineParamName = "inner", commandLineParamSynopsis = "-inner <spec>",
        displayOrder = 0)
    public Classifier getInner() {
      return inner;
    }

    public void setInner(Classifier inner) {
      this.inner = inner;
    }

    /** Not annotated: not an option. */
    public int getHidden() {
      return 1;
    }

    public void setHidden(int hidden) {
    }

    @Override
    public void buildClassifier(Instances data) {
    }

    @Override
    public double classifyInstance(Instance instance) {
      return 0;
    }
  }

  @Test
  void propertiesAreTheAnnotatedOnesInDisplayOrder() {
    List<String> names = new ArrayList<>();
    OptionBinding.properties(Probe.class).forEach(p -> names.add(p.getName()));
    assertEquals(List.of("inner", "count", "rate", "big", "name", "mode", "select", "verbose"),
        names);
  }

  @Test
  void defaultsGiveEveryValuedOptionAndNoFlag() {
    assertEquals(List.of("-inner", "weka.classifiers.rules.ZeroR", "-count", "3", "-rate", "0.5",
        "-big", "10000000000", "-name", "abc", "-mode", "fast"),
        OptionBinding.get(new Probe()));
  }

  @Test
  void setOptionsReachEveryPropertyAndRoundTrip() throws Exception {
    Probe p = new Probe();
    String[] options = {"-verbose", "-count", "7", "-mode", "EXACT", "-rate", "1e-3", "-big",
        "-5", "-name", "x y", "-no-select", "-inner",
        "weka.classifiers.functions.LinearRegression -R 0.25", "-other", "kept"};
    OptionBinding.set(p, options, "Probe");
    assertEquals(7, p.getCount());
    assertEquals(1e-3, p.getRate());
    assertEquals(-5L, p.getBig());
    assertEquals("x y", p.getName());
    assertEquals("exact", p.getMode().getSelectedTag().getIDStr(), "tags by ID, any case");
    assertFalse(p.getSelect(), "a flag switches a default of true off");
    assertTrue(p.getVerbose(), "a flag switches a default of false on");
    LinearRegression inner = assertInstanceOf(LinearRegression.class, p.getInner());
    assertEquals(0.25, inner.getRidge(), "the object's own options reach it");
    // the options used are blanked, the others left for the caller, as Utils.getOption does
    assertEquals(List.of("-other", "kept"),
        List.of(options).stream().filter(o -> !o.isEmpty()).toList());

    List<String> got = OptionBinding.get(p);
    assertEquals(List.of("-inner", "weka.classifiers.functions.LinearRegression -S 0 -R 0.25 "
        + "-num-decimal-places 4", "-count", "7", "-rate", "0.001", "-big", "-5", "-name", "x y",
        "-mode", "exact", "-no-select", "-verbose"), got);
    Probe copy = new Probe();
    OptionBinding.set(copy, got.toArray(new String[0]), "Probe");
    assertEquals(got, OptionBinding.get(copy));
  }

  @Test
  void absentOptionsReturnToTheirDefaults() throws Exception {
    Probe p = new Probe();
    OptionBinding.set(p, new String[] {"-count", "9", "-no-select", "-verbose", "-mode", "exact",
        "-inner", "weka.classifiers.functions.LinearRegression"}, "Probe");
    OptionBinding.set(p, new String[] {"-rate", "2"}, "Probe");
    assertEquals(3, p.getCount());
    assertEquals(2.0, p.getRate());
    assertTrue(p.getSelect());
    assertFalse(p.getVerbose());
    assertEquals("fast", p.getMode().getSelectedTag().getIDStr());
    assertInstanceOf(ZeroR.class, p.getInner());
    List<String> expected = new ArrayList<>(OptionBinding.get(new Probe()));
    expected.set(expected.indexOf("-rate") + 1, "2.0");
    assertEquals(expected, OptionBinding.get(p), "all but -rate at their defaults");
  }

  @Test
  void badValuesAreRefusedNamingTheOption() throws Exception {
    Exception e = assertThrows(Exception.class,
        () -> OptionBinding.set(new Probe(), new String[] {"-count", "2.5"}, "Probe"));
    assertEquals("Probe: option -count needs an integer from -2147483648 to 2147483647, got "
        + "'2.5'", e.getMessage());
    e = assertThrows(Exception.class,
        () -> OptionBinding.set(new Probe(), new String[] {"-count", "2147483648"}, "Probe"));
    assertEquals("Probe: option -count needs an integer from -2147483648 to 2147483647, got "
        + "'2147483648'", e.getMessage());
    e = assertThrows(Exception.class,
        () -> OptionBinding.set(new Probe(), new String[] {"-count", "many"}, "Probe"));
    assertEquals("Probe: option -count needs an integer, got 'many'", e.getMessage());
    Probe exact = new Probe();
    OptionBinding.set(exact, new String[] {"-count", "1e3", "-big", "2.0E10"}, "Probe");
    assertEquals(1000, exact.getCount(), "an integer written as an exact decimal");
    assertEquals(20_000_000_000L, exact.getBig());
    e = assertThrows(Exception.class,
        () -> OptionBinding.set(new Probe(), new String[] {"-rate", "fast"}, "Probe"));
    assertEquals("Probe: option -rate needs a number, got 'fast'", e.getMessage());
    e = assertThrows(Exception.class,
        () -> OptionBinding.set(new Probe(), new String[] {"-mode", "medium"}, "Probe"));
    assertEquals("Probe: option -mode must be one of fast, exact, got 'medium'", e.getMessage());
    e = assertThrows(Exception.class,
        () -> OptionBinding.set(new Probe(), new String[] {"-count", "-4"}, "Probe"));
    assertEquals("Probe: -count must be >= 0, got -4", e.getMessage(), "the setter's refusal");
    e = assertThrows(Exception.class,
        () -> OptionBinding.set(new Probe(), new String[] {"-rate", "-1"}, "Probe"));
    assertEquals("Probe: option -rate: the rate must be >= 0, got -1.0", e.getMessage(),
        "a setter's refusal that does not name the option gets its name");
    e = assertThrows(Exception.class,
        () -> OptionBinding.set(new Probe(), new String[] {"-rate", "-11"}, "Probe"));
    assertEquals("Probe: option -rate: below the -rate-limit of -10, got -11.0",
        e.getMessage(), "another option's name that begins with this one's does not name it");
    e = assertThrows(Exception.class,
        () -> OptionBinding.set(new Probe(), new String[] {"-rate", ""}, "Probe"));
    assertEquals("Probe: option -rate needs a number, got ''", e.getMessage(),
        "an empty number is refused, not read as the default");
    e = assertThrows(Exception.class,
        () -> OptionBinding.set(new Probe(), new String[] {"-name", ""}, "Probe"));
    assertEquals("Probe: option -name needs a value, got ''", e.getMessage());
    e = assertThrows(Exception.class, () -> OptionBinding.set(new Probe(),
        new String[] {"-inner", "weka.classifiers.NoSuch"}, "Probe"));
    assertEquals("Probe: option -inner cannot make 'weka.classifiers.NoSuch': no such class; "
        + "expected the name of a class of type Classifier, then its options", e.getMessage());
  }

  @Test
  void listGivesEachOptionWrappedWithItsDefault() {
    List<Option> listed = java.util.Collections.list(OptionBinding.list(new Probe()).elements());
    assertEquals(8, listed.size());
    assertEquals(List.of("inner", "count", "rate", "big", "name", "mode", "no-select", "verbose"),
        listed.stream().map(Option::name).toList());
    Option rate = listed.get(2);
    assertEquals(1, rate.numArguments());
    assertEquals("-rate <num>", rate.synopsis());
    String[] lines = rate.description().split("\n");
    assertTrue(lines.length >= 3, rate.description());
    for (String line : lines) {
      assertTrue(line.startsWith("\t") && line.length() <= 73, "'" + line + "'");
    }
    assertEquals("\t(default 0.5)", lines[lines.length - 1]);
    assertEquals("The rate, a long description that needs more than one line of "
        + "seventy-two characters to be shown in a terminal window without running past its "
        + "edge.", String.join(" ", java.util.Arrays.stream(lines, 0, lines.length - 1)
            .map(String::trim).toList()), "the words kept in order");
    Option flag = listed.get(6);
    assertEquals(0, flag.numArguments());
    assertEquals("\tTurns selection off.", flag.description(), "a flag has no default shown");
    assertEquals("\tThe mode.\n\t(default fast)", listed.get(5).description());
    assertEquals("\tAnother classifier.\n\t(default weka.classifiers.rules.ZeroR)",
        listed.get(0).description());
  }
}
