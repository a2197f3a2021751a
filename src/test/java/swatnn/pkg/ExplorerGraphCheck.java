package swatnn.pkg;

import java.awt.Component;
import java.awt.Container;
import java.awt.Dimension;
import java.awt.Point;
import java.awt.Rectangle;
import java.awt.Robot;
import java.awt.Window;
import java.awt.event.InputEvent;
import java.io.File;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.lang.reflect.Field;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;
import javax.swing.AbstractButton;
import javax.swing.JFrame;
import javax.swing.JLabel;
import javax.swing.JList;
import javax.swing.JPopupMenu;
import javax.swing.JScrollPane;
import javax.swing.JTabbedPane;
import javax.swing.JTextArea;
import javax.swing.SwingUtilities;
import weka.classifiers.Classifier;
import weka.core.OptionHandler;
import weka.core.Utils;
import weka.core.converters.ConverterUtils.DataSource;
import weka.gui.GenericObjectEditor;
import weka.gui.LogPanel;
import weka.gui.explorer.ClassifierPanel;
import weka.gui.explorer.Explorer;
import weka.gui.graphvisualizer.GraphVisualizer;

/**
 * Checks SWATNNRegressor in Weka's Explorer the way a user meets it (run under Xvfb with the
 * package installed): the Classify tab, "Use training set", Start; the status bar's messages
 * during the build; Stop during a build (how long until the Explorer is idle again and the
 * JVM's CPU use falls); the model text; then a real right-click (java.awt.Robot) on the result
 * list, "Visualize graph", and a capture of Weka's graph visualizer window, with the nodes'
 * positions and clicks on units. Arguments: the ARFF file, the PNG of the graph window, then
 * SWATNNRegressor's options as one string. -DstopAfterMs=N: press Stop once the status bar
 * shows the search's steps and N ms have passed (default 4000); -Dshots=DIR: further captures.
 */
public final class ExplorerGraphCheck {
  private ExplorerGraphCheck() {}

