package org.nvlab.app.desktop;

import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import javafx.scene.Node;
import javafx.scene.control.ButtonType;
import javafx.scene.control.CheckMenuItem;
import javafx.scene.control.DialogPane;
import javafx.scene.control.Label;
import javafx.scene.control.Labeled;
import javafx.scene.control.MenuBar;
import javafx.stage.Stage;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

/**
 * What the window tests share: reading on the FX thread, waiting for a condition, the tick shown,
 * dialog buttons, the menus.
 */
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

  /** The tick the window's status bar shows, or -1 while it shows "tick -". */
  static int tick(Stage stage) throws Exception {
    String t = fx(() -> ((Label) stage.getScene().lookup("#tickLabel")).getText());
    String n = t.substring(t.lastIndexOf(' ') + 1);
    return n.equals("-") ? -1 : Integer.parseInt(n);
  }

  /** A dialog's button, by its text. */
  static Node button(DialogPane dialog, String text) throws Exception {
    return fx(
        () -> {
          for (ButtonType t : dialog.getButtonTypes()) {
            if (t.getText().equals(text)) {
              return dialog.lookupButton(t);
            }
          }
          throw new AssertionError("no button " + text);
        });
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
