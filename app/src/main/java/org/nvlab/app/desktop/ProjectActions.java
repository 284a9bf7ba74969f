package org.nvlab.app.desktop;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.File;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Supplier;
import javafx.animation.Animation;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.application.Platform;
import javafx.concurrent.Task;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.stage.DirectoryChooser;
import javafx.stage.FileChooser;
import javafx.stage.Stage;
import javafx.stage.WindowEvent;
import javafx.util.Duration;
import org.nvlab.core.edit.ProjectDocument;
import org.nvlab.core.project.ProjectFiles;

/**
 * What the lab does with projects: new, open (a folder, a shared zip, a recent or a sample
 * project), save, save as, reset, and the question about unsaved changes before anything would lose
 * them; autosave of unsaved changes and their recovery after a crash. Holds the open {@link
 * ProjectSession}. Every load goes through the {@link ProjectLoader}; every save and autosave runs
 * on the I/O thread (one at a time, in order), never on the FX thread, and an action that waits for
 * a save goes on when it has succeeded.
 *
 * <p>FX thread only, but for what runs on the I/O thread.
 */
final class ProjectActions {
  /** Autosave interval while a project has unsaved changes. */
  static final Duration AUTOSAVE_EVERY = Duration.seconds(20);

  /** How the window shows a project once its run is installed. */
  interface Shown {
    /**
     * @param another true for another project than the one shown (false: the same one reset)
     */
    void show(ProjectSession session, LoadedRun run, boolean another);
  }

  /** Writes a revision into a project folder, on the I/O thread (tests slow it or make it fail). */
  interface Writer {
    void write(ProjectSession s, ProjectDocument.Revision r, Path folder, ObjectNode view)
        throws IOException;
  }

  private final Stage stage;
  private final SimulationService service;
  private final Path samplesFolder;
  private final LabPreferences prefs;
  private final Recovery recovery;
  private final StatusBar status;
  private final LabDialogs dialogs;
  private final Supplier<ObjectNode> viewState;
  private final Shown shown;
  private final Runnable changed;
  private final ProjectLoader loader;
  private final String sessionId = UUID.randomUUID().toString();
  private final Timeline autosave;

  /** Saves, autosaves and exports run here, off the FX thread (one at a time, in order). */
  private final ExecutorService io =
      Executors.newSingleThreadExecutor(
          r -> {
            Thread t = new Thread(r, "nvlab-io");
            t.setDaemon(true);
            return t;
          });

  private ProjectSession session;
  private Writer writer = ProjectSession::write;

  /**
   * @param viewState what the window looks like now, for view.json
   * @param changed called when the project, its saved state or loading changes (title, controls)
   */
  ProjectActions(
      Stage stage,
      SimulationService service,
      Path samplesFolder,
      LabPreferences prefs,
      StatusBar status,
      LabDialogs dialogs,
      Supplier<ObjectNode> viewState,
      Shown shown,
      Runnable changed) {
    this.stage = stage;
    this.service = service;
    this.samplesFolder = samplesFolder;
    this.prefs = prefs;
    this.recovery = prefs.recovery();
    this.status = status;
    this.dialogs = dialogs;
    this.viewState = viewState;
    this.shown = shown;
    this.changed = changed;
    this.loader =
        new ProjectLoader(service, status, dialogs, () -> session, this::install, changed);
    autosave = new Timeline(new KeyFrame(AUTOSAVE_EVERY, e -> autosaveNow()));
    autosave.setCycleCount(Animation.INDEFINITE);
    autosave.play();
  }

  /** The open project, or null. */
  ProjectSession session() {
    return session;
  }

  boolean loading() {
    return loader.loading();
  }

  /** Recently opened projects, newest first (File > Open recent). */
  List<Path> recent() {
    return prefs.recent();
  }

  /** Runs a task on the I/O thread, its progress and Cancel in the status bar (chart exports). */
  void background(Task<?> task) {
    status.track(task, true);
    io.execute(task);
  }

  // ---- Loading: every action ends in the loader ----

  /** Starts a new, unsaved project from the template (File > Save As gives it a folder). */
  void newProject() {
    afterUnsavedChanges(
        "starting a new project", () -> loader.load(new ProjectSource.Template(), run -> {}));
  }

  /**
   * Opens a project (folder, project.json or shared zip) in the background; a broken project leaves
   * the current one open.
   */
  void open(Path project) {
    Path abs = project.toAbsolutePath().normalize();
    afterUnsavedChanges(
        "opening another project",
        () -> loader.load(new ProjectSource.Disk(abs), run -> prefs.addRecent(abs)));
  }

