package org.nvlab.core.process;

import org.nvlab.core.host.Host;
import org.nvlab.core.random.CounterRng;
import org.nvlab.core.rule.RuleExpression;
import org.nvlab.core.vesicle.Pool;
import org.nvlab.core.vesicle.StateRule;
import org.nvlab.core.vocabulary.DeathCause;

/**
 * Step 3 of the tick for every live vesicle that was not born this tick, fused into one pass over
 * the population so that each vesicle's arrays are read once: decay and hazard, absorption, docking
 * test (and, for docked dwelling vesicles, another release), then migration.
 *
 * <p>Releases are collected, not applied, here: the release phase applies them after the pass, so
 * every vesicle's decisions in a tick see the same host state whatever order vesicles are visited
 * in (lab choice, docs/model.md). The common case, a kernel and docking rule that do not read the
 * payload, touches only node, expiry and id: 16 bytes read and 4 written per vesicle.
 */
final class VesicleUpdate {
  private VesicleUpdate() {}

  /** Tests turn the uniform-row specialisation off to check it agrees with the general step. */
  static volatile boolean useUniformRows = !Boolean.getBoolean("nvlab.noUniform");

  static void run(
      TypeRuntime rt, ChunkResult out, int tick, Host host, double[] scratch, int worker) {
    if (rt.generic) {
      genericStep(rt, out, tick, host, scratch, worker);
    } else {
      fastStep(rt, out, tick, useUniformRows);
    }
  }

  /** The step for kernels and docking rules that never read the payload or state. */
  private static void fastStep(TypeRuntime rt, ChunkResult out, int tick, boolean tryUniform) {
    if (tryUniform && rt.uniformRow > 0) {
      fastStepUniform(rt, out, tick, rt.uniformRow);
      return;
    }
    Pool pool = rt.pool;
    final int[] node = pool.node();
    final long[] id = pool.id();
    final int[] info = rt.info;
    final int[] table = rt.table;
    final long key = rt.stepKey;
    final boolean multiHop = rt.hops > 1;
    final boolean dwelling = pool.dwelling();
    final int to = out.to;
    for (int s = out.from; s < to; s++) {
      int n = node[s];
      if (n < 0) {
        dwellRelease(pool, s, n, out);
        continue;
      }
      long vid = id[s];
      int b = n * TypeRuntime.INFO;
      if (diesBeforeDocking(rt, pool, s, vid, b, tick, out)) {
        continue;
      }
      int limit = info[b + 2];
      long h = CounterRng.mix64(key + vid * CounterRng.GOLDEN);
      if ((h >>> 33) <= limit) {
        dock(rt, pool, s, n, out, dwelling);
        continue;
      }
      int next = hop(rt.compact, table, info[b], info[b + 1], h & 0xFFFFFFFFL);
      if (multiHop) {
        next = moreHops(rt, next, vid);
      }
      node[s] = next;
    }
  }

  /**
   * The same step when every node has the same number of moves (fixed out-degree graphs, grids): a
   * node's table row starts at node * rowSize, so the table entry is loaded in parallel with the
   * node's docking limit instead of after it. Counters and event lists live in locals for the whole
   * chunk and are written back once.
   */
  private static void fastStepUniform(TypeRuntime rt, ChunkResult out, int tick, int rowSize) {
    Pool pool = rt.pool;
    final int[] node = pool.node();
    final int[] expiry = pool.expiry();
    final long[] id = pool.id();
    final int[] info = rt.info;
    final int[] table = rt.table;
    final long key = rt.stepKey;
    final boolean hazard = rt.hazard > 0;
    final boolean multiHop = rt.hops > 1;
    final boolean dwelling = pool.dwelling();
    if (dwelling || hazard || multiHop) {
      fastStep(rt, out, tick, false);
      return;
    }
    final int to = out.to;
    final boolean compact = rt.compact;
    final int rowStride = compact ? rowSize * Migration.COMPACT_ENTRY : rowSize;
    // With one docking limit everywhere (no absorbing node), the node's info is never read.
    final boolean constantLimit = rt.constantLimit;
    final int fixedLimit = info[2];
    int[] dead = out.dead;
    int nd = out.deadCount;
    int[] consumed = out.consumed;
    int nc = out.consumedCount;
    int[] relSlot = out.releaseSlot;
    int[] relNode = out.releaseNode;
    final int nr0 = out.releaseCount;
    int nr = nr0;
    long expired = 0;
    long absorbed = 0;
    for (int s = out.from; s < to; s++) {
      int n = node[s];
      if (expiry[s] <= tick) {
        node[s] = Pool.DEAD;
        if (nd == dead.length) {
          dead = out.growDead();
        }
        dead[nd++] = s;
        expired++;
        continue;
      }
      int limit = constantLimit ? fixedLimit : info[n * TypeRuntime.INFO + 2];
      if (limit == TypeRuntime.ABSORBING) {
        node[s] = Pool.DEAD;
        if (nd == dead.length) {
          dead = out.growDead();
        }
        dead[nd++] = s;
        absorbed++;
        continue;
      }
      long h = CounterRng.mix64(key + id[s] * CounterRng.GOLDEN);
      int next =
          compact
              ? Migration.hopCompact(table, n * rowStride, rowSize, h & 0xFFFFFFFFL)
              : Migration.hop(table, n * rowSize, rowSize, h & 0xFFFFFFFFL);
      if ((h >>> 33) <= limit) {
        // Quantal docking: release now (listed), consumed (dead) at once.
        if (nr == relSlot.length) {
          out.growReleases();
          relSlot = out.releaseSlot;
          relNode = out.releaseNode;
        }
        relSlot[nr] = s;
        relNode[nr++] = n;
        node[s] = Pool.DEAD;
        if (nc == consumed.length) {
          consumed = out.growConsumed();
        }
        consumed[nc++] = s;
        continue;
      }
      node[s] = next;
    }
    long docked = nr - nr0;
    out.deadCount = nd;
    out.consumedCount = nc;
    out.releaseCount = nr;
    out.dockings += docked;
    out.deaths[DeathCause.EXPIRED.ordinal()] += expired;
    out.deaths[DeathCause.ABSORBED.ordinal()] += absorbed;
    out.deaths[DeathCause.DOCKED.ordinal()] += docked;
  }

