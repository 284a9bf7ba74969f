package org.nvlab.core.random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.apache.commons.math3.distribution.ExponentialDistribution;
import org.apache.commons.math3.distribution.NormalDistribution;
import org.apache.commons.math3.distribution.PoissonDistribution;
import org.apache.commons.math3.stat.inference.ChiSquareTest;
import org.apache.commons.math3.stat.inference.KolmogorovSmirnovTest;
import org.junit.jupiter.api.Test;

class CounterRngTest {

  @Test
  void aDrawIsAPureFunctionOfItsKey() {
    assertEquals(CounterRng.draw(1, 2, 3, 4), CounterRng.draw(1, 2, 3, 4));
    assertNotEquals(CounterRng.draw(1, 2, 3, 4), CounterRng.draw(1, 2, 3, 5));
    assertNotEquals(CounterRng.draw(1, 2, 3, 4), CounterRng.draw(1, 3, 3, 4));
    assertNotEquals(CounterRng.draw(1, 2, 3, 4), CounterRng.draw(2, 2, 3, 4));
  }

  @Test
  void consecutiveIdsGiveUniformBytesInEveryPosition() {
    long key = CounterRng.tickKey(7, 11, Purpose.STEP);
    int samples = 200_000;
    for (int shift = 0; shift < 64; shift += 8) {
      long[] counts = new long[256];
      for (int id = 0; id < samples; id++) {
        counts[(int) ((CounterRng.draw(key, id) >>> shift) & 0xFF)]++;
      }
      double[] expected = new double[256];
      java.util.Arrays.fill(expected, samples / 256.0);
      double p = new ChiSquareTest().chiSquareTest(expected, counts);
      assertTrue(p > 1e-4, "byte at shift " + shift + " is not uniform, p = " + p);
    }
  }

  @Test
  void neighbouringTicksAndPurposesAreUncorrelated() {
    int samples = 100_000;
    long k1 = CounterRng.tickKey(5, 100, Purpose.STEP);
    long k2 = CounterRng.tickKey(5, 101, Purpose.STEP);
    long k3 = CounterRng.tickKey(5, 100, Purpose.HAZARD);
    double c12 = 0;
    double c13 = 0;
    for (int id = 0; id < samples; id++) {
      double a = CounterRng.unit(CounterRng.draw(k1, id)) - 0.5;
      c12 += a * (CounterRng.unit(CounterRng.draw(k2, id)) - 0.5);
      c13 += a * (CounterRng.unit(CounterRng.draw(k3, id)) - 0.5);
    }
    // The correlation of independent uniforms has standard deviation 1/sqrt(n).
    double sd = 1 / Math.sqrt(samples);
    assertTrue(Math.abs(c12 / samples * 12) < 5 * sd, "ticks correlate");
    assertTrue(Math.abs(c13 / samples * 12) < 5 * sd, "purposes correlate");
  }

  @Test
  void exponentialAndGaussianSamplesFollowTheirLaws() {
    RngStream r = new RngStream();
    int n = 20_000;
    double[] exp = new double[n];
    double[] gauss = new double[n];
    for (int i = 0; i < n; i++) {
      r.reset(CounterRng.draw(9, 0, i, Purpose.BIRTH));
      exp[i] = r.nextExponential(50);
      gauss[i] = r.nextGaussian();
    }
    KolmogorovSmirnovTest ks = new KolmogorovSmirnovTest();
    assertTrue(ks.kolmogorovSmirnovTest(new ExponentialDistribution(null, 50), exp) > 1e-3);
    assertTrue(ks.kolmogorovSmirnovTest(new NormalDistribution(null, 0, 1), gauss) > 1e-3);
  }

  @Test
  void zigguratGaussiansHaveTheNormalLawIncludingTheTails() {
    RngStream r = new RngStream();
    int n = 400_000;
    double[] g = new double[n];
    double sum = 0;
    double sq = 0;
    long beyond3 = 0;
    for (int i = 0; i < n; i++) {
      g[i] = r.reset(CounterRng.draw(21, 3, i, Purpose.BIRTH)).nextGaussian();
      sum += g[i];
      sq += g[i] * g[i];
      if (Math.abs(g[i]) > 3) {
        beyond3++;
      }
    }
    assertTrue(
        new KolmogorovSmirnovTest().kolmogorovSmirnovTest(new NormalDistribution(null, 0, 1), g)
            > 1e-3);
    assertEquals(0, sum / n, 5 / Math.sqrt(n));
    assertEquals(1, sq / n, 5 * Math.sqrt(2.0 / n));
    // P(|Z| > 3) = 0.0026998: the tail and the wedges must carry their mass.
    double p3 = 0.0026998;
    assertEquals(p3 * n, beyond3, 5 * Math.sqrt(p3 * n));
  }

  @Test
  void poissonCountsMatchThePoissonLawOnBothSidesOfTheAlgorithmSwitch() {
    for (double lambda : new double[] {0.3, 4.0, 9.9, 10.0, 37.5, 400}) {
      RngStream r = new RngStream();
      int n = 40_000;
      int max = (int) (lambda + 8 * Math.sqrt(lambda) + 10);
      long[] counts = new long[max + 1];
      double sum = 0;
      for (int i = 0; i < n; i++) {
        int k = r.reset(CounterRng.draw(13, 1, i, Purpose.EMIT_COUNT)).nextPoisson(lambda);
        counts[Math.min(k, max)]++;
        sum += k;
      }
      PoissonDistribution pd = new PoissonDistribution(lambda);
      // Pool the cells with small expectations so the chi-square approximation holds.
      java.util.List<Double> e = new java.util.ArrayList<>();
      java.util.List<Long> o = new java.util.ArrayList<>();
      double accE = 0;
      long accO = 0;
      for (int k = 0; k <= max; k++) {
        accE += n * (k == max ? 1 - pd.cumulativeProbability(max - 1) : pd.probability(k));
        accO += counts[k];
        if (accE >= 20) {
          e.add(accE);
          o.add(accO);
          accE = 0;
          accO = 0;
        }
      }
      if (accE > 0) {
        e.set(e.size() - 1, e.get(e.size() - 1) + accE);
        o.set(o.size() - 1, o.get(o.size() - 1) + accO);
      }
      double p =
          new ChiSquareTest()
              .chiSquareTest(
                  e.stream().mapToDouble(Double::doubleValue).toArray(),
                  o.stream().mapToLong(Long::longValue).toArray());
      assertTrue(p > 1e-4, "Poisson(" + lambda + ") counts deviate, p = " + p);
      assertEquals(lambda, sum / n, 5 * Math.sqrt(lambda / n));
    }
  }
}
