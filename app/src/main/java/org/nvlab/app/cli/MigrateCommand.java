package org.nvlab.app.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.nvlab.core.project.CanonicalJson;
import org.nvlab.core.project.Problem;
import org.nvlab.core.project.ProjectException;
import org.nvlab.core.project.ProjectFiles;
import org.nvlab.core.project.ProjectSpec;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code nvlab migrate}: rewrites projects saved in an older format in the current one, keeping the
 * old file as a backup. The lab reads old formats anyway (migrating in memory); this makes the
 * change permanent, e.g. before committing a project to version control.
 */
@Command(
    name = "migrate",
    mixinStandardHelpOptions = true,
    description = {
      "Rewrites projects written in an older format in the current one (format "
          + ProjectSpec.FORMAT_VERSION
          + "), keeping the old file as project.json.bak.",
      "A project with problems is left untouched and its problems are listed (exit 2)."
    })
public final class MigrateCommand implements Callable<Integer> {

  @Parameters(
      arity = "1..*",
      paramLabel = "PROJECT",
      description = "NAME.nvlab folders or project files")
  List<Path> projects;

  @Option(
      names = "--dry-run",
      description = "say what would change, write nothing; exit 1 if anything would")
  boolean dryRun;

  @Override
  public Integer call() {
    int exit = NvlabCommand.OK;
    for (Path project : projects) {
      exit = Math.max(exit, migrate(project));
    }
    return exit;
  }

  private int migrate(Path project) {
    if (ProjectFiles.isArchive(project)) {
      System.out.println(
          project + ": a packed project; unpack it first (nvlab unpack " + project + ")");
      return NvlabCommand.USAGE;
    }
    Path file = ProjectArgument.file(project);
    ProjectFiles.Loaded p;
    try {
      p = ProjectFiles.load(project);
    } catch (ProjectException e) {
      for (Problem problem : e.problems()) {
        System.out.println(problem);
      }
      System.out.println(file + ": not migrated (fix the problems above first; nothing written)");
      return NvlabCommand.USAGE;
    }
    if (!p.migrated()) {
      System.out.println(file + ": already format " + ProjectSpec.FORMAT_VERSION);
      return NvlabCommand.OK;
    }
    if (dryRun) {
      System.out.println(
          file + ": format " + p.fileVersion() + " -> " + ProjectSpec.FORMAT_VERSION + " would:");
      p.migrations().forEach(n -> System.out.println("  " + n));
      return 1;
    }
    try {
      Path backup;
      if (p.folder() != null) {
        ProjectFiles.save(p.folder(), p.tree(), null);
        backup = p.folder().resolve(ProjectFiles.BACKUP);
      } else {
        backup = file.resolveSibling(file.getFileName() + ".bak");
        ProjectFiles.writeAtomically(
            file, CanonicalJson.write(p.tree()).getBytes(StandardCharsets.UTF_8), backup);
      }
      System.out.println(
          file
              + ": format "
              + p.fileVersion()
              + " -> "
              + ProjectSpec.FORMAT_VERSION
              + " (the old file is kept as "
              + backup.getFileName()
              + ")");
      p.migrations().forEach(n -> System.out.println("  " + n));
      return NvlabCommand.OK;
    } catch (IOException e) {
      throw new CliException(NvlabCommand.IO, "cannot write " + file + ": " + e.getMessage());
    }
  }
}
