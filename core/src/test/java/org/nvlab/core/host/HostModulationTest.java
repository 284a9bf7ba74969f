package org.nvlab.core.host;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.nvlab.core.EngineAccess;
import org.nvlab.core.Simulation;
import org.nvlab.core.TestProjects;
import org.nvlab.core.graph.EdgeListBuilder;
import org.nvlab.core.graph.Graph;
import org.nvlab.core.parallel.WorkerPool;

/**
 * Step 4 of the tick: gamma = rho_mod gamma + pending (likewise beta and the threshold shift), g =
 * rho_g g + pending gate, pending cleared; and the next forward pass or learning step reads the
 * result.
 */
class HostModulationTest {
  private final WorkerPool pool = new WorkerPool(2);

  @AfterEach
  void closePool() {
    pool.close();
  }

  private static RateNetwork rate(Graph g, float modulationDecay, float gateDecay) {
    return new RateNetwork(
        g, Activation.IDENTITY, false, null, 0.5f, 0, modulationDecay, gateDecay);
  }

  @Test
  void eachBufferBecomesRhoTimesItselfPlusPendingAndPendingIsCleared() {
    RateNetwork h = rate(new EdgeListBuilder(3).build(), 0.5f, 0.9f);
    float[][] now = {h.gamma(), h.beta(), h.thresholdShift(), h.gate()};
    float[][] pending = {h.pendingGamma(), h.pendingBeta(), h.pendingThreshold(), h.pendingGate()};
    float[][] before = {{0.8f, -0.4f, 0f}, {1f, 2f, -3f}, {0.25f, 0f, 0.5f}, {2f, -1f, 0.5f}};
    float[][] add = {{0.1f, 0f, 0.3f}, {0f, -1f, 0.75f}, {-0.5f, 0.2f, 0f}, {0.3f, 0.6f, 0f}};
    for (int b = 0; b < 4; b++) {
      System.arraycopy(before[b], 0, now[b], 0, 3);
      System.arraycopy(add[b], 0, pending[b], 0, 3);
    }
    h.decayModulation(pool);
    for (int b = 0; b < 4; b++) {
      float rho = b == 3 ? 0.9f : 0.5f; // the gate has its own decay
      for (int i = 0; i < 3; i++) {
        assertEquals(rho * before[b][i] + add[b][i], now[b][i], "buffer " + b + " node " + i);
      }
      assertArrayEquals(new float[3], pending[b], "pending buffer " + b + " is cleared");
    }
  }

  @Test
  void withoutNewReleasesModulationAndGateDecayGeometricallyAtTheirOwnRates() {
    RateNetwork h = rate(new EdgeListBuilder(1).build(), 0.8f, 0.95f);
    h.gamma()[0] = 1f;
    h.beta()[0] = -2f;
    h.thresholdShift()[0] = 0.5f;
    h.gate()[0] = 3f;
    for (int k = 1; k <= 30; k++) {
      h.decayModulation(pool);
      assertEquals(Math.pow(0.8, k), h.gamma()[0], 1e-6 * Math.pow(0.8, k) + 1e-12);
      assertEquals(-2 * Math.pow(0.8, k), h.beta()[0], 2e-6 * Math.pow(0.8, k) + 1e-12);
      assertEquals(0.5 * Math.pow(0.8, k), h.thresholdShift()[0], 1e-6);
      assertEquals(3 * Math.pow(0.95, k), h.gate()[0], 3e-6 * Math.pow(0.95, k));
    }
  }

  @Test
  void rhoZeroIsTheInstantaneousLimitTheBuffersHoldOnlyThisTicksReleases() {
    RateNetwork h = rate(new EdgeListBuilder(2).build(), 0f, 0f);
    h.gamma()[0] = 5f;
    h.gate()[1] = 5f;
    h.pendingGamma()[0] = 0.3f;
    h.pendingGate()[1] = -0.2f;
    h.decayModulation(pool);
    assertEquals(0.3f, h.gamma()[0]);
    assertEquals(-0.2f, h.gate()[1]);
    h.decayModulation(pool);
    assertEquals(0f, h.gamma()[0]);
    assertEquals(0f, h.gate()[1]);
  }

  @Test
  void everyNodeIsUpdatedAcrossParallelChunks() {
    int n = 3 * 4096 + 5;
    RateNetwork h = rate(new EdgeListBuilder(n).build(), 0.5f, 0.25f);
    for (int i = 0; i < n; i++) {
      h.gamma()[i] = i;
      h.gate()[i] = i;
      h.pendingGamma()[i] = 1f;
    }
    h.decayModulation(pool);
    for (int i = 0; i < n; i++) {
      assertEquals(0.5f * i + 1f, h.gamma()[i], "gamma of node " + i);
      assertEquals(0.25f * i, h.gate()[i], "gate of node " + i);
      assertEquals(0f, h.pendingGamma()[i]);
    }
  }

  @Test
  void theNextRateForwardPassReadsTheReleasedGainAndBias() {
    Graph g = new EdgeListBuilder(2).add(0, 1, 2f).build();
    RateNetwork h = rate(g, 0f, 0f);
    h.markInput(0);
    h.input()[0] = 1f;
    h.bias()[1] = 0.5f;
    h.forward(0, pool);
    assertEquals(2.5f, h.activation()[1], "no modulation yet");
    h.pendingGamma()[1] = 0.5f;
    h.pendingBeta()[1] = -1f;
    h.forward(1, pool);
    assertEquals(2.5f, h.activation()[1], "pending releases are invisible until step 4");
    h.decayModulation(pool);
    h.forward(2, pool);
    assertEquals(1.5f * 2.5f - 1f, h.activation()[1]);
  }

