package org.nvlab.core.observe;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.HashMap;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The id -> location map the snapshot maker reuses: like a HashMap, emptied by a stamp. */
class IdLocationsTest {

  @Test
  void itAgreesWithAHashMapOverManyResets() {
    IdLocations map = new IdLocations();
    SplittableRandom r = new SplittableRandom(5);
    for (int round = 0; round < 50; round++) {
      int n = r.nextInt(3000);
      map.reset(n);
      Map<Long, Integer> expected = new HashMap<>();
      long base = r.nextLong(1L << 40);
      for (int i = 0; i < n; i++) {
        long id = base + (r.nextBoolean() ? i : (long) i << 20); // runs and strides
        int loc = r.nextInt() | 1;
        if (expected.containsKey(id)) {
          continue;
        }
        map.put(id, loc);
        expected.put(id, loc);
      }
      assertEquals(expected.size(), map.size());
      for (Map.Entry<Long, Integer> e : expected.entrySet()) {
        assertEquals(e.getValue(), map.get(e.getKey()));
      }
      for (int i = 0; i < 200; i++) {
        long id = r.nextLong();
        if (!expected.containsKey(id)) {
          assertEquals(IdLocations.MISSING, map.get(id));
        }
      }
    }
  }

  @Test
  void aResetForgetsEverythingAndMoreIdsThanAskedForAreRefused() {
    IdLocations map = new IdLocations();
    map.reset(4);
    for (long id = 0; id < 16; id++) {
      map.put(id, (int) id);
    }
    map.reset(4);
    assertEquals(IdLocations.MISSING, map.get(3));
    assertEquals(0, map.size());
    assertThrows(
        IllegalStateException.class,
        () -> {
          for (long id = 0; id < 1000; id++) {
            map.put(id, 0);
          }
        });
  }
}
