package org.nvlab.core.snapshot;

import java.util.List;
import org.nvlab.core.graph.Graph;

/**
 * What a viewer may know about a simulation after one tick: an immutable copy that the engine
 * thread makes and publishes, and that any other thread reads without locks.
 *
 * <p>No reader can reach the engine's state and no later tick can change a snapshot: its arrays are
 * its own (the accessors that return whole arrays return copies). Readers that draw every frame use
 * the indexed accessors ({@link #activation(int)}, {@link #vesicleNode(int, int)}...), which copy
 * nothing. The host {@link Graph} is shared, not copied: its topology never changes after it is
 * built. Edge weights are copied only when the host changed them, so consecutive snapshots of a
 * host that does not learn share one (never written) array.
 *
 * <p>Vesicle locations are node indices; a docked, dwelling vesicle is stored as {@code ~node}
 * (negative), as in the engine's pools. At most a cap per type is kept, taken from the first slots
 * of the pool, so a snapshot of a huge population stays small and is the same for the same state.
 * For each kept vesicle the snapshot also holds its id, the length of its payload vector, and the
 * node where it was in the previous snapshot made by the same {@code observe.SnapshotMaker} (its
 * own node when it was not there: newborn, or new among the kept slots), so that a viewer can move
 * it along its edge between the two without keeping any state of its own.
 *
 * <p>Made by a {@code observe.SnapshotMaker} on the engine thread, or by a {@link Builder} (tests,
 * synthetic benchmarks).
 */
public final class Snapshot {
  private final int tick;
  private final int previousTick;
  private final int nodeCount;
  private final Graph graph;
  private final float[] activation;
  private final float[] gamma;
  private final float[] spike;
  private final float[] weight;
  private final int weightsVersion;
  private final List<String> typeNames;
  private final long[] population;
  private final long[] births;
  private final long[] dockings;
  private final int[][] vesicleNodes;
  private final int[][] vesicleFrom;
  private final long[][] vesicleIds;
  private final float[][] payloadNorms;
  private final int[][] dockedAt;
  private final int densityType;
  private final float[] density;
  private final String densityProblem;

  /**
   * Takes ownership of every array: callers hand over fresh copies that nobody else keeps (the
   * snapshot makers do; tests use the {@link Builder}, which copies).
   */
  public Snapshot(
      int tick,
      int previousTick,
      Graph graph,
      float[] activation,
      float[] gamma,
      float[] spike,
      float[] weight,
      int weightsVersion,
      List<String> typeNames,
      long[] population,
      long[] births,
      long[] dockings,
      int[][] vesicleNodes,
      int[][] vesicleFrom,
      long[][] vesicleIds,
      float[][] payloadNorms,
      int[][] dockedAt,
      int densityType,
      float[] density,
      String densityProblem) {
    int n = graph.nodeCount();
    int k = typeNames.size();
    if (activation.length != n || gamma.length != n || (spike != null && spike.length != n)) {
      throw new IllegalArgumentException("node arrays must have " + n + " entries");
    }
    if (weight != null && weight.length != graph.edgeCount()) {
      throw new IllegalArgumentException("weights must have " + graph.edgeCount() + " entries");
    }
    if (population.length != k
        || births.length != k
        || dockings.length != k
        || vesicleNodes.length != k
        || vesicleFrom.length != k
        || vesicleIds.length != k
        || payloadNorms.length != k
        || dockedAt.length != k) {
      throw new IllegalArgumentException("type arrays must have " + k + " entries");
    }
    for (int t = 0; t < k; t++) {
      int m = vesicleNodes[t].length;
      if (vesicleFrom[t].length != m || vesicleIds[t].length != m || payloadNorms[t].length != m) {
        throw new IllegalArgumentException("type " + t + ": vesicle arrays differ in length");
      }
    }
    if (densityType >= k || (densityType >= 0 && (density == null || density.length != n))) {
      throw new IllegalArgumentException("density must name a type and have " + n + " entries");
    }
    this.tick = tick;
    this.previousTick = previousTick;
    this.nodeCount = n;
    this.graph = graph;
    this.activation = activation;
    this.gamma = gamma;
    this.spike = spike;
    this.weight = weight;
    this.weightsVersion = weightsVersion;
    this.typeNames = List.copyOf(typeNames);
    this.population = population;
    this.births = births;
    this.dockings = dockings;
    this.vesicleNodes = vesicleNodes;
    this.vesicleFrom = vesicleFrom;
    this.vesicleIds = vesicleIds;
    this.payloadNorms = payloadNorms;
    this.dockedAt = dockedAt;
    this.densityType = densityType < 0 ? -1 : densityType;
    this.density = densityType < 0 ? null : density;
    this.densityProblem = densityProblem;
  }

