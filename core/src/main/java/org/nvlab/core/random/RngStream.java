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

  // Padding: each worker owns one stream and the streams are allocated together; without it two
  // workers' states share a cache line and every draw steals it from the other core.
  @SuppressWarnings("unused")
  private long p1, p2, p3, p4, p5, p6, p7, p8, p9, p10, p11, p12, p13, p14, p15;

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

  private static final int LAYERS = 128;
  private static final double R = 3.442619855899;
  private static final double AREA = 9.91256303526217e-3;
  private static final double[] ZX = new double[LAYERS + 1];
  private static final double[] ZR = new double[LAYERS];

  static {
    double f = Math.exp(-0.5 * R * R);
    ZX[0] = AREA / f;
    ZX[1] = R;
    ZX[LAYERS] = 0;
    for (int i = 2; i < LAYERS; i++) {
      ZX[i] = Math.sqrt(-2 * Math.log(AREA / ZX[i - 1] + f));
      f = Math.exp(-0.5 * ZX[i] * ZX[i]);
    }
    for (int i = 0; i < LAYERS; i++) {
      ZR[i] = ZX[i + 1] / ZX[i];
    }
  }

  /** Standard normal by the ziggurat method (see the class comment). */
  @Override
  public double nextGaussian() {
    while (true) {
      long bits = nextLong();
      int layer = (int) (bits & (LAYERS - 1));
      double u = 2 * ((bits >>> 11) * 0x1.0p-53) - 1; // uniform in [-1, 1) from the top 53 bits
      if (Math.abs(u) < ZR[layer]) {
        return u * ZX[layer];
      }
      if (layer == 0) {
        return tail(u < 0);
      }
      double x = u * ZX[layer];
      double f0 = Math.exp(-0.5 * (ZX[layer] * ZX[layer] - x * x));
      double f1 = Math.exp(-0.5 * (ZX[layer + 1] * ZX[layer + 1] - x * x));
      if (f1 + nextDouble() * (f0 - f1) < 1.0) {
        return x;
      }
    }
  }

  /** The tail beyond R (Marsaglia's method). */
  private double tail(boolean negative) {
    double x;
    double y;
    do {
      x = Math.log(nextOpen()) / R;
      y = Math.log(nextOpen());
    } while (-2 * y < x * x);
    return negative ? x - R : R - x;
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
