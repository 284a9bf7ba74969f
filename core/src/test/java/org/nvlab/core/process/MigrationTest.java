package org.nvlab.core.process;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.Map;
import org.apache.commons.math3.stat.inference.ChiSquareTest;
import org.junit.jupiter.api.Test;
import org.nvlab.core.EngineAccess;
import org.nvlab.core.Simulation;
import org.nvlab.core.TestProjects;
import org.nvlab.core.vesicle.Pool;

/**
 * Migration frequencies match the kernel K within a chi-square test: a cohort of N vesicles born at
 * node 0 takes its hops, and the counts per destination are compared with N K(0, .).
 */
class MigrationTest {
  private static final int N = 200_000;

  /** One type: all N born at node 0 on the first tick, never docking, living long. */
  private static String cohort(String kernel, String host, int d, String payload) {
    return TestProjects.project(
        host,
        """
        {"name": "walker", "payloadDim": %d,
         "emission": {"mode": "replace", "target": %d, "emitters": [0], "payload": %s},
         "lifetime": {"law": "fixed", "mean": 1000},
         "kernel": %s,
         "docking": {"bias": -1000}}
        """
            .formatted(d, N, payload, kernel));
  }

  /** Destination counts after {@code ticks} ticks. */
  private static Map<Integer, Long> positions(Simulation sim) {
    Map<Integer, Long> counts = new HashMap<>();
    Pool p = EngineAccess.engine(sim).population().pool(0);
    for (int s = 0; s < p.size(); s++) {
      counts.merge(p.node()[s], 1L, Long::sum);
    }
    return counts;
  }

  private static void assertMatches(double[] probs, int[] dest, Map<Integer, Long> counts) {
    Map<Integer, Double> expected = new HashMap<>();
    for (int k = 0; k < probs.length; k++) {
      expected.merge(dest[k], probs[k] * N, Double::sum);
    }
    long total = counts.values().stream().mapToLong(Long::longValue).sum();
    assertEquals(N, total);
    for (Integer j : counts.keySet()) {
      assertTrue(expected.containsKey(j), "a vesicle reached node " + j + ", not a neighbour");
    }
    double[] e = new double[expected.size()];
    long[] o = new long[expected.size()];
    int q = 0;
    for (Map.Entry<Integer, Double> en : expected.entrySet()) {
      e[q] = en.getValue();
      o[q] = counts.getOrDefault(en.getKey(), 0L);
      q++;
    }
    double p = new ChiSquareTest().chiSquareTest(e, o);
    assertTrue(p > 1e-4, "migration counts do not match K, chi-square p = " + p);
  }

  private static void checkOneHop(String kernel, String host) {
    try (Simulation sim = TestProjects.simulation(cohort(kernel, host, 1, "{}"), 17, 2)) {
      sim.step(); // born at node 0
      sim.step(); // one hop
      double[] k = EngineAccess.engine(sim).kernelRow(0, 0);
      int[] dest = EngineAccess.engine(sim).kernelDestinations(0, 0);
      assertMatches(k, dest, positions(sim));
    }
  }

  @Test
  void staticKernelWithRandomLogitsMatchesK() {
    checkOneHop(
        "{\"temperature\": 1, \"edgeBias\": {\"std\": 1.5}}", TestProjects.randomHost(50, 12));
  }

  @Test
  void weightAndDirectionFeaturesOverBothEdgeDirectionsMatchK() {
    checkOneHop(
        "{\"temperature\": 0.7, \"neighbourhood\": \"both\","
            + " \"theta\": {\"weight\": 2, \"direction\": 0.5, \"bias\": -0.3}}",
        TestProjects.randomHost(40, 6));
  }

  @Test
  void dynamicKernelOverActivationsMatchesK() {
    String host =
        """
        {"kind": "rate", "graph": {"builder": "fixed-out-degree", "nodes": 30, "degree": 8},
         "weights": {"law": "normal", "std": 1.0}, "rate": {"mode": "recurrent"},
         "inputs": [{"nodes": "all", "signal": {"shape": "noise", "amplitude": 1}}]}
        """;
    checkOneHop("{\"temperature\": 0.5, \"theta\": {\"activation\": 3}}", host);
  }

  @Test
  void infiniteTemperatureIsAUniformWalkAndZeroIsArgmax() {
    String host = TestProjects.randomHost(20, 5);
    try (Simulation sim =
        TestProjects.simulation(
            cohort("{\"temperature\": \"Infinity\", \"edgeBias\": {\"std\": 3}}", host, 1, "{}"),
            5,
            1)) {
      sim.step();
      sim.step();
      double[] k = EngineAccess.engine(sim).kernelRow(0, 0);
      for (double v : k) {
        assertEquals(1.0 / k.length, v, 1e-12);
      }
      assertMatches(k, EngineAccess.engine(sim).kernelDestinations(0, 0), positions(sim));
    }
    try (Simulation sim =
        TestProjects.simulation(
            cohort("{\"temperature\": 0, \"edgeBias\": {\"std\": 3}}", host, 1, "{}"), 5, 1)) {
      sim.step();
      sim.step();
      Map<Integer, Long> counts = positions(sim);
      assertEquals(1, counts.size(), "T = 0 must route every vesicle to the best move");
      double[] k = EngineAccess.engine(sim).kernelRow(0, 0);
      int best = 0;
      for (int q = 1; q < k.length; q++) {
        if (k[q] > k[best]) {
          best = q;
        }
      }
      assertEquals(N, counts.get(EngineAccess.engine(sim).kernelDestinations(0, 0)[best]));
    }
  }

