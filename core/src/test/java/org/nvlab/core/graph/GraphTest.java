package org.nvlab.core.graph;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.HashSet;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The CSR graph: both views, edge ids, weights, the duplicate check and topological order. */
class GraphTest {

  /**
   * Six nodes; 0, 3 and 5 have no in-edges (empty in-rows at the start, middle and end), 4 and 5 no
   * out-edges. Edges are added out of order so the sort has work to do.
   */
  private static Graph handGraph() {
    return new EdgeListBuilder(6)
        .add(3, 1, 0.5f)
        .add(0, 2, -1f)
        .add(1, 4, 2f)
        .add(1, 2, 0.25f)
        .add(2, 4, 3f)
        .add(0, 1, -0.5f)
        .add(3, 4, 1.5f)
        .build();
  }

  @Test
  void edgeIdsFollowTheInCsrOrderSortedByTargetThenSource() {
    Graph g = handGraph();
    assertEquals(6, g.nodeCount());
    assertEquals(7, g.edgeCount());
    assertArrayEquals(new int[] {0, 0, 2, 4, 4, 7, 7}, g.inStart());
    assertArrayEquals(new int[] {0, 3, 0, 1, 1, 2, 3}, g.inSource());
    int[] targets = new int[7];
    for (int e = 0; e < 7; e++) {
      targets[e] = g.target(e);
    }
    assertArrayEquals(new int[] {1, 1, 2, 2, 4, 4, 4}, targets);
  }

  @Test
  void initialWeightsTravelWithTheirEdgesThroughTheSort() {
    Graph g = handGraph();
    assertArrayEquals(new float[] {-0.5f, 0.5f, -1f, 0.25f, 2f, 3f, 1.5f}, g.initialWeights());
    assertEquals(3f, g.initialWeights()[g.edge(2, 4)]);
    assertEquals(0.5f, g.initialWeights()[g.edge(3, 1)]);
  }

  @Test
  void initialWeightsIsACopyTheCallerMayChange() {
    Graph g = handGraph();
    g.initialWeights()[0] = 99f;
    assertEquals(-0.5f, g.initialWeights()[0]);
  }

  @Test
  void outViewListsEachNodesTargetsAndEdgeIdsAscendingByTarget() {
    Graph g = handGraph();
    assertArrayEquals(new int[] {0, 2, 4, 5, 7, 7, 7}, g.outStart());
    assertArrayEquals(new int[] {1, 2, 2, 4, 4, 1, 4}, g.outTarget());
    assertArrayEquals(new int[] {0, 2, 3, 4, 5, 1, 6}, g.outEdge());
    assertEquals(2, g.maxOutDegree());
    assertEquals(0, g.outDegree(4));
    assertEquals(3, g.inDegree(4));
  }

  @Test
  void edgeLookupFindsEveryEdgeAndReturnsMinusOneForEveryAbsentPair() {
    Graph g = handGraph();
    GraphChecks.assertConsistent(g);
    Set<Long> present =
        Set.of(3L * 6 + 1, 0L * 6 + 2, 1L * 6 + 4, 1L * 6 + 2, 2L * 6 + 4, 0L * 6 + 1, 3L * 6 + 4);
    for (int i = 0; i < 6; i++) {
      for (int j = 0; j < 6; j++) {
        int e = g.edge(i, j);
        if (present.contains((long) i * 6 + j)) {
          assertEquals(i, g.source(e));
          assertEquals(j, g.target(e));
        } else {
          assertEquals(-1, e, "edge(" + i + ", " + j + ") should be absent");
        }
      }
    }
  }

  @Test
  void bothViewsAgreeOnALargeRandomEdgeListAndWeightsFollowTheirEdges() {
    int n = 120;
    Random r = new Random(17);
    EdgeListBuilder b = new EdgeListBuilder(n);
    Set<Long> pairs = new HashSet<>();
    while (pairs.size() < 1500) {
      int i = r.nextInt(n);
      int j = r.nextInt(n);
      if (pairs.add((long) i * n + j)) {
        b.add(i, j, i * 1000 + j); // the weight names the edge (self-loops included)
      }
    }
    Graph g = b.build();
    assertEquals(1500, g.edgeCount());
    GraphChecks.assertConsistent(g);
    float[] w = g.initialWeights();
    for (int e = 0; e < g.edgeCount(); e++) {
      assertEquals(g.source(e) * 1000 + g.target(e), w[e], "weight of edge " + e);
      assertTrue(pairs.contains((long) g.source(e) * n + g.target(e)));
    }
  }

  @Test
  void aDuplicateEdgeIsRejectedNamingTheEdge() {
    EdgeListBuilder b = new EdgeListBuilder(4).add(1, 2, 1f).add(0, 1, 1f).add(1, 2, -3f);
    IllegalArgumentException ex = assertThrows(IllegalArgumentException.class, b::build);
    assertEquals("edge 1 -> 2 appears twice", ex.getMessage());
  }

