package org.nvlab.core.limits;

import org.nvlab.core.observe.SimulationView;

/**
 * Where a vesicle type docks and releases, ranked by the error of the same tick: after every tick
 * it finds the docking sites with the largest |e| and counts the dockings and the payload that
 * landed on them.
 *
 * <p>The engine's error array still holds the tick's e after the tick (learning changes weights,
 * not e), which is the error the docking test read. A dwelling type's dockings of the tick are the
 * docked vesicles whose remaining dwell is still D - 1; a quantal type docks once per release, so
 * its dockings are the probe's release counts.
 */
final class DockingSites {
  private final int from;
  private final int n;
  private final int[] docked;
  private final int[] best = new int[3];
  private long dockings;
  private long onTop;
  private long onTop3;
  private double payload;
  private double payloadOnTop;
  private final float[] error;

  /** Docking sites are the nodes [from, n). */
  DockingSites(int from, int n) {
    if (n - from < 3) {
      throw new IllegalArgumentException("need at least 3 docking sites, got " + (n - from));
    }
    this.from = from;
    this.n = n;
    this.docked = new int[n];
    this.error = new float[n];
  }

  /** Counts the tick just run; the probe holds the tick's releases of type 0. */
  void observe(SimulationView sim, ReleaseProbe probe) {
    int dwell = sim.dwellTicks(0);
    int[] perNode;
    if (dwell > 1) {
      java.util.Arrays.fill(docked, 0);
      for (int s = 0, size = sim.vesicleCount(0); s < size; s++) {
        int node = sim.vesicleNode(0, s);
        if (node < 0 && sim.vesicleDwell(0, s) == dwell - 1) {
          docked[~node]++;
        }
      }
      perNode = docked;
    } else {
      perNode = probe.count();
    }
    for (int i = 0; i < n; i++) {
      error[i] = sim.error(i);
    }
    topSites(error, from, n, best);
    double[] mass = probe.mass();
    for (int i = from; i < n; i++) {
      dockings += perNode[i];
      payload += mass[i];
    }
    onTop += perNode[best[0]];
    onTop3 += perNode[best[0]] + perNode[best[1]] + perNode[best[2]];
    payloadOnTop += mass[best[0]];
  }

  long dockings() {
    return dockings;
  }

  double dockingTopShare() {
    return dockings > 0 ? (double) onTop / dockings : Double.NaN;
  }

  double dockingTop3Share() {
    return dockings > 0 ? (double) onTop3 / dockings : Double.NaN;
  }

  double payloadTopShare() {
    return payload > 0 ? payloadOnTop / payload : Double.NaN;
  }

  /**
   * The three sites in [from, n) with the largest |e|, largest first (ties to the lower index).
   * Sites are few (hidden and output nodes), so a linear scan is cheap.
   */
  static void topSites(float[] error, int from, int n, int[] best) {
    double[] v = {-1, -1, -1};
    for (int i = from; i < n; i++) {
      double a = Math.abs(error[i]);
      for (int r = 0; r < 3; r++) {
        if (a > v[r]) {
          for (int q = 2; q > r; q--) {
            v[q] = v[q - 1];
            best[q] = best[q - 1];
          }
          v[r] = a;
          best[r] = i;
          break;
        }
      }
    }
  }
}
