package org.nvlab.core.parallel;

/**
 * Per-worker scratch arrays padded so that no two workers' arrays share a cache line. Arrays
 * allocated one after another sit next to each other in the heap; without padding, two workers
 * writing their own small scratch arrays would keep stealing the line they share (false sharing),
 * which measurably stopped parallel phases from scaling.
 */
public final class PerWorker {
  /** 128 bytes of padding: two cache lines, covering the adjacent-line prefetcher too. */
  private static final int PAD_BYTES = 128;

  private PerWorker() {}

  public static double[][] doubles(int workers, int length) {
    double[][] a = new double[workers][];
    for (int w = 0; w < workers; w++) {
      a[w] = new double[length + PAD_BYTES / 8];
    }
    return a;
  }

  public static int[][] ints(int workers, int length) {
    int[][] a = new int[workers][];
    for (int w = 0; w < workers; w++) {
      a[w] = new int[length + PAD_BYTES / 4];
    }
    return a;
  }

  public static float[][] floats(int workers, int length) {
    float[][] a = new float[workers][];
    for (int w = 0; w < workers; w++) {
      a[w] = new float[length + PAD_BYTES / 4];
    }
    return a;
  }
}
