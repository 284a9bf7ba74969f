package org.nvlab.core.observe;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.nvlab.core.DeterminismProjects;
import org.nvlab.core.EngineAccess;
import org.nvlab.core.Simulation;
import org.nvlab.core.TestProjects;
import org.nvlab.core.density.DensityModel;
import org.nvlab.core.snapshot.Snapshot;
import org.nvlab.core.vesicle.Pool;

/**
 * What the maker adds for viewers: each kept vesicle's node in the previous snapshot (by id, across
 * compaction), its payload length, the last tick's docking locations, and the density layer.
 */
class SnapshotMakerTest {
  /** Two types on a random graph: "quantal" docks and is consumed, "dwelling" stays 3 ticks. */
  static final String TWO_TYPES =
      TestProjects.project(
          TestProjects.randomHost(300, 4),
          """
          {"name": "quantal", "payloadDim": 3,
           "emission": {"mode": "poisson", "lambdaMax": 2, "weights": {}, "bias": 0,
                        "payload": {"offset": [0.5, -1, 2], "noise": 0.3}},
           "lifetime": {"law": "exponential", "mean": 12},
           "kernel": {"temperature": 1},
           "docking": {"bias": -2.5}},
          {"name": "dwelling", "payloadDim": 1,
           "emission": {"mode": "poisson", "lambdaMax": 1, "weights": {}, "bias": 0,
                        "payload": {"offset": [1], "noise": 0.5}},
           "lifetime": {"law": "exponential", "mean": 15},
           "kernel": {"temperature": 1},
           "docking": {"bias": -2, "dwell": 3}}
          """);

  @Test
  void everyKeptVesicleKnowsItsNodeInThePreviousSnapshotAcrossCompaction() {
    try (Simulation sim = TestProjects.simulation(TWO_TYPES, 1, 2)) {
      SnapshotMaker maker = new SnapshotMaker(Integer.MAX_VALUE);
      sim.run(20);
      Snapshot before = maker.make(sim);
      sim.step();
      Snapshot after = maker.make(sim);
      assertEquals(20, after.previousTick());
      assertEquals(21, after.tick());
      boolean sawMove = false;
      boolean sawNewSlot = false;
      boolean sawNewborn = false;
      for (int k = 0; k < after.typeCount(); k++) {
        Map<Long, Integer> slotBefore = new HashMap<>();
        for (int q = 0; q < before.vesicleCount(k); q++) {
          slotBefore.put(before.vesicleId(k, q), q);
        }
        for (int q = 0; q < after.vesicleCount(k); q++) {
          int loc = after.vesicleNode(k, q);
          int here = loc >= 0 ? loc : ~loc;
          Integer was = slotBefore.get(after.vesicleId(k, q));
          if (was == null) {
            assertEquals(here, after.vesicleFrom(k, q), "a newborn moves from nowhere");
            sawNewborn = true;
            continue;
          }
          int old = before.vesicleNode(k, was);
          assertEquals(old >= 0 ? old : ~old, after.vesicleFrom(k, q));
          sawNewSlot |= was != q; // compaction moved it to another slot
          if (after.vesicleFrom(k, q) != here) {
            sawMove = true;
            assertTrue(
                EngineAccess.host(sim).graph().edge(after.vesicleFrom(k, q), here) >= 0,
                "a one-hop move follows an edge");
          }
        }
      }
      assertTrue(
          sawMove && sawNewSlot && sawNewborn, sawMove + " " + sawNewSlot + " " + sawNewborn);
    }
  }

  @Test
  void withACapOnlyVesiclesKeptLastTimeHaveAnOtherNode() {
    try (Simulation sim = TestProjects.simulation(TWO_TYPES, 1, 1)) {
      SnapshotMaker capped = new SnapshotMaker(40);
      sim.run(25);
      Snapshot before = capped.make(sim);
      sim.step();
      Snapshot after = capped.make(sim);
      Map<Long, Integer> kept = new HashMap<>();
      for (int q = 0; q < before.vesicleCount(0); q++) {
        int loc = before.vesicleNode(0, q);
        kept.put(before.vesicleId(0, q), loc >= 0 ? loc : ~loc);
      }
      assertTrue(after.population(0) > 40, "the cap was not exercised");
      assertEquals(40, after.vesicleCount(0));
      for (int q = 0; q < 40; q++) {
        int loc = after.vesicleNode(0, q);
        int expected = kept.getOrDefault(after.vesicleId(0, q), loc >= 0 ? loc : ~loc);
        assertEquals(expected, after.vesicleFrom(0, q));
      }
    }
  }

  @Test
  void payloadNormsAreTheLengthsOfThePayloadVectors() {
    try (Simulation sim = TestProjects.simulation(TWO_TYPES, 4, 1)) {
      sim.run(10);
      Snapshot s = new SnapshotMaker(1000).make(sim);
      for (int k = 0; k < s.typeCount(); k++) {
        Pool pool = EngineAccess.engine(sim).population().pool(k);
        int d = pool.payloadDim();
        assertTrue(s.vesicleCount(k) > 10);
        for (int q = 0; q < s.vesicleCount(k); q++) {
          double sq = 0;
          for (int c = 0; c < d; c++) {
            float v = pool.payload()[q * d + c];
            sq += v * v;
          }
          assertEquals(Math.sqrt(sq), s.payloadNorm(k, q), 1e-5);
        }
      }
    }
  }

