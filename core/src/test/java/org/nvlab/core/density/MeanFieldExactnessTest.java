package org.nvlab.core.density;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.nvlab.core.TestProjects;

/**
 * SPEC section 9's exactness check: on a project without feedback (the vesicles' effects never
 * reach the rules that emit, dock or move them), the mean of the stochastic engine over R = 200
 * seeds equals the density model's rho at every tick, node and type. The z-scores (mean - rho) /
 * stderr over all cells have mean within 0.1 of 0, standard deviation in [0.9, 1.1], none above 5.5
 * in magnitude. The seed set is fixed, so the test is deterministic.
 */
class MeanFieldExactnessTest {
  static final int RUNS = 200;
  static final int TICKS = 30;

  /**
   * Two types and a cascade: activity-dependent Poisson emission, a dynamic kernel over activations
   * driven by a deterministic input, docking on activation at a set of sites, hazard, an absorbing
   * node, dwelling docking, two hops, fixed and exponential lifetimes. Releases touch only the gate
   * and memory, which no rule reads: no feedback.
   */
  static final String PROJECT =
      """
      {"formatVersion": 1, "name": "exactness", "seed": 6,
       "host": {"kind": "rate", "graph": {"builder": "fixed-out-degree", "nodes": 24, "degree": 3},
                "weights": {"law": "normal", "std": 0.8},
                "rate": {"mode": "recurrent", "activation": "tanh"}, "memoryDim": 2,
                "inputs": [{"nodes": {"range": [0, 4]},
                            "signal": {"shape": "sine", "amplitude": 1.5, "period": 9, "phaseStep": 2}}]},
       "vesicleTypes": [
         {"name": "a", "payloadDim": 2,
          "emission": {"mode": "poisson", "lambdaMax": 6, "weights": {"activation": 1.5}, "bias": 0.5,
                       "emitters": {"range": [0, 6]}, "payload": {"offset": [1, 0.5]}},
          "lifetime": {"law": "exponential", "mean": 7, "hazard": 0.03},
          "kernel": {"temperature": 0.7, "theta": {"activation": 0.8, "bias": 0.4}, "edgeBias": {"std": 0.7}},
          "docking": {"bias": -1.5, "activation": 1.0, "sites": {"range": [8, 24]}},
          "release": [{"kind": "learning", "l": [0.1, 0]},
                      {"kind": "cascade", "child": "b", "count": 2, "transform": [[1, 0], [0, 1]]}],
          "absorbing": [23]},
         {"name": "b", "payloadDim": 2, "emission": {"mode": "none"},
          "lifetime": {"law": "fixed", "mean": 4},
          "kernel": {"temperature": 1, "hops": 2, "neighbourhood": "both", "edgeBias": {"std": 0.5}},
          "docking": {"bias": -1, "dwell": 2},
          "release": [{"kind": "memory", "omega": 0.3}],
          "absorbing": [22]}
       ]}
      """;

  @Test
  void theSeedMeanOfTheEngineEqualsRhoAtEveryTickNodeAndType() {
    SeedAverage avg = SeedAverage.run(TestProjects.compile(PROJECT), 1000, RUNS, TICKS, 2);
    DensityModel m = new DensityModel(TestProjects.compile(PROJECT));
    double sum = 0;
    double sq = 0;
    double max = 0;
    int cells = 0;
    for (int t = 0; t < TICKS; t++) {
      m.step();
      for (int k = 0; k < m.typeCount(); k++) {
        for (int i = 0; i < m.nodeCount(); i++) {
          double rho = m.rho(k, i);
          double se = avg.stderr(t, k, i);
          if (se == 0) {
            // Every run counted the same (zero here): rho must be too small to be seen in 200.
            assertTrue(
                rho < 3.0 / RUNS, "tick " + t + " type " + k + " node " + i + ": rho " + rho);
            continue;
          }
          double z = (avg.mean(t, k, i) - rho) / se;
          sum += z;
          sq += z * z;
          max = Math.max(max, Math.abs(z));
          cells++;
        }
      }
    }
    double mean = sum / cells;
    double sd = Math.sqrt(sq / cells - mean * mean);
    assertTrue(cells > 800, "too few cells with variation: " + cells);
    assertEquals(0, mean, 0.1, "mean z over " + cells + " cells");
    assertTrue(sd >= 0.9 && sd <= 1.1, "z standard deviation " + sd);
    assertTrue(max <= 5.5, "largest |z| " + max);
  }
}
