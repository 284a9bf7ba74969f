package org.nvlab.app.desktop;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URL;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import javafx.animation.AnimationTimer;
import javafx.application.Platform;
import javafx.geometry.Rectangle2D;
import javafx.scene.Scene;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.VBox;
import javafx.stage.Screen;
import javafx.stage.Stage;
import org.nvlab.core.snapshot.Snapshot;
import org.nvlab.viz.chart.ChartsPanel;
import org.nvlab.viz.editor.EditorsPane;
import org.nvlab.viz.graph.GraphView;
import org.nvlab.viz.inspect.InspectorPanel;

/**
 * The lab's main window, put together from its parts: the {@link LabMenus} and the {@link
 * RunControls} toolbar on top, the {@link LabPanels} (samples, network view, charts, inspector,
 * editors) in the middle, the {@link StatusBar} below; the {@link ProjectActions} open, save and
 * recover projects through the one {@link ProjectLoader}, the {@link EditSession} carries edits to
 * the run, and the {@link ViewState} is what view.json keeps of the window.
 *
 * <p>Everything here runs on the FX thread and never touches a simulation: the {@link
 * SimulationService} runs it, and an {@link AnimationTimer} polls the service's latest snapshot
 * once per pulse, redrawing only when a new one has arrived. Errors the user can cause (a broken
 * project, a run that diverges, a save the disk refuses) become dialogs or status lines with the
 * reason; nothing already open is lost.
 */
public final class LabWindow {
  private static final String APP_TITLE = "Neuro-Vesicles Lab";
  private static final URL CSS_URL = LabWindow.class.getResource("lab.css");
  private static final String CSS = CSS_URL == null ? null : CSS_URL.toExternalForm();

  private final Stage stage;
  private final SimulationService service;
  private final StatusBar status = new StatusBar();
  private final LabDialogs dialogs;
  private final EditorsPane editors = new EditorsPane();
  private final EditSession editing;
  private final ProjectActions projects;
  private final LabPanels panels;
  private final RunControls run;
  private final ViewState viewState;
  private final LabMenus menus;
  private final AnimationTimer timer;
  private Snapshot shown;
  private boolean shownPlaying;

  public LabWindow(Stage stage, SimulationService service, Path samplesFolder) {
    this(stage, service, samplesFolder, LabPreferences.forUser());
  }

  LabWindow(Stage stage, SimulationService service, Path samplesFolder, LabPreferences prefs) {
    this.stage = stage;
    this.service = service;
    dialogs = new LabDialogs(stage, CSS);
    editing = new EditSession(service, editors, status::say, this::refresh);
    projects =
        new ProjectActions(
            stage,
            service,
            samplesFolder,
            prefs,
            status,
            dialogs,
            this::viewJson,
            this::showProject,
            this::refresh);
    panels =
        new LabPanels(
            service,
            editors,
            editing,
            samplesFolder,
            projects::open,
            projects::background,
            status::say);
    run = new RunControls(service, projects, status, editing.showItem(), this::refresh);
    viewState = new ViewState(panels, editing.showItem(), run);
    menus = new LabMenus(projects, run, panels, editing, samplesFolder);

    BorderPane root = panels.root();
    root.setTop(new VBox(menus.node(), run.node()));
    root.setBottom(status.node());
    // As large as a laptop screen allows, up to 1440 x 900: the graph, the charts and the editors
    // side by side.
    Rectangle2D screen = Screen.getPrimary().getVisualBounds();
    Scene scene =
        new Scene(
            root,
            Math.max(960, Math.min(1440, screen.getWidth() - 40)),
            Math.max(640, Math.min(900, screen.getHeight() - 60)));
    editing.install(scene);
    run.installKeys(scene);
    if (CSS != null) {
      scene.getStylesheets().add(CSS);
    }
    stage.setScene(scene);
    stage.setTitle(APP_TITLE);
    stage.setMinWidth(720);
    stage.setMinHeight(480);
    stage.setOnCloseRequest(projects::closeRequested);
    status.say(
        samplesFolder == null
            ? "No sample-projects folder found (set -Dnvlab.home to the lab's folder)"
            : "Ready");
    refresh();
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
    panels.focusSamples();
    Platform.runLater(projects::offerRecovery);
  }

