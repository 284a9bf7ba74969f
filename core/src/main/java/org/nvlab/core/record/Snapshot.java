package org.nvlab.core.record;

import java.util.Arrays;
import java.util.List;
import org.nvlab.core.Simulation;
import org.nvlab.core.graph.Graph;
import org.nvlab.core.host.Host;
import org.nvlab.core.process.Engine;
import org.nvlab.core.vesicle.Pool;
import org.nvlab.core.vesicle.Population;

/**
 * What a viewer may know about a simulation after one tick: an immutable copy that the engine
 * thread makes and publishes, and that any other thread reads without locks.
 *
 * <p>Every array is copied on the way in and out, so no reader can reach the engine's state and no
 * later tick can change a snapshot. Readers that draw every frame use the indexed accessors ({@link
 * #activation(int)}, {@link #vesicleNode(int, int)}...), which copy nothing. The host {@link Graph}
 * is shared, not copied: its topology never changes after it is built (its weights live in the host
 * and are not part of a snapshot).
 *
 * <p>Vesicle locations are node indices; a docked, dwelling vesicle is stored as {@code ~node}
 * (negative), as in {@link Pool#node()}. At most a cap per type is kept, taken from the first slots
 * of the pool, so a snapshot of a huge population stays small and is the same for the same state.
 *
 * @param tick the number of ticks run (the next tick's index)
 * @param nodeCount nodes of the host graph
 * @param graph the host topology (shared, immutable)
 * @param activation per-node activation (rate host) or firing-rate trace (LIF host)
 * @param gamma per-node gain modulation buffer
 * @param typeNames vesicle type names, in type order
 * @param population live vesicles per type
 * @param births vesicles born per type in the last tick
 * @param dockings dockings per type in the last tick
 * @param vesicleNodes per type, the locations of at most the cap first vesicles
 */
public record Snapshot(
    int tick,
    int nodeCount,
    Graph graph,
    float[] activation,
    float[] gamma,
    List<String> typeNames,
    long[] population,
    long[] births,
    long[] dockings,
    int[][] vesicleNodes) {

  public Snapshot {
    int k = typeNames.size();
    if (activation.length != nodeCount || gamma.length != nodeCount) {
      throw new IllegalArgumentException("node arrays must have " + nodeCount + " entries");
    }
    if (population.length != k
        || births.length != k
        || dockings.length != k
        || vesicleNodes.length != k) {
      throw new IllegalArgumentException("type arrays must have " + k + " entries");
    }
    activation = activation.clone();
    gamma = gamma.clone();
    typeNames = List.copyOf(typeNames);
    population = population.clone();
    births = births.clone();
    dockings = dockings.clone();
    vesicleNodes = deepCopy(vesicleNodes);
  }

  /**
   * Copies the state a viewer needs from a simulation. Call it on the thread that steps the
   * simulation, between ticks.
   *
   * @param maxVesiclesPerType how many vesicle locations to keep per type (the first slots)
   */
  public static Snapshot of(Simulation sim, int maxVesiclesPerType) {
    if (maxVesiclesPerType < 0) {
      throw new IllegalArgumentException("maxVesiclesPerType must be >= 0");
    }
    Engine engine = sim.engine();
    Host host = sim.host();
    Population pop = engine.population();
    int k = engine.typeCount();
    String[] names = new String[k];
    long[] population = new long[k];
    long[] births = new long[k];
    long[] dockings = new long[k];
    int[][] nodes = new int[k][];
    for (int t = 0; t < k; t++) {
      Pool pool = pop.pool(t);
      names[t] = engine.type(t).name();
      population[t] = pool.size();
      births[t] = pop.births(t);
      dockings[t] = pop.dockings(t);
      nodes[t] = Arrays.copyOf(pool.node(), Math.min(pool.size(), maxVesiclesPerType));
    }
    return new Snapshot(
        sim.tick(),
        host.nodeCount(),
        host.graph(),
        host.activation(),
        host.gamma(),
        Arrays.asList(names),
        population,
        births,
        dockings,
        nodes);
  }

  private static int[][] deepCopy(int[][] a) {
    int[][] out = new int[a.length][];
    for (int t = 0; t < a.length; t++) {
      out[t] = a[t].clone();
    }
    return out;
  }

  public int typeCount() {
    return typeNames.size();
  }

  /** Live vesicles of all types. */
  public long totalPopulation() {
    long s = 0;
    for (long p : population) {
      s += p;
    }
    return s;
  }

  public float activation(int node) {
    return activation[node];
  }

  public float gamma(int node) {
    return gamma[node];
  }

  public long population(int type) {
    return population[type];
  }

  public long births(int type) {
    return births[type];
  }

  public long dockings(int type) {
    return dockings[type];
  }

  /** How many vesicle locations of a type this snapshot holds (at most the cap). */
  public int vesicleCount(int type) {
    return vesicleNodes[type].length;
  }

  /** The location of the q-th kept vesicle of a type: a node index, or {@code ~node} if docked. */
  public int vesicleNode(int type, int q) {
    return vesicleNodes[type][q];
  }

  @Override
  public float[] activation() {
    return activation.clone();
  }

  @Override
  public float[] gamma() {
    return gamma.clone();
  }

  @Override
  public long[] population() {
    return population.clone();
  }

  @Override
  public long[] births() {
    return births.clone();
  }

  @Override
  public long[] dockings() {
    return dockings.clone();
  }

  @Override
  public int[][] vesicleNodes() {
    return deepCopy(vesicleNodes);
  }

  @Override
  public String toString() {
    return "Snapshot[tick="
        + tick
        + ", nodes="
        + nodeCount
        + ", population="
        + totalPopulation()
        + "]";
  }
}
