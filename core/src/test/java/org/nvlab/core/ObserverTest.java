package org.nvlab.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.nvlab.core.observe.MetricsObserver;
import org.nvlab.core.observe.Observer;
import org.nvlab.core.observe.PathTracker;
import org.nvlab.core.observe.SimulationView;
import org.nvlab.core.observe.SpikeRaster;
import org.nvlab.core.record.MetricsRecorder;
import org.nvlab.core.snapshot.Spikes;
import org.nvlab.core.vocabulary.Metric;
import org.nvlab.core.vocabulary.SeriesName;

/**
 * Observers watch without changing: they are called after every tick, in the order attached, from
 * the tick they are attached at; the run's state is the same watched or not; the spike raster and
 * the path tracker see what the metrics and the engine say.
 */
class ObserverTest {
  private static final Model LIF =
      TestProjects.compile(DeterminismProjects.all().get("lif-dopamine"));

  @Test
  void observersAreCalledAfterEveryTickInTheOrderAttachedFromTheirFirstTick() {
    List<String> calls = new ArrayList<>();
    try (Simulation sim = LIF.instantiate(2, 2)) {
      sim.run(3);
      Observer a = record("a", calls);
      Observer b = record("b", calls);
      sim.observe(a);
      sim.observe(b);
      sim.run(2);
      sim.unobserve(a);
      sim.step();
    }
    assertEquals(
        List.of("a attached 3", "b attached 3", "a 4", "b 4", "a 5", "b 5", "a detached 5", "b 6"),
        calls);
  }

  private static Observer record(String name, List<String> calls) {
    return new Observer() {
      @Override
      public void attached(SimulationView sim) {
        calls.add(name + " attached " + sim.tick());
      }

      @Override
      public void ticked(SimulationView sim) {
        calls.add(name + " " + sim.tick());
      }

      @Override
      public void detached(SimulationView sim) {
        calls.add(name + " detached " + sim.tick());
      }
    };
  }

  @Test
  void aWatchedRunIsTheSameRunAsAnUnwatchedOne() {
    String watched;
    try (Simulation sim = LIF.instantiate(4, 2)) {
      sim.observe(new MetricsObserver());
      sim.observe(new SpikeRaster(SpikeRaster.ALL));
      sim.observe(new PathTracker(100)).follow(3);
      sim.run(60);
      watched = sim.stateHash();
    }
    try (Simulation sim = LIF.instantiate(4, 1)) {
      assertTrue(sim.observers().isEmpty());
      sim.run(60);
      assertEquals(watched, sim.stateHash());
    }
  }

  @Test
  void theSpikeRasterHoldsEverySpikeTheSpikeRateCounts() {
    try (Simulation sim = LIF.instantiate(9, 2)) {
      MetricsRecorder m = sim.observe(new MetricsObserver()).recorder();
      SpikeRaster raster = sim.observe(new SpikeRaster(SpikeRaster.ALL));
      SpikeRaster window = sim.observe(new SpikeRaster(20));
      sim.run(80);
      Spikes all = raster.spikes();
      int[] perTick = new int[80];
      for (int q = 0; q < all.count(); q++) {
        perTick[all.tick(q)]++;
        assertTrue(all.node(q) >= 0 && all.node(q) < sim.nodeCount());
      }
      int rate = m.index(SeriesName.of(Metric.SPIKE_RATE).text());
      long total = 0;
      for (int t = 0; t < 80; t++) {
        assertEquals(
            Math.round(m.value(t, rate) * sim.nodeCount()), perTick[t], "spikes at tick " + t);
        total += perTick[t];
      }
      assertTrue(total > 0, "the project spikes");
      Spikes last = window.spikes();
      assertEquals(60, last.from());
      assertEquals(80, last.to());
      for (int q = 0; q < last.count(); q++) {
        assertTrue(last.tick(q) >= 60);
      }
    }
  }

  @Test
  void thePathTrackerFollowsAVesicleNodeByNode() {
    Model ring = TestProjects.compile(LiveRulesTest.RING);
    try (Simulation sim = ring.instantiate(1, 1)) {
      sim.run(2);
      long id = sim.vesicleId(0, 0);
      PathTracker path = sim.observe(new PathTracker(5));
      path.follow(id);
      path.record(sim);
      int[] expected = new int[8];
      expected[0] = node(sim, id);
      for (int t = 1; t < 8; t++) {
        sim.step();
        expected[t] = node(sim, id);
      }
      int[] got = path.path();
      assertEquals(5, got.length, "the newest five nodes");
      for (int k = 0; k < 5; k++) {
        assertEquals(expected[3 + k], got[k]);
      }
    }
  }

  private static int node(Simulation sim, long id) {
    int n = sim.vesicleNode(0, sim.slotOf(0, id));
    return n < 0 ? ~n : n;
  }
}
