package org.nvlab.core.process;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.nvlab.core.host.Host;
import org.nvlab.core.parallel.PerWorker;
import org.nvlab.core.parallel.WorkerPool;
import org.nvlab.core.random.CounterRng;
import org.nvlab.core.random.Purpose;
import org.nvlab.core.random.RngStream;
import org.nvlab.core.release.Cascade;
import org.nvlab.core.release.NodeRelease;
import org.nvlab.core.release.ReleaseOperator;
import org.nvlab.core.util.RadixSort;
import org.nvlab.core.vesicle.Pool;
import org.nvlab.core.vesicle.Population;
import org.nvlab.core.vesicle.VesicleType;
import org.nvlab.core.vocabulary.DeathCause;

/**
 * The release phase of step 3 (SPEC section 6) for one type: applies the releases that the vesicle
 * step collected, then consumes quantal vesicles.
 *
 * <p>Releases at a node are first summed. Payload sums are accumulated in 32.32 fixed point and
 * outer products in 128-bit fixed point, so the sums are exact and do not depend on the order of
 * the releases, on threads, or on where vesicles sit in the pool. Work is split by node ranges:
 * each range scans the tick's release list and owns the nodes in it, so operators write without
 * locks (the releases are first bucketed by range in one counting pass). Cascades run after, parent
 * by parent in id order, so the children's ids are fixed too.
 */
final class Release {
  /** 2^32: the fixed-point scale of payload sums. */
  static final double SCALE = 0x1.0p32;

  private static final double INV_SCALE = 0x1.0p-32;

  /** Payload components beyond this magnitude are refused (the accumulator's range). */
  static final double MAX_PAYLOAD = 0x1.0p20;

  private static final int MIN_RANGE = 512;

  private final VesicleType type;
  private final Pool pool;
  private final int n;
  private final int d;
  private final NodeRelease[] nodeOps;
  private final Cascade[] cascades;
  private final boolean second;
  private final int pairs;
  private final int[] count;
  private final long[] sum;
  private final long[] secondHi;
  private final long[] secondLo;
  private final int ranges;
  private final int rangeSize;
  private final int[] bucketStart;
  private final int[] bucketFill;
  private int[] eventNode = new int[0];
  private float[] eventPayload = new float[0];
  private int[] bucketEvent = new int[0];
  private int[] chunkOffset = new int[16];
  private final WorkerPool.Task gatherTask = this::gatherChunk;
  private final WorkerPool.Task measureTask = this::measureChunk;
  private final int[][] touched;
  // Per range and operator: the lowest node whose release failed this tick, and the message.
  private final int[][] failedNode;
  private final String[][] failedText;
  private final double[][] sumScratch;
  private final double[][] secondScratch;
  private final double[][] opScratch;
  private final WorkerPool.Task task = this::rangeTask;
  private final RadixSort sorter = new RadixSort();
  private final RngStream rng = new RngStream();
  private long[] parentIds = new long[64];
  private int[] parentEvents = new int[64];
  private int[] eventChunk = new int[64];
  private int[] eventIndex = new int[64];
  private Host host;
  private ChunkResult[] chunks;
  private int chunkFrom;
  private int chunkTo;
  private volatile String failure;
  private boolean weightsChanged;
  private float[] memoryOfHost;
  private int totalChunks;

  Release(VesicleType type, Pool pool, int nodeCount, int threads) {
    this.type = type;
    this.pool = pool;
    this.n = nodeCount;
    this.d = pool.payloadDim();
    List<NodeRelease> ops = new ArrayList<>();
    List<Cascade> cas = new ArrayList<>();
    boolean needSecond = false;
    for (ReleaseOperator op : type.releases()) {
      if (op instanceof NodeRelease nr) {
        ops.add(nr);
        needSecond |= nr.needsSecondMoment();
      } else if (op instanceof Cascade c) {
        cas.add(c);
      }
    }
    this.nodeOps = ops.toArray(new NodeRelease[0]);
    this.cascades = cas.toArray(new Cascade[0]);
    this.second = needSecond;
    this.pairs = d * (d + 1) / 2;
    boolean any = nodeOps.length > 0;
    this.count = any ? new int[n] : null;
    this.sum = any ? new long[(long) n * d > 0 ? n * d : 0] : null;
    this.secondHi = needSecond ? new long[n * pairs] : null;
    this.secondLo = needSecond ? new long[n * pairs] : null;
    int wanted = Math.max(1, Math.min(threads * 4, (n + MIN_RANGE - 1) / MIN_RANGE));
    this.rangeSize = (n + wanted - 1) / wanted;
    this.ranges = (n + rangeSize - 1) / rangeSize;
    this.touched = new int[ranges][16];
    this.failedNode = new int[ranges][nodeOps.length];
    this.failedText = new String[ranges][nodeOps.length];
    for (int[] f : failedNode) {
      Arrays.fill(f, Integer.MAX_VALUE);
    }
    this.bucketStart = new int[ranges + 1];
    this.bucketFill = new int[ranges];
    this.sumScratch = PerWorker.doubles(threads, d);
    this.secondScratch = PerWorker.doubles(threads, needSecond ? d * d : 0);
    this.opScratch = PerWorker.doubles(threads, 4 * Math.max(1, d) + 16);
  }

