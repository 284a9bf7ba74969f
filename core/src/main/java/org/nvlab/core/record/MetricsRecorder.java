package org.nvlab.core.record;

import java.io.IOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.nvlab.core.state.StateVisitor;
import org.nvlab.core.vocabulary.SeriesName;

/**
 * Metric series recorded once per tick (step 6), held as float columns in memory and written as
 * long-format CSV ({@code tick,series,value}), the shape analysis tools and the run store take.
 * Series are declared before the first tick; recording a tick writes one value per series and
 * allocates only when the columns grow.
 */
public final class MetricsRecorder {
  private final List<String> names = new ArrayList<>();
  private float[][] columns = new float[0][];
  private int[] ticks = new int[0];
  private int rows;
  private float[] current;

  /** Declares one of the lab's series and returns its index. */
  public int series(SeriesName name) {
    return series(name.text());
  }

  /** Declares a series and returns its index. */
  public int series(String name) {
    if (current != null) {
      throw new IllegalStateException("series must be declared before recording starts");
    }
    names.add(name);
    return names.size() - 1;
  }

  /** Starts a row for a tick; set values with {@link #set}, then {@link #commit}. */
  public void begin(int tick) {
    start();
    Arrays.fill(current, Float.NaN);
    if (rows == ticks.length) {
      int cap = rows * 2;
      ticks = Arrays.copyOf(ticks, cap);
      for (int k = 0; k < columns.length; k++) {
        columns[k] = Arrays.copyOf(columns[k], cap);
      }
    }
    ticks[rows] = tick;
  }

  /** Fixes the series and makes the columns (the first row, a reservation or a checkpoint). */
  private void start() {
    if (current == null) {
      current = new float[names.size()];
      columns = new float[names.size()][];
      for (int k = 0; k < columns.length; k++) {
        columns[k] = new float[256];
      }
      ticks = new int[256];
    }
  }

  public void set(int series, double value) {
    current[series] = (float) value;
  }

  public void commit() {
    for (int k = 0; k < current.length; k++) {
      columns[k][rows] = current[k];
    }
    rows++;
  }

  /** Reserves room for {@code more} rows, so that recording them allocates nothing. */
  public void reserve(int more) {
    start();
    int need = rows + more + 1;
    if (need > ticks.length) {
      ticks = Arrays.copyOf(ticks, need);
      for (int k = 0; k < columns.length; k++) {
        columns[k] = Arrays.copyOf(columns[k], need);
      }
    }
  }

  public List<String> names() {
    return List.copyOf(names);
  }

  public int rows() {
    return rows;
  }

  public int index(String name) {
    return names.indexOf(name);
  }

  public int tick(int row) {
    return ticks[row];
  }

  public float value(int row, int series) {
    return columns[series][row];
  }

  /**
   * The sum of a series over every recorded tick (counts are exact up to 2^24 per tick: values are
   * stored as floats).
   *
   * @throws IllegalArgumentException when the run has no such series
   */
  public double sum(SeriesName series) {
    int k = names.indexOf(series.text());
    if (k < 0) {
      throw new IllegalArgumentException("this run has no series " + series.text());
    }
    double s = 0;
    for (int r = 0; r < rows; r++) {
      s += columns[k][r];
    }
    return s;
  }

  /** {@link #sum} of a count series, as a whole number. */
  public long total(SeriesName series) {
    return Math.round(sum(series));
  }

  /** The last recorded value of a series, or NaN. */
  public float last(String name) {
    int k = names.indexOf(name);
    return k < 0 || rows == 0 ? Float.NaN : columns[k][rows - 1];
  }

  /**
   * Shows the recorded series to a visitor (a checkpoint writes them; reading one back fills an
   * empty recorder with them, so a resumed run's metrics.csv has every row of the run).
   */
  public void visit(StateVisitor v) {
    int k = v.count("metrics.series", names.size());
    if (v.restoring()) {
      if (current != null || !names.isEmpty()) {
        throw new IllegalStateException("metrics can only be restored into a new recorder");
      }
      for (int i = 0; i < k; i++) {
        names.add(v.text("metrics.name", ""));
      }
    } else {
      for (String n : names) {
        v.text("metrics.name", n);
      }
    }
    int n = v.count("metrics.rows", rows);
    start(); // the columns exist (a recorder with no row yet has none)
    if (v.restoring()) {
      reserve(n);
      rows = n;
    }
    v.ints("metrics.ticks", ticks, n);
    for (int c = 0; c < k; c++) {
      v.floats("metrics.column", columns[c], n);
    }
  }

  /** Keeps the rows of ticks before {@code tick} only (a run rewound to that tick goes on). */
  public void truncateAt(int tick) {
    int r = 0;
    while (r < rows && ticks[r] < tick) {
      r++;
    }
    rows = r;
  }

  /** An independent copy (a branch keeps the history its run had). */
  public MetricsRecorder copy() {
    MetricsRecorder m = new MetricsRecorder();
    m.names.addAll(names);
    if (current != null) {
      m.current = new float[names.size()];
      m.columns = new float[columns.length][];
      for (int k = 0; k < columns.length; k++) {
        m.columns[k] = Arrays.copyOf(columns[k], Math.max(rows, 1) + 16);
      }
      m.ticks = Arrays.copyOf(ticks, Math.max(rows, 1) + 16);
      m.rows = rows;
    }
    return m;
  }

  /** Writes {@code tick,series,value} rows, tick-major. */
  public void writeCsv(Writer w) throws IOException {
    w.write("tick,series,value\n");
    StringBuilder b = new StringBuilder(64);
    for (int r = 0; r < rows; r++) {
      for (int k = 0; k < names.size(); k++) {
        float v = columns[k][r];
        if (Float.isNaN(v)) {
          continue;
        }
        b.setLength(0);
        b.append(ticks[r]).append(',').append(names.get(k)).append(',');
        if (v == Math.rint(v) && Math.abs(v) < 1e9) {
          b.append((long) v);
        } else {
          b.append(v);
        }
        b.append('\n');
        w.write(b.toString());
      }
    }
  }
}
