package org.nvlab.core.density;

import java.io.IOException;
import java.io.Writer;
import java.util.List;
import org.nvlab.core.Model;
import org.nvlab.core.SeedRunner;

/**
 * The stochastic engine averaged over seeds: per tick, type and node, the mean count of undocked
 * vesicles over R seeded runs and its standard error. This is what the density model predicts
 * exactly when the vesicles do not feed back into the rules that move them (SPEC section 9).
 */
public final class SeedAverage {
  private final int ticks;
  private final int types;
  private final int n;
  private final int runs;
  private final double[] sum;
  private final double[] sumSq;
  private final String[] typeNames;

  private SeedAverage(int ticks, int types, int n, int runs, String[] typeNames) {
    this.ticks = ticks;
    this.types = types;
    this.n = n;
    this.runs = runs;
    this.sum = new double[ticks * types * n];
    this.sumSq = new double[ticks * types * n];
    this.typeNames = typeNames;
  }

  /**
   * Runs the model for seeds first..first+runs-1 through the {@link SeedRunner} ({@code threads}
   * runs at a time, each single-threaded: the results do not depend on threads) and accumulates
   * per-node counts after every tick, in seed order.
   */
  public static SeedAverage run(Model model, long first, int runs, int ticks, int threads) {
    int types = model.typeCount();
    int n = model.nodeCount();
    SeedAverage avg =
        new SeedAverage(ticks, types, n, runs, model.typeNames().toArray(new String[0]));
    List<double[]> perRun =
        SeedRunner.run(
            model,
            first,
            runs,
            threads,
            sim -> {
              double[] counts = new double[ticks * types * n];
              double[] row = new double[n];
              for (int t = 0; t < ticks; t++) {
                sim.step();
                for (int k = 0; k < types; k++) {
                  java.util.Arrays.fill(row, 0);
                  sim.countByNode(k, row);
                  System.arraycopy(row, 0, counts, (t * types + k) * n, n);
                }
              }
              return counts;
            });
    for (double[] c : perRun) {
      for (int q = 0; q < c.length; q++) {
        avg.sum[q] += c[q];
        avg.sumSq[q] += c[q] * c[q];
      }
    }
    return avg;
  }

  public int ticks() {
    return ticks;
  }

  public int runs() {
    return runs;
  }

  public double mean(int tick, int type, int node) {
    return sum[(tick * types + type) * n + node] / runs;
  }

  /** Standard error of the mean (sample standard deviation over sqrt(R)). */
  public double stderr(int tick, int type, int node) {
    int q = (tick * types + type) * n + node;
    double mean = sum[q] / runs;
    double var = (sumSq[q] - runs * mean * mean) / Math.max(1, runs - 1);
    return Math.sqrt(Math.max(0, var) / runs);
  }

  /** Writes {@code tick,type,node,mean,stderr}. */
  public void writeCsv(Writer w) throws IOException {
    w.write("tick,type,node,mean,stderr\n");
    StringBuilder b = new StringBuilder();
    for (int t = 0; t < ticks; t++) {
      for (int k = 0; k < types; k++) {
        for (int i = 0; i < n; i++) {
          b.setLength(0);
          b.append(t).append(',').append(typeNames[k]).append(',').append(i).append(',');
          b.append(mean(t, k, i)).append(',').append(stderr(t, k, i)).append('\n');
          w.write(b.toString());
        }
      }
    }
  }
}
