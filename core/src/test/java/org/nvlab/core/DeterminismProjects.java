package org.nvlab.core;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Projects that together exercise every process and operator: used by the determinism and
 * population-balance tests.
 */
public final class DeterminismProjects {
  private DeterminismProjects() {}

  public static Map<String, String> all() {
    Map<String, String> m = new LinkedHashMap<>();
    m.put(
        "rate-everything",
        """
        {"formatVersion": 1, "name": "rate-everything", "seed": 5,
         "host": {"kind": "rate",
                  "graph": {"builder": "fixed-out-degree", "nodes": 3000, "degree": 6},
                  "weights": {"law": "normal-fan-in", "std": 0.8},
                  "rate": {"mode": "recurrent", "activation": "tanh", "learningRate": 0.01},
                  "memoryDim": 3, "modulationDecay": 0.5, "gateDecay": 0.8,
                  "inputs": [{"nodes": {"range": [0, 100]}, "signal": {"shape": "noise", "amplitude": 1}}],
                  "targets": [{"nodes": {"range": [100, 110]}, "signal": {"shape": "sine", "amplitude": 0.5, "period": 40}}]},
         "globals": {"reward": "task", "z": [{"shape": "sine", "amplitude": 1, "period": 30}]},
         "vesicleTypes": [
           {"name": "fast", "payloadDim": 3,
            "emission": {"mode": "poisson", "lambdaMax": 4, "weights": {"activation": 2, "abs_error": 3},
                         "bias": -1, "payload": {"z": [[1], [0.5], [-1]], "offset": [0, 0.1, 0], "noise": 0.05}},
            "lifetime": {"law": "exponential", "mean": 15, "hazard": 0.01},
            "kernel": {"temperature": 0.8, "neighbourhood": "both", "hops": 2,
                       "theta": {"activation": 1, "abs_error": 0.5, "weight": 0.3, "direction": 0.2},
                       "edgeBias": {"std": 0.5}},
            "docking": {"bias": -2.5, "activation": 1, "gate": 0.5},
            "release": [{"kind": "activation", "gain": [0.01, 0, 0.02], "bias": [0, 0.01, 0]},
                        {"kind": "parameter", "mode": "multiplicative", "eta": 0.001, "h": [1, 0, 0]},
                        {"kind": "learning", "l": [0.1, 0, 0]},
                        {"kind": "memory", "omega": 0.2},
                        {"kind": "cascade", "child": "echo", "count": 1.5, "poisson": true,
                         "transform": [[1, 0, 0], [0, 1, 1]], "phi": "tanh"}],
            "absorbing": {"range": [2990, 3000]},
            "cap": 40000},
           {"name": "echo", "payloadDim": 2, "stateDim": 2,
            "emission": {"mode": "none"},
            "lifetime": {"law": "fixed", "mean": 9},
            "kernel": {"temperature": 1, "content": {"scale": 1.0, "keyStd": 1}},
            "docking": {"bias": -3, "content": 1.5, "receptors": "random", "state": [0.5, -0.5], "dwell": 3},
            "state": {"decay": 0.8, "input": [[1, 0, 0], [0, 1, 1]]},
            "release": [{"kind": "parameter", "mode": "low-rank", "scale": 0.0001, "uStd": 1, "vStd": 1}]}
         ]}
        """);
    m.put(
        "lif-dopamine",
        """
        {"formatVersion": 1, "name": "lif-dopamine", "seed": 9,
         "host": {"kind": "lif", "graph": {"builder": "erdos-renyi", "nodes": 800, "p": 0.02},
                  "weights": {"law": "uniform", "low": 0, "high": 0.3},
                  "lif": {"tauSynapse": 5, "stdp": {"rate": 0.05}},
                  "inputs": [{"nodes": {"range": [0, 80]}, "signal": {"shape": "poisson", "rate": 0.1, "amplitude": 1.5}}]},
         "vesicleTypes": [
           {"name": "dopamine", "payloadDim": 1,
            "emission": {"mode": "bernoulli", "lambdaMax": 1, "weights": {"spike": 10}, "bias": -5,
                         "payload": {"offset": [1]}},
            "lifetime": {"law": "exponential", "mean": 25},
            "kernel": {"temperature": 1, "neighbourhood": "in"},
            "docking": {"bias": -2},
            "release": [{"kind": "learning", "l": [0.5]},
                        {"kind": "activation", "threshold": [0.01], "gain": [0.02]}]}
         ]}
        """);
    m.put(
        "grid-replace",
        """
        {"formatVersion": 1, "name": "grid-replace", "seed": 2,
         "host": {"kind": "rate", "graph": {"builder": "grid", "width": 60, "height": 50, "torus": true},
                  "rate": {"mode": "recurrent"}},
         "vesicleTypes": [
           {"name": "walker", "payloadDim": 4,
            "emission": {"mode": "replace", "target": 30000, "emitters": {"range": [0, 60]},
                         "payload": {"offset": [1, 0.5, 0.25, 0.125], "noise": 0.2}},
            "lifetime": {"law": "exponential", "mean": 40},
            "kernel": {"temperature": 1, "edgeBias": {"std": 1}},
            "docking": {"bias": -4},
            "release": [{"kind": "activation", "gain": [0.001, 0, 0, 0]}],
            "absorbing": {"range": [2940, 3000]}}
         ]}
        """);
    return m;
  }
}
