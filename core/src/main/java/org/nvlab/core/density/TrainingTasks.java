package org.nvlab.core.density;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.nvlab.core.Model;
import org.nvlab.core.SeedRunner;
import org.nvlab.core.Simulation;
import org.nvlab.core.project.ProjectException;
import org.nvlab.core.project.ProjectReader;

/**
 * The two demonstrations of gradient training through the density relaxation (issue 3):
 *
 * <ul>
 *   <li><b>routing</b>: couriers emitted at four nodes of a random graph do a blind random walk;
 *       the kernel (theta and the per-move biases) learns to bring them to a target set of ten
 *       nodes and keep them there. Loss: the share of couriers off the targets, summed over the
 *       horizon.
 *   <li><b>release</b>: tuners travel forward through a small tanh network and dock on hidden and
 *       output nodes; their ACTIVATION release maps (per-node gain rows and a bias readout) learn
 *       to make the two outputs hit target activations. Loss: squared output error.
 * </ul>
 *
 * Each is trained on the density model, then checked on the stochastic engine: the learned
 * parameters are written into the project and the engine, averaged over seeds, must show the
 * improvement too.
 */
public final class TrainingTasks {
  private TrainingTasks() {}

  /** A task: its project, horizon, loss, the groups that learn and an engine-side measure. */
  public record Task(
      String name,
      String projectJson,
      int ticks,
      Set<String> groups,
      double rate,
      Function<DensityModel, DensityLoss> loss,
      EngineMeasure engineMeasure,
      String measureName) {}

  /**
   * The task's measure on the stochastic engine (lower is better), taken on a fresh run of the
   * task's project and averaged over seeds.
   */
  @FunctionalInterface
  public interface EngineMeasure {
    double measure(Simulation sim);
  }

  static final int ROUTING_FROM = 5;
  static final int RELEASE_FROM = 5;

  public static Task routing() {
    String json =
        """
        {"formatVersion": 2, "name": "learn-routing", "seed": 2, "ticks": 40,
         "description": "Couriers learn, through the density model, to route to nodes 30-39.",
         "host": {"kind": "rate", "graph": {"builder": "fixed-out-degree", "nodes": 40, "degree": 4},
                  "rate": {"mode": "recurrent"}},
         "vesicleTypes": [{"name": "courier", "payloadDim": 1,
           "emission": {"mode": "poisson", "lambdaMax": 20, "bias": 10, "emitters": {"range": [0, 4]},
                        "payload": {"offset": [1]}},
           "lifetime": {"law": "exponential", "mean": 15},
           "kernel": {"temperature": 1},
           "docking": {"bias": -1000}}]}
        """;
    boolean[] targets = new boolean[40];
    for (int i = 30; i < 40; i++) {
      targets[i] = true;
    }
    return new Task(
        "routing",
        json,
        40,
        Set.of("kernel"),
        0.1,
        m -> DensityLoss.offTarget(0, targets, ROUTING_FROM),
        sim -> offTargetShare(sim, targets, 40),
        "engine_off_target_share");
  }

  public static Task release() {
    String json =
        """
        {"formatVersion": 2, "name": "learn-release", "seed": 3, "ticks": 30,
         "description": "Tuners' ACTIVATION release maps learn, through the density model, to set the outputs.",
         "host": {"kind": "rate", "graph": {"builder": "layered", "layers": [2, 6, 2]},
                  "weights": {"law": "normal-fan-in", "std": 1.0},
                  "rate": {"mode": "feedforward", "activation": "tanh"}, "modulationDecay": 0.3,
                  "inputs": [{"nodes": {"layer": 0}, "signal": {"shape": "constant", "value": 0.8}}]},
         "vesicleTypes": [{"name": "tuner", "payloadDim": 2,
           "emission": {"mode": "poisson", "lambdaMax": 30, "bias": 10, "emitters": {"layer": 0},
                        "payload": {"offset": [1, 0.5]}},
           "lifetime": {"law": "exponential", "mean": 6},
           "kernel": {"temperature": 1, "theta": {"bias": 2}},
           "docking": {"bias": 0, "sites": {"range": [2, 10]}},
           "release": [{"kind": "activation",
                        "gainPerNode": [[0,0],[0,0],[0,0],[0,0],[0,0],[0,0],[0,0],[0,0],[0,0],[0,0]],
                        "bias": [0, 0], "nodeScale": [1,1,0.05,0.05,0.05,0.05,0.05,0.05,0.05,0.05]}]}]}
        """;
    int[] outputs = {8, 9};
    double[] targets = {0.6, -0.5};
    return new Task(
        "release",
        json,
        30,
        Set.of("release"),
        0.05,
        m -> DensityLoss.hostTargets(outputs, targets, RELEASE_FROM),
        sim -> outputError(sim, outputs, targets, 30),
        "engine_output_mse");
  }