  /**
   * Stops the timer, the engine and the layout thread. The stage is left to its owner. A clean
   * close removes this session's autosave (the user was asked about unsaved changes before).
   */
  public void close() {
    timer.stop();
    projects.close();
    service.close();
    panels.dispose();
  }

  // ---- The parts, joined ----

  /** A project's run is installed: the window shows it (another project, or the same reset). */
  private void showProject(ProjectSession s, LoadedRun loaded, boolean another) {
    run.showSeed(loaded.seed());
    if (another) {
      panels.showOpen(s.location());
      editing.open(s.document());
      viewState.restore(s.view());
    }
    refresh();
  }

  private ObjectNode viewJson() {
    return viewState.save();
  }

  /**
   * The project, its saved state, loading or playing changed: the title says what is open and
   * whether it is saved, and the menus and toolbar what may be done now.
   */
  private void refresh() {
    ProjectSession s = projects.session();
    stage.setTitle(s == null ? APP_TITLE : APP_TITLE + " - " + s.name() + (s.dirty() ? " *" : ""));
    boolean playing = service.isPlaying();
    menus.update(s != null, s != null && !projects.loading(), run.recordable(), playing);
    run.update(playing);
  }

  /** Once per pulse: what the service published since the last one. */
  private void pulse(long now) {
    panels.pulse();
    Snapshot s = service.latest();
    if (s != null && s != shown) {
      shown = s;
      panels.show(s);
      status.shown(s);
    }
    boolean playing = service.isPlaying();
    if (playing != shownPlaying) {
      shownPlaying = playing;
      refresh();
    }
    String failure = service.pollFailure();
    if (failure != null) {
      // Not from inside the pulse: a dialog may not be shown during animation processing.
      Platform.runLater(() -> dialogs.runStopped(failure));
    }
    status.rates(now, shown == null ? -1 : shown.tick(), panels.graphView().framesDrawn());
    status.rewind(service.timeline());
  }

  // ---- What the application and the tests drive ----

  /**
   * Opens a project (folder, project.json or shared zip) off the FX thread; a broken project leaves
   * the current one open, and unsaved changes of the current one are asked about first.
   */
  public void open(Path project) {
    projects.open(project);
  }

  /** Starts a new, unsaved project from the template (File > Save As gives it a folder). */
  public void newProject() {
    projects.newProject();
  }

  /** Saves the project into its folder, or asks where when it has none (new, shared zip). */
  public void save() {
    projects.save();
  }

  /** Saves the project as a new NAME.nvlab folder and keeps working there (off the FX thread). */
  public void saveAs(Path target) {
    projects.saveAs(target);
  }

  /** Records the run so far in the project's run store (a line in the status bar says how). */
  public void recordRun() {
    run.recordRun();
  }

  /** Shows the inspector panel and picks a node in it (as a click in the graph does). */
  public void inspectNode(int node) {
    panels.inspectNode(node);
  }

  /** Writes unsaved changes to the recovery folder now (as the autosave timer does). */
  CompletableFuture<Void> autosaveNow() {
    return projects.autosaveNow();
  }

  /** Offers back the autosaves of sessions that crashed (as {@link #show} does). */
  void offerRecovery() {
    projects.offerRecovery();
  }

  SimulationService service() {
    return service;
  }

  /** Where the open project lives (null: none open, or a new one never saved). */
  Path projectFolder() {
    ProjectSession s = projects.session();
    return s == null ? null : s.location();
  }

  ProjectSession session() {
    return projects.session();
  }

  ProjectActions projects() {
    return projects;
  }

  GraphView graphView() {
    return panels.graphView();
  }

  InspectorPanel inspector() {
    return panels.inspector();
  }

  ChartsPanel chart() {
    return panels.chart();
  }

  EditorsPane editors() {
    return editors;
  }

  EditSession editing() {
    return editing;
  }
}
