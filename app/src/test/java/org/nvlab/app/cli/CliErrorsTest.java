package org.nvlab.app.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Mistakes on the command line end with a non-zero exit code and one clear line on stderr, never a
 * stack trace, and leave no output folder behind.
 */
class CliErrorsTest {

  @TempDir Path dir;

  /** Asserts the failure shape and returns the one line printed. */
  private static String oneLineFailure(Cli.Result r, int code) {
    assertEquals(code, r.exitCode(), r::toString);
    assertNotEquals(0, r.exitCode());
    assertEquals(1, r.errLines().size(), () -> "expected one line on stderr:\n" + r);
    for (String l : (r.out() + r.err()).lines().toList()) {
      assertFalse(l.startsWith("\tat "), () -> "stack trace:\n" + r);
      assertFalse(l.contains("Exception in thread"), () -> "stack trace:\n" + r);
    }
    return r.errLines().get(0);
  }

  @Test
  void aMissingProjectIsNamed() {
    Path absent = dir.resolve("absent.nvlab");
    Path out = dir.resolve("out");
    String line =
        oneLineFailure(
            Cli.run("run", absent.toString(), "--out", out.toString()), NvlabCommand.USAGE);
    assertEquals(
        "nvlab: no project at "
            + absent
            + " (give a NAME.nvlab folder, its project.json or a NAME.nvlab.zip)",
        line);
    assertFalse(Files.exists(out), "an output folder was made for a run that never started");
  }

  @Test
  void aProjectFolderWithoutProjectJsonIsNamed() throws Exception {
    Path folder = Files.createDirectory(dir.resolve("empty.nvlab"));
    String line =
        oneLineFailure(
            Cli.run("run", folder.toString(), "--out", dir.resolve("o").toString()),
            NvlabCommand.USAGE);
    assertEquals("nvlab: the folder " + folder + " holds no project.json", line);
  }

  @Test
  void anInvalidProjectPrintsItsProblemWithFileAndPointer() {
    Path broken = Cli.copyOf("hello-vesicles", dir, "\"temperature\": 0.5", "\"temperature\": -1");
    Path out = dir.resolve("out");
    String line =
        oneLineFailure(
            Cli.run("run", broken.toString(), "--out", out.toString()), NvlabCommand.USAGE);
    assertEquals(
        "project.json:/vesicleTypes/0/kernel/temperature: must be in [0, inf], got -1", line);
    assertFalse(Files.exists(out), "an output folder was made for a project that cannot run");
  }

  @Test
  void anUnknownFlagIsNamedWithAPointerToHelp() {
    String line =
        oneLineFailure(
            Cli.run(
                "run",
                Cli.sample("hello-vesicles").toString(),
                "--out",
                dir.resolve("o").toString(),
                "--frobnicate"),
            NvlabCommand.USAGE);
    assertTrue(line.startsWith("nvlab: Unknown option: '--frobnicate'"), line);
    assertTrue(line.contains("--help"), line);
  }

  @Test
  void aNegativeTickCountIsRefused() {
    Path out = dir.resolve("out");
    String line =
        oneLineFailure(
            Cli.run(
                "run",
                Cli.sample("hello-vesicles").toString(),
                "--ticks",
                "-5",
                "--out",
                out.toString()),
            NvlabCommand.USAGE);
    assertEquals("nvlab: --ticks must be at least 0, got -5", line);
    assertFalse(Files.exists(out));
  }

  @Test
  void aTickCountThatIsNotANumberIsRefused() {
    String line =
        oneLineFailure(
            Cli.run(
                "run",
                Cli.sample("hello-vesicles").toString(),
                "--ticks",
                "many",
                "--out",
                dir.resolve("o").toString()),
            NvlabCommand.USAGE);
    assertTrue(line.contains("'many' is not an int"), line);
  }

  @Test
  void aThreadCountOutOfRangeIsRefused() {
    String line =
        oneLineFailure(
            Cli.run(
                "run",
                Cli.sample("hello-vesicles").toString(),
                "--threads",
                "0",
                "--out",
                dir.resolve("o").toString()),
            NvlabCommand.USAGE);
    assertEquals("nvlab: --threads must be between 1 and 1024, got 0", line);
  }

  @Test
  void aMissingOutputFolderOptionIsNamed() {
    String line =
        oneLineFailure(Cli.run("run", Cli.sample("hello-vesicles").toString()), NvlabCommand.USAGE);
    assertTrue(line.contains("Missing required option: '--out=DIR'"), line);
  }

  @Test
  void anUnknownCommandIsNamed() {
    String line = oneLineFailure(Cli.run("frobnicate"), NvlabCommand.USAGE);
    assertTrue(line.contains("'frobnicate'"), line);
  }

  @Test
  void anOutputPathThatIsAFileIsAnIoError() throws Exception {
    Path file = Files.writeString(dir.resolve("taken"), "x");
    String line =
        oneLineFailure(
            Cli.run(
                "run",
                Cli.sample("hello-vesicles").toString(),
                "--ticks",
                "1",
                "--out",
                file.toString()),
            NvlabCommand.IO);
    assertTrue(line.startsWith("nvlab: cannot create the output folder " + file), line);
  }

  @Test
  void aSimulationThatOverflowsStopsWithExitCode3AndTheTick() throws Exception {
    // Two nodes feeding each other through weights of 1e20 with the identity: overflow in ticks.
    Path folder = Files.createDirectory(dir.resolve("explode.nvlab"));
    Files.writeString(
        folder.resolve("project.json"),
        """
        {"formatVersion": 1, "name": "explode", "seed": 1, "ticks": 50,
         "host": {"kind": "rate",
                  "graph": {"builder": "edge-list", "nodes": 2, "edges": [[0, 1, 1e20], [1, 0, 1e20]]},
                  "rate": {"mode": "recurrent", "activation": "identity", "bias": 1}},
         "vesicleTypes": []}
        """);
    String line =
        oneLineFailure(
            Cli.run("run", folder.toString(), "--out", dir.resolve("o").toString()),
            NvlabCommand.SIMULATION);
    assertTrue(line.startsWith("nvlab: the simulation stopped: tick "), line);
    assertTrue(line.contains("is Infinity") || line.contains("is NaN"), line);
  }

  @Test
  void validateOfAMissingProjectIsOneLineToo() {
    Path absent = dir.resolve("absent.nvlab");
    String line = oneLineFailure(Cli.run("validate", absent.toString()), NvlabCommand.USAGE);
    assertTrue(line.startsWith("nvlab: no project at " + absent), line);
  }

  @Test
  void benchWithAnImpossibleWorkloadIsRefused() {
    String line = oneLineFailure(Cli.run("bench", "--nodes", "1", "--json"), NvlabCommand.USAGE);
    assertEquals("nvlab: --nodes must be at least 2", line);
  }
}
