package org.nvlab.core.record;

import java.nio.file.Path;
import java.util.Map;

/**
 * A run store implementation, found by {@link RunStores#find()} through {@link
 * java.util.ServiceLoader}: list the class in {@code
 * META-INF/services/org.nvlab.core.record.RunStoreProvider}; it needs a public no-argument
 * constructor.
 */
public interface RunStoreProvider {

  /** How a store is opened. */
  enum Access {
    /** Created when missing; recording allowed. One process at a time. */
    READ_WRITE,
    /** Listing and export only; a missing store is {@link RunStoreException.Reason#NOT_FOUND}. */
    READ_ONLY
  }

  /** A short name for messages, e.g. "duckdb". */
  String name();

  /** Where the store of the project in {@code projectFolder} (a NAME.nvlab folder) lives. */
  Path location(Path projectFolder);

  /** Opens the store of the project in {@code projectFolder}. */
  RunStore open(Path projectFolder, Access access) throws RunStoreException;

  /**
   * Measures the store's write path in {@code scratchFolder} (which it may fill and the caller
   * deletes): {@code rows} metric rows through the recording path, the median of {@code reps}, the
   * same through the implementation's plain alternative on {@code baselineRows} rows, and the
   * export times. Returns named figures for a JSON report.
   */
  Map<String, Object> benchmark(Path scratchFolder, int rows, int baselineRows, int reps)
      throws RunStoreException;
}
