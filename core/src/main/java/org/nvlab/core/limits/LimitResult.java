package org.nvlab.core.limits;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What {@link LimitMeasurement} found for one construction: per N, the RMS error of a tick's
 * modulation against the exact mechanism and the RMS of the exact values themselves (over the
 * compared values, the measured ticks and the seeds), and the log-log fit of error against N.
 *
 * @param limit the construction's name
 * @param mechanism the exact mechanism, as a formula
 * @param seeds run seeds 1..seeds
 * @param ticks measured ticks per seed
 * @param rows one per N, in the order given
 * @param fit ln RMS error against ln N (null with fewer than two N)
 */
public record LimitResult(
    String limit, String mechanism, int seeds, int ticks, List<Row> rows, LogLogFit fit) {

  /** The acceptance of issue 3: the fitted exponent within 0.1 of -1/2. */
  public static final double SLOPE_TOLERANCE = 0.1;

  /** The acceptance of issue 3: below 1% relative error at the largest N. */
  public static final double RELATIVE_ERROR_BOUND = 0.01;

  /**
   * One N.
   *
   * @param vesicles N, expected births per tick
   * @param rmsError sqrt(mean (measured - exact)^2)
   * @param rmsErrorStandardError its standard error, from the spread of the seeds' mean squares
   *     (NaN with one seed)
   * @param rmsSignal sqrt(mean exact^2)
   * @param samples compared values (components x ticks x seeds)
   */
  public record Row(
      int vesicles, double rmsError, double rmsErrorStandardError, double rmsSignal, long samples) {

    public double relativeError() {
      return rmsError / rmsSignal;
    }
  }

  /** The row of the largest N. */
  public Row largest() {
    Row best = rows.get(0);
    for (Row r : rows) {
      if (r.vesicles() > best.vesicles()) {
        best = r;
      }
    }
    return best;
  }

  public boolean slopeAccepted() {
    return fit != null && Math.abs(fit.slope() + 0.5) <= SLOPE_TOLERANCE;
  }

  public boolean errorAccepted() {
    return largest().relativeError() < RELATIVE_ERROR_BOUND;
  }

  /** As nested maps and lists for a JSON writer; non-finite numbers become null. */
  public Map<String, Object> toMap() {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("limit", limit);
    m.put("mechanism", mechanism);
    m.put("seeds", seeds);
    m.put("ticks_per_seed", ticks);
    List<Object> per = new ArrayList<>();
    for (Row r : rows) {
      Map<String, Object> o = new LinkedHashMap<>();
      o.put("n", r.vesicles());
      o.put("rms_error", finite(r.rmsError()));
      o.put("rms_error_se", finite(r.rmsErrorStandardError()));
      o.put("rms_signal", finite(r.rmsSignal()));
      o.put("relative_error", finite(r.relativeError()));
      o.put("samples", r.samples());
      per.add(o);
    }
    m.put("per_n", per);
    if (fit != null) {
      Map<String, Object> f = new LinkedHashMap<>();
      f.put("slope", finite(fit.slope()));
      f.put("slope_se", finite(fit.slopeStandardError()));
      f.put("intercept", finite(fit.intercept()));
      f.put("points", fit.points());
      f.put("fitted", "ln rms_error = intercept + slope * ln n");
      m.put("fit", f);
    } else {
      m.put("fit", null);
    }
    Map<String, Object> a = new LinkedHashMap<>();
    a.put("slope_within_0.1_of_minus_0.5", slopeAccepted());
    a.put("relative_error_below_1_percent_at_largest_n", errorAccepted());
    m.put("acceptance", a);
    return m;
  }

  private static Double finite(double v) {
    return Double.isFinite(v) ? v : null;
  }
}
