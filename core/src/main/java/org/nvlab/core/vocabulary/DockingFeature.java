package org.nvlab.core.vocabulary;

import java.util.List;

/**
 * The node's local state psi(i) that a docking rule weighs with eta (SPEC section 5), in the order
 * of {@code docking.weights} in a project file and of the rule's arrays.
 */
public enum DockingFeature {
  ACTIVATION("activation", "the node's activation a_i"),
  ABS_ERROR("abs_error", "the node's |error|"),
  GATE("gate", "the node's plasticity gate g_i");

  /** The three, in order (one shared list). */
  public static final List<DockingFeature> ALL = List.of(values());

  private final String id;
  private final String help;

  DockingFeature(String id, String help) {
    this.id = id;
    this.help = help;
  }

  /** The name in project files ({@code docking.weights.<id>}). */
  public String id() {
    return id;
  }

  /** What the weight multiplies, in one line. */
  public String help() {
    return help;
  }
}
