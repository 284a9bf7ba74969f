package org.nvlab.core.random;

/**
 * The purposes that key counter-based draws. A purpose separates streams that share a tick and an
 * id (a vesicle's docking draw and its hazard draw, say). Values are part of the reproducibility
 * contract: changing one changes every run that uses it.
 */
public final class Purpose {
  private Purpose() {}

  /** Graph construction (per edge or per node, tick = 0). */
  public static final int GRAPH = 1;

  /** Initial weights (per edge, tick = 0). */
  public static final int WEIGHTS = 2;

  /** Host input noise and stochastic stimuli (per node). */
  public static final int STIMULUS = 3;

  /** Random per-edge kernel logits (per neighbourhood entry, tick = 0). */
  public static final int KERNEL_INIT = 4;

  /** Random node keys and receptors (tick = 0). */
  public static final int KEYS_INIT = 5;

  /**
   * One draw per vesicle and tick for the docking test (top 31 bits) and the first migration hop
   * (low 32 bits). Offset by the type index times {@link #TYPE_STRIDE}.
   */
  public static final int STEP = 16;

  /** Extra migration hops: STEP_HOP + hop (hop >= 1). */
  public static final int STEP_HOP = 17;

  /** The per-tick hazard test. */
  public static final int HAZARD = 48;

  /** Emission counts (per node) and sites (per birth index). */
  public static final int EMIT_COUNT = 64;

  /** A newborn's lifetime and payload noise (per vesicle id). */
  public static final int BIRTH = 65;

  /** Cascade child counts (per parent id). */
  public static final int CASCADE = 66;

  /** Per-vesicle content kernel draws. */
  public static final int CONTENT = 67;

  /** Every per-type purpose is offset by type * TYPE_STRIDE so types never share a stream. */
  public static final int TYPE_STRIDE = 1 << 10;

  /** The purpose for a given type. */
  public static int of(int purpose, int type) {
    return purpose + type * TYPE_STRIDE;
  }
}
