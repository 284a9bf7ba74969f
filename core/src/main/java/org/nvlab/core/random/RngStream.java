package org.nvlab.core.random;

import java.util.random.RandomGenerator;

/**
 * A short sequence of draws from one counter-based key, for samplers that need more than one
 * uniform (Poisson, Gaussian, exponential). The sequence is the SplitMix64 walk that starts at the
 * key's draw, so it depends only on (seed, tick, id, purpose). One instance per worker thread,
 * reset per use: nothing is allocated while sampling.
 *
 * <p>It is a {@link RandomGenerator}, so the JDK's exact ziggurat samplers (McFarland's modified
 * ziggurat for {@link #nextExponential()} and {@link #nextGaussian()}) run on its bits: most draws
 * cost one table look-up instead of a logarithm.
 */
public final class RngStream implements RandomGenerator {
  private long state;

  /** Restart the sequence at a counter-based draw. */
  public RngStream reset(long draw) {
    this.state = draw;
    return this;
  }

  /** The next 64 bits. */
  @Override
  public long nextLong() {
    state += CounterRng.GOLDEN;
    return CounterRng.mix64(state);
  }

  /** Uniform in [0, 1). */
  @Override
  public double nextDouble() {
    return CounterRng.unit(nextLong());
  }

  /** Uniform in (0, 1). */
  public double nextOpen() {
    return CounterRng.unitOpen(nextLong());
  }

  /** Exponential with the given mean (the JDK's ziggurat on this stream's bits). */
  public double nextExponential(double mean) {
    return mean * nextExponential();
  }

  /**
   * Poisson with mean {@code lambda}: inversion by sequential search below 10, Hörmann's
   * transformed rejection (PTRS, 1993) above, both exact.
   */
  public int nextPoisson(double lambda) {
    if (!(lambda > 0)) {
      return 0;
    }
    if (lambda < 10) {
      double p = Math.exp(-lambda);
      double f = p;
      double u = nextDouble();
      int k = 0;
      while (u > f && k < 1000) {
        k++;
        p *= lambda / k;
        f += p;
      }
      return k;
    }
    double slam = Math.sqrt(lambda);
    double loglam = Math.log(lambda);
    double b = 0.931 + 2.53 * slam;
    double a = -0.059 + 0.02483 * b;
    double invAlpha = 1.1239 + 1.1328 / (b - 3.4);
    double vr = 0.9277 - 3.6224 / (b - 2);
    while (true) {
      double u = nextDouble() - 0.5;
      double v = nextDouble();
      double us = 0.5 - Math.abs(u);
      long k = (long) Math.floor((2 * a / us + b) * u + lambda + 0.43);
      if (us >= 0.07 && v <= vr) {
        return (int) k;
      }
      if (k < 0 || (us < 0.013 && v > us)) {
        continue;
      }
      double lhs = Math.log(v) + Math.log(invAlpha) - Math.log(a / (us * us) + b);
      double rhs = -lambda + k * loglam - logFactorial(k);
      if (lhs <= rhs) {
        return (int) k;
      }
    }
  }

  private static final double[] LOG_FACT = new double[64];

  static {
    for (int i = 1; i < LOG_FACT.length; i++) {
      LOG_FACT[i] = LOG_FACT[i - 1] + Math.log(i);
    }
  }

  /** log(k!) exactly from a table below 64, by Stirling's series (error below 1e-12) above. */
  static double logFactorial(long k) {
    if (k < LOG_FACT.length) {
      return LOG_FACT[(int) k];
    }
    double x = k + 1.0;
    double inv = 1.0 / x;
    double inv2 = inv * inv;
    return (x - 0.5) * Math.log(x)
        - x
        + 0.5 * Math.log(2 * Math.PI)
        + inv * (1.0 / 12 - inv2 * (1.0 / 360 - inv2 * (1.0 / 1260)));
  }
}
