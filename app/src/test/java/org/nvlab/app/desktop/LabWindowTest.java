package org.nvlab.app.desktop;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.nvlab.app.desktop.FxTests.fx;
import static org.nvlab.app.desktop.FxTests.text;
import static org.nvlab.app.desktop.FxTests.waitFor;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;
import javafx.scene.control.DialogPane;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.scene.control.Slider;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.image.PixelReader;
import javafx.scene.image.WritableImage;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCombination;
import javafx.stage.Stage;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.nvlab.app.runs.ProjectRuns;
import org.nvlab.core.project.ProjectFiles;
import org.nvlab.core.record.RunMetadata;
import org.nvlab.core.record.RunStore;
import org.nvlab.core.record.RunStoreProvider;
import org.nvlab.core.record.RunStores;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.framework.junit5.Stop;

/**
 * The real window, driven as a person would (headless through Monocle; see app/pom.xml): open the
 * hello-vesicles sample from the list, play, pause, step, open a broken project, find every
 * shortcut of the user guide on the menus, and keep a screenshot.
 */
@ExtendWith(ApplicationExtension.class)
class LabWindowTest {
  private NvLabApp app;
  private Stage stage;

  @Start
  void start(Stage stage) {
    this.stage = stage;
    app = new NvLabApp();
    app.start(stage);
  }

  @Stop
  void stop() {
    app.stop();
  }

  @AfterEach
  void closeDialogs() throws Exception {
    FxToolkit.cleanupStages();
  }

  @Test
  void playRunsTheSampleAndPauseHoldsItStill(FxRobot robot) throws Exception {
    openHello(robot);
    assertEquals(0, tick(robot));
    long population0 = population(robot);

    robot.clickOn("#playButton");
    waitFor(10, () -> tick(robot) > 20);
    robot.clickOn("#playButton");
    waitFor(5, () -> !window().service().isPlaying());
    Thread.sleep(250); // the last snapshot reaches the labels within a frame or two

    int paused = tick(robot);
    long population = population(robot);
    assertTrue(paused > 20, "tick " + paused);
    assertNotEquals(population0, population, "the population label never changed");
    assertEquals("Play", text(robot, "#playButton"));
    Thread.sleep(500);
    assertEquals(paused, tick(robot), "ticks ran after pause");
    assertEquals(population, population(robot), "vesicles moved after pause");
  }

  @Test
  void stepAdvancesExactlyOneTick(FxRobot robot) throws Exception {
    openHello(robot);
    robot.clickOn("#stepButton");
    waitFor(5, () -> tick(robot) == 1);
    Thread.sleep(300);
    assertEquals(1, tick(robot));

    robot.type(KeyCode.S); // the Run > Step accelerator
    waitFor(5, () -> tick(robot) == 2);
    Thread.sleep(300);
    assertEquals(2, tick(robot));
    assertFalse(window().service().isPlaying());
  }

  @Test
  void spaceTogglesPlayButTypingASeedRunsNothing(FxRobot robot) throws Exception {
    openHello(robot); // the sample list has the focus, and a list takes Space as "select"
    robot.type(KeyCode.SPACE);
    waitFor(5, () -> window().service().isPlaying());
    robot.type(KeyCode.SPACE);
    waitFor(5, () -> !window().service().isPlaying());
    Thread.sleep(250);
    int paused = tick(robot);

    robot.clickOn("#seedField").eraseText(3).write("12 s");
    Thread.sleep(300);
    assertEquals("12", fx(() -> robot.lookup("#seedField").queryAs(TextField.class).getText()));
    assertEquals(paused, tick(robot), "typing in the seed field stepped or played the run");
    assertFalse(window().service().isPlaying());
  }

  @Test
  void resetRebuildsTheRunWithTheSeedInTheField(FxRobot robot) throws Exception {
    openHello(robot);
    robot.clickOn("#stepButton").clickOn("#stepButton");
    waitFor(5, () -> tick(robot) == 2);

    robot.clickOn("#seedField").eraseText(3).write("12").type(KeyCode.ENTER);
    waitFor(10, () -> text(robot, "#messageLabel").contains("with seed 12"));
    waitFor(5, () -> tick(robot) == 0);
    assertEquals(Samples.hello(), window().projectFolder());
    assertEquals("12", fx(() -> robot.lookup("#seedField").queryAs(TextField.class).getText()));
  }

