package org.nvlab.core.process;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.nvlab.core.EngineAccess;
import org.nvlab.core.Simulation;
import org.nvlab.core.TestProjects;

/** Docking rates match p_dock = sigmoid(logit): binomial z-scores over large cohorts. */
class DockingTest {
  private static final int N = 100_000;

  private static long dockingsOnFirstUpdate(String host, String docking, int d, String payload) {
    String json =
        TestProjects.project(
            host,
            """
            {"name": "v", "payloadDim": %d,
             "emission": {"mode": "replace", "target": %d, "emitters": [0], "payload": %s},
             "lifetime": {"law": "fixed", "mean": 1000},
             "kernel": {"temperature": 1},
             "docking": %s,
             "release": [{"kind": "learning", "l": [%s]}]}
            """
                .formatted(d, N, payload, docking, "0,".repeat(d - 1) + "0"));
    try (Simulation sim = TestProjects.simulation(json, 99, 2)) {
      sim.step();
      sim.step();
      return (long) EngineAccess.metrics(sim).last("dockings.v");
    }
  }

  private static void assertBinomial(long k, double p) {
    double mean = N * p;
    double sd = Math.sqrt(N * p * (1 - p));
    double z = (k - mean) / Math.max(sd, 1e-9);
    assertTrue(Math.abs(z) < 4.5, "dockings " + k + " vs expected " + mean + " (z = " + z + ")");
  }

  @Test
  void constantLogitDocksWithProbabilitySigmoidOfTheBias() {
    for (double bias : new double[] {-3.9, -1.0, 0.0, 2.0}) {
      long k =
          dockingsOnFirstUpdate(TestProjects.isolatedHost(3), "{\"bias\": " + bias + "}", 1, "{}");
      assertBinomial(k, Docking.sigmoid(bias));
    }
  }

  @Test
  void certainAndImpossibleDockingAreExact() {
    assertEquals(
        N, dockingsOnFirstUpdate(TestProjects.isolatedHost(2), "{\"bias\": 1000}", 1, "{}"));
    assertEquals(
        0, dockingsOnFirstUpdate(TestProjects.isolatedHost(2), "{\"bias\": -1000}", 1, "{}"));
  }

  @Test
  void nodeActivationEntersTheLogit() {
    // Node 0 is an input clamped to 0.75; eta_activation = 2 gives logit -2 + 1.5.
    String host =
        """
        {"kind": "rate", "graph": {"builder": "edge-list", "nodes": 2, "edges": []},
         "rate": {"mode": "recurrent"},
         "inputs": [{"nodes": [0], "signal": {"shape": "constant", "value": 0.75}}]}
        """;
    long k = dockingsOnFirstUpdate(host, "{\"bias\": -2, \"activation\": 2}", 1, "{}");
    assertBinomial(k, Docking.sigmoid(-2 + 2 * 0.75));
  }

  @Test
  void receptorAffinityEntersTheLogit() {
    // Receptors of ones: c . r = 0.5 + 0.25 - 1.0 = -0.25; zeta = 4.
    long k =
        dockingsOnFirstUpdate(
            TestProjects.isolatedHost(2),
            "{\"bias\": 0.5, \"content\": 4, \"receptors\": \"ones\"}",
            3,
            "{\"offset\": [0.5, 0.25, -1.0]}");
    assertBinomial(k, Docking.sigmoid(0.5 + 4 * -0.25));
  }

  @Test
  void vesiclesDockOnlyAtTheSites() {
    // All N sit at node 0, which is not a site: none docks, however certain docking is there.
    assertEquals(
        0,
        dockingsOnFirstUpdate(
            TestProjects.isolatedHost(3), "{\"bias\": 1000, \"sites\": [1, 2]}", 1, "{}"));
    assertEquals(
        N,
        dockingsOnFirstUpdate(
            TestProjects.isolatedHost(3), "{\"bias\": 1000, \"sites\": [0]}", 1, "{}"));
  }

  @Test
  void theIntegerLimitRealisesTheProbability() {
    assertEquals(-1, Docking.limit(0));
    assertEquals(Integer.MAX_VALUE, Docking.limit(1));
    // p = 1/2: draws whose top 31 bits are below 2^30 dock, exactly half of them.
    assertEquals((1 << 30) - 1, Docking.limit(0.5));
    assertTrue(Docking.docks(0L, Docking.limit(0.5)));
    assertTrue(!Docking.docks(-1L, Docking.limit(0.5)));
  }
}
