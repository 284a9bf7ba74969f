package org.nvlab.core.process;

import java.util.Arrays;
import org.nvlab.core.vesicle.DeathCause;

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
  int[] releaseSlot = new int[256];
  int[] releaseNode = new int[256];
  int releaseCount;
  final long[] deaths = new long[DeathCause.COUNT];
  long dockings;

  void reset(int type, int from, int to) {
    this.type = type;
    this.from = from;
    this.to = to;
    deadCount = 0;
    releaseCount = 0;
    Arrays.fill(deaths, 0);
    dockings = 0;
  }

  /** Doubles the dead list (keeping deadCount entries) and returns it. */
  int[] growDead() {
    dead = Arrays.copyOf(dead, 2 * dead.length);
    return dead;
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
