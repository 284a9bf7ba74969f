package org.nvlab.plugins.runstore.duckdb;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.nvlab.core.record.RunStore;
import org.nvlab.core.record.RunStoreException;
import org.nvlab.core.record.RunStoreException.Reason;
import org.nvlab.core.record.RunStoreProvider;

/**
 * The DuckDB run store, found through {@code
 * META-INF/services/org.nvlab.core.record.RunStoreProvider}: one file per project, {@code
 * NAME.nvlab/runs/runs.duckdb}.
 */
public final class DuckDbRunStoreProvider implements RunStoreProvider {
  /** The folder inside a project that holds its recorded runs. */
  public static final String FOLDER = "runs";

  /** The database file in that folder. */
  public static final String FILE = "runs.duckdb";

  @Override
  public String name() {
    return "duckdb";
  }

  @Override
  public Path location(Path projectFolder) {
    return projectFolder.resolve(FOLDER).resolve(FILE);
  }

  @Override
  public RunStore open(Path projectFolder, Access access) throws RunStoreException {
    Path file = location(projectFolder);
    if (!Files.isDirectory(projectFolder)) {
      throw new RunStoreException(Reason.IO, "no project folder at " + projectFolder);
    }
    if (access == Access.READ_ONLY) {
      if (!Files.isRegularFile(file)) {
        throw new RunStoreException(
            Reason.NOT_FOUND, "no runs recorded in " + projectFolder + " yet (no " + file + ")");
      }
      return DuckDbRunStore.open(file, true);
    }
    try {
      Files.createDirectories(file.getParent());
    } catch (IOException e) {
      throw Failures.of(e, file, "creating its folder");
    }
    return DuckDbRunStore.open(file, false);
  }

  @Override
  public Map<String, Object> benchmark(Path scratchFolder, int rows, int baselineRows, int reps)
      throws RunStoreException {
    return WriteBenchmark.run(this, scratchFolder, rows, baselineRows, reps);
  }
}
