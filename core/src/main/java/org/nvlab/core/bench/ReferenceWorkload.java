package org.nvlab.core.bench;

import java.util.Locale;
import org.nvlab.core.Model;
import org.nvlab.core.Simulation;
import org.nvlab.core.project.ProjectException;
import org.nvlab.core.project.ProjectReader;
import org.nvlab.core.project.ProjectSpec;

/**
 * The reference workload of the engine benchmark (issue 2), written as an ordinary project so that
 * the benchmark runs exactly the code users run: a random graph with fixed out-degree, a recurrent
 * tanh rate host, one vesicle type with a static softmax kernel over random per-edge logits, a 2%
 * docking probability, an ACTIVATION release of the d-float payload into the nodes' gain and bias
 * buffers, exponential lifetimes with mean 50 ticks, and emission that replaces every death so the
 * population stays at N.
 *
 * @param nodes n
 * @param degree out-degree of every node
 * @param vesicles N, the population kept
 * @param dim d, the payload dimension
 */
public record ReferenceWorkload(int nodes, int degree, int vesicles, int dim) {

  /** logit(0.02): the docking bias that gives a 2% docking probability per tick. */
  public static final double DOCK_BIAS = Math.log(0.02 / 0.98);

  public static ReferenceWorkload standard() {
    return new ReferenceWorkload(10_000, 10, 1_000_000, 8);
  }

  /** The project JSON of this workload. */
  public String projectJson() {
    StringBuilder gain = new StringBuilder();
    StringBuilder offset = new StringBuilder();
    StringBuilder matrix = new StringBuilder();
    for (int k = 0; k < dim; k++) {
      String sep = k == 0 ? "" : ", ";
      gain.append(sep).append(k % 2 == 0 ? "0.001" : "-0.001");
      offset.append(sep).append(String.format(Locale.ROOT, "%.3f", 0.1 * (k + 1)));
      // Row k reads the emitter's activation (the first signal): c_k = w_k a_i + u_k.
      double w = (k % 2 == 0 ? 0.5 : -0.5) * (k + 1) / dim;
      matrix.append(sep).append(String.format(Locale.ROOT, "[%.4f, 0, 0, 0, 0, 0]", w));
    }
    return """
        {
          "formatVersion": 2,
          "name": "reference-workload",
          "description": "The engine benchmark's reference workload.",
          "seed": 42,
          "host": {
            "kind": "rate",
            "graph": {"builder": "fixed-out-degree", "nodes": %d, "degree": %d},
            "weights": {"law": "normal-fan-in", "std": 0.5},
            "rate": {"activation": "tanh", "mode": "recurrent"},
            "modulationDecay": 0.5
          },
          "vesicleTypes": [{
            "name": "modulator",
            "payloadDim": %d,
            "emission": {"mode": "replace", "target": %d,
                         "payload": {"matrix": [%s], "offset": [%s]}},
            "lifetime": {"law": "exponential", "mean": 50},
            "kernel": {"temperature": 1, "edgeBias": {"std": 1}},
            "docking": {"bias": %s},
            "release": [{"kind": "activation", "gain": [%s], "bias": [%s]}]
          }]
        }
        """
        .formatted(
            nodes, degree, dim, vesicles, matrix, offset, Double.toString(DOCK_BIAS), gain, gain);
  }

  public ProjectSpec spec() {
    try {
      return ProjectReader.parse(projectJson(), "reference-workload.json");
    } catch (ProjectException e) {
      throw new IllegalStateException("the reference workload is invalid: " + e.getMessage(), e);
    }
  }

  /** A fresh simulation of this workload. */
  public Simulation simulation(long seed, int threads) {
    try {
      return Model.compile(spec()).instantiate(seed, threads);
    } catch (ProjectException e) {
      throw new IllegalStateException("the reference workload is invalid: " + e.getMessage(), e);
    }
  }
}