  @Test
  void aRunRecordedFromTheWindowIsInTheProjectsRunStore(FxRobot robot, @TempDir Path dir)
      throws Exception {
    Path copy = Files.createDirectory(dir.resolve("hello-vesicles.nvlab"));
    Files.copy(Samples.hello().resolve("project.json"), copy.resolve("project.json"));
    robot.interact(() -> window().open(copy));
    waitFor(10, () -> copy.equals(window().projectFolder()) && tick(robot) == 0);
    robot.clickOn("#stepButton").clickOn("#stepButton").clickOn("#stepButton");
    waitFor(5, () -> tick(robot) == 3);

    robot.interact(() -> window().recordRun());
    waitFor(30, () -> text(robot, "#messageLabel").startsWith("Recorded run"));
    assertEquals(
        "Recorded run 1 (3 ticks, seed 7) in hello-vesicles.nvlab/runs",
        text(robot, "#messageLabel"));
    try (RunStore store = RunStores.open(copy, RunStoreProvider.Access.READ_ONLY)) {
      RunMetadata run = store.runs().get(0);
      assertEquals(3, run.ticks());
      assertEquals(ProjectRuns.sha256(copy.resolve("project.json")), run.projectSha256());
      assertTrue(store.metricRows(run.id()) > 3 * 10, "rows: " + store.metricRows(run.id()));
    }
  }

  @Test
  void aSharedZipOpensAndRunsLikeItsFolder(FxRobot robot, @TempDir Path dir) throws Exception {
    Path zip = dir.resolve("hello-vesicles.nvlab.zip");
    ProjectFiles.pack(Samples.hello(), zip, false);
    robot.interact(() -> window().open(zip));
    waitFor(10, () -> zip.equals(window().projectFolder()) && tick(robot) == 0);
    assertTrue(fx(stage::getTitle).endsWith("hello-vesicles"), fx(stage::getTitle));
    robot.clickOn("#stepButton");
    waitFor(5, () -> tick(robot) == 1);
  }

  @Test
  void aBrokenProjectShowsItsProblemsAndKeepsTheOpenOne(FxRobot robot, @TempDir Path dir)
      throws Exception {
    openHello(robot);
    robot.clickOn("#stepButton");
    waitFor(5, () -> tick(robot) == 1);
    Path broken = Samples.write(dir.resolve("broken.nvlab"), Samples.BROKEN);

    robot.interact(() -> window().open(broken));
    waitFor(10, () -> robot.lookup("#problemsDialog").tryQuery().isPresent());

    DialogPane dialog = robot.lookup("#problemsDialog").queryAs(DialogPane.class);
    String problems =
        fx(() -> robot.from(dialog).lookup("#problemsText").queryAs(TextArea.class).getText());
    String header = fx(dialog::getHeaderText);
    assertTrue(problems.contains("project.json:/vesicleTypes/0/kernel/temperature"), problems);
    assertTrue(problems.contains("/host/graph/layers"), problems);
    assertEquals(3, problems.lines().count(), problems);
    assertTrue(
        header.contains("3 problems") && header.contains("hello-vesicles stays open"), header);
    robot.clickOn((Node) fx(() -> dialog.lookupButton(ButtonType.OK)));
    waitFor(5, () -> robot.lookup("#problemsDialog").tryQuery().isEmpty());

    assertEquals(Samples.hello(), window().projectFolder());
    assertTrue(fx(stage::getTitle).contains("hello-vesicles"));
    assertEquals(1, tick(robot));
    assertFalse(fx(() -> robot.lookup("#playButton").queryAs(Button.class).isDisabled()));
    robot.clickOn("#stepButton");
    waitFor(5, () -> tick(robot) == 2);
  }

  @Test
  void aRunThatDivergesPausesAndShowsTheEnginesMessage(FxRobot robot, @TempDir Path dir)
      throws Exception {
    Path diverging = Samples.write(dir.resolve("diverging.nvlab"), Samples.DIVERGING);
    robot.interact(() -> window().open(diverging));
    waitFor(10, () -> diverging.equals(window().projectFolder()) && tick(robot) == 0);
    robot.clickOn("#playButton");
    waitFor(10, () -> robot.lookup("#failureDialog").tryQuery().isPresent());

    DialogPane dialog = robot.lookup("#failureDialog").queryAs(DialogPane.class);
    String body = fx(() -> ((Label) dialog.getContent()).getText());
    assertTrue(body.startsWith("tick ") && body.contains("Infinity"), body);
    assertFalse(window().service().isPlaying());
    assertEquals("Play", text(robot, "#playButton"));
    // The last tick is published again when a run fails: that must not wipe the chart.
    Thread.sleep(2L * org.nvlab.viz.chart.MetricsChart.REPAINT_MILLIS);
    assertTrue(
        fx(() -> window().chart().charts().get(0).pointCount(0)) > 10, "the chart lost the run");
    robot.clickOn((Node) fx(() -> dialog.lookupButton(ButtonType.OK)));
  }

