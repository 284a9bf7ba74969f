package org.nvlab.core.limits;

import java.util.ArrayList;
import java.util.List;
import org.nvlab.core.Model;
import org.nvlab.core.SeedRunner;
import org.nvlab.core.Simulation;

/**
 * Runs a {@link LimitConstruction} with the engine and compares each tick's modulation with the
 * exact mechanism.
 *
 * <p>For each N and each run seed 1..seeds, a fresh simulation of the construction's project runs
 * {@code pathTicks + ticks} ticks; after each of the last {@code ticks} ticks, every compared value
 * gives one error, measured - exact. The RMS error and the RMS of the exact values are taken over
 * components, ticks and seeds together. Ticks are independent samples: each tick's births, routes
 * and dockings are fresh draws keyed by the tick.
 *
 * <p>Seeds run side by side on {@code threads} workers (each engine on its share of them); the
 * engine is bit-identical for any thread count and the sums are taken in seed order, so the result
 * does not depend on {@code threads}.
 */
public final class LimitMeasurement {
  private LimitMeasurement() {}

  /**
   * The per-component mean error and its standard error at one N: the check that the modulation is
   * an unbiased estimate of the exact value (each mean within a few standard errors of 0).
   *
   * @param mean mean of measured - exact, per component
   * @param standardError sd / sqrt(samples), per component
   * @param samples ticks x seeds
   */
  public record MeanError(double[] mean, double[] standardError, long samples) {

    /** The largest |mean| / standard error over the components. */
    public double largestZ() {
      double z = 0;
      for (int k = 0; k < mean.length; k++) {
        z = Math.max(z, Math.abs(mean[k]) / standardError[k]);
      }
      return z;
    }
  }

  /** One seed's errors (measured - exact) and exact values, [tick][component]. */
  private record Trace(double[][] error, double[][] exact) {}

  /** Measures the construction at every N of {@code vesicles}. */
  public static LimitResult run(
      LimitConstruction c, int[] vesicles, int seeds, int ticks, int threads) {
    check(vesicles.length >= 1 && seeds >= 1 && ticks >= 1 && threads >= 1);
    List<LimitResult.Row> rows = new ArrayList<>();
    double[] n = new double[vesicles.length];
    double[] rms = new double[vesicles.length];
    for (int q = 0; q < vesicles.length; q++) {
      Trace[] traces = traces(c, vesicles[q], seeds, ticks, threads);
      double se2 = 0;
      double ss2 = 0;
      long count = 0;
      double[] seedMse = new double[seeds];
      for (int s = 0; s < seeds; s++) {
        double e2 = 0;
        long m = 0;
        for (int t = 0; t < ticks; t++) {
          for (int k = 0; k < c.components(); k++) {
            double e = traces[s].error()[t][k];
            double x = traces[s].exact()[t][k];
            e2 += e * e;
            ss2 += x * x;
            m++;
          }
        }
        se2 += e2;
        count += m;
        seedMse[s] = e2 / m;
      }
      double mse = se2 / count;
      double rmsError = Math.sqrt(mse);
      // Delta method: SE(sqrt(M)) = SE(M) / (2 sqrt(M)), SE(M) from the seeds' spread.
      double seMse = seeds > 1 ? sd(seedMse) / Math.sqrt(seeds) : Double.NaN;
      rows.add(
          new LimitResult.Row(
              vesicles[q], rmsError, seMse / (2 * rmsError), Math.sqrt(ss2 / count), count));
      n[q] = vesicles[q];
      rms[q] = rmsError;
    }
    LogLogFit fit = vesicles.length >= 2 ? LogLogFit.of(n, rms) : null;
    return new LimitResult(c.name(), c.mechanism(), seeds, ticks, List.copyOf(rows), fit);
  }

  /** The mean error per component at one N, over {@code ticks} ticks of each of the seeds. */
  public static MeanError meanError(
      LimitConstruction c, int vesicles, int seeds, int ticks, int threads) {
    check(seeds >= 1 && ticks >= 1 && threads >= 1);
    Trace[] traces = traces(c, vesicles, seeds, ticks, threads);
    int m = c.components();
    double[] mean = new double[m];
    double[] se = new double[m];
    long count = (long) seeds * ticks;
    for (int k = 0; k < m; k++) {
      double sum = 0;
      for (Trace tr : traces) {
        for (double[] e : tr.error()) {
          sum += e[k];
        }
      }
      double mu = sum / count;
      double ss = 0;
      for (Trace tr : traces) {
        for (double[] e : tr.error()) {
          ss += (e[k] - mu) * (e[k] - mu);
        }
      }
      mean[k] = mu;
      se[k] = Math.sqrt(ss / (count - 1) / count);
    }
    return new MeanError(mean, se, count);
  }

  private static void check(boolean ok) {
    if (!ok) {
      throw new IllegalArgumentException("a measurement needs N values, seeds, ticks and threads");
    }
  }

  /** Seeds 1..seeds of the construction at N, through the seed runner; in seed order. */
  private static Trace[] traces(
      LimitConstruction c, int vesicles, int seeds, int ticks, int threads) {
    int side = Math.min(threads, seeds);
    int engineThreads = Math.max(1, threads / side);
    Model model = c.model(vesicles); // compiled once, instantiated per seed
    return SeedRunner.run(
            model, SeedRunner.seeds(1, seeds), side, engineThreads, sim -> trace(c, sim, ticks))
        .toArray(new Trace[0]);
  }

  private static Trace trace(LimitConstruction c, Simulation sim, int ticks) {
    int m = c.components();
    int path = c.pathTicks();
    double[][] error = new double[ticks][m];
    double[][] exact = new double[ticks][m];
    double[] measured = new double[m];
    double[] x = new double[m];
    LimitConstruction.Reading reading = c.reading(sim);
    for (int t = 0; t < path + ticks; t++) {
      sim.step();
      reading.read(t, measured, x);
      if (t >= path) {
        for (int k = 0; k < m; k++) {
          error[t - path][k] = measured[k] - x[k];
          exact[t - path][k] = x[k];
        }
      }
    }
    return new Trace(error, exact);
  }

  private static double sd(double[] v) {
    double mu = 0;
    for (double x : v) {
      mu += x;
    }
    mu /= v.length;
    double ss = 0;
    for (double x : v) {
      ss += (x - mu) * (x - mu);
    }
    return Math.sqrt(ss / (v.length - 1));
  }
}
