package org.nvlab.core.record;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import org.junit.jupiter.api.Test;

/** The run store's service interface as core sees it: records, formats, and the plugin lookup. */
class RunStoreSpiTest {

  @Test
  void findingAStoreWithNoPluginOnTheClassPathSaysWhichPluginIsMissing() {
    RunStoreException e = assertThrows(RunStoreException.class, RunStores::find);
    assertEquals(RunStoreException.Reason.NO_IMPLEMENTATION, e.reason());
    assertTrue(e.getMessage().contains("nvlab-runstore-duckdb"), e.getMessage());
    assertEquals(1, e.getMessage().lines().count(), "one line");
  }

  @Test
  void aStartingRunHasNoIdNoEndAndIsRunning() {
    Instant t0 = Instant.parse("2025-01-02T03:04:05.678Z");
    RunMetadata m = RunMetadata.starting("p", "abc", 7, 100, 2, "0.1", "17", t0);
    assertEquals(0, m.id());
    assertNull(m.finishedAt());
    assertNull(m.stateSha256());
    assertEquals(RunStatus.RUNNING, m.status());
    RunMetadata done = m.withId(3).finished(t0.plusSeconds(1), "ff", RunStatus.FINISHED);
    assertEquals(3, done.id());
    assertEquals(t0.plusSeconds(1), done.finishedAt());
    assertEquals("ff", done.stateSha256());
    assertEquals(RunStatus.FINISHED, done.status());
    assertEquals(m.startedAt(), done.startedAt());
  }

  @Test
  void metadataRefusesNegativeCountsAndMissingNames() {
    Instant t0 = Instant.EPOCH;
    assertThrows(
        IllegalArgumentException.class,
        () -> RunMetadata.starting("p", "x", 1, -1, 1, "v", "j", t0));
    assertThrows(
        NullPointerException.class, () -> RunMetadata.starting(null, "x", 1, 1, 1, "v", "j", t0));
  }

  @Test
  void formatsParseInAnyCaseAndABadOneIsNamedWithTheChoices() {
    assertEquals(ExportFormat.CSV, ExportFormat.parse("csv"));
    assertEquals(ExportFormat.PARQUET, ExportFormat.parse("Parquet"));
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> ExportFormat.parse("xlsx"));
    assertEquals("the format must be csv or parquet, got 'xlsx'", e.getMessage());
  }

  @Test
  void statusLabelsRoundTripAndAnUnknownOneReadsAsRunning() {
    for (RunStatus s : RunStatus.values()) {
      assertEquals(s, RunStatus.ofLabel(s.label()));
    }
    assertEquals("finished", RunStatus.FINISHED.label());
    assertEquals(RunStatus.RUNNING, RunStatus.ofLabel("paused-by-a-future-version"));
  }
}
