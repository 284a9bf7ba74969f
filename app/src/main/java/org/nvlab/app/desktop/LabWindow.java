package org.nvlab.app.desktop;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import javafx.animation.AnimationTimer;
import javafx.application.Platform;
import javafx.concurrent.Task;
import javafx.geometry.Insets;
import javafx.geometry.Orientation;
import javafx.geometry.Pos;
import javafx.scene.Scene;
import javafx.scene.control.Alert;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.scene.control.Separator;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.control.Slider;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.control.TextFormatter;
import javafx.scene.control.TextInputControl;
import javafx.scene.control.ToolBar;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.KeyEvent;
import javafx.scene.input.MouseButton;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.DirectoryChooser;
import javafx.stage.FileChooser;
import javafx.stage.Stage;
import javafx.util.StringConverter;
import org.nvlab.core.project.Problem;
import org.nvlab.core.project.ProjectException;
import org.nvlab.core.project.ProjectFiles;
import org.nvlab.core.record.Snapshot;
import org.nvlab.viz.GraphView;
import org.nvlab.viz.PopulationChart;

/**
 * The lab's main window: menus and a toolbar to open and run a project, the sample list, the
 * network view with the population chart beside it, and a status bar.
 *
 * <p>Everything here runs on the FX thread and never touches a simulation: the {@link
 * SimulationService} runs it, and an {@link AnimationTimer} polls the service's latest snapshot
 * once per pulse, redrawing only when a new one has arrived. Errors the user can cause (a broken
 * project, a run that diverges) become dialogs with the engine's message; nothing already open is
 * lost.
 */
public final class LabWindow {
  /** The speed slider's stops, in ticks per second; 0 is "as fast as possible". */
  static final double[] SPEEDS = {1, 2, 5, 10, 20, 50, 100, 200, 500, 1000, 0};

  private static final int DEFAULT_SPEED = 4;
  private static final String APP_TITLE = "Neuro-Vesicles Lab";
  private static final String CSS =
      LabWindow.class.getResource("lab.css") == null
          ? null
          : LabWindow.class.getResource("lab.css").toExternalForm();

  private final Stage stage;
  private final SimulationService service;
  private final Path samplesFolder;
  private final GraphView graphView = new GraphView();
  private final PopulationChart chart = new PopulationChart();
  private final ListView<Path> sampleList = new ListView<>();
  private final Button playButton = new Button("Play");
  private final Button stepButton = new Button("Step");
  private final Button resetButton = new Button("Reset");
  private final TextField seedField = new TextField();
  private final Slider speedSlider = new Slider(0, SPEEDS.length - 1, DEFAULT_SPEED);
  private final Label speedLabel = new Label();
  private final MenuItem playItem = new MenuItem("Play");
  private final MenuItem stepItem = new MenuItem("Step");
  private final MenuItem resetItem = new MenuItem("Reset");
  private final MenuItem recordItem = new MenuItem("Record run in project");
  private final Label messageLabel = new Label();
  private final Label tickLabel = new Label("tick -");
  private final Label populationLabel = new Label("vesicles -");
  private final Label tpsLabel = new Label("0 ticks/s");
  private final Label fpsLabel = new Label("0 fps");
  private final AnimationTimer timer;
  private Path projectFolder;
  private Task<LoadedRun> pendingLoad;
  private Snapshot shown;
  private boolean shownPlaying;
  private boolean loading;
  private long rateWindowStart;
  private int rateWindowTick = -1;
  private long framesAtWindow;

