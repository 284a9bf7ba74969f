package org.nvlab.core.process;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import org.nvlab.core.graph.Neighbourhood;
import org.nvlab.core.host.Host;
import org.nvlab.core.parallel.PerWorker;
import org.nvlab.core.parallel.WorkerPool;
import org.nvlab.core.state.StateVisitor;
import org.nvlab.core.vesicle.EmissionRule;
import org.nvlab.core.vesicle.KernelRule;
import org.nvlab.core.vesicle.Pool;
import org.nvlab.core.vesicle.Population;
import org.nvlab.core.vesicle.VesicleType;
import org.nvlab.core.vocabulary.DeathCause;

/**
 * One tick of SPEC section 2, in its fixed order:
 *
 * <ol>
 *   <li>host forward (the caller sets inputs and globals first);
 *   <li>emission, type by type; newborns wait at their emitter until the next tick (their counts
 *       and ids are drawn here; they are written into the slots of this tick's dead after step 3,
 *       which changes nothing step 3 sees and saves moving vesicles to close holes);
 *   <li>the vesicle step (decay, hazard, absorption, docking test, migration) over fixed chunks of
 *       every pool in parallel, then releases type by type, then the newborns, then compaction of
 *       the holes left;
 *   <li>modulation buffers decay and take the tick's releases;
 *   <li>host learning;
 * </ol>
 *
 * and the caller records metrics (step 6). All randomness is keyed by (seed, tick, id, purpose) and
 * every parallel result is merged in a fixed order, so the state after any tick is bit-identical
 * for any number of threads.
 */
public final class Engine implements AutoCloseable {
  /** Vesicles per work item of the vesicle step. Fixed: results never depend on threads. */
  public static final int CHUNK = 8192;

  private final Host host;
  private final VesicleType[] types;
  private final Population population;
  private final TypeRuntime[] runtimes;
  private final Emission[] emissions;
  private final Release[] releases;
  private final Globals globals;
  private final long seed;
  private final WorkerPool pool;
  private final int[] updateEnd;
  private final int[] chunkStart;
  private ChunkResult[] chunks = new ChunkResult[0];
  private int chunkCount;
  private double[][] scratch;
  private final Map<KernelRule.Neighbourhood, Neighbourhood> hoods = new HashMap<>();
  private final WorkerPool.Task updateTask = this::updateChunk;
  private final Compaction compaction = new Compaction();
  private int[] holes = new int[1024];
  private final int[] holeGroups;
  private int tick;
  private final long[] phaseNanos = new long[Phase.values().length];

  /** The parts of a tick, timed separately so benchmarks can say where the time goes. */
  public enum Phase {
    FORWARD,
    EMISSION_PLAN,
    PREPARE,
    VESICLE_STEP,
    RELEASE,
    BIRTHS_AND_COMPACTION,
    MODULATION,
    LEARNING
  }

  public Engine(Host host, VesicleType[] types, Globals globals, long seed, int threads) {
    this.host = host;
    this.types = types.clone();
    this.globals = globals;
    this.seed = seed;
    this.pool = new WorkerPool(threads);
    Pool[] pools = new Pool[types.length];
    this.runtimes = new TypeRuntime[types.length];
    this.emissions = new Emission[types.length];
    this.releases = new Release[types.length];
    int maxRow = 1;
    for (int t = 0; t < types.length; t++) {
      VesicleType vt = types[t];
      if (vt.index() != t) {
        throw new IllegalArgumentException("type " + vt.name() + " has index " + vt.index());
      }
      // A REPLACE type never holds more than its target (newborns fill the holes of the dead
      // before the pool grows), so its pool is sized exactly; others grow on demand.
      int initial =
          vt.emission().mode() == EmissionRule.Mode.REPLACE
              ? Math.min(vt.cap(), vt.emission().target())
              : 1024;
      pools[t] = new Pool(vt.payloadDim(), vt.stateDim(), vt.docking().dwellTicks() > 1, initial);
      maxRow = Math.max(maxRow, neighbourhood(vt).maxSize());
    }
    this.population = new Population(pools);
    for (int t = 0; t < types.length; t++) {
      VesicleType vt = types[t];
      Neighbourhood nb = hoods.get(vt.kernel().neighbourhood());
      runtimes[t] = new TypeRuntime(vt, pools[t], nb, host, threads);
      emissions[t] = new Emission(vt, pools[t], host.nodeCount(), globals.zDim(), threads);
      releases[t] = new Release(vt, pools[t], host.nodeCount(), threads);
    }
    this.updateEnd = new int[types.length];
    this.chunkStart = new int[types.length + 1];
    this.scratch = PerWorker.doubles(threads, maxRow);
    this.holeGroups = new int[threads + 1];
  }

