package swatnn.pkg;

import java.awt.BorderLayout;
import java.awt.Component;
import java.awt.Container;
import java.awt.Window;
import java.io.File;
import java.util.function.Predicate;
import javax.swing.AbstractButton;
import javax.swing.JDialog;
import javax.swing.JFileChooser;
import javax.swing.JFrame;
import javax.swing.JLabel;
import javax.swing.JOptionPane;
import javax.swing.JTabbedPane;
import javax.swing.JTextArea;
import javax.swing.JTextField;
import javax.swing.SwingUtilities;
import javax.swing.text.JTextComponent;
import weka.gui.GenericObjectEditor;
import weka.gui.LookAndFeel;
import weka.gui.experiment.Experimenter;

/**
 * Drives Weka's Experimenter the way a user does (run under Xvfb with the package installed and
 * $WEKA_HOME/props/DatabaseUtils.props copied from the package): clicks Setup's "Open...",
 * chooses the .exp file in the file chooser, answers the Simple mode's "Confirm conversion"
 * question with No (Weka then shows the Advanced setup with every setting kept), opens the
 * "Hosts" dialog and captures the window with the dialog. With a JDBC URL as third argument it
 * then presses Start on the Run tab, waits for the run to finish, prints the Run tab's log, and
 * reads the results back on the Analyse tab through "Database..." (the URL typed into Weka's
 * connection dialog), printing what the Analyse tab shows. Every button is pressed with
 * doClick on the real Swing component, every dialog is Weka's own.
 *
 * <p>Arguments: the .exp file, the PNG to write, optionally the JDBC URL and the longest wait
 * for the run in seconds (default 900). With -Dshots=DIR it also captures the conversion
 * question, the Run tab and the Analyse tab there. The Analyse tab needs the HSQLDB driver on
 * Weka's class path (Weka's DatabaseUtils does not see the package's lib/ jars).
 */
public final class ExperimenterScreenshot {
  private ExperimenterScreenshot() {}

