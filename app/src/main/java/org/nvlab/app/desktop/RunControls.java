package org.nvlab.app.desktop;

import java.util.List;
import java.util.Locale;
import javafx.concurrent.Task;
import javafx.geometry.Orientation;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.CheckMenuItem;
import javafx.scene.control.Label;
import javafx.scene.control.Separator;
import javafx.scene.control.Slider;
import javafx.scene.control.Spinner;
import javafx.scene.control.TextField;
import javafx.scene.control.TextFormatter;
import javafx.scene.control.TextInputControl;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToolBar;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.util.StringConverter;
import org.nvlab.core.project.ProjectFiles;

/**
 * The toolbar and the run it drives: Play/Pause, Step, Reset with the seed in the seed field, the
 * speed, drawing every N ticks, and the Editors toggle; Space as Play/Pause wherever the focus is
 * but in a text field; and recording the run in the project. The run itself is the {@link
 * SimulationService}'s; a reset is a load of the open project ({@link ProjectSource.Rebuild}). FX
 * thread only.
 */
final class RunControls {
  /** The speed slider's stops, in ticks per second; 0 is "as fast as possible". */
  static final double[] SPEEDS = {1, 2, 5, 10, 20, 50, 100, 200, 500, 1000, 0};

  private static final int DEFAULT_SPEED = 4;

  private final SimulationService service;
  private final ProjectActions projects;
  private final StatusBar status;
  private final Runnable changed;
  private final Button playButton = new Button("Play");
  private final Button stepButton = new Button("Step");
  private final Button resetButton = new Button("Reset");
  private final TextField seedField = new TextField();
  private final Slider speedSlider = new Slider(0, SPEEDS.length - 1, DEFAULT_SPEED);
  private final Label speedLabel = new Label();
  private final Spinner<Integer> drawEverySpinner = new Spinner<>(1, 1000, 1);
  private final ToolBar bar;

  /**
   * @param editorsItem View > Editors, which the toolbar's Editors button mirrors
   * @param changed called when playing starts or stops from here (the controls follow)
   */
  RunControls(
      SimulationService service,
      ProjectActions projects,
      StatusBar status,
      CheckMenuItem editorsItem,
      Runnable changed) {
    this.service = service;
    this.projects = projects;
    this.status = status;
    this.changed = changed;
    playButton.setId("playButton");
    playButton.setOnAction(e -> togglePlay());
    playButton.setTooltip(new Tooltip("Play or pause (Space)"));
    playButton.setPrefWidth(72);
    stepButton.setId("stepButton");
    stepButton.setOnAction(e -> step());
    stepButton.setTooltip(new Tooltip("Run one tick (S)"));
    resetButton.setId("resetButton");
    resetButton.setOnAction(e -> reset());
    resetButton.setTooltip(new Tooltip("Rebuild the run from the project with this seed (Ctrl+R)"));
    // Keyboard focus stays off the buttons, so Space means Play/Pause and never "press again".
    for (Button b : List.of(playButton, stepButton, resetButton)) {
      b.setFocusTraversable(false);
    }
    seedField.setId("seedField");
    seedField.setPromptText("project's");
    seedField.setPrefColumnCount(8);
    seedField.setTooltip(new Tooltip("Run seed; Enter or Reset applies it (empty: the project's)"));
    seedField.setOnAction(e -> reset());
    // Whole numbers only. (Letters and Space typed here never reach the Space and S
    // accelerators: a text field consumes the key presses it types.)
    seedField.setTextFormatter(
        new TextFormatter<String>(c -> c.getControlNewText().matches("-?[0-9]{0,19}") ? c : null));
    seedField.textProperty().addListener((o, a, b) -> seedField.setStyle(null));
    speedSlider.setId("speedSlider");
    speedSlider.setMajorTickUnit(1);
    speedSlider.setMinorTickCount(0);
    speedSlider.setSnapToTicks(true);
    speedSlider.setBlockIncrement(1);
    speedSlider.setPrefWidth(160);
    speedSlider.setFocusTraversable(false);
    speedSlider.setLabelFormatter(
        new StringConverter<>() {
          @Override
          public String toString(Double v) {
            return speedText(v);
          }

          @Override
          public Double fromString(String s) {
            return 0.0;
          }
        });
    speedSlider.valueProperty().addListener((o, a, b) -> applySpeed(speedSlider.getValue()));
    drawEverySpinner.setId("drawEverySpinner");
    drawEverySpinner.setEditable(true);
    drawEverySpinner.setPrefWidth(80);
    drawEverySpinner.setFocusTraversable(false);
    drawEverySpinner.setTooltip(
        new Tooltip("While playing, draw only every N ticks: a large run then goes faster"));
    drawEverySpinner.valueProperty().addListener((o, a, b) -> service.setDrawEvery(b));
    speedLabel.setId("speedLabel");
    speedLabel.setMinWidth(80);
    applySpeed(DEFAULT_SPEED);
    bar =
        new ToolBar(
            playButton,
            stepButton,
            resetButton,
            new Separator(Orientation.VERTICAL),
            new Label("Seed"),
            seedField,
            new Separator(Orientation.VERTICAL),
            new Label("Speed"),
            speedSlider,
            speedLabel,
            new Separator(Orientation.VERTICAL),
            new Label("Draw every"),
            drawEverySpinner,
            new Label("ticks"),
            new Separator(Orientation.VERTICAL),
            editorsToggle(editorsItem));
    bar.setId("toolBar");
  }

