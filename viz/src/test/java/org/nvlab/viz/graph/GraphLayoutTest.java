package org.nvlab.viz.graph;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.nvlab.core.graph.Graph;
import org.nvlab.core.graph.GraphBuilders;

class GraphLayoutTest {

  @Test
  void aLayeredGraphIsDrawnByLayerAcrossTheWholeWidth() {
    Graph g = GraphBuilders.layered(new int[] {6, 12, 12, 4}, 1, 1).build();
    GraphLayout l = GraphLayout.fromHint(g);
    assertNotNull(l);
    assertFalse(l.keepAspect(), "layers across and rank down are different units");
    for (int i = 0; i < g.nodeCount(); i++) {
      assertEquals(g.layer()[i] / 3.0, l.x(i), 1e-6);
      assertInUnitSquare(l, i);
    }
  }

  @Test
  void aGridKeepsItsAspectAndFitsTheUnitSquare() {
    Graph g = GraphBuilders.grid(8, 4, false, false).build();
    GraphLayout l = GraphLayout.fromHint(g);
    assertNotNull(l);
    assertTrue(l.keepAspect());
    assertEquals(0, l.x(0), 1e-6);
    assertEquals(1, l.x(7), 1e-6);
    assertEquals(l.x(1) - l.x(0), l.y(8) - l.y(0), 1e-6, "one unit is one unit on both axes");
    for (int i = 0; i < g.nodeCount(); i++) {
      assertInUnitSquare(l, i);
    }
  }

  @Test
  void aGraphWithoutPositionsHasNoHintAndGetsACircle() {
    Graph g = GraphBuilders.erdosRenyi(50, 0.1, 3).build();
    assertNull(GraphLayout.fromHint(g));
    assertTrue(GraphLayout.wantsForceLayout(g));
    GraphLayout c = GraphLayout.circle(50);
    for (int i = 0; i < 50; i++) {
      assertInUnitSquare(c, i);
      assertEquals(0.5, Math.hypot(c.x(i) - 0.5, c.y(i) - 0.5), 1e-5);
    }
  }

  @Test
  void aGraphTooLargeForTheForceLayoutFillsADisc() {
    Graph g = GraphBuilders.fixedOutDegree(5000, 2, 1).build();
    assertFalse(GraphLayout.wantsForceLayout(g));
    GraphLayout d = GraphLayout.disc(5000);
    double nearest = Double.POSITIVE_INFINITY;
    for (int i = 0; i < 5000; i++) {
      assertInUnitSquare(d, i);
      assertTrue(Math.hypot(d.x(i) - 0.5, d.y(i) - 0.5) <= 0.52, "node " + i + " outside the disc");
      if (i > 0) {
        nearest = Math.min(nearest, dist(d, i, i - 1));
      }
    }
    // Spread over the area: consecutive nodes are never on top of each other.
    assertTrue(nearest > 0.2 / Math.sqrt(5000), "nodes too close: " + nearest);
  }

  @Test
  void theForceLayoutIsDeterministicAndPullsNeighboursTogether() {
    Graph g = GraphBuilders.fixedOutDegree(300, 3, 5).build();
    GraphLayout a = GraphLayout.forceDirected(g, GraphLayout.iterationsFor(300));
    GraphLayout b = GraphLayout.forceDirected(g, GraphLayout.iterationsFor(300));
    assertArrayEquals(a.xy(), b.xy());
    double edges = 0;
    int[] start = g.outStart();
    int[] target = g.outTarget();
    for (int i = 0; i < g.nodeCount(); i++) {
      assertInUnitSquare(a, i);
      for (int e = start[i]; e < start[i + 1]; e++) {
        edges += dist(a, i, target[e]);
      }
    }
    edges /= g.edgeCount();
    double pairs = 0;
    for (int i = 0; i < 300; i++) {
      pairs += dist(a, i, (i * 7 + 13) % 300);
    }
    pairs /= 300;
    assertTrue(edges < 0.7 * pairs, "edge length " + edges + " vs pair distance " + pairs);
  }

  @Test
  void theLargestForceLayoutFinishesInAFewSeconds() {
    Graph g = GraphBuilders.fixedOutDegree(GraphLayout.FORCE_LIMIT, 3, 5).build();
    long t0 = System.nanoTime();
    GraphLayout l = GraphLayout.forceDirected(g, GraphLayout.iterationsFor(g.nodeCount()));
    double seconds = (System.nanoTime() - t0) / 1e9;
    System.out.printf("force layout of %d nodes: %.2f s%n", g.nodeCount(), seconds);
    assertEquals(GraphLayout.FORCE_LIMIT, l.nodeCount());
    assertTrue(seconds < 10, "took " + seconds + " s");
  }

  private static double dist(GraphLayout l, int i, int j) {
    return Math.hypot(l.x(i) - l.x(j), l.y(i) - l.y(j));
  }

  private static void assertInUnitSquare(GraphLayout l, int i) {
    assertTrue(l.x(i) >= -1e-6 && l.x(i) <= 1 + 1e-6, "x of " + i + " = " + l.x(i));
    assertTrue(l.y(i) >= -1e-6 && l.y(i) <= 1 + 1e-6, "y of " + i + " = " + l.y(i));
  }
}
