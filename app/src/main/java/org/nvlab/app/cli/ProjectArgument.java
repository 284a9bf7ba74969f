package org.nvlab.app.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import org.nvlab.core.project.ProjectFiles;
import org.nvlab.core.project.ProjectReader;

/** The PROJECT argument of the commands: a NAME.nvlab folder, its project.json, or a zip of one. */
final class ProjectArgument {
  private ProjectArgument() {}

  /** The project file the argument names; a one-line usage error when there is none. */
  static Path file(Path project) {
    if (Files.isDirectory(project)) {
      Path file = ProjectReader.projectFile(project);
      if (!Files.isRegularFile(file)) {
        throw new CliException(
            NvlabCommand.USAGE, "the folder " + project + " holds no project.json");
      }
      return file;
    }
    if (!Files.isRegularFile(project)) {
      throw new CliException(
          NvlabCommand.USAGE,
          "no project at "
              + project
              + " (give a NAME.nvlab folder, its project.json or a NAME.nvlab.zip)");
    }
    return project;
  }

  /**
   * The NAME.nvlab folder the argument names (the folder, or the folder holding the project.json
   * given), where the project's recorded runs live; null when the project is not in such a folder.
   */
  static Path folder(Path project) {
    if (ProjectFiles.isArchive(project)) {
      return null; // a shared zip is read in place; its runs would have nowhere to go
    }
    Path f = Files.isDirectory(project) ? project : project.toAbsolutePath().getParent();
    if (f == null || f.getFileName() == null) {
      return null;
    }
    return f.getFileName().toString().endsWith(".nvlab") ? f : null;
  }

  /**
   * Like {@link #folder} for commands that need the run store: a usage error when there is none.
   */
  static Path storeFolder(Path project) {
    file(project);
    if (ProjectFiles.isArchive(project)) {
      throw new CliException(
          NvlabCommand.USAGE,
          project + " is a packed project, which has no run store; unpack it first (nvlab unpack)");
    }
    Path f = folder(project);
    if (f == null) {
      throw new CliException(
          NvlabCommand.USAGE,
          project
              + " is not in a NAME.nvlab folder, so it has no run store (runs are recorded in"
              + " NAME.nvlab/runs/)");
    }
    return f;
  }
}
