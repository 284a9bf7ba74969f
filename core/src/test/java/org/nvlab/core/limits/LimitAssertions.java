package org.nvlab.core.limits;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.nvlab.core.EngineAccess;
import org.nvlab.core.Simulation;

/** The acceptance of issue 3 and the unbiasedness check, shared by the three limits' tests. */
final class LimitAssertions {
  private LimitAssertions() {}

  static final int[] N = {10, 100, 1000, 10_000, 100_000};

  /** Few seeds and ticks: the slope's standard error is still about 0.01 (docs/model.md, 10). */
  static LimitResult measure(LimitConstruction c) {
    return LimitMeasurement.run(c, N, 3, 8, 2);
  }

  /** Slope -0.5 within 0.1 and below 1% relative error at N = 1e5. */
  static void assertConverges(LimitResult r) {
    double slope = r.fit().slope();
    assertTrue(slope >= -0.6 && slope <= -0.4, () -> "slope " + slope + " in " + r.toMap());
    double rel = r.largest().relativeError();
    assertEquals(100_000, r.largest().vesicles());
    assertTrue(rel < 0.01, () -> "relative error " + rel + " at N = 1e5 in " + r.toMap());
    for (int q = 1; q < r.rows().size(); q++) {
      assertTrue(
          r.rows().get(q).rmsError() < r.rows().get(q - 1).rmsError(),
          () -> "the error does not fall with N: " + r.toMap());
    }
  }

  /**
   * Every component's mean error (over many independent ticks) is within 4 standard errors of
   * {@code expected} (0 for an unbiased construction).
   */
  static void assertMeanError(
      LimitConstruction c, LimitMeasurement.MeanError me, double[] expected) {
    for (int k = 0; k < c.components(); k++) {
      double z = (me.mean()[k] - expected[k]) / me.standardError()[k];
      int kk = k;
      assertTrue(
          Math.abs(z) < 4,
          () ->
              c.component(kk)
                  + ": mean error "
                  + me.mean()[kk]
                  + " against "
                  + expected[kk]
                  + ", standard error "
                  + me.standardError()[kk]
                  + " (z = "
                  + z
                  + ")");
    }
  }

  /** Dockings per tick of type {@code type} after the first {@code ticks} ticks. */
  static long[] dockings(Simulation sim, String type, int ticks) {
    long[] out = new long[ticks];
    for (int t = 0; t < ticks; t++) {
      sim.step();
      out[t] = (long) EngineAccess.metrics(sim).last("dockings." + type);
    }
    return out;
  }
}
