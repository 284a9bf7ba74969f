package org.nvlab.app.desktop;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.nvlab.app.desktop.FxTests.button;
import static org.nvlab.app.desktop.FxTests.fx;
import static org.nvlab.app.desktop.FxTests.menuItem;
import static org.nvlab.app.desktop.FxTests.tick;
import static org.nvlab.app.desktop.FxTests.waitFor;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javafx.application.Platform;
import javafx.scene.control.DialogPane;
import javafx.scene.control.Label;
import javafx.scene.control.Spinner;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.nvlab.core.project.CanonicalJson;
import org.nvlab.core.project.ProjectFiles;
import org.nvlab.core.snapshot.Snapshot;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.framework.junit5.Stop;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Projects in the window: new, save as, reopen, recent, autosave and recovery after a crash,
 * unsaved changes asked about, panels shown and hidden, drawing every N ticks, and a long load
 * cancelled from the status bar. Each test has its own configuration folder.
 */
@ExtendWith(ApplicationExtension.class)
class WorkspaceProjectsTest {
  private LabWindow window;
  private Stage stage;
  private Path config;

  @Start
  void start(Stage stage) throws Exception {
    this.stage = stage;
    config = Files.createTempDirectory("nvlab-config");
    window =
        new LabWindow(
            stage,
            new SimulationService(2),
            Samples.hello().getParent(),
            new LabPreferences(config));
    window.show();
  }

  @Stop
  void stop() {
    window.close();
  }

  @AfterEach
  void closeDialogs() throws Exception {
    FxToolkit.cleanupStages();
  }

  @Test
  void aNewProjectRunsAndSaveAsWritesAProjectThatReopensTheSame(FxRobot robot, @TempDir Path dir)
      throws Exception {
    robot.interact(() -> window.newProject());
    waitFor(10, () -> window.session() != null && tick(stage) == 0);
    assertTrue(fx(stage::getTitle).endsWith("untitled *"), fx(stage::getTitle));
    robot.clickOn("#stepButton").clickOn("#stepButton");
    waitFor(5, () -> tick(stage) == 2);

    robot.interact(() -> window.saveAs(dir.resolve("my-experiment")));
    Path folder = dir.resolve("my-experiment.nvlab");
    waitFor(10, () -> message().startsWith("Saved"));
    assertTrue(fx(stage::getTitle).endsWith("my-experiment"), fx(stage::getTitle));
    String saved = Files.readString(folder.resolve("project.json"));
    assertEquals(CanonicalJson.write(window.session().tree()), saved);
    ObjectNode view = ProjectFiles.load(folder).view();
    assertTrue(view.path("panels").path("charts").asBoolean(), view.toString());
    assertFalse(saved.contains("panels"), "view state stays out of project.json");

    robot.interact(() -> window.open(folder));
    waitFor(10, () -> folder.equals(window.projectFolder()) && tick(stage) == 0);
    assertEquals(saved, CanonicalJson.write(window.session().tree()));
    assertFalse(window.session().dirty());
    assertTrue(new LabPreferences(config).recent().contains(folder), "in the recent list");
  }

  @Test
  void anEditMarksTheProjectUnsavedAndSaveWritesWhatWasEdited(FxRobot robot, @TempDir Path dir)
      throws Exception {
    Path folder = dir.resolve("edited.nvlab");
    org.nvlab.core.project.ProjectFiles.save(
        folder, ProjectFiles.load(Samples.hello()).tree(), null);
    robot.interact(() -> window.open(folder));
    waitFor(10, () -> window.session() != null && folder.equals(window.projectFolder()));
    assertFalse(fx(stage::getTitle).endsWith("*"), fx(stage::getTitle));

    robot.interact(
        () ->
            assertTrue(
                window
                    .session()
                    .document()
                    .apply(
                        new org.nvlab.core.edit.ProjectEdit.Set(
                            "/seed",
                            com.fasterxml.jackson.databind.node.LongNode.valueOf(4242),
                            "seed"))
                    .applied()));
    assertTrue(fx(() -> window.session().dirty()));
    assertTrue(fx(stage::getTitle).endsWith(" *"), fx(stage::getTitle));

    robot.press(KeyCode.CONTROL, KeyCode.S).release(KeyCode.S, KeyCode.CONTROL);
    waitFor(10, () -> message().startsWith("Saved"));
    assertFalse(fx(() -> window.session().dirty()));
    assertFalse(fx(stage::getTitle).endsWith("*"), fx(stage::getTitle));
    assertEquals(4242, ProjectFiles.load(folder).spec().seed());

    // Undo after saving: unsaved again, and the undone value is what a save would write.
    robot.press(KeyCode.CONTROL, KeyCode.Z).release(KeyCode.Z, KeyCode.CONTROL);
    assertTrue(fx(() -> window.session().dirty()));
    assertEquals(
        ProjectFiles.load(Samples.hello()).spec().seed(),
        fx(() -> window.session().document().spec().seed()));
  }

