package org.nvlab.core.release;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.nvlab.core.EngineAccess;
import org.nvlab.core.Simulation;
import org.nvlab.core.TestProjects;
import org.nvlab.core.graph.Graph;
import org.nvlab.core.vesicle.Pool;

/**
 * Each release operator's arithmetic, exactly: K vesicles with a known payload are born at node 1
 * on tick 0 and all dock there on tick 1 (p_dock = 1, the node has no way out), so the expected
 * state after tick 1 can be computed by hand. Payloads are dyadic, so every sum is exact.
 */
class ReleaseArithmeticTest {
  private static final int K = 24;

  /**
   * Node 1 has in-edges from 0 and 2 and an out-edge to 3; vesicles cannot move (OUT, T=0 stay
   * bias).
   */
  private static final String HOST =
      """
      {"kind": "rate", "graph": {"builder": "edge-list", "nodes": 4,
                                 "edges": [[0, 1, 0.5], [2, 1, -0.25], [1, 3, 2.0]]},
       "rate": {"mode": "recurrent"}, "memoryDim": 2, "modulationDecay": 0, "gateDecay": 0}
      """;

  private static Simulation run(String release, String extraTypes) {
    String types =
        """
        {"name": "v", "payloadDim": 2,
         "emission": {"mode": "replace", "target": %d, "emitters": [1],
                      "payload": {"offset": [0.75, -0.5]}},
         "lifetime": {"law": "fixed", "mean": 100},
         "kernel": {"temperature": 0, "edgeBias": [0, 5, 0, 0, 0, 0, 0]},
         "docking": {"bias": 1000},
         "release": [%s]}%s
        """
            .formatted(K, release, extraTypes);
    Simulation sim = TestProjects.simulation(TestProjects.project(HOST, types), 1, 2);
    sim.step(); // births
    sim.step(); // all K dock at node 1 and release
    assertEquals(K, (long) EngineAccess.metrics(sim).last("dockings.v"));
    return sim;
  }

  @Test
  void activationAddsTheGainAndBiasReadoutsOfThePayloadSum() {
    try (Simulation sim =
        run("{\"kind\": \"activation\", \"gain\": [0.5, 0.25], \"bias\": [-1, 2]}", "")) {
      double c0 = K * 0.75;
      double c1 = K * -0.5;
      assertEquals((float) (0.5 * c0 + 0.25 * c1), EngineAccess.host(sim).gamma()[1]);
      assertEquals((float) (-1 * c0 + 2 * c1), EngineAccess.host(sim).beta()[1]);
      assertEquals(0f, EngineAccess.host(sim).gamma()[0]);
      assertEquals(0f, EngineAccess.host(sim).gamma()[2]);
    }
  }

  @Test
  void perNodeGainAndNodeScaleApplyTheirOwnRow() {
    try (Simulation sim =
        run(
            "{\"kind\": \"activation\", \"gainPerNode\": [[0,0],[2,-4],[0,0],[0,0]],"
                + " \"nodeScale\": [1, 0.125, 1, 1]}",
            "")) {
      double expected = 0.125 * (2 * K * 0.75 + -4 * K * -0.5);
      assertEquals((float) expected, EngineAccess.host(sim).gamma()[1]);
    }
  }

  @Test
  void perNodeBiasRowsGiveEachNodeItsOwnBetaReadout() {
    try (Simulation sim =
        run(
            "{\"kind\": \"activation\", \"gain\": [1, 0],"
                + " \"biasPerNode\": [[0,0],[-3,0.5],[0,0],[0,0]], \"nodeScale\": [1, 0.25, 1, 1]}",
            "")) {
      assertEquals((float) (0.25 * K * 0.75), EngineAccess.host(sim).gamma()[1]);
      assertEquals(
          (float) (0.25 * (-3 * K * 0.75 + 0.5 * K * -0.5)), EngineAccess.host(sim).beta()[1]);
    }
  }

  @Test
  void multiplicativeParameterScalesIncomingWeights() {
    try (Simulation sim =
        run(
            "{\"kind\": \"parameter\", \"mode\": \"multiplicative\", \"eta\": 0.01, \"h\": [1, 0.5]}",
            "")) {
      Graph g = EngineAccess.host(sim).graph();
      float factor = (float) (1 + 0.01 * (K * 0.75 + 0.5 * K * -0.5));
      assertEquals(0.5f * factor, EngineAccess.host(sim).weight()[g.edge(0, 1)]);
      assertEquals(-0.25f * factor, EngineAccess.host(sim).weight()[g.edge(2, 1)]);
      assertEquals(
          2.0f, EngineAccess.host(sim).weight()[g.edge(1, 3)], "outgoing weights are untouched");
    }
  }

