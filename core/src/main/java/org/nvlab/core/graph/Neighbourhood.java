package org.nvlab.core.graph;

/**
 * The moves open to a vesicle at each node: staying, then travelling along out-edges and/or against
 * in-edges (SPEC section 4: j in N(i) + {i}). Entry k of node i lies in {@code
 * start[i]..start[i+1]-1}; the first entry of every row is "stay". Each entry records the
 * destination, the edge it uses (-1 for staying) and the direction feature (+1 along, -1 against, 0
 * stay). Kernel tables and logits are indexed like these entries.
 */
public final class Neighbourhood {
  private final int[] start;
  private final int[] destination;
  private final int[] edge;
  private final byte[] direction;
  private final int maxSize;

  private Neighbourhood(int[] start, int[] destination, int[] edge, byte[] direction) {
    this.start = start;
    this.destination = destination;
    this.edge = edge;
    this.direction = direction;
    int m = 0;
    for (int i = 0; i + 1 < start.length; i++) {
      m = Math.max(m, start[i + 1] - start[i]);
    }
    this.maxSize = m;
  }

  /** Builds the neighbourhood; {@code along} includes out-edges, {@code against} in-edges. */
  public static Neighbourhood of(Graph g, boolean along, boolean against) {
    int n = g.nodeCount();
    int[] start = new int[n + 1];
    for (int i = 0; i < n; i++) {
      start[i + 1] = start[i] + 1 + (along ? g.outDegree(i) : 0) + (against ? g.inDegree(i) : 0);
    }
    int total = start[n];
    int[] dst = new int[total];
    int[] edge = new int[total];
    byte[] dir = new byte[total];
    int[] outStart = g.outStart();
    int[] outTarget = g.outTarget();
    int[] outEdge = g.outEdge();
    int[] inStart = g.inStart();
    int[] inSource = g.inSource();
    for (int i = 0; i < n; i++) {
      int k = start[i];
      dst[k] = i;
      edge[k] = -1;
      dir[k] = 0;
      k++;
      if (along) {
        for (int q = outStart[i]; q < outStart[i + 1]; q++, k++) {
          dst[k] = outTarget[q];
          edge[k] = outEdge[q];
          dir[k] = 1;
        }
      }
      if (against) {
        for (int e = inStart[i]; e < inStart[i + 1]; e++, k++) {
          dst[k] = inSource[e];
          edge[k] = e;
          dir[k] = -1;
        }
      }
    }
    return new Neighbourhood(start, dst, edge, dir);
  }

  public int nodeCount() {
    return start.length - 1;
  }

  /** Total entries over all nodes. */
  public int entryCount() {
    return destination.length;
  }

  /** The largest row (degree + 1). */
  public int maxSize() {
    return maxSize;
  }

  public int[] start() {
    return start;
  }

  public int[] destination() {
    return destination;
  }

  public int[] edge() {
    return edge;
  }

  public byte[] direction() {
    return direction;
  }
}
