package org.nvlab.app.desktop;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicReference;
import org.nvlab.core.Simulation;
import org.nvlab.core.observe.Inspection;
import org.nvlab.core.observe.SnapshotMaker;
import org.nvlab.core.record.MetricRows;
import org.nvlab.core.snapshot.NodeDetail;
import org.nvlab.core.snapshot.Snapshot;
import org.nvlab.core.snapshot.Spikes;
import org.nvlab.core.snapshot.VesicleDetail;

/**
 * What the engine thread hands to the window: the newest snapshot of the run shown, the inspected
 * node's and vesicle's details, every run's new metric rows (every tick, whatever is drawn), the
 * runs closed, the timeline and the spike raster. The engine thread writes ({@link #publish}); the
 * FX thread reads, without locks and without ever waiting.
 */
final class Publisher {
  private final SnapshotMaker snapshots;
  private final AtomicReference<Snapshot> latest = new AtomicReference<>();
  private final AtomicReference<NodeDetail> nodeDetail = new AtomicReference<>();
  private final AtomicReference<VesicleDetail> vesicleDetail = new AtomicReference<>();
  private final AtomicReference<Timeline> timeline = new AtomicReference<>(Timeline.NONE);
  private final AtomicReference<Spikes> spikes = new AtomicReference<>();
  private final ConcurrentLinkedQueue<MetricRows> metricRows = new ConcurrentLinkedQueue<>();
  private final ConcurrentLinkedQueue<Long> closedRuns = new ConcurrentLinkedQueue<>();
  private final Map<Long, Integer> cursors = new HashMap<>(); // engine thread
  private volatile int inspectedNode = -1;
  private volatile boolean vesicleGone;
  volatile boolean taken;

  Publisher(int maxVesiclesPerType) {
    this.snapshots = new SnapshotMaker(maxVesiclesPerType);
  }

  /** Engine thread: publishes what the window shows of {@code runs} now. */
  void publish(RunSet runs) {
    Simulation s = runs.shown();
    if (s == null) {
      return;
    }
    taken = false;
    latest.set(
        snapshots.make(s, runs.density.values(), runs.density.type(), runs.density.problem()));
    inspection(runs);
    for (RunSet.Run r : runs.runs()) {
      int from = cursors.getOrDefault(r.id, 0);
      if (from > r.metrics.rows()) {
        from = Math.max(0, r.metrics.rows() - 1); // cut back (a rewind): resend the last row
      }
      MetricRows rows = MetricRows.since(r.id, r.parent, r.label, r.metrics, from);
      if (rows.rows() > 0 || from == 0) {
        metricRows.add(rows);
      }
      cursors.put(r.id, r.metrics.rows());
    }
    timeline.set(runs.timeline());
    spikes.set(runs.spikes.spiking() ? runs.spikes.spikes() : null);
  }

  /** Engine thread: the inspected node's and vesicle's details, from the run shown. */
  void inspection(RunSet runs) {
    Simulation s = runs.shown();
    if (s == null) {
      return;
    }
    int node = inspectedNode;
    nodeDetail.set(node >= 0 && node < s.nodeCount() ? Inspection.node(s, node, 50) : null);
    long id = runs.path.followed();
    if (id >= 0) {
      VesicleDetail v = Inspection.vesicle(s, id, runs.path.path());
      if (v == null) {
        vesicleGone = true;
      } else {
        vesicleGone = false;
        vesicleDetail.set(v);
      }
    } else {
      vesicleDetail.set(null);
    }
  }

  /** Engine thread: a run was closed (the charts drop it). */
  void closed(long runId) {
    cursors.remove(runId);
    closedRuns.add(runId);
  }

  /** Engine thread: everything belonged to runs that are gone (a new project, a reset). */
  void restart() {
    cursors.clear();
    vesicleGone = false;
    vesicleDetail.set(null);
  }

  void inspectNode(int node) {
    inspectedNode = node;
    nodeDetail.set(null);
  }

  void inspectVesicle() {
    vesicleDetail.set(null);
    vesicleGone = false;
  }

  Snapshot latest() {
    taken = true;
    return latest.get();
  }

  NodeDetail nodeDetail() {
    return nodeDetail.get();
  }

  VesicleDetail vesicleDetail() {
    return vesicleDetail.get();
  }

  boolean vesicleGone() {
    return vesicleGone;
  }

  Timeline timeline() {
    return timeline.get();
  }

  Spikes spikes() {
    return spikes.get();
  }

  /** Drains a queue into a list (FX thread). */
  private static <T> List<T> drain(ConcurrentLinkedQueue<T> q) {
    List<T> out = new ArrayList<>();
    for (T t; (t = q.poll()) != null; ) {
      out.add(t);
    }
    return out;
  }

  List<MetricRows> takeMetricRows() {
    return drain(metricRows);
  }

  List<Long> takeClosedRuns() {
    return drain(closedRuns);
  }
}
