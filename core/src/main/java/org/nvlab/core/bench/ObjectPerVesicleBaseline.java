package org.nvlab.core.bench;

import java.util.ArrayList;
import org.nvlab.core.Model;
import org.nvlab.core.graph.Neighbourhood;
import org.nvlab.core.host.Host;
import org.nvlab.core.parallel.WorkerPool;
import org.nvlab.core.process.Docking;
import org.nvlab.core.process.Migration;
import org.nvlab.core.project.ProjectException;
import org.nvlab.core.random.CounterRng;
import org.nvlab.core.release.ActivationRelease;
import org.nvlab.core.vesicle.VesicleType;

/**
 * The design the engine is measured against: one Java object per vesicle in an {@code ArrayList},
 * the way a simulation is first written. It runs the reference workload's vesicle dynamics with the
 * same kernel tables, random draws and docking probability (lifetime countdown in a float, payload
 * in its own float[], dead vesicles removed with removeIf, newborns allocated each tick, releases
 * summed per worker), split over the same worker pool, so the measured ratio is the data layout's,
 * not the algorithm's. The host forward pass is left out, which flatters this baseline slightly.
 */
public final class ObjectPerVesicleBaseline implements AutoCloseable {

  static final class Vesicle {
    final long id;
    int node;
    float life;
    final float[] payload;
    boolean dead;

    Vesicle(long id, int node, float life, float[] payload) {
      this.id = id;
      this.node = node;
      this.life = life;
      this.payload = payload;
    }
  }

  private static final int CHUNK = 8192;

  private final int n;
  private final int target;
  private final int d;
  private final int[] table;
  private final int[] rowStart;
  private final int[] rowSize;
  private final int dockLimit;
  private final double mean;
  private final float[] offset;
  private final float[] gain;
  private final float[] biasReadout;
  private final double[][] gammaBuffer;
  private final double[][] betaBuffer;
  private final double[] gamma;
  private final double[] beta;
  private final ArrayList<Vesicle> list;
  private final long[] docked;
  private long lastDockings;
  private final WorkerPool pool;
  private final long seed;
  private int tick;
  private long nextId;
  private int updateEnd;
  private long stepKey;
  private final WorkerPool.Task stepTask = this::stepChunk;

  public ObjectPerVesicleBaseline(ReferenceWorkload w, long seed, int threads) {
    Model p;
    try {
      p = Model.compile(w.spec());
    } catch (ProjectException e) {
      throw new IllegalStateException(e.getMessage(), e);
    }
    Host host = p.host().build();
    VesicleType t = p.type(0);
    this.n = host.nodeCount();
    this.target = w.vesicles();
    this.d = t.payloadDim();
    Neighbourhood nb = Neighbourhood.of(host.graph(), true, false);
    float[] logits = new float[nb.entryCount()];
    Migration.logits(t.kernel(), nb, host, logits, 0, n);
    // The same compact alias tables the engine uses, so the comparison is of data layouts.
    this.table = new int[nb.entryCount() * Migration.COMPACT_ENTRY];
    int m = nb.maxSize();
    Migration.buildCompact(
        nb, logits, false, table, 0, n, new double[m], new int[m], new int[m], new int[m]);
    this.rowStart = new int[n];
    this.rowSize = new int[n];
    for (int i = 0; i < n; i++) {
      rowStart[i] = nb.start()[i] * Migration.COMPACT_ENTRY;
      rowSize[i] = nb.start()[i + 1] - nb.start()[i];
    }
    this.dockLimit = Docking.limit(Docking.sigmoid(t.docking().bias()));
    this.mean = t.lifetime().mean();
    this.offset = t.emission().payloadOffset();
    ActivationRelease release = (ActivationRelease) t.releases().get(0);
    this.gain = release.gain();
    this.biasReadout = release.bias();
    this.pool = new WorkerPool(threads);
    this.gammaBuffer = new double[threads][n];
    this.betaBuffer = new double[threads][n];
    this.gamma = new double[n];
    this.beta = new double[n];
    this.list = new ArrayList<>(target);
    this.docked = new long[threads * 16]; // one counter per 128 bytes: no false sharing
    this.seed = seed;
  }

  /** One tick: births replace the dead, then every older vesicle decays, docks or moves. */
  public void tick() {
    long birthKey = CounterRng.tickKey(seed, tick, 101);
    int births = target - list.size();
    for (int q = 0; q < births; q++) {
      long h = CounterRng.draw(birthKey, q);
      int node = CounterRng.below(h, n);
      float life = (float) (-mean * Math.log(CounterRng.unitOpen(CounterRng.mix64(h))));
      list.add(new Vesicle(nextId++, node, life, offset.clone()));
    }
    updateEnd = list.size() - births;
    stepKey = CounterRng.tickKey(seed, tick, 102);
    pool.forEach((updateEnd + CHUNK - 1) / CHUNK, stepTask);
    list.removeIf(v -> v.dead);
    lastDockings = 0;
    for (int w = 0; w < docked.length; w++) {
      lastDockings += docked[w];
      docked[w] = 0;
    }
    for (double[] g : gammaBuffer) {
      for (int i = 0; i < n; i++) {
        gamma[i] = 0.5 * gamma[i] + g[i];
        g[i] = 0;
      }
    }
    for (double[] b : betaBuffer) {
      for (int i = 0; i < n; i++) {
        beta[i] = 0.5 * beta[i] + b[i];
        b[i] = 0;
      }
    }
    tick++;
  }

  private void stepChunk(int c, int worker) {
    int from = c * CHUNK;
    int to = Math.min(updateEnd, from + CHUNK);
    double[] g = gammaBuffer[worker];
    double[] b = betaBuffer[worker];
    for (int s = from; s < to; s++) {
      Vesicle v = list.get(s);
      v.life -= 1f;
      if (v.life <= 0f) {
        v.dead = true;
        continue;
      }
      long h = CounterRng.draw(stepKey, v.id);
      if ((h >>> 33) <= dockLimit) {
        double gc = 0;
        double bc = 0;
        for (int k = 0; k < d; k++) {
          gc += gain[k] * v.payload[k];
          bc += biasReadout[k] * v.payload[k];
        }
        g[v.node] += gc;
        b[v.node] += bc;
        v.dead = true;
        docked[worker * 16]++;
        continue;
      }
      v.node = Migration.hopCompact(table, rowStart[v.node], rowSize[v.node], h & 0xFFFFFFFFL);
    }
  }

  /** Vesicles that docked in the last tick. */
  public long dockingsLastTick() {
    return lastDockings;
  }

  public int population() {
    return list.size();
  }

  /** A value depending on the whole run, so the work cannot be optimised away. */
  public double checksum() {
    double s = 0;
    for (int i = 0; i < n; i++) {
      s += gamma[i] + beta[i];
    }
    return s;
  }

  @Override
  public void close() {
    pool.close();
  }
}