  public static void main(String[] args) throws Exception {
    File png = new File(args[1]);
    // further captures (after Stop, the result list's menu, the units' tables): -Dshots=DIR
    File dir = System.getProperty("shots") == null ? null : new File(System.getProperty("shots"));
    String options = args.length > 2 ? args[2] : "";
    weka.core.WekaPackageManager.loadPackages(false, true, false);
    GenericObjectEditor.determineClasses();
    Explorer explorer = new Explorer();
    JFrame frame = SwingFinder.show("Weka Explorer", explorer, 1100, 760);
    explorer.getPreprocessPanel().setInstances(DataSource.read(args[0]));
    Classifier classifier = (Classifier) weka.core.WekaPackageClassLoaderManager
        .forName("weka.classifiers.functions.SWATNNRegressor").getDeclaredConstructor().newInstance();
    ((OptionHandler) classifier).setOptions(Utils.splitOptions(options));
    JTabbedPane tabs = explorer.getTabbedPane();
    ClassifierPanel panel = null;
    for (int i = 0; i < tabs.getTabCount(); i++) {
      if (tabs.getComponentAt(i) instanceof ClassifierPanel p) {
        panel = p;
        final int index = i;
        SwingUtilities.invokeAndWait(() -> tabs.setSelectedIndex(index));
      }
    }
    Field editor = ClassifierPanel.class.getDeclaredField("m_ClassifierEditor");
    editor.setAccessible(true);
    ((GenericObjectEditor) editor.get(panel)).setValue(classifier);
    Thread.sleep(1000);
    SwingFinder.click(button(panel, "Use training set"));
    Thread.sleep(500);
    JLabel status = statusLabel(frame);
    AbstractButton start = button(panel, "Start");
    AbstractButton stop = button(panel, "Stop");
    ThreadMXBean threads = ManagementFactory.getThreadMXBean();

    // (b) Stop during a build
    SwingFinder.click(start);
    long t0 = System.currentTimeMillis();
    Set<String> seen = new LinkedHashSet<>();
    while (System.currentTimeMillis() - t0 < 15000) {
      seen.add(status.getText());
      if (seen.stream().anyMatch(s -> s.toLowerCase().contains("step"))
          && System.currentTimeMillis() - t0 > Long.getLong("stopAfterMs", 4000)) {
        break;
      }
      Thread.sleep(100);
    }
    System.out.println("status texts before Stop: " + seen);
    System.out.printf("CPU before Stop: %.2f cores%n", cpu(threads, 500));
    Field runThreadField = ClassifierPanel.class.getDeclaredField("m_RunThread");
    runThreadField.setAccessible(true);
    Thread runThread = (Thread) runThreadField.get(panel);
    System.out.println("Stop enabled: " + stop.isEnabled() + "; the Explorer's build thread "
        + (runThread == null ? "none" : runThread.getName() + " " + runThread.getState()
        + " at " + top(runThread, 6)));
    long s0 = System.currentTimeMillis();
    SwingFinder.click(stop);
    Thread.sleep(300);
    System.out.println("300 ms after Stop, the build thread: " + (runThread == null ? "none"
        : runThread.getState() + " alive=" + runThread.isAlive() + " at " + top(runThread, 12)));
    while (!start.isEnabled() && System.currentTimeMillis() - s0 < 30000) {
      Thread.sleep(20);
    }
    System.out.printf("Start enabled again %d ms after Stop; status: %s%n",
        System.currentTimeMillis() - s0, status.getText());
    Thread.sleep(300);
    System.out.printf("CPU 0.3-1.3 s after Stop: %.2f cores%n", cpu(threads, 1000));
    System.out.printf("CPU 2.3-3.3 s after Stop: %.2f cores%n", sleepThenCpu(threads, 1000, 1000));
    JTextArea out = outText(panel);
    System.out.println("output after Stop (last 400 chars): "
        + tail(out.getText(), 400));
    if (dir != null) {
      capture(new File(dir, "explorer-after-stop.png"), frame);
    }

    // (a) a full build with the status bar's messages, (c) the model text
    seen.clear();
    SwingFinder.click(start);
    t0 = System.currentTimeMillis();
    Thread.sleep(300);
    while (!start.isEnabled() && System.currentTimeMillis() - t0 < 900_000) {
      seen.add(status.getText());
      Thread.sleep(100);
    }
    seen.add(status.getText());
    System.out.printf("build took %.1f s; status texts: %s%n", (System.currentTimeMillis() - t0) / 1000.0,
        seen);
    System.out.println("=== output ===\n" + out.getText() + "\n=== end output ===");

    // (d) right-click the result, Visualize graph
    JList<?> history = (JList<?>) SwingFinder.find(panel, c -> c instanceof JList<?> l && l.getModel().getSize() > 0
        && l.isShowing());
    int last = history.getModel().getSize() - 1;
    Rectangle cell = history.getCellBounds(last, last);
    Point p = new Point(cell.x + 20, cell.y + cell.height / 2);
    SwingUtilities.convertPointToScreen(p, history);
    Robot robot = new Robot();
    robot.mouseMove(p.x, p.y);
    robot.mousePress(InputEvent.BUTTON1_DOWN_MASK);
    robot.mouseRelease(InputEvent.BUTTON1_DOWN_MASK);
    Thread.sleep(500);
    robot.mousePress(InputEvent.BUTTON3_DOWN_MASK);
    robot.mouseRelease(InputEvent.BUTTON3_DOWN_MASK);
    JPopupMenu menu = (JPopupMenu) SwingFinder.waitFor(c -> c instanceof JPopupMenu && c.isShowing(), 10);
    List<String> items = new ArrayList<>();
    for (Component c : menu.getComponents()) {
      if (c instanceof AbstractButton b) {
        items.add(b.getText() + (b.isEnabled() ? "" : " (disabled)"));
      }
    }
    System.out.println("result list menu: " + items);
    Thread.sleep(500);
    if (dir != null) {
      capture(new File(dir, "explorer-menu.png"), frame);
    }
    SwingFinder.click(button(menu, "Visualize graph"));
    GraphVisualizer gv = (GraphVisualizer) SwingFinder.waitFor(c -> c instanceof GraphVisualizer && c.isShowing(), 20);
    Window graphWindow = SwingUtilities.getWindowAncestor(gv);
    Thread.sleep(2500);
    System.out.println("graph window: " + ((JFrame) graphWindow).getTitle() + " " + graphWindow.getBounds());
    JScrollPane scroll = (JScrollPane) SwingFinder.find(gv, c -> c instanceof JScrollPane);
    Dimension view = scroll.getViewport().getExtentSize();
    Dimension content = scroll.getViewport().getView().getPreferredSize();
    System.out.println("graph viewport " + view + ", graph panel " + content
        + (content.width > view.width || content.height > view.height ? " (does not fit: scroll bars)" : " (fits)"));
    Field nodesField = GraphVisualizer.class.getDeclaredField("m_nodes");
    nodesField.setAccessible(true);
    List<?> nodes = (List<?>) nodesField.get(gv);
    StringBuilder sb = new StringBuilder();
    for (Object n : nodes) {
      weka.gui.graphvisualizer.GraphNode g = (weka.gui.graphvisualizer.GraphNode) n;
      sb.append(String.format("%n  %-12s x=%4d y=%4d", g.lbl, g.x, g.y));
    }
    System.out.println("nodes (label, position):" + sb);
    capture(png, graphWindow);
    System.out.println("wrote " + png);

    // click units (the output, a unit of the last hidden layer, one of the first): Weka shows
    // the node's table, whose outcome is the unit's equation
    Component graphPanel = scroll.getViewport().getView();
    Field h = GraphVisualizer.class.getDeclaredField("nodeHeight");
    h.setAccessible(true);
    Field pad = GraphVisualizer.class.getDeclaredField("paddedNodeWidth");
    pad.setAccessible(true);
    int nodeH = (Integer) h.get(gv);
    int padW = (Integer) pad.get(gv);
    List<weka.gui.graphvisualizer.GraphNode> toClick = new ArrayList<>();
    for (int i = nodes.size() - 1; i >= 0 && toClick.size() < 2; i--) {
      toClick.add((weka.gui.graphvisualizer.GraphNode) nodes.get(i));
    }
    for (Object n : nodes) {
      weka.gui.graphvisualizer.GraphNode g = (weka.gui.graphvisualizer.GraphNode) n;
      if (g.lbl.startsWith("h1.")) {
        toClick.add(g);
        break;
      }
    }
    int shot = 0;
    for (weka.gui.graphvisualizer.GraphNode g : toClick) {
      // a graph smaller than its panel is drawn centred (GraphVisualizer's GraphPanel)
      Dimension pref = graphPanel.getPreferredSize();
      int ox = Math.max(0, graphPanel.getWidth() / 2 - pref.width / 2);
      int oy = Math.max(0, graphPanel.getHeight() / 2 - pref.height / 2);
      Point q = new Point(ox + g.x + padW / 2, oy + g.y + nodeH / 2);
      SwingUtilities.convertPointToScreen(q, graphPanel);
      robot.mouseMove(q.x, q.y);
      robot.mousePress(InputEvent.BUTTON1_DOWN_MASK);
      robot.mouseRelease(InputEvent.BUTTON1_DOWN_MASK);
      Component table = SwingFinder.waitForOrNull(c -> c instanceof Window win && win.isShowing() && win != frame
          && win != graphWindow, 5);
      if (table != null) {
        Thread.sleep(800);
        StringBuilder t = new StringBuilder();
        collect(table, t);
        System.out.println("clicking unit " + g.lbl + " opened: " + t);
        if (dir != null) {
          capture(new File(dir, "explorer-graph-unit" + (++shot) + ".png"), graphWindow);
        }
        Window tw = (Window) table;
        SwingUtilities.invokeAndWait(tw::dispose);
        Thread.sleep(300);
      } else {
        System.out.println("clicking unit " + g.lbl + " opened nothing");
      }
    }
    System.exit(0);
  }