  @Test
  void aDuplicateSelfLoopIsRejectedToo() {
    EdgeListBuilder b = new EdgeListBuilder(3).add(2, 2, 1f).add(2, 2, 1f);
    IllegalArgumentException ex = assertThrows(IllegalArgumentException.class, b::build);
    assertEquals("edge 2 -> 2 appears twice", ex.getMessage());
  }

  @Test
  void oppositeEdgesAreNotDuplicates() {
    Graph g = new EdgeListBuilder(2).add(0, 1, 1f).add(1, 0, 2f).build();
    assertEquals(2, g.edgeCount());
    assertEquals(2f, g.initialWeights()[g.edge(1, 0)]);
  }

  @Test
  void badNodesWeightsAndSizesAreRejectedWithTheReason() {
    EdgeListBuilder b = new EdgeListBuilder(3);
    assertEquals(
        "edge 0 -> 3 names a node outside 0..2",
        assertThrows(IllegalArgumentException.class, () -> b.add(0, 3, 1f)).getMessage());
    assertEquals(
        "edge -1 -> 0 names a node outside 0..2",
        assertThrows(IllegalArgumentException.class, () -> b.add(-1, 0, 1f)).getMessage());
    assertEquals(
        "edge 0 -> 1 has weight NaN",
        assertThrows(IllegalArgumentException.class, () -> b.add(0, 1, Float.NaN)).getMessage());
    assertThrows(IllegalArgumentException.class, () -> b.add(0, 1, Float.POSITIVE_INFINITY));
    assertEquals(0, b.edgeCount(), "rejected edges are not kept");
    assertEquals(
        "a graph needs at least one node, got 0",
        assertThrows(IllegalArgumentException.class, () -> new EdgeListBuilder(0)).getMessage());
  }

  @Test
  void topologicalOrderIsKahnsOrderWithAFifoSeededByIndex() {
    // Sources 0, 3, 5 start the queue; 1 frees after 3, 2 after 1, 4 after 2.
    assertArrayEquals(new int[] {0, 3, 5, 1, 2, 4}, handGraph().topologicalOrder());
  }

  @Test
  void topologicalOrderPutsEverySourceBeforeItsTargetOnARandomDag() {
    int n = 200;
    Random r = new Random(5);
    EdgeListBuilder b = new EdgeListBuilder(n);
    int[] rank = new int[n]; // a hidden random order; edges go from lower to higher rank
    for (int i = 0; i < n; i++) {
      rank[i] = i;
    }
    for (int i = n - 1; i > 0; i--) {
      int k = r.nextInt(i + 1);
      int t = rank[i];
      rank[i] = rank[k];
      rank[k] = t;
    }
    Set<Long> pairs = new HashSet<>();
    while (pairs.size() < 1000) {
      int i = r.nextInt(n);
      int j = r.nextInt(n);
      if (rank[i] < rank[j] && pairs.add((long) i * n + j)) {
        b.add(i, j, 1f);
      }
    }
    Graph g = b.build();
    int[] order = g.topologicalOrder();
    assertNotNull(order);
    int[] position = new int[n];
    Arrays.fill(position, -1);
    for (int q = 0; q < n; q++) {
      assertEquals(-1, position[order[q]], "node " + order[q] + " listed twice");
      position[order[q]] = q;
    }
    for (int e = 0; e < g.edgeCount(); e++) {
      assertTrue(position[g.source(e)] < position[g.target(e)], "edge " + e + " goes backwards");
    }
  }

  @Test
  void topologicalOrderIsNullOnACycle() {
    Graph cycle =
        new EdgeListBuilder(4).add(3, 0, 1f).add(0, 1, 1f).add(1, 2, 1f).add(2, 0, 1f).build();
    assertNull(cycle.topologicalOrder());
    Graph selfLoop = new EdgeListBuilder(3).add(0, 1, 1f).add(1, 1, 1f).build();
    assertNull(selfLoop.topologicalOrder());
    Graph twoCycle = new EdgeListBuilder(2).add(0, 1, 1f).add(1, 0, 1f).build();
    assertNull(twoCycle.topologicalOrder());
  }

  @Test
  void aGraphWithoutEdgesIsItsOwnTopologicalOrderAndHasNoLayersOrPositions() {
    Graph g = new EdgeListBuilder(4).build();
    assertEquals(0, g.edgeCount());
    assertArrayEquals(new int[] {0, 1, 2, 3}, g.topologicalOrder());
    assertArrayEquals(new int[] {-1, -1, -1, -1}, g.layer());
    assertEquals(0, g.layerCount());
    assertNull(g.position());
    assertEquals(0, g.maxOutDegree());
    GraphChecks.assertConsistent(g);
  }
}
