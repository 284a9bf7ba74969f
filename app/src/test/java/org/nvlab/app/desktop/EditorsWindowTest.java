package org.nvlab.app.desktop;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.nvlab.app.desktop.FxTests.fx;
import static org.nvlab.app.desktop.FxTests.text;
import static org.nvlab.app.desktop.FxTests.waitFor;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import javafx.scene.Node;
import javafx.scene.control.Control;
import javafx.scene.control.ListCell;
import javafx.scene.control.TextField;
import javafx.scene.control.TitledPane;
import javafx.scene.control.Tooltip;
import javafx.scene.image.PixelReader;
import javafx.scene.image.WritableImage;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import javax.imageio.ImageIO;
import org.controlsfx.control.PropertySheet;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.nvlab.core.Simulation;
import org.nvlab.core.edit.ProjectDocument;
import org.nvlab.core.rule.RuleExpression;
import org.nvlab.core.vocabulary.KernelFeature;
import org.nvlab.core.vocabulary.ReleaseKind;
import org.nvlab.core.vocabulary.Signals;
import org.nvlab.viz.editor.DocumentForm;
import org.nvlab.viz.editor.EditorsPane;
import org.nvlab.viz.editor.ExpressionField;
import org.nvlab.viz.editor.FieldItem;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.framework.junit5.Stop;

/**
 * The editors in the real window (headless, see app/pom.xml): an invalid kernel expression shows
 * its error at its column and changes neither the project nor the run; a valid one reaches the
 * running engine at its next tick; Edit > Undo and the shortcuts take an edit back and forth; a
 * refused number keeps what was typed; a host change waits for Reset; every field's tooltip is its
 * help, and hovering a field shows it.
 */
@ExtendWith(ApplicationExtension.class)
class EditorsWindowTest {
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
  void anInvalidKernelShowsItsErrorAtItsColumnAndChangesNeitherProjectNorRun(FxRobot robot)
      throws Exception {
    openHello(robot);
    step(robot, 3);
    kernelTab(robot);
    robot.clickOn("#kernelScoreMode");
    waitFor(5, () -> score(doc()) != null);
    String before = score(doc());
    assertEquals("(1 - stay) + a_j", before, "theta's equivalent expression");
    waitFor(5, () -> before.equals(run(s -> runningScore(s))));

    ExpressionField field = editors().kernelEditor().scoreField();
    robot.clickOn("#kernelScore");
    robot.interact(() -> field.textField().selectAll());
    robot.write("a_j + a_k");

    waitFor(5, () -> fx(() -> field.errorColumnProperty().get()) == 6);
    String message = text(robot, "#kernelScoreProblemMessage");
    assertTrue(message.startsWith("kernel score, column 6: unknown variable 'a_k'"), message);
    assertEquals("a_j + a_k\n      ^", text(robot, "#kernelScoreProblemCaret"));
    assertTrue(
        fx(() -> field.textField().getStyleClass().contains("field-invalid")),
        "the field is not marked");
    assertEquals("a_j + a_k", fx(() -> field.textField().getText()), "the typed text was lost");
    // Typing "a_j + a_k" passed through the valid "a_j": nothing is handed on while keys come.
    Thread.sleep(2L * ExpressionField.SETTLE_MILLIS);
    // Neither the project nor the engine took any of it.
    assertEquals(before, score(doc()));
    step(robot, 1);
    assertEquals(before, run(s -> runningScore(s)));
    assertEquals(before, run(s -> s.model().spec().vesicleTypes().get(0).kernel().score()));

    // Fixed: it applies, and the engine runs it from its next tick with the vesicles it had.
    robot.interact(() -> field.textField().selectAll());
    robot.write("2 * a_j - stay");
    waitFor(5, () -> "2 * a_j - stay".equals(score(doc())));
    waitFor(5, () -> "2 * a_j - stay".equals(run(s -> runningScore(s))));
    assertEquals(-1, (int) fx(() -> field.errorColumnProperty().get()));
    assertEquals("", text(robot, "#kernelScoreProblemCaret"));
    int tick = run(Simulation::tick);
    assertEquals(4, tick, "applying the kernel ran or rewound ticks");
    step(robot, 1);
    assertEquals(5, (int) run(Simulation::tick));
    waitFor(5, () -> text(robot, "#editNote").contains("the run takes it at the next tick"));
    assertTrue(text(robot, "#messageLabel").contains("kernel score"));
    // One step of undo for the whole typing.
    assertEquals("Undo modulator: kernel score", menuText(robot, "#undoItem"));
  }

