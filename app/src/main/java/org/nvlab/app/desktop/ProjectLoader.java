package org.nvlab.app.desktop;

import java.util.function.Consumer;
import java.util.function.Supplier;
import javafx.concurrent.Task;

/**
 * The one way a project is loaded, wherever it comes from ({@link ProjectSource}): opening a folder
 * or zip, a recent or sample project, starting a new one, recovering an autosave and resetting all
 * come here. The service builds the run on its loader thread while the status bar shows progress
 * and Cancel; a project that does not load shows its problems and leaves the open one as it was; a
 * cancelled load changes nothing; a run that loads is installed by the service (the hand over), and
 * only then does its session become the window's. A later load supersedes one still running (the
 * service installs only the latest).
 *
 * <p>Whether unsaved changes may be lost is asked before, by the caller ({@link ProjectActions}).
 * FX thread only.
 */
final class ProjectLoader {
  /** What the window does with a run once the service has installed it. */
  interface Installer {
    void install(ProjectSession session, LoadedRun run);
  }

  private final SimulationService service;
  private final StatusBar status;
  private final LabDialogs dialogs;
  private final Supplier<ProjectSession> current;
  private final Installer installer;
  private final Runnable changed;
  private Task<LoadedRun> pending;

  /**
   * @param current the session open now (null: none)
   * @param installer makes a loaded session the window's
   * @param changed called when loading starts or ends (the controls follow)
   */
  ProjectLoader(
      SimulationService service,
      StatusBar status,
      LabDialogs dialogs,
      Supplier<ProjectSession> current,
      Installer installer,
      Runnable changed) {
    this.service = service;
    this.status = status;
    this.dialogs = dialogs;
    this.current = current;
    this.installer = installer;
    this.changed = changed;
  }

  /** True while a load is under way (Play, Step, Reset and Record wait for it). */
  boolean loading() {
    return pending != null;
  }

  /**
   * Loads a project in the background and makes it the window's when it runs.
   *
   * @param then what else to do once it is the window's (remember it as recent, ...)
   */
  void load(ProjectSource from, Consumer<LoadedRun> then) {
    String what = from.doing() + " " + from.name();
    Task<LoadedRun> task = from.start(service);
    pending = task;
    status.say(what + "...");
    status.track(task, true);
    changed.run();
    task.setOnSucceeded(
        e -> {
          if (task != pending) {
            return; // a later load superseded this one (the service did not install it)
          }
          pending = null;
          LoadedRun run = task.getValue();
          installer.install(from.session(run), run);
          then.accept(run);
          status.say(from.done(run));
          changed.run();
        });
    task.setOnFailed(
        e -> {
          if (task != pending) {
            return;
          }
          pending = null;
          status.say(what + " failed; " + kept(from));
          dialogs.problems(from.name(), from.file(), task.getException(), kept(from));
          changed.run();
        });
    task.setOnCancelled(
        e -> {
          if (task != pending) {
            return;
          }
          pending = null;
          status.say(what + " cancelled; " + kept(from));
          changed.run();
        });
  }

  /** What stays as it was when a load does not succeed, a sentence. */
  private String kept(ProjectSource from) {
    ProjectSession open = current.get();
    if (open == null) {
      return "nothing was opened.";
    }
    return from.replacesProject()
        ? open.name() + " stays open."
        : "the current run of " + open.name() + " stays as it was.";
  }
}
