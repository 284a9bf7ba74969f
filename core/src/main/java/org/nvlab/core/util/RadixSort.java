package org.nvlab.core.util;

import java.util.Arrays;

/**
 * LSD radix sort of non-negative long keys carrying int values, 8 bits per pass, skipping passes in
 * which all keys share the byte. Stable, O(8 n), no comparisons; used to put vesicles in id order
 * (state hashes, cascades) without boxing.
 */
public final class RadixSort {
  private long[] tmpKeys = new long[0];
  private int[] tmpValues = new int[0];
  private final int[] count = new int[257];

  private long[] sortedKeys;
  private int[] sortedValues;

  /**
   * Sorts keys[0..n) ascending and permutes values alongside. The result may land in internal
   * buffers: read it with {@link #sortedKeys()} and {@link #sortedValues()} before the next call.
   */
  public void sort(long[] keys, int[] values, int n) {
    if (tmpKeys.length < n) {
      tmpKeys = new long[n];
      tmpValues = new int[n];
    }
    long[] k = keys;
    int[] v = values;
    long[] tk = tmpKeys;
    int[] tv = tmpValues;
    for (int shift = 0; shift < 64; shift += 8) {
      Arrays.fill(count, 0);
      for (int i = 0; i < n; i++) {
        count[(int) ((k[i] >>> shift) & 0xFF) + 1]++;
      }
      if (n == 0 || count[(int) ((k[0] >>> shift) & 0xFF) + 1] == n) {
        continue;
      }
      for (int b = 0; b < 256; b++) {
        count[b + 1] += count[b];
      }
      for (int i = 0; i < n; i++) {
        int pos = count[(int) ((k[i] >>> shift) & 0xFF)]++;
        tk[pos] = k[i];
        tv[pos] = v[i];
      }
      long[] sk = k;
      k = tk;
      tk = sk;
      int[] sv = v;
      v = tv;
      tv = sv;
    }
    // Keep whichever pair is not the caller's as our scratch for next time.
    if (k != keys) {
      tmpKeys = keys;
      tmpValues = values;
    }
    sortedKeys = k;
    sortedValues = v;
  }

  public long[] sortedKeys() {
    return sortedKeys;
  }

  public int[] sortedValues() {
    return sortedValues;
  }
}
