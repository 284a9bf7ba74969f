package org.nvlab.core.vocabulary;

import java.util.List;

/**
 * The features phi(i, j) of a move from node i to node j that a migration kernel weighs with theta
 * (SPEC section 4), in the order of {@code kernel.theta} in a project file and of the kernel's
 * arrays.
 */
public enum KernelFeature {
  BIAS("bias", "added to every move that leaves the node (not to staying)"),
  WEIGHT("weight", "times the weight of the edge the move uses"),
  ACTIVATION("activation", "times the destination's activation a_j"),
  ABS_ERROR("abs_error", "times the destination's |error|"),
  DIRECTION("direction", "times the direction: +1 along the edge, -1 against it, 0 staying"),
  GATE("gate", "times the destination's plasticity gate g_j");

  /** The six, in order (one shared list). */
  public static final List<KernelFeature> ALL = List.of(values());

  private final String id;
  private final String help;

  KernelFeature(String id, String help) {
    this.id = id;
    this.help = help;
  }

  /** The name in project files ({@code kernel.theta.<id>}). */
  public String id() {
    return id;
  }

  /** What the feature's weight multiplies, in one line. */
  public String help() {
    return help;
  }
}