  ToolBar node() {
    return bar;
  }

  /** A toolbar button that shows and hides the editors (as View > Editors, Ctrl+E). */
  private static ToggleButton editorsToggle(CheckMenuItem editorsItem) {
    ToggleButton t = new ToggleButton("Editors");
    t.setId("editorsToggle");
    t.setFocusTraversable(false);
    t.setTooltip(new Tooltip("Show or hide the editors (Ctrl+E)"));
    t.selectedProperty().bindBidirectional(editorsItem.selectedProperty());
    return t;
  }

  /**
   * Space means Play/Pause wherever the focus is, except while typing: a list would otherwise take
   * it as "select". A filter sees the key before the focused control does.
   */
  void installKeys(Scene scene) {
    scene.addEventFilter(
        KeyEvent.KEY_PRESSED,
        e -> {
          if (e.getCode() == KeyCode.SPACE
              && !e.isShortcutDown()
              && !e.isAltDown()
              && !(scene.getFocusOwner() instanceof TextInputControl)
              && runnable()) {
            togglePlay();
            e.consume();
          }
        });
  }

  /** A project is open and not loading: Play, Step and Reset may act. */
  private boolean runnable() {
    return projects.session() != null && !projects.loading();
  }

  void togglePlay() {
    if (projects.session() != null) {
      service.togglePlay();
      changed.run();
    }
  }

  void step() {
    if (projects.session() != null) {
      service.step();
      changed.run();
    }
  }

  /**
   * Rebuilds the run from the project as it is now (with its unsaved changes, not the file) and the
   * seed in the seed field.
   */
  void reset() {
    if (!runnable()) {
      return;
    }
    Long seed;
    String text = seedField.getText().strip();
    try {
      seed = text.isEmpty() ? null : Long.valueOf(text);
    } catch (NumberFormatException ex) {
      seedField.setStyle("-fx-border-color: #e5534b;");
      status.say("The seed must be a whole number, e.g. 7 (empty: the project's own)");
      return;
    }
    projects.reset(seed);
  }

  /** True when the run can be recorded in the project's run store (a folder, not a zip). */
  boolean recordable() {
    ProjectSession s = projects.session();
    return runnable() && s.location() != null && !ProjectFiles.isArchive(s.location());
  }

  /**
   * Records the run so far in the project's run store (NAME.nvlab/runs/, where nvlab runs and nvlab
   * export find it); the outcome is one line in the status bar.
   */
  void recordRun() {
    ProjectSession s = projects.session();
    if (!runnable()) {
      return;
    }
    if (s.dirty() || s.saveFolder() == null) {
      status.say(
          "Save the project first (File > Save): a recorded run names the saved project it came"
              + " from");
      return;
    }
    status.say("Recording the run...");
    Task<String> task = service.recordRun();
    status.track(task, true);
    task.setOnSucceeded(e -> status.say(task.getValue()));
    task.setOnFailed(
        e -> status.say("Run not recorded: " + LabDialogs.reason(task.getException())));
  }

  /** Play says Pause while playing; the buttons wait while nothing runnable is open. */
  void update(boolean playing) {
    playButton.setText(playing ? "Pause" : "Play");
    for (Button b : List.of(playButton, stepButton, resetButton)) {
      b.setDisable(!runnable());
    }
  }

  /** The seed of the run just loaded. */
  void showSeed(long seed) {
    seedField.setText(Long.toString(seed));
  }

  /** The speed, in ticks per second (0: as fast as possible). */
  double speed() {
    return SPEEDS[(int) Math.round(speedSlider.getValue())];
  }

  /** Sets the speed to one of the slider's stops; another value keeps the speed. */
  void setSpeed(double ticksPerSecond) {
    for (int i = 0; i < SPEEDS.length; i++) {
      if (SPEEDS[i] == ticksPerSecond) {
        speedSlider.setValue(i);
      }
    }
  }

  int drawEvery() {
    return drawEverySpinner.getValue();
  }

  void setDrawEvery(int n) {
    drawEverySpinner.getValueFactory().setValue(Math.max(1, n));
  }

  private void applySpeed(double sliderValue) {
    int i = (int) Math.round(sliderValue);
    service.setTicksPerSecond(SPEEDS[i]);
    speedLabel.setText(speedText(i) + (SPEEDS[i] > 0 ? " ticks/s" : ""));
  }

  private static String speedText(double sliderValue) {
    double tps = SPEEDS[(int) Math.round(Math.max(0, Math.min(SPEEDS.length - 1, sliderValue)))];
    return tps > 0 ? String.format(Locale.ROOT, "%.0f", tps) : "max";
  }
}
