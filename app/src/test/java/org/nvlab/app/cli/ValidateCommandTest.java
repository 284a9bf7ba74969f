package org.nvlab.app.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code nvlab validate}: exit 0 for a good project, 2 with every problem listed for a bad one. */
class ValidateCommandTest {

  @TempDir Path dir;

  @Test
  void aSampleProjectIsValid() {
    for (String sample :
        List.of("hello-vesicles", "spiking-dopamine", "sparse-agents", "dense-modulators")) {
      Cli.Result r = Cli.run("validate", Cli.sample(sample).toString());
      assertEquals(0, r.exitCode(), r::toString);
      assertEquals("", r.err(), r::toString);
      assertEquals(1, r.outLines().size(), r::toString);
      assertTrue(r.out().contains("valid (1 vesicle type)"), r.out());
    }
  }

  @Test
  void aBrokenProjectListsEveryProblemNotOnlyTheFirst() {
    Path broken =
        Cli.copyOf(
            "hello-vesicles",
            dir,
            "\"lifetime\": {\"law\": \"exponential\", \"mean\": 12}",
            "\"lifetime\": {\"law\": \"exponential\", \"mean\": -12, \"hazrd\": 0.1}");
    Cli.Result r = Cli.run("validate", broken.toString());
    assertEquals(NvlabCommand.USAGE, r.exitCode(), r::toString);
    assertEquals(
        List.of(
            "project.json:/vesicleTypes/0/lifetime/mean: must be in [1e-9, 1000000000000], got"
                + " -12",
            "project.json:/vesicleTypes/0/lifetime/hazrd: unknown field 'hazrd'"
                + " (did you mean 'hazard'?)"),
        r.outLines(),
        r::toString);
  }

  @Test
  void problemsFoundWhenCompilingAreListedToo() {
    Path broken =
        Cli.copyOf(
            "hello-vesicles", dir, "\"emitters\": {\"layer\": 0}", "\"emitters\": [0, 1, 99]");
    Cli.Result r = Cli.run("validate", broken.toString());
    assertEquals(NvlabCommand.USAGE, r.exitCode(), r::toString);
    assertEquals(
        List.of(
            "project.json:/vesicleTypes/0/emission/emitters/2: node 99 does not exist (the graph"
                + " has 34 nodes)"),
        r.outLines());
  }
}