  private static double cpu(ThreadMXBean threads, long millis) throws InterruptedException {
    long before = total(threads);
    Thread.sleep(millis);
    return (total(threads) - before) / (millis * 1e6);
  }

  private static double sleepThenCpu(ThreadMXBean threads, long wait, long millis) throws InterruptedException {
    Thread.sleep(wait);
    return cpu(threads, millis);
  }

  private static long total(ThreadMXBean threads) {
    long sum = 0;
    for (long id : threads.getAllThreadIds()) {
      long t = threads.getThreadCpuTime(id);
      if (t > 0) {
        sum += t;
      }
    }
    return sum;
  }

  private static String top(Thread t, int frames) {
    StringBuilder sb = new StringBuilder();
    StackTraceElement[] st = t.getStackTrace();
    for (int i = 0; i < Math.min(frames, st.length); i++) {
      sb.append("\n      ").append(st[i]);
    }
    return sb.toString();
  }

  private static String tail(String s, int n) {
    return s.length() <= n ? s : s.substring(s.length() - n);
  }

  private static JTextArea outText(ClassifierPanel panel) throws Exception {
    Field f = ClassifierPanel.class.getDeclaredField("m_OutText");
    f.setAccessible(true);
    return (JTextArea) f.get(panel);
  }

  private static JLabel statusLabel(JFrame frame) throws Exception {
    LogPanel log = (LogPanel) SwingFinder.find(frame, c -> c instanceof LogPanel);
    Field f = LogPanel.class.getDeclaredField("m_StatusLab");
    f.setAccessible(true);
    return (JLabel) f.get(log);
  }

  private static void collect(Component c, StringBuilder sb) {
    if (c instanceof AbstractButton b && b.getText() != null && !b.getText().isEmpty()) {
      sb.append('[').append(b.getText()).append("] ");
    } else if (c instanceof JLabel l && l.getText() != null && !l.getText().isEmpty()) {
      sb.append(l.getText()).append(' ');
    } else if (c instanceof javax.swing.JTable t) {
      for (int r = 0; r < t.getRowCount(); r++) {
        sb.append("row{");
        for (int k = 0; k < t.getColumnCount(); k++) {
          sb.append(t.getColumnName(k)).append('=').append(t.getValueAt(r, k)).append("; ");
        }
        sb.append("} ");
      }
    }
    if (c instanceof Container k) {
      for (Component child : k.getComponents()) {
        collect(child, sb);
      }
    }
  }


  private static AbstractButton button(Component root, String text) {
    Component c = SwingFinder.find(root, x -> x instanceof AbstractButton b && text.equals(b.getText()));
    if (c == null) {
      throw new IllegalStateException("no button '" + text + "'");
    }
    return (AbstractButton) c;
  }





  /** {@code main} and the dialogs showing over it (not other frames), as one PNG. */
  private static void capture(File png, Window main) throws Exception {
    SwingFinder.capture(png, main,
        w -> main.getBounds().intersects(w.getBounds()) && !(w instanceof JFrame));
  }
}
