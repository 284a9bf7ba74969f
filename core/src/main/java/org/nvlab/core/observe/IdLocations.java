package org.nvlab.core.observe;

/**
 * Where each vesicle of one type was in the last snapshot: an open-addressing map from vesicle id
 * to location, reused from snapshot to snapshot. Emptying it bumps a generation stamp instead of
 * clearing the arrays, so a snapshot costs lookups and stores, never an allocation (once the map
 * has grown to the cap).
 */
final class IdLocations {
  /** What {@link #get} returns for an id that is not in the map (no location is this value). */
  static final int MISSING = Integer.MIN_VALUE;

  private long[] keys = new long[0];
  private int[] values = new int[0];
  private int[] stamps = new int[0];
  private int stamp;
  private int mask = -1;
  private int size;

  /** Empties the map and makes room for {@code expected} ids. */
  void reset(int expected) {
    int need = Integer.highestOneBit(Math.max(16, expected) * 2 - 1) << 1; // load factor <= 1/2
    if (need > keys.length) {
      keys = new long[need];
      values = new int[need];
      stamps = new int[need];
      mask = need - 1;
      stamp = 0;
    }
    if (++stamp == 0) { // after 2^32 resets: old stamps could read as current
      java.util.Arrays.fill(stamps, 0);
      stamp = 1;
    }
    size = 0;
  }

  void put(long id, int location) {
    int i = slot(id);
    while (stamps[i] == stamp) {
      if (keys[i] == id) {
        values[i] = location;
        return;
      }
      i = (i + 1) & mask;
    }
    if (size >= (keys.length >>> 1)) {
      throw new IllegalStateException("IdLocations holds more ids than reset() made room for");
    }
    stamps[i] = stamp;
    keys[i] = id;
    values[i] = location;
    size++;
  }

  int get(long id) {
    if (size == 0) {
      return MISSING;
    }
    int i = slot(id);
    while (stamps[i] == stamp) {
      if (keys[i] == id) {
        return values[i];
      }
      i = (i + 1) & mask;
    }
    return MISSING;
  }

  int size() {
    return size;
  }

  private int slot(long id) {
    long h = id * 0x9E3779B97F4A7C15L;
    return (int) (h ^ (h >>> 29)) & mask;
  }
}