  @Test
  void multiplicativeParameterOnOutgoingEdges() {
    try (Simulation sim =
        run(
            "{\"kind\": \"parameter\", \"mode\": \"multiplicative\", \"edges\": \"outgoing\","
                + " \"eta\": 0.01, \"h\": [1, 0.5]}",
            "")) {
      Graph g = EngineAccess.host(sim).graph();
      float factor = (float) (1 + 0.01 * (K * 0.75 + 0.5 * K * -0.5));
      assertEquals(2.0f * factor, EngineAccess.host(sim).weight()[g.edge(1, 3)]);
      assertEquals(0.5f, EngineAccess.host(sim).weight()[g.edge(0, 1)]);
    }
  }

  @Test
  void lowRankParameterAddsUTransposeSecondMomentV() {
    try (Simulation sim =
        run("{\"kind\": \"parameter\", \"mode\": \"low-rank\", \"scale\": 0.5}", "")) {
      ParameterRelease op = (ParameterRelease) sim.model().type(0).releases().get(0);
      Graph g = EngineAccess.host(sim).graph();
      double[] c = {0.75, -0.5};
      for (int j : new int[] {0, 2}) {
        double uc = op.u()[1 * 2] * c[0] + op.u()[1 * 2 + 1] * c[1];
        double vc = op.v()[j * 2] * c[0] + op.v()[j * 2 + 1] * c[1];
        float w0 = j == 0 ? 0.5f : -0.25f;
        float expected = w0 + (float) (0.5 * K * uc * vc);
        assertEquals(
            expected,
            EngineAccess.host(sim).weight()[g.edge(j, 1)],
            1e-6f * Math.abs(expected) + 1e-7f);
      }
    }
  }

  @Test
  void learningRuleRaisesTheGateByTheReadout() {
    try (Simulation sim = run("{\"kind\": \"learning\", \"l\": [2, 1]}", "")) {
      assertEquals((float) (2 * K * 0.75 + K * -0.5), EngineAccess.host(sim).gate()[1]);
    }
  }

  @Test
  void memoryWritesKEqualUpdatesOfTheMeanPayload() {
    try (Simulation sim =
        run("{\"kind\": \"memory\", \"omega\": 0.25, \"q\": [[1, 0], [1, 1]]}", "")) {
      double w = 1 - Math.pow(0.75, K);
      float[] m = EngineAccess.host(sim).memory();
      assertEquals((float) (w * 0.75), m[1 * 2], 1e-7f);
      assertEquals((float) (w * (0.75 - 0.5)), m[1 * 2 + 1], 1e-7f);
    }
  }

  @Test
  void cascadeEmitsChildrenWithTheTransformedPayloadAtTheParentsNode() {
    String child =
        """
        ,{"name": "child", "payloadDim": 3, "emission": {"mode": "none"},
          "lifetime": {"law": "fixed", "mean": 50}, "docking": {"bias": -1000}}
        """;
    try (Simulation sim =
        run(
            "{\"kind\": \"cascade\", \"child\": \"child\", \"count\": 2,"
                + " \"transform\": [[1, 0], [0, 2], [1, 1]], \"offset\": [0, 0, 0.5]}",
            child)) {
      assertEquals(2 * K, (long) EngineAccess.metrics(sim).last("births.child"));
      Pool p = EngineAccess.engine(sim).population().pool(1);
      assertEquals(2 * K, p.size());
      for (int s = 0; s < p.size(); s++) {
        assertEquals(1, p.node()[s]);
        assertEquals(0.75f, p.payload()[3 * s]);
        assertEquals(-1.0f, p.payload()[3 * s + 1]);
        assertEquals(0.75f, p.payload()[3 * s + 2]);
      }
    }
  }

