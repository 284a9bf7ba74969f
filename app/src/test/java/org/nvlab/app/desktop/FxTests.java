package org.nvlab.app.desktop;

import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import javafx.scene.Node;
import javafx.scene.control.CheckMenuItem;
import javafx.scene.control.Labeled;
import javafx.scene.control.MenuBar;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

/** What the window tests share: reading on the FX thread, waiting for a condition, the menus. */
final class FxTests {
  private FxTests() {}

  /** Runs c on the FX thread and returns its value (at most 10 s). */
  static <T> T fx(Callable<T> c) throws Exception {
    return WaitForAsyncUtils.asyncFx(c).get(10, TimeUnit.SECONDS);
  }

  /** Polls a condition until it holds, failing after the given seconds. */
  static void waitFor(int seconds, Callable<Boolean> condition) throws Exception {
    WaitForAsyncUtils.waitFor(seconds, TimeUnit.SECONDS, condition);
  }

  /** The text of a label or button found by a query. */
  static String text(FxRobot robot, String query) throws Exception {
    Node node = robot.lookup(query).query();
    return fx(() -> ((Labeled) node).getText());
  }

  /** A check item of the window's menus (View panels and the like), by id. */
  static CheckMenuItem menuItem(FxRobot robot, String id) {
    MenuBar bar = robot.lookup("#menuBar").queryAs(MenuBar.class);
    for (var menu : bar.getMenus()) {
      for (var item : menu.getItems()) {
        if (id.equals(item.getId()) && item instanceof CheckMenuItem c) {
          return c;
        }
      }
    }
    throw new AssertionError("no menu item " + id);
  }
}
