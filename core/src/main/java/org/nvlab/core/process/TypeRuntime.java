package org.nvlab.core.process;

import org.nvlab.core.graph.Neighbourhood;
import org.nvlab.core.host.Host;
import org.nvlab.core.parallel.PerWorker;
import org.nvlab.core.parallel.WorkerPool;
import org.nvlab.core.random.CounterRng;
import org.nvlab.core.random.Purpose;
import org.nvlab.core.vesicle.DockingRule;
import org.nvlab.core.vesicle.KernelRule;
import org.nvlab.core.vesicle.Pool;
import org.nvlab.core.vesicle.VesicleType;

/**
 * The mutable, per-run companion of a {@link VesicleType}: its pool, the kernel logits and alias
 * tables, the per-node docking limits, and the tick's random keys.
 *
 * <p>{@code info} packs, per node, the four ints the vesicle step needs at the vesicle's node: the
 * node's first table entry, its number of moves, its docking limit and its absorbing flag, so one
 * cache line answers all of them.
 */
final class TypeRuntime {
  static final int INFO = 4;

  /**
   * The docking limit stored for absorbing nodes: below every real limit (-1 is "never docks"), so
   * the vesicle step learns "absorbing" from the same int it reads for docking.
   */
  static final int ABSORBING = Integer.MIN_VALUE;

  final VesicleType type;
  final Pool pool;
  final Neighbourhood nb;
  final float[] logits;
  final int[] table;
  final int[] info;
  final float[] dockLogit;
  final boolean greedy;
  final boolean useAlias;

  /** Tables use the compact format (8 bytes per move; rows of at most 256 moves). */
  final boolean compact;

  final boolean generic;
  final double contentFactor;
  final float[] keys;
  final float[] receptors;
  final int hops;

  /** The common row length when every node has the same number of moves, else 0. */
  final int uniformRow;

  /** Every node has the same docking limit, info[2], and none absorbs (set by prepare). */
  boolean constantLimit;

  final int dwellTicks;
  final double hazard;

  /** Per-worker values of the kernel score and docking logit expressions (null without one). */
  final double[][] scoreValues;

  final double[][] logitValues;

  /** 1 / T for expression scores evaluated per vesicle (1 when greedy, 0 when T is infinite). */
  final double inverseTemperature;

  /** The tick's globals and tick number (for expressions), set by prepare. */
  Globals globals;

  int tick;

  /** What went wrong preparing this tick (an expression that is not a number), or null. */
  private final String[] chunkFailure;

  final long[] hopKeys;
  long stepKey;
  long hazardKey;
  long contentKey;
  private boolean kernelBuilt;
  private boolean dockingBuilt;
  private int weightsSeen = -1;
  private final WorkerPool.Task prepareTask = this::prepareChunk;
  private Host host;
  private boolean rebuildKernel;
  private boolean rebuildDocking;
  private final double[][] prob;
  private final int[][] small;
  private final int[][] large;
  private final int[][] alias;

  TypeRuntime(VesicleType type, Pool pool, Neighbourhood nb, Host host, int threads) {
    this.type = type;
    this.pool = pool;
    this.nb = nb;
    int n = nb.nodeCount();
    KernelRule k = type.kernel();
    this.logits = new float[nb.entryCount()];
    this.useAlias = k.contentScale() == 0 && !k.perVesicleScore();
    this.compact = nb.maxSize() <= Migration.COMPACT_MAX_MOVES;
    this.table =
        useAlias
            ? new int[nb.entryCount() * (compact ? Migration.COMPACT_ENTRY : Migration.ENTRY)]
            : null;
    this.info = new int[n * INFO];
    this.generic = type.readsPayloadEachTick();
    this.dockLogit = generic ? new float[n] : null;
    this.greedy = Migration.isGreedy(k);
    double t = k.temperature();
    this.contentFactor =
        greedy ? k.contentScale() : (Double.isInfinite(t) ? 0 : k.contentScale() / t);
    this.keys = k.keys() != null ? k.keys() : host.memory();
    DockingRule dr = type.docking();
    this.receptors = dr.receptors() != null ? dr.receptors() : host.memory();
    this.hops = k.hops();
    this.dwellTicks = dr.dwellTicks();
    this.hazard = type.lifetime().hazard();
    this.hopKeys = new long[Math.max(1, hops)];
    int[] start = nb.start();
    boolean[] absorbing = type.absorbing();
    for (int i = 0; i < n; i++) {
      info[i * INFO] = compact ? start[i] * Migration.COMPACT_ENTRY : start[i];
      info[i * INFO + 1] = start[i + 1] - start[i];
      info[i * INFO + 3] = absorbing != null && absorbing[i] ? 1 : 0;
    }
    int m = nb.maxSize();
    boolean uniform = true;
    for (int i = 0; i < n && uniform; i++) {
      uniform = start[i] == (long) i * m;
    }
    this.uniformRow = uniform && start[n] == (long) n * m ? m : 0;
    this.scoreValues = k.score() == null ? null : PerWorker.doubles(threads, k.score().size());
    this.logitValues = dr.logit() == null ? null : PerWorker.doubles(threads, dr.logit().size());
    this.inverseTemperature = greedy ? 1.0 : (Double.isInfinite(t) ? 0.0 : 1.0 / t);
    this.chunkFailure = new String[(n + NODE_CHUNK - 1) / NODE_CHUNK];
    prob = PerWorker.doubles(threads, m);
    small = PerWorker.ints(threads, m);
    large = PerWorker.ints(threads, m);
    alias = PerWorker.ints(threads, m);
  }

