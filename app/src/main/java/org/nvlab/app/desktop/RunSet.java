package org.nvlab.app.desktop;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import org.nvlab.core.Checkpoints;
import org.nvlab.core.Model;
import org.nvlab.core.ModelChange;
import org.nvlab.core.Simulation;
import org.nvlab.core.density.DensityCompanion;
import org.nvlab.core.observe.MetricsObserver;
import org.nvlab.core.observe.PathTracker;
import org.nvlab.core.observe.SpikeRaster;
import org.nvlab.core.record.MetricsRecorder;
import org.nvlab.core.state.CheckpointException;

/**
 * The runs the window holds, engine thread only: the active run (the one play and step advance),
 * the runs branched from it or it from them (each with its own metrics and its own ring of recent
 * states), and, while the user looks back on the timeline, a preview: the active run's state at an
 * earlier tick, rebuilt from the nearest state in its ring and replayed to the tick exactly. The
 * observers the window shows (the inspected vesicle's path, the density companion, the spike
 * raster) move to whichever run is shown; each run's metrics observer stays with its run.
 */
final class RunSet {
  /** The spike raster keeps this many of the newest ticks. */
  static final int RASTER_TICKS = 500;

  /** One run: its simulation, its metrics from tick 0, its recent past. */
  static final class Run {
    final long id;
    final long parent;
    final String label;
    final MetricsRecorder metrics;
    final Instant startedAt;
    Simulation sim;
    MetricsObserver observer;
    CheckpointRing ring;
    int branches;

    Run(long id, long parent, String label, MetricsRecorder metrics, CheckpointRing ring) {
      this.id = id;
      this.parent = parent;
      this.label = label;
      this.metrics = metrics;
      this.ring = ring;
      this.startedAt = Instant.now().truncatedTo(ChronoUnit.MICROS);
    }
  }

  final PathTracker path = new PathTracker(SimulationService.PATH_LIMIT);
  final DensityCompanion density = new DensityCompanion();
  final SpikeRaster spikes = new SpikeRaster(RASTER_TICKS);
  private final List<Run> runs = new ArrayList<>();
  private final int engineThreads;
  private Run active;
  private Simulation preview;
  private Simulation shown;
  private long nextId = 1;

  RunSet(int engineThreads) {
    this.engineThreads = engineThreads;
  }

  /** Replaces every run with a new one (a project opened, a reset). */
  void install(Simulation s) {
    closeAll();
    Run r =
        new Run(
            nextId++,
            -1,
            "run",
            new MetricsRecorder(),
            new CheckpointRing(CheckpointRing.defaultBudget()));
    attach(r, s);
    runs.add(r);
    active = r;
    show(s);
  }

  private void attach(Run r, Simulation s) {
    r.sim = s;
    r.observer = s.observe(new MetricsObserver(r.metrics));
    r.ring.offer(s); // the state the run starts from (tick 0, or the tick it was resumed at)
  }

  /** Moves the window's own observers to the simulation shown from now on. */
  private void show(Simulation s) {
    if (shown == s) {
      return;
    }
    if (shown != null) {
      shown.unobserve(path);
      shown.unobserve(density);
      shown.unobserve(spikes);
    }
    shown = s;
    if (s != null) {
      s.observe(path);
      s.observe(density);
      s.observe(spikes);
    }
  }

  boolean hasRun() {
    return active != null;
  }

  Run active() {
    return active;
  }

  /** The simulation the window shows: the preview while there is one, else the active run. */
  Simulation shown() {
    return shown;
  }

  boolean previewing() {
    return preview != null;
  }

  /** One tick of the active run (never while previewing), and a state for its ring. */
  void step() {
    live();
    active.sim.step();
    active.ring.offer(active.sim);
  }

