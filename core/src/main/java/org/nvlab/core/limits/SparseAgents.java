package org.nvlab.core.limits;

import java.util.ArrayList;
import java.util.List;
import org.nvlab.core.Model;
import org.nvlab.core.SeedRunner;
import org.nvlab.core.Simulation;
import org.nvlab.core.observe.MetricsObserver;
import org.nvlab.core.project.ProjectException;
import org.nvlab.core.project.ProjectSpec;
import org.nvlab.core.record.MetricsRecorder;
import org.nvlab.core.release.ReleaseOperator;
import org.nvlab.core.vesicle.VesicleType;
import org.nvlab.core.vocabulary.Metric;
import org.nvlab.core.vocabulary.SeriesName;

/**
 * The sparse-agents demonstration of SPEC section 10: a handful of long-lived vesicles that locate
 * the largest error and gate its learning, against dense vesicles that deliver the same total
 * payload by a plain random walk, and against no vesicles at all, on the same host, task and seeds.
 *
 * <p>Per seed s (which fixes both the network's initial weights and the run's dynamics):
 *
 * <ol>
 *   <li>the host without vesicles runs; its mean loss over the last window is the baseline;
 *   <li>the sparse agents run; their released payload P (the sum of {@code released_payload.agent},
 *       i.e. their total gate increment) is measured;
 *   <li>the dense vesicles run once with payload 1 to count their releases R, then again with
 *       payload P / R. Their kernel, docking and emission read no host state, so both runs make the
 *       same releases and the second delivers exactly P (up to float rounding of the payload); the
 *       measured totals of both conditions are reported side by side.
 * </ol>
 *
 * Each run reports the final and window loss, its reduction against the baseline, the dockings
 * (interventions) and releases, the released payload, the reduction per docking and per unit of
 * payload, and where the payload landed: the share released on the docking site with the largest
 * |e| of that tick (and on the three largest), against the chance level of a uniform choice.
 */
public final class SparseAgents {
  private SparseAgents() {}

  /**
   * The three runs of one seed.
   *
   * @param seed the seed
   * @param densePayload the dense vesicles' payload that matched the sparse agents' total
   * @param none the run without vesicles
   * @param sparse the sparse agents
   * @param dense the dense vesicles
   */
  public record SeedResult(
      long seed,
      double densePayload,
      AgentsOutcome none,
      AgentsOutcome sparse,
      AgentsOutcome dense) {

    public AgentsOutcome outcome(AgentsCondition c) {
      return switch (c) {
        case NONE -> none;
        case SPARSE -> sparse;
        case DENSE -> dense;
      };
    }
  }

  /** Runs the three conditions on every seed, with {@code threads} engine threads per run. */
  public static AgentsReport run(AgentsDesign design, long[] seeds, int threads) {
    List<SeedResult> results =
        SeedRunner.forSeeds(seeds, threads, seed -> runSeed(design, seed, 1));
    return new AgentsReport(design, seeds.clone(), threads, results);
  }

  /** The three conditions on one seed (see the class comment for the payload matching). */
  public static SeedResult runSeed(AgentsDesign design, long seed, int threads) {
    Measured none = measure(design, AgentsCondition.NONE, seed, 0, threads);
    double baseline = AgentsOutcome.windowMean(none.loss, design.window());
    Measured sparse = measure(design, AgentsCondition.SPARSE, seed, 0, threads);
    Measured unit = measure(design, AgentsCondition.DENSE, seed, 1.0, threads);
    if (unit.releases == 0) {
      throw new IllegalStateException("the dense vesicles never released on seed " + seed);
    }
    double payload = sparse.payload / unit.releases;
    Measured dense = measure(design, AgentsCondition.DENSE, seed, payload, threads);
    return new SeedResult(
        seed,
        payload,
        none.outcome(design, baseline),
        sparse.outcome(design, baseline),
        dense.outcome(design, baseline));
  }

  /** The compiled project of one condition; {@code seed} is its project seed (the network). */
  public static Model compile(
      AgentsDesign design, AgentsCondition condition, long seed, double densePayload) {
    return compile(design.projectSpec(condition, seed, densePayload), condition.label());
  }

  /** The one call that compiles a condition's project, named by its label. */
  static Model compile(ProjectSpec spec, String label) {
    try {
      return Model.compile(spec, label + ".json");
    } catch (ProjectException e) {
      throw new IllegalStateException("the " + label + " project is invalid: " + e, e);
    }
  }

  /** A simulation of one condition (for tests and viewers). */
  public static Simulation simulation(
      AgentsDesign design, AgentsCondition condition, long seed, double densePayload, int threads) {
    return compile(design, condition, seed, densePayload).instantiate(seed, threads);
  }

  /** What a run produced, before it is compared with the baseline. */
  private record Measured(
      AgentsCondition condition,
      long seed,
      double[] loss,
      long dockings,
      long releases,
      double payload,
      double dockingTopShare,
      double dockingTop3Share,
      double payloadTopShare) {

    AgentsOutcome outcome(AgentsDesign design, double baseline) {
      return AgentsOutcome.of(
          condition,
          seed,
          loss,
          design.window(),
          dockings,
          releases,
          payload,
          dockingTopShare,
          dockingTop3Share,
          payloadTopShare,
          baseline);
    }
  }

  private static Measured measure(
      AgentsDesign design, AgentsCondition condition, long seed, double densePayload, int threads) {
    Model p = compile(design, condition, seed, densePayload);
    int n = p.nodeCount();
    ReleaseProbe probe = null;
    if (p.typeCount() > 0) {
      // The probe rides along with the type's own operators and changes nothing; it keeps what it
      // sees, so this model (made for this run alone) is the only one that has it.
      probe = new ReleaseProbe(p.type(0).payloadDim(), n);
      p = withProbe(p, probe);
    }
    int ticks = design.ticks();
    double[] loss = new double[ticks];
    DockingSites sites = new DockingSites(design.firstSite(), n);
    try (Simulation sim = p.instantiate(seed, threads)) {
      MetricsRecorder m = sim.observe(new MetricsObserver()).recorder();
      m.reserve(ticks);
      for (int t = 0; t < ticks; t++) {
        sim.step();
        loss[t] = sim.loss();
        if (probe != null) {
          sites.observe(sim, probe);
          probe.clear();
        }
      }
      String type = p.typeCount() > 0 ? p.type(0).name() : null;
      long dockings = type == null ? 0 : m.total(SeriesName.of(Metric.DOCKINGS, type));
      long releases = type == null ? 0 : m.total(SeriesName.of(Metric.RELEASES, type));
      double payload = type == null ? 0 : m.sum(SeriesName.of(Metric.RELEASED_PAYLOAD, type));
      if (type != null && sites.dockings() != dockings) {
        throw new IllegalStateException(
            "observed " + sites.dockings() + " dockings, the engine counted " + dockings);
      }
      return new Measured(
          condition,
          seed,
          loss,
          dockings,
          releases,
          payload,
          sites.dockingTopShare(),
          sites.dockingTop3Share(),
          sites.payloadTopShare());
    }
  }

  private static Model withProbe(Model p, ReleaseProbe probe) {
    VesicleType[] types = p.types();
    VesicleType t = types[0];
    List<ReleaseOperator> ops = new ArrayList<>(t.releases());
    ops.add(probe);
    types[0] =
        new VesicleType(
            t.index(),
            t.name(),
            t.payloadDim(),
            t.stateDim(),
            t.emission(),
            t.lifetime(),
            t.kernel(),
            t.docking(),
            t.stateRule(),
            List.copyOf(ops),
            t.absorbing(),
            t.cap());
    return p.withTypes(types);
  }
}