  /**
   * Decay, hazard and absorption, in the SPEC's order, for the vesicle in slot s at the node whose
   * info starts at {@code infoBase}; records the death and returns true when it dies.
   */
  private static boolean diesBeforeDocking(
      TypeRuntime rt, Pool pool, int s, long vid, int infoBase, int tick, ChunkResult out) {
    DeathCause cause;
    if (pool.expiry()[s] <= tick) {
      cause = DeathCause.EXPIRED;
    } else if (rt.hazard > 0 && Decay.hazard(CounterRng.draw(rt.hazardKey, vid), rt.hazard)) {
      cause = DeathCause.HAZARD;
    } else if (rt.info[infoBase + 3] != 0) {
      cause = DeathCause.ABSORBED;
    } else {
      return false;
    }
    pool.node()[s] = Pool.DEAD;
    out.die(s, cause);
    return true;
  }

  /** One hop by the type's alias table, in whichever format it has. */
  private static int hop(boolean compact, int[] table, int base, int size, long u32) {
    return compact
        ? Migration.hopCompact(table, base, size, u32)
        : Migration.hop(table, base, size, u32);
  }

  /** Hops after the first (alias kernels only: content kernels run in genericStep). */
  private static int moreHops(TypeRuntime rt, int next, long vid) {
    int[] info = rt.info;
    for (int hop = 1; hop < rt.hops; hop++) {
      int b = next * TypeRuntime.INFO;
      if (info[b + 2] == TypeRuntime.ABSORBING) {
        break; // arrived at an absorbing node: it is removed at its next update
      }
      long h = CounterRng.draw(rt.hopKeys[hop], vid);
      next = hop(rt.compact, rt.table, info[b], info[b + 1], h & 0xFFFFFFFFL);
    }
    return next;
  }

  /**
   * Records a docking and its first release. A vesicle whose release is its last (quantal, or a
   * one-tick dwell) is marked dead now: the release phase reads its node from the release list and
   * its payload from the slot, both intact until compaction.
   */
  private static void dock(
      TypeRuntime rt, Pool pool, int s, int n, ChunkResult out, boolean dwelling) {
    out.dockings++;
    out.release(s, n);
    if (dwelling && rt.dwellTicks > 1) {
      pool.dwell()[s] = rt.dwellTicks - 1;
      pool.node()[s] = ~n;
    } else {
      pool.node()[s] = Pool.DEAD;
      out.consume(s);
    }
  }

  /** A docked, dwelling vesicle releases again; its last release consumes it. */
  private static void dwellRelease(Pool pool, int s, int n, ChunkResult out) {
    out.release(s, ~n);
    if (--pool.dwell()[s] <= 0) {
      pool.node()[s] = Pool.DEAD;
      out.consume(s);
    }
  }