  /**
   * Shows the active run at an earlier tick: the nearest state of its ring at or before it,
   * replayed to the tick. A tick at or after the run's own goes back to the run itself.
   */
  void preview(int tick) throws CheckpointException {
    Simulation live = active.sim;
    if (tick >= live.tick()) {
      live();
      return;
    }
    int t = Math.max(0, tick);
    if (preview == null || preview.tick() > t) {
      CheckpointRing.State s = active.ring.atOrBefore(t);
      if (s == null) {
        throw new CheckpointException("no state of this run is kept before tick " + t);
      }
      Simulation fresh =
          Checkpoints.read(s.bytes(), "the state at tick " + s.tick(), engineThreads, live.model())
              .simulation();
      dropPreview();
      preview = fresh;
    }
    // A fresh preview is watched only once it is at its tick (no replayed tick is drawn); one
    // that goes forward from an earlier look is watched on its way, like a run.
    while (preview.tick() < t) {
      preview.step();
    }
    show(preview);
  }

  /** Back to the active run as it is (no preview). */
  void live() {
    dropPreview();
  }

  private void dropPreview() {
    if (preview != null) {
      if (preview == shown) {
        show(active != null ? active.sim : null);
      }
      preview.close();
      preview = null;
    }
  }

  /**
   * The active run goes on from the tick previewed: what came after it is dropped (metrics, ring
   * states, the run's later state).
   */
  void resumeFromPreview() {
    Simulation p = preview;
    if (p == null) {
      return;
    }
    preview = null;
    Run r = active;
    r.sim.unobserve(r.observer);
    r.sim.close();
    r.metrics.truncateAt(p.tick());
    r.ring.truncateAfter(p.tick());
    r.sim = p;
    r.observer = p.observe(new MetricsObserver(r.metrics));
    show(p);
  }

  /**
   * A new run from the tick previewed, with the active run's history up to it; it becomes the
   * active run and the original keeps its state and history.
   *
   * @return the branch
   */
  Run branchFromPreview() {
    Simulation p = preview;
    if (p == null) {
      return null;
    }
    preview = null;
    Run from = active;
    from.branches++;
    MetricsRecorder m = from.metrics.copy();
    m.truncateAt(p.tick());
    String label =
        (from.parent < 0 ? "branch " : from.label + ".") + from.branches + " at tick " + p.tick();
    Run b = new Run(nextId++, from.id, label, m, from.ring.upTo(p.tick()));
    b.sim = p;
    b.observer = p.observe(new MetricsObserver(m));
    runs.add(b);
    active = b;
    show(p);
    return b;
  }

  /** Makes another run the active one (it goes on from where it was). */
  boolean activate(long id) {
    Run r = find(id);
    if (r == null) {
      return false;
    }
    live();
    active = r;
    show(r.sim);
    return true;
  }

  /**
   * Closes a run; when it was the active one, the newest other run becomes active.
   *
   * @return why it cannot be closed, or null when it was
   */
  String close(long id) {
    Run r = find(id);
    if (r == null) {
      return "there is no such run";
    }
    if (runs.size() == 1) {
      return "it is the only run (open or reset the project to start another)";
    }
    if (r == active) {
      live();
      active = runs.get(runs.indexOf(r) == runs.size() - 1 ? runs.size() - 2 : runs.size() - 1);
      show(active.sim);
    }
    runs.remove(r);
    r.sim.close();
    return null;
  }

  /** The active run takes another model's rules (see {@link Simulation#takeRules}). */
  ModelChange takeRules(Model next) {
    live();
    return active.sim.takeRules(next);
  }

  Run find(long id) {
    for (Run r : runs) {
      if (r.id == id) {
        return r;
      }
    }
    return null;
  }

  List<Run> runs() {
    return List.copyOf(runs);
  }

  /** What the timeline shows: the active run's reach, the tick shown, the runs. */
  Timeline timeline() {
    if (active == null) {
      return Timeline.NONE;
    }
    List<Timeline.RunInfo> infos = new ArrayList<>();
    for (Run r : runs) {
      infos.add(new Timeline.RunInfo(r.id, r.parent, r.label, r.sim.tick()));
    }
    return new Timeline(
        Math.max(0, active.ring.earliest()),
        active.sim.tick(),
        shown.tick(),
        preview != null,
        active.ring.size(),
        active.ring.bytes(),
        active.ring.interval(),
        active.id,
        infos);
  }

  void closeAll() {
    show(null);
    dropPreview();
    for (Run r : runs) {
      r.sim.close();
    }
    runs.clear();
    active = null;
  }
}
