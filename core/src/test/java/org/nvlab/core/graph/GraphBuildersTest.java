package org.nvlab.core.graph;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import org.apache.commons.math3.stat.inference.ChiSquareTest;
import org.junit.jupiter.api.Test;

/**
 * The standard graphs: exact structure for the deterministic builders, binomial and chi-square
 * checks with fixed seeds for the random ones, and reproducibility by seed.
 */
class GraphBuildersTest {

  private static void assertBinomial(long count, long trials, double p, String what) {
    double mean = trials * p;
    double sd = Math.sqrt(trials * p * (1 - p));
    double z = (count - mean) / sd;
    assertTrue(
        Math.abs(z) < 4.5, what + ": " + count + " vs expected " + mean + " (z = " + z + ")");
  }

  /** A chi-square goodness-of-fit test of equal frequencies, failing below p = 1e-4. */
  private static void assertUniform(long[] counts, String what) {
    double[] expected = new double[counts.length];
    long total = 0;
    for (long c : counts) {
      total += c;
    }
    Arrays.fill(expected, total / (double) counts.length);
    double p = new ChiSquareTest().chiSquareTest(expected, counts);
    assertTrue(p > 1e-4, what + " is not uniform (chi-square p = " + p + ")");
  }

  // ---------------------------------------------------------------- layered

  @Test
  void fullyConnectedLayersLinkEveryNodeToEveryNodeOfTheNextLayerOnly() {
    Graph g = GraphBuilders.layered(new int[] {3, 4, 2}, 1.0, 1).build();
    assertEquals(9, g.nodeCount());
    assertEquals(3 * 4 + 4 * 2, g.edgeCount());
    assertArrayEquals(new int[] {0, 0, 0, 1, 1, 1, 1, 2, 2}, g.layer());
    assertEquals(3, g.layerCount());
    GraphChecks.assertConsistent(g);
    boolean[][] a = GraphChecks.adjacency(g);
    int[] layer = g.layer();
    for (int i = 0; i < 9; i++) {
      for (int j = 0; j < 9; j++) {
        assertEquals(layer[j] == layer[i] + 1, a[i][j], "edge " + i + " -> " + j);
      }
    }
    assertNotNull(g.topologicalOrder());
  }

  @Test
  void layeredPositionsPutLayersInColumnsAndSpreadNodesOverTheUnitHeight() {
    Graph g = GraphBuilders.layered(new int[] {3, 1}, 1.0, 1).build();
    assertArrayEquals(new float[] {0, 0, 0, 0.5f, 0, 1, 1, 0.5f}, g.position());
  }

  @Test
  void partialDensityKeepsAboutThatFractionOfThePairs() {
    int[] sizes = {40, 50, 30};
    double p = 0.3;
    Graph g = GraphBuilders.layered(sizes, p, 2024).build();
    GraphChecks.assertConsistent(g);
    long pairs = 40 * 50 + 50 * 30;
    assertBinomial(g.edgeCount(), pairs, p, "layered edges");
    int[] layer = g.layer();
    long firstGap = 0;
    for (int e = 0; e < g.edgeCount(); e++) {
      assertEquals(layer[g.source(e)] + 1, layer[g.target(e)], "edge " + e + " skips a layer");
      if (layer[g.source(e)] == 0) {
        firstGap++;
      }
    }
    assertBinomial(firstGap, 40 * 50, p, "edges between layers 0 and 1");
  }

  @Test
  void densityZeroGivesLayersWithoutEdges() {
    Graph g = GraphBuilders.layered(new int[] {5, 5}, 0.0, 3).build();
    assertEquals(0, g.edgeCount());
    assertEquals(2, g.layerCount());
  }

  @Test
  void layeredRejectsEmptyShapes() {
    assertThrows(IllegalArgumentException.class, () -> GraphBuilders.layered(new int[0], 1, 1));
    assertEquals(
        "every layer needs at least one node, got 0",
        assertThrows(
                IllegalArgumentException.class, () -> GraphBuilders.layered(new int[] {3, 0}, 1, 1))
            .getMessage());
  }

  // ---------------------------------------------------------------- grid

