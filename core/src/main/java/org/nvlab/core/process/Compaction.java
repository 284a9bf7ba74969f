package org.nvlab.core.process;

import org.nvlab.core.parallel.WorkerPool;
import org.nvlab.core.vesicle.Pool;

/**
 * Removes the dead that newborns did not replace. With D holes left among S slots the pool ends at
 * F = S - D: the holes below F are filled, in increasing order, by the live vesicles found at F or
 * above, in increasing order. Sources all lie at or above F and destinations below it, so no
 * vesicle moves twice and the copies (scattered writes) run in parallel; the pairing depends only
 * on which slots died, never on threads.
 */
final class Compaction {
  private static final int MOVE_CHUNK = 4096;

  private int[] from = new int[256];
  private int[] to;
  private int toOffset;
  private int moves;
  private Pool pool;
  private final WorkerPool.Task moveTask = this::moveChunk;

  /**
   * Closes the holes {@code holes[from..to)} (dead slots, ascending) of a pool whose other slots
   * are all live.
   */
  void compact(Pool p, int[] holes, int from, int to, WorkerPool wp) {
    int size = p.size();
    int dead = to - from;
    if (dead == 0) {
      return;
    }
    int end = size - dead;
    // Destinations: the holes below the new end (the list is ascending, so a prefix of it).
    moves = 0;
    while (from + moves < to && holes[from + moves] < end) {
      moves++;
    }
    if (this.from.length < moves) {
      this.from = new int[Math.max(moves, 2 * this.from.length)];
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
    this.to = holes;
    this.toOffset = from;
    this.pool = p;
    wp.forEach((moves + MOVE_CHUNK - 1) / MOVE_CHUNK, moveTask);
    this.pool = null;
    this.to = null;
    p.truncate(end);
  }

  private void moveChunk(int c, int worker) {
    int a = c * MOVE_CHUNK;
    int b = Math.min(moves, a + MOVE_CHUNK);
    for (int q = a; q < b; q++) {
      pool.move(from[q], to[toOffset + q]);
    }
  }
}
