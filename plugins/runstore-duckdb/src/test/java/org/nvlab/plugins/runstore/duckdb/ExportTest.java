package org.nvlab.plugins.runstore.duckdb;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.nvlab.plugins.runstore.duckdb.StoreFixtures.PROVIDER;

import java.io.IOException;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nvlab.core.Model;
import org.nvlab.core.Simulation;
import org.nvlab.core.observe.MetricsObserver;
import org.nvlab.core.record.ExportFormat;
import org.nvlab.core.record.MetricsRecorder;
import org.nvlab.core.record.RunMetadata;
import org.nvlab.core.record.RunStatus;
import org.nvlab.core.record.RunStore;
import org.nvlab.core.record.RunStoreException;
import org.nvlab.core.record.RunStoreException.Reason;
import org.nvlab.core.record.RunStoreProvider.Access;

/** Exports hold the run's rows, as metrics.csv has them (CSV) and as typed columns (Parquet). */
class ExportTest {
  @TempDir Path dir;

  @Test
  void csvOfARealRunEqualsItsMetricsCsv() throws Exception {
    MetricsRecorder m;
    // Read only: the sample is loaded from the repository, the store lives in the temp folder.
    try (Simulation sim = Model.load(sample("hello-vesicles")).instantiate(7L, 2)) {
      m = sim.observe(new MetricsObserver()).recorder();
      sim.run(60);
      assertCsvEqualsMetricsCsv(m, record(m));
    }
  }

  @Test
  void csvOfValuesJavaAndDuckDbSpellDifferentlyHoldsTheSameFloats() throws Exception {
    MetricsRecorder m = StoreFixtures.metrics(40);
    assertCsvEqualsMetricsCsv(m, record(m));
  }

  @Test
  void parquetReadsBackInDuckDbWithTheSameRowsAndTypes() throws Exception {
    MetricsRecorder m = StoreFixtures.metrics(40);
    Path project = record(m);
    Path out = dir.resolve("run.parquet");
    try (RunStore store = PROVIDER.open(project, Access.READ_ONLY)) {
      store.export(1, ExportFormat.PARQUET, out);
    }
    List<String> expected = new ArrayList<>();
    for (int r = 0; r < m.rows(); r++) {
      for (int k = 0; k < m.names().size(); k++) {
        float v = m.value(r, k);
        if (!Float.isNaN(v)) {
          expected.add(m.tick(r) + "," + m.names().get(k) + "," + Float.floatToRawIntBits(v));
        }
      }
    }
    List<String> actual = new ArrayList<>();
    List<String> types = new ArrayList<>();
    try (Connection c = DriverManager.getConnection("jdbc:duckdb:");
        Statement s = c.createStatement()) {
      String from = "read_parquet('" + out.toString().replace("'", "''") + "')";
      try (ResultSet r = s.executeQuery("DESCRIBE SELECT * FROM " + from)) {
        while (r.next()) {
          types.add(r.getString(1) + " " + r.getString(2));
        }
      }
      try (ResultSet r = s.executeQuery("SELECT tick, series, value FROM " + from)) {
        while (r.next()) {
          actual.add(
              r.getInt(1) + "," + r.getString(2) + "," + Float.floatToRawIntBits(r.getFloat(3)));
        }
      }
      try (ResultSet r =
          s.executeQuery(
              "SELECT compression FROM parquet_metadata('"
                  + out.toString().replace("'", "''")
                  + "') LIMIT 1")) {
        r.next();
        assertEquals("ZSTD", r.getString(1));
      }
    }
    assertEquals(List.of("tick INTEGER", "series VARCHAR", "value FLOAT"), types);
    assertEquals(expected, actual);
  }

  @Test
  void anUnknownRunIsNamedAndWritesNothing() throws Exception {
    Path project = record(StoreFixtures.metrics(3));
    Path out = dir.resolve("x.csv");
    try (RunStore store = PROVIDER.open(project, Access.READ_ONLY)) {
      RunStoreException e =
          assertThrows(RunStoreException.class, () -> store.export(9, ExportFormat.CSV, out));
      assertEquals(Reason.UNKNOWN_RUN, e.reason());
      assertTrue(e.getMessage().startsWith("no run 9 in "), e.getMessage());
    }
    assertFalse(Files.exists(out));
  }

