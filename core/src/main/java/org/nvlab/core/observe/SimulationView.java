package org.nvlab.core.observe;

import org.nvlab.core.graph.Graph;
import org.nvlab.core.project.ProjectSpec;
import org.nvlab.core.vocabulary.DeathCause;

/**
 * A running simulation, read-only: what an {@link Observer} (metrics, snapshots, the inspected
 * vesicle's path, the density companion, a spike raster) and any other reader may see of it between
 * two ticks. Nothing here changes the run; the values are live, so a reader copies what it keeps.
 * Called on the thread that steps the simulation.
 *
 * <p>Vesicles are read by type and slot: slots 0..{@link #vesicleCount}-1 of a type are its live
 * vesicles, in no particular order (compaction moves them), each with a stable id. A docked,
 * dwelling vesicle's node reads as {@code ~node} (negative).
 */
public interface SimulationView {
  /** Ticks run so far: the index of the next tick. */
  int tick();

  /** The run seed that drives the dynamics. */
  long seed();

  /**
   * The number of the live rule changes this run has taken (0: it runs the rules it began with).
   */
  int revision();

  /** The project whose rules the run follows now (the one it began with, or the last taken). */
  ProjectSpec spec();

  // ---- the host network

  Graph graph();

  int nodeCount();

  /** True for a LIF host (spikes are 0 or 1). */
  boolean spiking();

  /** m, the width of each node's memory trace (0: none). */
  int memoryDim();

  /** True when the project has a task (targets, a loss). */
  boolean hasTask();

  /** True when the project has a reward signal (given, or minus the task loss). */
  boolean hasReward();

  float activation(int node);

  float error(int node);

  float gamma(int node);

  float beta(int node);

  float gate(int node);

  /** 1 where the node spiked in the last tick (LIF); 0 on a rate host. */
  float spike(int node);

  float memory(int node, int k);

  float weight(int edge);

  /** Changes whenever the host's weights change (learning, parameter releases). */
  int weightsVersion();

  /** The task loss of the last forward pass (0 without a task). */
  double loss();

  /** The reward of the last tick. */
  double reward();

  /** Copies the activations into {@code into} (length: node count). */
  void copyActivation(float[] into);

  void copyGamma(float[] into);

  void copySpike(float[] into);

  void copyWeights(float[] into);

  // ---- vesicle types and the population

  int typeCount();

  String typeName(int type);

  /** The type index of a name, or -1. */
  int typeIndex(String name);

  int payloadDim(int type);

  int stateDim(int type);

  /** Releases per docking of a dwelling type (1: docked vesicles are consumed at once). */
  int dwellTicks(int type);

  /** Live vesicles of a type. */
  int vesicleCount(int type);

  /** Births of the type in the last tick. */
  long births(int type);

  long deaths(int type, DeathCause cause);

  long dockings(int type);

  /** Releases in the last tick (dwelling vesicles release every tick they dwell). */
  long releases(int type);

  /** The L1 payload mass the type released in the last tick. */
  double releasedPayload(int type);

  int vesicleNode(int type, int slot);

  long vesicleId(int type, int slot);

  /** The tick at which the vesicle's lifetime ends. */
  int vesicleExpiry(int type, int slot);

  /** Releases left while docked and dwelling (0 otherwise). */
  int vesicleDwell(int type, int slot);

  float payload(int type, int slot, int component);

  float state(int type, int slot, int component);

  /** The slot of the live vesicle with this id in a type, or -1. */
  int slotOf(int type, long id);

  /** Copies the first {@code count} slots' nodes. */
  void copyNodes(int type, int[] into, int count);

  void copyIds(int type, long[] into, int count);

  /** Adds the undocked vesicles of a type at each node into {@code counts}. */
  void countByNode(int type, double[] counts);

  /** How many releases the type made in the last tick. */
  int releaseCount(int type);

  /** Copies the nodes of the type's last-tick releases into {@code into}; returns how many. */
  int releaseNodes(int type, int[] into);

  /** The type's current kernel row at a node: move probabilities, in neighbourhood order. */
  double[] kernelRow(int type, int node);

  /** The destinations of the moves of {@link #kernelRow}. */
  int[] kernelDestinations(int type, int node);
}
