package org.nvlab.app.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code nvlab migrate}, {@code pack} and {@code unpack}, and zips accepted by validate. */
class ProjectFileCommandsTest {

  @TempDir Path dir;

  /** hello-vesicles as the first format wrote it: docking weights beside the bias. */
  private Path formatOne() {
    Path p =
        Cli.copyOf(
            "hello-vesicles",
            dir,
            "\"docking\": {\"bias\": -3.0, \"weights\": {\"activation\": 2.0}}",
            "\"docking\": {\"bias\": -3.0, \"activation\": 2.0}");
    try {
      Path f = p.resolve("project.json");
      Files.writeString(
          f, Files.readString(f).replace("\"formatVersion\": 2", "\"formatVersion\": 1"));
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
    return p;
  }

  @Test
  void validateSaysAnOldFileIsReadInTheNewFormatAndMigrateRewritesIt() throws Exception {
    Path p = formatOne();
    String old = Files.readString(p.resolve("project.json"));
    Cli.Result v = Cli.run("validate", p.toString());
    assertEquals(0, v.exitCode(), v::toString);
    assertTrue(v.out().contains("written in format 1 and read as format 2"), v.out());

    Cli.Result dry = Cli.run("migrate", "--dry-run", p.toString());
    assertEquals(1, dry.exitCode(), dry::toString);
    assertEquals(old, Files.readString(p.resolve("project.json")), "a dry run writes nothing");

    Cli.Result m = Cli.run("migrate", p.toString());
    assertEquals(0, m.exitCode(), m::toString);
    assertTrue(
        m.out().contains("format 1 -> 2 (the old file is kept as project.json.bak)"), m.out());
    assertTrue(
        m.out().contains("/vesicleTypes/0/docking/activation -> /vesicleTypes/0/docking/weights"),
        m.out());
    assertEquals(old, Files.readString(p.resolve("project.json.bak")));
    assertTrue(Files.readString(p.resolve("project.json")).contains("\"formatVersion\": 2"));

    Cli.Result again = Cli.run("migrate", p.toString());
    assertEquals(0, again.exitCode(), again::toString);
    assertTrue(again.out().contains("already format 2"), again.out());
    Cli.Result valid = Cli.run("validate", p.toString());
    assertEquals(1, valid.outLines().size(), valid::toString);
  }

  @Test
  void aBrokenOldProjectIsNotTouchedByMigrate() throws Exception {
    Path p = formatOne();
    Path f = p.resolve("project.json");
    Files.writeString(f, Files.readString(f).replace("\"ticks\": ", "\"tics\": "));
    String before = Files.readString(f);
    Cli.Result m = Cli.run("migrate", p.toString());
    assertEquals(NvlabCommand.USAGE, m.exitCode(), m::toString);
    assertTrue(m.out().contains("/tics: unknown field"), m.out());
    assertTrue(m.out().contains("not migrated"), m.out());
    assertEquals(before, Files.readString(f));
    assertFalse(Files.exists(p.resolve("project.json.bak")));
  }

  @Test
  void aPackedProjectValidatesAndUnpacksIntoAFolder() throws Exception {
    Path sample = Cli.copyOf("hello-vesicles", dir, "\"formatVersion\"", "\"formatVersion\"");
    Files.writeString(sample.resolve("README.md"), "# hello\n");
    Cli.Result pack = Cli.run("pack", sample.toString());
    assertEquals(0, pack.exitCode(), pack::toString);
    Path zip = dir.resolve("hello-vesicles.nvlab.zip");
    assertTrue(pack.out().startsWith(zip + ": 2 files"), pack.out());

    Cli.Result v = Cli.run("validate", zip.toString());
    assertEquals(0, v.exitCode(), v::toString);
    assertTrue(v.out().contains("valid (1 vesicle type)"), v.out());

    Cli.Result run =
        Cli.run("run", zip.toString(), "--ticks", "5", "--out", dir.resolve("o").toString());
    assertEquals(0, run.exitCode(), run::toString);
    assertTrue(run.out().contains("not recorded: a packed project has no run store"), run.out());
    Cli.Result runs = Cli.run("runs", zip.toString());
    assertEquals(NvlabCommand.USAGE, runs.exitCode(), runs::toString);
    assertTrue(runs.err().contains("unpack it first"), runs.err());

    Path into = dir.resolve("elsewhere").resolve("hello-vesicles.nvlab");
    Cli.Result u = Cli.run("unpack", zip.toString(), "--into", into.toString());
    assertEquals(0, u.exitCode(), u::toString);
    assertEquals(
        Files.readString(sample.resolve("project.json")),
        Files.readString(into.resolve("project.json")));
    Cli.Result twice = Cli.run("unpack", zip.toString(), "--into", into.toString());
    assertEquals(NvlabCommand.USAGE, twice.exitCode(), twice::toString);
    assertTrue(twice.err().contains("exists already"), twice.err());
  }
}
