package org.nvlab.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.nvlab.core.record.MetricsRecorder;
import org.nvlab.core.vocabulary.DeathCause;

/** Births minus deaths equals the population at every tick, for every type and cause mix. */
class PopulationBalanceTest {

  static Iterable<String> projects() {
    return DeterminismProjects.all().keySet();
  }

  @ParameterizedTest
  @MethodSource("projects")
  void birthsMinusDeathsEqualsThePopulationEveryTick(String name) {
    try (Simulation sim = TestProjects.simulation(DeterminismProjects.all().get(name), 3, 2)) {
      sim.run(120);
      MetricsRecorder m = EngineAccess.metrics(sim);
      for (int k = 0; k < EngineAccess.engine(sim).typeCount(); k++) {
        String type = EngineAccess.engine(sim).type(k).name();
        long alive = 0;
        long deathsSeen = 0;
        for (int r = 0; r < m.rows(); r++) {
          long births = (long) m.value(r, m.index("births." + type));
          long deaths = 0;
          for (DeathCause c : DeathCause.values()) {
            deaths += (long) m.value(r, m.index("deaths." + c.label() + "." + type));
          }
          alive += births - deaths;
          deathsSeen += deaths;
          assertEquals(
              alive,
              (long) m.value(r, m.index("population." + type)),
              name + "/" + type + " at tick " + m.tick(r));
        }
        assertTrue(deathsSeen > 0, name + "/" + type + ": no deaths, the test would prove little");
      }
    }
  }
}
