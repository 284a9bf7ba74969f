package org.nvlab.core.limits;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.nvlab.core.EngineAccess;
import org.nvlab.core.Simulation;
import org.nvlab.core.TestProjects;

/**
 * The attention limit: query vesicles routed by a content kernel, value vesicles from a cascade,
 * sample softmax attention at the output node.
 */
class AttentionLimitTest {
  private static final AttentionLimit ATTENTION = AttentionLimit.standard();

  @Test
  void queriesDockTwoTicksAfterBirthAndTheirValuesTwoTicksLater() {
    try (Simulation sim = TestProjects.recorded(ATTENTION.model(50), 1, 1)) {
      long[] births = new long[10];
      for (int t = 0; t < births.length; t++) {
        sim.step();
        births[t] = (long) EngineAccess.metrics(sim).last("births.query");
        long queries = (long) EngineAccess.metrics(sim).last("dockings.query");
        long valueBirths = (long) EngineAccess.metrics(sim).last("births.value");
        long values = (long) EngineAccess.metrics(sim).last("dockings.value");
        assertEquals(t < 2 ? 0 : births[t - 2], queries, "query dockings at tick " + t);
        assertEquals(queries, valueBirths, "one value per docked query at tick " + t);
        assertEquals(t < 4 ? 0 : births[t - 4], values, "value dockings at tick " + t);
        assertEquals(0, EngineAccess.metrics(sim).last("deaths.expired.query"));
        assertEquals(0, EngineAccess.metrics(sim).last("deaths.expired.value"));
      }
      assertTrue(births[9] > 0);
    }
  }

  @Test
  void theErrorFallsAsOneOverRootNAndIsBelowOnePercentAtAHundredThousandQueries() {
    LimitAssertions.assertConverges(LimitAssertions.measure(ATTENTION));
  }

  @Test
  void aTicksOutputIsAnUnbiasedSampleOfSoftmaxAttentionAtTenQueries() {
    LimitMeasurement.MeanError me = LimitMeasurement.meanError(ATTENTION, 10, 300, 40, 2);
    LimitAssertions.assertMeanError(ATTENTION, me, new double[ATTENTION.components()]);
  }
}
