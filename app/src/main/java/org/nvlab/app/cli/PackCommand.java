package org.nvlab.app.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.nvlab.core.project.ProjectFiles;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code nvlab pack}: one NAME.nvlab.zip to share a project folder. */
@Command(
    name = "pack",
    mixinStandardHelpOptions = true,
    description = {
      "Packs a project folder into NAME.nvlab.zip to share it: project.json, view.json, the README"
          + " and other files, without the backup and (unless --with-runs) the recorded runs.",
      "Every nvlab command and the window open the zip as they open the folder."
    })
public final class PackCommand implements Callable<Integer> {

  @Parameters(index = "0", paramLabel = "PROJECT", description = "a NAME.nvlab folder")
  Path project;

  @Option(
      names = "--out",
      paramLabel = "FILE",
      description = "the zip to write (default: NAME.nvlab.zip beside the folder)")
  Path out;

  @Option(names = "--with-runs", description = "include the run store (runs/)")
  boolean withRuns;

  @Override
  public Integer call() {
    if (!Files.isDirectory(project)) {
      throw new CliException(
          NvlabCommand.USAGE, project + " is not a project folder (NAME.nvlab with project.json)");
    }
    ProjectArgument.file(project);
    Path folder = project.toAbsolutePath().normalize();
    String name = folder.getFileName().toString();
    Path zip =
        out != null
            ? out
            : folder.resolveSibling(
                (name.endsWith(ProjectFiles.FOLDER_SUFFIX)
                        ? name
                        : name + ProjectFiles.FOLDER_SUFFIX)
                    + ".zip");
    try {
      List<String> entries = ProjectFiles.pack(folder, zip, withRuns);
      System.out.println(
          zip + ": " + entries.size() + " files, " + Files.size(zip) / 1024 + " KiB");
      return NvlabCommand.OK;
    } catch (IOException e) {
      throw new CliException(NvlabCommand.IO, "cannot pack " + project + ": " + e.getMessage());
    }
  }
}
