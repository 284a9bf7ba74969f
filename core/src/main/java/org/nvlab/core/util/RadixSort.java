package org.nvlab.core.util;

import java.util.Arrays;

/**
 * LSD radix sort of non-negative long keys carrying int values, 8 bits per pass, skipping passes in
 * which all keys share the byte. Stable, O(8 n), no comparisons; used to put vesicles in id order
 * (state hashes, cascades) without boxing. Reuses its own buffers between calls and never writes
 * into the caller's arrays.
 */
public final class RadixSort {
  private long[][] keyBuf = {new long[0], new long[0]};
  private int[][] valueBuf = {new int[0], new int[0]};
  private final int[] count = new int[257];
  private long[] sortedKeys;
  private int[] sortedValues;

  /**
   * Sorts keys[0..n) ascending with values alongside. Read the result with {@link #sortedKeys()}
   * and {@link #sortedValues()} (valid until the next call; may be the input arrays themselves when
   * they were already sorted).
   */
  public void sort(long[] keys, int[] values, int n) {
    for (int b = 0; b < 2; b++) {
      if (keyBuf[b].length < n) {
        keyBuf[b] = new long[Math.max(n, 2 * keyBuf[b].length)];
        valueBuf[b] = new int[keyBuf[b].length];
      }
    }
    long[] k = keys;
    int[] v = values;
    int next = 0;
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
      long[] tk = keyBuf[next];
      int[] tv = valueBuf[next];
      for (int i = 0; i < n; i++) {
        int pos = count[(int) ((k[i] >>> shift) & 0xFF)]++;
        tk[pos] = k[i];
        tv[pos] = v[i];
      }
      k = tk;
      v = tv;
      next ^= 1;
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
