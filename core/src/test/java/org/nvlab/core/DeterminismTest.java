package org.nvlab.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.nvlab.core.random.CounterRng;
import org.nvlab.core.vesicle.Pool;

/**
 * A run's full state after T ticks is bit-identical for 1, 2 and 4 threads, and for any order of
 * the vesicles in memory (the pools are shuffled before every tick in one run).
 */
class DeterminismTest {
  private static final int TICKS = 60;

  static Iterable<String> projects() {
    return DeterminismProjects.all().keySet();
  }

  private static String hash(String name, int threads, boolean shuffle) {
    String json = DeterminismProjects.all().get(name);
    try (Simulation sim = TestProjects.simulation(json, 77, threads)) {
      for (int t = 0; t < TICKS; t++) {
        if (shuffle) {
          shuffleAll(sim, t);
        }
        sim.step();
      }
      long alive = EngineAccess.engine(sim).population().size();
      assertTrue(alive > 0, name + ": nothing alive, the test would prove little");
      return sim.stateHash();
    }
  }

  private static void shuffleAll(Simulation sim, int tick) {
    for (int k = 0; k < EngineAccess.engine(sim).typeCount(); k++) {
      Pool p = EngineAccess.engine(sim).population().pool(k);
      int[] order = new int[p.size()];
      for (int s = 0; s < order.length; s++) {
        order[s] = s;
      }
      for (int s = order.length - 1; s > 0; s--) {
        int j = CounterRng.below(CounterRng.draw(1234, tick, s, 99), s + 1);
        int tmp = order[s];
        order[s] = order[j];
        order[j] = tmp;
      }
      p.reorder(order);
    }
  }

  @ParameterizedTest
  @MethodSource("projects")
  void stateHashIsIdenticalForOneTwoAndFourThreads(String name) {
    String one = hash(name, 1, false);
    assertEquals(one, hash(name, 2, false), name + ": 2 threads differ from 1");
    assertEquals(one, hash(name, 4, false), name + ": 4 threads differ from 1");
  }

  @ParameterizedTest
  @MethodSource("projects")
  void stateHashDoesNotDependOnWhereVesiclesSitInMemory(String name) {
    assertEquals(hash(name, 2, false), hash(name, 3, true), name + ": shuffled pools differ");
  }

  @ParameterizedTest
  @MethodSource("projects")
  void aDifferentSeedGivesADifferentState(String name) {
    String json = DeterminismProjects.all().get(name);
    String a;
    String b;
    try (Simulation s = TestProjects.simulation(json, 1, 2)) {
      s.run(20);
      a = s.stateHash();
    }
    try (Simulation s = TestProjects.simulation(json, 2, 2)) {
      s.run(20);
      b = s.stateHash();
    }
    assertNotEquals(a, b);
  }
}
