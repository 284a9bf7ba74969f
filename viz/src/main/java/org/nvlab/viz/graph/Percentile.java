package org.nvlab.viz.graph;

/** Percentiles for colour and size scales, without sorting (quickselect on a scratch array). */
final class Percentile {
  private Percentile() {}

  /** The k-th smallest of a[0..n-1] (quickselect; reorders a). */
  static float select(float[] a, int n, int k) {
    int lo = 0;
    int hi = n - 1;
    while (lo < hi) {
      float pivot = a[(lo + hi) >>> 1];
      int i = lo;
      int j = hi;
      while (i <= j) {
        while (a[i] < pivot) {
          i++;
        }
        while (a[j] > pivot) {
          j--;
        }
        if (i <= j) {
          float t = a[i];
          a[i] = a[j];
          a[j] = t;
          i++;
          j--;
        }
      }
      if (k <= j) {
        hi = j;
      } else if (k >= i) {
        lo = i;
      } else {
        return a[k];
      }
    }
    return a[k];
  }

  /** The q-quantile (0..1) of the first n values of a (reorders a); 0 when n is 0. */
  static float quantile(float[] a, int n, double q) {
    return n == 0 ? 0 : select(a, n, (int) (q * (n - 1)));
  }
}