  /** Reference: j is a neighbour of i iff its (wrapped) offset is one step, diagonal or not. */
  private static boolean[][] gridReference(int w, int h, boolean torus, boolean diagonal) {
    int n = w * h;
    boolean[][] a = new boolean[n][n];
    for (int i = 0; i < n; i++) {
      for (int j = 0; j < n; j++) {
        if (i == j) {
          continue;
        }
        int dx = Math.abs(i % w - j % w);
        int dy = Math.abs(i / w - j / w);
        if (torus) {
          dx = Math.min(dx, w - dx);
          dy = Math.min(dy, h - dy);
        }
        a[i][j] = dx <= 1 && dy <= 1 && (diagonal || dx + dy == 1);
      }
    }
    return a;
  }

  private static Graph grid(int w, int h, boolean torus, boolean diagonal) {
    Graph g = GraphBuilders.grid(w, h, torus, diagonal).build(); // build rejects duplicates
    GraphChecks.assertConsistent(g);
    assertFalse(GraphChecks.hasSelfLoop(g), "grid has a self-loop");
    boolean[][] expected = gridReference(w, h, torus, diagonal);
    boolean[][] actual = GraphChecks.adjacency(g);
    for (int i = 0; i < w * h; i++) {
      assertArrayEquals(expected[i], actual[i], "neighbours of node " + i + " in " + w + "x" + h);
    }
    return g;
  }

  private static int[] outDegrees(Graph g) {
    int[] d = new int[g.nodeCount()];
    for (int i = 0; i < d.length; i++) {
      d[i] = g.outDegree(i);
      assertEquals(d[i], g.inDegree(i), "grid links are two-way, node " + i);
    }
    return d;
  }

  @Test
  void fourNeighbourGridHasDegreesTwoThreeFourAtCornersBordersAndInside() {
    Graph g = grid(5, 4, false, false);
    assertEquals(2 * (4 * 4 + 5 * 3), g.edgeCount());
    int[] d = outDegrees(g);
    assertArrayEquals(
        new int[] {
          2, 3, 3, 3, 2, //
          3, 4, 4, 4, 3, //
          3, 4, 4, 4, 3, //
          2, 3, 3, 3, 2
        },
        d);
    assertTrue(g.edge(6, 7) >= 0 && g.edge(7, 6) >= 0, "row neighbours link both ways");
    assertEquals(-1, g.edge(4, 5), "no wrap from the end of one row to the next");
  }

  @Test
  void eightNeighbourGridHasDegreesThreeFiveEight() {
    Graph g = grid(5, 4, false, true);
    assertEquals(2 * (4 * 4 + 5 * 3) + 4 * 4 * 3, g.edgeCount());
    assertArrayEquals(
        new int[] {
          3, 5, 5, 5, 3, //
          5, 8, 8, 8, 5, //
          5, 8, 8, 8, 5, //
          3, 5, 5, 5, 3
        },
        outDegrees(g));
  }

  @Test
  void torusGivesEveryNodeTheFullDegree() {
    Graph g4 = grid(5, 4, true, false);
    assertEquals(4 * 20, g4.edgeCount());
    for (int d : outDegrees(g4)) {
      assertEquals(4, d);
    }
    assertTrue(g4.edge(4, 0) >= 0 && g4.edge(0, 15) >= 0, "borders wrap");
    Graph g8 = grid(5, 4, true, true);
    assertEquals(8 * 20, g8.edgeCount());
    for (int d : outDegrees(g8)) {
      assertEquals(8, d);
    }
    assertTrue(g8.edge(0, 19) >= 0, "corners wrap diagonally");
  }

  @Test
  void tinyToriCollapseWrappedNeighboursIntoOneEdge() {
    // {width, height, diagonal (0/1), expected degree of every node}
    int[][] cases = {
      {1, 1, 0, 0},
      {1, 1, 1, 0},
      {1, 2, 0, 1},
      {2, 1, 1, 1},
      {1, 3, 0, 2},
      {1, 5, 1, 2},
      {2, 2, 0, 2},
      {2, 2, 1, 3},
      {2, 3, 1, 5},
      {3, 3, 1, 8},
      {2, 5, 0, 3}
    };
    for (int[] c : cases) {
      Graph g = grid(c[0], c[1], true, c[2] == 1);
      for (int i = 0; i < g.nodeCount(); i++) {
        assertEquals(
            c[3],
            g.outDegree(i),
            "degree in a " + c[0] + "x" + c[1] + (c[2] == 1 ? " 8" : " 4") + "-neighbour torus");
      }
    }
  }