  /**
   * Applies the releases listed in chunks [from, to) (all of this type) and adds their number and
   * payload mass to the tick's counts. Returns an error message or null.
   */
  String apply(
      Host host,
      ChunkResult[] chunks,
      int from,
      int to,
      int totalChunks,
      Population pop,
      TypeRuntime[] runtimes,
      long seed,
      int tick,
      WorkerPool wp) {
    failure = null;
    this.totalChunks = totalChunks;
    weightsChanged = false;
    this.chunks = chunks;
    this.chunkFrom = from;
    this.chunkTo = to;
    if (nodeOps.length > 0) {
      this.host = host;
      if (chunkOffset.length < to - from) {
        chunkOffset = new int[Math.max(to - from, 2 * chunkOffset.length)];
      }
      gatherAndBucket(wp); // measures the payload mass on the way
      wp.forEach(ranges, task);
      this.host = null;
      for (int o = 0; o < nodeOps.length; o++) {
        weightsChanged |= nodeOps[o].changesWeights();
        String f = takeFailure(o);
        if (f != null && failure == null) {
          failure = "type '" + type.name() + "': " + f;
        }
      }
      if (weightsChanged && anyReleases(chunks, from, to)) {
        host.weightsChanged();
      }
    } else if (anyReleases(chunks, from, to)) {
      wp.forEach(to - from, measureTask);
    }
    this.chunks = null;
    count(chunks, from, to, pop);
    if (failure == null && cascades.length > 0) {
      memoryOfHost = host.memory();
      failure = cascade(chunks, from, to, pop, runtimes, seed, tick);
      memoryOfHost = null;
    }
    return failure;
  }

  /**
   * Adds the number of releases and their payload mass (exact 128-bit sums of the chunks' masses,
   * converted once) to the population's counts for this tick.
   */
  private void count(ChunkResult[] chunks, int from, int to, Population pop) {
    long releases = 0;
    long hi = 0;
    long lo = 0;
    for (int c = from; c < to; c++) {
      ChunkResult cr = chunks[c];
      releases += cr.releaseCount;
      long nl = lo + cr.releasedLo;
      hi += cr.releasedHi + (Long.compareUnsigned(nl, lo) < 0 ? 1 : 0);
      lo = nl;
    }
    // (hi * 2^64 + lo) / 2^32
    double mass = hi * SCALE + unsignedToDouble(lo) * INV_SCALE;
    pop.addReleases(type.index(), releases, mass);
  }

  /**
   * Adds the L1 mass of {@code count} payloads stored one after another from {@code offset} to the
   * chunk's 128-bit fixed-point sum.
   */
  private static void addMass(ChunkResult cr, float[] payload, int offset, int count) {
    long hi = cr.releasedHi;
    long lo = cr.releasedLo;
    for (int q = offset; q < offset + count; q++) {
      long v = Math.abs((long) Math.rint(payload[q] * SCALE));
      long nl = lo + v;
      if (Long.compareUnsigned(nl, lo) < 0) {
        hi++;
      }
      lo = nl;
    }
    cr.releasedHi = hi;
    cr.releasedLo = lo;
  }

  /** The payload mass of a chunk's releases, for types without node operators. */
  private void measureChunk(int item, int worker) {
    ChunkResult cr = chunks[chunkFrom + item];
    float[] payload = pool.payload();
    for (int k = 0; k < cr.releaseCount; k++) {
      addMass(cr, payload, cr.releaseSlot[k] * d, d);
    }
  }

  private static boolean anyReleases(ChunkResult[] chunks, int from, int to) {
    for (int c = from; c < to; c++) {
      if (chunks[c].releaseCount > 0) {
        return true;
      }
    }
    return false;
  }

