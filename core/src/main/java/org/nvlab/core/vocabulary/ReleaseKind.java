package org.nvlab.core.vocabulary;

import java.util.List;

/**
 * The release operators built into the lab (SPEC section 6), by the name a project file gives in
 * {@code release[].kind}. Plugins add kinds of their own under other names (see {@code
 * release.ReleaseKinds}, which registers these five exactly like a plugin's).
 */
public enum ReleaseKind {
  /**
   * FiLM-like: gain and bias readouts of the payload shift gamma and beta (and a LIF threshold).
   */
  ACTIVATION("activation", "shifts gain and bias (FiLM-like)"),
  /** Weights change, multiplicatively or by a low-rank update (hypernetwork-like). */
  PARAMETER("parameter", "changes weights (multiplicative or low-rank)"),
  /** The plasticity gate g: the node's learning rate, or the third factor of STDP. */
  LEARNING("learning", "gates learning (the plasticity gate g)"),
  /** A trace written into the node's memory M. */
  MEMORY("memory", "writes the node's memory trace"),
  /** Vesicles of another type are emitted at the node. */
  CASCADE("cascade", "emits vesicles of another type");

  /** The five, in this order (one shared list). */
  public static final List<ReleaseKind> ALL = List.of(values());

  private final String id;
  private final String help;

  ReleaseKind(String id, String help) {
    this.id = id;
    this.help = help;
  }

  /** The name in project files, e.g. {@code learning}. */
  public String id() {
    return id;
  }

  /** One line saying what it does, for editors and messages. */
  public String help() {
    return help;
  }

  /** The built-in kind with this name, or null (a plugin's kind, or a typo). */
  public static ReleaseKind byId(String id) {
    for (ReleaseKind k : ALL) {
      if (k.id.equals(id)) {
        return k;
      }
    }
    return null;
  }

  /** The names of the five, in order. */
  public static List<String> ids() {
    return ALL.stream().map(ReleaseKind::id).toList();
  }
}
