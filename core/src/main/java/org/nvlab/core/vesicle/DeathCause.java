package org.nvlab.core.vesicle;

/** Why a vesicle left the population (SPEC section 7). Every death is counted under one cause. */
public enum DeathCause {
  /** Its lifetime ran out. */
  EXPIRED,
  /** The per-tick hazard struck. */
  HAZARD,
  /** It stood on an absorbing node. */
  ABSORBED,
  /** It docked and its release consumed it (quantal), or its dwell time ended. */
  DOCKED,
  /** It was born over the type's population cap and removed at once. */
  CAPPED;

  public static final int COUNT = values().length;

  /** The metric series name, e.g. "expired". */
  public String label() {
    return name().toLowerCase(java.util.Locale.ROOT);
  }
}
