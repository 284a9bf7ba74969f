package org.nvlab.core.limits;

import org.nvlab.core.graph.WeightInit;
import org.nvlab.core.host.Activation;
import org.nvlab.core.project.ProjectBuilder;
import org.nvlab.core.project.ProjectSpec;
import org.nvlab.core.project.ProjectSpec.NodeSet;
import org.nvlab.core.vesicle.EmissionRule;
import org.nvlab.core.vesicle.KernelRule;
import org.nvlab.core.vesicle.LifetimeLaw;
import org.nvlab.core.vocabulary.DockingFeature;
import org.nvlab.core.vocabulary.KernelFeature;
import org.nvlab.core.vocabulary.ReleaseKind;

/**
 * The sparse-agents experiment (SPEC section 10) as ordinary projects: one host and task, and the
 * two vesicle populations that modulate its learning.
 *
 * <p><b>Host and task.</b> A feed-forward tanh network of three layers trains online by gradient
 * descent at a small base rate eta_0. Its inputs carry sine waves of one period with a phase step
 * per node. Most outputs follow a sine of that period (learnable from the inputs); the last {@code
 * hardOutputs} follow square waves of their own slow period, whose switches the inputs cannot
 * predict: after each switch the error at those outputs is large and shrinks only as fast as their
 * learning rate allows. The error is therefore concentrated at a few nodes, and where it sits is a
 * matter of state, not of position in the file.
 *
 * <p><b>Sparse agents.</b> {@code agents} vesicles (REPLACE emission keeps exactly that many alive)
 * walk both ways along the edges with a kernel that prefers neighbours with a large |e|, dock with
 * a probability that rises steeply with the local |e|, and dwell for {@code agentDwell} ticks,
 * releasing a LEARNING RULE increment g += {@code agentPayload} on every tick.
 *
 * <p><b>Dense vesicles.</b> {@code denseVesicles} vesicles (REPLACE emission) live {@code
 * denseLifetime} ticks, walk the same neighbourhood uniformly at random (T = infinity), dock with a
 * constant probability at the same sites, and release once. Their payload is a parameter of {@link
 * #projectSpec}: the comparison sets it so that the total released payload equals the sparse
 * agents' (see {@link SparseAgents}).
 *
 * <p>Both types release into the gate only (l = 1), so the released payload is the total gate
 * increment. Docking sites are the hidden and output nodes: input nodes do not learn.
 *
 * @param task the host and its task
 * @param agents the sparse agents
 * @param dense the dense vesicles (their payload is set by the comparison)
 * @param ticks ticks per run
 * @param window the last ticks over which the loss is averaged
 */
public record AgentsDesign(Task task, Agents agents, Dense dense, int ticks, int window) {

  /**
   * The host and its task.
   *
   * @param inputs nodes in the input layer
   * @param hidden nodes in the hidden layer
   * @param outputs nodes in the output layer
   * @param hardOutputs outputs (the last ones) whose target is a square wave
   * @param learningRate eta_0
   * @param gateDecay rho_g
   * @param period period of the input sines and of the learnable targets, ticks
   * @param inputAmplitude amplitude of the input sines
   * @param inputOffset offset of the input sines
   * @param easyAmplitude amplitude of the learnable (sine) targets
   * @param hardAmplitude amplitude of the square-wave targets
   * @param hardPeriod period of the square-wave targets, ticks
   */
  public record Task(
      int inputs,
      int hidden,
      int outputs,
      int hardOutputs,
      double learningRate,
      double gateDecay,
      int period,
      double inputAmplitude,
      double inputOffset,
      double easyAmplitude,
      double hardAmplitude,
      int hardPeriod) {

    public Task {
      if (inputs < 1 || hidden < 1 || outputs < 1 || hardOutputs < 1 || hardOutputs > outputs) {
        throw new IllegalArgumentException(
            "layers must be non-empty and hardOutputs in 1..outputs");
      }
    }
  }

  /**
   * The sparse agents.
   *
   * @param count agents kept alive
   * @param dwell ticks a docked agent releases before it is consumed
   * @param payload an agent's payload: its gate increment per tick docked
   * @param lifetime an undocked agent's lifetime (fixed), ticks
   * @param seek theta of |e_j| in the agents' kernel
   * @param dockBias docking bias
   * @param dockError docking weight of |e_i|
   */
  public record Agents(
      int count,
      int dwell,
      double payload,
      double lifetime,
      double seek,
      double dockBias,
      double dockError) {

    public Agents {
      if (count < 1 || dwell < 1) {
        throw new IllegalArgumentException("count and dwell must be positive");
      }
    }
  }

  /**
   * The dense vesicles.
   *
   * @param count vesicles kept alive
   * @param lifetime a vesicle's lifetime (fixed), ticks
   * @param dockProbability docking probability per tick at a site
   */
  public record Dense(int count, double lifetime, double dockProbability) {

    public Dense {
      if (count < 1) {
        throw new IllegalArgumentException("count must be positive");
      }
      if (!(dockProbability > 0 && dockProbability < 1)) {
        throw new IllegalArgumentException("dockProbability must be in (0, 1)");
      }
    }
  }

  /** The name of the sparse agents' vesicle type. */
  public static final String AGENT = "agent";

  /** The name of the dense vesicles' type. */
  public static final String DENSE = "modulator";

