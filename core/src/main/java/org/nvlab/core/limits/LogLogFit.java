package org.nvlab.core.limits;

/**
 * The least-squares line through (ln N, ln RMS error): ln RMS = intercept + slope ln N. The slope's
 * standard error is the usual one, sqrt(SSR / (k - 2) / Sxx) over k points; a limit that converges
 * as N^(-1/2) has slope -0.5.
 *
 * @param slope the fitted exponent
 * @param slopeStandardError its standard error (NaN with fewer than 3 points)
 * @param intercept ln RMS at N = 1
 * @param points how many N values were fitted
 */
public record LogLogFit(double slope, double slopeStandardError, double intercept, int points) {

  /** Fits ln y against ln x; x and y positive, at least two distinct x. */
  public static LogLogFit of(double[] x, double[] y) {
    int k = x.length;
    if (k != y.length || k < 2) {
      throw new IllegalArgumentException("a fit needs at least two points, got " + k);
    }
    double mx = 0;
    double my = 0;
    for (int i = 0; i < k; i++) {
      mx += Math.log(x[i]);
      my += Math.log(y[i]);
    }
    mx /= k;
    my /= k;
    double sxx = 0;
    double sxy = 0;
    for (int i = 0; i < k; i++) {
      double dx = Math.log(x[i]) - mx;
      sxx += dx * dx;
      sxy += dx * (Math.log(y[i]) - my);
    }
    if (sxx == 0) {
      throw new IllegalArgumentException("a fit needs at least two different N");
    }
    double slope = sxy / sxx;
    double intercept = my - slope * mx;
    double ssr = 0;
    for (int i = 0; i < k; i++) {
      double r = Math.log(y[i]) - intercept - slope * Math.log(x[i]);
      ssr += r * r;
    }
    double se = k > 2 ? Math.sqrt(ssr / (k - 2) / sxx) : Double.NaN;
    return new LogLogFit(slope, se, intercept, k);
  }
}
