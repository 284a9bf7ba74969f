package org.nvlab.plugins.runstore.duckdb;

import java.nio.file.Path;
import org.nvlab.core.record.RunStore;
import org.nvlab.core.record.RunStoreProvider.Access;

/**
 * A second process for the lock test: opens a project's store, says so, holds it until stdin ends.
 */
public final class HoldStore {
  private HoldStore() {}

  public static void main(String[] args) throws Exception {
    try (RunStore store = new DuckDbRunStoreProvider().open(Path.of(args[0]), Access.READ_WRITE)) {
      System.out.println("open " + store.location());
      System.out.flush();
      while (System.in.read() >= 0) {
        // hold the store until the test closes our stdin
      }
    }
  }
}
