package org.nvlab.app.desktop;

import java.nio.file.Path;
import java.util.List;
import org.nvlab.core.edit.ProjectDocument;
import org.nvlab.core.project.ProjectFiles;

/**
 * What the window learns about a run the service has just loaded, taken on the loader thread: the
 * simulation itself stays with the service and its engine thread.
 *
 * @param project the project folder (null for a new project)
 * @param seed the run seed in use
 * @param nodes nodes of the host graph
 * @param edges edges of the host graph
 * @param typeNames vesicle type names, in type order
 * @param document the document the run was built from (a new one for an opened file, the open one
 *     for a reset)
 * @param read the project as read from its file (view state, migration notes), or null when the run
 *     was built from a document in memory
 */
public record LoadedRun(
    Path project,
    long seed,
    int nodes,
    int edges,
    List<String> typeNames,
    ProjectDocument document,
    ProjectFiles.Loaded read) {
  public LoadedRun {
    typeNames = List.copyOf(typeNames);
  }
}
