package org.nvlab.core.graph;

import java.util.Arrays;

/**
 * Collects directed edges and builds a {@link Graph}. Every graph builder ends here, so the CSR
 * construction and its checks live in one place.
 */
public final class EdgeListBuilder {
  private final int n;
  private int[] src = new int[16];
  private int[] dst = new int[16];
  private float[] w = new float[16];
  private int m;
  private int[] layer;
  private float[] position;

  public EdgeListBuilder(int nodes) {
    if (nodes < 1) {
      throw new IllegalArgumentException("a graph needs at least one node, got " + nodes);
    }
    this.n = nodes;
  }

  public int nodeCount() {
    return n;
  }

  public int edgeCount() {
    return m;
  }

  /** Adds edge i -> j with weight w. */
  public EdgeListBuilder add(int i, int j, float weight) {
    if (i < 0 || i >= n || j < 0 || j >= n) {
      throw new IllegalArgumentException(
          "edge " + i + " -> " + j + " names a node outside 0.." + (n - 1));
    }
    if (!Float.isFinite(weight)) {
      throw new IllegalArgumentException("edge " + i + " -> " + j + " has weight " + weight);
    }
    if (m == src.length) {
      int cap = m * 2;
      src = Arrays.copyOf(src, cap);
      dst = Arrays.copyOf(dst, cap);
      w = Arrays.copyOf(w, cap);
    }
    src[m] = i;
    dst[m] = j;
    w[m] = weight;
    m++;
    return this;
  }

  public EdgeListBuilder layers(int[] layerOfNode) {
    if (layerOfNode != null && layerOfNode.length != n) {
      throw new IllegalArgumentException(
          "layers give " + layerOfNode.length + " entries for " + n + " nodes");
    }
    this.layer = layerOfNode;
    return this;
  }

  public EdgeListBuilder positions(float[] xy) {
    if (xy != null && xy.length != 2 * n) {
      throw new IllegalArgumentException(
          "positions give " + xy.length + " numbers for " + n + " nodes (need x, y per node)");
    }
    this.position = xy;
    return this;
  }

  /** Sets every weight from a law; edge k (in insertion order) gets draw k. */
  public EdgeListBuilder weights(WeightInit init, long seed) {
    int[] fanIn = new int[n];
    for (int e = 0; e < m; e++) {
      fanIn[dst[e]]++;
    }
    for (int e = 0; e < m; e++) {
      w[e] = init.sample(seed, e, fanIn[dst[e]]);
    }
    return this;
  }

  /** Builds the graph; duplicate edges i -> j are rejected. */
  public Graph build() {
    Graph g =
        new Graph(
            n, Arrays.copyOf(src, m), Arrays.copyOf(dst, m), Arrays.copyOf(w, m), layer, position);
    int[] is = g.inStart();
    int[] src = g.inSource();
    for (int j = 0; j < n; j++) {
      for (int e = is[j] + 1; e < is[j + 1]; e++) {
        if (src[e] == src[e - 1]) {
          throw new IllegalArgumentException("edge " + src[e] + " -> " + j + " appears twice");
        }
      }
    }
    return g;
  }
}
