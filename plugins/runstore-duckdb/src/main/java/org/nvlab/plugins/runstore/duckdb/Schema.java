package org.nvlab.plugins.runstore.duckdb;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.nvlab.core.record.RunStoreException;

/**
 * The store's tables. {@code runs} holds one row per run; {@code metrics} one row per recorded
 * value, in the order recorded (DuckDB keeps insertion order, and exports rely on it). Times are
 * UTC in TIMESTAMP columns (microseconds); values are FLOAT, as the engine records them. There is
 * no foreign key from metrics to runs: checking one on every appended row would slow recording.
 */
final class Schema {
  private Schema() {}

  /** Bumped when the tables change; a store with a larger number was written by a newer lab. */
  static final int FORMAT_VERSION = 1;

  static final String RUNS =
      """
      CREATE TABLE IF NOT EXISTS runs (
        id             INTEGER PRIMARY KEY,
        project        VARCHAR NOT NULL,
        project_sha256 VARCHAR,
        seed           BIGINT NOT NULL,
        ticks          INTEGER NOT NULL,
        threads        INTEGER NOT NULL,
        app_version    VARCHAR,
        java_version   VARCHAR,
        started_at     TIMESTAMP NOT NULL,
        finished_at    TIMESTAMP,
        state_sha256   VARCHAR,
        status         VARCHAR NOT NULL
      )""";

  static final String METRICS =
      """
      CREATE TABLE IF NOT EXISTS metrics (
        run_id INTEGER NOT NULL,
        tick   INTEGER NOT NULL,
        series VARCHAR NOT NULL,
        value  FLOAT NOT NULL
      )""";

  static final String STORE_INFO =
      "CREATE TABLE IF NOT EXISTS store_info (key VARCHAR PRIMARY KEY, value VARCHAR NOT NULL)";

  /** Creates what is missing (read-write) and checks the format version. */
  static void prepare(Connection c, Path store, boolean readOnly)
      throws SQLException, RunStoreException {
    try (Statement s = c.createStatement()) {
      if (!readOnly) {
        s.execute(STORE_INFO);
        s.execute(RUNS);
        s.execute(METRICS);
        s.execute(
            "INSERT INTO store_info SELECT 'format_version', '"
                + FORMAT_VERSION
                + "' WHERE NOT EXISTS (SELECT 1 FROM store_info WHERE key = 'format_version')");
      }
      int version = version(s, store);
      if (version > FORMAT_VERSION) {
        throw new RunStoreException(
            RunStoreException.Reason.CORRUPT,
            "the run store "
                + store
                + " has format version "
                + version
                + ", newer than this lab reads ("
                + FORMAT_VERSION
                + "): use a newer nvlab; the file was left untouched");
      }
    }
  }

  private static int version(Statement s, Path store) throws SQLException, RunStoreException {
    try (ResultSet r =
        s.executeQuery(
            "SELECT count(*) FROM information_schema.tables"
                + " WHERE table_name IN ('runs', 'metrics', 'store_info')")) {
      r.next();
      if (r.getInt(1) != 3) {
        throw new RunStoreException(
            RunStoreException.Reason.CORRUPT,
            "the file "
                + store
                + " is a DuckDB database but not a run store (no runs, metrics and store_info"
                + " tables); it was left untouched: move it aside and record a run to start one");
      }
    }
    try (ResultSet r =
        s.executeQuery("SELECT value FROM store_info WHERE key = 'format_version'")) {
      if (!r.next()) {
        return FORMAT_VERSION;
      }
      try {
        return Integer.parseInt(r.getString(1).trim());
      } catch (NumberFormatException e) {
        return Integer.MAX_VALUE;
      }
    }
  }
}
