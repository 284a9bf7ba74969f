package org.nvlab.core;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.nvlab.core.parallel.WorkerPool;

/**
 * Runs one experiment over many seeds: R runs on T threads at once, results in seed order. Each run
 * is its own fresh instance, and a run's result depends on its seed only, so the list is
 * bit-identical whatever the number of threads and whatever order the runs finish in. This is what
 * seed averages, the limit measurements, the sparse-agents experiment, the density tasks' engine
 * checks, {@code nvlab run --seeds} and sweeps call.
 *
 * <p>A failing run does not stop the others; when all are done, the failure of the lowest seed is
 * thrown (the same one however the runs were scheduled), naming its seed.
 */
public final class SeedRunner {
  private SeedRunner() {}

  /** What one run computes from its fresh simulation (called on a worker thread). */
  @FunctionalInterface
  public interface Run<R> {
    R run(Simulation sim) throws Exception;
  }

  /** What one seed computes, when it builds its own simulations (a model per seed, say). */
  @FunctionalInterface
  public interface PerSeed<R> {
    R run(long seed) throws Exception;
  }

  /**
   * Runs {@code model} for seeds {@code first .. first + runs - 1}, {@code threads} runs at a time,
   * each with one engine thread, and returns their results in seed order. The simulations are
   * closed after their run.
   */
  public static <R> List<R> run(Model model, long first, int runs, int threads, Run<R> run) {
    return run(model, seeds(first, runs), threads, 1, run);
  }

  /**
   * Runs {@code model} for the given seeds, {@code parallelRuns} at a time, each simulation with
   * {@code engineThreads} threads of its own.
   */
  public static <R> List<R> run(
      Model model, long[] seeds, int parallelRuns, int engineThreads, Run<R> run) {
    return forSeeds(
        seeds,
        parallelRuns,
        seed -> {
          try (Simulation sim = model.instantiate(seed, engineThreads)) {
            return run.run(sim);
          }
        });
  }

  /** Runs a task per seed, {@code parallel} at a time; results in seed order. */
  public static <R> List<R> forSeeds(long[] seeds, int parallel, PerSeed<R> task) {
    if (parallel < 1) {
      throw new IllegalArgumentException("at least one run at a time, got " + parallel);
    }
    Object[] results = new Object[seeds.length];
    Throwable[] failures = new Throwable[seeds.length];
    try (WorkerPool pool = new WorkerPool(Math.max(1, Math.min(parallel, seeds.length)))) {
      pool.forEach(
          seeds.length,
          (i, worker) -> {
            try {
              results[i] = task.run(seeds[i]);
            } catch (Throwable e) {
              failures[i] = e;
            }
          });
    }
    for (int i = 0; i < seeds.length; i++) {
      if (failures[i] != null) {
        throw new SeedFailure(seeds[i], failures[i]);
      }
    }
    List<R> out = new ArrayList<>(seeds.length);
    for (Object r : results) {
      @SuppressWarnings("unchecked")
      R cast = (R) r;
      out.add(cast);
    }
    return out;
  }

  /** first, first + 1, ..., first + runs - 1. */
  public static long[] seeds(long first, int runs) {
    if (runs < 1) {
      throw new IllegalArgumentException("at least one seed, got " + runs);
    }
    long[] s = new long[runs];
    Arrays.setAll(s, i -> first + i);
    return s;
  }

  /** A seed's run failed; the message names the seed and the failure. */
  public static final class SeedFailure extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final long seed;

    SeedFailure(long seed, Throwable cause) {
      super(
          "seed " + seed + ": " + (cause.getMessage() != null ? cause.getMessage() : cause), cause);
      this.seed = seed;
    }

    public long seed() {
      return seed;
    }
  }
}
