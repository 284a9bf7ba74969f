package org.nvlab.core.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import org.nvlab.core.Simulation;
import org.nvlab.core.observe.MetricsObserver;
import org.nvlab.core.parallel.WorkerPool;
import org.nvlab.core.process.Engine;
import org.nvlab.core.vocabulary.DeathCause;

/**
 * Measures the engine on the reference workload against the machine's memory bandwidth and against
 * the object-per-vesicle design, all in one process and one run, so the ratios hold even on a busy
 * machine.
 *
 * <p>A vesicle-step is one live vesicle carried through step 3 of one tick; the rate is the
 * vesicle-steps of a repetition divided by the wall time of its whole ticks (host forward,
 * emission, step, release, compaction, everything), and the figure reported is the median over
 * repetitions. Each repetition runs a STREAM triad (median of 5), then the engine, then the object
 * baseline, on the same worker threads.
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

    MemoryMXBean mem = ManagementFactory.getMemoryMXBean();
    long heap0 = usedHeapAfterGc(mem);
    double[] rates = new double[o.reps()];
    double[] base = new double[o.reps()];
    double[] triad = new double[o.reps()];
    long[] phases;
    double bytesPerStep;
    double heapPerVesicle;
    double accountedPerVesicle;
    long births = 0;
    long dockings = 0;
    long deaths = 0;
    long steps = 0;
    try (Simulation sim = w.simulation(o.seed(), o.threads());
        WorkerPool triadThreads = new WorkerPool(o.threads())) {
      // The run records its metrics as `nvlab run` does (an observer; it reads the nodes once per
      // tick), so the workload is the one the lab runs, and the one measured before observers.
      sim.observe(new MetricsObserver())
          .recorder()
          .reserve(o.warmupTicks() + o.reps() * o.ticks() + 1);
      for (int i = 0; i < o.warmupTicks(); i++) {
        sim.step();
      }
      // Heap held by the warm engine (vesicles, graph, host, tables, event buffers), per vesicle.
      heapPerVesicle = (usedHeapAfterGc(mem) - heap0) / (double) w.vesicles();
      accountedPerVesicle = sim.populationHeapBytes() / (double) w.vesicles();
      ObjectPerVesicleBaseline b =
          o.baseline() ? new ObjectPerVesicleBaseline(w, o.seed(), o.threads()) : null;
      StreamTriad st = new StreamTriad(o.triadMebibytes());
      try {
        if (b != null) {
          for (int i = 0; i < o.warmupTicks(); i++) {
            b.tick();
          }
        }
        sim.resetPhaseTimes();
        // Repetitions interleave triad, engine and baseline, so a change of machine load
        // between them shifts all three alike and the ratios hold.
        for (int r = 0; r < o.reps(); r++) {
          triad[r] = st.medianGbps(triadThreads, 5);
          long repSteps = 0;
          long t0 = System.nanoTime();
          for (int i = 0; i < o.ticks(); i++) {
            repSteps += sim.vesicles();
            sim.step();
            births += sim.births(0);
            dockings += sim.dockings(0);
            deaths += totalDeaths(sim, 0);
          }
          rates[r] = repSteps / ((System.nanoTime() - t0) / 1e9);
          steps += repSteps;
          if (b != null) {
            long baseSteps = 0;
            long b0 = System.nanoTime();
            for (int i = 0; i < o.ticks(); i++) {
              baseSteps += b.population();
              b.tick();
            }
            base[r] = baseSteps / ((System.nanoTime() - b0) / 1e9);
          }
        }
        if (st.checksum() != 7.0) {
          throw new IllegalStateException("the STREAM triad computed a wrong value");
        }
        if (b != null) {
          out.put("object_baseline_checksum", b.checksum());
        }
      } finally {
        if (b != null) {
          b.close();
        }
      }
      phases = sim.phaseNanos();
      bytesPerStep =
          bytesPerStep(
              w.dim(), births / (double) steps, dockings / (double) steps, deaths / (double) steps);
      out.put("final_state_sha256", sim.stateHash());
    }
    double triadMedian = median(triad);
    out.put("stream_triad_gbps", round(triadMedian, 2));
    out.put("stream_triad_gbps_reps", roundAll(triad, 2));
    double median = median(rates);
    out.put("vesicle_steps_per_s", Math.round(median));
    out.put("vesicle_steps_per_s_reps", whole(rates));
    out.put("bytes_per_vesicle", round(bytesPerStep, 2));
    out.put("birth_rate", round(births / (double) steps, 4));
    out.put("dock_rate", round(dockings / (double) steps, 4));
    double bound = triadMedian * 1e9 / bytesPerStep;
    out.put("bound_vesicle_steps_per_s", Math.round(bound));
    out.put("fraction_of_bound", round(median / bound, 3));
    double bound84 = triadMedian * 1e9 / 84.0;
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
    // The object baseline has no host network: compare it with the engine's vesicle phases only.
    long hostNanos =
        phases[Engine.Phase.FORWARD.ordinal()]
            + phases[Engine.Phase.MODULATION.ordinal()]
            + phases[Engine.Phase.LEARNING.ordinal()];
    long allNanos = 0;
    for (long p : phases) {
      allNanos += p;
    }
    double vesicleOnly = steps / ((allNanos - hostNanos) / 1e9);
    out.put("vesicle_phases_steps_per_s", Math.round(vesicleOnly));
    if (o.baseline()) {
      double bm = median(base);
      out.put("object_baseline_vesicle_steps_per_s", Math.round(bm));
      out.put("object_baseline_reps", whole(base));
      out.put("speedup_vs_object_baseline", round(median / bm, 2));
      out.put("speedup_vs_object_baseline_vesicle_phases", round(vesicleOnly / bm, 2));
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

  private static long[] whole(double[] a) {
    long[] out = new long[a.length];
    for (int i = 0; i < a.length; i++) {
      out[i] = Math.round(a[i]);
    }
    return out;
  }

  private static double[] roundAll(double[] a, int digits) {
    double[] out = new double[a.length];
    for (int i = 0; i < a.length; i++) {
      out[i] = round(a[i], digits);
    }
    return out;
  }

  private static long totalDeaths(Simulation sim, int type) {
    long d = 0;
    for (DeathCause c : DeathCause.ALL) {
      d += sim.deaths(type, c);
    }
    return d;
  }
}
