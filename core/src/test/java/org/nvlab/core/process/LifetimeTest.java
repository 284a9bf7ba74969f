package org.nvlab.core.process;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.apache.commons.math3.distribution.ExponentialDistribution;
import org.apache.commons.math3.stat.inference.ChiSquareTest;
import org.apache.commons.math3.stat.inference.KolmogorovSmirnovTest;
import org.junit.jupiter.api.Test;
import org.nvlab.core.EngineAccess;
import org.nvlab.core.Simulation;
import org.nvlab.core.TestProjects;
import org.nvlab.core.random.CounterRng;
import org.nvlab.core.random.Purpose;
import org.nvlab.core.random.RngStream;
import org.nvlab.core.vesicle.LifetimeLaw;

/** Lifetimes follow the declared law: the drawn tau (KS) and the engine's death ticks. */
class LifetimeTest {

  /** One cohort born at tick 0 at a node with no edges: it only ages. */
  private static String cohort(int n, String lifetime) {
    // The reward is 1 on tick 0 and 0 afterwards, so emission happens on tick 0 only.
    return """
        {"formatVersion": 1, "name": "cohort", "seed": 1,
         "host": {"kind": "rate", "graph": {"builder": "edge-list", "nodes": 1, "edges": []},
                  "rate": {"mode": "recurrent"}},
         "globals": {"reward": {"shape": "cycle", "period": 1, "values": [1, %s]}},
         "vesicleTypes": [{"name": "v", "payloadDim": 1,
           "emission": {"mode": "poisson", "lambdaMax": %d, "weights": {"reward": 200},
                        "bias": -100},
           "lifetime": %s,
           "docking": {"bias": -1000}}]}
        """
        .formatted("0, ".repeat(4999) + "0", n, lifetime);
  }

  @Test
  void drawnExponentialLifetimesPassKolmogorovSmirnov() {
    LifetimeLaw law = new LifetimeLaw(LifetimeLaw.Kind.EXPONENTIAL, 50, 0);
    RngStream r = new RngStream();
    long key = CounterRng.tickKey(4, 0, Purpose.of(Purpose.BIRTH, 0));
    double[] tau = new double[50_000];
    for (int i = 0; i < tau.length; i++) {
      tau[i] = Decay.lifetime(law, r.reset(CounterRng.draw(key, i)));
    }
    double p =
        new KolmogorovSmirnovTest()
            .kolmogorovSmirnovTest(new ExponentialDistribution(null, 50), tau);
    assertTrue(p > 1e-3, "lifetimes are not exponential(50), KS p = " + p);
  }

  @Test
  void deathTicksOfACohortAreGeometricWithSurvivalExpMinusOneOverMean() {
    double mean = 8;
    try (Simulation sim =
        TestProjects.simulation(cohort(100_000, "{\"law\": \"exponential\", \"mean\": 8}"), 2, 2)) {
      sim.step();
      long born = (long) EngineAccess.metrics(sim).last("births.v");
      assertTrue(born > 99_000, "cohort too small: " + born);
      List<Long> deaths = new ArrayList<>();
      for (int t = 1; t <= 120; t++) {
        sim.step();
        assertEquals(0, EngineAccess.metrics(sim).last("births.v"), "only tick 0 emits");
        deaths.add((long) EngineAccess.metrics(sim).last("deaths.expired.v"));
      }
      double sigma = Math.exp(-1 / mean);
      List<Double> e = new ArrayList<>();
      List<Long> o = new ArrayList<>();
      double accE = 0;
      long accO = 0;
      for (int k = 1; k <= deaths.size(); k++) {
        accE += born * Math.pow(sigma, k - 1) * (1 - sigma);
        accO += deaths.get(k - 1);
        if (accE >= 20) {
          e.add(accE);
          o.add(accO);
          accE = 0;
          accO = 0;
        }
      }
      e.add(accE + born * Math.pow(sigma, deaths.size())); // still alive, or in the last cells
      o.add(accO + (long) EngineAccess.metrics(sim).last("population.v"));
      double p =
          new ChiSquareTest()
              .chiSquareTest(
                  e.stream().mapToDouble(Double::doubleValue).toArray(),
                  o.stream().mapToLong(Long::longValue).toArray());
      assertTrue(p > 1e-4, "death ticks are not geometric, p = " + p);
    }
  }

  @Test
  void fixedLifetimesAllEndOnTheSameTick() {
    try (Simulation sim =
        TestProjects.simulation(cohort(1000, "{\"law\": \"fixed\", \"mean\": 6.5}"), 2, 1)) {
      sim.step();
      long born = (long) EngineAccess.metrics(sim).last("births.v");
      for (int t = 1; t <= 10; t++) {
        sim.step();
        long died = (long) EngineAccess.metrics(sim).last("deaths.expired.v");
        assertEquals(t == 7 ? born : 0, died, "tick " + t);
      }
    }
  }

  @Test
  void hazardKillsAFractionMuOfTheLivingEachTick() {
    try (Simulation sim =
        TestProjects.simulation(
            cohort(200_000, "{\"law\": \"fixed\", \"mean\": 1000, \"hazard\": 0.03}"), 8, 2)) {
      sim.step();
      for (int t = 1; t <= 5; t++) {
        long alive = (long) EngineAccess.metrics(sim).last("population.v");
        sim.step();
        long killed = (long) EngineAccess.metrics(sim).last("deaths.hazard.v");
        double z = (killed - alive * 0.03) / Math.sqrt(alive * 0.03 * 0.97);
        assertTrue(Math.abs(z) < 4.5, "hazard deaths " + killed + " of " + alive + ", z = " + z);
      }
    }
  }
}
