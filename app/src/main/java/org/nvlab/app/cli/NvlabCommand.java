package org.nvlab.app.cli;

import java.io.PrintWriter;
import java.util.concurrent.Callable;
import org.nvlab.app.runs.Versions;
import org.nvlab.core.process.SimulationException;
import org.nvlab.core.project.Problem;
import org.nvlab.core.project.ProjectException;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * {@code nvlab}: with no subcommand opens the desktop window; subcommands run headless.
 *
 * <p>Exit codes: 0 success, 1 internal error, 2 a usage or project error, 3 the simulation failed
 * (a NaN, an overflow), 4 a file could not be read or written.
 */
@Command(
    name = "nvlab",
    mixinStandardHelpOptions = true,
    versionProvider = NvlabCommand.VersionProvider.class,
    description = {
      "Neuro-Vesicles Lab: neuromodulation as a population of mobile vesicles.",
      "Without a command, opens the lab's window (with PROJECT open, if given)."
    },
    subcommands = {
      RunCommand.class,
      ResumeCommand.class,
      ValidateCommand.class,
      BenchCommand.class,
      DensityCommand.class,
      TrainCommand.class,
      BenchDensityCommand.class,
      BenchExprCommand.class,
      LimitsCommand.class,
      AgentsCommand.class,
      MigrateCommand.class,
      PackCommand.class,
      UnpackCommand.class,
      RunsCommand.class,
      ExportCommand.class,
      BenchStoreCommand.class,
      BenchViewCommand.class
    })
public final class NvlabCommand implements Callable<Integer> {

  public static final int OK = 0;
  public static final int INTERNAL = 1;
  public static final int USAGE = 2;
  public static final int SIMULATION = 3;
  public static final int IO = 4;

  @picocli.CommandLine.Parameters(
      arity = "0..1",
      paramLabel = "PROJECT",
      description = "a project to open in the window: NAME.nvlab folder or NAME.nvlab.zip")
  java.nio.file.Path project;

  @Override
  public Integer call() {
    if (project != null) {
      String word = project.toString();
      if (!java.nio.file.Files.exists(project) && word.matches("[a-z][a-z-]*")) {
        // A mistyped command reads better as one than as a missing project.
        throw new CliException(USAGE, "unknown command '" + word + "' (see nvlab --help)");
      }
      ProjectArgument.file(project);
    }
    if (!hasDisplay()) {
      System.err.println(
          "nvlab: no display found, so the window cannot open; headless commands: nvlab run,"
              + " resume, validate, bench, density, train, limits, agents, migrate, pack, unpack, runs,"
              + " export, bench-store (see nvlab --help)");
      return USAGE;
    }
    return DesktopLauncher.launch(project);
  }

  /** True when a window can be shown: a display server is named (X11 or Wayland), or not Linux. */
  static boolean hasDisplay() {
    if (Boolean.getBoolean("java.awt.headless")) {
      return false;
    }
    String os = System.getProperty("os.name", "").toLowerCase(java.util.Locale.ROOT);
    if (os.contains("win") || os.contains("mac")) {
      return true;
    }
    String x = System.getenv("DISPLAY");
    String w = System.getenv("WAYLAND_DISPLAY");
    return (x != null && !x.isBlank()) || (w != null && !w.isBlank());
  }

  /** Runs the command line and returns the exit code; never lets a stack trace reach the user. */
  public static int execute(String... args) {
    CommandLine cl = new CommandLine(new NvlabCommand());
    cl.setParameterExceptionHandler(
        (ex, a) -> {
          PrintWriter err = ex.getCommandLine().getErr();
          err.println(
              "nvlab: "
                  + ex.getMessage()
                  + " (try: "
                  + ex.getCommandLine().getCommandName()
                  + " --help)");
          return USAGE;
        });
    cl.setExecutionExceptionHandler(
        (ex, line, parsed) -> {
          PrintWriter err = line.getErr();
          if (ex instanceof CliException ce) {
            err.println("nvlab: " + ce.getMessage());
            return ce.exitCode();
          }
          if (ex instanceof ProjectException pe) {
            for (Problem p : pe.problems()) {
              err.println(p);
            }
            return USAGE;
          }
          if (ex instanceof SimulationException se) {
            err.println("nvlab: the simulation stopped: " + se.getMessage());
            return SIMULATION;
          }
          err.println(
              "nvlab: internal error: "
                  + ex
                  + " (please report it; set NVLAB_DEBUG=1 for the stack trace)");
          if (System.getenv("NVLAB_DEBUG") != null) {
            ex.printStackTrace(err);
          }
          return INTERNAL;
        });
    try {
      return cl.execute(args);
    } catch (OutOfMemoryError e) {
      System.err.println(
          "nvlab: out of memory; give Java more (NVLAB_JAVA_OPTS=-Xmx8g) or shrink the run");
      return INTERNAL;
    }
  }

  /** Prints the lab, Java and OS versions. */
  public static final class VersionProvider implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
      return Versions.all().entrySet().stream()
          .map(e -> e.getKey() + " " + e.getValue())
          .toArray(String[]::new);
    }
  }
}