  /**
   * Gathers the tick's released payloads in slot order and sorts the releases into node-range
   * buckets. The gather runs chunk by chunk in parallel: within a chunk the releases are in
   * ascending slot order, so consecutive reads share memory pages (without huge pages, a random
   * read order would pay a page walk per release).
   */
  private void gatherAndBucket(WorkerPool wp) {
    int total = 0;
    for (int c = chunkFrom; c < chunkTo; c++) {
      chunkOffset[c - chunkFrom] = total;
      total += chunks[c].releaseCount;
    }
    if (eventNode.length < total) {
      int cap = Math.max(total, 2 * eventNode.length);
      eventNode = new int[cap];
      eventPayload = new float[cap * d];
      bucketEvent = new int[cap];
    }
    // The same static blocks as the vesicle step: each core gathers from the chunks it stepped.
    wp.forEachStatic(totalChunks, gatherTask);
    java.util.Arrays.fill(bucketStart, 0);
    for (int e = 0; e < total; e++) {
      bucketStart[eventNode[e] / rangeSize + 1]++;
    }
    for (int r = 0; r < ranges; r++) {
      bucketStart[r + 1] += bucketStart[r];
    }
    System.arraycopy(bucketStart, 0, bucketFill, 0, ranges);
    for (int e = 0; e < total; e++) {
      bucketEvent[bucketFill[eventNode[e] / rangeSize]++] = e;
    }
  }

  private void gatherChunk(int chunk, int worker) {
    if (chunk < chunkFrom || chunk >= chunkTo) {
      return; // another type's chunk
    }
    ChunkResult cr = chunks[chunk];
    int base = chunkOffset[chunk - chunkFrom];
    float[] payload = pool.payload();
    for (int k = 0; k < cr.releaseCount; k++) {
      eventNode[base + k] = cr.releaseNode[k];
      System.arraycopy(payload, cr.releaseSlot[k] * d, eventPayload, (base + k) * d, d);
    }
    addMass(cr, eventPayload, base * d, cr.releaseCount * d);
  }

  private void rangeTask(int r, int worker) {
    int[] list = touched[r];
    int nt = 0;
    for (int q = bucketStart[r]; q < bucketStart[r + 1]; q++) {
      int e = bucketEvent[q];
      int i = eventNode[e];
      if (count[i]++ == 0) {
        if (nt == list.length) {
          list = Arrays.copyOf(list, 2 * nt);
          touched[r] = list;
        }
        list[nt++] = i;
      }
      if (!accumulate(i, eventPayload, e * d)) {
        return;
      }
    }
    double[] s = sumScratch[worker];
    double[] s2 = secondScratch[worker];
    double[] work = opScratch[worker];
    for (int q = 0; q < nt; q++) {
      int i = list[q];
      int so = i * d;
      for (int k = 0; k < d; k++) {
        s[k] = sum[so + k] * INV_SCALE;
        sum[so + k] = 0;
      }
      if (second) {
        int po = i * pairs;
        int idx = 0;
        for (int a = 0; a < d; a++) {
          for (int b = a; b < d; b++, idx++) {
            // value = hi + lo/2^64 in units of 2^64 / SCALE^2 = 1
            double v = secondHi[po + idx] + unsignedToDouble(secondLo[po + idx]) * 0x1.0p-64;
            s2[a * d + b] = v;
            s2[b * d + a] = v;
            secondHi[po + idx] = 0;
            secondLo[po + idx] = 0;
          }
        }
      }
      int k = count[i];
      count[i] = 0;
      for (int o = 0; o < nodeOps.length; o++) {
        String f = nodeOps[o].apply(host, i, k, s, second ? s2 : null, work);
        if (f != null && i < failedNode[r][o]) {
          failedNode[r][o] = i;
          failedText[r][o] = f;
        }
      }
    }
  }

  /** Operator o's failure at the lowest node this tick (whatever the threads), cleared; or null. */
  private String takeFailure(int o) {
    int best = Integer.MAX_VALUE;
    String text = null;
    for (int r = 0; r < ranges; r++) {
      if (failedNode[r][o] < best) {
        best = failedNode[r][o];
        text = failedText[r][o];
      }
      failedNode[r][o] = Integer.MAX_VALUE;
      failedText[r][o] = null;
    }
    return text;
  }

  private static double unsignedToDouble(long v) {
    double x = (double) (v >>> 1) * 2.0;
    return x + (v & 1L);
  }

  /** Adds one payload to node i's sums; false (and a failure message) on overflow. */
  private boolean accumulate(int i, float[] payload, int po) {
    int so = i * d;
    try {
      for (int k = 0; k < d; k++) {
        sum[so + k] = Math.addExact(sum[so + k], (long) Math.rint(payload[po + k] * SCALE));
      }
    } catch (ArithmeticException e) {
      failure =
          "type '"
              + type.name()
              + "': the payload released at node "
              + i
              + " in one tick exceeds the release accumulator (sum above 2^31 in magnitude)";
      return false;
    }
    if (second) {
      int pi = i * pairs;
      int idx = 0;
      for (int a = 0; a < d; a++) {
        long fa = (long) Math.rint(payload[po + a] * SCALE);
        for (int b = a; b < d; b++, idx++) {
          long fb = (long) Math.rint(payload[po + b] * SCALE);
          long pl = fa * fb;
          long ph = Math.multiplyHigh(fa, fb);
          long lo = secondLo[pi + idx];
          long nl = lo + pl;
          long carry = Long.compareUnsigned(nl, lo) < 0 ? 1 : 0;
          secondLo[pi + idx] = nl;
          secondHi[pi + idx] += ph + carry;
        }
      }
    }
    return true;
  }

