package org.nvlab.core.vocabulary;

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

  /** All causes in ordinal order (one shared array: {@code values()} copies on every call). */
  public static final java.util.List<DeathCause> ALL = java.util.List.of(values());

  public static final int COUNT = ALL.size();

  /** The cause with the given ordinal. */
  public static DeathCause of(int ordinal) {
    return ALL.get(ordinal);
  }

  /** The name in metric series, summaries and charts, e.g. "expired". */
  public String label() {
    return name().toLowerCase(java.util.Locale.ROOT);
  }

  /** The cause with this label, or null. */
  public static DeathCause byLabel(String label) {
    for (DeathCause c : ALL) {
      if (c.label().equals(label)) {
        return c;
      }
    }
    return null;
  }
}
