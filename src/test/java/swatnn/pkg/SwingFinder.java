package swatnn.pkg;

import java.awt.Component;
import java.awt.Container;
import java.awt.Rectangle;
import java.awt.Robot;
import java.awt.Toolkit;
import java.awt.Window;
import java.awt.image.BufferedImage;
import java.io.File;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Predicate;
import javax.imageio.ImageIO;
import javax.swing.JMenu;
import javax.swing.SwingUtilities;

/** Finding Swing components in the showing windows, and screenshots, for the GUI checks. */
final class SwingFinder {
  private SwingFinder() {}

  /** The first component under {@code root} (menus' items included) that {@code p} accepts. */
  static Component find(Component root, Predicate<Component> p) {
    if (p.test(root)) {
      return root;
    }
    if (root instanceof Container k) {
      Component[] children = root instanceof JMenu m ? m.getMenuComponents() : k.getComponents();
      for (Component child : children) {
        Component hit = find(child, p);
        if (hit != null) {
          return hit;
        }
      }
    }
    return null;
  }

  /** A component of any showing window that {@code p} accepts, or null after the wait. */
  static Component waitForOrNull(Predicate<Component> p, int seconds) throws Exception {
    long end = System.currentTimeMillis() + seconds * 1000L;
    while (System.currentTimeMillis() < end) {
      AtomicReference<Component> hit = new AtomicReference<>();
      SwingUtilities.invokeAndWait(() -> {
        for (Window w : Window.getWindows()) {
          if (w.isShowing() && hit.get() == null) {
            hit.set(find(w, p));
          }
        }
      });
      if (hit.get() != null) {
        return hit.get();
      }
      Thread.sleep(100);
    }
    return null;
  }

  /** As {@link #waitForOrNull}, failing when nothing turns up. */
  static Component waitFor(Predicate<Component> p, int seconds) throws Exception {
    Component c = waitForOrNull(p, seconds);
    if (c == null) {
      throw new IllegalStateException("timed out waiting for a component");
    }
    return c;
  }

  /** {@code main} and the other showing windows that {@code include} accepts, as one PNG. */
  static void capture(File png, Window main, Predicate<Window> include) throws Exception {
    Rectangle area = main.getBounds();
    for (Window w : Window.getWindows()) {
      if (w.isShowing() && w != main && include.test(w)) {
        area = area.union(w.getBounds());
      }
    }
    area = area.intersection(new Rectangle(Toolkit.getDefaultToolkit().getScreenSize()));
    BufferedImage shot = new Robot().createScreenCapture(area);
    ImageIO.write(shot, "png", png);
  }

  /** Shows {@code content} in a new frame of the given size at the screen's corner. */
  static javax.swing.JFrame show(String title, Component content, int width, int height)
      throws Exception {
    javax.swing.JFrame frame = new javax.swing.JFrame(title);
    SwingUtilities.invokeAndWait(() -> {
      frame.getContentPane().setLayout(new java.awt.BorderLayout());
      frame.getContentPane().add(content, java.awt.BorderLayout.CENTER);
      frame.setSize(width, height);
      frame.setLocation(0, 0);
      frame.setVisible(true);
    });
    return frame;
  }

  /** Presses a button on the event thread, as a user's click does. */
  static void click(javax.swing.AbstractButton b) {
    SwingUtilities.invokeLater(b::doClick);
  }
}