  /**
   * Sets this tick's keys and rebuilds what the host's new state invalidates. Returns null, or what
   * went wrong (a kernel score or docking logit expression that is not a number).
   */
  String prepare(Host host, Globals globals, long seed, int tick, WorkerPool pool) {
    this.globals = globals;
    this.tick = tick;
    int t = type.index();
    stepKey = CounterRng.tickKey(seed, tick, Purpose.of(Purpose.STEP, t));
    hazardKey = CounterRng.tickKey(seed, tick, Purpose.of(Purpose.HAZARD, t));
    contentKey = CounterRng.tickKey(seed, tick, Purpose.of(Purpose.CONTENT, t));
    for (int h = 1; h < hops; h++) {
      hopKeys[h] = CounterRng.tickKey(seed, tick, Purpose.of(Purpose.STEP_HOP + h, t));
    }
    KernelRule k = type.kernel();
    rebuildKernel =
        !kernelBuilt
            || k.readsNodeState()
            || (k.readsWeights() && host.weightsVersion() != weightsSeen);
    rebuildDocking = !dockingBuilt || type.docking().readsNodeState();
    if (rebuildKernel || rebuildDocking) {
      this.host = host;
      java.util.Arrays.fill(chunkFailure, null);
      pool.forEach((nb.nodeCount() + NODE_CHUNK - 1) / NODE_CHUNK, prepareTask);
      this.host = null;
      for (String f : chunkFailure) {
        if (f != null) {
          // The first chunk's: the same message for any thread count. Rebuild next time.
          kernelBuilt = false;
          dockingBuilt = false;
          return "type '" + type.name() + "': " + f;
        }
      }
      kernelBuilt = true;
      dockingBuilt = true;
      weightsSeen = host.weightsVersion();
      constantLimit = !generic && sameLimitEverywhere();
    }
    return null;
  }

  private static final int NODE_CHUNK = 2048;

  private void prepareChunk(int c, int worker) {
    int from = c * NODE_CHUNK;
    int to = Math.min(nb.nodeCount(), from + NODE_CHUNK);
    if (rebuildKernel) {
      String f =
          Migration.logits(
              type.kernel(),
              nb,
              host,
              logits,
              from,
              to,
              scoreValues == null ? null : scoreValues[worker],
              tick,
              globals);
      if (f != null) {
        chunkFailure[c] = f;
        return;
      }
      if (useAlias && compact) {
        Migration.buildCompact(
            nb,
            logits,
            greedy,
            table,
            from,
            to,
            prob[worker],
            small[worker],
            large[worker],
            alias[worker]);
      } else if (useAlias) {
        Migration.buildAlias(
            nb,
            logits,
            greedy,
            table,
            from,
            to,
            prob[worker],
            small[worker],
            large[worker],
            alias[worker]);
      }
    }
    if (rebuildDocking) {
      DockingRule dr = type.docking();
      double[] v = logitValues == null ? null : logitValues[worker];
      if (v != null) {
        dr.logit().bindGlobals(v, tick, globals.reward, globals.task, globals.z);
      }
      for (int i = from; i < to; i++) {
        double z = Docking.nodeLogit(dr, host, i, v);
        if (Double.isNaN(z)) {
          chunkFailure[c] = "the docking logit \"" + dr.logit().source() + "\" is NaN at node " + i;
          return;
        }
        if (generic) {
          dockLogit[i] = (float) z;
        } else if (info[i * INFO + 3] == 0) {
          info[i * INFO + 2] = Docking.limit(Docking.sigmoid(z));
        } else {
          info[i * INFO + 2] = ABSORBING;
        }
      }
    }
  }

  /** True when every node has the same docking limit (and none is absorbing). */
  private boolean sameLimitEverywhere() {
    int first = info[2];
    for (int i = 0; i < nb.nodeCount(); i++) {
      if (info[i * INFO + 2] != first || info[i * INFO + 3] != 0) {
        return false;
      }
    }
    return first != ABSORBING;
  }

  /** The kernel's transition probabilities from node i (for tests and previews). */
  double[] kernelRow(int i) {
    int m = nb.start()[i + 1] - nb.start()[i];
    double[] out = new double[m];
    Migration.probabilities(nb, logits, greedy, i, out);
    return out;
  }
}
