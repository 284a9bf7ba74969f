package org.nvlab.core.project;

import java.util.List;

/**
 * What the user asked for: an experiment as written in {@code project.json}, with defaults filled
 * in, before anything is built. Immutable. {@link ProjectReader} makes one from JSON (reporting
 * every problem with its JSON pointer); {@code Model.compile} turns one into a model that runs. The
 * field meanings are documented in docs/file-format.md and the maths in docs/model.md.
 */
public record ProjectSpec(
    int formatVersion,
    String name,
    String description,
    long seed,
    int ticks,
    HostSpec host,
    GlobalsSpec globals,
    List<TypeSpec> vesicleTypes) {

  /** The format version this build reads and writes. */
  public static final int FORMAT_VERSION = 2;

  /** A set of nodes: explicit indices, a layer, a half-open range, or all nodes (all null). */
  public record NodeSet(int[] nodes, Integer layer, int[] range) {
    public static NodeSet all() {
      return new NodeSet(null, null, null);
    }

    /** These nodes, by index. */
    public static NodeSet of(int... nodes) {
      return new NodeSet(nodes.clone(), null, null);
    }

    /** Layer k of a layered graph. */
    public static NodeSet layer(int k) {
      return new NodeSet(null, k, null);
    }

    /** The nodes first, first + 1, ..., end - 1. */
    public static NodeSet range(int first, int end) {
      return new NodeSet(null, null, new int[] {first, end});
    }

    public boolean isAll() {
      return nodes == null && layer == null && range == null;
    }
  }

  public record SignalSpec(
      String shape,
      double amplitude,
      double period,
      double phase,
      double phaseStep,
      double offset,
      double rate,
      double[] values) {}

  /** A signal bound to nodes: host inputs or task targets. */
  public record Binding(NodeSet nodes, SignalSpec signal) {}

  public record GraphSpec(
      String builder,
      int[] layers,
      double density,
      int width,
      int height,
      boolean torus,
      boolean diagonal,
      int nodes,
      double p,
      int degree,
      double[][] edges,
      long seed) {}

  public record WeightSpec(String law, double mean, double std, double low, double high) {}

  public record LifSpec(
      double dt,
      double tauMembrane,
      double vRest,
      double vReset,
      double threshold,
      int refractory,
      double tauSynapse,
      double tauRate,
      double stdpRate,
      double aPlus,
      double aMinus,
      double tauPlus,
      double tauMinus,
      double tauEligibility,
      double wMin,
      double wMax) {}

  public record HostSpec(
      String kind,
      GraphSpec graph,
      WeightSpec weights,
      String activation,
      String mode,
      double bias,
      double learningRate,
      LifSpec lif,
      int memoryDim,
      double memoryInitStd,
      double[] memoryInit,
      double modulationDecay,
      double gateDecay,
      List<Binding> inputs,
      List<Binding> targets) {}

  /** Global signals: reward (a signal, or -loss of the task when rewardFromTask), task id, z. */
  public record GlobalsSpec(
      SignalSpec reward, boolean rewardFromTask, double task, List<SignalSpec> z) {}

  /** Emission; {@code rate} is a user expression for the expected births (or null). */
  public record EmissionSpec(
      String mode,
      double lambdaMax,
      double[] weights,
      double bias,
      NodeSet emitters,
      int target,
      double[] payloadMatrix,
      double[] payloadFromZ,
      double[] payloadOffset,
      boolean tanh,
      double noise,
      String rate) {}

  public record LifetimeSpec(String law, double mean, double hazard) {}

  /** The kernel; {@code score} is a user expression for z(i, j) replacing theta (or null). */
  public record KernelSpec(
      double temperature,
      String neighbourhood,
      int hops,
      double[] theta,
      double edgeBiasStd,
      double[] edgeBias,
      double contentScale,
      String keys,
      double keyStd,
      String score) {}

  /** Docking; {@code logit} is a user expression for the docking logit (or null). */
  public record DockingSpec(
      double bias,
      double[] eta,
      double content,
      String receptors,
      double receptorStd,
      double[] stateWeights,
      int dwell,
      NodeSet sites,
      String logit) {}

  public record StateSpec(double decay, double[] input) {}

  /**
   * One release operator. Only the fields of its kind are used; {@code pointer} locates the entry
   * in the file for later messages. {@code maps} holds the readouts given as expressions instead of
   * lists (keyed by field: gain, bias, threshold, h, l), or is empty.
   */
  public record ReleaseSpec(
      String kind,
      String pointer,
      double[] gain,
      double[] bias,
      double[] threshold,
      double[] gainPerNode,
      double[] biasPerNode,
      double[] nodeScale,
      String mode,
      boolean incoming,
      double eta,
      double[] h,
      double uStd,
      double vStd,
      double scale,
      double[] l,
      double omega,
      double[] q,
      String child,
      double count,
      boolean poisson,
      double[] transform,
      double[] offset,
      boolean tanh,
      boolean fromMemory,
      java.util.Map<String, Object> params,
      java.util.Map<String, String> maps) {}

  public record TypeSpec(
      String name,
      int payloadDim,
      int stateDim,
      EmissionSpec emission,
      LifetimeSpec lifetime,
      KernelSpec kernel,
      DockingSpec docking,
      StateSpec state,
      List<ReleaseSpec> release,
      NodeSet absorbing,
      int cap) {}
}
