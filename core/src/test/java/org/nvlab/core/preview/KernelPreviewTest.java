package org.nvlab.core.preview;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.nvlab.core.EngineAccess;
import org.nvlab.core.Simulation;
import org.nvlab.core.TestProjects;
import org.nvlab.core.project.ProjectReader;
import org.nvlab.core.project.ProjectSpec;

/**
 * The kernel preview is the engine's kernel: its rows are the engine's rows, and its stationary
 * distribution is the chain's (checked against the closed form of a two-node chain).
 */
class KernelPreviewTest {

  private static ProjectSpec spec(String json) throws Exception {
    return ProjectReader.parse(json, "test.json");
  }

  private static String twoNodes(String kernel) {
    return """
        {"name": "two", "seed": 1,
         "host": {"kind": "rate", "rate": {"mode": "recurrent"},
                  "graph": {"builder": "edge-list", "nodes": 2, "edges": [[0, 1, 2.0], [1, 0, 0.0]]}},
         "vesicleTypes": [{"name": "v", "kernel": %s}]}
        """
        .formatted(kernel);
  }

  @Test
  void theStationaryDistributionOfATwoNodeChainIsItsClosedForm() throws Exception {
    // Moving scores the edge weight: p(0 -> 1) = e^2 / (1 + e^2), p(1 -> 0) = 1 / 2.
    KernelPreview k = KernelPreview.of(spec(twoNodes("{\"theta\": {\"weight\": 1}}")), 0, null);
    assertTrue(k.nodeLevel());
    double a = Math.exp(2) / (1 + Math.exp(2));
    double b = 0.5;
    assertArrayEquals(new int[] {0, 1}, k.destinations(0));
    assertArrayEquals(new double[] {1 - a, a}, k.probabilities(0), 1e-6);
    assertArrayEquals(new double[] {1 - a, a}, k.transitionsFrom(0), 1e-6);
    double[] pi = k.stationary();
    assertEquals(b / (a + b), pi[0], 1e-6);
    assertEquals(a / (a + b), pi[1], 1e-6);
    assertTrue(k.converged());
    assertTrue(k.iterations() < 1000, "iterations: " + k.iterations());
  }

  @Test
  void aUniformWalkOnARingWithBothDirectionsIsUniformInTheLongRun() throws Exception {
    String json =
        """
        {"name": "ring", "seed": 1,
         "host": {"kind": "rate", "rate": {"mode": "recurrent"},
                  "graph": {"builder": "edge-list", "nodes": 5,
                            "edges": [[0, 1], [1, 2], [2, 3], [3, 4], [4, 0]]}},
         "vesicleTypes": [{"name": "v",
            "kernel": {"temperature": "Infinity", "neighbourhood": "both"}}]}
        """;
    KernelPreview k = KernelPreview.of(spec(json), 0, null);
    double[] row = k.transitionsFrom(2);
    assertArrayEquals(new double[] {0, 1 / 3.0, 1 / 3.0, 1 / 3.0, 0}, row, 1e-12);
    for (double p : k.stationary()) {
      assertEquals(0.2, p, 1e-9);
    }
  }

  @Test
  void itsRowsAreTheRowsTheEngineSamplesFrom() throws Exception {
    String json =
        TestProjects.project(
            TestProjects.randomHost(40, 3),
            """
            {"name": "v", "emission": {"mode": "none"},
             "kernel": {"temperature": 0.7, "neighbourhood": "both",
                        "theta": {"bias": 0.4, "weight": 1.5, "direction": -0.3},
                        "edgeBias": {"std": 0.5}}}
            """);
    KernelPreview k = KernelPreview.of(spec(json), 0, null);
    try (Simulation sim = TestProjects.simulation(json, 1, 1)) {
      sim.step(); // builds the engine's tables
      for (int i = 0; i < 40; i++) {
        assertArrayEquals(EngineAccess.engine(sim).kernelDestinations(0, i), k.destinations(i));
        assertArrayEquals(
            EngineAccess.engine(sim).kernelRow(0, i), k.probabilities(i), 1e-12, "node " + i);
      }
    }
    double sum = 0;
    for (double p : k.stationary()) {
      sum += p;
    }
    assertEquals(1.0, sum, 1e-9);
  }

  @Test
  void aKernelOverActivationsIsShownAtTheActivationsGiven() throws Exception {
    String kernel = "{\"score\": \"(1 - stay) * 3 * a_j\"}";
    float[] activation = {0f, 1f};
    KernelPreview k = KernelPreview.of(spec(twoNodes(kernel)), 0, activation);
    double a = Math.exp(3) / (1 + Math.exp(3));
    assertArrayEquals(new double[] {1 - a, a}, k.probabilities(0), 1e-6);
    assertArrayEquals(new double[] {0.5, 0.5}, k.probabilities(1), 1e-6);
    KernelPreview atStart = KernelPreview.of(spec(twoNodes(kernel)), 0, null);
    assertArrayEquals(new double[] {0.5, 0.5}, atStart.probabilities(0), 1e-6);
  }

  @Test
  void aKernelThatDependsOnTheVesicleHasNoMatrixAndSaysWhy() throws Exception {
    KernelPreview content =
        KernelPreview.of(spec(twoNodes("{\"content\": {\"scale\": 1}}")), 0, null);
    assertFalse(content.nodeLevel());
    assertTrue(content.note().contains("depends on the vesicle's payload"), content.note());
    assertNull(content.probabilities(0));
    assertNull(content.stationary());
    KernelPreview score = KernelPreview.of(spec(twoNodes("{\"score\": \"c[0] * a_j\"}")), 0, null);
    assertFalse(score.nodeLevel());
    assertTrue(score.note().contains("payload or state"), score.note());
  }
}