  @Test
  void undoAndRedoFromTheMenuAndTheShortcutsReachTheRunToo(FxRobot robot) throws Exception {
    openHello(robot);
    kernelTab(robot);
    robot.clickOn("#field-kernel-temperature");
    robot.interact(
        () -> ((TextField) robot.lookup("#field-kernel-temperature").query()).selectAll());
    robot.write("2").type(KeyCode.ENTER);
    waitFor(5, () -> temperature(doc()) == 2.0);
    waitFor(5, () -> run(s -> s.model().type(0).kernel().temperature()) == 2.0);
    assertTrue(doc().isDirty());

    // The focus leaves the text field, whose own Ctrl+Z would undo its text.
    robot.clickOn("#sampleList");
    robot.press(KeyCode.CONTROL).type(KeyCode.Z).release(KeyCode.CONTROL);
    waitFor(5, () -> temperature(doc()) == 0.5);
    waitFor(5, () -> run(s -> s.model().type(0).kernel().temperature()) == 0.5);
    assertEquals(
        "0.5", fx(() -> ((TextField) robot.lookup("#field-kernel-temperature").query()).getText()));
    assertFalse(doc().isDirty(), "back at the state that was opened");
    assertEquals("Redo modulator: kernel temperature", menuText(robot, "#redoItem"));

    robot
        .press(KeyCode.CONTROL, KeyCode.SHIFT)
        .type(KeyCode.Z)
        .release(KeyCode.SHIFT, KeyCode.CONTROL);
    waitFor(5, () -> temperature(doc()) == 2.0);
    waitFor(5, () -> run(s -> s.model().type(0).kernel().temperature()) == 2.0);

    // The Edit menu, clicked.
    robot.clickOn("#editMenu").clickOn("#undoItem");
    waitFor(5, () -> temperature(doc()) == 0.5);
    robot.press(KeyCode.CONTROL).type(KeyCode.Y).release(KeyCode.CONTROL);
    waitFor(5, () -> temperature(doc()) == 2.0);
    waitFor(5, () -> text(robot, "#editNote").startsWith("Redid modulator: kernel temperature"));
  }

  @Test
  void aRefusedNumberKeepsWhatWasTypedAndSaysWhy(FxRobot robot) throws Exception {
    openHello(robot);
    kernelTab(robot);
    TextField t = robot.lookup("#field-kernel-temperature").queryAs(TextField.class);
    robot.clickOn(t);
    robot.interact(t::selectAll);
    robot.write("-1").type(KeyCode.ENTER);
    waitFor(5, () -> text(robot, "#kernelSheetProblemMessage").contains("kernel/temperature"));
    String problem = text(robot, "#kernelSheetProblemMessage");
    assertTrue(problem.contains("must be in [0,"), problem);
    assertTrue(problem.contains("got -1"), problem);
    assertEquals("-1", fx(t::getText));
    assertTrue(fx(() -> t.getStyleClass().contains("field-invalid")));
    assertEquals(0.5, temperature(doc()));
    assertFalse(doc().canUndo());

    // Escape gives back the project's value.
    robot.clickOn(t).type(KeyCode.ESCAPE);
    waitFor(5, () -> "0.5".equals(fx(t::getText)));
  }