  @Test
  void panelsAreShownAndHiddenFromTheViewMenuAndTheirStateIsSaved(FxRobot robot, @TempDir Path dir)
      throws Exception {
    robot.interact(() -> window.open(Samples.hello()));
    waitFor(10, () -> window.session() != null && tick(stage) == 0);
    assertTrue(robot.lookup("#chartsPanel").tryQuery().isPresent());
    // The shortcut Ctrl+2 hides the charts; the menu item hides the samples.
    robot.press(KeyCode.CONTROL, KeyCode.DIGIT2).release(KeyCode.DIGIT2, KeyCode.CONTROL);
    waitFor(5, () -> robot.lookup("#chartsPanel").tryQuery().isEmpty());
    assertFalse(menuItem(robot, "chartsPanelItem").isSelected());
    robot.interact(() -> menuItem(robot, "samplesPanelItem").setSelected(false));
    waitFor(5, () -> robot.lookup("#sampleList").tryQuery().isEmpty());

    robot.interact(() -> window.saveAs(dir.resolve("hidden")));
    waitFor(10, () -> message().startsWith("Saved"));
    ObjectNode view = ProjectFiles.load(dir.resolve("hidden.nvlab")).view();
    assertFalse(view.path("panels").path("charts").asBoolean(true), view.toString());

    robot.interact(() -> menuItem(robot, "chartsPanelItem").setSelected(true));
    robot.interact(() -> menuItem(robot, "samplesPanelItem").setSelected(true));
    waitFor(5, () -> robot.lookup("#chartsPanel").tryQuery().isPresent());
    // Reopening the saved project restores its view: the charts hide again.
    robot.interact(() -> window.open(dir.resolve("hidden.nvlab")));
    waitFor(10, () -> robot.lookup("#chartsPanel").tryQuery().isEmpty());
  }

  @Test
  void unsavedWorkIsAutosavedAndOfferedBackAfterACrash(FxRobot robot) throws Exception {
    robot.interact(() -> window.newProject());
    waitFor(10, () -> window.session() != null);
    fx(() -> window.autosaveNow()).get(10, TimeUnit.SECONDS); // written on the I/O thread
    Recovery r = new LabPreferences(config).recovery();
    assertTrue(r.orphans().isEmpty(), "a running session's autosave is not an orphan");
    Path autosave;
    try (var s = Files.list(config.resolve("recovery"))) {
      autosave = s.findFirst().orElseThrow();
    }
    // Pretend that session crashed: its process is gone.
    Path meta = autosave.resolve("recovery.json");
    Files.writeString(
        meta, Files.readString(meta).replaceAll("\"pid\": \\d+", "\"pid\": 999999999"));
    Files.writeString(
        autosave.resolve("project.json"),
        Files.readString(autosave.resolve("project.json")).replace("\"seed\": 1", "\"seed\": 99"));
    assertEquals(1, r.orphans().size());

    Platform.runLater(window::offerRecovery);
    waitFor(10, () -> robot.lookup("#recoveryDialog").tryQuery().isPresent());
    DialogPane dialog = robot.lookup("#recoveryDialog").queryAs(DialogPane.class);
    assertTrue(fx(dialog::getHeaderText).contains("untitled"), fx(dialog::getHeaderText));
    robot.clickOn(button(dialog, "Recover"));
    waitFor(10, () -> message().startsWith("Recovered"));
    assertEquals(99, window.session().document().spec().seed());
    assertTrue(window.session().dirty());
    assertTrue(fx(stage::getTitle).endsWith("*"));
    assertTrue(r.orphans().isEmpty(), "the recovered autosave is not offered twice");
  }

