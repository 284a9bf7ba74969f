package org.nvlab.core.graph;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/**
 * The moves open to a vesicle: "stay" first in every row, then out-edges (direction +1) and/or
 * in-edges walked backwards (direction -1), each entry naming the edge id it uses.
 */
class NeighbourhoodTest {

  /**
   * Edges 0->1, 0->2, 2->1, 1->3, 3->0. Edge ids by (target, source): 3->0 is 0, 0->1 is 1, 2->1 is
   * 2, 0->2 is 3, 1->3 is 4.
   */
  private static Graph graph() {
    return new EdgeListBuilder(4)
        .add(0, 1, 1f)
        .add(0, 2, 1f)
        .add(2, 1, 1f)
        .add(1, 3, 1f)
        .add(3, 0, 1f)
        .build();
  }

  private static void assertRows(
      Neighbourhood nb, int[] start, int[] destination, int[] edge, byte[] direction) {
    assertArrayEquals(start, nb.start(), "row starts");
    assertArrayEquals(destination, nb.destination(), "destinations");
    assertArrayEquals(edge, nb.edge(), "edge ids");
    assertArrayEquals(direction, nb.direction(), "directions");
    assertEquals(destination.length, nb.entryCount());
    assertEquals(start.length - 1, nb.nodeCount());
  }

  @Test
  void edgeIdsOfTheTestGraphAreAsDocumented() {
    Graph g = graph();
    assertEquals(0, g.edge(3, 0));
    assertEquals(1, g.edge(0, 1));
    assertEquals(2, g.edge(2, 1));
    assertEquals(3, g.edge(0, 2));
    assertEquals(4, g.edge(1, 3));
  }

  @Test
  void alongRowsAreStayThenOutEdges() {
    Neighbourhood nb = Neighbourhood.of(graph(), true, false);
    assertRows(
        nb,
        new int[] {0, 3, 5, 7, 9},
        new int[] {0, 1, 2, 1, 3, 2, 1, 3, 0},
        new int[] {-1, 1, 3, -1, 4, -1, 2, -1, 0},
        new byte[] {0, 1, 1, 0, 1, 0, 1, 0, 1});
    assertEquals(3, nb.maxSize());
  }

  @Test
  void againstRowsAreStayThenInEdgesWalkedBackwards() {
    Neighbourhood nb = Neighbourhood.of(graph(), false, true);
    assertRows(
        nb,
        new int[] {0, 2, 5, 7, 9},
        new int[] {0, 3, 1, 0, 2, 2, 0, 3, 1},
        new int[] {-1, 0, -1, 1, 2, -1, 3, -1, 4},
        new byte[] {0, -1, 0, -1, -1, 0, -1, 0, -1});
    assertEquals(3, nb.maxSize());
  }

  @Test
  void bothWaysRowsAreStayThenOutEdgesThenInEdges() {
    Neighbourhood nb = Neighbourhood.of(graph(), true, true);
    assertRows(
        nb,
        new int[] {0, 4, 8, 11, 14},
        new int[] {0, 1, 2, 3, 1, 3, 0, 2, 2, 1, 0, 3, 0, 1},
        new int[] {-1, 1, 3, 0, -1, 4, 1, 2, -1, 2, 3, -1, 0, 4},
        new byte[] {0, 1, 1, -1, 0, 1, -1, -1, 0, 1, -1, 0, 1, -1});
    assertEquals(4, nb.maxSize());
  }

  @Test
  void withNeitherDirectionEveryNodeCanOnlyStay() {
    Neighbourhood nb = Neighbourhood.of(graph(), false, false);
    assertRows(
        nb,
        new int[] {0, 1, 2, 3, 4},
        new int[] {0, 1, 2, 3},
        new int[] {-1, -1, -1, -1},
        new byte[] {0, 0, 0, 0});
    assertEquals(1, nb.maxSize());
  }

  @Test
  void everyEntryOfARandomGraphUsesAnEdgeThatJoinsItsNodeToItsDestination() {
    Graph g = GraphBuilders.erdosRenyi(60, 0.1, 3).build();
    Neighbourhood nb = Neighbourhood.of(g, true, true);
    int max = 0;
    for (int i = 0; i < g.nodeCount(); i++) {
      int from = nb.start()[i];
      int to = nb.start()[i + 1];
      assertEquals(1 + g.outDegree(i) + g.inDegree(i), to - from, "row size of " + i);
      max = Math.max(max, to - from);
      assertEquals(i, nb.destination()[from]);
      assertEquals(-1, nb.edge()[from]);
      assertEquals(0, nb.direction()[from]);
      for (int k = from + 1; k < to; k++) {
        int e = nb.edge()[k];
        int j = nb.destination()[k];
        if (nb.direction()[k] == 1) {
          assertEquals(i, g.source(e));
          assertEquals(j, g.target(e));
        } else {
          assertEquals(-1, nb.direction()[k]);
          assertEquals(i, g.target(e));
          assertEquals(j, g.source(e));
        }
      }
    }
    assertEquals(max, nb.maxSize());
  }
}
