package org.nvlab.core;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.nvlab.core.graph.Graph;
import org.nvlab.core.host.HostBlueprint;
import org.nvlab.core.host.Signal;
import org.nvlab.core.project.ProjectException;
import org.nvlab.core.project.ProjectReader;
import org.nvlab.core.project.ProjectSpec;
import org.nvlab.core.vesicle.VesicleType;

/**
 * A compiled project: immutable, shared, and the source of any number of runs. It holds what the
 * user asked for ({@link #spec}), the host's blueprint (graph, constants, initial state), the
 * compiled vesicle types (rules, resolved arrays, compiled expressions) and the signals that drive
 * inputs, targets and globals. Nothing in it changes while runs go on: {@link #instantiate} builds
 * a fresh {@link Simulation} with its own host and population, cheaply, from any thread, and those
 * runs never share state.
 *
 * <p>The project's own seed fixes its structure (graph, random keys and receptors); the run seed
 * given to {@code instantiate} drives the dynamics (emission, docking, migration, lifetimes,
 * noise), so seeded repetitions of one experiment share one network.
 *
 * <p>Whether a run of one model can take another's rules while it goes on is decided in one place,
 * {@link ModelChange#between}.
 */
public final class Model {
  /** A signal driving a list of nodes; node k of the list is channel k of the signal. */
  public record BoundSignal(int[] nodes, Signal signal) {}

  private final ProjectSpec spec;
  private final String file;
  private final HostBlueprint host;
  private final VesicleType[] types;
  private final List<BoundSignal> inputs;
  private final List<BoundSignal> targets;
  private final Signal reward;
  private final boolean rewardFromTask;
  private final double task;
  private final List<Signal> z;
  private final ModelKeys keys;

  Model(
      ProjectSpec spec,
      String file,
      HostBlueprint host,
      VesicleType[] types,
      List<BoundSignal> inputs,
      List<BoundSignal> targets,
      Signal reward,
      boolean rewardFromTask,
      double task,
      List<Signal> z) {
    this.spec = spec;
    this.file = file;
    this.host = host;
    this.types = types.clone();
    this.inputs = List.copyOf(inputs);
    this.targets = List.copyOf(targets);
    this.reward = reward;
    this.rewardFromTask = rewardFromTask;
    this.task = task;
    this.z = List.copyOf(z);
    this.keys = ModelKeys.of(spec);
  }

  /** Compiles a project; throws with every problem found, each at its JSON pointer. */
  public static Model compile(ProjectSpec spec) throws ProjectException {
    return compile(spec, "project.json");
  }

  /** Compiles a project read from {@code file} (the name its problems carry). */
  public static Model compile(ProjectSpec spec, String file) throws ProjectException {
    return ModelCompiler.compile(spec, file);
  }

  /** Reads, checks and compiles a project folder, its project.json, or a shared zip. */
  public static Model load(Path project) throws ProjectException {
    return compile(ProjectReader.read(project), project.toString());
  }

  /** A fresh run of this model with one engine thread. */
  public Simulation instantiate(long seed) {
    return instantiate(seed, 1);
  }

  /**
   * A fresh run: its own host built from the blueprint, an empty population, tick 0. Its results
   * depend on the seed only, never on {@code threads}.
   */
  public Simulation instantiate(long seed, int threads) {
    return new Simulation(this, seed, threads);
  }

  /**
   * The same model with other compiled types: the same network and signals, the rules of {@code
   * types} (for constructions that add an operator of their own to a compiled type). The types must
   * keep this model's layout (count, names, dimensions, dwelling).
   */
  public Model withTypes(VesicleType[] types) {
    if (types.length != this.types.length) {
      throw new IllegalArgumentException(
          "the model has " + this.types.length + " types, not " + types.length);
    }
    return new Model(spec, file, host, types, inputs, targets, reward, rewardFromTask, task, z);
  }

  /**
   * What a run of this model would make of {@code next}: nothing, a live rule change, or a reset.
   */
  public ModelChange changeTo(Model next) {
    return ModelChange.between(this, next);
  }

  public ProjectSpec spec() {
    return spec;
  }

  /** The file the project was read from, as problems name it. */
  public String file() {
    return file;
  }

  public String name() {
    return spec.name();
  }

  public HostBlueprint host() {
    return host;
  }

  public Graph graph() {
    return host.graph();
  }

  public int nodeCount() {
    return host.nodeCount();
  }

  /** The compiled types, by index (a copy of the array; the types themselves are immutable). */
  public VesicleType[] types() {
    return types.clone();
  }

  public VesicleType type(int k) {
    return types[k];
  }

  public int typeCount() {
    return types.length;
  }

  /** The type index of a name, or -1. */
  public int typeIndex(String name) {
    for (int k = 0; k < types.length; k++) {
      if (types[k].name().equals(name)) {
        return k;
      }
    }
    return -1;
  }

  public List<String> typeNames() {
    List<String> out = new ArrayList<>(types.length);
    for (VesicleType t : types) {
      out.add(t.name());
    }
    return out;
  }

  /** Node -> signal bindings for host inputs. */
  public List<BoundSignal> inputs() {
    return inputs;
  }

  /** Node -> signal bindings for task targets. */
  public List<BoundSignal> targets() {
    return targets;
  }

  /**
   * The reward signal, or null (then reward is 0, or minus the loss with {@link #rewardFromTask}).
   */
  public Signal reward() {
    return reward;
  }

  /** Reward = minus the task loss of the previous tick. */
  public boolean rewardFromTask() {
    return rewardFromTask;
  }

  public boolean hasReward() {
    return reward != null || rewardFromTask;
  }

  /** The task id. */
  public double task() {
    return task;
  }

  /** The conditioning vector's signals. */
  public List<Signal> z() {
    return z;
  }

  /**
   * A fingerprint of everything a run's state depends on but its rules: the project seed, the host
   * and its network, the global signals. Two models with the same structure key build the same
   * network; a checkpoint records it, so it is never restored into another.
   */
  public String structureKey() {
    return keys.structure();
  }

  ModelKeys keys() {
    return keys;
  }

  @Override
  public String toString() {
    return "Model[" + spec.name() + ", " + nodeCount() + " nodes, " + types.length + " types]";
  }
}