  @Test
  void dockingLocationsAreTheLastTicksDockings() {
    try (Simulation sim = TestProjects.simulation(TWO_TYPES, 2, 2)) {
      SnapshotMaker maker = new SnapshotMaker(Integer.MAX_VALUE);
      long quantal = 0;
      long dwelling = 0;
      for (int t = 0; t < 30; t++) {
        Snapshot before = maker.make(sim);
        sim.step();
        Snapshot s = maker.make(sim);
        // Quantal: every docking of the tick, at the node where the vesicle was before it.
        assertEquals(s.dockings(0), s.dockedCount(0), "tick " + s.tick());
        Map<Integer, Integer> whereBefore = new HashMap<>();
        for (int q = 0; q < before.vesicleCount(0); q++) {
          whereBefore.merge(before.vesicleNode(0, q), 1, Integer::sum);
        }
        for (int q = 0; q < s.dockedCount(0); q++) {
          assertTrue(whereBefore.containsKey(s.dockedNode(0, q)), "docked where none was");
        }
        quantal += s.dockedCount(0);
        // Dwelling: the vesicles that are docked now and were free (or unborn) a tick ago.
        Map<Long, Integer> free = new HashMap<>();
        for (int q = 0; q < before.vesicleCount(1); q++) {
          free.put(before.vesicleId(1, q), before.vesicleNode(1, q));
        }
        int newly = 0;
        Map<Integer, Integer> expected = new HashMap<>();
        for (int q = 0; q < s.vesicleCount(1); q++) {
          int loc = s.vesicleNode(1, q);
          Integer was = free.get(s.vesicleId(1, q));
          if (loc < 0 && was != null && was >= 0) {
            newly++;
            expected.merge(~loc, 1, Integer::sum);
          }
        }
        assertEquals(newly, s.dockedCount(1), "tick " + s.tick());
        assertEquals(s.dockings(1), s.dockedCount(1), "all kept, so every docking is seen");
        Map<Integer, Integer> got = new HashMap<>();
        for (int q = 0; q < s.dockedCount(1); q++) {
          got.merge(s.dockedNode(1, q), 1, Integer::sum);
        }
        assertEquals(expected, got);
        dwelling += s.dockedCount(1);
      }
      assertTrue(quantal > 50 && dwelling > 20, quantal + " / " + dwelling);
    }
  }

  @Test
  void aSnapshotAfterNoTickMovesNothing() {
    try (Simulation sim = TestProjects.simulation(TWO_TYPES, 1, 1)) {
      SnapshotMaker maker = new SnapshotMaker(500);
      sim.run(8);
      maker.make(sim);
      Snapshot again = maker.make(sim);
      assertEquals(again.tick(), again.previousTick());
      for (int k = 0; k < again.typeCount(); k++) {
        for (int q = 0; q < again.vesicleCount(k); q++) {
          int loc = again.vesicleNode(k, q);
          assertEquals(loc >= 0 ? loc : ~loc, again.vesicleFrom(k, q));
        }
      }
    }
  }

  @Test
  void weightsAreTheHostsAndTheirVersionFollowsLearning() {
    try (Simulation sim =
        TestProjects.simulation(DeterminismProjects.all().get("rate-everything"), 3, 1)) {
      SnapshotMaker maker = new SnapshotMaker(10);
      sim.run(3);
      Snapshot a = maker.make(sim);
      Snapshot b = maker.make(sim);
      assertTrue(a.hasWeights());
      assertEquals(a.weightsVersion(), b.weightsVersion());
      float w0 = EngineAccess.host(sim).weight()[0];
      assertEquals(w0, a.weight(0));
      sim.run(5); // this host learns
      Snapshot c = maker.make(sim);
      assertFalse(c.weightsVersion() == a.weightsVersion());
      assertEquals(w0, a.weight(0), "an older snapshot kept its weights");
      assertEquals(EngineAccess.host(sim).weight()[0], c.weight(0));
      assertFalse(a.spiking());
    }
  }

  @Test
  void theDensityLayerCarriesRhoOrTheReasonThereIsNone() {
    try (Simulation sim = TestProjects.simulation(TWO_TYPES, 1, 1);
        DensityModel model = new DensityModel(TestProjects.compile(TWO_TYPES))) {
      SnapshotMaker maker = new SnapshotMaker(10);
      for (int t = 0; t < 5; t++) {
        sim.step();
        model.step();
      }
      Snapshot s = maker.make(sim, model::rho, 1, null);
      assertEquals(1, s.densityType());
      assertNull(s.densityProblem());
      double total = 0;
      for (int i = 0; i < s.nodeCount(); i++) {
        assertEquals((float) model.rho(1, i), s.density(i));
        total += s.density(i);
      }
      assertTrue(total > 1, "rho sums to " + total);
      Snapshot refused = maker.make(sim, null, 0, "type 'quantal': not modelled");
      assertEquals(-1, refused.densityType());
      assertEquals("type 'quantal': not modelled", refused.densityProblem());
      assertNull(maker.make(sim).densityProblem());
    }
  }
}
