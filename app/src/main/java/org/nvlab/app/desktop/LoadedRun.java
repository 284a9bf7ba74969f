package org.nvlab.app.desktop;

import java.nio.file.Path;
import java.util.List;
import org.nvlab.core.project.ProjectDocument;

/**
 * What the window learns about a run the service has just loaded, taken on the loader thread: the
 * simulation itself stays with the service and its engine thread.
 *
 * @param project the project folder
 * @param seed the run seed in use
 * @param nodes nodes of the host graph
 * @param edges edges of the host graph
 * @param typeNames vesicle type names, in type order
 * @param document the project as opened, for the editors (null for a reset: the open document goes
 *     on)
 */
public record LoadedRun(
    Path project,
    long seed,
    int nodes,
    int edges,
    List<String> typeNames,
    ProjectDocument document) {
  public LoadedRun {
    typeNames = List.copyOf(typeNames);
  }
}
