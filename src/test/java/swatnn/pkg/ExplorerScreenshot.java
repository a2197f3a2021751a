package swatnn.pkg;

import java.awt.Component;
import java.awt.Window;
import java.io.File;
import java.lang.reflect.Field;
import javax.swing.JFrame;
import javax.swing.JTabbedPane;
import javax.swing.SwingUtilities;
import weka.core.converters.ConverterUtils.DataSource;
import weka.gui.GenericObjectEditor;
import weka.gui.PropertyPanel;
import weka.gui.explorer.ClassifierPanel;
import weka.gui.explorer.Explorer;

/**
 * Takes the README's screenshot (run under Xvfb with the package installed): Weka's Explorer
 * on a CORNN task, the Classify tab with SWATNNRegressor chosen and its options dialog open.
 * Arguments: the ARFF file, the PNG to write.
 */
public final class ExplorerScreenshot {
  private ExplorerScreenshot() {}

  public static void main(String[] args) throws Exception {
    weka.core.WekaPackageManager.loadPackages(false, true, false);
    GenericObjectEditor.determineClasses();
    Explorer explorer = new Explorer();
    JFrame frame = SwingFinder.show("Weka Explorer", explorer, 1100, 760);
    explorer.getPreprocessPanel().setInstances(DataSource.read(args[0]));
    Object classifier = weka.core.WekaPackageClassLoaderManager
        .forName("weka.classifiers.functions.SWATNNRegressor").getDeclaredConstructor().newInstance();
    JTabbedPane tabs = explorer.getTabbedPane();
    ClassifierPanel panel = null;
    for (int i = 0; i < tabs.getTabCount(); i++) {
      Component c = tabs.getComponentAt(i);
      if (c instanceof ClassifierPanel) {
        panel = (ClassifierPanel) c;
        final int index = i;
        SwingUtilities.invokeAndWait(() -> tabs.setSelectedIndex(index));
      }
    }
    if (panel == null) {
      throw new IllegalStateException("no Classify tab");
    }
    Field editor = ClassifierPanel.class.getDeclaredField("m_ClassifierEditor");
    editor.setAccessible(true);
    ((GenericObjectEditor) editor.get(panel)).setValue(classifier);
    Field propertyPanel = ClassifierPanel.class.getDeclaredField("m_CEPanel");
    propertyPanel.setAccessible(true);
    PropertyPanel pp = (PropertyPanel) propertyPanel.get(panel);
    Thread.sleep(1500);
    SwingUtilities.invokeLater(pp::showPropertyDialog);
    Thread.sleep(2500);
    for (Window w : Window.getWindows()) {
      if (w != frame && w.isShowing()) {
        SwingUtilities.invokeAndWait(() -> w.setLocation(560, 70));
      }
    }
    Thread.sleep(1000);
    SwingFinder.capture(new File(args[1]), frame, w -> true);
    System.out.println("wrote " + args[1]);
    System.exit(0);
  }
}
