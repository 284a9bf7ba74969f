package org.nvlab.app.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

/** {@code nvlab bench --json} prints one JSON object with the measured and derived rates. */
class BenchCommandTest {

  @Test
  void aTinyBenchPrintsOneJsonObjectWithEveryKey() throws Exception {
    Cli.Result r =
        Cli.run(
            "bench",
            "--nodes",
            "200",
            "--vesicles",
            "2000",
            "--ticks",
            "3",
            "--reps",
            "2",
            "--warmup",
            "2",
            "--triad-mib",
            "8",
            "--threads",
            "2",
            "--json");
    assertEquals(0, r.exitCode(), r::toString);
    assertEquals("", r.err(), r::toString);
    assertEquals(1, r.outLines().size(), () -> "not one line:\n" + r);
    JsonNode o = new ObjectMapper().readTree(r.outLines().get(0));
    assertTrue(o.isObject(), r.out());
    for (String k :
        new String[] {
          "vesicle_steps_per_s",
          "bytes_per_vesicle",
          "threads",
          "stream_triad_gbps",
          "bound_vesicle_steps_per_s",
          "object_baseline_vesicle_steps_per_s"
        }) {
      assertTrue(o.hasNonNull(k), () -> "missing " + k + " in " + o);
    }
    assertEquals(2, o.get("threads").asInt());
    assertTrue(o.get("vesicle_steps_per_s").asDouble() > 0, o::toString);
    assertTrue(o.get("bytes_per_vesicle").asDouble() > 0, o::toString);
    assertTrue(o.get("stream_triad_gbps").asDouble() > 0, o::toString);
    assertTrue(o.get("bound_vesicle_steps_per_s").asDouble() > 0, o::toString);
    assertTrue(o.get("object_baseline_vesicle_steps_per_s").asDouble() > 0, o::toString);
    assertEquals(200, o.get("workload").get("nodes").asInt());
    assertEquals(2000, o.get("workload").get("vesicles").asInt());
  }
}
