package org.nvlab.core.record;

import java.util.List;

/**
 * Consecutive rows of a run's metrics, copied out of a {@link MetricsRecorder} for a viewer: the
 * series names (in the recorder's order), and per row its tick and one value per series (NaN where
 * a series has no value at that tick). Immutable; made on the thread that steps the simulation.
 *
 * @param run which run the rows belong to (a new number for every run the publisher installs), so a
 *     chart knows when to start again
 * @param parent the run this one branched from (its history up to the branch is this run's too), or
 *     -1 for a run of its own
 * @param label what to call the run beside others (e.g. "branch 1 at tick 120")
 */
public record MetricRows(
    long run, long parent, String label, List<String> names, int[] ticks, float[][] values) {
  public MetricRows {
    names = List.copyOf(names);
    ticks = ticks.clone();
    float[][] copy = new float[values.length][];
    for (int r = 0; r < values.length; r++) {
      if (values[r].length != names.size()) {
        throw new IllegalArgumentException("row " + r + " must have " + names.size() + " values");
      }
      copy[r] = values[r].clone();
    }
    values = copy;
    if (ticks.length != values.length) {
      throw new IllegalArgumentException("one tick per row");
    }
  }

  /** Rows [from, rows()) of a recorder (from is clamped to what exists), of a run of its own. */
  public static MetricRows since(long run, MetricsRecorder m, int from) {
    return since(run, -1, "run " + run, m, from);
  }

  /** Rows [from, rows()) of a recorder (from is clamped to what exists). */
  public static MetricRows since(long run, long parent, String label, MetricsRecorder m, int from) {
    int to = m.rows();
    int start = Math.max(0, Math.min(from, to));
    int n = m.names().size();
    int[] ticks = new int[to - start];
    float[][] values = new float[to - start][n];
    for (int r = start; r < to; r++) {
      ticks[r - start] = m.tick(r);
      for (int k = 0; k < n; k++) {
        values[r - start][k] = m.value(r, k);
      }
    }
    return new MetricRows(run, parent, label, m.names(), ticks, values);
  }

  public int rows() {
    return ticks.length;
  }

  public int tick(int row) {
    return ticks[row];
  }

  public float value(int row, int series) {
    return values[row][series];
  }

  /** The index of a series, or -1. */
  public int index(String name) {
    return names.indexOf(name);
  }
}