  @Test
  void aScreenshotOfTheRunningSampleIsNotBlank(FxRobot robot) throws Exception {
    openHello(robot);
    Slider speed = robot.lookup("#speedSlider").queryAs(Slider.class);
    robot.interact(() -> speed.setValue(RunControls.SPEEDS.length - 2)); // 1000 ticks/s
    robot.clickOn("#playButton");
    waitFor(10, () -> tick(robot) > 150);

    WritableImage image = fx(() -> stage.getScene().snapshot(null));
    robot.clickOn("#playButton");

    BufferedImage png = toBufferedImage(image);
    Path out = Samples.moduleDir().resolve("target/screenshots/main-window.png");
    Files.createDirectories(out.getParent());
    ImageIO.write(png, "png", out.toFile());
    assertTrue(Files.size(out) > 10_000, "tiny PNG: " + Files.size(out) + " bytes");

    Set<Integer> colours = new HashSet<>();
    double sum = 0;
    double sumSq = 0;
    int n = png.getWidth() * png.getHeight();
    for (int y = 0; y < png.getHeight(); y++) {
      for (int x = 0; x < png.getWidth(); x++) {
        int rgb = png.getRGB(x, y) & 0xffffff;
        colours.add(rgb);
        double lum = 0.3 * (rgb >> 16) + 0.59 * ((rgb >> 8) & 0xff) + 0.11 * (rgb & 0xff);
        sum += lum;
        sumSq += lum * lum;
      }
    }
    double std = Math.sqrt(sumSq / n - (sum / n) * (sum / n));
    assertTrue(colours.size() > 200, "only " + colours.size() + " colours");
    assertTrue(std > 5, "luminance barely varies: std " + std);
  }

  @Test
  void everyShortcutOfTheUserGuidesKeyboardTableIsOnAMenuOrTheWindow(FxRobot robot)
      throws Exception {
    Path guide = Samples.moduleDir().getParent().resolve("docs/user-guide.md");
    List<String> rows =
        Files.readAllLines(guide).stream()
            .dropWhile(l -> !l.equals("| keys | action |"))
            .skip(2)
            .takeWhile(l -> l.startsWith("|"))
            .toList();
    Set<KeyCombination> shortcuts =
        new HashSet<>(fx(() -> stage.getScene().getAccelerators().keySet()));
    MenuBar bar = robot.lookup("#menuBar").queryAs(MenuBar.class);
    for (Menu m : fx(bar::getMenus)) {
      addShortcuts(m, shortcuts);
    }
    int keys = 0;
    for (String row : rows) {
      for (String key : row.split("\\|")[1].split("[,/]")) {
        KeyCombination k = KeyCombination.valueOf(key.strip().replace("Ctrl", "Shortcut"));
        assertTrue(shortcuts.contains(k), key.strip() + " (" + row + ") is on no menu item");
        keys++;
      }
    }
    assertTrue(keys >= 16, "the guide's table lists only " + keys + " keys: " + rows);
  }

  // ---- helpers ----

  private LabWindow window() {
    return app.window();
  }

  /** Opens hello-vesicles by double-clicking it in the sample list, as a person would. */
  private void openHello(FxRobot robot) throws Exception {
    Node cell =
        robot
            .lookup((Node n) -> n instanceof ListCell<?> c && "hello-vesicles".equals(c.getText()))
            .query();
    robot.doubleClickOn(cell);
    waitFor(10, () -> Samples.hello().equals(window().projectFolder()) && tick(robot) == 0);
  }

  /** The accelerators of a menu's items, sub-menus included. */
  private static void addShortcuts(Menu menu, Set<KeyCombination> into) {
    for (MenuItem item : menu.getItems()) {
      if (item.getAccelerator() != null) {
        into.add(item.getAccelerator());
      }
      if (item instanceof Menu sub) {
        addShortcuts(sub, into);
      }
    }
  }

  private static int tick(FxRobot robot) throws Exception {
    return (int) number(text(robot, "#tickLabel"));
  }

  private static long population(FxRobot robot) throws Exception {
    return number(text(robot, "#populationLabel"));
  }

  /** The number after the label's word ("tick 12" -> 12), or -1 while it shows "-". */
  private static long number(String text) {
    String n = text.substring(text.lastIndexOf(' ') + 1);
    return n.equals("-") ? -1 : Long.parseLong(n);
  }

  private static BufferedImage toBufferedImage(WritableImage image) {
    int w = (int) image.getWidth();
    int h = (int) image.getHeight();
    BufferedImage out = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
    PixelReader r = image.getPixelReader();
    for (int y = 0; y < h; y++) {
      for (int x = 0; x < w; x++) {
        out.setRGB(x, y, r.getArgb(x, y));
      }
    }
    return out;
  }
}