  @Test
  void openingAnotherProjectAsksAboutUnsavedChanges(FxRobot robot) throws Exception {
    robot.interact(() -> window.newProject());
    waitFor(10, () -> window.session() != null && window.session().dirty());
    Platform.runLater(() -> window.open(Samples.hello()));
    waitFor(10, () -> robot.lookup("#unsavedDialog").tryQuery().isPresent());
    DialogPane dialog = robot.lookup("#unsavedDialog").queryAs(DialogPane.class);
    robot.clickOn(button(dialog, "Cancel"));
    WaitForAsyncUtils.waitForFxEvents();
    assertEquals(null, window.projectFolder(), "cancel keeps the new project");

    Platform.runLater(() -> window.open(Samples.hello()));
    waitFor(10, () -> robot.lookup("#unsavedDialog").tryQuery().isPresent());
    dialog = robot.lookup("#unsavedDialog").queryAs(DialogPane.class);
    robot.clickOn(button(dialog, "Discard changes"));
    waitFor(10, () -> Samples.hello().equals(window.projectFolder()));
  }

  @Test
  void drawingEveryNTicksPublishesOnlyThoseTicksWhilePlaying(FxRobot robot) throws Exception {
    robot.interact(() -> window.open(Samples.hello()));
    waitFor(10, () -> window.session() != null && tick(stage) == 0);
    @SuppressWarnings("unchecked")
    Spinner<Integer> spinner = robot.lookup("#drawEverySpinner").queryAs(Spinner.class);
    robot.interact(() -> spinner.getValueFactory().setValue(5));
    robot.interact(() -> window.service().setTicksPerSecond(200));
    robot.clickOn("#playButton");
    List<Integer> seen = new ArrayList<>();
    long end = System.nanoTime() + 1_500_000_000L;
    while (System.nanoTime() < end && window.service().isPlaying()) {
      Snapshot s = window.service().latest();
      if (s != null && s.tick() > 0 && !seen.contains(s.tick())) {
        seen.add(s.tick());
      }
      Thread.sleep(3);
    }
    robot.clickOn("#playButton");
    assertTrue(seen.size() > 3, "snapshots seen: " + seen);
    for (int t : seen) {
      assertEquals(0, t % 5, "tick " + t + " drawn; seen " + seen);
    }
  }

  @Test
  void aLongLoadCanBeCancelledAndKeepsTheOpenProject(FxRobot robot, @TempDir Path dir)
      throws Exception {
    robot.interact(() -> window.open(Samples.hello()));
    waitFor(10, () -> Samples.hello().equals(window.projectFolder()) && tick(stage) == 0);
    Path big =
        Samples.write(
            dir.resolve("big.nvlab"),
            """
            {"formatVersion": 2, "name": "big", "host": {"kind": "rate",
               "graph": {"builder": "erdos-renyi", "nodes": 40000, "p": 0.004},
               "rate": {"mode": "recurrent"}},
             "vesicleTypes": [{"name": "v"}]}
            """);
    robot.interact(() -> window.open(big));
    waitFor(10, () -> fx(() -> robot.lookup("#cancelButton").queryButton().isVisible()));
    robot.clickOn("#cancelButton");
    waitFor(20, () -> message().contains("cancelled"));
    assertEquals(Samples.hello(), window.projectFolder());
    assertTrue(message().contains("hello-vesicles stays open"), message());
    robot.clickOn("#stepButton");
    waitFor(5, () -> tick(stage) == 1);
  }

