package org.nvlab.plugins.runstore.duckdb;

import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import org.duckdb.DuckDBAppender;
import org.duckdb.DuckDBConnection;
import org.nvlab.core.record.MetricsRecorder;
import org.nvlab.core.record.RunMetadata;
import org.nvlab.core.record.RunRecording;
import org.nvlab.core.record.RunStatus;
import org.nvlab.core.record.RunStoreException;

/**
 * One run's metric rows going into the {@code metrics} table through DuckDB's Appender, which fills
 * column vectors in memory and hands them to the database a chunk at a time: about a hundred times
 * the rate of JDBC batch inserts (see docs/performance.md, "Run store").
 */
final class DuckDbRecording implements RunRecording {
  private final DuckDbRunStore store;
  private final int id;
  private DuckDBAppender appender;
  private boolean finished;
  private boolean closed;

  DuckDbRecording(DuckDbRunStore store, long id) {
    this.store = store;
    this.id = Math.toIntExact(id);
  }

  @Override
  public long id() {
    return id;
  }

  boolean isClosed() {
    return closed;
  }

  private DuckDBAppender appender() throws RunStoreException {
    if (closed || finished) {
      throw new RunStoreException(
          RunStoreException.Reason.IO, "run " + id + " is no longer being recorded");
    }
    store.checkOpen();
    if (appender == null) {
      try {
        appender =
            store
                .connection()
                .unwrap(DuckDBConnection.class)
                .createAppender(DuckDBConnection.DEFAULT_SCHEMA, "metrics");
      } catch (SQLException e) {
        throw Failures.of(e, store.location(), "recording run " + id);
      }
    }
    return appender;
  }

  @Override
  public void append(int tick, String series, float value) throws RunStoreException {
    if (Float.isNaN(value)) {
      return;
    }
    DuckDBAppender a = appender();
    try {
      a.beginRow().append(id).append(tick).append(series).append(value).endRow();
    } catch (SQLException e) {
      throw Failures.of(e, store.location(), "recording run " + id);
    }
  }

  @Override
  public int append(MetricsRecorder metrics, int fromRow) throws RunStoreException {
    DuckDBAppender a = appender();
    List<String> names = metrics.names();
    int rows = metrics.rows();
    try {
      for (int r = fromRow; r < rows; r++) {
        int tick = metrics.tick(r);
        for (int k = 0; k < names.size(); k++) {
          float v = metrics.value(r, k);
          if (Float.isNaN(v)) {
            continue;
          }
          a.beginRow().append(id).append(tick).append(names.get(k)).append(v).endRow();
        }
      }
      a.flush();
    } catch (SQLException e) {
      throw Failures.of(e, store.location(), "recording run " + id);
    }
    return rows;
  }

  @Override
  public RunMetadata finish(Instant finishedAt, String stateSha256, RunStatus status)
      throws RunStoreException {
    if (finished || closed) {
      throw new RunStoreException(
          RunStoreException.Reason.IO, "run " + id + " is no longer being recorded");
    }
    closeAppender();
    store.finish(id, finishedAt, stateSha256, status);
    finished = true;
    return store
        .run(id)
        .orElseThrow(
            () ->
                new RunStoreException(
                    RunStoreException.Reason.IO,
                    "run " + id + " vanished from " + store.location() + " while it was recorded"));
  }

  /** Flushes what was appended; a run not finished is marked interrupted. */
  @Override
  public void close() throws RunStoreException {
    if (closed) {
      return;
    }
    closed = true;
    if (finished) {
      return;
    }
    RunStoreException first = null;
    try {
      closeAppender();
    } catch (RunStoreException e) {
      first = e;
    }
    try {
      store.finish(id, Instant.now(), null, RunStatus.INTERRUPTED);
    } catch (RunStoreException e) {
      if (first == null) {
        first = e;
      }
    }
    if (first != null) {
      throw first;
    }
  }

  private void closeAppender() throws RunStoreException {
    if (appender == null) {
      return;
    }
    DuckDBAppender a = appender;
    appender = null;
    try {
      a.close(); // flushes
    } catch (SQLException e) {
      throw Failures.of(e, store.location(), "recording run " + id);
    }
  }
}
