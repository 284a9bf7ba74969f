package org.nvlab.app.desktop;

import java.nio.file.Path;
import javafx.concurrent.Task;

/**
 * Where a project comes from, for the one way projects are loaded ({@link ProjectLoader}): a folder
 * or shared zip on disk, the template every new project starts from, the autosave a crashed session
 * left, or the open project itself built again with a seed (Reset). Each says how the {@link
 * SimulationService} builds its run, which {@link ProjectSession} the run belongs to, and what the
 * status bar says about it. FX thread only.
 */
sealed interface ProjectSource {
  /** The project's name as the user knows it. */
  String name();

  /** What is being done, for the status bar: "Opening", "Resetting"... */
  String doing();

  /** The file or folder it is read from, named when it fails for a reason not the user's. */
  Path file();

  /** True when it replaces the open project (everything but a reset). */
  default boolean replacesProject() {
    return true;
  }

  /** Asks the service for the run; the returned task installs it there when it succeeds. */
  Task<LoadedRun> start(SimulationService service);

  /** The session the installed run belongs to. */
  ProjectSession session(LoadedRun run);

  /** The status line once it runs. */
  String done(LoadedRun run);

  /** A project folder, a project.json or a shared zip (read in place). */
  record Disk(Path location) implements ProjectSource {
    @Override
    public String name() {
      return SampleProjects.displayName(location);
    }

    @Override
    public String doing() {
      return "Opening";
    }

    @Override
    public Path file() {
      return location;
    }

    @Override
    public Task<LoadedRun> start(SimulationService service) {
      return service.open(location, null);
    }

    @Override
    public ProjectSession session(LoadedRun run) {
      return new ProjectSession(run.document(), run.read().view(), location, false);
    }

    @Override
    public String done(LoadedRun run) {
      int k = run.typeNames().size();
      String notes =
          run.read().migrated()
              ? " (a format "
                  + run.read().fileVersion()
                  + " file, read in the current format: Save rewrites it)"
              : run.read().warnings().isEmpty() ? "" : " (" + run.read().warnings().get(0) + ")";
      return name()
          + ": "
          + run.nodes()
          + " nodes, "
          + run.edges()
          + " edges, "
          + k
          + (k == 1 ? " vesicle type" : " vesicle types")
          + ", seed "
          + run.seed()
          + notes;
    }
  }

  /** A new project from the template, not saved anywhere yet (Save as gives it a folder). */
  record Template() implements ProjectSource {
    @Override
    public String name() {
      return "a new project";
    }

    @Override
    public String doing() {
      return "Starting";
    }

    @Override
    public Path file() {
      return Path.of("untitled");
    }

    @Override
    public Task<LoadedRun> start(SimulationService service) {
      return service.run(ProjectSession.newProject().document(), null, null);
    }

    @Override
    public ProjectSession session(LoadedRun run) {
      return new ProjectSession(run.document(), null, null, true);
    }

    @Override
    public String done(LoadedRun run) {
      return "A new project: edit it, then File > Save As gives it a folder";
    }
  }

  /**
   * The autosave of a session that crashed, opened as unsaved changes of the project it belongs to.
   * It is read from the recovery folder; the window then tells the service where the project lives.
   */
  record Autosave(Recovery.Entry entry) implements ProjectSource {
    @Override
    public String name() {
      return "the autosave of " + entry.name();
    }

    @Override
    public String doing() {
      return "Recovering";
    }

    @Override
    public Path file() {
      return entry.projectFile();
    }

    @Override
    public Task<LoadedRun> start(SimulationService service) {
      return service.open(entry.projectFile(), null);
    }

    @Override
    public ProjectSession session(LoadedRun run) {
      return new ProjectSession(run.document(), run.read().view(), entry.location(), true);
    }

    @Override
    public String done(LoadedRun run) {
      return "Recovered the unsaved changes of " + entry.name() + "; save them to keep them";
    }
  }

  /**
   * The open project as it is now (with its unsaved changes, not the file), built again with a
   * seed: Reset. The run restarts at tick 0; the session stays.
   *
   * @param seed the run seed, or null for the project's own
   */
  record Rebuild(ProjectSession session, Long seed) implements ProjectSource {
    @Override
    public String name() {
      return session.name();
    }

    @Override
    public String doing() {
      return "Resetting";
    }

    @Override
    public Path file() {
      return session.location() != null ? session.location() : Path.of(session.name());
    }

    @Override
    public boolean replacesProject() {
      return false;
    }

    @Override
    public Task<LoadedRun> start(SimulationService service) {
      service.pause();
      return service.run(session.document(), session.location(), seed);
    }

    @Override
    public ProjectSession session(LoadedRun run) {
      return session;
    }

    @Override
    public String done(LoadedRun run) {
      return "Reset " + name() + " with seed " + run.seed();
    }
  }
}
