package org.nvlab.app.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

/** {@code nvlab agents}: the sparse-agents comparison as a table or as one JSON object. */
class AgentsCommandTest {

  @Test
  void jsonHasEveryConditionAndQuantityAndOneEntryPerSeed() throws Exception {
    Cli.Result r = Cli.run("agents", "--ticks", "400", "--seeds", "2", "--threads", "2", "--json");
    assertEquals(0, r.exitCode(), r::toString);
    assertEquals("", r.err(), r::toString);
    assertEquals(1, r.outLines().size(), () -> "not one line:\n" + r);
    JsonNode o = new ObjectMapper().readTree(r.outLines().get(0));
    assertEquals(2, o.get("seeds").size());
    assertEquals(2, o.get("per_seed").size());
    assertEquals(100, o.get("design").get("window").asInt(), "a quarter of the ticks");
    for (String c : new String[] {"none", "sparse", "dense"}) {
      JsonNode q = o.get("conditions").get(c);
      for (String k :
          new String[] {
            "final_loss",
            "window_loss",
            "loss_reduction",
            "relative_loss_reduction",
            "dockings",
            "released_payload",
            "reduction_per_docking",
            "docking_share_top_site"
          }) {
        assertTrue(q.get(k).has("median"), () -> c + "." + k + " missing in " + o);
      }
    }
    assertTrue(o.get("conditions").get("sparse").get("dockings").get("median").asDouble() > 0);
    assertEquals(
        1.0, o.get("payload_ratio_dense_over_sparse").get("median").asDouble(), 1e-6, o::toString);
    assertTrue(o.get("versions").hasNonNull("nvlab"));
  }

  @Test
  void theTableHasARowPerQuantityAndTheHeadline() {
    Cli.Result r = Cli.run("agents", "--ticks", "300", "--seeds", "1", "--window", "50");
    assertEquals(0, r.exitCode(), r::toString);
    assertTrue(r.out().contains("loss averaged over the last 50"), r.out());
    assertTrue(r.out().lines().anyMatch(l -> l.startsWith("reduction_per_docking")), r.out());
    assertTrue(r.out().contains("payload matched"), r.out());
    assertTrue(r.out().contains("an agent's docking buys"), r.out());
  }

  @Test
  void aWindowLongerThanTheRunIsAUsageError() {
    Cli.Result r = Cli.run("agents", "--ticks", "100", "--window", "200");
    assertEquals(NvlabCommand.USAGE, r.exitCode(), r::toString);
    assertTrue(r.err().contains("--window"), r.err());
  }
}
