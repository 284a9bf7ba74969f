package org.nvlab.core.observe;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.nvlab.core.DeterminismProjects;
import org.nvlab.core.EngineAccess;
import org.nvlab.core.Simulation;
import org.nvlab.core.TestProjects;
import org.nvlab.core.snapshot.Snapshot;
import org.nvlab.core.vesicle.Pool;

class SnapshotTest {

  private static Simulation rateEverything() {
    return TestProjects.simulation(DeterminismProjects.all().get("rate-everything"), 3, 1);
  }

  @Test
  void aSnapshotCopiesTheStateAndLaterTicksDoNotChangeIt() {
    try (Simulation sim = rateEverything()) {
      sim.run(20);
      Snapshot s = new SnapshotMaker(1_000_000).make(sim);
      float[] activation = EngineAccess.host(sim).activation().clone();
      long population = EngineAccess.engine(sim).population().size();

      sim.run(5);

      assertEquals(20, s.tick());
      assertArrayEquals(activation, s.activation());
      assertEquals(population, s.totalPopulation());
      assertNotEquals(
          Arrays.toString(activation), Arrays.toString(EngineAccess.host(sim).activation()));
    }
  }

  @Test
  void itHoldsPerTypeCountsAndTheNamesInTypeOrder() {
    try (Simulation sim = rateEverything()) {
      sim.run(15);
      Snapshot s = new SnapshotMaker(10).make(sim);
      assertEquals(EngineAccess.engine(sim).typeCount(), s.typeCount());
      assertEquals(3000, s.nodeCount());
      assertSame(EngineAccess.host(sim).graph(), s.graph());
      for (int k = 0; k < s.typeCount(); k++) {
        assertEquals(EngineAccess.engine(sim).type(k).name(), s.typeNames().get(k));
        assertEquals(EngineAccess.engine(sim).population().pool(k).size(), s.population(k));
        assertEquals(EngineAccess.engine(sim).population().births(k), s.births(k));
        assertEquals(EngineAccess.engine(sim).population().dockings(k), s.dockings(k));
      }
    }
  }

  @Test
  void vesicleLocationsAreTheFirstSlotsUpToTheCapIncludingDockedOnes() {
    try (Simulation sim = rateEverything()) {
      sim.run(30);
      int cap = 50;
      Snapshot s = new SnapshotMaker(cap).make(sim);
      boolean sawDocked = false;
      for (int k = 0; k < s.typeCount(); k++) {
        Pool pool = EngineAccess.engine(sim).population().pool(k);
        int kept = Math.min(cap, pool.size());
        assertEquals(kept, s.vesicleCount(k));
        for (int q = 0; q < kept; q++) {
          int loc = s.vesicleNode(k, q);
          assertEquals(pool.node()[q], loc);
          int node = loc >= 0 ? loc : ~loc;
          assertTrue(node < s.nodeCount());
          sawDocked |= loc < 0;
        }
      }
      assertTrue(s.totalPopulation() > cap, "the cap was not exercised");
      Snapshot all = new SnapshotMaker(Integer.MAX_VALUE).make(sim);
      for (int k = 0; k < all.typeCount(); k++) {
        assertEquals(all.population(k), all.vesicleCount(k));
      }
      // 'echo' vesicles dwell for 3 ticks once docked: some should be caught docked.
      boolean anyDocked = sawDocked;
      for (int k = 0; k < all.typeCount() && !anyDocked; k++) {
        for (int q = 0; q < all.vesicleCount(k); q++) {
          anyDocked |= all.vesicleNode(k, q) < 0;
        }
      }
      assertTrue(anyDocked, "no docked vesicle in the snapshot");
    }
  }

  @Test
  void readersCannotReachTheSnapshotsArrays() {
    try (Simulation sim = rateEverything()) {
      sim.run(3);
      Snapshot s = new SnapshotMaker(100).make(sim);
      float before = s.activation(0);
      s.activation()[0] = before + 1;
      s.vesicleNodes()[0] = new int[0];
      assertEquals(before, s.activation(0));
      assertEquals(Math.min(100, s.population(0)), s.vesicleCount(0));
    }
  }
}
