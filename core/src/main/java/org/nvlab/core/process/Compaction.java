package org.nvlab.core.process;

import org.nvlab.core.parallel.WorkerPool;
import org.nvlab.core.vesicle.Pool;

/**
 * Removes the dead that newborns did not replace. With D holes left among S slots the pool ends at
 * F = S - D: the holes below F, in list order, are filled by the live vesicles found at F or above,
 * in increasing order. Sources all lie at or above F and destinations below it, so no vesicle moves
 * twice and the copies (scattered writes) run in parallel; the pairing depends only on which slots
 * died, never on threads.
 */
final class Compaction {
  private static final int MOVE_CHUNK = 4096;

  private int[] from = new int[256];
  private int[] dest = new int[256];
  private int moves;
  private Pool pool;
  private final WorkerPool.Task moveTask = this::moveChunk;

  /**
   * Closes the holes {@code holes[from..to)} (dead slots, in any fixed order) of a pool whose other
   * slots are all live.
   */
  void compact(Pool p, int[] holes, int from, int to, WorkerPool wp) {
    int size = p.size();
    int dead = to - from;
    if (dead == 0) {
      return;
    }
    int end = size - dead;
    // Destinations: the holes below the new end, in list order.
    if (this.from.length < dead) {
      this.from = new int[Math.max(dead, 2 * this.from.length)];
      this.dest = new int[this.from.length];
    }
    moves = 0;
    for (int q = from; q < to; q++) {
      if (holes[q] < end) {
        dest[moves++] = holes[q];
      }
    }
    // Sources: live slots at or above the new end, ascending; there are exactly as many.
    int[] node = p.node();
    int q = 0;
    for (int s = end; s < size && q < moves; s++) {
      if (node[s] != Pool.DEAD) {
        this.from[q++] = s;
      }
    }
    if (q != moves) {
      throw new IllegalStateException(
          "compaction found " + q + " live vesicles to move into " + moves + " holes");
    }
    this.pool = p;
    wp.forEach((moves + MOVE_CHUNK - 1) / MOVE_CHUNK, moveTask);
    this.pool = null;
    p.truncate(end);
  }

  private void moveChunk(int c, int worker) {
    int a = c * MOVE_CHUNK;
    int b = Math.min(moves, a + MOVE_CHUNK);
    for (int q = a; q < b; q++) {
      pool.move(from[q], dest[q]);
    }
  }
}
