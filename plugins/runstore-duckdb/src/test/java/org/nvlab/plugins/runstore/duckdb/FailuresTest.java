package org.nvlab.plugins.runstore.duckdb;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.nvlab.plugins.runstore.duckdb.StoreFixtures.PROVIDER;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nvlab.core.record.RunStore;
import org.nvlab.core.record.RunStoreException;
import org.nvlab.core.record.RunStoreException.Reason;
import org.nvlab.core.record.RunStoreProvider.Access;

/**
 * A store that cannot be opened says why in one line, and the file stays as it was: another process
 * holding it, a damaged file, a database that is not a store, a full disk.
 */
class FailuresTest {
  @TempDir Path dir;

  @Test
  void aStoreHeldByAnotherProcessIsRefusedWithItsPidAndFreedWhenThatProcessEnds() throws Exception {
    Path project = StoreFixtures.project(dir, "p");
    try (RunStore store = PROVIDER.open(project, Access.READ_WRITE)) {
      store.record(StoreFixtures.finishedRun(1, Instant.EPOCH), StoreFixtures.metrics(5));
    }
    String classPath =
        System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
    Path java = Path.of(System.getProperty("java.home"), "bin", "java");
    Process other =
        new ProcessBuilder(
                java.toString(), "-cp", classPath, HoldStore.class.getName(), project.toString())
            .redirectErrorStream(true)
            .start();
    try {
      BufferedReader out =
          new BufferedReader(new InputStreamReader(other.getInputStream(), StandardCharsets.UTF_8));
      String line = out.readLine();
      assertTrue(line != null && line.startsWith("open "), "the other process said: " + line);
      for (Access access : Access.values()) {
        RunStoreException e =
            assertThrows(RunStoreException.class, () -> PROVIDER.open(project, access));
        assertEquals(Reason.LOCKED, e.reason(), e.getMessage());
        assertTrue(
            e.getMessage().contains("in use by another process (PID " + other.pid()),
            e.getMessage());
        assertEquals(1, e.getMessage().lines().count());
      }
    } finally {
      other.getOutputStream().close();
      assertTrue(other.waitFor(30, TimeUnit.SECONDS), "the other process did not end");
    }
    try (RunStore store = PROVIDER.open(project, Access.READ_WRITE)) {
      assertEquals(1, store.runs().size(), "the store is whole and free again");
    }
  }

  @Test
  void aSecondStoreOnTheSameFileInThisProcessIsRefused() throws Exception {
    Path project = StoreFixtures.project(dir, "p");
    try (RunStore store = PROVIDER.open(project, Access.READ_WRITE)) {
      for (Access access : Access.values()) {
        RunStoreException e =
            assertThrows(RunStoreException.class, () -> PROVIDER.open(project, access));
        assertEquals(Reason.LOCKED, e.reason());
        assertTrue(e.getMessage().contains("already open in this process"), e.getMessage());
      }
      assertEquals(0, store.runs().size(), "the first store still works");
    }
    PROVIDER.open(project, Access.READ_ONLY).close();
  }

  @Test
  void aFileThatIsNoDatabaseIsReportedAndLeftUntouched() throws Exception {
    byte[] garbage = new byte[40_000];
    new Random(1).nextBytes(garbage);
    assertDamagedFileIsLeftAlone(garbage, "not a valid DuckDB database file");
  }

  @Test
  void aTruncatedStoreIsReportedAndLeftUntouched() throws Exception {
    Path source = StoreFixtures.project(dir, "source");
    try (RunStore store = PROVIDER.open(source, Access.READ_WRITE)) {
      store.record(StoreFixtures.finishedRun(1, Instant.EPOCH), StoreFixtures.metrics(2000));
    }
    byte[] whole = Files.readAllBytes(PROVIDER.location(source));
    assertDamagedFileIsLeftAlone(Arrays.copyOf(whole, 12_288 + 100), "cannot be read");
    byte[] scribbled = whole.clone();
    Arrays.fill(scribbled, 12_288, scribbled.length, (byte) 0x5a);
    assertDamagedFileIsLeftAlone(scribbled, "cannot be read");
  }

