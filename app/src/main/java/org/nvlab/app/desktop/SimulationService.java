package org.nvlab.app.desktop;

import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import javafx.concurrent.Task;
import javafx.concurrent.WorkerStateEvent;
import org.nvlab.app.runs.ProjectRuns;
import org.nvlab.core.Checkpoints;
import org.nvlab.core.Model;
import org.nvlab.core.ModelChange;
import org.nvlab.core.Simulation;
import org.nvlab.core.edit.ProjectDocument;
import org.nvlab.core.project.ProjectException;
import org.nvlab.core.project.ProjectFiles;
import org.nvlab.core.project.ProjectReader;
import org.nvlab.core.record.MetricRows;
import org.nvlab.core.record.MetricsRecorder;
import org.nvlab.core.record.RunMetadata;
import org.nvlab.core.record.RunStatus;
import org.nvlab.core.snapshot.NodeDetail;
import org.nvlab.core.snapshot.Snapshot;
import org.nvlab.core.snapshot.Spikes;
import org.nvlab.core.snapshot.VesicleDetail;
import org.nvlab.core.state.CheckpointException;

/**
 * The window's way to the engine: it loads projects off the FX thread, hands them to the {@link
 * EngineThread} (which alone touches the runs), forwards play, pause, step and edits, and reads
 * back what the engine publishes ({@link Publisher}): snapshots, inspection, metric rows, the
 * timeline. It also holds the timeline's operations: look at an earlier tick of the run, resume
 * from there, branch from there, switch between and close runs.
 *
 * <p>Every method may be called from the FX thread and none blocks it: work on the run is a command
 * the engine thread runs between two ticks, loading and recording run on the loader thread.
 */
public final class SimulationService implements AutoCloseable {
  /**
   * Vesicles kept per type in a snapshot: every one up to this many (the graph view draws 100,000
   * within its frame budget, docs/performance.md); beyond it the view shows this many and says so.
   */
  public static final int MAX_VESICLES_PER_TYPE = 100_000;

  /** The longest path kept for an inspected vesicle. */
  public static final int PATH_LIMIT = 1000;

  private final RunSet runs;
  private final Publisher publisher = new Publisher(MAX_VESICLES_PER_TYPE);
  private final EngineThread engine;
  private final ExecutorService loader;
  private final int engineThreads;
  private volatile boolean closed;
  private volatile Path project;
  private int loadGeneration; // FX thread

  // The project revisions the running simulation follows and the newest one (FX thread).
  private ProjectDocument.Revision installedRevision;
  private ProjectDocument.Revision latestRevision;
  private boolean building;

  public SimulationService() {
    this(Math.max(1, Runtime.getRuntime().availableProcessors() - 1));
  }

  /**
   * @param engineThreads worker threads inside a tick (results do not depend on it)
   */
  public SimulationService(int engineThreads) {
    this.engineThreads = engineThreads;
    this.runs = new RunSet(engineThreads);
    this.engine = new EngineThread(runs, publisher);
    this.loader =
        Executors.newSingleThreadExecutor(
            r -> {
              Thread t = new Thread(r, "nvlab-loader");
              t.setDaemon(true);
              return t;
            });
  }

  // ---- Loading (tasks created and handled on the FX thread) ----

  /**
   * Loads a project off the FX thread and, when it loads, installs it paused at tick 0, unless a
   * later {@link #open} or {@link #reset} was asked for meanwhile. Attach the caller's reactions to
   * the returned task with {@code setOnSucceeded} / {@code setOnFailed}: they run after the
   * install. A failed load leaves the current simulation as it was.
   *
   * @param seed the run seed, or null for the project's own
   */
  public Task<LoadedRun> open(Path projectFolder, Long seed) {
    return load(
        projectFolder,
        task -> {
          ProjectFiles.Loaded l = ProjectFiles.load(projectFolder);
          if (task.isCancelled()) {
            return null;
          }
          Model c = Model.compile(l.spec(), l.file());
          if (task.isCancelled()) {
            return null;
          }
          Simulation s = c.instantiate(seed != null ? seed : l.spec().seed(), engineThreads);
          ProjectDocument d = ProjectDocument.of(l);
          return new Built(s, d, d.revision(), l);
        });
  }