  public static void main(String[] args) throws Exception {
    File exp = new File(args[0]).getAbsoluteFile();
    File png = new File(args[1]);
    String dbUrl = args.length > 2 ? args[2] : null;
    long runTimeout = args.length > 3 ? Long.parseLong(args[3]) : 900;

    weka.core.WekaPackageManager.loadPackages(false, true, false);
    GenericObjectEditor.determineClasses();
    LookAndFeel.setLookAndFeel();
    Experimenter experimenter = new Experimenter(false);
    JFrame frame = new JFrame("Weka Experiment Environment");
    SwingUtilities.invokeAndWait(() -> {
      frame.getContentPane().setLayout(new BorderLayout());
      frame.getContentPane().add(experimenter, BorderLayout.CENTER);
      frame.setSize(1100, 720);
      frame.setLocation(0, 0);
      frame.setVisible(true);
    });
    Thread.sleep(1500);

    // Setup -> Open...
    SwingFinder.click(button(frame, "Open..."));
    JFileChooser chooser = (JFileChooser) SwingFinder.waitFor(c -> c instanceof JFileChooser && c.isShowing(), 20);
    SwingUtilities.invokeAndWait(() -> {
      chooser.setSelectedFile(exp);
      chooser.approveSelection();
    });
    System.out.println("opened " + exp + " with Setup -> Open...");

    // the Simple mode cannot show an ExplicitTestsetResultProducer: it asks whether to convert
    Component question = SwingFinder.waitForOrNull(c -> c instanceof JOptionPane && c.isShowing(), 10);
    if (question != null) {
      JOptionPane pane = (JOptionPane) question;
      System.out.println("dialog \"" + ((JDialog) SwingUtilities.getWindowAncestor(pane)).getTitle()
          + "\": " + String.valueOf(pane.getMessage()).replace('\n', ' ').trim());
      Thread.sleep(800);
      extra("experimenter-confirm-conversion.png", frame);
      SwingFinder.click(button(SwingUtilities.getWindowAncestor(pane), "No"));
      System.out.println("answered No");
    }
    Thread.sleep(2500);
    System.out.println("setup panel: " + describeSetup(frame));

    // the hosts
    SwingFinder.click(button(frame, "Hosts"));
    // Weka shows the host list in a frame of its own, "Edit host names"
    Component hostDialog = SwingFinder.waitFor(c -> c instanceof Window w && w != frame && w.isShowing(), 10);
    Thread.sleep(1200);
    SwingUtilities.invokeAndWait(() -> hostDialog.setLocation(
        frame.getX() + frame.getWidth() - hostDialog.getWidth() - 20, frame.getY() + 380));
    Thread.sleep(1200);
    SwingFinder.capture(png, frame, w -> true);
    System.out.println("wrote " + png);
    SwingUtilities.invokeAndWait(() -> ((Window) hostDialog).dispose());

    if (dbUrl == null) {
      System.exit(0);
    }

    // Run -> Start
    JTabbedPane tabs = (JTabbedPane) SwingFinder.find(frame, c -> c instanceof JTabbedPane);
    SwingUtilities.invokeAndWait(() -> tabs.setSelectedIndex(1));
    Thread.sleep(800);
    AbstractButton start = button(frame, "Start");
    System.out.println("Start enabled: " + start.isEnabled());
    SwingFinder.click(start);
    long t0 = System.currentTimeMillis();
    JTextArea log = (JTextArea) SwingFinder.find(tabs.getComponentAt(1), c -> c instanceof JTextArea);
    Thread.sleep(2000);
    // the Run tab enables Start again when the experiment has ended, however it ended
    while (!start.isEnabled() && (System.currentTimeMillis() - t0) / 1000 < runTimeout) {
      Thread.sleep(1000);
    }
    Thread.sleep(1000);
    System.out.printf("run took %.0f s; Run tab log:%n%s%n", (System.currentTimeMillis() - t0) / 1000.0,
        log.getText());
    extra("experimenter-run.png", frame);

    // Analyse -> Database...
    SwingUtilities.invokeAndWait(() -> tabs.setSelectedIndex(2));
    Thread.sleep(800);
    SwingFinder.click(button(frame, "Database..."));
    Component urlField = SwingFinder.waitFor(c -> c instanceof JTextField && c.isShowing()
        && SwingUtilities.getWindowAncestor(c) != frame, 10);
    Window dbDialog = SwingUtilities.getWindowAncestor(urlField);
    System.out.println("Database dialog URL field showed: " + ((JTextField) urlField).getText());
    SwingUtilities.invokeAndWait(() -> ((JTextField) urlField).setText(dbUrl));
    SwingFinder.click(button(dbDialog, "OK"));
    Thread.sleep(6000);
    // a list of experiments when there are several
    Component list = SwingFinder.waitForOrNull(c -> c instanceof javax.swing.JList && c.isShowing()
        && SwingUtilities.getWindowAncestor(c) != frame, 3);
    if (list != null) {
      System.out.println("experiment list: " + ((javax.swing.JList<?>) list).getModel().getSize());
      SwingFinder.click(button(SwingUtilities.getWindowAncestor(list), "Select"));
      Thread.sleep(4000);
    }
    StringBuilder labels = new StringBuilder();
    collect(tabs.getComponentAt(2), labels);
    System.out.println("Analyse tab: " + labels);
    // Comparison field: the non-zero count, then Perform test
    javax.swing.JComboBox<?> compare = (javax.swing.JComboBox<?>) SwingFinder.find(tabs.getComponentAt(2),
        c -> c instanceof javax.swing.JComboBox<?> b && b.getItemCount() > 10);
    if (compare != null) {
      SwingUtilities.invokeAndWait(() -> {
        for (int i = 0; i < compare.getItemCount(); i++) {
          if (String.valueOf(compare.getItemAt(i)).equalsIgnoreCase("measureNonZeroCount")) {
            compare.setSelectedIndex(i);
          }
        }
      });
      System.out.println("Comparison field: " + compare.getSelectedItem());
      SwingFinder.click(button(frame, "Perform test"));
      Thread.sleep(3000);
      JTextArea out = (JTextArea) SwingFinder.find(tabs.getComponentAt(2),
          c -> c instanceof JTextArea t && t.getText().contains("Tester:"));
      System.out.println("Test output:\n" + (out == null ? "(none)" : out.getText()));
    }
    extra("experimenter-analyse.png", frame);
    System.exit(0);
  }

  /** The further captures (-Dshots=DIR): the conversion question, the Run and Analyse tabs. */
  private static void extra(String name, Window frame) throws Exception {
    String dir = System.getProperty("shots");
    if (dir != null) {
      SwingFinder.capture(new File(dir, name), frame, w -> true);
    }
  }

  private static String describeSetup(JFrame frame) {
    StringBuilder sb = new StringBuilder();
    collect(frame.getContentPane(), sb);
    return sb.toString();
  }

  private static void collect(Component c, StringBuilder sb) {
    if (!c.isShowing()) {
      return;
    }
    if (c instanceof AbstractButton b && b.getText() != null && !b.getText().isEmpty()) {
      sb.append('[').append(b.getText()).append(b.isSelected() ? " *" : "").append("] ");
    } else if (c instanceof javax.swing.JCheckBox b) {
      sb.append("[checkbox").append(b.isSelected() ? " *" : "").append("] ");
    } else if (c instanceof JLabel l && l.getText() != null && !l.getText().isEmpty()) {
      sb.append(l.getText()).append(' ');
    } else if (c instanceof JTextComponent t && !(c instanceof JTextArea)) {
      sb.append('"').append(t.getText()).append("\" ");
    } else if (c instanceof javax.swing.JList<?> l) {
      sb.append("list{");
      for (int i = 0; i < l.getModel().getSize(); i++) {
        sb.append(l.getModel().getElementAt(i)).append("; ");
      }
      sb.append("} ");
    }
    if (c instanceof Container k) {
      for (Component child : k.getComponents()) {
        collect(child, sb);
      }
    }
  }


  private static AbstractButton button(Component root, String text) throws Exception {
    Component c = SwingFinder.find(root, x -> x instanceof AbstractButton b && text.equals(b.getText()) && b.isShowing());
    if (c == null) {
      throw new IllegalStateException("no button '" + text + "' showing");
    }
    return (AbstractButton) c;
  }




}