  @Test
  void theChartsGetEveryTickAndExportTheirPictureAndData(FxRobot robot, @TempDir Path dir)
      throws Exception {
    robot.interact(() -> window.open(Samples.hello()));
    waitFor(10, () -> window.session() != null && tick(stage) == 0);
    robot.interact(() -> window.service().setTicksPerSecond(0)); // as fast as it goes
    robot.interact(() -> window.service().setDrawEvery(7)); // charts still get every tick
    robot.clickOn("#playButton");
    waitFor(20, () -> tick(stage) >= 200);
    robot.clickOn("#playButton");
    waitFor(5, () -> !window.service().isPlaying());
    Thread.sleep(300);
    WaitForAsyncUtils.waitForFxEvents();
    int ticks = tick(stage);
    var charts = window.chart().charts();
    for (var c : charts.subList(0, 4)) {
      assertEquals(ticks, (int) fx(c::rowCount), c.toString());
    }
    assertEquals(List.of("modulator"), fx(() -> charts.get(0).lineLabels()));
    assertTrue(fx(() -> charts.get(1).lineLabels()).contains("deaths: docked"));
    assertTrue(fx(() -> window.chart().tabs().getTabs().get(4).isDisable()), "hello has no task");

    robot.clickOn("#birthsTab");
    Path png = dir.resolve("births.png");
    Path csv = dir.resolve("births.csv");
    // Exports run as background tasks (progress and Cancel in the status bar).
    var pngTask = fx(() -> window.chart().export(window.chart().selected(), png, true));
    var csvTask = fx(() -> window.chart().export(window.chart().selected(), csv, false));
    pngTask.get(20, TimeUnit.SECONDS);
    csvTask.get(20, TimeUnit.SECONDS);
    waitFor(
        5,
        () -> fx(() -> robot.lookup("#chartsStatus").queryLabeled().getText()).startsWith("Saved"));
    assertTrue(Files.size(png) > 10_000, "png bytes: " + Files.size(png));
    try (var left = Files.list(dir)) {
      assertTrue(left.noneMatch(f -> f.toString().endsWith(".part")), "no temporary file left");
    }
    List<String> lines = Files.readAllLines(csv);
    assertEquals(
        "tick,births,deaths: expired,deaths: hazard,deaths: absorbed,deaths: docked,"
            + "deaths: capped",
        lines.get(0));
    assertEquals(ticks + 1, lines.size());
    assertTrue(lines.get(1).startsWith("0,"), lines.get(1));

    // A cancelled export (its thread interrupted) leaves the file that was there.
    var writer = fx(() -> window.chart().selected().csvWriter());
    Files.writeString(csv, "the user's own file");
    Thread.currentThread().interrupt();
    try {
      writer.write(csv, null);
      throw new AssertionError("an interrupted export must stop");
    } catch (InterruptedException expected) {
      assertFalse(Thread.interrupted());
    } finally {
      Thread.interrupted();
    }
    assertEquals("the user's own file", Files.readString(csv));
  }

  @Test
  void theInspectorShowsANodeAndFollowsAVesicleAlongItsPath(FxRobot robot) throws Exception {
    robot.interact(() -> window.open(Samples.hello()));
    waitFor(10, () -> window.session() != null && tick(stage) == 0);
    robot.interact(() -> window.inspectNode(2)); // an input node: vesicles are born there
    waitFor(5, () -> robot.lookup("#inspector").tryQuery().isPresent());
    var inspector = window.inspector();
    robot.clickOn("#playButton");
    waitFor(
        20,
        () ->
            fx(() -> inspector.shownNode() != null && !inspector.hereList().getItems().isEmpty()));
    robot.clickOn("#playButton");
    waitFor(5, () -> !window.service().isPlaying());
    // Pausing publishes the last tick again: step until a vesicle is at the node.
    for (int i = 0; i < 100 && fx(() -> inspector.hereList().getItems().isEmpty()); i++) {
      int before = tick(stage);
      robot.clickOn("#stepButton");
      waitFor(5, () -> tick(stage) == before + 1);
      WaitForAsyncUtils.waitForFxEvents();
    }
    var node = fx(inspector::shownNode);
    assertEquals(2, node.node());
    assertEquals(12, node.outDegree(), "layer 0 of 6-12-12-4 feeds the 12 of layer 1");
    assertEquals(0, node.inDegree());
    long id = fx(() -> inspector.hereList().getItems().get(0).id());
    robot.interact(() -> inspector.hereList().getSelectionModel().select(0));
    waitFor(5, () -> fx(() -> inspector.shownVesicle() != null));
    assertEquals(id, (long) fx(() -> inspector.shownVesicle().id()));
    assertEquals("modulator", fx(() -> inspector.shownVesicle().typeName()));
    // Step until it has moved a few times or is gone; its path grows by a node per tick.
    for (int i = 0; i < 3; i++) {
      robot.clickOn("#stepButton");
      Thread.sleep(100);
    }
    WaitForAsyncUtils.waitForFxEvents();
    boolean gone = window.service().vesicleGone();
    int[] path = fx(() -> inspector.shownVesicle().path());
    assertTrue(gone || path.length >= 3, "path " + java.util.Arrays.toString(path));
    assertEquals(2, path[0], "it was picked at node 2");
  }

  // ---------------------------------------------------------------------------------- helpers

  private String message() throws Exception {
    return fx(() -> ((Label) stage.getScene().lookup("#messageLabel")).getText());
  }
}