  /** The moves of a type's kernel, shared by the types with the same neighbourhood. */
  private Neighbourhood neighbourhood(VesicleType vt) {
    return hoods.computeIfAbsent(
        vt.kernel().neighbourhood(),
        m ->
            Neighbourhood.of(
                host.graph(), m != KernelRule.Neighbourhood.IN, m != KernelRule.Neighbourhood.OUT));
  }

  /**
   * Takes new rules for every type (kernel, emission, docking, lifetime law, releases, state rule,
   * absorbing nodes, cap) and keeps the population: the vesicles alive stay where they are with
   * their payloads, ids and expiry ticks, and the next tick runs under the new rules. Each type's
   * runtime tables, emission plan and release buffers are rebuilt here, so this allocates once per
   * change and the tick itself stays as it was (no new work per vesicle, nothing allocated per
   * tick). Call it between two ticks from the thread that ticks. Randomness stays keyed by (seed,
   * tick, id, purpose), so a run that changes its rules at tick t is the same for any number of
   * threads.
   *
   * <p>{@code next} must keep the running types' layout: the same types in the same order with the
   * same payload and state dimensions and dwelling (the simulation asks {@code ModelChange}, the
   * one place that decides, before it calls this).
   */
  public void replaceTypes(VesicleType[] next) {
    int threads = pool.threads();
    int maxRow = scratch[0].length;
    for (int t = 0; t < next.length; t++) {
      VesicleType vt = next[t];
      Pool p = population.pool(t);
      Neighbourhood nb = neighbourhood(vt);
      maxRow = Math.max(maxRow, nb.maxSize());
      runtimes[t] = new TypeRuntime(vt, p, nb, host, threads);
      emissions[t] = new Emission(vt, p, host.nodeCount(), globals.zDim(), threads);
      releases[t] = new Release(vt, p, host.nodeCount(), threads);
      types[t] = vt;
    }
    if (maxRow > scratch[0].length) {
      scratch = PerWorker.doubles(threads, maxRow); // a wider neighbourhood than any before
    }
  }

