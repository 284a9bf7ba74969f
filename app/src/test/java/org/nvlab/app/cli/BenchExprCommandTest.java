package org.nvlab.app.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

/** {@code nvlab bench-expr --json} prints one JSON object; compiled and Java computed alike. */
class BenchExprCommandTest {

  @Test
  void aTinyBenchPrintsOneJsonObjectWithTheTimesAndTheirRatio() throws Exception {
    Cli.Result r =
        Cli.run(
            "bench-expr",
            "--rows",
            "64",
            "--evaluations",
            "6400",
            "--reps",
            "3",
            "--warmup",
            "1",
            "--json");
    assertEquals(0, r.exitCode(), r::toString);
    assertEquals("", r.err(), r::toString);
    assertEquals(1, r.outLines().size(), () -> "not one line:\n" + r);
    JsonNode o = new ObjectMapper().readTree(r.outLines().get(0));
    for (String k :
        new String[] {
          "compiled_ns",
          "hand_written_ns",
          "ratio",
          "compiled_megamorphic_ns",
          "interpreted_ns",
          "compile_us"
        }) {
      assertTrue(o.get(k).asDouble() > 0, () -> k + " in " + o);
    }
    assertEquals("exp(beta * a_j - dist) + 0.5 * g_j", o.get("expression").asText());
    assertEquals(6400, o.get("evaluations_per_rep").asLong());
    assertEquals(3, o.get("compiled_ns_reps").size());
    assertTrue(o.get("same_results").asBoolean(), o::toString);
    assertTrue(o.has("within_target"), o::toString);
  }

  @Test
  void badOptionsAreUsageErrors() {
    Cli.Result r = Cli.run("bench-expr", "--reps", "0");
    assertEquals(NvlabCommand.USAGE, r.exitCode(), r::toString);
    assertEquals("nvlab: --reps must be in 1..1000", r.err().strip());
  }
}
