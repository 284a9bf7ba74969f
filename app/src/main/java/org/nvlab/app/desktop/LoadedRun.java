package org.nvlab.app.desktop;

import java.nio.file.Path;
import java.util.List;

/**
 * What the window learns about a run the service has just loaded, taken on the loader thread: the
 * simulation itself stays with the service and its engine thread.
 *
 * @param project the project folder
 * @param seed the run seed in use
 * @param nodes nodes of the host graph
 * @param edges edges of the host graph
 * @param typeNames vesicle type names, in type order
 */
public record LoadedRun(Path project, long seed, int nodes, int edges, List<String> typeNames) {
  public LoadedRun {
    typeNames = List.copyOf(typeNames);
  }
}
