package org.nvlab.core.graph;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;

/** Structural checks every {@link Graph} must pass, shared by the graph tests. */
final class GraphChecks {
  private GraphChecks() {}

  /**
   * The in- and out-CSR views describe the same edge set: every edge id appears exactly once in
   * each, {@code source}, {@code target} and {@code edge(i, j)} agree with both views, edge ids
   * ascend by (target, source), and out rows ascend by target.
   */
  static void assertConsistent(Graph g) {
    int n = g.nodeCount();
    int m = g.edgeCount();
    int[] inStart = g.inStart();
    int[] inSource = g.inSource();
    int[] outStart = g.outStart();
    int[] outTarget = g.outTarget();
    int[] outEdge = g.outEdge();
    assertEquals(n + 1, inStart.length);
    assertEquals(n + 1, outStart.length);
    assertEquals(0, inStart[0]);
    assertEquals(0, outStart[0]);
    assertEquals(m, inStart[n]);
    assertEquals(m, outStart[n]);
    assertEquals(m, inSource.length);
    assertEquals(m, outTarget.length);
    assertEquals(m, outEdge.length);

    long previousKey = -1;
    for (int j = 0; j < n; j++) {
      assertTrue(inStart[j] <= inStart[j + 1], "in rows must not overlap");
      assertEquals(inStart[j + 1] - inStart[j], g.inDegree(j));
      for (int e = inStart[j]; e < inStart[j + 1]; e++) {
        assertEquals(j, g.target(e), "target of edge " + e);
        assertEquals(inSource[e], g.source(e));
        assertEquals(e, g.edge(inSource[e], j), "edge(" + inSource[e] + ", " + j + ")");
        long key = (long) j * n + inSource[e];
        assertTrue(key > previousKey, "edge ids must ascend strictly by (target, source) at " + e);
        previousKey = key;
      }
    }

    int[] seen = new int[m];
    int maxOut = 0;
    for (int i = 0; i < n; i++) {
      assertEquals(outStart[i + 1] - outStart[i], g.outDegree(i));
      maxOut = Math.max(maxOut, g.outDegree(i));
      for (int k = outStart[i]; k < outStart[i + 1]; k++) {
        int e = outEdge[k];
        seen[e]++;
        assertEquals(i, g.source(e), "out row " + i + " lists edge " + e);
        assertEquals(outTarget[k], g.target(e), "out entry " + k + " target");
        if (k > outStart[i]) {
          assertTrue(outTarget[k] > outTarget[k - 1], "out row " + i + " must ascend by target");
        }
      }
    }
    assertEquals(maxOut, g.maxOutDegree());
    int[] once = new int[m];
    Arrays.fill(once, 1);
    assertArrayEquals(once, seen, "every edge appears exactly once in the out view");
  }

  /** The adjacency as a boolean matrix, read from the in view. */
  static boolean[][] adjacency(Graph g) {
    int n = g.nodeCount();
    boolean[][] a = new boolean[n][n];
    for (int j = 0; j < n; j++) {
      for (int e = g.inStart()[j]; e < g.inStart()[j + 1]; e++) {
        a[g.inSource()[e]][j] = true;
      }
    }
    return a;
  }

  static boolean hasSelfLoop(Graph g) {
    for (int e = 0; e < g.edgeCount(); e++) {
      if (g.source(e) == g.target(e)) {
        return true;
      }
    }
    return false;
  }

  static boolean sameTopology(Graph a, Graph b) {
    return Arrays.equals(a.inStart(), b.inStart()) && Arrays.equals(a.inSource(), b.inSource());
  }
}
