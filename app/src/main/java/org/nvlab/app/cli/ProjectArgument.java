package org.nvlab.app.cli;

import java.nio.file.Files;
import java.nio.file.Path;
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
}