  @Test
  void aReleasedGateScalesTheNextLearningStep() {
    // One edge 0 -> 1, identity, target 0: the plain step is eta * a1 * a0.
    Graph g = new EdgeListBuilder(2).add(0, 1, 1f).build();
    RateNetwork plain = rate(g, 0f, 0.5f);
    RateNetwork gated = rate(g, 0f, 0.5f);
    for (RateNetwork h : new RateNetwork[] {plain, gated}) {
      h.markInput(0);
      h.input()[0] = 2f;
      h.markTarget(1);
    }
    gated.gate()[1] = 1f;
    gated.pendingGate()[1] = 1.5f; // g = 0.5 * 1 + 1.5 = 2 after step 4
    for (RateNetwork h : new RateNetwork[] {plain, gated}) {
      h.forward(0, pool);
      h.decayModulation(pool);
      h.learn(0, pool);
    }
    assertEquals(2f, gated.gate()[1]);
    float plainStep = 1f - plain.weight()[0];
    assertEquals(0.5f * 2f * 2f, plainStep, "eta * delta * a0 = 0.5 * 2 * 2");
    assertEquals(3 * plainStep, 1f - gated.weight()[0], 1e-6, "(1 + g) = 3 times the step");
  }

  @Test
  void theLifThresholdShiftReleaseDelaysTheSpike() {
    LifNetwork.Params p =
        new LifNetwork.Params(1, 10, 0, 0, 1, 1000, 0, 20, 0, 0, 0, 1, 1, 1, -1, 1);
    LifNetwork plain = new LifNetwork(new EdgeListBuilder(1).build(), p, 0, 1f, 0f);
    LifNetwork shifted = new LifNetwork(new EdgeListBuilder(1).build(), p, 0, 1f, 0f);
    shifted.pendingThreshold()[0] = 0.2f; // rho_mod = 1 keeps the shift
    int[] first = {-1, -1};
    LifNetwork[] nets = {plain, shifted};
    for (int t = 0; t < 40; t++) {
      for (int k = 0; k < 2; k++) {
        nets[k].input()[0] = 0.15f;
        nets[k].forward(t, pool);
        if (nets[k].spike()[0] == 1f && first[k] < 0) {
          first[k] = t;
        }
        nets[k].decayModulation(pool);
      }
    }
    // v_k = 1.5 (1 - 0.9^k) crosses 1 at k = 11 and 1.2 at k = 16; the shift lands after tick 0.
    assertArrayEquals(new int[] {10, 15}, first);
  }

  // ---------------------------------------------------------------- whole simulations

  @Test
  void aLifProjectSpikesWhereTheClosedFormSays() {
    String host =
        """
        {"kind": "lif", "graph": {"builder": "edge-list", "nodes": 2, "edges": []},
         "lif": {"dt": 1, "tauMembrane": 10, "vRest": 0, "vReset": 0, "threshold": 1,
                 "refractory": 4, "stdp": {}},
         "inputs": [{"nodes": [0], "signal": {"shape": "constant", "value": 0.15}},
                    {"nodes": [1], "signal": {"shape": "constant", "value": 0.5}}]}
        """;
    try (Simulation sim = TestProjects.simulation(TestProjects.project(host, ""), 1, 2)) {
      List<Integer> spikes0 = new ArrayList<>();
      List<Integer> spikes1 = new ArrayList<>();
      for (int t = 0; t < 30; t++) {
        sim.step();
        if (EngineAccess.host(sim).spike()[0] == 1f) {
          spikes0.add(t);
        }
        if (EngineAccess.host(sim).spike()[1] == 1f) {
          spikes1.add(t);
        }
      }
      // 11 updates to threshold from 0 at I = 0.15, 3 at I = 0.5; then 4 refractory ticks.
      assertEquals(List.of(10, 25), spikes0);
      assertEquals(List.of(2, 9, 16, 23), spikes1);
    }
  }

  @Test
  void aRateProjectWithATaskLearnsItThroughTheEngine() {
    String host =
        """
        {"kind": "rate", "graph": {"builder": "layered", "layers": [2, 3, 1]},
         "weights": {"law": "normal", "std": 0.5},
         "rate": {"activation": "tanh", "learningRate": 0.1},
         "inputs": [{"nodes": [0], "signal": {"shape": "constant", "value": 0.5}},
                    {"nodes": [1], "signal": {"shape": "constant", "value": -0.3}}],
         "targets": [{"nodes": [5], "signal": {"shape": "constant", "value": 0.4}}]}
        """;
    try (Simulation sim = TestProjects.simulation(TestProjects.project(host, ""), 1, 2)) {
      sim.step();
      double first = EngineAccess.host(sim).loss();
      assertTrue(first > 1e-4, "the task starts with a loss, got " + first);
      sim.run(300);
      double last = EngineAccess.host(sim).loss();
      assertTrue(last < 1e-3 * first, "loss " + first + " -> " + last);
      assertEquals(0.4, EngineAccess.host(sim).activation()[5], 0.01);
    }
  }
}
