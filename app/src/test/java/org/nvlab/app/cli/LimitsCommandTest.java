package org.nvlab.app.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

/** {@code nvlab limits film|attention|hypernetwork}: the measured limits, as JSON or a table. */
class LimitsCommandTest {

  @Test
  void aSmallFilmMeasurementPrintsOneJsonObjectWithEveryNAndTheFit() throws Exception {
    Cli.Result r =
        Cli.run(
            "limits",
            "film",
            "--n",
            "10,100,1000",
            "--seeds",
            "2",
            "--ticks",
            "3",
            "--threads",
            "2",
            "--json");
    assertEquals(0, r.exitCode(), r::toString);
    assertEquals("", r.err(), r::toString);
    assertEquals(1, r.outLines().size(), () -> "not one line:\n" + r);
    JsonNode o = new ObjectMapper().readTree(r.outLines().get(0));
    assertEquals("film", o.get("limit").asText());
    assertEquals(2, o.get("seeds").asInt());
    assertEquals(3, o.get("ticks_per_seed").asInt());
    assertEquals(2, o.get("threads").asInt());
    JsonNode per = o.get("per_n");
    assertEquals(3, per.size());
    for (int q = 0; q < 3; q++) {
      JsonNode row = per.get(q);
      assertEquals(new int[] {10, 100, 1000}[q], row.get("n").asInt());
      for (String k : new String[] {"rms_error", "rms_error_se", "rms_signal", "relative_error"}) {
        assertTrue(row.get(k).isNumber(), () -> k + " in " + row);
      }
      assertEquals(8 * 3 * 2, row.get("samples").asInt());
    }
    JsonNode fit = o.get("fit");
    assertTrue(
        fit.get("slope").asDouble() < -0.3 && fit.get("slope").asDouble() > -0.7, fit::toString);
    assertTrue(fit.get("slope_se").isNumber(), fit::toString);
    assertTrue(fit.get("intercept").isNumber(), fit::toString);
    assertTrue(o.get("acceptance").has("slope_within_0.1_of_minus_0.5"), o::toString);
    assertTrue(o.has("versions"), o::toString);
  }

  @Test
  void attentionAndHypernetworkPrintATableWithTheSlope() {
    for (String limit : new String[] {"attention", "hypernetwork"}) {
      Cli.Result r =
          Cli.run(
              "limits", limit, "--n", "10,100", "--seeds", "2", "--ticks", "2", "--threads", "2");
      assertEquals(0, r.exitCode(), r::toString);
      assertTrue(r.out().startsWith(limit + " limit: "), r::toString);
      assertTrue(r.out().contains("slope of ln(rms error) against ln N"), r::toString);
      assertTrue(r.out().contains("relative error below 1% at N = 100"), r::toString);
    }
  }

  private static String oneLineFailure(Cli.Result r) {
    assertEquals(NvlabCommand.USAGE, r.exitCode(), r::toString);
    assertEquals(1, r.errLines().size(), () -> "expected one line on stderr:\n" + r);
    assertFalse(r.err().contains("\tat "), r::toString);
    return r.errLines().get(0);
  }

  @Test
  void mistakesEndWithOneLine() {
    assertTrue(oneLineFailure(Cli.run("limits")).contains("film, attention or hypernetwork"));
    assertEquals(
        "nvlab: --n values must be in 1..1000000, got 0",
        oneLineFailure(Cli.run("limits", "film", "--n", "10,0")));
    assertEquals(
        "nvlab: --n gives 10 twice", oneLineFailure(Cli.run("limits", "film", "--n", "10,10")));
    assertTrue(oneLineFailure(Cli.run("limits", "film", "--n", "ten")).contains("--n"));
    assertTrue(oneLineFailure(Cli.run("limits", "film", "--seeds", "0")).contains("--seeds"));
    assertTrue(oneLineFailure(Cli.run("limits", "dopamine")).startsWith("nvlab: "));
  }
}
