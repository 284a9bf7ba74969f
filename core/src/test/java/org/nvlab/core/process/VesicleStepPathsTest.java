package org.nvlab.core.process;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.nvlab.core.DeterminismProjects;
import org.nvlab.core.EngineAccess;
import org.nvlab.core.Simulation;
import org.nvlab.core.TestProjects;

/** The specialised step for uniform rows computes exactly what the general step computes. */
class VesicleStepPathsTest {

  private static String run(String json) {
    try (Simulation sim = TestProjects.simulation(json, 5, 2)) {
      sim.run(50);
      assertTrue(EngineAccess.engine(sim).population().size() > 0);
      return sim.stateHash();
    }
  }

  @Test
  void uniformRowStepAgreesWithTheGeneralStep() {
    String grid = DeterminismProjects.all().get("grid-replace"); // a torus: every row has 5 moves
    String special = run(grid);
    try {
      VesicleUpdate.useUniformRows = false;
      assertEquals(special, run(grid));
    } finally {
      VesicleUpdate.useUniformRows = true;
    }
  }
}
