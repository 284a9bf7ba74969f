package org.nvlab.core.process;

import java.util.Arrays;
import org.nvlab.core.parallel.WorkerPool;
import org.nvlab.core.vesicle.Pool;

/**
 * Removes the tick's dead from a pool. With D dead among S slots the pool ends at F = S - D: the
 * holes below F are filled, in increasing order, by the live vesicles found at F or above, in
 * increasing order. Sources all lie at or above F and destinations below it, so no vesicle moves
 * twice and the copies (scattered writes) run in parallel; the pairing depends only on which slots
 * died, never on threads.
 */
final class Compaction {
  private static final int MOVE_CHUNK = 4096;

  private int[] from = new int[256];
  private int[] to = new int[256];
  private int moves;
  private Pool pool;
  private final WorkerPool.Task moveTask = this::moveChunk;

  void compact(Pool p, ChunkResult[] chunks, int first, int last, WorkerPool wp) {
    int size = p.size();
    long dead = 0;
    for (int c = first; c < last; c++) {
      dead += chunks[c].deadCount;
    }
    if (dead == 0) {
      return;
    }
    int end = (int) (size - dead);
    // Destinations: dead slots below the new end, ascending (chunks and their lists are in
    // slot order).
    moves = 0;
    for (int c = first; c < last; c++) {
      ChunkResult cr = chunks[c];
      for (int k = 0; k < cr.deadCount; k++) {
        int h = cr.dead[k];
        if (h < end) {
          if (moves == to.length) {
            to = Arrays.copyOf(to, 2 * moves);
            from = Arrays.copyOf(from, 2 * moves);
          }
          to[moves++] = h;
        }
      }
    }
    // Sources: live slots at or above the new end, ascending; there are exactly as many.
    int[] node = p.node();
    int q = 0;
    for (int s = end; s < size && q < moves; s++) {
      if (node[s] != Pool.DEAD) {
        from[q++] = s;
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
      pool.move(from[q], to[q]);
    }
  }
}
