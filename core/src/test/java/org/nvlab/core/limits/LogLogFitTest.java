package org.nvlab.core.limits;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class LogLogFitTest {

  @Test
  void anExactPowerLawIsFittedExactly() {
    double[] n = {10, 100, 1000, 10_000};
    double[] y = new double[n.length];
    for (int i = 0; i < n.length; i++) {
      y[i] = 3 / Math.sqrt(n[i]);
    }
    LogLogFit f = LogLogFit.of(n, y);
    assertEquals(-0.5, f.slope(), 1e-12);
    assertEquals(Math.log(3), f.intercept(), 1e-12);
    assertEquals(0, f.slopeStandardError(), 1e-12);
    assertEquals(4, f.points());
  }

  @Test
  void theSlopesStandardErrorIsTheLeastSquaresOne() {
    // ln x = 0, 1, 2 and ln y = 0, 1, 3: slope 3/2, intercept -1/6, SSR 1/6, Sxx 2.
    LogLogFit f =
        LogLogFit.of(new double[] {1, Math.E, Math.exp(2)}, new double[] {1, Math.E, Math.exp(3)});
    assertEquals(1.5, f.slope(), 1e-12);
    assertEquals(-1.0 / 6, f.intercept(), 1e-12);
    assertEquals(Math.sqrt(1.0 / 12), f.slopeStandardError(), 1e-12);
  }

  @Test
  void twoPointsGiveASlopeWithoutStandardErrorAndOnePointNoFit() {
    LogLogFit f = LogLogFit.of(new double[] {10, 1000}, new double[] {1, 0.1});
    assertEquals(-0.5, f.slope(), 1e-12);
    assertTrue(Double.isNaN(f.slopeStandardError()));
    assertThrows(
        IllegalArgumentException.class, () -> LogLogFit.of(new double[] {1}, new double[] {1}));
  }
}
