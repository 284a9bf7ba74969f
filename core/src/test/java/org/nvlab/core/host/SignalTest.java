package org.nvlab.core.host;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.nvlab.core.random.RngStream;

/** The stimulus waveforms: exact values for the deterministic shapes, laws for the random ones. */
class SignalTest {
  private final RngStream scratch = new RngStream();

  private double value(Signal s, long tick, int channel) {
    return s.value(7, tick, channel, 0, scratch);
  }

  @Test
  void constantAndSineGiveTheirFormulaPlusTheOffset() {
    assertEquals(0.75, value(Signal.constant(0.75), 123, 4));
    Signal sine = new Signal(Signal.Shape.SINE, 2, 8, 1, 0.5, 0.25, 0, null);
    for (int t = 0; t < 20; t++) {
      for (int c = 0; c < 3; c++) {
        double expected = 2 * Math.sin(2 * Math.PI * (t + 1 + 0.5 * c) / 8) + 0.25;
        assertEquals(expected, value(sine, t, c), 1e-12, "tick " + t + " channel " + c);
      }
    }
  }

  @Test
  void squareIsPlusAmplitudeForTheFirstHalfOfEachPeriod() {
    Signal sq = new Signal(Signal.Shape.SQUARE, 1.5, 4, 0, 0, 0, 0, null);
    double[] expected = {1.5, 1.5, -1.5, -1.5, 1.5, 1.5, -1.5, -1.5};
    for (int t = 0; t < expected.length; t++) {
      assertEquals(expected[t], value(sq, t, 0), "tick " + t);
    }
    Signal shifted = new Signal(Signal.Shape.SQUARE, 1, 4, 1, 0, 0, 0, null);
    assertEquals(-1, value(shifted, 1, 0), "phase 1 moves tick 1 into the second half");
  }

  @Test
  void cycleStepsThroughItsValuesOnePerPeriod() {
    Signal cyc = new Signal(Signal.Shape.CYCLE, 0, 2, 0, 0, 0, 0, new double[] {3, -1, 5});
    double[] expected = {3, 3, -1, -1, 5, 5, 3, 3};
    for (int t = 0; t < expected.length; t++) {
      assertEquals(expected[t], value(cyc, t, 0), "tick " + t);
    }
    Signal empty = new Signal(Signal.Shape.CYCLE, 0, 2, 0, 0, 0.5, 0, new double[0]);
    assertEquals(0.5, value(empty, 3, 0));
  }

  @Test
  void noiseIsAReproducibleGaussianWithTheAmplitudeAsStandardDeviation() {
    Signal noise = new Signal(Signal.Shape.NOISE, 0.5, 1, 0, 0, 1, 0, null);
    int n = 50_000;
    double sum = 0;
    double sq = 0;
    for (int t = 0; t < n; t++) {
      double v = value(noise, t, 3);
      assertEquals(v, value(noise, t, 3), "same tick and channel, same value");
      sum += v;
      sq += v * v;
    }
    double mean = sum / n;
    double var = sq / n - mean * mean;
    assertEquals(1.0, mean, 4.5 * 0.5 / Math.sqrt(n));
    assertEquals(0.25, var, 4.5 * 0.25 * Math.sqrt(2.0 / n));
    assertNotEquals(value(noise, 5, 3), value(noise, 5, 4), "channels draw independently");
    assertNotEquals(value(noise, 5, 3), noise.value(8, 5, 3, 0, scratch), "so do seeds");
  }

  @Test
  void poissonSpikesWithTheGivenProbabilityPerTick() {
    Signal pois = new Signal(Signal.Shape.POISSON, 1.2, 1, 0, 0, 0, 0.05, null);
    int n = 100_000;
    int spikes = 0;
    for (int t = 0; t < n; t++) {
      double v = value(pois, t, 0);
      assertTrue(v == 0 || v == 1.2, "a spike has the amplitude as height, got " + v);
      if (v > 0) {
        spikes++;
      }
    }
    double sd = Math.sqrt(n * 0.05 * 0.95);
    assertEquals(n * 0.05, spikes, 4.5 * sd);
  }
}
