package org.nvlab.app.desktop;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.nvlab.app.desktop.FxTests.button;
import static org.nvlab.app.desktop.FxTests.fx;
import static org.nvlab.app.desktop.FxTests.text;
import static org.nvlab.app.desktop.FxTests.tick;
import static org.nvlab.app.desktop.FxTests.waitFor;

import com.fasterxml.jackson.databind.node.LongNode;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import javafx.application.Platform;
import javafx.embed.swing.SwingFXUtils;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;
import javafx.scene.control.DialogPane;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.image.WritableImage;
import javafx.stage.Stage;
import javafx.stage.WindowEvent;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.nvlab.core.edit.ProjectEdit;
import org.nvlab.core.project.ProjectFiles;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.framework.junit5.Stop;

/**
 * The unsaved-changes question's Save: it runs on the I/O thread while the window stays live, the
 * action that asked goes on once it has succeeded, and a save that fails closes and discards
 * nothing. Each test edits a copy of hello-vesicles (seed 7 becomes 4242).
 */
@ExtendWith(ApplicationExtension.class)
class UnsavedChangesTest {
  private static final long EDITED_SEED = 4242;

  private LabWindow window;
  private Stage stage;

  @Start
  void start(Stage stage) throws Exception {
    this.stage = stage;
    window =
        new LabWindow(
            stage,
            new SimulationService(2),
            Samples.hello().getParent(),
            new LabPreferences(Files.createTempDirectory("nvlab-config")));
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
  void whileTheSaveRunsTheWindowStaysLiveAndTheOtherProjectOpensOnceItIsSaved(
      FxRobot robot, @TempDir Path dir) throws Exception {
    Path folder = openEditedCopy(robot, dir);
    CountDownLatch writing = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    AtomicReference<String> writer = new AtomicReference<>();
    window
        .projects()
        .writeWith(
            (s, revision, to, view) -> {
              writer.set(Thread.currentThread().getName());
              writing.countDown();
              try {
                if (!release.await(30, TimeUnit.SECONDS)) {
                  throw new IOException("the test never let the save go on");
                }
              } catch (InterruptedException e) {
                throw new InterruptedIOException("the held save was interrupted");
              }
              s.write(revision, to, view);
            });

    Platform.runLater(() -> window.open(Samples.hello()));
    clickInDialog(robot, "#unsavedDialog", "Save");
    assertTrue(writing.await(10, TimeUnit.SECONDS), "the save never started");
    try {
      assertEquals("nvlab-io", writer.get());
      // The save is held on the I/O thread: the FX thread still runs the window.
      assertEquals("Saving edited.nvlab...", text(robot, "#messageLabel"));
      assertTrue(fx(() -> robot.lookup("#progressBar").queryAs(ProgressBar.class).isVisible()));
      assertFalse(
          fx(() -> robot.lookup("#cancelButton").queryAs(Button.class).isVisible()),
          "a save cannot be cancelled half-way");
      robot.clickOn("#stepButton");
      waitFor(5, () -> tick(stage) == 1);
      robot.clickOn("#stepButton");
      waitFor(5, () -> tick(stage) == 2);
      assertEquals(folder, window.projectFolder(), "it went on before the save was done");
      assertTrue(fx(() -> window.session().dirty()));
      keepScreenshot(stage.getScene(), "save-in-progress.png");
    } finally {
      release.countDown();
    }

    waitFor(10, () -> Samples.hello().equals(window.projectFolder()));
    assertEquals(EDITED_SEED, ProjectFiles.load(folder).spec().seed());
    assertFalse(fx(() -> window.session().dirty()));
    assertTrue(fx(stage::getTitle).endsWith("hello-vesicles"), fx(stage::getTitle));
  }

  @Test
  void aSaveThatFailsBeforeClosingKeepsTheWindowAndTheProjectOpenAndUnsaved(
      FxRobot robot, @TempDir Path dir) throws Exception {
    Path folder = openEditedCopy(robot, dir);
    // A folder where the backup of project.json goes: the disk refuses the save.
    Files.createDirectories(folder.resolve(ProjectFiles.BACKUP).resolve("in-the-way"));

    Platform.runLater(
        () -> stage.fireEvent(new WindowEvent(stage, WindowEvent.WINDOW_CLOSE_REQUEST)));
    clickInDialog(robot, "#unsavedDialog", "Save");
    waitFor(10, () -> robot.lookup("#saveFailedDialog").tryQuery().isPresent());

    DialogPane failed = robot.lookup("#saveFailedDialog").queryAs(DialogPane.class);
    String header = fx(failed::getHeaderText);
    String why = fx(() -> ((Label) failed.getContent()).getText());
    assertEquals("edited was not saved, so it stays open with its changes", header);
    assertTrue(why.startsWith(folder.resolve(ProjectFiles.BACKUP) + ": "), why);
    assertTrue(
        text(robot, "#messageLabel").startsWith("Not saved: "), text(robot, "#messageLabel"));
    keepScreenshot(failed.getScene(), "save-failed-dialog.png");
    robot.clickOn((Node) fx(() -> failed.lookupButton(ButtonType.OK)));

    assertTrue(fx(stage::isShowing), "the window closed though the save failed");
    assertEquals(folder, window.projectFolder());
    assertTrue(fx(() -> window.session().dirty()));
    assertEquals(EDITED_SEED, (long) fx(() -> window.session().document().spec().seed()));
    assertTrue(fx(stage::getTitle).endsWith("edited *"), fx(stage::getTitle));
    assertEquals(7, ProjectFiles.load(folder).spec().seed(), "the file on disk is the old one");
    robot.clickOn("#stepButton");
    waitFor(5, () -> tick(stage) == 1);
  }

  @Test
  void savingBeforeClosingClosesTheWindowOnceTheProjectIsOnDisk(FxRobot robot, @TempDir Path dir)
      throws Exception {
    Path folder = openEditedCopy(robot, dir);

    Platform.runLater(
        () -> stage.fireEvent(new WindowEvent(stage, WindowEvent.WINDOW_CLOSE_REQUEST)));
    clickInDialog(robot, "#unsavedDialog", "Save");

    waitFor(10, () -> !fx(stage::isShowing));
    assertEquals(EDITED_SEED, ProjectFiles.load(folder).spec().seed());
    assertFalse(fx(() -> window.session().dirty()));
  }

  // ---- helpers ----

  /** Opens a copy of hello-vesicles and changes its seed: one unsaved edit. */
  private Path openEditedCopy(FxRobot robot, Path dir) throws Exception {
    Path folder = dir.resolve("edited.nvlab");
    ProjectFiles.save(folder, ProjectFiles.load(Samples.hello()).tree(), null);
    robot.interact(() -> window.open(folder));
    waitFor(10, () -> folder.equals(window.projectFolder()) && tick(stage) == 0);
    robot.interact(
        () ->
            assertTrue(
                window
                    .session()
                    .document()
                    .apply(new ProjectEdit.Set("/seed", LongNode.valueOf(EDITED_SEED), "seed"))
                    .applied()));
    assertTrue(fx(() -> window.session().dirty()));
    return folder;
  }

  /** Keeps a picture of a scene in app/target/screenshots (to look at, not compared). */
  private static void keepScreenshot(Scene scene, String name) throws Exception {
    WritableImage image = fx(() -> scene.snapshot(null));
    Path out = Samples.moduleDir().resolve("target/screenshots").resolve(name);
    Files.createDirectories(out.getParent());
    ImageIO.write(SwingFXUtils.fromFXImage(image, null), "png", out.toFile());
  }

  /** Waits for a dialog, then clicks one of its buttons. */
  private static void clickInDialog(FxRobot robot, String dialogId, String text) throws Exception {
    waitFor(10, () -> robot.lookup(dialogId).tryQuery().isPresent());
    robot.clickOn(button(robot.lookup(dialogId).queryAs(DialogPane.class), text));
  }
}