  /** Runs steps 1-5 of one tick. Throws {@link SimulationException} when the dynamics fail. */
  public void tick() {
    int t = tick;
    population.startTick();
    long t0 = System.nanoTime();
    // 1. Host forward.
    host.forward(t, pool);
    checkFinite("activation", host.activation(), "the host forward pass");
    long t1 = lap(Phase.FORWARD, t0);
    // 2. Emission.
    for (int k = 0; k < types.length; k++) {
      updateEnd[k] = population.pool(k).size();
    }
    for (int k = 0; k < types.length; k++) {
      fail(emissions[k].plan(host, globals, population, seed, t, pool));
    }
    long t2 = lap(Phase.EMISSION_PLAN, t1);
    // 3. Vesicle step, releases, compaction.
    for (int k = 0; k < types.length; k++) {
      fail(runtimes[k].prepare(host, globals, seed, t, pool));
    }
    long t3 = lap(Phase.PREPARE, t2);
    buildChunks();
    // Static blocks: the births of step 2 later fill this core's holes (see collectHoles).
    pool.forEachStatic(chunkCount, updateTask);
    for (int c = 0; c < chunkCount; c++) {
      if (chunks[c].failure != null) {
        fail("type '" + types[chunks[c].type].name() + "': " + chunks[c].failure);
      }
    }
    long t4 = lap(Phase.VESICLE_STEP, t3);
    for (int k = 0; k < types.length; k++) {
      // Also for types without operators: the release phase counts what every type released.
      fail(
          releases[k].apply(
              host,
              chunks,
              chunkStart[k],
              chunkStart[k + 1],
              chunkCount,
              population,
              runtimes,
              seed,
              t,
              pool));
    }
    long t5 = lap(Phase.RELEASE, t4);
    for (int k = 0; k < types.length; k++) {
      int holeCount = collectHoles(k);
      // Step 2's newborns go into this tick's holes (see Emission#fill), the rest is compacted.
      int filled = emissions[k].fill(holes, holeCount, holeGroups, pool);
      if (filled < 0) {
        fail(emissions[k].failure());
      }
      compaction.compact(population.pool(k), holes, filled, holeCount, pool);
    }
    long t6 = lap(Phase.BIRTHS_AND_COMPACTION, t5);
    // 4. Modulation buffers.
    host.decayModulation(pool);
    checkFinite("gamma", host.gamma(), "ACTIVATION releases");
    checkFinite("gate", host.gate(), "LEARNING RULE releases");
    long t7 = lap(Phase.MODULATION, t6);
    // 5. Learning.
    host.learn(t, pool);
    lap(Phase.LEARNING, t7);
    tick = t + 1;
  }

  private long lap(Phase phase, long since) {
    long now = System.nanoTime();
    phaseNanos[phase.ordinal()] += now - since;
    return now;
  }

  /** Nanoseconds spent in each phase since the engine started (or the last reset). */
  public long[] phaseNanos() {
    return phaseNanos.clone();
  }

  public void resetPhaseTimes() {
    java.util.Arrays.fill(phaseNanos, 0);
  }

  /**
   * Gathers type k's dead slots and adds the chunks' counts. The holes are grouped by the worker
   * whose block of the vesicle step held them ({@code holeGroups[w]} is where worker w's group
   * starts), so that each core fills the holes its own step just touched; within a group, slots of
   * vesicles consumed by their release come first: the release phase has just read their payload
   * lines, so newborns written there find them in cache.
   */
  private int collectHoles(int k) {
    int total = 0;
    for (int c = chunkStart[k]; c < chunkStart[k + 1]; c++) {
      total += chunks[c].deadCount + chunks[c].consumedCount;
    }
    if (holes.length < total) {
      holes = new int[Math.max(total, 2 * holes.length)];
    }
    int threads = pool.threads();
    int q = 0;
    for (int w = 0; w < threads; w++) {
      holeGroups[w] = q;
      int from = Math.max(chunkStart[k], pool.blockStart(chunkCount, w));
      int to = Math.min(chunkStart[k + 1], pool.blockStart(chunkCount, w + 1));
      for (int c = from; c < to; c++) {
        ChunkResult cr = chunks[c];
        System.arraycopy(cr.consumed, 0, holes, q, cr.consumedCount);
        q += cr.consumedCount;
      }
      for (int c = from; c < to; c++) {
        ChunkResult cr = chunks[c];
        System.arraycopy(cr.dead, 0, holes, q, cr.deadCount);
        q += cr.deadCount;
      }
    }
    holeGroups[threads] = q;
    for (int c = chunkStart[k]; c < chunkStart[k + 1]; c++) {
      ChunkResult cr = chunks[c];
      for (int cause = 0; cause < DeathCause.COUNT; cause++) {
        long dc = cr.deaths[cause];
        if (dc != 0) {
          population.addDeaths(k, DeathCause.of(cause), dc);
        }
      }
      population.addDockings(k, cr.dockings);
    }
    return total;
  }

  private void fail(String message) {
    if (message != null) {
      throw new SimulationException("tick " + tick + ": " + message);
    }
  }