  public AgentsDesign {
    if (ticks < 1 || window < 1 || window > ticks) {
      throw new IllegalArgumentException("need 1 <= window <= ticks, got " + window + ", " + ticks);
    }
  }

  /** The design measured in docs/model.md ("Sparse agents, measured"). */
  public static AgentsDesign standard() {
    return new AgentsDesign(
        new Task(8, 24, 8, 2, 0.002, 0.9, 50, 0.25, 0.75, 0.2, 0.6, 160),
        new Agents(4, 400, 1.0, 300, 10, -8, 12),
        new Dense(300, 5, 0.2),
        4000,
        1000);
  }

  /** The same design with another run length and window (shorter runs for tests). */
  public AgentsDesign withTicks(int ticks, int window) {
    return new AgentsDesign(task, agents, dense, ticks, window);
  }

  public int nodeCount() {
    return task.inputs() + task.hidden() + task.outputs();
  }

  /** The first node that can dock (hidden and output nodes are the sites). */
  public int firstSite() {
    return task.inputs();
  }

  /** The first output whose target is a square wave. */
  public int firstHardOutput() {
    return nodeCount() - task.hardOutputs();
  }

  /**
   * The project of one condition.
   *
   * @param condition which vesicles the host carries
   * @param seed the project seed (it fixes the network's initial weights)
   * @param densePayload the dense vesicles' payload (ignored for the other conditions)
   */
  public ProjectSpec projectSpec(AgentsCondition condition, long seed, double densePayload) {
    String name =
        switch (condition) {
          case NONE -> "no-vesicles";
          case SPARSE -> "sparse-agents";
          case DENSE -> "dense-modulators";
        };
    Task k = task;
    ProjectBuilder b =
        ProjectBuilder.project(name)
            .description(description(condition))
            .seed(seed)
            .ticks(ticks)
            .host(
                h ->
                    h.layered(k.inputs(), k.hidden(), k.outputs())
                        .weights(w -> w.law(WeightInit.Law.NORMAL_FAN_IN).std(1))
                        .recurrent(false)
                        .activation(Activation.TANH)
                        .learningRate(k.learningRate())
                        .gateDecay(k.gateDecay())
                        .input(
                            NodeSet.layer(0),
                            ProjectBuilder.sine(k.inputAmplitude(), k.period())
                                .offset(k.inputOffset())
                                .phaseStep((double) k.period() / k.inputs())
                                .build())
                        .target(
                            NodeSet.range(k.inputs() + k.hidden(), firstHardOutput()),
                            ProjectBuilder.sine(k.easyAmplitude(), k.period())
                                .phaseStep(Math.round(k.period() / 7.0))
                                .build())
                        .target(
                            NodeSet.range(firstHardOutput(), nodeCount()),
                            ProjectBuilder.square(k.hardAmplitude(), k.hardPeriod())
                                .phaseStep(
                                    Math.round((double) k.hardPeriod() / (k.hardOutputs() + 1)))
                                .build()));
    switch (condition) {
      case NONE -> {}
      case SPARSE -> agentType(b);
      case DENSE -> denseType(b, densePayload);
    }
    return b.build();
  }

  private static String description(AgentsCondition c) {
    return switch (c) {
      case NONE -> "The sparse-agents task without vesicles: learning at the base rate everywhere.";
      case SPARSE ->
          "A few long-lived agents seek the output with the largest error, dock, dwell and raise"
              + " its learning rate (SPEC section 10, sparse agents).";
      case DENSE ->
          "Many short-lived vesicles on a plain random walk raise the learning rate where they"
              + " land, with the same total payload as the sparse agents.";
    };
  }

  private NodeSet sites() {
    return NodeSet.range(firstSite(), nodeCount());
  }

  private void agentType(ProjectBuilder b) {
    Agents a = agents;
    b.type(
        AGENT,
        t ->
            t.payloadDim(1)
                .emission(
                    e ->
                        e.mode(EmissionRule.Mode.REPLACE)
                            .target(a.count())
                            .payloadOffset(a.payload()))
                .lifetime(LifetimeLaw.Kind.FIXED, a.lifetime())
                .kernel(
                    k ->
                        k.temperature(1)
                            .neighbourhood(KernelRule.Neighbourhood.BOTH)
                            .theta(KernelFeature.ABS_ERROR, a.seek()))
                .docking(
                    d ->
                        d.bias(a.dockBias())
                            .weight(DockingFeature.ABS_ERROR, a.dockError())
                            .dwell(a.dwell())
                            .sites(sites()))
                .release(ReleaseKind.LEARNING, r -> r.l(1)));
  }

  private void denseType(ProjectBuilder b, double payload) {
    Dense v = dense;
    b.type(
        DENSE,
        t ->
            t.payloadDim(1)
                .emission(
                    e -> e.mode(EmissionRule.Mode.REPLACE).target(v.count()).payloadOffset(payload))
                .lifetime(LifetimeLaw.Kind.FIXED, v.lifetime())
                .kernel(
                    k ->
                        k.temperature(Double.POSITIVE_INFINITY)
                            .neighbourhood(KernelRule.Neighbourhood.BOTH))
                .docking(
                    d ->
                        d.bias(Math.log(v.dockProbability() / (1 - v.dockProbability())))
                            .sites(sites()))
                .release(ReleaseKind.LEARNING, r -> r.l(1)));
  }
}