  /**
   * Builds a run from a project already in memory (a new project, a recovered one, or the open one
   * as edited, saved or not): reset uses it so that edits which need a reset take effect. Runs the
   * document's current revision; edits made while it is being built are handed on once it is
   * installed.
   *
   * @param document the project (FX thread: its revision is taken now)
   * @param location where it came from (folder, zip) or null for a new project
   * @param seed the run seed, or null for the project's own
   */
  public Task<LoadedRun> run(ProjectDocument document, Path location, Long seed) {
    ProjectDocument.Revision r = document.revision();
    return load(
        location,
        task -> {
          Model c = Model.compile(r.spec(), document.file());
          if (task.isCancelled()) {
            return null;
          }
          Simulation s = c.instantiate(seed != null ? seed : r.spec().seed(), engineThreads);
          return new Built(s, document, r, null);
        });
  }

  /** A simulation built on the loader thread, with the document and revision it came from. */
  private record Built(
      Simulation sim,
      ProjectDocument document,
      ProjectDocument.Revision revision,
      ProjectFiles.Loaded read) {}

  private interface Builder {
    /** Builds on the loader thread; null when the task was cancelled meanwhile. */
    Built build(Task<?> task) throws Exception;
  }

  private Task<LoadedRun> load(Path projectFolder, Builder builder) {
    if (closed) {
      throw new IllegalStateException("the simulation service is closed");
    }
    int generation = ++loadGeneration;
    AtomicReference<Built> loaded = new AtomicReference<>();
    Task<LoadedRun> task =
        new Task<>() {
          @Override
          protected LoadedRun call() throws Exception {
            updateProgress(-1, 1);
            Built b = builder.build(this);
            if (b == null) {
              return null;
            }
            loaded.set(b);
            Simulation s = b.sim();
            return new LoadedRun(
                projectFolder,
                s.seed(),
                s.nodeCount(),
                s.graph().edgeCount(),
                s.model().typeNames(),
                b.document(),
                b.read());
          }
        };
    building = true;
    task.addEventHandler(
        WorkerStateEvent.WORKER_STATE_CANCELLED,
        e -> {
          if (generation == loadGeneration) {
            building = false;
          }
          // The loader may still finish building it: close what it built, install nothing.
          loader.execute(
              () -> {
                Built b = loaded.getAndSet(null);
                if (b != null) {
                  b.sim().close();
                }
              });
        });
    task.addEventHandler(
        WorkerStateEvent.WORKER_STATE_SUCCEEDED,
        e -> {
          Built b = loaded.getAndSet(null);
          if (b == null) {
            return; // cancelled
          }
          if (generation == loadGeneration && !closed) {
            building = false;
            install(b.sim(), projectFolder);
            installedRevision = b.revision();
            ProjectDocument.Revision now = b.document().revision();
            latestRevision = now;
            if (!now.equals(installedRevision)) {
              edited(now); // edits made while it was being built
            }
          } else {
            b.sim().close(); // superseded by a later open or reset
          }
        });
    task.addEventHandler(
        WorkerStateEvent.WORKER_STATE_FAILED,
        e -> {
          if (generation == loadGeneration) {
            building = false;
          }
        });
    loader.execute(task);
    return task;
  }

  // ---- Edits (FX thread) ----

