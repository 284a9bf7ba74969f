package org.nvlab.core.limits;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.nvlab.core.limits.SparseAgents.SeedResult;

/** The numbers of the sparse-agents comparison, computed by hand on small cases. */
class AgentsMetricsTest {

  @Test
  void anOutcomeAveragesTheLastWindowAndDividesTheReductionByDockingsAndPayload() {
    double[] loss = {4, 3, 2, 1};
    AgentsOutcome o =
        AgentsOutcome.of(AgentsCondition.SPARSE, 7, loss, 2, 4, 10, 8.0, 0.5, 0.75, 0.25, 3.5);
    assertEquals(1.0, o.finalLoss());
    assertEquals(1.5, o.windowLoss());
    assertEquals(2.0, o.reduction());
    assertEquals(2.0 / 3.5, o.relativeReduction(), 1e-15);
    assertEquals(0.5, o.reductionPerDocking());
    assertEquals(0.25, o.reductionPerPayload());
    assertEquals(4, o.dockings());
    assertEquals(10, o.releases());
    assertEquals(0.5, o.dockingTopShare());
  }

  @Test
  void withoutDockingsOrPayloadTheRatiosAreNotANumber() {
    AgentsOutcome o =
        AgentsOutcome.of(
            AgentsCondition.NONE,
            1,
            new double[] {2, 2},
            2,
            0,
            0,
            0,
            Double.NaN,
            Double.NaN,
            Double.NaN,
            2.0);
    assertEquals(0.0, o.reduction());
    assertTrue(Double.isNaN(o.reductionPerDocking()));
    assertTrue(Double.isNaN(o.reductionPerPayload()));
  }

  @Test
  void aWindowLongerThanTheRunIsRefused() {
    assertThrows(
        IllegalArgumentException.class,
        () ->
            AgentsOutcome.of(AgentsCondition.NONE, 1, new double[] {1}, 2, 0, 0, 0, 0, 0, 0, 1.0));
  }

  @Test
  void aSpreadIsTheMedianAndRangeOfTheNumbersPresent() {
    assertEquals(new Spread(2, 1, 5, 3), Spread.of(new double[] {5, 1, 2}));
    assertEquals(new Spread(2.5, 1, 5, 4), Spread.of(new double[] {5, 1, 2, 3}));
    assertEquals(new Spread(3, 1, 5, 2), Spread.of(new double[] {Double.NaN, 1, 5}));
    Spread none = Spread.of(new double[] {Double.NaN});
    assertTrue(Double.isNaN(none.median()) && none.count() == 0);
  }

  @Test
  void theTopSitesAreTheLargestAbsoluteErrorsAmongTheSitesWithTiesToTheLowerIndex() {
    float[] e = {9, -9, 0.1f, -0.7f, 0.3f, 0.7f, -0.2f};
    int[] best = new int[3];
    DockingSites.topSites(e, 2, e.length, best); // nodes 0 and 1 are not sites
    assertArrayEquals(new int[] {3, 5, 4}, best);
  }

  @Test
  void theReportSummarisesEachConditionOverSeedsAndComparesPerDocking() {
    AgentsDesign d = AgentsDesign.standard();
    SeedResult a = seed(1, 0.4, 10, 0.2, 1000);
    SeedResult b = seed(2, 0.2, 20, 0.1, 4000);
    AgentsReport r = new AgentsReport(d, new long[] {1, 2}, 1, List.of(a, b));
    // sparse: 0.4/10 = 0.04 and 0.2/20 = 0.01; dense: 0.2/1000 = 2e-4 and 0.1/4000 = 2.5e-5.
    Spread perDocking = r.spread(AgentsCondition.SPARSE, AgentsOutcome::reductionPerDocking);
    assertEquals(0.025, perDocking.median(), 1e-12);
    assertEquals(0.01, perDocking.min(), 1e-12);
    assertEquals(0.04, perDocking.max(), 1e-12);
    Spread advantage = r.perDockingAdvantage();
    assertEquals(200, advantage.min(), 1e-9);
    assertEquals(400, advantage.max(), 1e-9);
    assertEquals(1.0, r.payloadMatch().median(), 1e-12);
    // Same payload (50): the per-payload ratio is the ratio of reductions, 0.4/0.2 and 0.2/0.1.
    Spread perPayload = r.perPayloadAdvantage();
    assertEquals(2, perPayload.min(), 1e-12);
    assertEquals(2, perPayload.max(), 1e-12);
    assertEquals(32, r.sites());
  }

  /** A seed whose baseline window loss is 1 and whose sparse and dense runs released 50 each. */
  private static SeedResult seed(
      long s, double sparseReduction, long sparseDockings, double denseReduction, long denseDock) {
    double[] none = {1, 1};
    AgentsOutcome n =
        AgentsOutcome.of(
            AgentsCondition.NONE, s, none, 2, 0, 0, 0, Double.NaN, Double.NaN, Double.NaN, 1);
    double ls = 1 - sparseReduction;
    double ld = 1 - denseReduction;
    AgentsOutcome sp =
        AgentsOutcome.of(
            AgentsCondition.SPARSE,
            s,
            new double[] {ls, ls},
            2,
            sparseDockings,
            100,
            50,
            1,
            1,
            0.5,
            1);
    AgentsOutcome de =
        AgentsOutcome.of(
            AgentsCondition.DENSE,
            s,
            new double[] {ld, ld},
            2,
            denseDock,
            denseDock,
            50,
            0.03,
            0.1,
            0.03,
            1);
    return new SeedResult(s, 50.0 / denseDock, n, sp, de);
  }
}
