package org.nvlab.core.process;

import java.util.Arrays;
import org.nvlab.core.vocabulary.DeathCause;

/**
 * What one fixed chunk of the population produced in a tick's vesicle step: the slots that died
 * (holes for compaction), the releases (slot and node of every vesicle that released this tick),
 * and counts. Chunks are merged in chunk order, so results never depend on which thread ran which
 * chunk. Buffers grow when needed (so memory follows the event rate, not the chunk size) and are
 * reused across ticks.
 */
final class ChunkResult {
  int type;
  int from;
  int to;
  int[] dead = new int[256];
  int deadCount;

  /** Slots of vesicles consumed by their release (docked), kept apart: see Engine#collectHoles. */
  int[] consumed = new int[256];

  int consumedCount;
  int[] releaseSlot = new int[256];
  int[] releaseNode = new int[256];
  int releaseCount;
  final long[] deaths = new long[DeathCause.COUNT];
  long dockings;

  /** What went wrong in this chunk's step (a user expression that is not a number), or null. */
  String failure;

  /**
   * The L1 mass of the payloads released in this chunk (sum of |c_k| over releases and components),
   * in 32.32 fixed point as an unsigned 128-bit integer (high and low words): exact, so the total
   * does not depend on threads or on the order of the releases. Filled by the release phase.
   */
  long releasedHi;

  long releasedLo;

  void reset(int type, int from, int to) {
    this.type = type;
    this.from = from;
    this.to = to;
    deadCount = 0;
    consumedCount = 0;
    releaseCount = 0;
    Arrays.fill(deaths, 0);
    dockings = 0;
    failure = null;
    releasedHi = 0;
    releasedLo = 0;
  }

  /** Records a failure; the step stops this chunk and the engine stops the run with it. */
  void fail(String message) {
    if (failure == null) {
      failure = message;
    }
  }

  /** Doubles the dead list (keeping deadCount entries) and returns it. */
  int[] growDead() {
    dead = Arrays.copyOf(dead, 2 * dead.length);
    return dead;
  }

  int[] growConsumed() {
    consumed = Arrays.copyOf(consumed, 2 * consumed.length);
    return consumed;
  }

  /** A vesicle consumed by its (last) release: a death by docking. */
  void consume(int slot) {
    if (consumedCount == consumed.length) {
      growConsumed();
    }
    consumed[consumedCount++] = slot;
    deaths[DeathCause.DOCKED.ordinal()]++;
  }

  /** Doubles the release lists (keeping releaseCount entries). */
  void growReleases() {
    releaseSlot = Arrays.copyOf(releaseSlot, 2 * releaseSlot.length);
    releaseNode = Arrays.copyOf(releaseNode, 2 * releaseNode.length);
  }

  void die(int slot, DeathCause cause) {
    if (deadCount == dead.length) {
      growDead();
    }
    dead[deadCount++] = slot;
    deaths[cause.ordinal()]++;
  }

  void release(int slot, int node) {
    if (releaseCount == releaseSlot.length) {
      growReleases();
    }
    releaseSlot[releaseCount] = slot;
    releaseNode[releaseCount] = node;
    releaseCount++;
  }
}