  public LabWindow(Stage stage, SimulationService service, Path samplesFolder) {
    this.stage = stage;
    this.service = service;
    this.samplesFolder = samplesFolder;
    BorderPane root = new BorderPane();
    root.setId("labRoot");
    root.setTop(new VBox(menuBar(), toolBar()));
    root.setLeft(sampleBrowser());
    root.setCenter(centre());
    root.setBottom(statusBar());
    Scene scene = new Scene(root, 1200, 760);
    if (CSS != null) {
      scene.getStylesheets().add(CSS);
    }
    // Space means Play/Pause wherever the focus is, except while typing: a list would otherwise
    // take it as "select". A filter sees the key before the focused control does.
    scene.addEventFilter(
        KeyEvent.KEY_PRESSED,
        e -> {
          if (e.getCode() == KeyCode.SPACE
              && !e.isShortcutDown()
              && !e.isAltDown()
              && !(scene.getFocusOwner() instanceof TextInputControl)
              && !playItem.isDisable()) {
            togglePlay();
            e.consume();
          }
        });
    stage.setScene(scene);
    stage.setTitle(APP_TITLE);
    stage.setMinWidth(720);
    stage.setMinHeight(480);
    graphView.clear(
        samplesFolder == null
            ? "Open a project folder: File > Open project folder..."
            : "Double-click a sample on the left, or File > Open project folder...");
    message(
        samplesFolder == null
            ? "No sample-projects folder found (set -Dnvlab.home to the lab's folder)"
            : "Ready");
    updateControls();
    timer =
        new AnimationTimer() {
          @Override
          public void handle(long now) {
            pulse(now);
          }
        };
    timer.start();
  }

  /** Shows the window. */
  public void show() {
    stage.show();
    sampleList.requestFocus();
  }

  /** Stops the timer, the engine and the layout thread. The stage is left to its owner. */
  public void close() {
    timer.stop();
    service.close();
    graphView.dispose();
    chart.dispose();
  }

  // ---- Building the window ----

  private MenuBar menuBar() {
    MenuItem openFolder = new MenuItem("Open project folder...");
    openFolder.setAccelerator(new KeyCodeCombination(KeyCode.O, KeyCombination.SHORTCUT_DOWN));
    openFolder.setOnAction(e -> chooseFolder());
    MenuItem openZip = new MenuItem("Open shared project (.nvlab.zip)...");
    openZip.setOnAction(e -> chooseArchive());
    Menu samples = new Menu("Open sample");
    List<Path> projects = SampleProjects.list(samplesFolder);
    for (Path p : projects) {
      MenuItem item = new MenuItem(SampleProjects.displayName(p));
      item.setOnAction(e -> open(p));
      samples.getItems().add(item);
    }
    if (projects.isEmpty()) {
      MenuItem none = new MenuItem("(no sample-projects folder found)");
      none.setDisable(true);
      samples.getItems().add(none);
    }
    MenuItem quit = new MenuItem("Quit");
    quit.setAccelerator(new KeyCodeCombination(KeyCode.Q, KeyCombination.SHORTCUT_DOWN));
    quit.setOnAction(e -> Platform.exit());
    Menu file = new Menu("File", null, openFolder, openZip, samples, new SeparatorMenuItem(), quit);

    playItem.setAccelerator(new KeyCodeCombination(KeyCode.SPACE));
    playItem.setOnAction(e -> togglePlay());
    stepItem.setAccelerator(new KeyCodeCombination(KeyCode.S));
    stepItem.setOnAction(e -> step());
    resetItem.setAccelerator(new KeyCodeCombination(KeyCode.R, KeyCombination.SHORTCUT_DOWN));
    resetItem.setOnAction(e -> reset());
    recordItem.setId("recordItem");
    recordItem.setAccelerator(
        new KeyCodeCombination(KeyCode.R, KeyCombination.SHORTCUT_DOWN, KeyCombination.SHIFT_DOWN));
    recordItem.setOnAction(e -> recordRun());
    Menu run =
        new Menu("Run", null, playItem, stepItem, resetItem, new SeparatorMenuItem(), recordItem);
    MenuBar bar = new MenuBar(file, run);
    bar.setId("menuBar");
    return bar;
  }

