package org.nvlab.core.observe;

import java.util.Arrays;
import org.nvlab.core.Simulation;
import org.nvlab.core.density.DensityModel;
import org.nvlab.core.host.Host;
import org.nvlab.core.host.LifNetwork;
import org.nvlab.core.process.Engine;
import org.nvlab.core.snapshot.Snapshot;
import org.nvlab.core.vesicle.Pool;
import org.nvlab.core.vesicle.Population;

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
  private Simulation last;
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

  /** A snapshot without density. */
  public Snapshot make(Simulation sim) {
    return make(sim, null, -1, null);
  }

  /**
   * A snapshot; with {@code densityType >= 0} it also carries that type's rho from {@code density}
   * (stepped alongside the simulation by the caller), or, when {@code density} is null, the {@code
   * densityProblem} that explains why there is none.
   */
  public Snapshot make(
      Simulation sim, DensityModel density, int densityType, String densityProblem) {
    Engine engine = sim.engine();
    Host host = sim.host();
    Population pop = engine.population();
    int k = engine.typeCount();
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
      Pool pool = pop.pool(t);
      names[t] = engine.type(t).name();
      population[t] = pool.size();
      births[t] = pop.births(t);
      dockings[t] = pop.dockings(t);
      int m = Math.min(pool.size(), maxVesiclesPerType);
      nodes[t] = Arrays.copyOf(pool.node(), m);
      ids[t] = Arrays.copyOf(pool.id(), m);
      from[t] = new int[m];
      norms[t] = new float[m];
      previousNodes(m, ids[t], nodes[t], from[t], t);
      payloadNorms(pool, m, norms[t]);
      docked[t] =
          pool.dwelling()
              ? newlyDwelling(pool, m, engine.type(t).docking().dwellTicks())
              : releases(engine, t);
    }
    if (weights == null || host.weightsVersion() != weightsVersion) {
      weights = host.weight().clone();
      weightsVersion = host.weightsVersion();
    }
    float[] rho = null;
    if (densityType >= 0 && density != null) {
      rho = new float[host.nodeCount()];
      for (int i = 0; i < rho.length; i++) {
        rho[i] = (float) density.rho(densityType, i);
      }
    }
    Snapshot s =
        new Snapshot(
            sim.tick(),
            lastTick < 0 ? sim.tick() : lastTick,
            host.graph(),
            host.activation().clone(),
            host.gamma().clone(),
            host instanceof LifNetwork ? host.spike().clone() : null,
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
  private void start(Simulation sim, int types) {
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

  private static void payloadNorms(Pool pool, int m, float[] out) {
    int d = pool.payloadDim();
    float[] payload = pool.payload();
    for (int q = 0; q < m; q++) {
      double s = 0;
      for (int c = q * d, end = c + d; c < end; c++) {
        s += (double) payload[c] * payload[c];
      }
      out[q] = (float) Math.sqrt(s);
    }
  }

  /**
   * The kept vesicles of a dwelling type that docked in the last tick: their dwell is still full.
   */
  private static int[] newlyDwelling(Pool pool, int m, int dwellTicks) {
    int[] node = pool.node();
    int[] dwell = pool.dwell();
    int count = 0;
    for (int q = 0; q < m; q++) {
      if (node[q] < 0 && dwell[q] == dwellTicks - 1) {
        count++;
      }
    }
    int[] out = new int[count];
    int c = 0;
    for (int q = 0; q < m; q++) {
      if (node[q] < 0 && dwell[q] == dwellTicks - 1) {
        out[c++] = ~node[q];
      }
    }
    return out;
  }

  /** The nodes of the last tick's releases (all dockings, for a quantal type), up to the cap. */
  private int[] releases(Engine engine, int type) {
    int[] out = new int[Math.min(engine.releaseCount(type), maxVesiclesPerType)];
    engine.releaseNodes(type, out);
    return out;
  }
}
