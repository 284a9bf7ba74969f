package org.nvlab.core.limits;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.nvlab.core.EngineAccess;
import org.nvlab.core.Simulation;
import org.nvlab.core.TestProjects;

/**
 * The hypernetwork limit: one tick of low-rank PARAMETER releases changes the layer's weights by
 * H(z)_ij = (U c)_i (V c)_j in expectation, plus sigma^2 u_i . v_j when payloads are noisy.
 */
class HypernetworkLimitTest {
  private static final HypernetworkLimit HYPER = HypernetworkLimit.standard();

  @Test
  void theWeightsChangeOnlyFromTheTickTheFirstCohortDocks() {
    try (Simulation sim = TestProjects.recorded(HYPER.model(50), 1, 1)) {
      float[] w0 = EngineAccess.host(sim).weight().clone();
      sim.step();
      sim.step();
      assertEquals(0, EngineAccess.metrics(sim).last("dockings.generator"));
      for (int e = 0; e < w0.length; e++) {
        assertEquals(
            w0[e], EngineAccess.host(sim).weight()[e], "weight " + e + " before any docking");
      }
      sim.step();
      assertTrue(EngineAccess.metrics(sim).last("dockings.generator") > 0);
      assertEquals(0, EngineAccess.metrics(sim).last("deaths.expired.generator"));
    }
  }

  @Test
  void theErrorFallsAsOneOverRootNAndIsBelowOnePercentAtAHundredThousandVesicles() {
    LimitAssertions.assertConverges(LimitAssertions.measure(HYPER));
  }

  @Test
  void aTicksWeightChangeIsAnUnbiasedSampleOfTheGeneratedWeightsAtTenVesicles() {
    LimitMeasurement.MeanError me = LimitMeasurement.meanError(HYPER, 10, 200, 40, 2);
    LimitAssertions.assertMeanError(HYPER, me, new double[HYPER.components()]);
  }

  @Test
  void noisyPayloadsAddTheCovarianceTermSigmaSquaredUiDotVj() {
    HypernetworkLimit noisy = HYPER.withNoise(0.5);
    double[] bias;
    try (Simulation sim = TestProjects.recorded(noisy.model(1), 1, 1)) {
      bias = noisy.covarianceTerm(sim);
    }
    LimitMeasurement.MeanError me = LimitMeasurement.meanError(noisy, 100, 100, 40, 2);
    LimitAssertions.assertMeanError(noisy, me, bias);
    // The term is real: against the noiseless H(z) alone the mean error is many errors off.
    assertTrue(me.largestZ() > 10, "the covariance term is too small to show: " + me.largestZ());
  }
}
