package org.nvlab.core.release;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.nvlab.core.DeterminismProjects;
import org.nvlab.core.EngineAccess;
import org.nvlab.core.Simulation;
import org.nvlab.core.TestProjects;
import org.nvlab.core.record.MetricsRecorder;

/**
 * The series {@code releases.T} and {@code released_payload.T}: every release of a tick is counted
 * (a dwelling vesicle on each tick it dwells), with the L1 mass of its payload, whatever operators
 * the type has, and the totals do not depend on the thread count.
 */
class ReleasedPayloadTest {
  private static final int K = 24;

  /** Node 1 has no way out (T = 0 and a stay bias), so every vesicle born there docks there. */
  private static final String HOST =
      """
      {"kind": "rate", "graph": {"builder": "edge-list", "nodes": 4,
                                 "edges": [[0, 1, 0.5], [2, 1, -0.25], [1, 3, 2.0]]},
       "rate": {"mode": "recurrent"}, "gateDecay": 0}
      """;

  private static String type(String docking, String release) {
    return """
        {"name": "v", "payloadDim": 2,
         "emission": {"mode": "replace", "target": %d, "emitters": [1],
                      "payload": {"offset": [0.75, -0.5]}},
         "lifetime": {"law": "fixed", "mean": 100},
         "kernel": {"temperature": 0, "edgeBias": [0, 5, 0, 0, 0, 0, 0]},
         "docking": %s,
         "release": [%s]}
        """
        .formatted(K, docking, release);
  }

  @ParameterizedTest(name = "release [{0}]")
  @ValueSource(strings = {"{\"kind\": \"learning\", \"l\": [1, 0]}", ""})
  void quantalReleasesCountOnceWithTheL1MassOfTheirPayload(String release) {
    String json = TestProjects.project(HOST, type("{\"bias\": 1000}", release));
    try (Simulation sim = TestProjects.simulation(json, 1, 2)) {
      sim.step(); // births
      assertEquals(0, (long) EngineAccess.metrics(sim).last("releases.v"));
      assertEquals(0f, EngineAccess.metrics(sim).last("released_payload.v"));
      sim.step(); // all K dock and release
      assertEquals(K, (long) EngineAccess.metrics(sim).last("releases.v"));
      assertEquals(
          (float) (K * (0.75 + 0.5)), EngineAccess.metrics(sim).last("released_payload.v"));
    }
  }

  @Test
  void aDwellingVesicleCountsOneReleaseOnEveryTickItDwells() {
    String json =
        TestProjects.project(
            HOST,
            type("{\"bias\": 1000, \"dwell\": 3}", "{\"kind\": \"learning\", \"l\": [1, 0]}"));
    try (Simulation sim = TestProjects.simulation(json, 1, 1)) {
      sim.step();
      for (int t = 1; t <= 3; t++) {
        sim.step();
        assertEquals(
            t == 1 ? K : 0, (long) EngineAccess.metrics(sim).last("dockings.v"), "tick " + t);
        assertEquals(K, (long) EngineAccess.metrics(sim).last("releases.v"), "tick " + t);
        assertEquals(
            (float) (K * 1.25), EngineAccess.metrics(sim).last("released_payload.v"), "tick " + t);
        // The learning readout l = (1, 0) turns the same releases into the gate: K * 0.75.
        assertEquals((float) (K * 0.75), EngineAccess.host(sim).gate()[1], "tick " + t);
      }
    }
  }

  @Test
  void theReleaseSeriesDoNotDependOnTheThreadCount() {
    String json = DeterminismProjects.all().get("rate-everything");
    float[][] one = releaseSeries(json, 1);
    float[][] four = releaseSeries(json, 4);
    double total = 0;
    for (int r = 0; r < one.length; r++) {
      org.junit.jupiter.api.Assertions.assertArrayEquals(one[r], four[r], "tick " + r);
      total += one[r][1];
    }
    assertTrue(total > 0, "nothing released, the test would prove little");
  }

  private static float[][] releaseSeries(String json, int threads) {
    try (Simulation sim = TestProjects.simulation(json, 11, threads)) {
      sim.run(40);
      MetricsRecorder m = EngineAccess.metrics(sim);
      float[][] out = new float[m.rows()][];
      for (int r = 0; r < m.rows(); r++) {
        out[r] =
            new float[] {
              m.value(r, m.index("releases.fast")),
              m.value(r, m.index("released_payload.fast")),
              m.value(r, m.index("releases.echo")),
              m.value(r, m.index("released_payload.echo"))
            };
      }
      return out;
    }
  }
}
