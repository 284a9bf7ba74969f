package org.nvlab.plugins.runstore.duckdb;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.nvlab.plugins.runstore.duckdb.StoreFixtures.PROVIDER;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.TimeZone;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nvlab.core.record.MetricsRecorder;
import org.nvlab.core.record.RunMetadata;
import org.nvlab.core.record.RunRecording;
import org.nvlab.core.record.RunStatus;
import org.nvlab.core.record.RunStore;
import org.nvlab.core.record.RunStoreException;
import org.nvlab.core.record.RunStoreException.Reason;
import org.nvlab.core.record.RunStoreProvider.Access;
import org.nvlab.core.record.RunStores;

/** Recording runs and reading them back: rows, values and metadata exactly as recorded. */
class DuckDbRunStoreTest {
  @TempDir Path dir;

  @Test
  void serviceLoaderFindsTheDuckDbStore() throws RunStoreException {
    assertInstanceOf(DuckDbRunStoreProvider.class, RunStores.find());
    assertEquals(
        dir.resolve("p.nvlab/runs/runs.duckdb"), PROVIDER.location(dir.resolve("p.nvlab")));
  }

  @Test
  void aRecordedRunReadsBackWithEveryRowValueAndMetadataField() throws Exception {
    Path project = StoreFixtures.project(dir, "p");
    MetricsRecorder m = StoreFixtures.metrics(50);
    // 02:30 UTC that day is a wall time Berlin skips: the JVM's zone must not touch stored times.
    Instant started = Instant.parse("2025-03-30T02:30:00.123456Z");
    RunMetadata asked = StoreFixtures.finishedRun(7, started);
    RunMetadata stored;
    TimeZone zone = TimeZone.getDefault();
    try {
      TimeZone.setDefault(TimeZone.getTimeZone("Europe/Berlin"));
      try (RunStore store = PROVIDER.open(project, Access.READ_WRITE)) {
        stored = store.record(asked, m);
        assertEquals(1, stored.id());
        assertEquals(asked.withId(1), stored, "metadata as stored");
        assertEquals(StoreFixtures.nonNanValues(m), store.metricRows(1));
      }
      // Reopened, and read the way an analyst would: plain SQL on the file.
      try (RunStore store = PROVIDER.open(project, Access.READ_ONLY)) {
        assertEquals(List.of(stored), store.runs());
        assertEquals(stored, store.run(1).orElseThrow());
        assertTrue(store.run(2).isEmpty());
      }
    } finally {
      TimeZone.setDefault(zone);
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
    try (Connection c = StoreFixtures.readOnly(PROVIDER.location(project));
        Statement s = c.createStatement();
        ResultSet r = s.executeQuery("SELECT run_id, tick, series, value FROM metrics")) {
      while (r.next()) {
        assertEquals(1, r.getInt(1));
        actual.add(
            r.getInt(2) + "," + r.getString(3) + "," + Float.floatToRawIntBits(r.getFloat(4)));
      }
    }
    assertEquals(expected, actual, "rows in recording order, values bit for bit");
  }

  @Test
  void runsAreListedNewestFirstAndIdsCountUp() throws RunStoreException {
    Path project = StoreFixtures.project(dir, "p");
    Instant t0 = Instant.parse("2025-01-01T00:00:00Z");
    try (RunStore store = PROVIDER.open(project, Access.READ_WRITE)) {
      store.record(StoreFixtures.finishedRun(1, t0.plusSeconds(10)), StoreFixtures.metrics(3));
      store.record(StoreFixtures.finishedRun(2, t0.plusSeconds(30)), StoreFixtures.metrics(3));
      store.record(StoreFixtures.finishedRun(3, t0.plusSeconds(20)), StoreFixtures.metrics(3));
      List<RunMetadata> runs = store.runs();
      assertEquals(List.of(2L, 3L, 1L), runs.stream().map(RunMetadata::seed).toList());
      assertEquals(List.of(2L, 3L, 1L), runs.stream().map(RunMetadata::id).toList());
    }
    try (RunStore store = PROVIDER.open(project, Access.READ_WRITE)) {
      RunMetadata fourth = store.record(StoreFixtures.finishedRun(4, t0), StoreFixtures.metrics(1));
      assertEquals(4, fourth.id(), "a reopened store goes on counting");
    }
  }

  @Test
  void anOngoingRunAppendsAsItGoesAndAnUnfinishedOneIsMarkedInterrupted() throws Exception {
    Path project = StoreFixtures.project(dir, "p");
    MetricsRecorder m = StoreFixtures.metrics(30);
    Instant t0 = Instant.parse("2025-01-01T00:00:00Z");
    try (RunStore store = PROVIDER.open(project, Access.READ_WRITE)) {
      RunRecording rec = store.begin(RunMetadata.starting("p", "x", 5, 30, 1, "v", "j", t0));
      assertEquals(RunStatus.RUNNING, store.run(rec.id()).orElseThrow().status());
      int next = 0;
      // The recorder as the run sees it: rows 0..9, then 10..29, appended as they came.
      MetricsRecorder partial = StoreFixtures.metrics(10);
      next = rec.append(partial, next);
      assertEquals(10, next);
      next = rec.append(m, next);
      assertEquals(30, next);
      rec.append(30, "extra", 1.5f);
      rec.append(31, "extra", Float.NaN);
      RunMetadata done = rec.finish(t0.plusSeconds(9), "ee", RunStatus.FINISHED);
      assertEquals(RunStatus.FINISHED, done.status());
      assertEquals(StoreFixtures.nonNanValues(m) + 1, store.metricRows(rec.id()));
      assertThrows(RunStoreException.class, () -> rec.append(40, "late", 1f));
      rec.close();

      RunRecording cut = store.begin(RunMetadata.starting("p", "x", 6, 30, 1, "v", "j", t0));
      cut.append(StoreFixtures.metrics(4), 0);
      cut.close();
      RunMetadata interrupted = store.run(cut.id()).orElseThrow();
      assertEquals(RunStatus.INTERRUPTED, interrupted.status());
      assertNull(interrupted.stateSha256());
      assertEquals(
          StoreFixtures.nonNanValues(StoreFixtures.metrics(4)), store.metricRows(cut.id()));
    }
  }

  @Test
  void closingTheStoreWithARecordingOpenKeepsItsRowsAndMarksItInterrupted() throws Exception {
    Path project = StoreFixtures.project(dir, "p");
    long id;
    try (RunStore store = PROVIDER.open(project, Access.READ_WRITE)) {
      RunRecording rec =
          store.begin(RunMetadata.starting("p", "x", 5, 30, 1, "v", "j", Instant.EPOCH));
      id = rec.id();
      rec.append(0, "a", 1f);
      rec.append(1, "a", 2f);
      RunStoreException busy =
          assertThrows(
              RunStoreException.class,
              () -> store.begin(RunMetadata.starting("p", "x", 6, 30, 1, "v", "j", Instant.EPOCH)));
      assertTrue(busy.getMessage().contains("still being recorded"), busy.getMessage());
    }
    try (RunStore store = PROVIDER.open(project, Access.READ_ONLY)) {
      assertEquals(RunStatus.INTERRUPTED, store.run(id).orElseThrow().status());
      assertEquals(2, store.metricRows(id));
    }
  }

  @Test
  void readOnlyOpeningOfAProjectWithoutRunsSaysSoAndCreatesNothing() {
    Path project = StoreFixtures.project(dir, "p");
    RunStoreException e =
        assertThrows(RunStoreException.class, () -> PROVIDER.open(project, Access.READ_ONLY));
    assertEquals(Reason.NOT_FOUND, e.reason());
    assertFalse(Files.exists(project.resolve("runs")), "no runs folder was made");
  }

  @Test
  void aReadOnlyStoreRecordsNothing() throws RunStoreException {
    Path project = StoreFixtures.project(dir, "p");
    PROVIDER.open(project, Access.READ_WRITE).close();
    try (RunStore store = PROVIDER.open(project, Access.READ_ONLY)) {
      RunStoreException e =
          assertThrows(
              RunStoreException.class,
              () -> store.begin(RunMetadata.starting("p", "x", 6, 30, 1, "v", "j", Instant.EPOCH)));
      assertTrue(e.getMessage().contains("read-only"), e.getMessage());
    }
  }

  @Test
  void aMissingProjectFolderIsNamed() {
    RunStoreException e =
        assertThrows(
            RunStoreException.class,
            () -> PROVIDER.open(dir.resolve("absent.nvlab"), Access.READ_WRITE));
    assertTrue(e.getMessage().contains("absent.nvlab"), e.getMessage());
  }

  @Test
  void storeFilesUseTheSchemaAnalystsAreToldAbout() throws Exception {
    Path project = StoreFixtures.project(dir, "p");
    PROVIDER.open(project, Access.READ_WRITE).close();
    List<String> columns = new ArrayList<>();
    try (Connection c = StoreFixtures.readOnly(PROVIDER.location(project));
        Statement s = c.createStatement();
        ResultSet r =
            s.executeQuery(
                "SELECT table_name, column_name, data_type FROM information_schema.columns"
                    + " WHERE table_name IN ('runs', 'metrics') ORDER BY table_name,"
                    + " ordinal_position")) {
      while (r.next()) {
        columns.add(r.getString(1) + "." + r.getString(2) + " " + r.getString(3));
      }
    } catch (SQLException e) {
      throw new AssertionError(e);
    }
    assertEquals(
        List.of(
            "metrics.run_id INTEGER",
            "metrics.tick INTEGER",
            "metrics.series VARCHAR",
            "metrics.value FLOAT",
            "runs.id INTEGER",
            "runs.project VARCHAR",
            "runs.project_sha256 VARCHAR",
            "runs.seed BIGINT",
            "runs.ticks INTEGER",
            "runs.threads INTEGER",
            "runs.app_version VARCHAR",
            "runs.java_version VARCHAR",
            "runs.started_at TIMESTAMP",
            "runs.finished_at TIMESTAMP",
            "runs.state_sha256 VARCHAR",
            "runs.status VARCHAR"),
        columns);
  }
}