  @Test
  void aHostChangeWaitsForResetWhichBuildsTheEditedProject(FxRobot robot) throws Exception {
    openHello(robot);
    robot.interact(() -> editors().tabs().getSelectionModel().select(3));
    robot.interact(() -> editors().hostEditor().form().sheet().setTitleFilter("layers"));
    TextField layers = robot.lookup("#field-host-graph-layers").queryAs(TextField.class);
    robot.clickOn(layers);
    robot.interact(layers::selectAll);
    robot.write("6, 10, 4").type(KeyCode.ENTER);
    waitFor(5, () -> doc().spec().host().graph().layers().length == 3);
    waitFor(5, () -> text(robot, "#editNote").contains("takes effect on Reset"));
    assertEquals(34, (int) run(s -> s.nodeCount()), "the run changed before a reset");

    robot.clickOn("#resetButton");
    waitFor(10, () -> text(robot, "#messageLabel").startsWith("Reset hello-vesicles"));
    waitFor(5, () -> run(s -> s.nodeCount()) == 20);
    assertEquals(doc().revision(), fx(() -> window().service().runningRevision()));

    // A rule edit after the reset goes live again.
    kernelTab(robot);
    robot.interact(() -> editors().hostEditor().form().sheet().setTitleFilter(""));
    TextField t = robot.lookup("#field-kernel-temperature").queryAs(TextField.class);
    robot.clickOn(t);
    robot.interact(t::selectAll);
    robot.write("3").type(KeyCode.ENTER);
    waitFor(5, () -> run(s -> s.model().type(0).kernel().temperature()) == 3.0);
    assertEquals(20, (int) run(s -> s.nodeCount()));
  }

  @Test
  void everyFieldsTooltipIsItsHelpAndHoveringAFieldShowsIt(FxRobot robot) throws Exception {
    openHello(robot);
    DocumentForm[] forms = {
      editors().typeEditor().form(),
      editors().kernelEditor().form(),
      editors().releaseEditor().form(),
      editors().hostEditor().form()
    };
    int fields = 0;
    for (int k = 0; k < forms.length; k++) {
      int tab = k;
      robot.interact(() -> editors().tabs().getSelectionModel().select(tab));
      for (PropertySheet.Item i : fx(() -> List.copyOf(forms[tab].sheet().getItems()))) {
        FieldItem item = (FieldItem) i;
        Control control = robot.lookup("#field-" + item.key()).queryAs(Control.class);
        String tip = fx(() -> control.getTooltip().getText());
        assertFalse(tip.isBlank(), item.key() + " has no help");
        assertEquals(item.getDescription(), tip, item.key());
        fields++;
      }
    }
    assertTrue(fields >= 40, "only " + fields + " fields");
    String scoreTip =
        fx(() -> editors().kernelEditor().scoreField().textField().getTooltip()).getText();
    assertTrue(scoreTip.startsWith("z(i, j) for the move from i to j"), scoreTip);

    // Hovering a field of a category opened by a click shows its help, the vocabulary's words.
    robot.interact(() -> editors().tabs().getSelectionModel().select(0));
    String weight = hoverTooltip(robot, "Emission", "#field-emission-weights-activation");
    assertEquals("w: times " + Signals.help(Signals.ACTIVATION) + ", in the rate", weight);
    assertEquals(
        "4.0",
        fx(
            () ->
                robot
                    .lookup("#field-emission-weights-activation")
                    .queryAs(TextField.class)
                    .getText()),
        "the weight the project gives");
    robot.interact(() -> editors().tabs().getSelectionModel().select(1));
    String theta = hoverTooltip(robot, "Feature weights (theta)", "#field-kernel-theta-bias");
    assertEquals(KernelFeature.BIAS.help(), theta);
    // A field that is only shown shows its help too: the operator's kind, in the vocabulary's
    // words.
    robot.interact(() -> editors().tabs().getSelectionModel().select(2));
    String kind = hoverTooltip(robot, "Operator", "#field-release-kind");
    ReleaseKind activation = ReleaseKind.ACTIVATION;
    assertTrue(kind.startsWith(activation.id() + ": " + activation.help()), kind);
  }

