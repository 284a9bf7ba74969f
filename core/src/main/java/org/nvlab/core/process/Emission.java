package org.nvlab.core.process;

import java.util.Arrays;
import org.nvlab.core.host.Host;
import org.nvlab.core.parallel.PerWorker;
import org.nvlab.core.parallel.WorkerPool;
import org.nvlab.core.random.CounterRng;
import org.nvlab.core.random.Purpose;
import org.nvlab.core.random.RngStream;
import org.nvlab.core.rule.RuleExpression;
import org.nvlab.core.vesicle.EmissionRule;
import org.nvlab.core.vesicle.Pool;
import org.nvlab.core.vesicle.Population;
import org.nvlab.core.vesicle.VesicleType;
import org.nvlab.core.vocabulary.DeathCause;
import org.nvlab.core.vocabulary.Signals;

/**
 * Emission (step 2, SPEC section 3) for one type.
 *
 * <p>Counts are drawn per emitter node from (seed, tick, node); births are then numbered in emitter
 * order, which fixes their ids and slots before any vesicle is written, so both passes run in
 * parallel and the result does not depend on threads. Newborns are appended to the pool and, as the
 * SPEC requires, skipped by this tick's vesicle step. Births over the type's cap are counted and
 * immediately counted dead as CAPPED, so births - deaths = population holds every tick.
 */
final class Emission {
  private static final int EMITTER_CHUNK = 1024;
  private static final int BIRTH_CHUNK = 4096;

  private final VesicleType type;
  private final Pool pool;
  private final int[] emitters;
  private final int[] counts;
  private final int[] prefix;
  private final double[][] x;

  /** Per-worker values of the rate expression, or null without one. */
  private final double[][] rateValues;

  private final int signalCount;
  private final int[] rowStart;
  private final int[] weightColumn;
  private final float[] weightValue;
  private final RngStream[] rng;
  private final WorkerPool.Task countTask = this::countChunk;
  private final WorkerPool.Task fillTask = this::fillChunk;
  private final WorkerPool.Task groupTask = this::groupChunk;
  private final WorkerPool.Task tailTask = this::tailChunk;
  private Host host;
  private Globals globals;
  private int tick;
  private long countKey;
  private long birthKey;
  private int planned;
  private int[] holes;
  private int[] groups;
  private int holeCount;
  private int tailBase;
  private long idBase;
  private int allowed;
  private volatile String failure;
  private final boolean payloadReadsSignals;

  Emission(VesicleType type, Pool pool, int nodeCount, int zDim, int threads) {
    this.type = type;
    this.pool = pool;
    int[] e = type.emission().emitters();
    if (e == null) {
      e = new int[nodeCount];
      for (int i = 0; i < nodeCount; i++) {
        e[i] = i;
      }
    }
    this.emitters = e;
    this.counts = new int[e.length];
    this.prefix = new int[e.length + 1];
    this.signalCount = Signals.length(zDim);
    this.x = PerWorker.doubles(threads, signalCount);
    RuleExpression rate = type.emission().rate();
    this.rateValues = rate == null ? null : PerWorker.doubles(threads, rate.size());
    this.payloadReadsSignals = type.emission().payloadMatrix() != null;
    // The payload map W as sparse rows: most maps read one or two signals per component, and a
    // dense row of dependent multiply-adds per component was the cost of a birth.
    int d = pool.payloadDim();
    float[] w = type.emission().payloadMatrix();
    this.rowStart = new int[d + 1];
    int nonzero = 0;
    for (int k = 0; k < d && w != null; k++) {
      for (int q = 0; q < signalCount; q++) {
        if (w[k * signalCount + q] != 0f) {
          nonzero++;
        }
      }
      rowStart[k + 1] = nonzero;
    }
    this.weightColumn = new int[nonzero];
    this.weightValue = new float[nonzero];
    for (int k = 0, at = 0; k < d && w != null; k++) {
      for (int q = 0; q < signalCount; q++) {
        if (w[k * signalCount + q] != 0f) {
          weightColumn[at] = q;
          weightValue[at++] = w[k * signalCount + q];
        }
      }
    }
    this.rng = new RngStream[threads];
    for (int t = 0; t < threads; t++) {
      rng[t] = new RngStream();
    }
  }