  /**
   * Tells the service that the open project changed (an edit, an undo, a redo). A change of
   * vesicle-type rules is compiled on the loader thread and taken by the active run between two
   * ticks, keeping its vesicles; a structural change waits for a reset, which builds from the
   * latest revision. The future completes with the change once it is where it belongs (LIVE: the
   * engine has taken it), or fails with a one-line reason when the run could not take it (then a
   * reset applies it).
   */
  public CompletableFuture<ModelChange> edited(ProjectDocument.Revision next) {
    latestRevision = next;
    ProjectDocument.Revision running = installedRevision;
    if (running == null || building) {
      // Nothing runs this project yet, or a rebuild is on its way: it catches up once installed.
      return CompletableFuture.completedFuture(
          new ModelChange(ModelChange.Kind.RESET, "the run is being rebuilt"));
    }
    ModelChange effect = ProjectDocument.effect(running, next);
    if (effect.kind() != ModelChange.Kind.LIVE) {
      if (effect.kind() == ModelChange.Kind.NONE) {
        installedRevision = next; // the same run in every respect that counts
      }
      return CompletableFuture.completedFuture(effect);
    }
    installedRevision = next;
    CompletableFuture<ModelChange> done = new CompletableFuture<>();
    loader.execute(
        () -> {
          Model m;
          try {
            m = Model.compile(next.spec());
          } catch (ProjectException | RuntimeException ex) {
            done.completeExceptionally(new IllegalStateException(ex.getMessage(), ex));
            return;
          }
          engine.submit(
              () -> {
                if (!runs.hasRun()) {
                  done.completeExceptionally(new IllegalStateException("no simulation is running"));
                  return;
                }
                try {
                  ModelChange c = runs.takeRules(m);
                  engine.publish();
                  done.complete(c);
                } catch (IllegalArgumentException e) {
                  done.completeExceptionally(new IllegalStateException(e.getMessage()));
                }
              });
        });
    return done;
  }

  /**
   * Reads the active run on the engine thread, between two ticks, for tests that check what the run
   * really holds (null when none is installed).
   */
  <T> CompletableFuture<T> inspect(java.util.function.Function<Simulation, T> read) {
    CompletableFuture<T> f = new CompletableFuture<>();
    engine.submit(
        () -> {
          try {
            f.complete(runs.hasRun() ? read.apply(runs.active().sim) : null);
          } catch (RuntimeException e) {
            f.completeExceptionally(e);
          }
        });
    return f;
  }

  /** The revision the running simulation follows, or null (FX thread; for tests). */
  ProjectDocument.Revision runningRevision() {
    return installedRevision;
  }

  /**
   * Hands a simulation to the engine thread, which closes every run it had and publishes the new
   * one's first snapshot. The service owns it from here on. Paused afterwards.
   */
  public void install(Simulation s, Path projectFolder) {
    engine.stopPlaying();
    installedRevision =
        null; // unknown until the loader says (a test may install a simulation directly)
    project = projectFolder;
    engine.clearFailure();
    engine.submit(
        () -> {
          runs.install(s);
          runs.path.follow(-1); // ids belong to the old run
          publisher.restart();
          engine.publish();
        });
  }

  /**
   * Records the active run so far (its metrics, seed, ticks, project hash, versions and times) in
   * the project's run store, NAME.nvlab/runs/. The engine thread copies what it needs between two
   * ticks; the store is written on the loader thread, so the run goes on meanwhile. The task's
   * value says what was recorded; it fails with a one-line reason (no project folder, the store is
   * locked or damaged).
   */
  public Task<String> recordRun() {
    Path folder = project;
    CompletableFuture<RunCopy> copy = new CompletableFuture<>();
    engine.submit(
        () -> {
          if (!runs.hasRun()) {
            copy.completeExceptionally(new IllegalStateException("no run to record"));
            return;
          }
          RunSet.Run r = runs.active();
          copy.complete(
              new RunCopy(
                  ProjectRuns.metadata(
                      r.sim,
                      ProjectRuns.sha256(ProjectReader.projectFile(folder)),
                      r.sim.tick(),
                      engineThreads,
                      r.startedAt,
                      Instant.now().truncatedTo(ChronoUnit.MICROS),
                      RunStatus.FINISHED),
                  r.metrics.copy()));
        });
    Task<String> task =
        new Task<>() {
          @Override
          protected String call() throws Exception {
            if (folder == null || ProjectFiles.isArchive(folder)) {
              throw new IllegalStateException(
                  "a shared zip has no run store: unpack it into a folder (nvlab unpack) to record"
                      + " its runs");
            }
            RunCopy c = copy.get(10, TimeUnit.SECONDS);
            if (c.run().ticks() == 0) {
              throw new IllegalStateException("nothing to record yet: the run is at tick 0");
            }
            ProjectRuns.Recorded r = ProjectRuns.record(folder, c.run(), c.metrics());
            return "Recorded run "
                + r.run().id()
                + " ("
                + r.run().ticks()
                + " ticks, seed "
                + r.run().seed()
                + ") in "
                + folder.getFileName()
                + "/runs";
          }
        };
    loader.execute(task);
    return task;
  }

