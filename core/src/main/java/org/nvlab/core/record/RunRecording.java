package org.nvlab.core.record;

import java.time.Instant;

/**
 * One run being recorded into a {@link RunStore}: metric rows go in as the run produces them, and
 * {@link #finish} seals the run's metadata. Closing a recording that was not finished marks the run
 * {@link RunStatus#INTERRUPTED}, keeping the rows it got.
 */
public interface RunRecording extends AutoCloseable {

  /** The run's id in the store. */
  long id();

  /** Appends one metric value. NaN values are skipped, as in {@code metrics.csv}. */
  void append(int tick, String series, float value) throws RunStoreException;

  /**
   * Appends rows {@code fromRow .. metrics.rows()-1} of a recorder (series in declaration order,
   * NaN skipped) and makes them durable; returns {@code metrics.rows()}, the next row to append, so
   * an ongoing run can call it once in a while with the value it last returned.
   */
  int append(MetricsRecorder metrics, int fromRow) throws RunStoreException;

  /** Makes the rows appended so far durable and seals the run's end; returns its metadata. */
  RunMetadata finish(Instant finishedAt, String stateSha256, RunStatus status)
      throws RunStoreException;

  @Override
  void close() throws RunStoreException;
}
