package org.nvlab.core.vesicle;

import java.util.Arrays;
import org.nvlab.core.state.StateVisitor;
import org.nvlab.core.vocabulary.DeathCause;

/**
 * All live vesicles: one {@link Pool} per type, the id counter, and the counts of the current tick
 * (births, deaths by cause, dockings, releases and released payload per type), which the recorder
 * reads at the end of the tick. Ids are handed out in a fixed order (emission by type and node,
 * then cascades by parent id), so they too are independent of threads.
 */
public final class Population {
  private final Pool[] pools;
  private long nextId;
  private final long[] births;
  private final long[][] deaths;
  private final long[] dockings;
  private final long[] releases;
  private final double[] released;

  public Population(Pool[] pools) {
    this.pools = pools;
    this.births = new long[pools.length];
    this.deaths = new long[pools.length][DeathCause.COUNT];
    this.dockings = new long[pools.length];
    this.releases = new long[pools.length];
    this.released = new double[pools.length];
  }

  public int typeCount() {
    return pools.length;
  }

  public Pool pool(int type) {
    return pools[type];
  }

  /** Reserves {@code count} consecutive ids and returns the first. */
  public long takeIds(long count) {
    long first = nextId;
    nextId += count;
    return first;
  }

  public long nextId() {
    return nextId;
  }

  /** Clears the per-tick counts (start of a tick). */
  public void startTick() {
    Arrays.fill(births, 0);
    Arrays.fill(dockings, 0);
    Arrays.fill(releases, 0);
    Arrays.fill(released, 0);
    for (long[] d : deaths) {
      Arrays.fill(d, 0);
    }
  }

  public void addBirths(int type, long count) {
    births[type] += count;
  }

  public void addDeaths(int type, DeathCause cause, long count) {
    deaths[type][cause.ordinal()] += count;
  }

  public void addDockings(int type, long count) {
    dockings[type] += count;
  }

  /**
   * Adds a tick's releases: their number (a dwelling vesicle releases on every tick it dwells) and
   * the L1 mass of their payloads, sum over releases of sum_k |c_k|.
   */
  public void addReleases(int type, long count, double mass) {
    releases[type] += count;
    released[type] += mass;
  }

  public long births(int type) {
    return births[type];
  }

  public long deaths(int type, DeathCause cause) {
    return deaths[type][cause.ordinal()];
  }

  public long deaths(int type) {
    long s = 0;
    for (long d : deaths[type]) {
      s += d;
    }
    return s;
  }

  public long dockings(int type) {
    return dockings[type];
  }

  /** Releases of the type in the current tick (dockings plus the ticks of dwelling vesicles). */
  public long releases(int type) {
    return releases[type];
  }

  /** The L1 payload mass the type released in the current tick (see {@link #addReleases}). */
  public double releasedPayload(int type) {
    return released[type];
  }

  public long size() {
    long s = 0;
    for (Pool p : pools) {
      s += p.size();
    }
    return s;
  }

  /**
   * Shows the population to a visitor: the id counter, the last tick's counts (what the tick's
   * observers read), then each pool under "type k.".
   */
  public void visit(StateVisitor v) {
    nextId = v.value("nextId", nextId);
    int k = v.count("types", pools.length);
    if (k != pools.length) {
      throw new IllegalStateException(
          "the state has " + k + " vesicle types, this run " + pools.length);
    }
    v.longs("births", births, k);
    v.longs("dockings", dockings, k);
    v.longs("releases", releases, k);
    v.doubles("released", released, k);
    for (int t = 0; t < k; t++) {
      v.longs("deaths" + t, deaths[t], DeathCause.COUNT);
    }
    for (int t = 0; t < k; t++) {
      pools[t].visit(v, "type" + t + ".");
    }
  }

  public long heapBytes() {
    long b = 0;
    for (Pool p : pools) {
      b += p.heapBytes();
    }
    return b;
  }
}
