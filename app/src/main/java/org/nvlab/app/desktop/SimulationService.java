package org.nvlab.app.desktop;

import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import javafx.concurrent.Task;
import javafx.concurrent.WorkerStateEvent;
import org.nvlab.app.runs.ProjectRuns;
import org.nvlab.core.Simulation;
import org.nvlab.core.density.DensityModel;
import org.nvlab.core.edit.ProjectDocument;
import org.nvlab.core.observe.Inspection;
import org.nvlab.core.observe.SnapshotMaker;
import org.nvlab.core.process.SimulationException;
import org.nvlab.core.project.CompiledProject;
import org.nvlab.core.project.ProjectCompiler;
import org.nvlab.core.project.ProjectException;
import org.nvlab.core.project.ProjectFiles;
import org.nvlab.core.project.ProjectReader;
import org.nvlab.core.record.MetricRows;
import org.nvlab.core.record.MetricsRecorder;
import org.nvlab.core.record.RunMetadata;
import org.nvlab.core.record.RunStatus;
import org.nvlab.core.snapshot.NodeDetail;
import org.nvlab.core.snapshot.Snapshot;
import org.nvlab.core.snapshot.VesicleDetail;

/**
 * Runs the engine on its own thread, never the FX thread, and publishes what it did as {@link
 * Snapshot}s.
 *
 * <p>The engine thread owns the {@link Simulation}: every other thread talks to it through a queue
 * of commands (install, step, publish), and reads the latest snapshot through an {@link
 * AtomicReference}. Snapshots are made by a {@link SnapshotMaker} on this thread, so each knows
 * where its vesicles were in the one before. While playing, a snapshot is published at most every
 * {@link #PUBLISH_NANOS}, and only once the viewer has taken the previous one (or it is {@link
 * #STALE_NANOS} old): the viewer then moves each vesicle from where it last drew it, and the engine
 * copies no state that no one will see. After a step, a pause or an install it always publishes.
 *
 * <p>When asked ({@link #showDensity}), the engine thread also steps the density model of the
 * project alongside the run, and the snapshots carry its rho for one type, or the model's reason
 * for refusing the project.
 *
 * <p>Loading a project (open, reset) runs as a JavaFX {@link Task} on a loader thread, so neither
 * the FX thread nor the engine waits on files; the engine keeps running the old simulation until
 * the new one is installed. The simulation is single-owner, so a reset rebuilds it from the project
 * folder rather than rewinding it.
 */
public final class SimulationService implements AutoCloseable {
  /**
   * Vesicles kept per type in a snapshot: every one up to this many (the graph view draws 100,000
   * within its frame budget, docs/performance.md); beyond it the view shows this many and says so.
   */
  public static final int MAX_VESICLES_PER_TYPE = 100_000;

  /** The shortest interval between two snapshots while playing (about 120 per second). */
  public static final long PUBLISH_NANOS = 8_000_000L;

  /** A snapshot no one has taken is replaced anyway after this long. */
  public static final long STALE_NANOS = 100_000_000L;

  private final BlockingQueue<Runnable> commands = new LinkedBlockingQueue<>();
  private final AtomicReference<Snapshot> latest = new AtomicReference<>();
  private final AtomicReference<String> failure = new AtomicReference<>();

  /** Metric rows not yet taken by the window, oldest first (every tick, whatever is drawn). */
  private final java.util.concurrent.ConcurrentLinkedQueue<MetricRows> metricRows =
      new java.util.concurrent.ConcurrentLinkedQueue<>();

  private volatile int inspectedNode = -1;
  private volatile long inspectedVesicle = -1;
  private final AtomicReference<NodeDetail> nodeDetail = new AtomicReference<>();
  private final AtomicReference<VesicleDetail> vesicleDetail = new AtomicReference<>();
  private volatile boolean vesicleGone;

  /** The longest path kept for an inspected vesicle. */
  public static final int PATH_LIMIT = 1000;

  // Engine thread: the path of the inspected vesicle.
  private long trackedId = -1;
  private int[] path = new int[16];
  private int pathLength;