  /**
   * Step 2, first half: draws this tick's birth counts and reserves their ids (so ids do not depend
   * on anything step 3 does), without writing any vesicle. Returns an error message when a rate is
   * not finite, else null.
   */
  String plan(Host host, Globals globals, Population pop, long seed, int tick, WorkerPool wp) {
    EmissionRule rule = type.emission();
    planned = 0;
    if (rule.mode() == EmissionRule.Mode.NONE || emitters.length == 0) {
      return null;
    }
    this.host = host;
    this.globals = globals;
    this.tick = tick;
    this.failure = null;
    int t = type.index();
    countKey = CounterRng.tickKey(seed, tick, Purpose.of(Purpose.EMIT_COUNT, t));
    birthKey = CounterRng.tickKey(seed, tick, Purpose.of(Purpose.BIRTH, t));
    int births;
    if (rule.mode() == EmissionRule.Mode.REPLACE) {
      births = Math.max(0, rule.target() - pool.size());
    } else {
      wp.forEach(chunks(emitters.length, EMITTER_CHUNK), countTask);
      if (failure != null) {
        return failure;
      }
      long total = 0;
      for (int k = 0; k < emitters.length; k++) {
        prefix[k] = (int) total;
        total += counts[k];
      }
      if (total > Integer.MAX_VALUE / 2) {
        return "type '" + type.name() + "': " + total + " births in one tick at tick " + tick;
      }
      prefix[emitters.length] = (int) total;
      births = (int) total;
    }
    if (births == 0) {
      return null;
    }
    allowed = (int) Math.min(births, Math.max(0L, (long) type.cap() - pool.size()));
    idBase = pop.takeIds(births);
    pop.addBirths(t, births);
    if (births > allowed) {
      pop.addDeaths(t, DeathCause.CAPPED, births - allowed);
    }
    planned = allowed;
    return null;
  }

  /**
   * Step 2, second half, run after the vesicle step and the releases: writes the planned newborns
   * into the slots of this tick's dead (holes[0..holeCount), in order), then at the end of the
   * pool. Newborns are thus never visited by the step of their own tick, as the SPEC requires, and
   * in steady state no vesicle has to be moved to close a hole. Returns how many holes were filled,
   * or -1 with {@link #failure()} set when a payload is not finite.
   */
  int fill(int[] holes, int holeCount, int[] groups, WorkerPool wp) {
    if (planned == 0) {
      return 0;
    }
    this.holes = holes;
    this.holeCount = Math.min(holeCount, planned);
    this.groups = groups;
    tailBase = pool.grow(planned - this.holeCount);
    if (type.emission().mode() == EmissionRule.Mode.REPLACE) {
      // Births into holes: worker w fills its own group of holes (births are numbered in hole
      // order, and a birth depends only on its number); the rest go to the end of the pool.
      wp.forEachStatic(wp.threads(), groupTask);
      wp.forEach(chunks(planned - this.holeCount, BIRTH_CHUNK), tailTask);
    } else {
      wp.forEach(chunks(emitters.length, EMITTER_CHUNK), fillTask);
    }
    this.host = null;
    this.globals = null;
    this.holes = null;
    this.groups = null;
    planned = 0;
    return failure != null ? -1 : this.holeCount;
  }

  String failure() {
    return failure;
  }

  /** The slot of planned birth q. */
  private int slotOf(int q) {
    return q < holeCount ? holes[q] : tailBase + (q - holeCount);
  }

  private static int chunks(int count, int size) {
    return (count + size - 1) / size;
  }

  private void signals(int i, double[] out) {
    out[Signals.ACTIVATION] = host.activation()[i];
    out[Signals.ABS_ERROR] = Math.abs(host.error()[i]);
    out[Signals.SPIKE] = host.spike()[i];
    out[Signals.GATE] = host.gate()[i];
    out[Signals.REWARD] = globals.reward;
    out[Signals.TASK] = globals.task;
    System.arraycopy(globals.z, 0, out, Signals.Z0, globals.z.length);
  }

