package org.nvlab.core.bench;

import org.nvlab.core.parallel.WorkerPool;

/**
 * The STREAM triad a[i] = b[i] + s * c[i] on three double arrays, split in contiguous ranges over
 * the same worker pool the engine uses. Bandwidth counts 24 bytes per element (two reads, one
 * write, no write-allocate), the STREAM convention, so figures compare with published ones.
 */
public final class StreamTriad {
  private final double[] a;
  private final double[] b;
  private final double[] c;

  /**
   * @param mebibytes size of each array
   */
  public StreamTriad(int mebibytes) {
    int n = mebibytes * (1 << 20) / 8;
    a = new double[n];
    b = new double[n];
    c = new double[n];
    for (int i = 0; i < n; i++) {
      b[i] = 1.0;
      c[i] = 2.0;
    }
  }

  /** Runs {@code reps} triads and returns the median bandwidth in GB/s (10^9 bytes). */
  public double medianGbps(WorkerPool pool, int reps) {
    int parts = pool.threads();
    int n = a.length;
    double[] gbps = new double[reps];
    final double s = 3.0;
    WorkerPool.Task task =
        (item, worker) -> {
          int from = (int) ((long) n * item / parts);
          int to = (int) ((long) n * (item + 1) / parts);
          double[] aa = a;
          double[] bb = b;
          double[] cc = c;
          for (int i = from; i < to; i++) {
            aa[i] = bb[i] + s * cc[i];
          }
        };
    pool.forEach(parts, task); // warm-up
    for (int r = 0; r < reps; r++) {
      long t0 = System.nanoTime();
      pool.forEach(parts, task);
      long t1 = System.nanoTime();
      gbps[r] = 24.0 * n / (t1 - t0);
    }
    java.util.Arrays.sort(gbps);
    return gbps[reps / 2];
  }

  /** A value that depends on the result, so the work cannot be optimised away. */
  public double checksum() {
    return a[a.length / 2];
  }
}
