package org.nvlab.plugins.runstore.duckdb;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.nvlab.core.record.ExportFormat;
import org.nvlab.core.record.MetricsRecorder;
import org.nvlab.core.record.RunMetadata;
import org.nvlab.core.record.RunStatus;
import org.nvlab.core.record.RunStore;
import org.nvlab.core.record.RunStoreException;
import org.nvlab.core.record.RunStoreProvider.Access;

/**
 * How fast the store records: a synthetic run of {@code rows} metric rows (16 series, values that
 * do not repeat) recorded through the store's own path (the Appender), each repetition into a fresh
 * store; the same rows through plain JDBC batch inserts (1,000 rows a batch, one transaction) on a
 * smaller count, each repetition right after the Appender's; the Parquet and CSV export of the
 * recorded run; a group-by over it.
 */
final class WriteBenchmark {
  private WriteBenchmark() {}

  static final int SERIES = 16;
  private static final int BATCH = 1000;

  static Map<String, Object> run(
      DuckDbRunStoreProvider provider, Path scratch, int rows, int baselineRows, int reps)
      throws RunStoreException {
    if (rows < SERIES || baselineRows < 1 || reps < 1) {
      throw new IllegalArgumentException("rows must be at least 16, baseline rows and reps 1");
    }
    MetricsRecorder metrics = synthetic(rows / SERIES);
    long recorded = (long) metrics.rows() * SERIES;
    double[] appendSeconds = new double[reps];
    double[] parquetSeconds = new double[reps];
    double[] csvSeconds = new double[reps];
    double[] groupBySeconds = new double[reps];
    double[] batchSeconds = new double[reps];
    long storeBytes = 0;
    long parquetBytes = 0;
    long csvBytes = 0;
    String version = "unknown";
    try {
      for (int rep = 0; rep < reps; rep++) {
        Path project = Files.createDirectories(scratch.resolve("appender-" + rep + ".nvlab"));
        try (RunStore store = provider.open(project, Access.READ_WRITE)) {
          RunMetadata run =
              RunMetadata.starting(
                  "bench-store", null, 1, metrics.rows(), 1, "bench", "bench", Instant.now());
          long t0 = System.nanoTime();
          RunMetadata done =
              store.record(run.finished(Instant.now(), null, RunStatus.FINISHED), metrics);
          appendSeconds[rep] = (System.nanoTime() - t0) / 1e9;

          Path parquet = scratch.resolve("run-" + rep + ".parquet");
          t0 = System.nanoTime();
          store.export(done.id(), ExportFormat.PARQUET, parquet);
          parquetSeconds[rep] = (System.nanoTime() - t0) / 1e9;
          parquetBytes = Files.size(parquet);

          Path csv = scratch.resolve("run-" + rep + ".csv");
          t0 = System.nanoTime();
          store.export(done.id(), ExportFormat.CSV, csv);
          csvSeconds[rep] = (System.nanoTime() - t0) / 1e9;
          csvBytes = Files.size(csv);

          Connection c = ((DuckDbRunStore) store).connection();
          t0 = System.nanoTime();
          try (Statement s = c.createStatement();
              ResultSet r =
                  s.executeQuery(
                      "SELECT series, count(*), avg(value), max(value) FROM metrics"
                          + " WHERE run_id = "
                          + done.id()
                          + " GROUP BY series")) {
            while (r.next()) {
              r.getDouble(3);
            }
          }
          groupBySeconds[rep] = (System.nanoTime() - t0) / 1e9;
          version = duckDbVersion(c);
        }
        storeBytes = Files.size(provider.location(project));
        // Interleaved with the Appender's repetitions, so a change of load shifts both alike.
        batchSeconds[rep] =
            jdbcBatches(scratch.resolve("batches-" + rep + ".duckdb"), baselineRows);
      }
      Map<String, Object> out = new LinkedHashMap<>();
      out.put("rows", recorded);
      out.put("series", SERIES);
      out.put("reps", reps);
      out.put("appender_rows_per_s", Math.round(recorded / median(appendSeconds)));
      out.put("appender_rows_per_s_each", rates(recorded, appendSeconds));
      out.put("appender_seconds", round(median(appendSeconds)));
      out.put("jdbc_batch_rows", baselineRows);
      out.put("jdbc_batch_size", BATCH);
      out.put("jdbc_batch_rows_per_s", Math.round(baselineRows / median(batchSeconds)));
      out.put("jdbc_batch_rows_per_s_each", rates(baselineRows, batchSeconds));
      out.put(
          "appender_over_jdbc_batches",
          round((recorded / median(appendSeconds)) / (baselineRows / median(batchSeconds))));
      out.put("parquet_export_seconds", round(median(parquetSeconds)));
      out.put("parquet_bytes", parquetBytes);
      out.put("csv_export_seconds", round(median(csvSeconds)));
      out.put("csv_bytes", csvBytes);
      out.put("group_by_seconds", round(median(groupBySeconds)));
      out.put("store_bytes", storeBytes);
      out.put("duckdb_version", version);
      return out;
    } catch (IOException | SQLException e) {
      throw Failures.of(e, scratch, "benchmarking");
    }
  }