  @Test
  void aDuckDbFileWithOtherTablesIsNotTakenForAStore() throws Exception {
    Path project = StoreFixtures.project(dir, "p");
    Path file = PROVIDER.location(project);
    Files.createDirectories(file.getParent());
    try (Connection c = DriverManager.getConnection("jdbc:duckdb:" + file);
        Statement s = c.createStatement()) {
      s.execute("CREATE TABLE mine (x INTEGER)");
      s.execute("INSERT INTO mine VALUES (42)");
    }
    RunStoreException ro =
        assertThrows(RunStoreException.class, () -> PROVIDER.open(project, Access.READ_ONLY));
    assertTrue(ro.getMessage().contains("not a run store"), ro.getMessage());
    // Read-write adds the store's tables beside the user's, and the user's data stays.
    PROVIDER.open(project, Access.READ_WRITE).close();
    try (Connection c = StoreFixtures.readOnly(file);
        Statement s = c.createStatement();
        var r = s.executeQuery("SELECT x FROM mine")) {
      r.next();
      assertEquals(42, r.getInt(1));
    }
  }

  @Test
  void errorsAreTranslatedIntoOneLineThatNamesTheStore() {
    Path store = Path.of("/data/p.nvlab/runs/runs.duckdb");
    RunStoreException full =
        Failures.of(
            new SQLException(
                "IO Error: Could not write file \"/data/p.nvlab/runs/runs.duckdb.wal\": No space"
                    + " left on device"),
            store,
            "recording run 3");
    assertEquals(Reason.DISK_FULL, full.reason());
    assertEquals(
        "the disk holding /data/p.nvlab/runs/runs.duckdb is full (recording run 3 failed); free"
            + " some space and try again: what the store held before is kept",
        full.getMessage());
    RunStoreException locked =
        Failures.of(
            new SQLException(
                "IO Error: Could not set lock on file \"/x\": Conflicting lock is held in"
                    + " /usr/bin/java (PID 77). See also"
                    + " https://duckdb.org/docs/stable/connect/concurrency"),
            store,
            "opening it");
    assertEquals(Reason.LOCKED, locked.reason());
    assertTrue(locked.getMessage().contains("(PID 77, /usr/bin/java)"), locked.getMessage());
    RunStoreException other =
        Failures.of(new SQLException("Something\nwent\nwrong"), store, "listing runs");
    assertEquals(Reason.IO, other.reason());
    assertEquals(
        "the run store /data/p.nvlab/runs/runs.duckdb failed while listing runs: Something went"
            + " wrong",
        other.getMessage());
  }

  private void assertDamagedFileIsLeftAlone(byte[] content, String expected) throws Exception {
    Path project = Files.createTempDirectory(dir, "damaged").resolve("p.nvlab");
    Path file = PROVIDER.location(project);
    Files.createDirectories(file.getParent());
    Files.write(file, content);
    for (Access access : List.of(Access.READ_WRITE, Access.READ_ONLY, Access.READ_WRITE)) {
      RunStoreException e =
          assertThrows(RunStoreException.class, () -> PROVIDER.open(project, access).close());
      assertEquals(Reason.CORRUPT, e.reason(), e.getMessage());
      assertTrue(e.getMessage().contains(expected), e.getMessage());
      assertTrue(e.getMessage().contains("left untouched"), e.getMessage());
      assertEquals(1, e.getMessage().lines().count());
      assertArrayEquals(content, Files.readAllBytes(file), "the damaged file was changed");
    }
    try (var files = Files.list(file.getParent())) {
      assertEquals(List.of(file), files.toList(), "no other file appeared beside it");
    }
  }
}