  @Test
  void anUnwritableTargetIsOneLineAndLeavesNoPartialFile() throws Exception {
    Path project = record(StoreFixtures.metrics(3));
    try (RunStore store = PROVIDER.open(project, Access.READ_ONLY)) {
      Path missingFolder = dir.resolve("no/such/folder/x.parquet");
      RunStoreException e =
          assertThrows(
              RunStoreException.class, () -> store.export(1, ExportFormat.PARQUET, missingFolder));
      assertEquals(Reason.EXPORT, e.reason());
      assertTrue(e.getMessage().contains("does not exist"), e.getMessage());

      RunStoreException folder =
          assertThrows(RunStoreException.class, () -> store.export(1, ExportFormat.CSV, dir));
      assertTrue(folder.getMessage().contains("is a folder"), folder.getMessage());

      RunStoreException own =
          assertThrows(
              RunStoreException.class,
              () -> store.export(1, ExportFormat.CSV, PROVIDER.location(project)));
      assertTrue(own.getMessage().contains("run store's own file"), own.getMessage());
      assertEquals(1, e.getMessage().lines().count());
    }
    try (var files = Files.list(dir)) {
      assertTrue(files.noneMatch(p -> p.getFileName().toString().contains(".part")));
    }
  }

  @Test
  void anExportReplacesAnEarlierFileOfTheSameNameWhole() throws Exception {
    Path project = record(StoreFixtures.metrics(3));
    Path out = dir.resolve("x.csv");
    Files.writeString(out, "old");
    try (RunStore store = PROVIDER.open(project, Access.READ_ONLY)) {
      store.export(1, ExportFormat.CSV, out);
    }
    assertTrue(Files.readString(out).startsWith("tick,series,value\n"));
  }

  private Path record(MetricsRecorder m) throws RunStoreException {
    Path project = StoreFixtures.project(dir, "p");
    try (RunStore store = PROVIDER.open(project, Access.READ_WRITE)) {
      store.record(
          RunMetadata.starting("p", "x", 7, m.rows(), 2, "v", "j", Instant.now())
              .finished(Instant.now(), "s", RunStatus.FINISHED),
          m);
    }
    return project;
  }

  private void assertCsvEqualsMetricsCsv(MetricsRecorder m, Path project) throws Exception {
    StringWriter w = new StringWriter();
    m.writeCsv(w);
    List<String> expected = w.toString().lines().toList();
    Path out = dir.resolve("export.csv");
    try (RunStore store = PROVIDER.open(project, Access.READ_ONLY)) {
      store.export(1, ExportFormat.CSV, out);
    }
    List<String> actual = Files.readAllLines(out);
    assertEquals(expected.size(), actual.size(), "rows");
    assertEquals("tick,series,value", actual.get(0));
    int sameText = 0;
    for (int i = 1; i < expected.size(); i++) {
      String[] e = expected.get(i).split(",");
      String[] a = actual.get(i).split(",");
      assertEquals(3, a.length, actual.get(i));
      assertEquals(e[0] + "," + e[1], a[0] + "," + a[1], "line " + (i + 1));
      // Both spell the shortest decimal that reads back as the float; Java writes 1.0E-4 where
      // DuckDB writes 0.0001, so compare the floats, and whole numbers as text.
      assertEquals(
          Float.floatToRawIntBits(Float.parseFloat(e[2])),
          Float.floatToRawIntBits(Float.parseFloat(a[2])),
          "line " + (i + 1) + ": " + expected.get(i) + " vs " + actual.get(i));
      if (!e[2].contains(".") && !e[2].contains("E")) {
        assertEquals(e[2], a[2], "whole numbers are written without a fraction");
      }
      if (e[2].equals(a[2])) {
        sameText++;
      }
    }
    assertTrue(sameText > 0);
  }

  static Path sample(String name) throws IOException {
    for (Path d = Path.of("").toAbsolutePath(); d != null; d = d.getParent()) {
      Path p = d.resolve("sample-projects").resolve(name + ".nvlab");
      if (Files.isDirectory(p)) {
        return p;
      }
    }
    throw new IOException("no sample-projects folder above " + Path.of("").toAbsolutePath());
  }
}
