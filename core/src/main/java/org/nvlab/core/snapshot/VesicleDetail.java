package org.nvlab.core.snapshot;

/**
 * What an inspector shows about one vesicle after a tick, copied on the thread that steps the
 * simulation: v = (c, kappa, l, tau, s) in the paper's words, and the nodes it has been at.
 *
 * @param ticksLeft tau: ticks until its lifetime ends
 * @param dwellLeft releases left while docked (0 when not docked)
 * @param path the nodes it was at, oldest first, since it was first inspected (at most the
 *     inspector's limit)
 */
public record VesicleDetail(
    int tick,
    long id,
    int type,
    String typeName,
    int node,
    boolean docked,
    int ticksLeft,
    int dwellLeft,
    float[] payload,
    float[] state,
    int[] path) {
  public VesicleDetail {
    payload = payload.clone();
    state = state.clone();
    path = path.clone();
  }

  @Override
  public float[] payload() {
    return payload.clone();
  }

  @Override
  public float[] state() {
    return state.clone();
  }

  @Override
  public int[] path() {
    return path.clone();
  }

  /** |c|, the payload's length. */
  public double payloadNorm() {
    double s = 0;
    for (float c : payload) {
      s += (double) c * c;
    }
    return Math.sqrt(s);
  }
}
