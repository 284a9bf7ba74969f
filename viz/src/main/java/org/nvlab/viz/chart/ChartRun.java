package org.nvlab.viz.chart;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Function;
import org.nvlab.core.record.MetricRows;

/**
 * One run's data in a {@link MetricsChart}: its lines (chosen from its series names), every tick at
 * full resolution (for exports), and the decimated points drawn. Rows that go back in time (the run
 * was rewound and goes on from an earlier tick) replace what came after: the run's data is kept up
 * to the tick before them.
 */
final class ChartRun {
  final long id;
  final long parent;
  final String label;
  final List<String> names;
  final List<MetricsChart.Line> shown;
  private final List<int[]> sources = new ArrayList<>();
  final List<SeriesDecimator> decimators = new ArrayList<>();
  int[] ticks = new int[1024];
  float[][] values;
  int rows;

  ChartRun(
      long id,
      long parent,
      String label,
      List<String> names,
      Function<List<String>, List<MetricsChart.Line>> lines) {
    this.id = id;
    this.parent = parent;
    this.label = label;
    this.names = List.copyOf(names);
    this.shown = List.copyOf(lines.apply(this.names));
    for (MetricsChart.Line l : shown) {
      sources.add(l.series().stream().mapToInt(this.names::indexOf).filter(i -> i >= 0).toArray());
      decimators.add(new SeriesDecimator(MetricsChart.MAX_POINTS));
    }
    values = new float[shown.size()][ticks.length];
  }

  /**
   * Appends rows; rows from a tick this run has passed first cut it back to before that tick, and
   * no rows at all (the publisher sends none only for a run that has none) empty it.
   */
  void add(MetricRows r) {
    if (r.rows() == 0) {
      truncateAt(Integer.MIN_VALUE);
      return;
    }
    if (rows > 0 && r.tick(0) <= ticks[rows - 1]) {
      truncateAt(r.tick(0));
    }
    for (int row = 0; row < r.rows(); row++) {
      if (rows == ticks.length) {
        ticks = Arrays.copyOf(ticks, 2 * rows);
        for (int l = 0; l < values.length; l++) {
          values[l] = Arrays.copyOf(values[l], 2 * rows);
        }
      }
      ticks[rows] = r.tick(row);
      for (int l = 0; l < sources.size(); l++) {
        double v = 0;
        boolean any = false;
        for (int k : sources.get(l)) {
          float x = r.value(row, k);
          if (!Float.isNaN(x)) {
            v += x;
            any = true;
          }
        }
        float y = any ? (float) v : Float.NaN;
        values[l][rows] = y;
        if (any) {
          decimators.get(l).add(r.tick(row), y);
        }
      }
      rows++;
    }
  }

  /** Keeps the rows of ticks before {@code tick}; the drawn points are made again from them. */
  void truncateAt(int tick) {
    int keep = 0;
    while (keep < rows && ticks[keep] < tick) {
      keep++;
    }
    rows = keep;
    for (int l = 0; l < decimators.size(); l++) {
      SeriesDecimator d = new SeriesDecimator(MetricsChart.MAX_POINTS);
      for (int row = 0; row < rows; row++) {
        if (!Float.isNaN(values[l][row])) {
          d.add(ticks[row], values[l][row]);
        }
      }
      decimators.set(l, d);
    }
  }

  /** The last tick received, or -1. */
  int lastTick() {
    return rows == 0 ? -1 : ticks[rows - 1];
  }
}