  private record RunCopy(RunMetadata run, MetricsRecorder metrics) {}

  /**
   * Writes the active run's state (with its metrics) as a checkpoint file that {@code nvlab resume}
   * continues; on the loader thread once the engine thread has copied it. The task fails with a
   * one-line reason.
   */
  public Task<String> saveCheckpoint(Path file) {
    CompletableFuture<byte[]> copy = new CompletableFuture<>();
    engine.submit(
        () -> {
          if (!runs.hasRun()) {
            copy.completeExceptionally(new IllegalStateException("no run to save"));
            return;
          }
          RunSet.Run r = runs.active();
          copy.complete(Checkpoints.toBytes(r.sim, r.metrics));
        });
    Task<String> task =
        new Task<>() {
          @Override
          protected String call() throws Exception {
            byte[] b = copy.get(30, TimeUnit.SECONDS);
            Path tmp = file.resolveSibling(file.getFileName() + ".part");
            java.nio.file.Files.write(tmp, b);
            java.nio.file.Files.move(
                tmp,
                file,
                java.nio.file.StandardCopyOption.REPLACE_EXISTING,
                java.nio.file.StandardCopyOption.ATOMIC_MOVE);
            return "Saved the run's state in "
                + file.getFileName()
                + " ("
                + b.length / 1024
                + " KiB)";
          }
        };
    loader.execute(task);
    return task;
  }

  // ---- The timeline (any thread) ----

  /** What the timeline shows, as last published. */
  public Timeline timeline() {
    return publisher.timeline();
  }

  /**
   * Shows the active run at an earlier tick (paused): the graph, the inspector and the tick show
   * that state, rebuilt exactly from the rewind ring. A tick at or after the run's goes back to it.
   */
  public void preview(int tick) {
    engine.stopPlaying();
    engine.submit(
        () -> {
          if (!runs.hasRun()) {
            return;
          }
          try {
            runs.preview(tick);
          } catch (CheckpointException | RuntimeException e) {
            engine.fail("cannot show tick " + tick + ": " + e.getMessage());
            runs.live();
          }
          engine.publish();
        });
  }

  /** Back to the active run as it is, from an earlier tick shown. */
  public void live() {
    engine.submit(
        () -> {
          runs.live();
          engine.publish();
        });
  }

  /** The active run goes on from the tick shown; its later history is dropped. Paused. */
  public void resumeFromShown() {
    engine.stopPlaying();
    engine.submit(
        () -> {
          runs.resumeFromPreview();
          engine.publish();
        });
  }

  /**
   * A new run from the tick shown, keeping the active run's history up to there (the charts show
   * both); it becomes the active run. Paused.
   */
  public void branchFromShown() {
    engine.stopPlaying();
    engine.submit(
        () -> {
          runs.branchFromPreview();
          engine.publish();
        });
  }

  /** Makes another run the active one (play and step advance it). */
  public void activateRun(long id) {
    engine.stopPlaying();
    engine.submit(
        () -> {
          runs.activate(id);
          engine.publish();
        });
  }

  /**
   * Closes a run (the charts drop it); the future says why not when it cannot be (it is the only
   * one), or null.
   */
  public CompletableFuture<String> closeRun(long id) {
    CompletableFuture<String> done = new CompletableFuture<>();
    engine.submit(
        () -> {
          String why = runs.close(id);
          if (why == null) {
            publisher.closed(id);
          }
          engine.publish();
          done.complete(why);
        });
    return done;
  }