  public static List<Task> all() {
    return List.of(routing(), release());
  }

  public static Task named(String name) {
    for (Task t : all()) {
      if (t.name().equals(name)) {
        return t;
      }
    }
    throw new IllegalArgumentException("no training task named '" + name + "' (routing, release)");
  }

  static Model compile(String json) {
    try {
      return Model.compile(ProjectReader.parse(json, "task.json"), "task.json");
    } catch (ProjectException e) {
      throw new IllegalStateException("a training task's project is invalid: " + e.getMessage(), e);
    }
  }

  /** Trains a task and checks it on the engine; the result as a JSON-ready map. */
  public static Map<String, Object> run(
      Task task, int steps, int engineSeeds, ObjectNode[] learnedOut) {
    DensityTrainer.Result r =
        DensityTrainer.train(
            () -> new DensityModel(compile(task.projectJson())),
            task.loss(),
            task.ticks(),
            steps,
            task.rate(),
            task.groups());
    ObjectNode learned;
    try {
      learned = (ObjectNode) new ObjectMapper().readTree(task.projectJson());
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
    LearnedParameters.apply(learned, new DensityModel(compile(task.projectJson())), r.values());
    learned.put("name", learned.path("name").asText() + "-trained");
    if (learnedOut != null) {
      learnedOut[0] = learned;
    }
    double before = engineMean(task, task.projectJson(), engineSeeds);
    double after = engineMean(task, learned.toString(), engineSeeds);
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("task", task.name());
    out.put("steps", steps);
    out.put("horizon_ticks", task.ticks());
    out.put("groups", task.groups());
    out.put("loss_initial", r.losses()[0]);
    out.put("loss_final", r.finalLoss());
    out.put("loss_curve", r.losses());
    out.put(task.measureName() + "_before", before);
    out.put(task.measureName() + "_after", after);
    out.put("engine_seeds", engineSeeds);
    return out;
  }

  private static double engineMean(Task task, String json, int seeds) {
    double s = 0;
    for (double m : SeedRunner.run(
        compile(json), 100, seeds, Runtime.getRuntime().availableProcessors(), task.engineMeasure()::measure)) {
      s += m;
    }
    return s / seeds;
  }

  /** Mean over ticks from ROUTING_FROM of the share of vesicles off the targets. */
  static double offTargetShare(Simulation sim, boolean[] targets, int ticks) {
    double share = 0;
    int count = 0;
    double[] c = new double[sim.nodeCount()];
    for (int t = 0; t < ticks; t++) {
      sim.step();
      if (t < ROUTING_FROM) {
        continue;
      }
      java.util.Arrays.fill(c, 0);
      sim.countByNode(0, c);
      double total = 0;
      double off = 0;
      for (int i = 0; i < c.length; i++) {
        total += c[i];
        off += targets[i] ? 0 : c[i];
      }
      if (total > 0) {
        share += off / total;
        count++;
      }
    }
    return share / Math.max(1, count);
  }

  /** Mean over ticks from RELEASE_FROM of the squared output error of the engine's host. */
  static double outputError(Simulation sim, int[] outputs, double[] targets, int ticks) {
    double err = 0;
    int count = 0;
    for (int t = 0; t < ticks; t++) {
      sim.step();
      if (t < RELEASE_FROM) {
        continue;
      }
      for (int k = 0; k < outputs.length; k++) {
        double e = sim.activation(outputs[k]) - targets[k];
        err += e * e;
      }
      count++;
    }
    return err / count;
  }
}