  /**
   * Opens the sheet's category {@code title} (one at a time is open), rests the mouse on the field
   * and returns the text of the tooltip that comes up.
   */
  private String hoverTooltip(FxRobot robot, String title, String field) throws Exception {
    robot.moveTo("#editNote");
    Node pane =
        robot.lookup((Node n) -> n instanceof TitledPane p && title.equals(p.getText())).query();
    if (!fx(() -> ((TitledPane) pane).isExpanded())) {
      robot.clickOn(pane.lookup(".title"));
    }
    Node node = robot.lookup(field).query();
    waitFor(5, () -> fx(() -> ((TitledPane) pane).isExpanded()) && settled(node));
    robot.moveTo(node);
    waitFor(
        5,
        () ->
            fx(
                () ->
                    robot.listWindows().stream()
                        .anyMatch(w -> w instanceof Tooltip t && t.isShowing())));
    return fx(
        () ->
            robot.listWindows().stream()
                .filter(w -> w instanceof Tooltip t && t.isShowing())
                .map(w -> ((Tooltip) w).getText())
                .findFirst()
                .orElseThrow());
  }

  /** True when the node stands still: the sheet's opening animation is over. */
  private static boolean settled(Node node) throws Exception {
    double before = fx(() -> node.localToScene(0, 0).getY());
    Thread.sleep(150);
    double after = fx(() -> node.localToScene(0, 0).getY());
    return before == after && fx(() -> node.getLayoutBounds().getHeight() > 0);
  }

  @Test
  void screenshotsOfTheEditors(FxRobot robot) throws Exception {
    openHello(robot);
    step(robot, 2);
    Path dir = Samples.moduleDir().resolve("target/screenshots");
    Files.createDirectories(dir);
    String[] names = {"type", "kernel", "release", "host"};
    for (int k = 0; k < names.length; k++) {
      int tab = k;
      robot.interact(() -> editors().tabs().getSelectionModel().select(tab));
      Thread.sleep(400);
      WritableImage image = fx(() -> stage.getScene().snapshot(null));
      Path out = dir.resolve("editors-" + names[k] + ".png");
      ImageIO.write(toBufferedImage(image), "png", out.toFile());
      assertTrue(Files.size(out) > 10_000, out + " is tiny");
    }
    assertFalse(fx(() -> robot.lookup("#kernelScoreProblem").query().isVisible()));
  }

  // ---- helpers ----

  private LabWindow window() {
    return app.window();
  }

  private EditorsPane editors() {
    return window().editors();
  }

  private ProjectDocument doc() throws Exception {
    return fx(() -> window().editing().document());
  }

  private static String score(ProjectDocument d) throws Exception {
    return fx(() -> d.spec().vesicleTypes().get(0).kernel().score());
  }

  private static double temperature(ProjectDocument d) throws Exception {
    return fx(() -> d.spec().vesicleTypes().get(0).kernel().temperature());
  }

  /** The kernel score expression the engine itself runs for type 0, or null. */
  private static String runningScore(Simulation s) {
    RuleExpression e = s.model().type(0).kernel().score();
    return e == null ? null : e.source();
  }

  private <T> T run(Function<Simulation, T> read) throws Exception {
    return window().service().inspect(read).get(5, TimeUnit.SECONDS);
  }

  private void kernelTab(FxRobot robot) {
    robot.interact(() -> editors().tabs().getSelectionModel().select(1));
  }

  private void step(FxRobot robot, int ticks) throws Exception {
    int from = run(Simulation::tick);
    for (int k = 0; k < ticks; k++) {
      robot.clickOn("#stepButton");
    }
    waitFor(5, () -> run(Simulation::tick) == from + ticks);
  }

  private void openHello(FxRobot robot) throws Exception {
    Node cell =
        robot
            .lookup((Node n) -> n instanceof ListCell<?> c && "hello-vesicles".equals(c.getText()))
            .query();
    robot.doubleClickOn(cell);
    waitFor(
        10,
        () ->
            Samples.hello().equals(window().projectFolder())
                && fx(() -> window().editing().document()) != null);
  }

  private String menuText(FxRobot robot, String id) throws Exception {
    return fx(
        () ->
            window().editing().menu().getItems().stream()
                .filter(i -> id.substring(1).equals(i.getId()))
                .findFirst()
                .get()
                .getText());
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
