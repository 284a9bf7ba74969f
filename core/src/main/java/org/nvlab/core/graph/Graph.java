package org.nvlab.core.graph;

import java.util.Arrays;

/**
 * The host graph: a directed graph in compressed sparse row form, stored both ways.
 *
 * <p>Edge ids follow the in-CSR order (edges sorted by target, then source): the edges into node i
 * are the ids {@code inStart[i]..inStart[i+1]-1}, with sources {@code inSource[e]}. Per-edge arrays
 * (weights, eligibility traces) are indexed by edge id, so the host's forward pass, which pulls
 * from incoming edges, reads its weights contiguously. The out-CSR lists, for node i, the targets
 * {@code outTarget[k]} and edge ids {@code outEdge[k]} for k in {@code
 * outStart[i]..outStart[i+1]-1}. The topology is immutable; weights live in the host, initialised
 * from {@link #initialWeights}.
 *
 * <p>{@code layer} is the layer index of each node for layered graphs and -1 elsewhere; {@code
 * position} (x, y per node, may be null) is a layout hint for the viewer.
 */
public final class Graph {
  private final int n;
  private final int[] inStart;
  private final int[] inSource;
  private final int[] outStart;
  private final int[] outTarget;
  private final int[] outEdge;
  private final float[] initialWeight;
  private final int[] layer;
  private final int layerCount;
  private final float[] position;

  Graph(int n, int[] src, int[] dst, float[] w, int[] layer, float[] position) {
    this.n = n;
    int m = src.length;
    this.outStart = new int[n + 1];
    this.inStart = new int[n + 1];
    for (int e = 0; e < m; e++) {
      outStart[src[e] + 1]++;
      inStart[dst[e] + 1]++;
    }
    for (int i = 0; i < n; i++) {
      outStart[i + 1] += outStart[i];
      inStart[i + 1] += inStart[i];
    }
    // Edge ids: stable counting sort by target, then by source within each target's row.
    int[] order = sortedEdgeOrder(n, dst, src);
    this.inSource = new int[m];
    this.initialWeight = new float[m];
    int[] edgeTarget = new int[m];
    for (int k = 0; k < m; k++) {
      int e = order[k];
      inSource[k] = src[e];
      initialWeight[k] = w[e];
      edgeTarget[k] = dst[e];
    }
    // The out view; rows come out sorted by target because edge ids ascend by target.
    int[] bySource = countingSort(n, inSource, identity(m));
    this.outTarget = new int[m];
    this.outEdge = new int[m];
    for (int k = 0; k < m; k++) {
      int e = bySource[k];
      outTarget[k] = edgeTarget[e];
      outEdge[k] = e;
    }
    this.layer = layer != null ? layer : filled(n, -1);
    int maxLayer = -1;
    for (int l : this.layer) {
      maxLayer = Math.max(maxLayer, l);
    }
    this.layerCount = maxLayer + 1;
    this.position = position;
  }

  /** Edge order sorted by primary key, then secondary key (two stable counting sorts). */
  private static int[] sortedEdgeOrder(int n, int[] primary, int[] secondary) {
    int m = primary.length;
    int[] bySecondary = countingSort(n, secondary, identity(m));
    return countingSort(n, primary, bySecondary);
  }

  private static int[] countingSort(int n, int[] key, int[] order) {
    int[] count = new int[n + 1];
    for (int e : order) {
      count[key[e] + 1]++;
    }
    for (int i = 0; i < n; i++) {
      count[i + 1] += count[i];
    }
    int[] out = new int[order.length];
    for (int e : order) {
      out[count[key[e]]++] = e;
    }
    return out;
  }

  private static int[] identity(int m) {
    int[] a = new int[m];
    for (int i = 0; i < m; i++) {
      a[i] = i;
    }
    return a;
  }

  private static int[] filled(int n, int v) {
    int[] a = new int[n];
    Arrays.fill(a, v);
    return a;
  }

  public int nodeCount() {
    return n;
  }

  public int edgeCount() {
    return outTarget.length;
  }

  public int outDegree(int i) {
    return outStart[i + 1] - outStart[i];
  }

  public int inDegree(int i) {
    return inStart[i + 1] - inStart[i];
  }

  /** Out-CSR row starts (length n + 1). Do not modify. */
  public int[] outStart() {
    return outStart;
  }

  /** Out-CSR targets. Do not modify. */
  public int[] outTarget() {
    return outTarget;
  }

  /** Out-CSR edge ids (index into per-edge arrays). Do not modify. */
  public int[] outEdge() {
    return outEdge;
  }

  /** In-CSR row starts (length n + 1): node i's incoming edge ids. Do not modify. */
  public int[] inStart() {
    return inStart;
  }

  /** The source of each edge id. Do not modify. */
  public int[] inSource() {
    return inSource;
  }

  /** The source node of edge e. */
  public int source(int e) {
    return inSource[e];
  }

  /** The target node of edge e, by binary search over the in-CSR rows. */
  public int target(int e) {
    int lo = 0;
    int hi = n - 1;
    while (lo < hi) {
      int mid = (lo + hi + 1) >>> 1;
      if (inStart[mid] <= e) {
        lo = mid;
      } else {
        hi = mid - 1;
      }
    }
    return lo;
  }

  /** The id of edge i->j, or -1. */
  public int edge(int i, int j) {
    int lo = inStart[j];
    int hi = inStart[j + 1] - 1;
    while (lo <= hi) {
      int mid = (lo + hi) >>> 1;
      int s = inSource[mid];
      if (s == i) {
        return mid;
      } else if (s < i) {
        lo = mid + 1;
      } else {
        hi = mid - 1;
      }
    }
    return -1;
  }

  /** A copy of the weights the builder gave. */
  public float[] initialWeights() {
    return initialWeight.clone();
  }

  /** Layer of each node, -1 where the graph has no layers. Do not modify. */
  public int[] layer() {
    return layer;
  }

  public int layerCount() {
    return layerCount;
  }

  /** Layout hint: x, y per node, or null. Do not modify. */
  public float[] position() {
    return position;
  }

  public int maxOutDegree() {
    int m = 0;
    for (int i = 0; i < n; i++) {
      m = Math.max(m, outDegree(i));
    }
    return m;
  }

  /**
   * A topological order of the nodes (Kahn's algorithm with a FIFO queue seeded in index order, so
   * deterministic), or null when the graph has a cycle.
   */
  public int[] topologicalOrder() {
    int[] indeg = new int[n];
    for (int i = 0; i < n; i++) {
      indeg[i] = inDegree(i);
    }
    int[] queue = new int[n];
    int head = 0;
    int tail = 0;
    for (int i = 0; i < n; i++) {
      if (indeg[i] == 0) {
        queue[tail++] = i;
      }
    }
    while (head < tail) {
      int i = queue[head++];
      for (int e = outStart[i]; e < outStart[i + 1]; e++) {
        if (--indeg[outTarget[e]] == 0) {
          queue[tail++] = outTarget[e];
        }
      }
    }
    return tail == n ? queue : null;
  }
}
