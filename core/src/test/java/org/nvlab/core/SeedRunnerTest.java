package org.nvlab.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import org.junit.jupiter.api.Test;
import org.nvlab.core.process.SimulationException;

/**
 * One seed loop for everything: R runs on T threads give their results in seed order, the same
 * results whatever T and whatever order the runs finish in, each from a fresh instance of one
 * model; a failing seed is named.
 */
class SeedRunnerTest {
  private static final Model MODEL =
      TestProjects.compile(DeterminismProjects.all().get("rate-everything"));

  @Test
  void resultsComeInSeedOrderAndDoNotDependOnThreadsOrCompletionOrder() {
    ConcurrentLinkedQueue<Long> finished = new ConcurrentLinkedQueue<>();
    List<String> one = SeedRunner.run(MODEL, 100, 12, 1, sim -> run(sim, finished));
    List<Long> serialOrder = new ArrayList<>(finished);
    finished.clear();
    List<String> four = SeedRunner.run(MODEL, 100, 12, 4, sim -> run(sim, finished));
    assertEquals(one, four);
    assertEquals(12, one.size());
    for (int i = 0; i < 12; i++) {
      try (Simulation sim = MODEL.instantiate(100 + i, 2)) {
        sim.run(30);
        assertEquals(sim.stateHash(), one.get(i), "seed " + (100 + i));
      }
    }
    assertEquals(12, new java.util.HashSet<>(one).size(), "every seed is its own run");
    assertTrue(!serialOrder.isEmpty());
  }

  /** 30 ticks, then waits longer for low seeds, so that high seeds finish first. */
  private static String run(Simulation sim, ConcurrentLinkedQueue<Long> finished)
      throws InterruptedException {
    sim.run(30);
    Thread.sleep(Math.max(0, 112 - sim.seed()));
    finished.add(sim.seed());
    return sim.stateHash();
  }

  @Test
  void theLowestFailingSeedIsThrownWhateverFinishedFirst() {
    SeedRunner.SeedFailure e =
        assertThrows(
            SeedRunner.SeedFailure.class,
            () ->
                SeedRunner.run(
                    MODEL,
                    1,
                    8,
                    4,
                    sim -> {
                      if (sim.seed() % 3 == 0) {
                        Thread.sleep(sim.seed() == 3 ? 200 : 0);
                        throw new SimulationException("seed " + sim.seed() + " went wrong");
                      }
                      return sim.seed();
                    }));
    assertEquals(3, e.seed());
    assertTrue(e.getMessage().startsWith("seed 3: "), e.getMessage());
  }

  @Test
  void manyInstancesOfOneModelRunAtOnceWithoutSharingState() {
    List<String> together = SeedRunner.run(MODEL, 7, 6, 6, sim -> {
      sim.run(25);
      return sim.stateHash();
    });
    List<String> alone = new ArrayList<>();
    for (int i = 0; i < 6; i++) {
      try (Simulation sim = MODEL.instantiate(7 + i)) {
        sim.run(25);
        alone.add(sim.stateHash());
      }
    }
    assertEquals(alone, together);
  }
}