  @Test
  void aCascadeCanCarryTheDockingNodesMemoryTrace() {
    String host =
        """
        {"kind": "rate", "graph": {"builder": "edge-list", "nodes": 4,
                                   "edges": [[0, 1, 0.5], [2, 1, -0.25], [1, 3, 2.0]]},
         "rate": {"mode": "recurrent"}, "memoryDim": 2,
         "memoryInit": [[0, 0], [0.5, -1.25], [0, 0], [0, 0]]}
        """;
    String types =
        """
        {"name": "v", "payloadDim": 2,
         "emission": {"mode": "replace", "target": %d, "emitters": [1],
                      "payload": {"offset": [0.75, -0.5]}},
         "lifetime": {"law": "fixed", "mean": 100},
         "docking": {"bias": 1000},
         "release": [{"kind": "cascade", "child": "value", "count": 1, "payload": "memory"}]},
        {"name": "value", "payloadDim": 2, "emission": {"mode": "none"},
         "lifetime": {"law": "fixed", "mean": 50}, "docking": {"bias": -1000}}
        """
            .formatted(K);
    try (Simulation sim = TestProjects.simulation(TestProjects.project(host, types), 1, 1)) {
      sim.step();
      sim.step();
      Pool p = EngineAccess.engine(sim).population().pool(1);
      assertEquals(K, p.size());
      for (int s = 0; s < p.size(); s++) {
        assertEquals(0.5f, p.payload()[2 * s]);
        assertEquals(-1.25f, p.payload()[2 * s + 1]);
      }
    }
  }

  @Test
  void randomInitialMemoryIsSeededByTheProject() {
    String host =
        """
        {"kind": "rate", "graph": {"builder": "edge-list", "nodes": 50, "edges": []},
         "rate": {"mode": "recurrent"}, "memoryDim": 4, "memoryInit": {"std": 2}}
        """;
    String json = TestProjects.project(host, "");
    float[] a = TestProjects.compile(json).host().memory();
    float[] b = TestProjects.compile(json).host().memory();
    org.junit.jupiter.api.Assertions.assertArrayEquals(a, b);
    double sq = 0;
    for (float v : a) {
      sq += v * v;
    }
    assertEquals(4.0, sq / a.length, 1.0); // variance std^2 = 4 over 200 draws
  }

  @Test
  void dwellingVesiclesReleaseOnceEveryTickForTheirDwellTime() {
    String types =
        """
        {"name": "v", "payloadDim": 1,
         "emission": {"mode": "poisson", "lambdaMax": 10, "weights": {"reward": 200}, "bias": -100,
                      "emitters": [1], "payload": {"offset": [1.0]}},
         "lifetime": {"law": "fixed", "mean": 100},
         "kernel": {"temperature": 0, "edgeBias": [0, 5, 0, 0, 0, 0, 0]},
         "docking": {"bias": 1000, "dwell": 3},
         "release": [{"kind": "learning", "l": [1]}]}
        """;
    String json =
        """
        {"formatVersion": 1, "name": "dwell", "seed": 3, "host": %s,
         "globals": {"reward": {"shape": "cycle", "period": 1, "values": [1, 0, 0, 0, 0, 0, 0, 0]}},
         "vesicleTypes": [%s]}
        """
            .formatted(HOST, types);
    try (Simulation sim = TestProjects.simulation(json, 1, 1)) {
      sim.step();
      long born = (long) EngineAccess.metrics(sim).last("births.v");
      assertTrue(born > 0);
      for (int t = 1; t <= 3; t++) {
        sim.step();
        assertEquals(
            (float) born,
            EngineAccess.host(sim).gate()[1],
            "tick " + t + ": one release per vesicle");
        assertEquals(t == 3 ? born : 0, (long) EngineAccess.metrics(sim).last("deaths.docked.v"));
      }
      sim.step();
      assertEquals(0f, EngineAccess.host(sim).gate()[1]);
      assertEquals(0, (long) EngineAccess.metrics(sim).last("population.v"));
    }
  }

  @Test
  void thresholdReadoutShiftsTheLifThreshold() {
    String lif =
        """
        {"kind": "lif", "graph": {"builder": "edge-list", "nodes": 4,
                                  "edges": [[0, 1, 0.5], [2, 1, -0.25], [1, 3, 2.0]]},
         "modulationDecay": 0}
        """;
    String types =
        """
        {"name": "v", "payloadDim": 2,
         "emission": {"mode": "replace", "target": %d, "emitters": [1],
                      "payload": {"offset": [0.75, -0.5]}},
         "lifetime": {"law": "fixed", "mean": 100},
         "kernel": {"temperature": 0, "edgeBias": [0, 5, 0, 0, 0, 0, 0]},
         "docking": {"bias": 1000},
         "release": [{"kind": "activation", "threshold": [1, 1], "gain": [0, 1]}]}
        """
            .formatted(K);
    try (Simulation sim = TestProjects.simulation(TestProjects.project(lif, types), 1, 1)) {
      sim.step();
      sim.step();
      assertEquals((float) (K * 0.25), EngineAccess.host(sim).thresholdShift()[1]);
      assertEquals((float) (K * -0.5), EngineAccess.host(sim).gamma()[1]);
    }
  }
}