  /** Runs closed since the last call, for the charts (FX thread). */
  public List<Long> takeClosedRuns() {
    return publisher.takeClosedRuns();
  }

  // ---- Run control (any thread) ----

  public void play() {
    engine.submit(runs::live);
    engine.play();
  }

  /** Stops after the tick in progress and publishes its snapshot. */
  public void pause() {
    engine.pause();
  }

  public void togglePlay() {
    if (isPlaying()) {
      pause();
    } else {
      play();
    }
  }

  /** Pauses, then runs exactly one tick and publishes it. */
  public void step() {
    engine.step();
  }

  /**
   * While playing, publish a snapshot only every {@code n} ticks (and always when paused or
   * stepped): a large run draws less often and so runs faster. 1 draws every tick.
   */
  public void setDrawEvery(int n) {
    engine.setDrawEvery(n);
  }

  public int drawEvery() {
    return engine.drawEvery();
  }

  /** Ticks per second while playing; 0 or infinity means as fast as the engine goes. */
  public void setTicksPerSecond(double tps) {
    engine.setTicksPerSecond(tps);
  }

  public double ticksPerSecond() {
    return engine.ticksPerSecond();
  }

  public boolean isPlaying() {
    return engine.isPlaying();
  }

  /** The project now lives elsewhere (saved as a new folder): runs are recorded there. */
  public void relocate(Path folder) {
    project = folder;
  }

  /** The project folder of the installed (or installing) simulation, or null. */
  public Path project() {
    return project;
  }

  /** The newest snapshot, or null before the first install. Never blocks. */
  public Snapshot latest() {
    return publisher.latest();
  }

  /**
   * The metric rows published since the last call, oldest first (every tick of every run, also
   * those not drawn); an empty list when there are none. For charts.
   */
  public List<MetricRows> takeMetricRows() {
    return publisher.takeMetricRows();
  }

  /** The spike raster of the run shown (its newest ticks), or null on a rate host. */
  public Spikes spikes() {
    return publisher.spikes();
  }

  /**
   * Asks for the density model's rho of one vesicle type in the snapshots from now on (null: no
   * density). The density companion builds the model from the project, runs it up to the tick shown
   * and then steps it with every tick; when the model cannot represent the project, the snapshots
   * carry its reason instead ({@link Snapshot#densityProblem}).
   */
  public void showDensity(String typeName) {
    runs.density.show(typeName);
    engine.submit(
        () -> {
          if (runs.shown() != null) {
            runs.density.sync(runs.shown());
          }
          engine.publish();
        });
  }

  /** The message of a run that stopped on its own since the last call, or null. */
  public String pollFailure() {
    return engine.pollFailure();
  }

  /** Chooses the node the inspector shows (-1: none); its detail comes with the next snapshot. */
  public void inspectNode(int node) {
    publisher.inspectNode(node);
    engine.submit(() -> publisher.inspection(runs));
  }

  /** Chooses the vesicle the inspector follows (-1: none); its path starts now. */
  public void inspectVesicle(long id) {
    runs.path.follow(id);
    publisher.inspectVesicle();
    engine.submit(
        () -> {
          if (runs.shown() != null) {
            runs.path.record(runs.shown());
          }
          publisher.inspection(runs);
        });
  }

  /** The inspected node's detail as of the newest snapshot, or null. */
  public NodeDetail nodeDetail() {
    return publisher.nodeDetail();
  }

  /**
   * The followed vesicle's detail as of the newest snapshot, or null (see {@link #vesicleGone}).
   */
  public VesicleDetail vesicleDetail() {
    return publisher.vesicleDetail();
  }

  /** True when the followed vesicle is no longer alive (it docked and released, or died). */
  public boolean vesicleGone() {
    return publisher.vesicleGone();
  }

  /** Stops the engine and loader threads and closes every run. */
  @Override
  public void close() {
    closed = true;
    engine.close();
    loader.shutdownNow();
    try {
      loader.awaitTermination(2, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** True while the engine thread runs (false once {@link #close} has finished). */
  public boolean isAlive() {
    return engine.isAlive();
  }
}
