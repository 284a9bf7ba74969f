package org.nvlab.core.host;

import org.nvlab.core.graph.Graph;

/**
 * Everything a host network is built from, and nothing that changes while it runs: the graph (with
 * its initial weights), the host kind and its constants, the initial biases and memory traces, the
 * modulation decays, and which nodes take inputs and targets. Immutable and shared: a compiled
 * model holds one, and each running instance {@link #build}s its own host from it, so any number of
 * runs, on any threads, start from the same network.
 *
 * <p>The arrays are the blueprint's own and are never written; {@link #build} copies what a host
 * changes.
 *
 * @param graph the topology and initial weights
 * @param kind rate or LIF
 * @param activation the rate host's transfer function (null for LIF)
 * @param recurrent the rate host updates synchronously (false: feed-forward by levels)
 * @param bias initial per-node biases of the rate host (null: zeros)
 * @param learningRate the rate host's gradient step eta_0
 * @param lif the LIF constants (null for a rate host)
 * @param memoryDim m, the width of each node's memory trace
 * @param memory initial memory traces, m per node (null: zeros)
 * @param modulationDecay rho_mod
 * @param gateDecay rho_g
 * @param inputs the nodes whose input a stimulus sets each tick
 * @param targets the task's output nodes
 */
public record HostBlueprint(
    Graph graph,
    Kind kind,
    Activation activation,
    boolean recurrent,
    float[] bias,
    float learningRate,
    LifNetwork.Params lif,
    int memoryDim,
    float[] memory,
    float modulationDecay,
    float gateDecay,
    int[] inputs,
    int[] targets) {

  /** The two host kinds of SPEC section 1. */
  public enum Kind {
    RATE,
    LIF
  }

  public HostBlueprint {
    int n = graph.nodeCount();
    if ((kind == Kind.LIF) != (lif != null) || (kind == Kind.RATE) != (activation != null)) {
      throw new IllegalArgumentException(
          "a rate host needs an activation, a LIF host its constants");
    }
    if (bias != null && bias.length != n) {
      throw new IllegalArgumentException("bias needs one number per node (" + n + ")");
    }
    if (memory != null && memory.length != (long) n * memoryDim) {
      throw new IllegalArgumentException("memory needs " + memoryDim + " numbers per node");
    }
  }

  /**
   * Why this blueprint cannot make a host, or null when it can: a feed-forward rate host needs an
   * acyclic graph.
   */
  public String problem() {
    if (kind == Kind.RATE && !recurrent && graph.topologicalOrder() == null) {
      return "a feed-forward rate network needs an acyclic graph; this graph has a cycle"
          + " (use mode 'recurrent')";
    }
    return null;
  }

  public int nodeCount() {
    return graph.nodeCount();
  }

  public boolean spiking() {
    return kind == Kind.LIF;
  }

  public boolean hasTask() {
    return targets.length > 0;
  }

  /** A fresh host in its initial state, its arrays its own. */
  public Host build() {
    Host h =
        kind == Kind.LIF
            ? new LifNetwork(graph, lif, memoryDim, modulationDecay, gateDecay)
            : new RateNetwork(
                graph,
                activation,
                recurrent,
                bias,
                learningRate,
                memoryDim,
                modulationDecay,
                gateDecay);
    if (memory != null) {
      System.arraycopy(memory, 0, h.memory(), 0, memory.length);
    }
    for (int i : inputs) {
      h.markInput(i);
    }
    for (int i : targets) {
      h.markTarget(i);
    }
    return h;
  }
}
