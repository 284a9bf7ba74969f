package org.nvlab.core.record;

import java.nio.file.Path;
import java.util.Iterator;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;

/** Finds the run store implementation on the class path. */
public final class RunStores {
  private RunStores() {}

  /**
   * The first {@link RunStoreProvider} that {@link ServiceLoader} finds (the context class loader's
   * first, then core's); a {@link RunStoreException.Reason#NO_IMPLEMENTATION} when there is none.
   */
  public static RunStoreProvider find() throws RunStoreException {
    RunStoreProvider p = first(Thread.currentThread().getContextClassLoader());
    if (p == null) {
      p = first(RunStores.class.getClassLoader());
    }
    if (p == null) {
      throw new RunStoreException(
          RunStoreException.Reason.NO_IMPLEMENTATION,
          "no run store on the class path: the plugin nvlab-runstore-duckdb"
              + " (plugins/runstore-duckdb) must be next to the app (app/target/lib)");
    }
    return p;
  }

  /** Opens the store of the project in {@code projectFolder} with the provider {@link #find()}s. */
  public static RunStore open(Path projectFolder, RunStoreProvider.Access access)
      throws RunStoreException {
    return find().open(projectFolder, access);
  }

  private static RunStoreProvider first(ClassLoader loader) throws RunStoreException {
    Iterator<RunStoreProvider> it = ServiceLoader.load(RunStoreProvider.class, loader).iterator();
    try {
      return it.hasNext() ? it.next() : null;
    } catch (ServiceConfigurationError e) {
      // A plugin is listed but does not load (a missing jar, a class built for a newer Java).
      throw new RunStoreException(
          RunStoreException.Reason.NO_IMPLEMENTATION,
          "the run store plugin could not be loaded: " + e.getMessage(),
          e);
    }
  }
}
