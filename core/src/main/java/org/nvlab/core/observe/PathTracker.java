package org.nvlab.core.observe;

import java.util.Arrays;

/**
 * Follows one vesicle: after every tick, the node it is at (its docking node while docked) is added
 * to its path, oldest first, keeping the newest {@code limit} nodes. Which vesicle to follow may be
 * chosen from any thread ({@link #follow}); the path is kept on the thread that steps the run and
 * copied out with {@link #path}.
 */
public final class PathTracker implements Observer {
  private final int limit;
  private volatile long wanted = -1;
  private long followed = -1;
  private int[] path = new int[16];
  private int length;

  /**
   * @param limit the most nodes a path keeps (older ones are dropped)
   */
  public PathTracker(int limit) {
    if (limit < 1) {
      throw new IllegalArgumentException("a path keeps at least one node");
    }
    this.limit = limit;
  }

  /** Follows the vesicle with this id from the next tick (or {@link #record}) on; -1: none. */
  public void follow(long vesicleId) {
    wanted = vesicleId;
  }

  /** The id followed (-1: none). */
  public long followed() {
    return wanted;
  }

  @Override
  public void attached(SimulationView sim) {
    followed = -1; // another run: the path starts again where the vesicle is now
    length = 0;
  }

  @Override
  public void ticked(SimulationView sim) {
    record(sim);
  }

  /** Adds where the followed vesicle is now (a new choice starts a new path). */
  public void record(SimulationView sim) {
    long id = wanted;
    if (id != followed) {
      followed = id;
      length = 0;
    }
    if (id < 0) {
      return;
    }
    int[] where = Inspection.find(sim, id);
    if (where == null) {
      return;
    }
    int n = sim.vesicleNode(where[0], where[1]);
    int node = n < 0 ? ~n : n;
    if (length == limit) {
      System.arraycopy(path, 1, path, 0, limit - 1);
      length--;
    }
    if (length == path.length) {
      path = Arrays.copyOf(path, Math.min(limit, 2 * path.length));
    }
    path[length++] = node;
  }

  /** The path so far, oldest first (a copy). */
  public int[] path() {
    return Arrays.copyOf(path, length);
  }
}