  /** {@code ticks} rows of 16 series with values that are seldom whole or repeated. */
  static MetricsRecorder synthetic(int ticks) {
    MetricsRecorder m = new MetricsRecorder();
    for (int k = 0; k < SERIES; k++) {
      m.series("series." + k);
    }
    m.reserve(ticks);
    long x = 0x9E3779B97F4A7C15L;
    for (int t = 0; t < ticks; t++) {
      m.begin(t);
      for (int k = 0; k < SERIES; k++) {
        x ^= x << 13;
        x ^= x >>> 7;
        x ^= x << 17;
        m.set(k, (x >>> 40) / 1024.0);
      }
      m.commit();
    }
    return m;
  }

  /** Seconds to insert {@code rows} rows through JDBC batches into a fresh file. */
  private static double jdbcBatches(Path file, int rows) throws SQLException {
    MetricsRecorder m = synthetic((rows + SERIES - 1) / SERIES);
    List<String> names = m.names();
    try (Connection c = new org.duckdb.DuckDBDriver().connect("jdbc:duckdb:" + file, null)) {
      try (Statement s = c.createStatement()) {
        s.execute(Schema.METRICS);
      }
      long t0 = System.nanoTime();
      c.setAutoCommit(false);
      try (PreparedStatement p = c.prepareStatement("INSERT INTO metrics VALUES (?, ?, ?, ?)")) {
        int n = 0;
        for (int r = 0; n < rows; r++) {
          for (int k = 0; k < SERIES && n < rows; k++, n++) {
            p.setInt(1, 1);
            p.setInt(2, m.tick(r));
            p.setString(3, names.get(k));
            p.setFloat(4, m.value(r, k));
            p.addBatch();
            if ((n + 1) % BATCH == 0) {
              p.executeBatch();
            }
          }
        }
        p.executeBatch();
      }
      c.commit();
      return (System.nanoTime() - t0) / 1e9;
    }
  }

  private static String duckDbVersion(Connection c) throws SQLException {
    try (Statement s = c.createStatement();
        ResultSet r = s.executeQuery("SELECT version()")) {
      r.next();
      return r.getString(1);
    }
  }

  private static double median(double[] a) {
    double[] s = a.clone();
    Arrays.sort(s);
    int n = s.length;
    return n % 2 == 1 ? s[n / 2] : (s[n / 2 - 1] + s[n / 2]) / 2;
  }

  private static List<Long> rates(long rows, double[] seconds) {
    List<Long> out = new ArrayList<>();
    for (double s : seconds) {
      out.add(Math.round(rows / s));
    }
    return out;
  }

  private static double round(double v) {
    return Math.round(v * 1e4) / 1e4;
  }
}
