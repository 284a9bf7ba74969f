package org.nvlab.core.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.nvlab.core.EngineAccess;
import org.nvlab.core.Simulation;
import org.nvlab.core.parallel.WorkerPool;

/**
 * The benchmark's pieces compute what they claim: the engine and the object baseline run the same
 * workload (same population, same docking rate), the triad computes the triad, and the byte count
 * of a step is the documented sum.
 */
class BenchmarkFixturesTest {

  @Test
  void engineAndObjectBaselineRunTheSameWorkload() {
    ReferenceWorkload w = new ReferenceWorkload(500, 6, 20_000, 8);
    long engineDocks = 0;
    long baselineDocks = 0;
    long engineSteps = 0;
    long baselineSteps = 0;
    try (Simulation sim = w.simulation(3, 2);
        ObjectPerVesicleBaseline b = new ObjectPerVesicleBaseline(w, 3, 2)) {
      for (int t = 0; t < 60; t++) {
        long engineAlive = EngineAccess.engine(sim).population().size();
        long baselineAlive = b.population();
        sim.step();
        b.tick();
        if (t >= 10) {
          engineSteps += engineAlive;
          baselineSteps += baselineAlive;
          engineDocks += EngineAccess.engine(sim).population().dockings(0);
          baselineDocks += b.dockingsLastTick();
        }
      }
      // Both keep N alive after births; both dock 2% of the vesicles they update.
      assertTrue(
          Math.abs(EngineAccess.engine(sim).population().size() - b.population()) < 0.02 * 20_000);
      double engineRate = engineDocks / (double) engineSteps;
      double baselineRate = baselineDocks / (double) baselineSteps;
      assertEquals(0.02, engineRate, 0.002);
      assertEquals(engineRate, baselineRate, 0.002);
    }
  }

  @Test
  void streamTriadComputesTheTriad() {
    try (WorkerPool pool = new WorkerPool(2)) {
      StreamTriad st = new StreamTriad(4);
      assertTrue(st.medianGbps(pool, 3) > 0);
      assertEquals(7.0, st.checksum());
    }
  }

  @Test
  void stepBytesAreTheDocumentedSum() {
    // 20 bytes per step, plus per-event traffic of a 48-byte vesicle at d = 8.
    assertEquals(20.0, EngineBenchmark.bytesPerStep(8, 0, 0, 0));
    assertEquals(20.0 + 48 + 32 + 96, EngineBenchmark.bytesPerStep(8, 1, 1, 1));
  }
}