  @Test
  void gridPositionsAreTheCellCoordinates() {
    Graph g = GraphBuilders.grid(3, 2, false, false).build();
    assertArrayEquals(new float[] {0, 0, 1, 0, 2, 0, 0, 1, 1, 1, 2, 1}, g.position());
  }

  // ---------------------------------------------------------------- Erdos-Renyi

  @Test
  void erdosRenyiEdgeCountIsBinomialAndThereAreNoSelfLoops() {
    for (double p : new double[] {0.003, 0.02, 0.3, 0.7, 0.99}) {
      int n = 300;
      Graph g = GraphBuilders.erdosRenyi(n, p, 11).build();
      assertFalse(GraphChecks.hasSelfLoop(g), "self-loop at p = " + p);
      assertBinomial(g.edgeCount(), (long) n * (n - 1), p, "Erdos-Renyi edges at p = " + p);
    }
    GraphChecks.assertConsistent(GraphBuilders.erdosRenyi(300, 0.02, 11).build());
  }

  @Test
  void erdosRenyiSpreadsEdgesEvenlyOverSourcesAndTargets() {
    int n = 400;
    Graph g = GraphBuilders.erdosRenyi(n, 0.05, 8).build();
    long[] out = new long[n];
    long[] in = new long[n];
    for (int i = 0; i < n; i++) {
      out[i] = g.outDegree(i);
      in[i] = g.inDegree(i);
    }
    assertUniform(out, "out-degree over sources");
    assertUniform(in, "in-degree over targets");
  }

  @Test
  void everyOrderedPairIsEquallyLikelyAcrossSeeds() {
    // Geometric skipping must not favour any position: e.g. an off-by-one would starve pair 0 -> 1
    // or the last pair.
    int n = 8;
    double p = 0.25;
    int seeds = 3000;
    long[] hits = new long[n * (n - 1)];
    long total = 0;
    for (int s = 0; s < seeds; s++) {
      Graph g = GraphBuilders.erdosRenyi(n, p, s).build();
      total += g.edgeCount();
      for (int e = 0; e < g.edgeCount(); e++) {
        int i = g.source(e);
        int j = g.target(e);
        hits[i * (n - 1) + (j < i ? j : j - 1)]++;
      }
    }
    assertBinomial(total, (long) seeds * n * (n - 1), p, "edges over all seeds");
    assertUniform(hits, "pair frequency");
    for (int k = 0; k < hits.length; k++) {
      assertBinomial(hits[k], seeds, p, "pair " + k);
    }
  }

  @Test
  void probabilityZeroAndOneAreExact() {
    assertEquals(0, GraphBuilders.erdosRenyi(50, 0.0, 1).build().edgeCount());
    Graph full = GraphBuilders.erdosRenyi(30, 1.0, 1).build();
    assertEquals(30 * 29, full.edgeCount());
    boolean[][] a = GraphChecks.adjacency(full);
    for (int i = 0; i < 30; i++) {
      for (int j = 0; j < 30; j++) {
        assertEquals(i != j, a[i][j], "pair " + i + " -> " + j);
      }
    }
    assertEquals(0, GraphBuilders.erdosRenyi(1, 1.0, 1).build().edgeCount());
  }

  @Test
  void erdosRenyiRejectsProbabilitiesOutsideTheUnitInterval() {
    for (double p : new double[] {-0.1, 1.5, Double.NaN}) {
      IllegalArgumentException ex =
          assertThrows(IllegalArgumentException.class, () -> GraphBuilders.erdosRenyi(5, p, 1));
      assertTrue(ex.getMessage().startsWith("edge probability must be in [0, 1]"));
    }
  }

