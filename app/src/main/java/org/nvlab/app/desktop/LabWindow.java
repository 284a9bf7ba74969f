package org.nvlab.app.desktop;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
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
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.CheckMenuItem;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.Separator;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.control.Slider;
import javafx.scene.control.Spinner;
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
import org.nvlab.core.edit.ProjectDocument;
import org.nvlab.core.project.Problem;
import org.nvlab.core.project.ProjectException;
import org.nvlab.core.project.ProjectFiles;
import org.nvlab.core.record.MetricRows;
import org.nvlab.core.snapshot.Snapshot;
import org.nvlab.viz.chart.ChartsPanel;
import org.nvlab.viz.editor.EditorsPane;
import org.nvlab.viz.graph.GraphSelection;
import org.nvlab.viz.graph.GraphView;
import org.nvlab.viz.inspect.InspectorPanel;

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
  private final ChartsPanel chart = new ChartsPanel();
  private final InspectorPanel inspector = new InspectorPanel();
  private final SplitPane sideSplit = new SplitPane();
  private final CheckMenuItem inspectorPanelItem = new CheckMenuItem("Inspector");
  private final EditorsPane editors = new EditorsPane();
  private final EditSession editing;
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
  private final ProgressBar progressBar = new ProgressBar();
  private final Button cancelButton = new Button("Cancel");
  private final Spinner<Integer> drawEverySpinner = new Spinner<>(1, 1000, 1);
  private final Menu recentMenu = new Menu("Open recent");
  private final CheckMenuItem samplesPanelItem = new CheckMenuItem("Samples");
  private final CheckMenuItem chartsPanelItem = new CheckMenuItem("Charts");
  private final MenuItem saveItem = new MenuItem("Save");
  private final BorderPane root = new BorderPane();
  private final SplitPane centreSplit = new SplitPane();
  private final VBox samplesPanel;
  private final LabPreferences prefs;
  private final Recovery recovery;
  private final String sessionId = java.util.UUID.randomUUID().toString();
  private final javafx.animation.Timeline autosave;
  private final AnimationTimer timer;
  private Path projectFolder;
  private ProjectSession session;
  private Task<?> runningTask;

  /** Saving runs here, off the FX thread (one at a time, in order). */
  private final java.util.concurrent.ExecutorService io =
      java.util.concurrent.Executors.newSingleThreadExecutor(
          r -> {
            Thread t = new Thread(r, "nvlab-io");
            t.setDaemon(true);
            return t;
          });

  private Task<LoadedRun> pendingLoad;
  private Snapshot shown;
  private boolean shownPlaying;
  private boolean loading;
  private long rateWindowStart;
  private int rateWindowTick = -1;
  private long framesAtWindow;

  /** Autosave interval while a project has unsaved changes. */
  static final javafx.util.Duration AUTOSAVE_EVERY = javafx.util.Duration.seconds(20);

  public LabWindow(Stage stage, SimulationService service, Path samplesFolder) {
    this(stage, service, samplesFolder, LabPreferences.forUser());
  }

  LabWindow(Stage stage, SimulationService service, Path samplesFolder, LabPreferences prefs) {
    this.stage = stage;
    this.service = service;
    this.samplesFolder = samplesFolder;
    this.prefs = prefs;
    this.recovery = prefs.recovery();
    this.editing = new EditSession(service, editors, this::message, this::edited);
    root.setId("labRoot");
    root.setTop(new VBox(menuBar(), toolBar()));
    samplesPanel = sampleBrowser();
    root.setLeft(samplesPanel);
    root.setCenter(centre());
    root.setBottom(statusBar());
    root.setRight(editors);
    // As large as a laptop screen allows, up to 1440 x 900: the graph, the charts and the editors
    // side by side.
    javafx.geometry.Rectangle2D screen = javafx.stage.Screen.getPrimary().getVisualBounds();
    Scene scene =
        new Scene(
            root,
            Math.max(960, Math.min(1440, screen.getWidth() - 40)),
            Math.max(640, Math.min(900, screen.getHeight() - 60)));
    editing.install(scene);
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
    autosave =
        new javafx.animation.Timeline(
            new javafx.animation.KeyFrame(AUTOSAVE_EVERY, e -> autosaveNow()));
    autosave.setCycleCount(javafx.animation.Animation.INDEFINITE);
    autosave.play();
    stage.setOnCloseRequest(
        e -> {
          if (!confirmDiscard("closing the window")) {
            e.consume();
          }
        });
    timer =
        new AnimationTimer() {
          @Override
          public void handle(long now) {
            pulse(now);
          }
        };
    timer.start();
  }

  /** Shows the window, then offers back the unsaved work of a session that crashed. */
  public void show() {
    stage.show();
    sampleList.requestFocus();
    Platform.runLater(this::offerRecovery);
  }

  /**
   * Stops the timer, the engine and the layout thread. The stage is left to its owner. A clean
   * close removes this session's autosave (the user was asked about unsaved changes before).
   */
  public void close() {
    timer.stop();
    autosave.stop();
    io.shutdown(); // lets a queued autosave or save finish, then removes the autosave
    try {
      io.awaitTermination(10, java.util.concurrent.TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    recovery.discard(sessionId);
    service.close();
    graphView.dispose();
    chart.dispose();
    editors.dispose();
  }

  // ---- Building the window ----

  private MenuBar menuBar() {
    MenuItem newItem = new MenuItem("New project");
    newItem.setId("newItem");
    newItem.setAccelerator(new KeyCodeCombination(KeyCode.N, KeyCombination.SHORTCUT_DOWN));
    newItem.setOnAction(e -> newProject());
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
    saveItem.setId("saveItem");
    saveItem.setAccelerator(new KeyCodeCombination(KeyCode.S, KeyCombination.SHORTCUT_DOWN));
    saveItem.setOnAction(e -> save());
    MenuItem saveAsItem = new MenuItem("Save as...");
    saveAsItem.setAccelerator(
        new KeyCodeCombination(KeyCode.S, KeyCombination.SHORTCUT_DOWN, KeyCombination.SHIFT_DOWN));
    saveAsItem.setOnAction(e -> chooseSaveAs());
    recentMenu.setId("recentMenu");
    recentMenu.setOnShowing(e -> fillRecent());
    fillRecent();
    MenuItem quit = new MenuItem("Quit");
    quit.setAccelerator(new KeyCodeCombination(KeyCode.Q, KeyCombination.SHORTCUT_DOWN));
    quit.setOnAction(
        e -> {
          if (confirmDiscard("quitting")) {
            Platform.exit();
          }
        });
    Menu file =
        new Menu(
            "File",
            null,
            newItem,
            openFolder,
            openZip,
            recentMenu,
            samples,
            new SeparatorMenuItem(),
            saveItem,
            saveAsItem,
            new SeparatorMenuItem(),
            quit);

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
    samplesPanelItem.setId("samplesPanelItem");
    samplesPanelItem.setSelected(true);
    samplesPanelItem.setAccelerator(
        new KeyCodeCombination(KeyCode.DIGIT1, KeyCombination.SHORTCUT_DOWN));
    samplesPanelItem.selectedProperty().addListener((o, a, b) -> showPanels());
    chartsPanelItem.setId("chartsPanelItem");
    chartsPanelItem.setSelected(true);
    chartsPanelItem.setAccelerator(
        new KeyCodeCombination(KeyCode.DIGIT2, KeyCombination.SHORTCUT_DOWN));
    chartsPanelItem.selectedProperty().addListener((o, a, b) -> showPanels());
    inspectorPanelItem.setId("inspectorPanelItem");
    inspectorPanelItem.setSelected(false);
    inspectorPanelItem.setAccelerator(
        new KeyCodeCombination(KeyCode.DIGIT3, KeyCombination.SHORTCUT_DOWN));
    inspectorPanelItem.selectedProperty().addListener((o, a, b) -> showPanels());
    Menu view =
        new Menu(
            "View",
            null,
            samplesPanelItem,
            chartsPanelItem,
            inspectorPanelItem,
            editing.showItem());
    MenuBar bar = new MenuBar(file, editing.menu(), run, view);
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
            speedLabel,
            new Separator(Orientation.VERTICAL),
            new Label("Draw every"),
            drawEverySpinner,
            new Label("ticks"),
            new Separator(Orientation.VERTICAL),
            editorsToggle());
    bar.setId("toolBar");
    return bar;
  }

  /** A toolbar button that shows and hides the editors (as View > Editors, Ctrl+E). */
  private javafx.scene.control.ToggleButton editorsToggle() {
    javafx.scene.control.ToggleButton t = new javafx.scene.control.ToggleButton("Editors");
    t.setId("editorsToggle");
    t.setFocusTraversable(false);
    t.setTooltip(new Tooltip("Show or hide the editors (Ctrl+E)"));
    t.selectedProperty().bindBidirectional(editing.showItem().selectedProperty());
    return t;
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
    graphView.selectionProperty().addListener((o, a, b) -> selected(b));
    var preview = editors.kernelPreview();
    javafx.beans.InvalidationListener overlay = o -> showKernelPreview();
    preview.shownValuesProperty().addListener(overlay);
    preview.shownProperty().addListener(overlay);
    preview.selectedNodeProperty().addListener(overlay);
    editors.tabs().getSelectionModel().selectedItemProperty().addListener(overlay);
    editing.showItem().selectedProperty().addListener(overlay);
    chart.setId("chartsPanel");
    chart.setTaskRunner(
        t -> {
          track(t);
          io.execute(t);
        });
    sideSplit.setOrientation(Orientation.VERTICAL);
    sideSplit.setId("sideSplit");
    inspector.setOnNodeChosen(service::inspectNode);
    inspector.setOnVesicleChosen(service::inspectVesicle);
    centreSplit.getItems().setAll(graphView, sideSplit);
    SplitPane.setResizableWithParent(sideSplit, false);
    showPanels();
    return centreSplit;
  }

  /** Shows the panels the View menu has ticked (the graph always stays). */
  private void showPanels() {
    root.setLeft(samplesPanelItem.isSelected() ? samplesPanel : null);
    java.util.List<javafx.scene.Node> side = new java.util.ArrayList<>();
    if (chartsPanelItem.isSelected()) {
      side.add(chart);
    }
    if (inspectorPanelItem.isSelected()) {
      side.add(inspector);
    }
    if (!sideSplit.getItems().equals(side)) {
      sideSplit.getItems().setAll(side);
      if (side.size() == 2) {
        sideSplit.setDividerPositions(0.62);
      }
    }
    boolean any = !side.isEmpty();
    if (any && !centreSplit.getItems().contains(sideSplit)) {
      centreSplit.getItems().add(sideSplit);
    } else if (!any) {
      centreSplit.getItems().remove(sideSplit);
    }
    if (any) {
      centreSplit.setDividerPositions(0.64);
    }
  }

  private HBox statusBar() {
    messageLabel.setId("messageLabel");
    tickLabel.setId("tickLabel");
    populationLabel.setId("populationLabel");
    tpsLabel.setId("tpsLabel");
    fpsLabel.setId("fpsLabel");
    Region grow = new Region();
    HBox.setHgrow(grow, Priority.ALWAYS);
    progressBar.setId("progressBar");
    progressBar.setPrefWidth(120);
    progressBar.setVisible(false);
    cancelButton.setId("cancelButton");
    cancelButton.setVisible(false);
    cancelButton.setFocusTraversable(false);
    cancelButton.setOnAction(e -> cancelTask());
    HBox bar =
        new HBox(
            18,
            messageLabel,
            progressBar,
            cancelButton,
            grow,
            tickLabel,
            populationLabel,
            tpsLabel,
            fpsLabel);
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

  /**
   * Opens a project (folder, project.json or shared zip) off the FX thread; a broken project leaves
   * the current one open, and unsaved changes of the current one are asked about first.
   */
  public void open(Path folder) {
    if (!confirmDiscard("opening another project")) {
      return;
    }
    Path abs = folder.toAbsolutePath().normalize();
    String name = SampleProjects.displayName(abs);
    message("Opening " + name + "...");
    loading = true;
    updateControls();
    Task<LoadedRun> task = service.open(abs, null);
    pendingLoad = task;
    track(task);
    task.setOnSucceeded(
        e -> {
          if (task != pendingLoad) {
            return; // a later open or reset superseded this one (the service did not install it)
          }
          loading = false;
          LoadedRun run = task.getValue();
          install(new ProjectSession(run.document(), run.read().view(), abs, false), run);
          prefs.addRecent(abs);
          int k = run.typeNames().size();
          String notes =
              run.read().migrated()
                  ? " (a format "
                      + run.read().fileVersion()
                      + " file, read in the current format: Save rewrites it)"
                  : run.read().warnings().isEmpty()
                      ? ""
                      : " (" + run.read().warnings().get(0) + ")";
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
                  + run.seed()
                  + notes);
          updateControls();
        });
    task.setOnFailed(
        e -> {
          if (task != pendingLoad) {
            return;
          }
          loading = false;
          message(session == null ? "Ready" : "Kept " + session.name());
          showLoadFailure(abs, task.getException());
          updateControls();
        });
    task.setOnCancelled(
        e -> {
          if (task == pendingLoad) {
            loading = false;
            message("Opening " + name + " cancelled; " + keptText());
            updateControls();
          }
        });
  }

  /** Starts a new, unsaved project from the template (File > Save As gives it a folder). */
  public void newProject() {
    if (!confirmDiscard("starting a new project")) {
      return;
    }
    ProjectSession fresh = ProjectSession.newProject();
    loading = true;
    updateControls();
    Task<LoadedRun> task = service.run(fresh.document(), null, null);
    pendingLoad = task;
    track(task);
    task.setOnSucceeded(
        e -> {
          if (task != pendingLoad) {
            return;
          }
          loading = false;
          install(fresh, task.getValue());
          message("A new project: edit it, then File > Save As gives it a folder");
          updateControls();
        });
    task.setOnFailed(
        e -> {
          if (task == pendingLoad) {
            loading = false;
            showLoadFailure(Path.of("untitled"), task.getException());
            updateControls();
          }
        });
  }

  /** Makes a session current once its run is installed. */
  private void install(ProjectSession s, LoadedRun run) {
    if (session != null && session != s) {
      discardAutosave(); // the previous project's autosave: it was saved or discarded
    }
    session = s;
    projectFolder = s.location();
    if (s.location() != null && sampleList.getItems().contains(s.location())) {
      sampleList.getSelectionModel().select(s.location());
    } else {
      sampleList.getSelectionModel().clearSelection();
    }
    seedField.setText(Long.toString(run.seed()));
    editing.open(s.document());
    applyView(s.view());
    updateTitle();
  }

  /** The document changed (an edit, undo, redo or save): the title shows whether it is saved. */
  private void edited() {
    updateTitle();
    updateControls();
  }

  private void updateTitle() {
    stage.setTitle(
        session == null
            ? APP_TITLE
            : APP_TITLE + " - " + session.name() + (session.dirty() ? " *" : ""));
  }

  /** Saves the project into its folder, or asks where when it has none (new, shared zip). */
  public void save() {
    if (session == null) {
      return;
    }
    if (session.saveFolder() == null) {
      chooseSaveAs();
      return;
    }
    saveTo(session.saveFolder());
  }

  private void chooseSaveAs() {
    if (session == null) {
      return;
    }
    FileChooser chooser = new FileChooser();
    chooser.setTitle("Save project as (a NAME.nvlab folder)");
    chooser.setInitialFileName(session.name() + ProjectFiles.FOLDER_SUFFIX);
    Path start = projectFolder != null ? projectFolder.toAbsolutePath().getParent() : null;
    if (start != null && start.toFile().isDirectory()) {
      chooser.setInitialDirectory(start.toFile());
    }
    java.io.File f = chooser.showSaveDialog(stage);
    if (f != null) {
      saveAs(f.toPath());
    }
  }

  /**
   * Saves the project as a new folder (NAME.nvlab is added to a name without it) and keeps working
   * there. Runs off the FX thread; the outcome is a line in the status bar.
   */
  public void saveAs(Path target) {
    Path folder = target.toAbsolutePath().normalize();
    if (!folder.getFileName().toString().endsWith(ProjectFiles.FOLDER_SUFFIX)) {
      folder = folder.resolveSibling(folder.getFileName() + ProjectFiles.FOLDER_SUFFIX);
    }
    saveTo(folder);
  }

  private void saveTo(Path folder) {
    ProjectSession s = session;
    ObjectNode view = viewState();
    ProjectDocument.Revision revision = s.document().revision();
    message("Saving " + folder.getFileName() + "...");
    Task<Void> task =
        new Task<>() {
          @Override
          protected Void call() throws Exception {
            updateProgress(-1, 1);
            s.write(revision, folder, view);
            return null;
          }
        };
    track(task);
    task.setOnSucceeded(
        e -> {
          s.saved(revision, folder);
          if (!s.dirty()) {
            discardAutosave();
          }
          projectFolder = s.location();
          service.relocate(s.location());
          prefs.addRecent(s.location());
          updateTitle();
          updateControls();
          message("Saved " + s.location());
        });
    task.setOnFailed(
        e -> {
          Throwable t = task.getException();
          message("Not saved: " + (t.getMessage() == null ? t.toString() : t.getMessage()));
        });
    io.execute(task);
  }

  /** What the window looked like, saved as view.json beside project.json (never in it). */
  ObjectNode viewState() {
    ObjectNode v = JsonNodeFactory.instance.objectNode();
    ObjectNode panels = v.putObject("panels");
    panels.put("samples", samplesPanelItem.isSelected());
    panels.put("charts", chartsPanelItem.isSelected());
    panels.put("inspector", inspectorPanelItem.isSelected());
    panels.put("editors", editing.showItem().isSelected());
    v.put("speed", SPEEDS[(int) Math.round(speedSlider.getValue())]);
    v.put("drawEvery", drawEverySpinner.getValue());
    return v;
  }

  /** Restores what view.json says (unknown or broken entries keep the current view). */
  private void applyView(ObjectNode v) {
    if (v == null) {
      return;
    }
    JsonNode panels = v.path("panels");
    if (panels.path("samples").isBoolean()) {
      samplesPanelItem.setSelected(panels.path("samples").asBoolean());
    }
    if (panels.path("charts").isBoolean()) {
      chartsPanelItem.setSelected(panels.path("charts").asBoolean());
    }
    if (panels.path("inspector").isBoolean()) {
      inspectorPanelItem.setSelected(panels.path("inspector").asBoolean());
    }
    if (panels.path("editors").isBoolean()) {
      editing.showItem().setSelected(panels.path("editors").asBoolean());
    }
    showPanels();
    if (v.path("speed").isNumber()) {
      double tps = v.path("speed").asDouble();
      for (int i = 0; i < SPEEDS.length; i++) {
        if (SPEEDS[i] == tps) {
          speedSlider.setValue(i);
        }
      }
    }
    if (v.path("drawEvery").canConvertToInt()) {
      drawEverySpinner.getValueFactory().setValue(Math.max(1, v.path("drawEvery").asInt()));
    }
  }

  private void fillRecent() {
    recentMenu.getItems().clear();
    for (Path p : prefs.recent()) {
      MenuItem item = new MenuItem(SampleProjects.displayName(p) + "  (" + p.getParent() + ")");
      item.setOnAction(e -> open(p));
      recentMenu.getItems().add(item);
    }
    if (recentMenu.getItems().isEmpty()) {
      MenuItem none = new MenuItem("(none yet)");
      none.setDisable(true);
      recentMenu.getItems().add(none);
    }
  }

  /** Writes unsaved changes to the recovery folder (never over the user's own files). */
  java.util.concurrent.CompletableFuture<Void> autosaveNow() {
    if (session == null || !session.dirty()) {
      return java.util.concurrent.CompletableFuture.completedFuture(null);
    }
    // The revision's tree is never changed (an edit makes a new one): safe to write elsewhere.
    ObjectNode tree = session.tree();
    Path location = session.location();
    String name = session.name();
    String id = sessionId;
    return java.util.concurrent.CompletableFuture.runAsync(
        () -> {
          try {
            recovery.write(id, location, name, tree);
          } catch (java.io.IOException e) {
            Platform.runLater(
                () ->
                    message(
                        "Autosave failed: "
                            + e.getMessage()
                            + " (save the project to keep your changes)"));
          }
        },
        io);
  }

  /**
   * Removes this session's autosave, on the I/O thread after any autosave still queued there (so an
   * autosave never lands after the discard that should have ended it).
   */
  private void discardAutosave() {
    String id = sessionId;
    io.execute(() -> recovery.discard(id));
  }

  /** Offers back the unsaved work of sessions that ended without saving it (a crash). */
  void offerRecovery() {
    for (Recovery.Entry e : recovery.orphans()) {
      Alert alert = new Alert(Alert.AlertType.CONFIRMATION);
      prepare(alert, "recoveryDialog");
      alert.setTitle("Recover unsaved changes");
      alert.setHeaderText(
          "The lab did not close normally. Unsaved changes of "
              + e.name()
              + " were autosaved at "
              + e.savedAt()
              + ".");
      ButtonType recover = new ButtonType("Recover");
      ButtonType discard = new ButtonType("Discard");
      ButtonType later = new ButtonType("Ask later", ButtonBar.ButtonData.CANCEL_CLOSE);
      alert.getButtonTypes().setAll(recover, discard, later);
      ButtonType choice = alert.showAndWait().orElse(later);
      if (choice == recover) {
        recover(e);
        return; // one project at a time; the others are offered at the next start
      } else if (choice == discard) {
        recovery.discard(e.id());
      }
    }
  }

  /** Opens an autosaved project as unsaved changes of the project it belongs to. */
  void recover(Recovery.Entry entry) {
    ProjectFiles.Loaded doc;
    try {
      doc = Recovery.read(entry);
    } catch (ProjectException ex) {
      showLoadFailure(entry.projectFile(), ex);
      return;
    }
    ProjectSession s =
        new ProjectSession(ProjectDocument.of(doc), doc.view(), entry.location(), true);
    loading = true;
    updateControls();
    Task<LoadedRun> task = service.run(s.document(), entry.location(), null);
    pendingLoad = task;
    track(task);
    task.setOnSucceeded(
        e -> {
          if (task != pendingLoad) {
            return;
          }
          loading = false;
          install(s, task.getValue());
          recovery.discard(entry.id());
          autosaveNow(); // under this session's id from now on
          message("Recovered the unsaved changes of " + s.name() + "; save them to keep them");
          updateControls();
        });
    task.setOnFailed(
        e -> {
          if (task == pendingLoad) {
            loading = false;
            showLoadFailure(entry.projectFile(), task.getException());
            updateControls();
          }
        });
  }

  /**
   * Asks what to do with unsaved changes before they would be lost; true when the action may go on
   * (saved, discarded, or nothing unsaved).
   */
  private boolean confirmDiscard(String action) {
    if (session == null || !session.dirty()) {
      return true;
    }
    Alert alert = new Alert(Alert.AlertType.CONFIRMATION);
    prepare(alert, "unsavedDialog");
    alert.setTitle("Unsaved changes");
    alert.setHeaderText(session.name() + " has unsaved changes. Save them before " + action + "?");
    ButtonType saveButton = new ButtonType("Save");
    ButtonType discard = new ButtonType("Discard changes");
    ButtonType cancel = new ButtonType("Cancel", ButtonBar.ButtonData.CANCEL_CLOSE);
    alert.getButtonTypes().setAll(saveButton, discard, cancel);
    ButtonType choice = alert.showAndWait().orElse(cancel);
    if (choice == saveButton) {
      if (session.saveFolder() == null) {
        chooseSaveAs();
        return false; // the save runs in the background: the user repeats the action after it
      }
      try {
        session.save(viewState());
        discardAutosave();
        return true;
      } catch (java.io.IOException ex) {
        message("Not saved: " + ex.getMessage());
        return false;
      }
    }
    if (choice == discard) {
      discardAutosave();
      return true;
    }
    return false;
  }

  /** Shows a task's progress and a Cancel button in the status bar while it runs. */
  private void track(Task<?> task) {
    runningTask = task;
    progressBar.progressProperty().bind(task.progressProperty());
    progressBar.visibleProperty().bind(task.runningProperty());
    cancelButton.visibleProperty().bind(task.runningProperty());
  }

  private void cancelTask() {
    Task<?> t = runningTask;
    if (t != null && t.isRunning()) {
      t.cancel();
    }
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
    if (session != null) {
      service.togglePlay();
      updateControls();
    }
  }

  private void step() {
    if (session != null) {
      service.step();
      updateControls();
    }
  }

  /**
   * Rebuilds the run from the project as it is now (with its unsaved changes, not the file) and the
   * seed in the seed field.
   */
  private void reset() {
    if (session == null || loading) {
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
    String name = session.name();
    Path folder = session.location() != null ? session.location() : Path.of(name);
    message("Resetting " + name + "...");
    Task<LoadedRun> task = service.run(session.document(), session.location(), seed);
    pendingLoad = task;
    track(task);
    task.setOnSucceeded(
        e -> {
          if (task != pendingLoad) {
            return;
          }
          loading = false;
          message("Reset " + name + " with seed " + task.getValue().seed());
          seedField.setText(Long.toString(task.getValue().seed()));
          updateControls();
        });
    task.setOnFailed(
        e -> {
          if (task != pendingLoad) {
            return;
          }
          loading = false;
          message("Kept the current run of " + name);
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
    for (MetricRows rows : service.takeMetricRows()) {
      chart.accept(rows);
    }
    if (inspectorPanelItem.isSelected()) {
      var vesicle = service.vesicleDetail();
      inspector.show(service.nodeDetail(), vesicle, service.vesicleGone());
      // The inspected vesicle's path so far, drawn on the graph too.
      graphView.setVesiclePath(vesicle == null ? null : vesicle.path());
    } else {
      graphView.setVesiclePath(null);
    }
    Snapshot s = service.latest();
    if (s != null && s != shown) {
      shown = s;
      graphView.show(s);
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
    boolean open = session != null;
    saveItem.setDisable(!open);
    boolean playing = service.isPlaying();
    playButton.setText(playing ? "Pause" : "Play");
    playItem.setText(playing ? "Pause" : "Play");
    for (javafx.scene.Node n : List.of(playButton, stepButton, resetButton)) {
      n.setDisable(!open || loading);
    }
    playItem.setDisable(!open || loading);
    stepItem.setDisable(!open || loading);
    resetItem.setDisable(!open || loading);
    recordItem.setDisable(
        !open || loading || projectFolder == null || ProjectFiles.isArchive(projectFolder));
  }

  /**
   * Records the run so far in the project's run store (NAME.nvlab/runs/, where nvlab runs and nvlab
   * export find it); the outcome is one line in the status bar.
   */
  public void recordRun() {
    if (session == null || loading) {
      return;
    }
    if (session.dirty() || session.saveFolder() == null) {
      message(
          "Save the project first (File > Save): a recorded run names the saved project it came"
              + " from");
      return;
    }
    message("Recording the run...");
    Task<String> task = service.recordRun();
    track(task);
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
    return session == null ? "nothing was opened." : session.name() + " stays open.";
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

  ProjectSession session() {
    return session;
  }

  Recovery recovery() {
    return recovery;
  }

  GraphView graphView() {
    return graphView;
  }

  InspectorPanel inspector() {
    return inspector;
  }

  /** Shows the inspector panel and picks a node in it (as a click in the graph does). */
  public void inspectNode(int node) {
    inspectorPanelItem.setSelected(true);
    inspector.pickNode(node);
    service.inspectNode(node);
  }

  /**
   * While the kernel editor is shown, the graph colours the nodes by its preview: the probability
   * of each node one hop from the chosen node, or the stationary distribution.
   */
  private void showKernelPreview() {
    var preview = editors.kernelPreview();
    var tab = editors.tabs().getSelectionModel().getSelectedItem();
    double[] values = preview.shownValuesProperty().get();
    boolean on =
        editing.showItem().isSelected()
            && tab != null
            && "kernelTab".equals(tab.getId())
            && values != null;
    if (!on) {
      graphView.setNodeOverlay(null, null);
      return;
    }
    String label =
        preview.shownProperty().get() == org.nvlab.viz.editor.KernelPreviewModel.Shown.STATIONARY
            ? "kernel's stationary distribution \u03c0"
            : "kernel's P(one hop from node " + preview.selectedNodeProperty().get() + ")";
    graphView.setNodeOverlay(label, values);
  }

  /**
   * A click in the graph: a node or a vesicle goes to the inspector (shown if hidden), and a node
   * becomes the kernel preview's start node.
   */
  private void selected(GraphSelection sel) {
    if (sel == null || sel.isEmpty()) {
      return;
    }
    editors.kernelPreview().selectedNodeProperty().set(sel.node());
    inspectNode(sel.node());
    if (sel.isVesicle()) {
      service.inspectVesicle(sel.vesicleId());
    }
  }

  ChartsPanel chart() {
    return chart;
  }

  EditorsPane editors() {
    return editors;
  }

  EditSession editing() {
    return editing;
  }
}
