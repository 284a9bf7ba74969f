package org.nvlab.core.record;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * The runs of one project, each with its metadata and its metric rows ({@code tick, series,
 * value}), in a store analysts can query. Open one through {@link RunStores}; implementations are
 * plugins ({@link RunStoreProvider}). Every failure is a {@link RunStoreException} with a one-line
 * message; no failure deletes or overwrites what the store held.
 */
public interface RunStore extends AutoCloseable {

  /** The store's file (or folder), for messages and for analysts who query it directly. */
  Path location();

  /** Records the start of a run and returns the recording its metric rows go through. */
  RunRecording begin(RunMetadata run) throws RunStoreException;

  /**
   * Records a run in one go: {@code run} as started, every row of {@code metrics}, then its end as
   * given by {@code run}'s finishedAt, stateSha256 and status. Returns the metadata as stored, with
   * its id.
   */
  default RunMetadata record(RunMetadata run, MetricsRecorder metrics) throws RunStoreException {
    RunMetadata start =
        RunMetadata.starting(
            run.project(),
            run.projectSha256(),
            run.seed(),
            run.ticks(),
            run.threads(),
            run.appVersion(),
            run.javaVersion(),
            run.startedAt());
    try (RunRecording r = begin(start)) {
      r.append(metrics, 0);
      return r.finish(run.finishedAt(), run.stateSha256(), run.status());
    }
  }

  /** Every run, newest first. */
  List<RunMetadata> runs() throws RunStoreException;

  /** The run with this id, if any. */
  Optional<RunMetadata> run(long id) throws RunStoreException;

  /** How many metric rows the run has. */
  long metricRows(long id) throws RunStoreException;

  /**
   * Writes a run's metric rows to {@code file} in the order they were recorded, with the columns
   * {@code tick,series,value} of {@code metrics.csv}. The file appears whole or not at all; an
   * unknown id is {@link RunStoreException.Reason#UNKNOWN_RUN}.
   */
  void export(long id, ExportFormat format, Path file) throws RunStoreException;

  @Override
  void close() throws RunStoreException;
}