  // ---------------------------------------------------------------- fixed out-degree

  @Test
  void fixedOutDegreeGivesExactlyThatManyDistinctTargetsAndNoSelfLoops() {
    Graph g = GraphBuilders.fixedOutDegree(300, 7, 4).build(); // build rejects repeated targets
    GraphChecks.assertConsistent(g);
    assertEquals(300 * 7, g.edgeCount());
    for (int i = 0; i < 300; i++) {
      assertEquals(7, g.outDegree(i), "out-degree of " + i);
    }
    assertFalse(GraphChecks.hasSelfLoop(g));
  }

  @Test
  void fixedOutDegreeTargetsAreUniformAmongTheOtherNodes() {
    int n = 10;
    int degree = 3;
    int seeds = 3000;
    long[][] picks = new long[n][n];
    long[] inTotal = new long[n];
    for (int s = 0; s < seeds; s++) {
      Graph g = GraphBuilders.fixedOutDegree(n, degree, s).build();
      for (int e = 0; e < g.edgeCount(); e++) {
        picks[g.source(e)][g.target(e)]++;
        inTotal[g.target(e)]++;
      }
    }
    assertUniform(inTotal, "in-degree summed over seeds");
    for (int i = 0; i < n; i++) {
      long[] others = new long[n - 1];
      for (int j = 0, k = 0; j < n; j++) {
        if (j != i) {
          others[k++] = picks[i][j];
        }
      }
      assertEquals(0, picks[i][i]);
      assertUniform(others, "targets of node " + i);
    }
  }

  @Test
  void degreeNMinusOneIsTheCompleteGraphAndZeroIsEmpty() {
    Graph g = GraphBuilders.fixedOutDegree(12, 11, 9).build();
    assertEquals(12 * 11, g.edgeCount());
    boolean[][] a = GraphChecks.adjacency(g);
    for (int i = 0; i < 12; i++) {
      for (int j = 0; j < 12; j++) {
        assertEquals(i != j, a[i][j]);
      }
    }
    assertEquals(0, GraphBuilders.fixedOutDegree(12, 0, 9).build().edgeCount());
    assertEquals(0, GraphBuilders.fixedOutDegree(1, 0, 9).build().edgeCount());
  }

  @Test
  void fixedOutDegreeRejectsImpossibleDegrees() {
    assertEquals(
        "out-degree must be in 0..4 for 5 nodes, got 5",
        assertThrows(IllegalArgumentException.class, () -> GraphBuilders.fixedOutDegree(5, 5, 1))
            .getMessage());
    assertThrows(IllegalArgumentException.class, () -> GraphBuilders.fixedOutDegree(5, -1, 1));
  }

  // ---------------------------------------------------------------- seeds

  @Test
  void theSameSeedGivesTheSameGraphAndAnotherSeedADifferentOne() {
    assertTrue(
        GraphChecks.sameTopology(
            GraphBuilders.layered(new int[] {20, 20}, 0.5, 7).build(),
            GraphBuilders.layered(new int[] {20, 20}, 0.5, 7).build()));
    assertFalse(
        GraphChecks.sameTopology(
            GraphBuilders.layered(new int[] {20, 20}, 0.5, 7).build(),
            GraphBuilders.layered(new int[] {20, 20}, 0.5, 8).build()));
    assertTrue(
        GraphChecks.sameTopology(
            GraphBuilders.erdosRenyi(100, 0.05, 7).build(),
            GraphBuilders.erdosRenyi(100, 0.05, 7).build()));
    assertFalse(
        GraphChecks.sameTopology(
            GraphBuilders.erdosRenyi(100, 0.05, 7).build(),
            GraphBuilders.erdosRenyi(100, 0.05, 8).build()));
    assertTrue(
        GraphChecks.sameTopology(
            GraphBuilders.fixedOutDegree(100, 5, 7).build(),
            GraphBuilders.fixedOutDegree(100, 5, 7).build()));
    assertFalse(
        GraphChecks.sameTopology(
            GraphBuilders.fixedOutDegree(100, 5, 7).build(),
            GraphBuilders.fixedOutDegree(100, 5, 8).build()));
  }
}