  /** Cascades, parent by parent in increasing id order. */
  private String cascade(
      ChunkResult[] chunks,
      int from,
      int to,
      Population pop,
      TypeRuntime[] runtimes,
      long seed,
      int tick) {
    int m = 0;
    for (int c = from; c < to; c++) {
      m += chunks[c].releaseCount;
    }
    if (m == 0) {
      return null;
    }
    if (parentIds.length < m) {
      int cap = Math.max(m, 2 * parentIds.length);
      parentIds = new long[cap];
      parentEvents = new int[cap];
      eventChunk = new int[cap];
      eventIndex = new int[cap];
    }
    int q = 0;
    long[] ids = pool.id();
    for (int c = from; c < to; c++) {
      ChunkResult cr = chunks[c];
      for (int k = 0; k < cr.releaseCount; k++, q++) {
        parentIds[q] = ids[cr.releaseSlot[k]];
        parentEvents[q] = q;
        eventChunk[q] = c;
        eventIndex[q] = k;
      }
    }
    sorter.sort(parentIds, parentEvents, m);
    long[] sortedIds = sorter.sortedKeys();
    int[] order = sorter.sortedValues();
    long key = CounterRng.tickKey(seed, tick, Purpose.of(Purpose.CASCADE, type.index()));
    for (Cascade cas : cascades) {
      TypeRuntime child = runtimes[cas.childType()];
      VesicleType ct = child.type;
      Pool cp = child.pool;
      long birthKey = CounterRng.tickKey(seed, tick, Purpose.of(Purpose.BIRTH, ct.index()));
      for (int r = 0; r < m; r++) {
        int ev = order[r];
        ChunkResult cr = chunks[eventChunk[ev]];
        int slot = cr.releaseSlot[eventIndex[ev]];
        int node = cr.releaseNode[eventIndex[ev]];
        long pid = sortedIds[r];
        int kids =
            cas.poisson()
                ? rng.reset(CounterRng.draw(key, pid)).nextPoisson(cas.count())
                : (int) Math.round(cas.count());
        if (kids <= 0) {
          continue;
        }
        long firstId = pop.takeIds(kids);
        pop.addBirths(ct.index(), kids);
        int allowed = (int) Math.min(kids, Math.max(0L, (long) ct.cap() - cp.size()));
        if (allowed < kids) {
          pop.addDeaths(ct.index(), DeathCause.CAPPED, kids - allowed);
        }
        int base = cp.grow(allowed);
        for (int j = 0; j < allowed; j++) {
          String err = writeChild(cas, cp, ct, base + j, firstId + j, node, slot, birthKey, tick);
          if (err != null) {
            return err;
          }
        }
      }
    }
    return null;
  }

  private String writeChild(
      Cascade cas,
      Pool cp,
      VesicleType ct,
      int slot,
      long id,
      int node,
      int parentSlot,
      long birthKey,
      int tick) {
    RngStream r = rng.reset(CounterRng.draw(birthKey, id));
    cp.node()[slot] = node;
    cp.id()[slot] = id;
    cp.expiry()[slot] = Decay.expiryTick(ct.lifetime(), tick, r);
    int dc = cp.payloadDim();
    float[] parent = pool.payload();
    int po = parentSlot * d;
    float[] out = cp.payload();
    float[] memory = memoryOfHost;
    for (int k = 0; k < dc; k++) {
      double v = cas.offset() != null ? cas.offset()[k] : 0.0;
      if (cas.fromMemory()) {
        v = memory[node * dc + k]; // the compiler checked memoryDim == dc
      } else if (cas.transform() == null) {
        v += parent[po + k];
      } else {
        for (int c = 0; c < d; c++) {
          v += cas.transform()[k * d + c] * parent[po + c];
        }
      }
      if (cas.tanh()) {
        v = Math.tanh(v);
      }
      float f = (float) v;
      if (!Float.isFinite(f) || Math.abs(f) > MAX_PAYLOAD) {
        return "type '"
            + ct.name()
            + "': cascade payload component "
            + k
            + " at node "
            + node
            + ", tick "
            + tick
            + " is "
            + f
            + " (check the cascade transform of type '"
            + type.name()
            + "')";
      }
      out[slot * dc + k] = f;
    }
    if (cp.stateDim() > 0) {
      Arrays.fill(cp.state(), slot * cp.stateDim(), (slot + 1) * cp.stateDim(), 0f);
    }
    if (cp.dwelling()) {
      cp.dwell()[slot] = 0;
    }
    return null;
  }
}
