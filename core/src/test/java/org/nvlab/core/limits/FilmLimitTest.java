package org.nvlab.core.limits;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.nvlab.core.EngineAccess;
import org.nvlab.core.Simulation;
import org.nvlab.core.TestProjects;
import org.nvlab.core.release.ActivationRelease;

/** The FiLM limit: one tick of ACTIVATION releases samples gamma = G E z, beta = B E z. */
class FilmLimitTest {
  private static final FilmLimit FILM = FilmLimit.standard();

  @Test
  void everyVesicleDocksAtATargetTwoTicksAfterItsBirthAndNothingElseReleases() {
    try (Simulation sim = TestProjects.recorded(FILM.model(50), 1, 1)) {
      long[] births = new long[8];
      for (int t = 0; t < births.length; t++) {
        sim.step();
        births[t] = (long) EngineAccess.metrics(sim).last("births.film");
        long docked = (long) EngineAccess.metrics(sim).last("dockings.film");
        assertEquals(t < 2 ? 0 : births[t - 2], docked, "dockings at tick " + t);
        assertEquals(
            0,
            EngineAccess.metrics(sim).last("deaths.expired.film"),
            "a vesicle outlived its path");
        if (t < 2) {
          for (float g : EngineAccess.host(sim).gamma()) {
            assertEquals(0f, g, "modulation before the first cohort arrives");
          }
        }
      }
      assertTrue(births[7] > 0);
    }
  }

  @Test
  void eachTargetIsNormalisedByItsExpectedArrivalsFromTheEnginesKernel() {
    try (Simulation sim = TestProjects.recorded(FILM.model(1000), 1, 1)) {
      sim.step();
      double[] row = EngineAccess.engine(sim).kernelRow(0, FilmLimit.EMITTER);
      int[] dst = EngineAccess.engine(sim).kernelDestinations(0, FilmLimit.EMITTER);
      ActivationRelease a = (ActivationRelease) sim.model().type(0).releases().get(0);
      double smallest = 1;
      double largest = 0;
      for (int k = 0; k < row.length; k++) {
        if (dst[k] == FilmLimit.EMITTER) {
          assertTrue(row[k] < 1e-20, "staying put must be negligible, is " + row[k]);
          continue;
        }
        assertEquals(1.0, a.nodeScale()[dst[k]] * 1000 * row[k], 1e-6);
        smallest = Math.min(smallest, row[k]);
        largest = Math.max(largest, row[k]);
      }
      // Random edge logits: the targets do not receive equal shares, so 1/(N K) is not 1/(N/m).
      assertTrue(largest > 1.2 * smallest, "K(0, .) is nearly uniform");
    }
  }

  @Test
  void theErrorFallsAsOneOverRootNAndIsBelowOnePercentAtAHundredThousandVesicles() {
    LimitAssertions.assertConverges(LimitAssertions.measure(FILM));
  }

  @Test
  void aTicksGammaAndBetaAreUnbiasedEvenWithNoisyPayloadsAtTenVesicles() {
    LimitMeasurement.MeanError me = LimitMeasurement.meanError(FILM, 10, 200, 40, 2);
    LimitAssertions.assertMeanError(FILM, me, new double[FILM.components()]);
  }
}
