package org.nvlab.app.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.nvlab.core.project.Problem;
import org.nvlab.core.project.ProjectCompiler;
import org.nvlab.core.project.ProjectException;
import org.nvlab.core.project.ProjectReader;
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
      description = "a NAME.nvlab folder or its project.json")
  Path project;

  @Override
  public Integer call() {
    Path file = ProjectArgument.file(project);
    try {
      ProjectSpec spec = ProjectReader.read(project);
      ProjectCompiler.compile(spec, file.getFileName().toString());
      int types = spec.vesicleTypes().size();
      System.out.println(
          file + ": valid (" + types + (types == 1 ? " vesicle type)" : " vesicle types)"));
      return NvlabCommand.OK;
    } catch (ProjectException e) {
      for (Problem p : e.problems()) {
        System.out.println(p);
      }
      return NvlabCommand.USAGE;
    }
  }
}
