package org.nvlab.app.cli;

import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.nvlab.core.project.ProjectException;
import org.nvlab.core.project.ProjectFiles;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code nvlab unpack}: a shared NAME.nvlab.zip back into a project folder to work in. */
@Command(
    name = "unpack",
    mixinStandardHelpOptions = true,
    description =
        "Unpacks a shared NAME.nvlab.zip into a NAME.nvlab folder (never over an existing one).")
public final class UnpackCommand implements Callable<Integer> {

  @Parameters(index = "0", paramLabel = "ZIP", description = "a packed project")
  Path zip;

  @Option(
      names = "--into",
      paramLabel = "FOLDER",
      description = "the project folder to create (default: NAME.nvlab beside the zip)")
  Path into;

  @Override
  public Integer call() throws ProjectException {
    if (!Files.isRegularFile(zip)) {
      throw new CliException(NvlabCommand.USAGE, "no file " + zip);
    }
    // Check the project inside before writing anything.
    ProjectFiles.load(zip);
    String name = zip.getFileName().toString();
    String folderName = name.endsWith(".zip") ? name.substring(0, name.length() - 4) : name;
    if (!folderName.endsWith(ProjectFiles.FOLDER_SUFFIX)) {
      folderName += ProjectFiles.FOLDER_SUFFIX;
    }
    Path target = into != null ? into : zip.toAbsolutePath().resolveSibling(folderName);
    try {
      ProjectFiles.unpack(zip, target);
      System.out.println(target + ": unpacked");
      return NvlabCommand.OK;
    } catch (FileAlreadyExistsException e) {
      throw new CliException(
          NvlabCommand.USAGE, target + " exists already; choose another place with --into");
    } catch (IOException e) {
      throw new CliException(NvlabCommand.IO, "cannot unpack " + zip + ": " + e.getMessage());
    }
  }
}