  private ToolBar toolBar() {
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
    speedLabel.setId("speedLabel");
    speedLabel.setMinWidth(80);
    applySpeed(DEFAULT_SPEED);
    ToolBar bar =
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
            speedLabel);
    bar.setId("toolBar");
    return bar;
  }

  private VBox sampleBrowser() {
    Label title = new Label("Samples");
    title.getStyleClass().add("section-title");
    sampleList.setId("sampleList");
    sampleList.getItems().setAll(SampleProjects.list(samplesFolder));
    sampleList.setCellFactory(
        v ->
            new ListCell<>() {
              @Override
              protected void updateItem(Path item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty || item == null ? null : SampleProjects.displayName(item));
              }
            });
    sampleList.setOnMouseClicked(
        e -> {
          Path p = sampleList.getSelectionModel().getSelectedItem();
          if (e.getButton() == MouseButton.PRIMARY && e.getClickCount() == 2 && p != null) {
            open(p);
          }
        });
    sampleList.setOnKeyPressed(
        e -> {
          Path p = sampleList.getSelectionModel().getSelectedItem();
          if (e.getCode() == KeyCode.ENTER && p != null) {
            open(p);
            e.consume();
          }
        });
    Label hint = new Label("Double-click to open");
    hint.getStyleClass().add("hint");
    VBox box = new VBox(6, title, sampleList, hint);
    VBox.setVgrow(sampleList, Priority.ALWAYS);
    box.setPadding(new Insets(8));
    box.setPrefWidth(190);
    box.getStyleClass().add("side-panel");
    return box;
  }

  private SplitPane centre() {
    graphView.setId("graphView");
    graphView.densityTypeProperty().addListener((o, a, b) -> service.showDensity(b));
    chart.setId("populationChart");
    SplitPane split = new SplitPane(graphView, chart);
    split.setDividerPositions(0.64);
    SplitPane.setResizableWithParent(chart, false);
    return split;
  }

  private HBox statusBar() {
    messageLabel.setId("messageLabel");
    tickLabel.setId("tickLabel");
    populationLabel.setId("populationLabel");
    tpsLabel.setId("tpsLabel");
    fpsLabel.setId("fpsLabel");
    Region grow = new Region();
    HBox.setHgrow(grow, Priority.ALWAYS);
    HBox bar = new HBox(18, messageLabel, grow, tickLabel, populationLabel, tpsLabel, fpsLabel);
    for (Label l : List.of(tickLabel, populationLabel, tpsLabel, fpsLabel)) {
      l.getStyleClass().add("stat");
    }
    tickLabel.setTooltip(new Tooltip("Ticks run since the project was opened or reset"));
    populationLabel.setTooltip(new Tooltip("Live vesicles of all types"));
    tpsLabel.setTooltip(new Tooltip("Ticks the engine ran per second"));
    fpsLabel.setTooltip(
        new Tooltip("Frames the network view drew per second (every frame while vesicles move)"));
    tickLabel.setMinWidth(80);
    populationLabel.setMinWidth(110);
    tpsLabel.setMinWidth(90);
    fpsLabel.setMinWidth(55);
    bar.setAlignment(Pos.CENTER_LEFT);
    bar.setPadding(new Insets(4, 10, 4, 10));
    bar.getStyleClass().add("status-bar");
    return bar;
  }

  // ---- Actions ----

  /** Opens a project folder off the FX thread; a broken project leaves the current one open. */
  public void open(Path folder) {
    Path abs = folder.toAbsolutePath().normalize();
    String name = SampleProjects.displayName(abs);
    message("Opening " + name + "...");
    loading = true;
    updateControls();
    Task<LoadedRun> task = service.open(abs, null);
    pendingLoad = task;
    task.setOnSucceeded(
        e -> {
          if (task != pendingLoad) {
            return; // a later open or reset superseded this one (the service did not install it)
          }
          loading = false;
          LoadedRun run = task.getValue();
          projectFolder = abs;
          stage.setTitle(APP_TITLE + " - " + name);
          seedField.setText(Long.toString(run.seed()));
          int k = run.typeNames().size();
          message(
              name
                  + ": "
                  + run.nodes()
                  + " nodes, "
                  + run.edges()
                  + " edges, "
                  + k
                  + (k == 1 ? " vesicle type" : " vesicle types")
                  + ", seed "
                  + run.seed());
          updateControls();
        });
    task.setOnFailed(
        e -> {
          if (task != pendingLoad) {
            return;
          }
          loading = false;
          message(projectFolder == null ? "Ready" : "Kept " + projectFolder.getFileName());
          showLoadFailure(abs, task.getException());
          updateControls();
        });
  }

  private void chooseFolder() {
    DirectoryChooser chooser = new DirectoryChooser();
    chooser.setTitle("Open project folder");
    Path start = projectFolder != null ? projectFolder.getParent() : samplesFolder;
    if (start != null && start.toFile().isDirectory()) {
      chooser.setInitialDirectory(start.toFile());
    }
    java.io.File f = chooser.showDialog(stage);
    if (f != null) {
      open(f.toPath());
    }
  }

  /** A project shared as one zip (nvlab pack): opened in place, read-only. */
  private void chooseArchive() {
    FileChooser chooser = new FileChooser();
    chooser.setTitle("Open shared project");
    chooser
        .getExtensionFilters()
        .add(new FileChooser.ExtensionFilter("Shared projects (*.nvlab.zip, *.zip)", "*.zip"));
    Path start = projectFolder != null ? projectFolder.getParent() : samplesFolder;
    if (start != null && start.toFile().isDirectory()) {
      chooser.setInitialDirectory(start.toFile());
    }
    java.io.File f = chooser.showOpenDialog(stage);
    if (f != null) {
      open(f.toPath());
    }
  }

  private void togglePlay() {
    if (projectFolder != null) {
      service.togglePlay();
      updateControls();
    }
  }

  private void step() {
    if (projectFolder != null) {
      service.step();
      updateControls();
    }
  }

  /** Rebuilds the run from the project folder with the seed in the seed field. */
  private void reset() {
    if (projectFolder == null || loading) {
      return;
    }
    Long seed;
    String text = seedField.getText().strip();
    try {
      seed = text.isEmpty() ? null : Long.valueOf(text);
    } catch (NumberFormatException ex) {
      seedField.setStyle("-fx-border-color: #e5534b;");
      message("The seed must be a whole number, e.g. 7 (empty: the project's own)");
      return;
    }
    service.pause();
    loading = true;
    updateControls();
    Path folder = projectFolder;
    message("Resetting " + SampleProjects.displayName(folder) + "...");
    Task<LoadedRun> task = service.reset(seed);
    pendingLoad = task;
    task.setOnSucceeded(
        e -> {
          if (task != pendingLoad) {
            return;
          }
          loading = false;
          message(
              "Reset "
                  + SampleProjects.displayName(folder)
                  + " with seed "
                  + task.getValue().seed());
          seedField.setText(Long.toString(task.getValue().seed()));
          updateControls();
        });
    task.setOnFailed(
        e -> {
          if (task != pendingLoad) {
            return;
          }
          loading = false;
          message("Kept the current run of " + SampleProjects.displayName(folder));
          showLoadFailure(folder, task.getException());
          updateControls();
        });
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

  // ---- Once per pulse ----

  private void pulse(long now) {
    Snapshot s = service.latest();
    if (s != null && s != shown) {
      shown = s;
      graphView.show(s);
      chart.accept(s);
      tickLabel.setText("tick " + s.tick());
      populationLabel.setText("vesicles " + s.totalPopulation());
    }
    boolean playing = service.isPlaying();
    if (playing != shownPlaying) {
      shownPlaying = playing;
      updateControls();
    }
    String failure = service.pollFailure();
    if (failure != null) {
      // Not from inside the pulse: a dialog may not be shown during animation processing.
      Platform.runLater(() -> showRunFailure(failure));
    }
    long elapsed = now - rateWindowStart;
    if (elapsed >= 500_000_000L) {
      int tick = shown == null ? -1 : shown.tick();
      double seconds = elapsed / 1e9;
      double tps = rateWindowTick >= 0 && tick >= rateWindowTick ? (tick - rateWindowTick) : 0;
      tpsLabel.setText(String.format(Locale.ROOT, "%.0f ticks/s", tps / seconds));
      long frames = graphView.framesDrawn();
      fpsLabel.setText(String.format(Locale.ROOT, "%.0f fps", (frames - framesAtWindow) / seconds));
      rateWindowStart = now;
      rateWindowTick = tick;
      framesAtWindow = frames;
    }
  }

  private void updateControls() {
    boolean open = projectFolder != null;
    boolean playing = service.isPlaying();
    playButton.setText(playing ? "Pause" : "Play");
    playItem.setText(playing ? "Pause" : "Play");
    for (javafx.scene.Node n : List.of(playButton, stepButton, resetButton)) {
      n.setDisable(!open || loading);
    }
    playItem.setDisable(!open || loading);
    stepItem.setDisable(!open || loading);
    resetItem.setDisable(!open || loading);
    recordItem.setDisable(!open || loading || ProjectFiles.isArchive(projectFolder));
  }

  /**
   * Records the run so far in the project's run store (NAME.nvlab/runs/, where nvlab runs and nvlab
   * export find it); the outcome is one line in the status bar.
   */
  public void recordRun() {
    if (projectFolder == null || loading) {
      return;
    }
    message("Recording the run...");
    Task<String> task = service.recordRun();
    task.setOnSucceeded(e -> message(task.getValue()));
    task.setOnFailed(
        e -> {
          Throwable t = task.getException();
          String why = t.getMessage() == null ? t.toString() : t.getMessage();
          message("Run not recorded: " + why);
        });
  }

  private void message(String text) {
    messageLabel.setText(text);
  }

  // ---- Dialogs: messages, never stack traces ----

  private void showLoadFailure(Path folder, Throwable error) {
    String name = SampleProjects.displayName(folder);
    Alert alert = new Alert(Alert.AlertType.ERROR);
    prepare(alert, "problemsDialog");
    alert.setTitle("Project not opened");
    TextArea text = new TextArea();
    text.setId("problemsText");
    text.setEditable(false);
    text.setWrapText(true);
    if (error instanceof ProjectException pe) {
      List<Problem> problems = pe.problems();
      alert.setHeaderText(
          name
              + " has "
              + problems.size()
              + (problems.size() == 1 ? " problem" : " problems")
              + "; "
              + keptText());
      StringBuilder b = new StringBuilder();
      for (Problem p : problems) {
        b.append(p).append('\n');
      }
      text.setText(b.toString().strip());
      text.setPrefRowCount(Math.min(16, 2 * problems.size() + 1)); // room for wrapped lines
    } else {
      alert.setHeaderText(name + " could not be opened; " + keptText());
      text.setText(
          error == null
              ? "unknown error"
              : error.getMessage() != null ? error.getMessage() : error.toString());
      text.setPrefRowCount(3);
      if (error != null) { // not the user's doing: keep the trace for a bug report, off the window
        System.err.println("nvlab: opening " + folder + " failed:");
        error.printStackTrace();
      }
    }
    text.setPrefColumnCount(64);
    alert.getDialogPane().setContent(text);
    alert.show();
  }

  private String keptText() {
    return projectFolder == null
        ? "nothing was opened."
        : SampleProjects.displayName(projectFolder) + " stays open.";
  }

  private void showRunFailure(String text) {
    Alert alert = new Alert(Alert.AlertType.WARNING);
    prepare(alert, "failureDialog");
    alert.setTitle("The run stopped");
    alert.setHeaderText("The simulation stopped");
    Label body = new Label(text + "\n\nReset (Ctrl+R) starts the run again from the project.");
    body.setWrapText(true);
    body.setMaxWidth(520);
    alert.getDialogPane().setContent(body);
    alert.show();
  }

  private void prepare(Alert alert, String id) {
    alert.initOwner(stage);
    alert.getDialogPane().setId(id);
    alert.setResizable(true);
    if (CSS != null) {
      alert.getDialogPane().getStylesheets().add(CSS);
    }
  }

  // ---- For tests ----

  SimulationService service() {
    return service;
  }

  Path projectFolder() {
    return projectFolder;
  }

  GraphView graphView() {
    return graphView;
  }

  PopulationChart chart() {
    return chart;
  }
}