  /** Builds the open project's run again, as it is now, with a seed (null: the project's own). */
  void reset(Long seed) {
    if (session != null && !loading()) {
      loader.load(new ProjectSource.Rebuild(session, seed), run -> {});
    }
  }

  /**
   * Opens an autosaved project as unsaved changes of the project it belongs to. Offered at start in
   * a modal dialog, before anything could be edited: nothing unsaved is open to ask about.
   */
  void recover(Recovery.Entry entry) {
    loader.load(
        new ProjectSource.Autosave(entry),
        run -> {
          service.relocate(entry.location()); // it was read from the recovery folder
          recovery.discard(entry.id());
          autosaveNow(); // under this session's id from now on
        });
  }

  /** Offers back the unsaved work of sessions that ended without saving it (a crash). */
  void offerRecovery() {
    for (Recovery.Entry e : recovery.orphans()) {
      ButtonType recover = new ButtonType("Recover");
      ButtonType discard = new ButtonType("Discard");
      ButtonType later = new ButtonType("Ask later", ButtonBar.ButtonData.CANCEL_CLOSE);
      ButtonType choice =
          dialogs.ask(
              "recoveryDialog",
              "Recover unsaved changes",
              "The lab did not close normally. Unsaved changes of "
                  + e.name()
                  + " were autosaved at "
                  + e.savedAt()
                  + ".",
              recover,
              discard,
              later);
      if (choice == recover) {
        recover(e);
        return; // one project at a time; the others are offered at the next start
      } else if (choice == discard) {
        recovery.discard(e.id());
      }
    }
  }

  /** Makes a loaded session the window's (the loader calls it once the service installed it). */
  private void install(ProjectSession s, LoadedRun run) {
    boolean another = s != session;
    if (session != null && another) {
      discardAutosave(); // the previous project's autosave: it was saved or discarded
    }
    session = s;
    shown.show(s, run, another);
  }

  void chooseFolder() {
    DirectoryChooser chooser = new DirectoryChooser();
    chooser.setTitle("Open project folder");
    File start = startFolder();
    if (start != null) {
      chooser.setInitialDirectory(start);
    }
    File f = chooser.showDialog(stage);
    if (f != null) {
      open(f.toPath());
    }
  }

  /** A project shared as one zip (nvlab pack): opened in place, read-only. */
  void chooseArchive() {
    FileChooser chooser = new FileChooser();
    chooser.setTitle("Open shared project");
    chooser
        .getExtensionFilters()
        .add(new FileChooser.ExtensionFilter("Shared projects (*.nvlab.zip, *.zip)", "*.zip"));
    File start = startFolder();
    if (start != null) {
      chooser.setInitialDirectory(start);
    }
    File f = chooser.showOpenDialog(stage);
    if (f != null) {
      open(f.toPath());
    }
  }

  /** Where a chooser starts: beside the open project, else in the samples. */
  private File startFolder() {
    Path start =
        session != null && session.location() != null
            ? session.location().toAbsolutePath().getParent()
            : samplesFolder;
    return start != null && start.toFile().isDirectory() ? start.toFile() : null;
  }

  // ---- Saving: on the I/O thread ----

  /** Saves the project into its folder, or asks where when it has none (new, shared zip). */
  void save() {
    if (session == null) {
      return;
    }
    Path folder = session.saveFolder() != null ? session.saveFolder() : askSaveAsFolder();
    if (folder != null) {
      saveTo(folder, () -> {}, why -> {});
    }
  }

  /** File > Save as: asks for a new folder, then saves there. */
  void chooseSaveAs() {
    Path folder = askSaveAsFolder();
    if (folder != null) {
      saveTo(folder, () -> {}, why -> {});
    }
  }

  /**
   * Saves the project as a new folder (NAME.nvlab is added to a name without it) and keeps working
   * there. Runs off the FX thread; the outcome is a line in the status bar.
   */
  void saveAs(Path target) {
    if (session != null) {
      saveTo(projectFolder(target), () -> {}, why -> {});
    }
  }

  /** The Save As chooser's folder, or null when the user cancelled it (or nothing is open). */
  private Path askSaveAsFolder() {
    if (session == null) {
      return null;
    }
    FileChooser chooser = new FileChooser();
    chooser.setTitle("Save project as (a NAME.nvlab folder)");
    chooser.setInitialFileName(session.name() + ProjectFiles.FOLDER_SUFFIX);
    File start = session.location() != null ? startFolder() : null;
    if (start != null) {
      chooser.setInitialDirectory(start);
    }
    File f = chooser.showSaveDialog(stage);
    return f == null ? null : projectFolder(f.toPath());
  }

