package org.nvlab.core.limits;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.Map;
import org.junit.jupiter.api.Test;

class LimitMeasurementTest {

  @Test
  void theResultDoesNotDependOnTheNumberOfThreads() {
    int[] n = {10, 1000};
    for (LimitConstruction c :
        new LimitConstruction[] {
          FilmLimit.standard(), AttentionLimit.standard(), HypernetworkLimit.standard()
        }) {
      LimitResult one = LimitMeasurement.run(c, n, 3, 4, 1);
      LimitResult three = LimitMeasurement.run(c, n, 3, 4, 3);
      assertEquals(one.rows(), three.rows(), c.name());
    }
  }

  @Test
  void theRmsIsTakenOverComponentsTicksAndSeeds() {
    LimitResult r = LimitMeasurement.run(FilmLimit.standard(), new int[] {100}, 2, 5, 2);
    LimitResult.Row row = r.rows().get(0);
    assertEquals(8L * 5 * 2, row.samples()); // 4 targets x (gamma, beta), 5 ticks, 2 seeds
    assertNull(r.fit(), "one N has no slope");
    Map<String, Object> m = r.toMap();
    assertEquals("film", m.get("limit"));
    assertNull(m.get("fit"));
  }
}
