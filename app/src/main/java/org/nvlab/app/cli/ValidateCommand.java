package org.nvlab.app.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.nvlab.core.Model;
import org.nvlab.core.project.Problem;
import org.nvlab.core.project.ProjectException;
import org.nvlab.core.project.ProjectFiles;
import org.nvlab.core.project.ProjectSpec;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code nvlab validate}: reads and compiles a project; prints every problem, exits 0 or 2. */
@Command(
    name = "validate",
    mixinStandardHelpOptions = true,
    description =
        "Checks a project: prints every problem (file:pointer: reason) and exits 2, or exits 0.")
public final class ValidateCommand implements Callable<Integer> {

  @Parameters(
      index = "0",
      paramLabel = "PROJECT",
      description = "a NAME.nvlab folder, its project.json, or a packed NAME.nvlab.zip")
  Path project;

  @Override
  public Integer call() {
    Path file = ProjectArgument.file(project);
    try {
      ProjectFiles.Loaded p = ProjectFiles.load(project);
      ProjectSpec spec = p.spec();
      Model.compile(spec, p.file());
      int types = spec.vesicleTypes().size();
      System.out.println(
          file + ": valid (" + types + (types == 1 ? " vesicle type)" : " vesicle types)"));
      if (p.migrated()) {
        System.out.println(
            "  written in format "
                + p.fileVersion()
                + " and read as format "
                + ProjectSpec.FORMAT_VERSION
                + "; nvlab migrate "
                + project
                + " rewrites it:");
        p.migrations().forEach(n -> System.out.println("    " + n));
      }
      p.warnings().forEach(w -> System.out.println("  warning: " + w));
      return NvlabCommand.OK;
    } catch (ProjectException e) {
      for (Problem p : e.problems()) {
        System.out.println(p);
      }
      return NvlabCommand.USAGE;
    }
  }
}