  /** A snapshot built from arrays (copied), for tests and synthetic benchmarks. */
  public static Builder builder(Graph graph, List<String> typeNames) {
    return new Builder(graph, typeNames);
  }

  /** The number of ticks run (the next tick's index). */
  public int tick() {
    return tick;
  }

  /**
   * The tick of the snapshot that {@link #vesicleFrom} refers to (this tick when there is none).
   */
  public int previousTick() {
    return previousTick;
  }

  /** Nodes of the host graph. */
  public int nodeCount() {
    return nodeCount;
  }

  /** The host topology (shared, immutable). */
  public Graph graph() {
    return graph;
  }

  /** Vesicle type names, in type order. */
  public List<String> typeNames() {
    return typeNames;
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

  /** Per-node activation (rate host) or firing-rate trace (LIF host). */
  public float activation(int node) {
    return activation[node];
  }

  /** Per-node gain modulation buffer. */
  public float gamma(int node) {
    return gamma[node];
  }

  /** True for a spiking (LIF) host: {@link #spike} says which nodes fired in the last tick. */
  public boolean spiking() {
    return spike != null;
  }

  /** 1 where the node fired in the last tick, else 0 (0 everywhere for a rate host). */
  public float spike(int node) {
    return spike == null ? 0 : spike[node];
  }

  /** True when the snapshot carries the edge weights. */
  public boolean hasWeights() {
    return weight != null;
  }

  /** The weight of edge e (edge ids as in {@link Graph}). */
  public float weight(int edge) {
    return weight[edge];
  }

  /**
   * Changes whenever the host changed its weights: two snapshots of one run with the same version
   * have the same weights.
   */
  public int weightsVersion() {
    return weightsVersion;
  }

  /** Live vesicles of a type. */
  public long population(int type) {
    return population[type];
  }

  /** Vesicles of a type born in the last tick. */
  public long births(int type) {
    return births[type];
  }

  /** Dockings of a type in the last tick. */
  public long dockings(int type) {
    return dockings[type];
  }

  /** How many vesicles of a type this snapshot holds (at most the cap). */
  public int vesicleCount(int type) {
    return vesicleNodes[type].length;
  }

  /** The location of the q-th kept vesicle of a type: a node index, or {@code ~node} if docked. */
  public int vesicleNode(int type, int q) {
    return vesicleNodes[type][q];
  }

  /**
   * The node where the q-th kept vesicle of a type was in the previous snapshot (never negative;
   * its own node when it was not in that snapshot).
   */
  public int vesicleFrom(int type, int q) {
    return vesicleFrom[type][q];
  }

  /** The stable id of the q-th kept vesicle of a type. */
  public long vesicleId(int type, int q) {
    return vesicleIds[type][q];
  }

  /** The Euclidean length of the q-th kept vesicle's payload vector. */
  public float payloadNorm(int type, int q) {
    return payloadNorms[type][q];
  }

  /** How many docking locations of a type this snapshot holds (dockings of the last tick). */
  public int dockedCount(int type) {
    return dockedAt[type].length;
  }

  /** The node of the q-th docking of a type in the last tick. */
  public int dockedNode(int type, int q) {
    return dockedAt[type][q];
  }

  /** The type whose density rho this snapshot carries, or -1 when it carries none. */
  public int densityType() {
    return densityType;
  }

  /** The density model's expected undocked vesicles of {@link #densityType} at a node. */
  public float density(int node) {
    return density[node];
  }

  /** Why the density was asked for but cannot be shown (the model's own words), or null. */
  public String densityProblem() {
    return densityProblem;
  }

  public float[] activation() {
    return activation.clone();
  }

  public float[] gamma() {
    return gamma.clone();
  }

  public long[] population() {
    return population.clone();
  }

  public long[] births() {
    return births.clone();
  }

  public long[] dockings() {
    return dockings.clone();
  }

  public int[][] vesicleNodes() {
    int[][] out = new int[vesicleNodes.length][];
    for (int t = 0; t < out.length; t++) {
      out[t] = vesicleNodes[t].clone();
    }
    return out;
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

  /**
   * Builds a snapshot from arrays, copying each on {@link #build}. Unset node arrays are zeros,
   * unset types hold no vesicles; the previous tick defaults to the tick.
   */
  public static final class Builder {
    private final Graph graph;
    private final List<String> typeNames;
    private int tick;
    private Integer previousTick;
    private float[] activation;
    private float[] gamma;
    private float[] spike;
    private float[] weight;
    private int weightsVersion;
    private final long[] population;
    private final long[] births;
    private final long[] dockings;
    private final int[][] nodes;
    private final int[][] from;
    private final long[][] ids;
    private final float[][] norms;
    private final int[][] docked;
    private int densityType = -1;
    private float[] density;
    private String densityProblem;

    private Builder(Graph graph, List<String> typeNames) {
      this.graph = graph;
      this.typeNames = List.copyOf(typeNames);
      int k = typeNames.size();
      population = new long[k];
      births = new long[k];
      dockings = new long[k];
      nodes = new int[k][0];
      from = new int[k][0];
      ids = new long[k][0];
      norms = new float[k][0];
      docked = new int[k][0];
    }

    public Builder tick(int tick) {
      this.tick = tick;
      return this;
    }

    public Builder previousTick(int previousTick) {
      this.previousTick = previousTick;
      return this;
    }

    public Builder activation(float[] a) {
      activation = a.clone();
      return this;
    }

    public Builder gamma(float[] g) {
      gamma = g.clone();
      return this;
    }

    /** Marks the host as spiking, with 1 where a node fired. */
    public Builder spike(float[] s) {
      spike = s.clone();
      return this;
    }

    public Builder weights(float[] w, int version) {
      weight = w.clone();
      weightsVersion = version;
      return this;
    }

    /**
     * The kept vesicles of a type: locations (~node when docked), previous nodes, ids and payload
     * lengths, one entry each. The population defaults to their count.
     */
    public Builder vesicles(int type, int[] node, int[] previous, long[] id, float[] norm) {
      nodes[type] = node.clone();
      from[type] = previous.clone();
      ids[type] = id.clone();
      norms[type] = norm.clone();
      if (population[type] < node.length) {
        population[type] = node.length;
      }
      return this;
    }

    public Builder counts(int type, long population, long births, long dockings) {
      this.population[type] = population;
      this.births[type] = births;
      this.dockings[type] = dockings;
      return this;
    }

    /** Nodes where vesicles of a type docked in the last tick. */
    public Builder docked(int type, int[] at) {
      docked[type] = at.clone();
      return this;
    }

    public Builder density(int type, float[] rho) {
      densityType = type;
      density = rho.clone();
      return this;
    }

    public Builder densityProblem(String problem) {
      densityProblem = problem;
      return this;
    }

    public Snapshot build() {
      int n = graph.nodeCount();
      int k = typeNames.size();
      int[][] n2 = new int[k][];
      int[][] f2 = new int[k][];
      long[][] i2 = new long[k][];
      float[][] p2 = new float[k][];
      int[][] d2 = new int[k][];
      for (int t = 0; t < k; t++) {
        n2[t] = nodes[t].clone();
        f2[t] = from[t].clone();
        i2[t] = ids[t].clone();
        p2[t] = norms[t].clone();
        d2[t] = docked[t].clone();
      }
      return new Snapshot(
          tick,
          previousTick == null ? tick : previousTick,
          graph,
          activation == null ? new float[n] : activation.clone(),
          gamma == null ? new float[n] : gamma.clone(),
          spike == null ? null : spike.clone(),
          weight == null ? null : weight.clone(),
          weightsVersion,
          typeNames,
          population.clone(),
          births.clone(),
          dockings.clone(),
          n2,
          f2,
          i2,
          p2,
          d2,
          densityType,
          density == null ? null : density.clone(),
          densityProblem);
    }
  }
}
