package org.nvlab.app.desktop;

import java.util.ArrayList;
import java.util.List;
import org.nvlab.core.Checkpoints;
import org.nvlab.core.Simulation;

/**
 * The recent past of one run, for rewinding it: checkpoints held in memory, one every {@link
 * #interval} ticks, in a bounded amount of memory. When the ring would hold more than its budget
 * (or more than {@link #MAX_STATES} states), every other state is dropped and the interval doubles,
 * so the ring always reaches back to tick 0 and thins out evenly as the run grows; any earlier tick
 * is then the nearest state before it plus a replay of at most one interval (the run is
 * deterministic, so the replay is exact). Engine thread only.
 */
final class CheckpointRing {
  /** The most states kept, whatever their size. */
  static final int MAX_STATES = 64;

  /** The first interval between two states, in ticks. */
  static final int FIRST_INTERVAL = 10;

  /** One state: the tick it was taken at and the checkpoint's bytes (never changed). */
  record State(int tick, byte[] bytes) {}

  private final long budgetBytes;
  private final List<State> states = new ArrayList<>();
  private int interval = FIRST_INTERVAL;
  private long bytes;

  /**
   * @param budgetBytes the most memory the states may take together
   */
  CheckpointRing(long budgetBytes) {
    this.budgetBytes = Math.max(1, budgetBytes);
  }

  /** The default budget: an eighth of the heap this JVM may use, between 16 MB and 512 MB. */
  static long defaultBudget() {
    long max = Runtime.getRuntime().maxMemory();
    return Math.max(16L << 20, Math.min(512L << 20, max / 8));
  }

  /** Takes a state when the run is at a tick the interval asks for (and at its first tick). */
  void offer(Simulation sim) {
    int t = sim.tick();
    State last = states.isEmpty() ? null : states.get(states.size() - 1);
    if (last != null && last.tick() >= t) {
      return; // already has it (or the run went back without telling the ring)
    }
    if (last != null && t % interval != 0) {
      return;
    }
    add(new State(t, Checkpoints.toBytes(sim, null)));
  }

  private void add(State s) {
    states.add(s);
    bytes += s.bytes().length;
    while ((bytes > budgetBytes || states.size() > MAX_STATES) && states.size() > 1) {
      thin();
    }
  }

  /** Keeps the states at multiples of twice the interval (tick 0 and the newest always stay). */
  private void thin() {
    interval *= 2;
    List<State> kept = new ArrayList<>();
    long b = 0;
    for (int i = 0; i < states.size(); i++) {
      State s = states.get(i);
      if (i == 0 || i == states.size() - 1 || s.tick() % interval == 0) {
        kept.add(s);
        b += s.bytes().length;
      }
    }
    if (kept.size() == states.size()) {
      // Nothing is a multiple: drop the oldest after tick 0 (a single state over the budget).
      State dropped = kept.remove(1);
      b -= dropped.bytes().length;
    }
    states.clear();
    states.addAll(kept);
    bytes = b;
  }

  /** The newest state at or before {@code tick}, or null when there is none. */
  State atOrBefore(int tick) {
    State best = null;
    for (State s : states) {
      if (s.tick() <= tick) {
        best = s;
      }
    }
    return best;
  }

  /** Forgets the states after {@code tick} (the run goes on from there). */
  void truncateAfter(int tick) {
    states.removeIf(s -> s.tick() > tick);
    bytes = 0;
    for (State s : states) {
      bytes += s.bytes().length;
    }
  }

  /** A ring of the states up to {@code tick}, for a branch (the states' bytes are shared). */
  CheckpointRing upTo(int tick) {
    CheckpointRing r = new CheckpointRing(budgetBytes);
    r.interval = interval;
    for (State s : states) {
      if (s.tick() <= tick) {
        r.states.add(s);
        r.bytes += s.bytes().length;
      }
    }
    return r;
  }

  int size() {
    return states.size();
  }

  long bytes() {
    return bytes;
  }

  int interval() {
    return interval;
  }

  /** The oldest tick one can go back to exactly (-1: none). */
  int earliest() {
    return states.isEmpty() ? -1 : states.get(0).tick();
  }
}