  /** The step for types whose kernel, docking or state reads the vesicle's payload or state. */
  private static void genericStep(
      TypeRuntime rt, ChunkResult out, int tick, Host host, double[] scratch, int worker) {
    Pool pool = rt.pool;
    int[] node = pool.node();
    long[] id = pool.id();
    float[] payload = pool.payload();
    float[] state = pool.state();
    int d = pool.payloadDim();
    int p = pool.stateDim();
    int[] info = rt.info;
    StateRule sr = rt.type.stateRule();
    float[] xi = rt.type.docking().stateWeights();
    double zeta = rt.type.docking().contentWeight();
    boolean dwelling = pool.dwelling();
    float[] a = host.activation();
    float[] e = host.error();
    float[] g = host.gate();
    // Expressions over the vesicle: their values arrays hold the globals for the whole chunk.
    RuleExpression logitX = rt.type.docking().perVesicleLogit() ? rt.type.docking().logit() : null;
    RuleExpression scoreX = rt.type.kernel().perVesicleScore() ? rt.type.kernel().score() : null;
    double[] lv = logitX == null ? null : rt.logitValues[worker];
    double[] sv = scoreX == null ? null : rt.scoreValues[worker];
    Globals gl = rt.globals;
    if (lv != null) {
      logitX.bindGlobals(lv, tick, gl.reward, gl.task, gl.z);
    }
    if (sv != null) {
      scoreX.bindGlobals(sv, tick, gl.reward, gl.task, gl.z);
    }
    for (int s = out.from; s < out.to; s++) {
      int n = node[s];
      if (n < 0) {
        dwellRelease(pool, s, n, out);
        continue;
      }
      long vid = id[s];
      int b = n * TypeRuntime.INFO;
      if (diesBeforeDocking(rt, pool, s, vid, b, tick, out)) {
        continue;
      }
      if (p > 0) {
        float[] w = sr.input();
        int so = s * p;
        for (int r = 0; r < p; r++) {
          state[so + r] =
              sr.decay() * state[so + r]
                  + w[r * 3] * a[n]
                  + w[r * 3 + 1] * Math.abs(e[n])
                  + w[r * 3 + 2] * g[n];
        }
      }
      double logit = rt.dockLogit[n];
      if (lv != null && logit != Double.NEGATIVE_INFINITY) {
        logitX.bindNode(lv, n, a, e, g, host.spike(), host.memory(), host.memoryDim());
        logitX.bindPayload(lv, payload, s * d, d);
        logitX.bindState(lv, state, s * p, p);
        logit = logitX.evaluate(lv);
        if (Double.isNaN(logit)) {
          out.fail(
              "the docking logit \""
                  + logitX.source()
                  + "\" is NaN for vesicle "
                  + vid
                  + " at node "
                  + n);
          return;
        }
      }
      if (zeta != 0) {
        double dot = 0;
        int po = s * d;
        int ro = n * d;
        for (int c = 0; c < d; c++) {
          dot += payload[po + c] * rt.receptors[ro + c];
        }
        logit += zeta * dot;
      }
      if (xi != null && p > 0) {
        int so = s * p;
        for (int r = 0; r < p; r++) {
          logit += xi[r] * state[so + r];
        }
      }
      long h = CounterRng.draw(rt.stepKey, vid);
      if ((h >>> 33) <= Docking.limit(Docking.sigmoid(logit))) {
        dock(rt, pool, s, n, out, dwelling);
        continue;
      }
      int next = n;
      for (int hop = 0; hop < rt.hops; hop++) {
        int bb = next * TypeRuntime.INFO;
        if (hop > 0) {
          if (info[bb + 3] != 0) {
            break;
          }
          h = CounterRng.draw(rt.hopKeys[hop], vid);
        }
        if (rt.useAlias) {
          next = hop(rt.compact, rt.table, info[bb], info[bb + 1], h & 0xFFFFFFFFL);
        } else if (sv != null) {
          double u = (h & 0xFFFFFFFFL) * 0x1.0p-32;
          scoreX.bindNode(sv, next, a, e, g, host.spike(), host.memory(), host.memoryDim());
          scoreX.bindPayload(sv, payload, s * d, d);
          scoreX.bindState(sv, state, s * p, p);
          int from = next;
          next =
              Migration.expressionHop(
                  rt.nb,
                  rt.logits,
                  rt.greedy,
                  rt.inverseTemperature,
                  scoreX,
                  sv,
                  host,
                  from,
                  payload,
                  s * d,
                  d,
                  rt.keys,
                  rt.contentFactor,
                  u,
                  scratch);
          if (next < 0) {
            out.fail(
                "the kernel score \""
                    + scoreX.source()
                    + "\" is "
                    + scratch[0]
                    + " for vesicle "
                    + vid
                    + " moving from node "
                    + from
                    + " to node "
                    + (-next - 2)
                    + " (a score must be a finite number; use a large negative one to rule a move"
                    + " out)");
            return;
          }
        } else {
          double u = (h & 0xFFFFFFFFL) * 0x1.0p-32;
          next =
              Migration.contentHop(
                  rt.nb,
                  rt.logits,
                  rt.greedy,
                  next,
                  payload,
                  s * d,
                  d,
                  rt.keys,
                  rt.contentFactor,
                  u,
                  scratch);
        }
      }
      node[s] = next;
    }
  }
}
