package org.nvlab.core.density;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.nvlab.core.Model;
import org.nvlab.core.SeedRunner;
import org.nvlab.core.Simulation;
import org.nvlab.core.graph.WeightInit;
import org.nvlab.core.host.Activation;
import org.nvlab.core.project.ProjectBuilder;
import org.nvlab.core.project.ProjectException;
import org.nvlab.core.project.ProjectSpec;
import org.nvlab.core.project.ProjectSpec.NodeSet;
import org.nvlab.core.vesicle.EmissionRule;
import org.nvlab.core.vesicle.LifetimeLaw;
import org.nvlab.core.vocabulary.KernelFeature;
import org.nvlab.core.vocabulary.ReleaseKind;

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
      ProjectSpec project,
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
    ProjectSpec spec =
        ProjectBuilder.project("learn-routing")
            .seed(2)
            .ticks(40)
            .description("Couriers learn, through the density model, to route to nodes 30-39.")
            .host(h -> h.fixedOutDegree(40, 4).recurrent(true))
            .type(
                "courier",
                t ->
                    t.payloadDim(1)
                        .emission(
                            e ->
                                e.mode(EmissionRule.Mode.POISSON)
                                    .lambdaMax(20)
                                    .bias(10)
                                    .emitters(NodeSet.range(0, 4))
                                    .payloadOffset(1))
                        .lifetime(LifetimeLaw.Kind.EXPONENTIAL, 15)
                        .kernel(k -> k.temperature(1))
                        .docking(d -> d.bias(-1000)))
            .build();
    boolean[] targets = new boolean[40];
    for (int i = 30; i < 40; i++) {
      targets[i] = true;
    }
    return new Task(
        "routing",
        spec,
        40,
        Set.of("kernel"),
        0.1,
        m -> DensityLoss.offTarget(0, targets, ROUTING_FROM),
        sim -> offTargetShare(sim, targets, 40),
        "engine_off_target_share");
  }

  public static Task release() {
    double[] nodeScale = {1, 1, 0.05, 0.05, 0.05, 0.05, 0.05, 0.05, 0.05, 0.05};
    ProjectSpec spec =
        ProjectBuilder.project("learn-release")
            .seed(3)
            .ticks(30)
            .description(
                "Tuners' ACTIVATION release maps learn, through the density model, to set the"
                    + " outputs.")
            .host(
                h ->
                    h.layered(2, 6, 2)
                        .weights(w -> w.law(WeightInit.Law.NORMAL_FAN_IN).std(1))
                        .recurrent(false)
                        .activation(Activation.TANH)
                        .modulationDecay(0.3)
                        .input(NodeSet.layer(0), ProjectBuilder.constant(0.8)))
            .type(
                "tuner",
                t ->
                    t.payloadDim(2)
                        .emission(
                            e ->
                                e.mode(EmissionRule.Mode.POISSON)
                                    .lambdaMax(30)
                                    .bias(10)
                                    .emitters(NodeSet.layer(0))
                                    .payloadOffset(1, 0.5))
                        .lifetime(LifetimeLaw.Kind.EXPONENTIAL, 6)
                        .kernel(k -> k.temperature(1).theta(KernelFeature.BIAS, 2))
                        .docking(d -> d.bias(0).sites(NodeSet.range(2, 10)))
                        .release(
                            ReleaseKind.ACTIVATION,
                            r -> r.gainPerNode(new double[10 * 2]).bias(0, 0).nodeScale(nodeScale)))
            .build();
    int[] outputs = {8, 9};
    double[] targets = {0.6, -0.5};
    return new Task(
        "release",
        spec,
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

  /** The one call that compiles a task's project. */
  static Model compile(ProjectSpec spec) {
    try {
      return Model.compile(spec, spec.name() + ".json");
    } catch (ProjectException e) {
      throw new IllegalStateException("a training task's project is invalid: " + e.getMessage(), e);
    }
  }

  /**
   * Trains a task and checks it on the engine; the result as a JSON-ready map. When {@code
   * learnedOut} is given, its first element receives the trained project.
   */
  public static Map<String, Object> run(
      Task task, int steps, int engineSeeds, ProjectSpec[] learnedOut) {
    DensityTrainer.Result r =
        DensityTrainer.train(
            () -> new DensityModel(compile(task.project())),
            task.loss(),
            task.ticks(),
            steps,
            task.rate(),
            task.groups());
    ProjectSpec learned =
        ProjectBuilder.from(
                LearnedParameters.apply(
                    task.project(), new DensityModel(compile(task.project())), r.values()))
            .name(task.project().name() + "-trained")
            .build();
    if (learnedOut != null) {
      learnedOut[0] = learned;
    }
    double before = engineMean(task, task.project(), engineSeeds);
    double after = engineMean(task, learned, engineSeeds);
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

  private static double engineMean(Task task, ProjectSpec spec, int seeds) {
    double s = 0;
    int threads = Runtime.getRuntime().availableProcessors();
    for (double m :
        SeedRunner.run(compile(spec), 100, seeds, threads, task.engineMeasure()::measure)) {
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
