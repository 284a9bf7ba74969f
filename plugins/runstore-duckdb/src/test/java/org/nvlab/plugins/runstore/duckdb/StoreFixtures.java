package org.nvlab.plugins.runstore.duckdb;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Properties;
import org.nvlab.core.record.MetricsRecorder;
import org.nvlab.core.record.RunMetadata;
import org.nvlab.core.record.RunStatus;

/** Projects, metrics and runs for the store's tests. */
final class StoreFixtures {
  private StoreFixtures() {}

  static final DuckDbRunStoreProvider PROVIDER = new DuckDbRunStoreProvider();

  /** An empty NAME.nvlab folder under {@code dir}: the store needs nothing else. */
  static Path project(Path dir, String name) {
    try {
      return Files.createDirectories(dir.resolve(name + ".nvlab"));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Three series over {@code ticks} ticks: a count, a fraction with values small and large enough
   * for Java and DuckDB to spell differently, and one with gaps (NaN, not recorded).
   */
  static MetricsRecorder metrics(int ticks) {
    MetricsRecorder m = new MetricsRecorder();
    int count = m.series("population.modulator");
    int frac = m.series("mean_activation");
    int gappy = m.series("dockings.modulator");
    for (int t = 0; t < ticks; t++) {
      m.begin(t);
      m.set(count, 100 + 3 * t);
      m.set(
          frac,
          switch (t % 5) {
            case 0 -> 0.1;
            case 1 -> 1.2345e-5 * (t + 1);
            case 2 -> -0.33333334;
            case 3 -> 12345678.9;
            default -> t / 7.0;
          });
      if (t % 3 != 0) {
        m.set(gappy, t % 4);
      }
      m.commit();
    }
    return m;
  }

  static long nonNanValues(MetricsRecorder m) {
    long n = 0;
    for (int r = 0; r < m.rows(); r++) {
      for (int k = 0; k < m.names().size(); k++) {
        if (!Float.isNaN(m.value(r, k))) {
          n++;
        }
      }
    }
    return n;
  }

  static RunMetadata finishedRun(long seed, Instant started) {
    return RunMetadata.starting(
            "hello-vesicles", "ab".repeat(32), seed, 40, 2, "0.1.0-test", "17.0.1", started)
        .finished(started.plusMillis(1234), "cd".repeat(32), RunStatus.FINISHED);
  }

  /** A read-only JDBC connection, for reading a closed store back the way an analyst would. */
  static Connection readOnly(Path file) throws SQLException {
    Properties p = new Properties();
    p.setProperty("duckdb.read_only", "true");
    return DriverManager.getConnection("jdbc:duckdb:" + file, p);
  }
}