  private void checkFinite(String what, float[] a, String source) {
    for (int i = 0; i < a.length; i++) {
      if (!Float.isFinite(a[i])) {
        throw new SimulationException(
            "tick "
                + tick
                + ": "
                + what
                + " of node "
                + i
                + " is "
                + a[i]
                + " after "
                + source
                + " (check weights, learning rate and release readouts)");
      }
    }
  }

  private void buildChunks() {
    int c = 0;
    for (int k = 0; k < types.length; k++) {
      chunkStart[k] = c;
      c += (updateEnd[k] + CHUNK - 1) / CHUNK;
    }
    chunkStart[types.length] = c;
    if (chunks.length < c) {
      int old = chunks.length;
      chunks = Arrays.copyOf(chunks, Math.max(c, old * 2));
      for (int q = old; q < chunks.length; q++) {
        chunks[q] = new ChunkResult();
      }
    }
    chunkCount = c;
    for (int k = 0; k < types.length; k++) {
      for (int q = chunkStart[k]; q < chunkStart[k + 1]; q++) {
        int from = (q - chunkStart[k]) * CHUNK;
        chunks[q].reset(k, from, Math.min(updateEnd[k], from + CHUNK));
      }
    }
  }

  private void updateChunk(int c, int worker) {
    ChunkResult cr = chunks[c];
    VesicleUpdate.run(runtimes[cr.type], cr, tick, host, scratch[worker], worker);
  }

  /**
   * Shows the run's whole state to a visitor: the tick, the host, the population (see {@link
   * StateVisitor}). A visitor that restores sets all of it; the type rules and their tables are not
   * state (they come from the model) and are rebuilt as the next tick needs them.
   */
  public void visit(StateVisitor v) {
    tick = Math.toIntExact(v.value("tick", tick));
    host.visit(v);
    population.visit(v);
    if (v.restoring()) {
      // The last tick's release lists belong to the state before: a viewer must not see them.
      chunkCount = 0;
      Arrays.fill(chunkStart, 0);
      host.weightsChanged(); // kernels that read weights rebuild their tables
    }
  }

  /** The number of ticks run so far (the next tick's index). */
  public int tickCount() {
    return tick;
  }

  public Host host() {
    return host;
  }

  public Population population() {
    return population;
  }

  public VesicleType type(int k) {
    return types[k];
  }

  public int typeCount() {
    return types.length;
  }

  public Globals globals() {
    return globals;
  }

  public long seed() {
    return seed;
  }

  public int threads() {
    return pool.threads();
  }

  public WorkerPool workers() {
    return pool;
  }

  /**
   * How many releases vesicles of type k made in the last tick. For a type that does not dwell
   * every release is a docking; a dwelling type's docked vesicles release again on later ticks.
   */
  public int releaseCount(int type) {
    int m = 0;
    for (int c = chunkStart[type]; c < chunkStart[type + 1]; c++) {
      m += chunks[c].releaseCount;
    }
    return m;
  }

  /**
   * Copies the nodes of type k's releases in the last tick into {@code out}, in chunk order, as
   * many as fit, and returns how many it copied. For viewers, between ticks: the lists are the
   * step's own, reused by the next tick, so nothing is kept or allocated here.
   */
  public int releaseNodes(int type, int[] out) {
    int q = 0;
    for (int c = chunkStart[type]; c < chunkStart[type + 1] && q < out.length; c++) {
      ChunkResult cr = chunks[c];
      int n = Math.min(cr.releaseCount, out.length - q);
      System.arraycopy(cr.releaseNode, 0, out, q, n);
      q += n;
    }
    return q;
  }

  /** The current kernel row of a type at node i (moves in neighbourhood order; for tests). */
  public double[] kernelRow(int type, int i) {
    return runtimes[type].kernelRow(i);
  }

  /** The destinations of node i's moves for a type, in the order of {@link #kernelRow}. */
  public int[] kernelDestinations(int type, int i) {
    Neighbourhood nb = runtimes[type].nb;
    return Arrays.copyOfRange(nb.destination(), nb.start()[i], nb.start()[i + 1]);
  }

  @Override
  public void close() {
    pool.close();
  }
}
