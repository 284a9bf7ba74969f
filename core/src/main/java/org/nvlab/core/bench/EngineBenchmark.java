package org.nvlab.core.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import org.nvlab.core.Simulation;
import org.nvlab.core.parallel.WorkerPool;
import org.nvlab.core.process.Engine;
import org.nvlab.core.vesicle.Pool;

/**
 * Measures the engine on the reference workload against the machine's memory bandwidth and against
 * the object-per-vesicle design, all in one process and one run, so the ratios hold even on a busy
 * machine.
 *
 * <p>A vesicle-step is one live vesicle carried through step 3 of one tick; the rate is the
 * vesicle-steps of a repetition divided by the wall time of its whole ticks (host forward,
 * emission, step, release, compaction, everything), and the figure reported is the median over
 * repetitions.
 */
public final class EngineBenchmark {

  /** What to run. */
  public record Options(
      ReferenceWorkload workload,
      int ticks,
      int threads,
      int reps,
      int warmupTicks,
      boolean baseline,
      int triadMebibytes,
      long seed) {}

  private EngineBenchmark() {}

  public static Map<String, Object> run(Options o) {
    Map<String, Object> out = new LinkedHashMap<>();
    ReferenceWorkload w = o.workload();
    out.put("workload", workloadMap(w, o));
    out.put("threads", o.threads());

    double triad;
    try (WorkerPool pool = new WorkerPool(o.threads())) {
      StreamTriad st = new StreamTriad(o.triadMebibytes());
      triad = st.medianGbps(pool, 9);
      if (st.checksum() != 7.0) {
        throw new IllegalStateException("triad check failed");
      }
    }
    out.put("stream_triad_gbps", round(triad, 2));

    MemoryMXBean mem = ManagementFactory.getMemoryMXBean();
    long heap0 = usedHeapAfterGc(mem);
    double[] rates;
    long[] phases;
    double bytesPerStep;
    double heapPerVesicle;
    double accountedPerVesicle;
    try (Simulation sim = w.simulation(o.seed(), o.threads())) {
      sim.metrics().reserve(o.warmupTicks() + o.reps() * o.ticks() + 1);
      for (int i = 0; i < o.warmupTicks(); i++) {
        sim.step();
      }
      long heap1 = usedHeapAfterGc(mem);
      heapPerVesicle = (heap1 - heap0) / (double) w.vesicles();
      Pool pool = sim.engine().population().pool(0);
      accountedPerVesicle = pool.heapBytes() / (double) w.vesicles();
      rates = new double[o.reps()];
      sim.engine().resetPhaseTimes();
      long births = 0;
      long dockings = 0;
      long deaths = 0;
      long steps = 0;
      for (int r = 0; r < o.reps(); r++) {
        long repSteps = 0;
        long t0 = System.nanoTime();
        for (int i = 0; i < o.ticks(); i++) {
          repSteps += sim.engine().population().size();
          sim.step();
          births += sim.engine().population().births(0);
          dockings += sim.engine().population().dockings(0);
          deaths += sim.engine().population().deaths(0);
        }
        long t1 = System.nanoTime();
        rates[r] = repSteps / ((t1 - t0) / 1e9);
        steps += repSteps;
      }
      phases = sim.engine().phaseNanos();
      bytesPerStep =
          bytesPerStep(
              w.dim(), births / (double) steps, dockings / (double) steps, deaths / (double) steps);
      out.put("final_state_sha256", sim.stateHash());
    }
    double median = median(rates);
    out.put("vesicle_steps_per_s", Math.round(median));
    out.put("vesicle_steps_per_s_reps", roundAll(rates));
    out.put("bytes_per_vesicle", round(bytesPerStep, 2));
    double bound = triad * 1e9 / bytesPerStep;
    out.put("bound_vesicle_steps_per_s", Math.round(bound));
    out.put("fraction_of_bound", round(median / bound, 3));
    double bound84 = triad * 1e9 / 84.0;
    out.put("reference_84B_bound_vesicle_steps_per_s", Math.round(bound84));
    out.put("fraction_of_84B_bound", round(median / bound84, 3));
    out.put("heap_bytes_per_vesicle", round(heapPerVesicle, 1));
    out.put("accounted_bytes_per_vesicle", round(accountedPerVesicle, 1));
    Map<String, Object> ph = new LinkedHashMap<>();
    double totalTicks = (double) o.reps() * o.ticks();
    for (Engine.Phase p : Engine.Phase.values()) {
      ph.put(
          p.name().toLowerCase(java.util.Locale.ROOT),
          round(phases[p.ordinal()] / totalTicks / 1e6, 3));
    }
    out.put("phase_ms_per_tick", ph);

    if (o.baseline()) {
      double[] base = new double[o.reps()];
      try (ObjectPerVesicleBaseline b = new ObjectPerVesicleBaseline(w, o.seed(), o.threads())) {
        for (int i = 0; i < o.warmupTicks(); i++) {
          b.tick();
        }
        for (int r = 0; r < o.reps(); r++) {
          long repSteps = 0;
          long t0 = System.nanoTime();
          for (int i = 0; i < o.ticks(); i++) {
            repSteps += b.population();
            b.tick();
          }
          long t1 = System.nanoTime();
          base[r] = repSteps / ((t1 - t0) / 1e9);
        }
        out.put("object_baseline_checksum", b.checksum());
      }
      double bm = median(base);
      out.put("object_baseline_vesicle_steps_per_s", Math.round(bm));
      out.put("object_baseline_reps", roundAll(base));
      out.put("speedup_vs_object_baseline", round(median / bm, 2));
    }
    return out;
  }

  /**
   * Bytes a vesicle-step moves to and from memory in this engine's layout: node (read and write),
   * expiry and id (read) for every step, 20 bytes; plus, per step, the newborn's writes (node,
   * expiry, id, payload) times the birth rate, the payload read of a release times the docking
   * rate, and the compaction copy (read and write of one vesicle) times the death rate.
   */
  public static double bytesPerStep(int d, double birthRate, double dockRate, double deathRate) {
    double vesicle = 4 + 4 + 8 + 4.0 * d;
    return 20.0 + birthRate * vesicle + dockRate * 4.0 * d + deathRate * 2 * vesicle;
  }

  private static Map<String, Object> workloadMap(ReferenceWorkload w, Options o) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("nodes", w.nodes());
    m.put("degree", w.degree());
    m.put("vesicles", w.vesicles());
    m.put("dim", w.dim());
    m.put("ticks_per_rep", o.ticks());
    m.put("reps", o.reps());
    m.put("warmup_ticks", o.warmupTicks());
    return m;
  }

  private static long usedHeapAfterGc(MemoryMXBean mem) {
    long best = Long.MAX_VALUE;
    for (int i = 0; i < 3; i++) {
      System.gc();
      best = Math.min(best, mem.getHeapMemoryUsage().getUsed());
    }
    return best;
  }

  static double median(double[] a) {
    double[] s = a.clone();
    Arrays.sort(s);
    int m = s.length / 2;
    return s.length % 2 == 1 ? s[m] : 0.5 * (s[m - 1] + s[m]);
  }

  private static double round(double v, int digits) {
    double f = Math.pow(10, digits);
    return Math.round(v * f) / f;
  }

  private static long[] roundAll(double[] a) {
    long[] out = new long[a.length];
    for (int i = 0; i < a.length; i++) {
      out[i] = Math.round(a[i]);
    }
    return out;
  }
}
