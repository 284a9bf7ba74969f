package org.nvlab.core.density;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.nvlab.core.Model;
import org.nvlab.core.TestProjects;

/**
 * Every gradient family of the adjoint agrees with central finite differences of the same loss
 * (relative error below 1e-4, double precision): kernel, emission, docking and release parameters,
 * through the host's activations and gates, over exponential and fixed lifetimes, feed-forward and
 * recurrent hosts.
 */
class DensityGradientTest {
  private static final int TICKS = 12;

  private static final String TYPE =
      """
      {"name": "mod", "payloadDim": 2,
       "emission": {"mode": "poisson", "lambdaMax": 3, "bias": -0.5,
                    "weights": {"activation": 0.8, "gate": 0.6, "z": [0.4]},
                    "payload": {"matrix": [[0.5, 0, 0, 0.2, 0, 0, 0.3], [-0.4, 0, 0, 0, 0, 0, 0.1]],
                                "offset": [0.2, -0.1], "phi": "tanh"}},
       "lifetime": %s,
       "kernel": {"temperature": 0.8, "neighbourhood": "%s",
                  "theta": {"bias": 0.3, "weight": 0.5, "activation": 0.7, "direction": 0.2, "gate": 0.4},
                  "edgeBias": {"std": 0.5}},
       "docking": {"bias": -1.2, "activation": 0.9, "gate": 0.5},
       "release": [{"kind": "activation", "gain": [0.3, -0.2], "bias": [0.1, 0.25]},
                   {"kind": "learning", "l": [0.2, 0.1]}],
       "absorbing": [2]}
      """;

  private static Model project(String mode, String lifetime, String neighbourhood) {
    String host =
        """
        {"kind": "rate", "graph": {"builder": "layered", "layers": [3, 4, 2]},
         "weights": {"law": "normal", "std": 0.6},
         "rate": {"mode": "%s", "activation": "tanh"},
         "modulationDecay": 0.5, "gateDecay": 0.7,
         "inputs": [{"nodes": {"layer": 0}, "signal": {"shape": "sine", "amplitude": 1, "period": 7, "phaseStep": 2}}]}
        """
            .formatted(mode);
    String json =
        """
        {"formatVersion": 1, "name": "grad", "seed": 4,
         "host": %s,
         "globals": {"z": [{"shape": "sine", "amplitude": 0.5, "period": 5}]},
         "vesicleTypes": [%s]}
        """
            .formatted(host, TYPE.formatted(lifetime, neighbourhood));
    return TestProjects.compile(json);
  }

  private static DensityLoss loss(DensityModel m) {
    boolean[] targets = new boolean[m.nodeCount()];
    targets[7] = true;
    targets[8] = true;
    DensityLoss routing = DensityLoss.offTarget(0, targets, 3);
    DensityLoss host = DensityLoss.hostTargets(new int[] {7, 8}, new double[] {0.3, -0.2}, 2);
    return (t, model, rb, ab) ->
        routing.evaluate(t, model, rb, ab) + host.evaluate(t, model, rb, ab);
  }

  private static double lossAt(Model p, List<double[]> values) {
    DensityModel m = new DensityModel(p);
    List<Block> blocks = m.blocks();
    for (int b = 0; b < blocks.size(); b++) {
      System.arraycopy(values.get(b), 0, blocks.get(b).values(), 0, values.get(b).length);
    }
    DensityLoss l = loss(m);
    double total = 0;
    for (int t = 0; t < TICKS; t++) {
      m.step();
      total += l.evaluate(t, m, new double[1][m.nodeCount()], new double[m.nodeCount()]);
    }
    return total;
  }

  private static void checkAllBlocks(Model p) {
    DensityModel m = new DensityModel(p);
    assertTrue(DensityGradient.problems(m).isEmpty(), DensityGradient.problems(m).toString());
    DensityGradient.compute(m, loss(m), TICKS);
    List<Block> blocks = m.blocks();
    List<double[]> base = blocks.stream().map(b -> b.values().clone()).toList();
    Function<List<double[]>, Double> f = v -> lossAt(p, v);
    int checked = 0;
    for (int b = 0; b < blocks.size(); b++) {
      Block blk = blocks.get(b);
      int stride = Math.max(1, blk.size() / 6); // a spread of entries of large blocks
      for (int e = 0; e < blk.size(); e += stride) {
        double x = base.get(b)[e];
        double h = 1e-6 * Math.max(1, Math.abs(x));
        List<double[]> plus = copy(base);
        List<double[]> minus = copy(base);
        plus.get(b)[e] = x + h;
        minus.get(b)[e] = x - h;
        double fd = (f.apply(plus) - f.apply(minus)) / (2 * h);
        double ad = blk.grad()[e];
        double scale = Math.max(Math.max(Math.abs(fd), Math.abs(ad)), 1e-6);
        double rel = Math.abs(fd - ad) / scale;
        assertTrue(
            rel < 1e-4,
            blk.name()
                + "["
                + e
                + "]: adjoint "
                + ad
                + " vs finite difference "
                + fd
                + " (relative error "
                + rel
                + ")");
        checked++;
      }
    }
    assertTrue(checked > 30, "too few entries checked: " + checked);
  }

  private static List<double[]> copy(List<double[]> a) {
    return a.stream().map(double[]::clone).toList();
  }

  @Test
  void adjointMatchesFiniteDifferencesOnAFeedForwardHostWithExponentialLifetimes() {
    checkAllBlocks(
        project("feedforward", "{\"law\": \"exponential\", \"mean\": 6, \"hazard\": 0.05}", "out"));
  }

  @Test
  void adjointMatchesFiniteDifferencesOnARecurrentHostWithFixedLifetimesBothWays() {
    checkAllBlocks(project("recurrent", "{\"law\": \"fixed\", \"mean\": 4}", "both"));
  }
}