  private int metricCursor; // engine thread: rows of the current run already queued
  private long runNumber; // engine thread
  private final Thread engineThread;
  private final ExecutorService loader;
  private final int engineThreads;
  private volatile boolean playing;
  private volatile double ticksPerSecond = 20;
  private volatile int drawEvery = 1;
  private volatile boolean closed;
  private volatile Path project;
  private volatile boolean taken;
  private volatile String densityWanted;
  private int loadGeneration; // FX thread

  // The project revisions the running simulation follows and the newest one (FX thread).
  private ProjectDocument.Revision installedRevision;
  private ProjectDocument.Revision latestRevision;
  private boolean building;

  // Owned by the engine thread.
  private Simulation sim;

  /** When the current run was installed (engine thread). */
  private Instant startedAt;

  private long nextTickNanos;
  private long lastPublishNanos;
  private final SnapshotMaker snapshots = new SnapshotMaker(MAX_VESICLES_PER_TYPE);
  private DensityModel density;
  private Simulation densitySim;
  private String densityType;
  private int densityIndex = -1;
  private String densityProblem;

  public SimulationService() {
    this(Math.max(1, Runtime.getRuntime().availableProcessors() - 1));
  }

  /**
   * @param engineThreads worker threads inside a tick (results do not depend on it)
   */
  public SimulationService(int engineThreads) {
    this.engineThreads = engineThreads;
    this.engineThread = new Thread(this::loop, "nvlab-engine");
    engineThread.setDaemon(true);
    engineThread.start();
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
          CompiledProject c = ProjectCompiler.compile(l.spec(), l.file());
          if (task.isCancelled()) {
            return null;
          }
          Simulation s = new Simulation(c, seed != null ? seed : l.spec().seed(), engineThreads);
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
          CompiledProject c = ProjectCompiler.compile(r.spec(), document.file());
          if (task.isCancelled()) {
            return null;
          }
          Simulation s = new Simulation(c, seed != null ? seed : r.spec().seed(), engineThreads);
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
            List<String> names = new ArrayList<>();
            for (int k = 0; k < s.engine().typeCount(); k++) {
              names.add(s.engine().type(k).name());
            }
            return new LoadedRun(
                projectFolder,
                s.seed(),
                s.host().nodeCount(),
                s.host().graph().edgeCount(),
                names,
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
   * vesicle-type rules is compiled on the loader thread and taken by the running simulation between
   * two ticks, keeping its vesicles; a structural change waits for {@link #reset}, which builds
   * from the latest revision. The future completes with the effect once the change is where it
   * belongs (LIVE: the engine has taken it), or fails with a one-line reason when the run could not
   * take it (then a reset applies it).
   */
  public CompletableFuture<ProjectDocument.Effect> edited(ProjectDocument.Revision next) {
    latestRevision = next;
    ProjectDocument.Revision running = installedRevision;
    if (running == null || building) {
      // Nothing runs this project yet, or a rebuild is on its way: it catches up once installed.
      return CompletableFuture.completedFuture(ProjectDocument.Effect.RESET);
    }
    ProjectDocument.Effect effect = ProjectDocument.effect(running, next);
    if (effect != ProjectDocument.Effect.LIVE) {
      if (effect == ProjectDocument.Effect.NONE) {
        installedRevision = next; // the same run in every respect that counts
      }
      return CompletableFuture.completedFuture(effect);
    }
    installedRevision = next;
    CompletableFuture<ProjectDocument.Effect> done = new CompletableFuture<>();
    loader.execute(
        () -> {
          CompiledProject c;
          try {
            c = ProjectCompiler.compile(next.spec());
          } catch (ProjectException | RuntimeException ex) {
            done.completeExceptionally(new IllegalStateException(ex.getMessage(), ex));
            return;
          }
          commands.add(
              () -> {
                String why = sim == null ? "no simulation is running" : sim.incompatibility(c);
                if (why != null) {
                  done.completeExceptionally(new IllegalStateException(why));
                  return;
                }
                sim.applyRules(c);
                closeDensity(); // rho under the new rules, from tick 0 to now
                syncDensity();
                publish();
                done.complete(ProjectDocument.Effect.LIVE);
              });
        });
    return done;
  }

  /**
   * Reads the simulation on the engine thread, between two ticks, for tests that check what the run
   * really holds (null when none is installed).
   */
  <T> CompletableFuture<T> inspect(java.util.function.Function<Simulation, T> read) {
    CompletableFuture<T> f = new CompletableFuture<>();
    commands.add(
        () -> {
          try {
            f.complete(sim == null ? null : read.apply(sim));
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
   * Hands a simulation to the engine thread, which closes the previous one and publishes the new
   * one's first snapshot. The service owns it from here on. Paused afterwards.
   */
  public void install(Simulation s, Path projectFolder) {
    playing = false;
    installedRevision =
        null; // unknown until the loader says (a test may install a simulation directly)
    project = projectFolder;
    failure.set(null);
    commands.add(
        () -> {
          if (sim != null) {
            sim.close();
          }
          sim = s;
          inspectedVesicle = -1; // ids belong to the old run
          trackedId = -1;
          pathLength = 0;
          startedAt = Instant.now().truncatedTo(ChronoUnit.MICROS);
          metricCursor = 0;
          runNumber++;
          syncDensity();
          publish();
        });
  }

  /**
   * Records the run so far (its metrics, seed, ticks, project hash, versions and times) in the
   * project's run store, NAME.nvlab/runs/. The engine thread copies what it needs between two
   * ticks; the store is written on the loader thread, so the run goes on meanwhile. The task's
   * value says what was recorded; it fails with a one-line reason (no project folder, the store is
   * locked or damaged).
   */
  public Task<String> recordRun() {
    Path folder = project;
    CompletableFuture<RunCopy> copy = new CompletableFuture<>();
    commands.add(
        () -> {
          if (sim == null) {
            copy.completeExceptionally(new IllegalStateException("no run to record"));
            return;
          }
          copy.complete(
              new RunCopy(
                  ProjectRuns.metadata(
                      sim,
                      ProjectRuns.sha256(ProjectReader.projectFile(folder)),
                      sim.tick(),
                      engineThreads,
                      startedAt,
                      Instant.now().truncatedTo(ChronoUnit.MICROS),
                      RunStatus.FINISHED),
                  copyOf(sim.metrics())));
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

  private static MetricsRecorder copyOf(MetricsRecorder m) {
    MetricsRecorder c = new MetricsRecorder();
    int[] series = new int[m.names().size()];
    for (int k = 0; k < series.length; k++) {
      series[k] = c.series(m.names().get(k));
    }
    for (int row = 0; row < m.rows(); row++) {
      c.begin(m.tick(row));
      for (int k = 0; k < series.length; k++) {
        c.set(series[k], m.value(row, k));
      }
      c.commit();
    }
    return c;
  }

  // ---- Run control (any thread) ----

  public void play() {
    playing = true;
    commands.add(() -> nextTickNanos = System.nanoTime());
  }

  /** Stops after the tick in progress and publishes its snapshot. */
  public void pause() {
    playing = false;
    commands.add(this::publish);
  }

  public void togglePlay() {
    if (playing) {
      pause();
    } else {
      play();
    }
  }

  /** Pauses, then runs exactly one tick and publishes it. */
  public void step() {
    playing = false;
    commands.add(
        () -> {
          if (sim != null) {
            advance();
            publish();
          }
        });
  }

  /**
   * While playing, publish a snapshot only every {@code n} ticks (and always when paused or
   * stepped): a large run draws less often and so runs faster. 1 draws every tick.
   */
  public void setDrawEvery(int n) {
    drawEvery = Math.max(1, n);
  }

  public int drawEvery() {
    return drawEvery;
  }

  /** Ticks per second while playing; 0 or infinity means as fast as the engine goes. */
  public void setTicksPerSecond(double tps) {
    ticksPerSecond = tps;
    commands.add(() -> nextTickNanos = System.nanoTime());
  }

  public double ticksPerSecond() {
    return ticksPerSecond;
  }

  public boolean isPlaying() {
    return playing;
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
    taken = true;
    return latest.get();
  }

  /**
   * The metric rows published since the last call, oldest first (every tick of the run, also those
   * not drawn); an empty list when there are none. For charts.
   */
  public List<MetricRows> takeMetricRows() {
    List<MetricRows> out = new ArrayList<>();
    for (MetricRows r; (r = metricRows.poll()) != null; ) {
      out.add(r);
    }
    return out;
  }

  /**
   * Asks for the density model's rho of one vesicle type in the snapshots from now on (null: no
   * density). The engine thread builds the model from the project, runs it up to the current tick
   * and then steps it with every tick; when the model cannot represent the project, the snapshots
   * carry its reason instead ({@link Snapshot#densityProblem}).
   */
  public void showDensity(String typeName) {
    densityWanted = typeName;
    commands.add(
        () -> {
          syncDensity();
          publish();
        });
  }

  /** The message of a run that stopped on its own since the last call, or null. */
  public String pollFailure() {
    return failure.getAndSet(null);
  }

  /** Stops the engine and loader threads and closes the simulation. */
  @Override
  public void close() {
    closed = true;
    playing = false;
    engineThread.interrupt();
    loader.shutdownNow();
    try {
      engineThread.join(2000);
      loader.awaitTermination(2, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** True while the engine thread runs (false once {@link #close} has finished). */
  public boolean isAlive() {
    return engineThread.isAlive();
  }

  // ---- The engine thread ----

  private void loop() {
    try {
      while (!closed) {
        Runnable command;
        if (playing && sim != null) {
          long wait = pacing() ? nextTickNanos - System.nanoTime() : 0;
          command = wait > 0 ? commands.poll(wait, TimeUnit.NANOSECONDS) : commands.poll();
        } else {
          command = commands.take();
        }
        if (command != null) {
          command.run();
          continue;
        }
        if (!playing || sim == null) {
          continue;
        }
        advance();
        long now = System.nanoTime();
        long since = now - lastPublishNanos;
        if (!playing
            || (since >= PUBLISH_NANOS
                && sim.tick() % drawEvery == 0
                && (taken || since >= STALE_NANOS))) {
          publish();
        }
        if (pacing()) {
          long period = (long) (1e9 / ticksPerSecond);
          // After a stall (a slow tick, a busy machine) carry on at the set pace; no burst.
          nextTickNanos = Math.max(nextTickNanos + period, now);
        }
      }
    } catch (InterruptedException e) {
      // close() asked us to stop.
    } finally {
      closeDensity();
      if (sim != null) {
        sim.close();
        sim = null;
      }
    }
  }

  private boolean pacing() {
    double tps = ticksPerSecond;
    return tps > 0 && Double.isFinite(tps);
  }

  /** One tick; a failure pauses the run and is kept for the window to show. */
  private void advance() {
    try {
      sim.step();
      track();
      stepDensity();
    } catch (SimulationException e) {
      playing = false;
      failure.set(e.getMessage());
    } catch (RuntimeException e) {
      playing = false;
      failure.set("internal error: " + e + " (please report it; the stack trace is on stderr)");
      e.printStackTrace();
    }
  }

  /**
   * Appends the inspected vesicle's node to its path (engine thread; a scan while one is picked).
   */
  private void track() {
    long id = inspectedVesicle;
    if (id != trackedId) {
      trackedId = id;
      pathLength = 0;
    }
    if (id < 0) {
      return;
    }
    int[] where = Inspection.find(sim, id);
    if (where == null) {
      return;
    }
    int n = sim.engine().population().pool(where[0]).node()[where[1]];
    int node = n < 0 ? ~n : n;
    if (pathLength == PATH_LIMIT) {
      System.arraycopy(path, 1, path, 0, PATH_LIMIT - 1);
      pathLength--;
    }
    if (pathLength == path.length) {
      path = java.util.Arrays.copyOf(path, Math.min(PATH_LIMIT, 2 * path.length));
    }
    path[pathLength++] = node;
  }

  /** Chooses the node the inspector shows (-1: none); its detail comes with the next snapshot. */
  public void inspectNode(int node) {
    inspectedNode = node;
    nodeDetail.set(null);
    commands.add(this::publishInspection);
  }

  /** Chooses the vesicle the inspector follows (-1: none); its path starts now. */
  public void inspectVesicle(long id) {
    inspectedVesicle = id;
    vesicleDetail.set(null);
    vesicleGone = false;
    commands.add(
        () -> {
          if (sim != null) {
            track();
          }
          publishInspection();
        });
  }

  /** The inspected node's detail as of the newest snapshot, or null. */
  public NodeDetail nodeDetail() {
    return nodeDetail.get();
  }

  /**
   * The followed vesicle's detail as of the newest snapshot, or null (see {@link #vesicleGone}).
   */
  public VesicleDetail vesicleDetail() {
    return vesicleDetail.get();
  }

  /** True when the followed vesicle is no longer alive (it docked and released, or died). */
  public boolean vesicleGone() {
    return vesicleGone;
  }

  private void publishInspection() {
    if (sim == null) {
      return;
    }
    int node = inspectedNode;
    if (node >= 0 && node < sim.host().nodeCount()) {
      nodeDetail.set(Inspection.node(sim, node, 50));
    } else {
      nodeDetail.set(null);
    }
    long id = inspectedVesicle;
    if (id >= 0) {
      VesicleDetail v = Inspection.vesicle(sim, id, java.util.Arrays.copyOf(path, pathLength));
      if (v == null) {
        vesicleGone = true;
      } else {
        vesicleDetail.set(v);
      }
    } else {
      vesicleDetail.set(null);
    }
  }

  private void publish() {
    if (sim != null) {
      taken = false;
      latest.set(snapshots.make(sim, density, densityIndex, densityProblem));
      publishInspection();
      lastPublishNanos = System.nanoTime();
      MetricRows rows = MetricRows.since(runNumber, sim.metrics(), metricCursor);
      metricCursor += rows.rows();
      if (rows.rows() > 0 || metricCursor == 0) {
        metricRows.add(rows);
      }
    }
  }

  // ---- The density model, alongside the run (engine thread) ----

  /** Builds, rebuilds or drops the density model to match what is asked for and the run. */
  private void syncDensity() {
    String wanted = densityWanted;
    if (java.util.Objects.equals(wanted, densityType) && densitySim == sim) {
      return;
    }
    closeDensity();
    densityType = wanted;
    densitySim = sim;
    if (wanted == null || sim == null) {
      return;
    }
    for (int k = 0; k < sim.engine().typeCount(); k++) {
      if (sim.engine().type(k).name().equals(wanted)) {
        densityIndex = k;
      }
    }
    if (densityIndex < 0) {
      densityProblem = "this project has no vesicle type '" + wanted + "'";
      densityIndex = 0;
      return;
    }
    try {
      // From the project as written: the run's own host has learned since tick 0.
      var fresh = ProjectCompiler.compile(sim.project().spec());
      List<String> problems = DensityModel.problems(fresh);
      if (!problems.isEmpty()) {
        densityProblem = String.join("; ", problems);
        return;
      }
      density = new DensityModel(fresh);
      density.run(sim.tick()); // catch up, so rho is for the tick the snapshot shows
    } catch (Exception e) {
      densityFailed(e);
    }
  }

  private void stepDensity() {
    syncDensity(); // a model built here has caught up already
    if (density != null && density.tick() < sim.tick()) {
      try {
        density.step();
      } catch (RuntimeException e) {
        densityFailed(e);
      }
    }
  }

  private void densityFailed(Exception e) {
    closeDensity();
    densityType = densityWanted;
    densitySim = sim;
    densityIndex = 0;
    densityProblem =
        "the density model stopped: " + (e.getMessage() != null ? e.getMessage() : e.toString());
  }

  private void closeDensity() {
    if (density != null) {
      density.close();
      density = null;
    }
    densityType = null;
    densitySim = null;
    densityIndex = -1;
    densityProblem = null;
  }
}
