package org.nvlab.viz.chart;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class SeriesDecimatorTest {

  @Test
  void aShortSeriesKeepsEveryPoint() {
    SeriesDecimator d = new SeriesDecimator(2000);
    for (int t = 0; t < 500; t++) {
      d.add(t, t * 2);
    }
    assertEquals(500, d.size());
    assertEquals(499, d.x(499));
    assertEquals(998, d.y(499));
  }

  @Test
  void aLongRunNeverHoldsMoreThanTheCapAndStillEndsAtNow() {
    SeriesDecimator d = new SeriesDecimator(2000);
    for (int t = 0; t < 1_000_000; t++) {
      d.add(t, Math.sin(t));
      assertTrue(d.size() <= 2000, "size " + d.size() + " at tick " + t);
    }
    assertTrue(d.size() >= 1000, "kept too few: " + d.size());
    assertEquals(0, d.x(0));
    assertEquals(999_999, d.x(d.size() - 1));
    assertEquals(Math.sin(999_999), d.y(d.size() - 1));
    for (int i = 1; i < d.size(); i++) {
      assertTrue(d.x(i) > d.x(i - 1));
    }
    assertTrue(d.stride() >= 512);
  }

  @Test
  void clearStartsAgainAtFullResolution() {
    SeriesDecimator d = new SeriesDecimator(8);
    for (int t = 0; t < 100; t++) {
      d.add(t, 1);
    }
    d.clear();
    d.add(5, 1);
    d.add(6, 2);
    assertEquals(2, d.size());
    assertEquals(1, d.stride());
  }
}
