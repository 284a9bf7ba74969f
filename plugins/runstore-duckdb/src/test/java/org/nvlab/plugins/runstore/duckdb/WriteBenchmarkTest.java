package org.nvlab.plugins.runstore.duckdb;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A tiny benchmark reports every figure the docs quote. */
class WriteBenchmarkTest {
  @TempDir Path dir;

  @Test
  void aTinyBenchmarkReportsRatesSizesAndTimes() throws Exception {
    Map<String, Object> r = StoreFixtures.PROVIDER.benchmark(dir, 4000, 500, 2);
    assertEquals(4000L, r.get("rows"));
    assertEquals(2, r.get("reps"));
    for (String k :
        new String[] {
          "appender_rows_per_s",
          "jdbc_batch_rows_per_s",
          "appender_over_jdbc_batches",
          "parquet_export_seconds",
          "parquet_bytes",
          "csv_export_seconds",
          "store_bytes",
          "group_by_seconds"
        }) {
      assertTrue(((Number) r.get(k)).doubleValue() > 0, k + " in " + r);
    }
    assertTrue(r.get("duckdb_version").toString().startsWith("v1."), r.toString());
  }
}
