package org.nvlab.core.limits;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.ToDoubleFunction;
import org.nvlab.core.limits.SparseAgents.SeedResult;

/**
 * The sparse-agents comparison over seeds: every seed's outcomes and, per condition, the median and
 * range over seeds of each measured quantity.
 *
 * @param design the design run
 * @param seeds the seeds, in the order run
 * @param threads engine threads per run (the results do not depend on it)
 * @param results one entry per seed
 */
public record AgentsReport(
    AgentsDesign design, long[] seeds, int threads, List<SeedResult> results) {

  /** The quantities summarised per condition, by the names the JSON report uses. */
  public static final Map<String, ToDoubleFunction<AgentsOutcome>> QUANTITIES = quantities();

  private static Map<String, ToDoubleFunction<AgentsOutcome>> quantities() {
    Map<String, ToDoubleFunction<AgentsOutcome>> q = new LinkedHashMap<>();
    q.put("final_loss", AgentsOutcome::finalLoss);
    q.put("window_loss", AgentsOutcome::windowLoss);
    q.put("loss_reduction", AgentsOutcome::reduction);
    q.put("relative_loss_reduction", AgentsOutcome::relativeReduction);
    q.put("dockings", o -> o.dockings());
    q.put("releases", o -> o.releases());
    q.put("released_payload", AgentsOutcome::releasedPayload);
    q.put("reduction_per_docking", AgentsOutcome::reductionPerDocking);
    q.put("reduction_per_payload", AgentsOutcome::reductionPerPayload);
    q.put("docking_share_top_site", AgentsOutcome::dockingTopShare);
    q.put("docking_share_top3_sites", AgentsOutcome::dockingTop3Share);
    q.put("payload_share_top_site", AgentsOutcome::payloadTopShare);
    return q;
  }

  /** One quantity of one condition over the seeds. */
  public Spread spread(AgentsCondition c, ToDoubleFunction<AgentsOutcome> quantity) {
    double[] v = new double[results.size()];
    for (int s = 0; s < v.length; s++) {
      v[s] = quantity.applyAsDouble(results.get(s).outcome(c));
    }
    return Spread.of(v);
  }

  /** The docking sites (hidden and output nodes): the chance share of one site is 1 / sites. */
  public int sites() {
    return design.nodeCount() - design.firstSite();
  }

  /**
   * The median over seeds of (sparse reduction per docking) / (dense reduction per docking): how
   * much more each intervention of an agent achieves. NaN when a seed lacks either.
   */
  public Spread perDockingAdvantage() {
    return ratio(AgentsOutcome::reductionPerDocking);
  }

  /**
   * The same per unit of released payload: with matched payloads, (sparse reduction) / (dense
   * reduction), how much more the same gate increments achieve where the agents put them.
   */
  public Spread perPayloadAdvantage() {
    return ratio(AgentsOutcome::reductionPerPayload);
  }

  private Spread ratio(ToDoubleFunction<AgentsOutcome> q) {
    double[] v = new double[results.size()];
    for (int s = 0; s < v.length; s++) {
      SeedResult r = results.get(s);
      v[s] = q.applyAsDouble(r.sparse()) / q.applyAsDouble(r.dense());
    }
    return Spread.of(v);
  }

  /** The dense vesicles' payload that matched the agents' total, over seeds. */
  public Spread densePayload() {
    double[] v = new double[results.size()];
    for (int s = 0; s < v.length; s++) {
      v[s] = results.get(s).densePayload();
    }
    return Spread.of(v);
  }

  /** Per seed, the ratio of the payload the dense vesicles released to the sparse agents'. */
  public Spread payloadMatch() {
    double[] v = new double[results.size()];
    for (int s = 0; s < v.length; s++) {
      SeedResult r = results.get(s);
      v[s] = r.dense().releasedPayload() / r.sparse().releasedPayload();
    }
    return Spread.of(v);
  }

  /** The whole report as nested maps and lists, for JSON. */
  public Map<String, Object> toMap() {
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("experiment", "sparse-agents");
    out.put("design", design);
    List<Long> seedList = new ArrayList<>();
    for (long s : seeds) {
      seedList.add(s);
    }
    out.put("seeds", seedList);
    out.put("threads", threads);
    out.put("docking_sites", sites());
    out.put("chance_share_top_site", 1.0 / sites());
    out.put("chance_share_top3_sites", 3.0 / sites());
    Map<String, Object> conditions = new LinkedHashMap<>();
    for (AgentsCondition c : AgentsCondition.values()) {
      Map<String, Object> q = new LinkedHashMap<>();
      for (Map.Entry<String, ToDoubleFunction<AgentsOutcome>> e : QUANTITIES.entrySet()) {
        q.put(e.getKey(), spread(c, e.getValue()));
      }
      conditions.put(c.label(), q);
    }
    out.put("conditions", conditions);
    out.put("dense_payload", densePayload());
    out.put("per_docking_advantage_sparse_over_dense", perDockingAdvantage());
    out.put("per_payload_advantage_sparse_over_dense", perPayloadAdvantage());
    out.put("payload_ratio_dense_over_sparse", payloadMatch());
    List<Object> perSeed = new ArrayList<>();
    for (SeedResult r : results) {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("seed", r.seed());
      m.put("dense_payload", r.densePayload());
      for (AgentsCondition c : AgentsCondition.values()) {
        Map<String, Object> q = new LinkedHashMap<>();
        for (Map.Entry<String, ToDoubleFunction<AgentsOutcome>> e : QUANTITIES.entrySet()) {
          q.put(e.getKey(), e.getValue().applyAsDouble(r.outcome(c)));
        }
        m.put(c.label(), q);
      }
      perSeed.add(m);
    }
    out.put("per_seed", perSeed);
    return out;
  }
}