  private static Path projectFolder(Path target) {
    Path folder = target.toAbsolutePath().normalize();
    if (!folder.getFileName().toString().endsWith(ProjectFiles.FOLDER_SUFFIX)) {
      folder = folder.resolveSibling(folder.getFileName() + ProjectFiles.FOLDER_SUFFIX);
    }
    return folder;
  }

  /**
   * Writes the open project's current revision and the view state into a folder on the I/O thread,
   * the status bar saying so meanwhile. When it has succeeded (FX thread) the project lives there
   * and that revision is the saved one; edits made meanwhile stay unsaved.
   *
   * @param then what to do after it succeeded
   * @param failed what to do after it failed, with the reason (the status bar says it too)
   */
  private void saveTo(Path folder, Runnable then, Consumer<String> failed) {
    ProjectSession s = session;
    ObjectNode view = viewState.get();
    ProjectDocument.Revision revision = s.document().revision();
    Writer w = writer;
    status.say("Saving " + folder.getFileName() + "...");
    Task<Void> task =
        new Task<>() {
          @Override
          protected Void call() throws Exception {
            updateProgress(-1, 1);
            w.write(s, revision, folder, view);
            return null;
          }
        };
    status.track(task, false);
    task.setOnSucceeded(
        e -> {
          s.saved(revision, folder);
          if (!s.dirty()) {
            discardAutosave();
          }
          if (s == session) {
            service.relocate(s.location());
          }
          prefs.addRecent(s.location());
          changed.run();
          status.say("Saved " + s.location());
          then.run();
        });
    task.setOnFailed(
        e -> {
          String why = LabDialogs.reason(task.getException());
          status.say("Not saved: " + why);
          failed.accept(why);
        });
    io.execute(task);
  }

  // ---- Unsaved changes ----

  /**
   * Asks what to do with unsaved changes before they would be lost, then goes on with {@code next}:
   * at once when nothing is unsaved or the user discards the changes; when the save has succeeded
   * when the user saves (the save runs on the I/O thread, the window stays responsive meanwhile,
   * and changes made during it are asked about again). Cancel, a Save As chooser closed without a
   * folder or a failed save do nothing: the project stays open with its changes.
   *
   * @param action what would lose them, for the question ("opening another project")
   */
  void afterUnsavedChanges(String action, Runnable next) {
    ProjectSession s = session;
    if (s == null || !s.dirty()) {
      next.run();
      return;
    }
    ButtonType save = new ButtonType("Save");
    ButtonType discard = new ButtonType("Discard changes");
    ButtonType cancel = new ButtonType("Cancel", ButtonBar.ButtonData.CANCEL_CLOSE);
    ButtonType choice =
        dialogs.ask(
            "unsavedDialog",
            "Unsaved changes",
            s.name() + " has unsaved changes. Save them before " + action + "?",
            save,
            discard,
            cancel);
    if (choice == discard) {
      discardAutosave();
      next.run();
    } else if (choice == save) {
      Path folder = s.saveFolder() != null ? s.saveFolder() : askSaveAsFolder();
      if (folder != null) {
        saveTo(
            folder,
            () -> afterUnsavedChanges(action, next),
            why -> dialogs.saveFailed(s.name(), why));
      }
    }
  }

  /** Quits once unsaved changes are saved or discarded. */
  void quit() {
    afterUnsavedChanges("quitting", Platform::exit);
  }

  /**
   * The window's close button: with unsaved changes the window stays until they are saved or
   * discarded, then closes.
   */
  void closeRequested(WindowEvent e) {
    if (session != null && session.dirty()) {
      e.consume();
      afterUnsavedChanges("closing the window", stage::close);
    }
  }

  // ---- Autosave and recovery ----

  /** Writes unsaved changes to the recovery folder (never over the user's own files). */
  CompletableFuture<Void> autosaveNow() {
    if (session == null || !session.dirty()) {
      return CompletableFuture.completedFuture(null);
    }
    // The revision's tree is never changed (an edit makes a new one): safe to write elsewhere.
    ObjectNode tree = session.tree();
    Path location = session.location();
    String name = session.name();
    String id = sessionId;
    return CompletableFuture.runAsync(
        () -> {
          try {
            recovery.write(id, location, name, tree);
          } catch (IOException e) {
            Platform.runLater(
                () ->
                    status.say(
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

  /**
   * Stops autosaving, lets a queued save or autosave finish, then removes this session's autosave
   * (a clean close: the user was asked about unsaved changes before).
   */
  void close() {
    autosave.stop();
    io.shutdown();
    try {
      io.awaitTermination(10, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    recovery.discard(sessionId);
  }

  /** For tests: how saves write (to slow one down or make it fail). */
  void writeWith(Writer w) {
    writer = w;
  }
}