  @Test
  void twoHopsPerTickFollowKSquared() {
    String host = TestProjects.randomHost(15, 4);
    try (Simulation sim =
        TestProjects.simulation(
            cohort("{\"temperature\": 1, \"hops\": 2, \"edgeBias\": {\"std\": 1}}", host, 1, "{}"),
            23,
            2)) {
      sim.step();
      sim.step();
      double[] k0 = EngineAccess.engine(sim).kernelRow(0, 0);
      int[] d0 = EngineAccess.engine(sim).kernelDestinations(0, 0);
      Map<Integer, Double> two = new HashMap<>();
      for (int a = 0; a < k0.length; a++) {
        double[] k1 = EngineAccess.engine(sim).kernelRow(0, d0[a]);
        int[] d1 = EngineAccess.engine(sim).kernelDestinations(0, d0[a]);
        for (int b = 0; b < k1.length; b++) {
          two.merge(d1[b], k0[a] * k1[b], Double::sum);
        }
      }
      double[] probs = new double[two.size()];
      int[] dest = new int[two.size()];
      int q = 0;
      for (Map.Entry<Integer, Double> e : two.entrySet()) {
        dest[q] = e.getKey();
        probs[q++] = e.getValue();
      }
      assertMatches(probs, dest, positions(sim));
    }
  }

  @Test
  void contentKernelAddsPayloadDotKeyOverRootD() {
    String host = TestProjects.randomHost(25, 6);
    String payload = "{\"offset\": [0.8, -0.4, 0.3, 1.1]}";
    String kernel = "{\"temperature\": 0.8, \"content\": {\"scale\": 1.5, \"keyStd\": 1.0}}";
    try (Simulation sim = TestProjects.simulation(cohort(kernel, host, 4, payload), 31, 2)) {
      sim.step();
      sim.step();
      float[] keys = sim.model().type(0).kernel().keys();
      int[] dest = EngineAccess.engine(sim).kernelDestinations(0, 0);
      double[] c = {0.8f, -0.4f, 0.3f, 1.1f};
      double[] z = new double[dest.length];
      double max = Double.NEGATIVE_INFINITY;
      for (int q = 0; q < dest.length; q++) {
        double dot = 0;
        for (int k = 0; k < 4; k++) {
          dot += c[k] * keys[dest[q] * 4 + k];
        }
        z[q] = 1.5 * dot / Math.sqrt(4) / 0.8;
        max = Math.max(max, z[q]);
      }
      double sum = 0;
      double[] probs = new double[dest.length];
      for (int q = 0; q < dest.length; q++) {
        probs[q] = Math.exp(z[q] - max);
        sum += probs[q];
      }
      for (int q = 0; q < dest.length; q++) {
        probs[q] /= sum;
      }
      assertMatches(probs, dest, positions(sim));
    }
  }

  @Test
  void aliasHopIsExactForEveryColumnOfARow() {
    // Drive Migration.hop with an exhaustive grid of 32-bit draws: the frequencies equal K to
    // within 2^-31 per column plus the grid's resolution.
    float[] logits = {0.2f, -1.3f, 2.0f, 0.0f, 0.7f};
    org.nvlab.core.graph.Graph g =
        new org.nvlab.core.graph.EdgeListBuilder(5)
            .add(0, 1, 1f)
            .add(0, 2, 1f)
            .add(0, 3, 1f)
            .add(0, 4, 1f)
            .build();
    org.nvlab.core.graph.Neighbourhood nb = org.nvlab.core.graph.Neighbourhood.of(g, true, false);
    float[] all = new float[nb.entryCount()];
    System.arraycopy(logits, 0, all, 0, 5);
    int[] table = new int[nb.entryCount() * Migration.ENTRY];
    Migration.buildAlias(
        nb, all, false, table, 0, 5, new double[5], new int[5], new int[5], new int[5]);
    double[] k = new double[5];
    Migration.probabilities(nb, all, false, 0, k);
    long[] counts = new long[5];
    int grid = 1 << 22;
    for (int u = 0; u < grid; u++) {
      long u32 = ((long) u << 10) | 0x155L;
      counts[Migration.hop(table, 0, 5, u32)]++;
    }
    for (int j = 0; j < 5; j++) {
      assertEquals(k[j], counts[j] / (double) grid, 5.0 / grid * 5, "column " + j);
    }
    // The compact format: exact to 2^-24 per column, plus the grid's resolution.
    int[] compact = new int[nb.entryCount() * Migration.COMPACT_ENTRY];
    Migration.buildCompact(
        nb, all, false, compact, 0, 5, new double[5], new int[5], new int[5], new int[5]);
    long[] compactCounts = new long[5];
    for (int u = 0; u < grid; u++) {
      long u32 = ((long) u << 10) | 0x155L;
      compactCounts[Migration.hopCompact(compact, 0, 5, u32)]++;
    }
    for (int j = 0; j < 5; j++) {
      assertEquals(
          k[j],
          compactCounts[j] / (double) grid,
          5.0 / grid * 5 + 5 * 0x1.0p-24,
          "compact column " + j);
    }
  }
}
