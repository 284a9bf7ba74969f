package org.nvlab.core.observe;

import java.util.Arrays;
import org.nvlab.core.snapshot.Snapshot;

/**
 * Makes the {@link Snapshot}s of one simulation in sequence, on the thread that steps it, between
 * ticks.
 *
 * <p>It remembers where each kept vesicle was in the snapshot it made last (by id, so compaction
 * moving vesicles between slots does not matter), which gives each vesicle of the next snapshot the
 * node it moved from: the viewer interpolates along that edge without any state or work of its own
 * on the FX thread. The maps are reused, so a snapshot allocates only the snapshot itself. The
 * engine never calls this: a run without a viewer pays nothing.
 *
 * <p>Docking locations are those of the last tick: for a type that docks quantally the engine's
 * release list (every release is a docking), for a dwelling type the kept vesicles that docked in
 * that tick (their dwell counter is still full). Weights are copied only when the host changed
 * them; otherwise the new snapshot shares the previous one's array, which no one writes.
 */
public final class SnapshotMaker {
  private final int maxVesiclesPerType;
  private SimulationView last;
  private int lastTick = -1;
  private IdLocations[] previous = new IdLocations[0];
  private IdLocations[] current = new IdLocations[0];
  private float[] weights;
  private int weightsVersion;

  /**
   * @param maxVesiclesPerType how many vesicles to keep per type (the first slots of each pool)
   */
  public SnapshotMaker(int maxVesiclesPerType) {
    if (maxVesiclesPerType < 0) {
      throw new IllegalArgumentException("maxVesiclesPerType must be >= 0");
    }
    this.maxVesiclesPerType = maxVesiclesPerType;
  }

  /** Per-node values of one type, e.g. the density model's rho stepped alongside the run. */
  @FunctionalInterface
  public interface NodeValues {
    double value(int type, int node);
  }

  /** A snapshot without density. */
  public Snapshot make(SimulationView sim) {
    return make(sim, null, -1, null);
  }

  /**
   * A snapshot; with {@code densityType >= 0} it also carries that type's values from {@code
   * density} (the density model's rho, stepped alongside the simulation), or, when {@code density}
   * is null, the {@code densityProblem} that explains why there is none.
   */
  public Snapshot make(
      SimulationView sim, NodeValues density, int densityType, String densityProblem) {
    int k = sim.typeCount();
    if (sim != last || previous.length != k) {
      start(sim, k);
    }
    String[] names = new String[k];
    long[] population = new long[k];
    long[] births = new long[k];
    long[] dockings = new long[k];
    int[][] nodes = new int[k][];
    int[][] from = new int[k][];
    long[][] ids = new long[k][];
    float[][] norms = new float[k][];
    int[][] docked = new int[k][];
    for (int t = 0; t < k; t++) {
      int size = sim.vesicleCount(t);
      names[t] = sim.typeName(t);
      population[t] = size;
      births[t] = sim.births(t);
      dockings[t] = sim.dockings(t);
      int m = Math.min(size, maxVesiclesPerType);
      nodes[t] = new int[m];
      ids[t] = new long[m];
      sim.copyNodes(t, nodes[t], m);
      sim.copyIds(t, ids[t], m);
      from[t] = new int[m];
      norms[t] = new float[m];
      previousNodes(m, ids[t], nodes[t], from[t], t);
      payloadNorms(sim, t, m, norms[t]);
      int dwell = sim.dwellTicks(t);
      docked[t] = dwell > 1 ? newlyDwelling(sim, t, nodes[t], m, dwell) : releases(sim, t);
    }
    int n = sim.nodeCount();
    if (weights == null || sim.weightsVersion() != weightsVersion) {
      weights = new float[sim.graph().edgeCount()];
      sim.copyWeights(weights);
      weightsVersion = sim.weightsVersion();
    }
    float[] rho = null;
    if (densityType >= 0 && density != null) {
      rho = new float[n];
      for (int i = 0; i < rho.length; i++) {
        rho[i] = (float) density.value(densityType, i);
      }
    }
    float[] activation = new float[n];
    float[] gamma = new float[n];
    float[] spike = sim.spiking() ? new float[n] : null;
    sim.copyActivation(activation);
    sim.copyGamma(gamma);
    if (spike != null) {
      sim.copySpike(spike);
    }
    Snapshot s =
        new Snapshot(
            sim.tick(),
            lastTick < 0 ? sim.tick() : lastTick,
            sim.graph(),
            activation,
            gamma,
            spike,
            weights,
            weightsVersion,
            Arrays.asList(names),
            population,
            births,
            dockings,
            nodes,
            from,
            ids,
            norms,
            docked,
            rho == null ? -1 : densityType,
            rho,
            densityType >= 0 && rho == null ? densityProblem : null);
    lastTick = sim.tick();
    IdLocations[] swap = previous;
    previous = current;
    current = swap;
    return s;
  }

  /** A new simulation: nothing was seen before. */
  private void start(SimulationView sim, int types) {
    last = sim;
    lastTick = -1;
    weights = null;
    previous = new IdLocations[types];
    current = new IdLocations[types];
    for (int t = 0; t < types; t++) {
      previous[t] = new IdLocations();
      current[t] = new IdLocations();
      previous[t].reset(0);
    }
  }

  /** Fills from[] with each vesicle's node in the last snapshot and records where it is now. */
  private void previousNodes(int m, long[] ids, int[] nodes, int[] from, int type) {
    IdLocations before = previous[type];
    IdLocations now = current[type];
    now.reset(m);
    for (int q = 0; q < m; q++) {
      int loc = nodes[q];
      int was = before.get(ids[q]);
      int at = was == IdLocations.MISSING ? loc : was;
      from[q] = at >= 0 ? at : ~at;
      now.put(ids[q], loc);
    }
  }

  private static void payloadNorms(SimulationView sim, int type, int m, float[] out) {
    int d = sim.payloadDim(type);
    for (int q = 0; q < m; q++) {
      double s = 0;
      for (int c = 0; c < d; c++) {
        double v = sim.payload(type, q, c);
        s += v * v;
      }
      out[q] = (float) Math.sqrt(s);
    }
  }

  /**
   * The kept vesicles of a dwelling type that docked in the last tick: their dwell is still full.
   */
  private static int[] newlyDwelling(
      SimulationView sim, int type, int[] node, int m, int dwellTicks) {
    int count = 0;
    for (int q = 0; q < m; q++) {
      if (node[q] < 0 && sim.vesicleDwell(type, q) == dwellTicks - 1) {
        count++;
      }
    }
    int[] out = new int[count];
    int c = 0;
    for (int q = 0; q < m; q++) {
      if (node[q] < 0 && sim.vesicleDwell(type, q) == dwellTicks - 1) {
        out[c++] = ~node[q];
      }
    }
    return out;
  }

  /** The nodes of the last tick's releases (all dockings, for a quantal type), up to the cap. */
  private int[] releases(SimulationView sim, int type) {
    int[] out = new int[Math.min(sim.releaseCount(type), maxVesiclesPerType)];
    sim.releaseNodes(type, out);
    return out;
  }
}