  private void countChunk(int c, int worker) {
    EmissionRule rule = type.emission();
    double[] xs = x[worker];
    RngStream r = rng[worker];
    boolean bernoulli = rule.mode() == EmissionRule.Mode.BERNOULLI;
    int from = c * EMITTER_CHUNK;
    int to = Math.min(emitters.length, from + EMITTER_CHUNK);
    float[] alpha = rule.alpha();
    RuleExpression rate = rule.rate();
    double[] v = rateValues == null ? null : rateValues[worker];
    if (rate != null) {
      rate.bindGlobals(v, tick, globals.reward, globals.task, globals.z);
    }
    for (int k = from; k < to; k++) {
      int i = emitters[k];
      double lambda;
      if (rate != null) {
        rate.bindNode(
            v,
            i,
            host.activation(),
            host.error(),
            host.gate(),
            host.spike(),
            host.memory(),
            host.memoryDim());
        double y = rate.evaluate(v);
        // A negative rate means no births; the cap is lambdaMax. NaN and +infinity stay as they
        // are and stop the run below.
        lambda =
            y == Double.POSITIVE_INFINITY || Double.isNaN(y)
                ? y
                : Math.min(rule.lambdaMax(), Math.max(0, y));
      } else {
        signals(i, xs);
        double z = rule.bias();
        for (int q = 0; q < alpha.length; q++) {
          z += alpha[q] * xs[q];
        }
        lambda = rule.lambdaMax() / (1.0 + Math.exp(-z));
      }
      if (!Double.isFinite(lambda)) {
        failure =
            "type '"
                + type.name()
                + "': emission rate at node "
                + i
                + " is "
                + lambda
                + " at tick "
                + tick
                + (rate != null
                    ? " (the rate expression \"" + rate.source() + "\")"
                    : " (check the emission weights and the node's signals)");
        counts[k] = 0;
        continue;
      }
      long h = CounterRng.draw(countKey, i);
      counts[k] =
          bernoulli
              ? (CounterRng.unit(h) < Math.min(1.0, lambda) ? 1 : 0)
              : r.reset(h).nextPoisson(lambda);
    }
  }

  private void fillChunk(int c, int worker) {
    int from = c * EMITTER_CHUNK;
    int to = Math.min(emitters.length, from + EMITTER_CHUNK);
    for (int k = from; k < to; k++) {
      int cnt = counts[k];
      if (cnt == 0) {
        continue;
      }
      int i = emitters[k];
      if (payloadReadsSignals) {
        signals(i, x[worker]);
      }
      for (int j = 0; j < cnt; j++) {
        int q = prefix[k] + j;
        if (q < allowed) {
          write(slotOf(q), idBase + q, i, worker);
        }
      }
    }
  }

  /** REPLACE births numbered within worker w's group of holes. */
  private void groupChunk(int w, int worker) {
    int from = groups[w];
    int to = Math.min(Math.min(groups[w + 1], holeCount), planned);
    replaceRange(from, to, worker);
  }

  /** REPLACE births beyond the holes, appended at the end of the pool. */
  private void tailChunk(int c, int worker) {
    int from = holeCount + c * BIRTH_CHUNK;
    replaceRange(from, Math.min(planned, from + BIRTH_CHUNK), worker);
  }

  private void replaceRange(int from, int to, int worker) {
    for (int q = from; q < to; q++) {
      int i = emitters[CounterRng.below(CounterRng.draw(countKey, q), emitters.length)];
      if (payloadReadsSignals) {
        signals(i, x[worker]);
      }
      write(slotOf(q), idBase + q, i, worker);
    }
  }

  /** Writes a newborn; x[worker] must hold the emitter's signals if the payload reads them. */
  private void write(int slot, long id, int node, int worker) {
    EmissionRule rule = type.emission();
    RngStream r = rng[worker].reset(CounterRng.draw(birthKey, id));
    pool.node()[slot] = node;
    pool.id()[slot] = id;
    pool.expiry()[slot] = Decay.expiryTick(type.lifetime(), tick, r);
    int d = pool.payloadDim();
    if (d > 0) {
      double[] xs = x[worker];
      float[] u = rule.payloadOffset();
      float[] payload = pool.payload();
      int po = slot * d;
      for (int k = 0; k < d; k++) {
        double v = u != null ? u[k] : 0.0;
        for (int q = rowStart[k]; q < rowStart[k + 1]; q++) {
          v += weightValue[q] * xs[weightColumn[q]];
        }
        if (rule.tanh()) {
          v = Math.tanh(v);
        }
        if (rule.noise() > 0) {
          v += rule.noise() * r.nextGaussian();
        }
        float f = (float) v;
        if (!Float.isFinite(f) || Math.abs(f) > Release.MAX_PAYLOAD) {
          failure =
              "type '"
                  + type.name()
                  + "': payload component "
                  + k
                  + " of a vesicle born at node "
                  + node
                  + " at tick "
                  + tick
                  + " is "
                  + f
                  + " (check the payload map and the node's signals)";
          f = 0f;
        }
        payload[po + k] = f;
      }
    }
    int p = pool.stateDim();
    if (p > 0) {
      Arrays.fill(pool.state(), slot * p, slot * p + p, 0f);
    }
    if (pool.dwelling()) {
      pool.dwell()[slot] = 0;
    }
  }
}
