package org.nvlab.core.process;

import org.nvlab.core.host.Host;
import org.nvlab.core.rule.RuleExpression;
import org.nvlab.core.vesicle.DockingRule;

/**
 * Docking (SPEC section 5): p_dock = sigmoid(bias + eta . (a_i, |e_i|, g_i) + zeta * c . r_i + xi .
 * s).
 *
 * <p>The node part of the logit is computed once per tick (or once per run when it reads no node
 * state). When the rule has no content or state term, the probability is turned into an integer
 * limit per node, and the vesicle step docks when the top 31 bits of its draw are at most that
 * limit: one compare, no floating point, in the hot loop.
 */
public final class Docking {
  private Docking() {}

  /** The node part of the logit at node i (minus infinity where the node is not a site). */
  public static double nodeLogit(DockingRule rule, Host host, int i) {
    if (rule.logit() != null) {
      throw new IllegalStateException("a logit expression needs its values and globals");
    }
    return nodeLogit(rule, host, i, null);
  }

  /**
   * The node part of the docking logit at i: minus infinity off the docking sites; for a logit
   * expression over nodes only its value ({@code values} holding the globals already), for one over
   * the vesicle 0 (the vesicle step evaluates it); else bias + eta . (a_i, |e_i|, g_i).
   */
  public static double nodeLogit(DockingRule rule, Host host, int i, double[] values) {
    if (rule.sites() != null && !rule.sites()[i]) {
      return Double.NEGATIVE_INFINITY;
    }
    RuleExpression x = rule.logit();
    if (x != null) {
      if (x.readsVesicle()) {
        return 0;
      }
      x.bindNode(
          values,
          i,
          host.activation(),
          host.error(),
          host.gate(),
          host.spike(),
          host.memory(),
          host.memoryDim());
      return x.evaluate(values);
    }
    float[] eta = rule.eta();
    return rule.bias()
        + eta[0] * host.activation()[i]
        + eta[1] * Math.abs(host.error()[i])
        + eta[2] * host.gate()[i];
  }

  public static double sigmoid(double x) {
    return 1.0 / (1.0 + Math.exp(-x));
  }

  /**
   * The integer limit for probability p: a 31-bit draw u docks when u <= limit, so limit = round(p
   * * 2^31) - 1 gives P(dock) = p to within 2^-31 (limit -1 never docks, 2^31 - 1 always).
   */
  public static int limit(double p) {
    if (!(p > 0)) {
      return -1;
    }
    if (p >= 1) {
      return Integer.MAX_VALUE;
    }
    return (int) Math.round(p * 0x1.0p31) - 1;
  }

  /** Whether a 64-bit draw docks under a limit (uses the top 31 bits). */
  public static boolean docks(long draw, int limit) {
    return (draw >>> 33) <= limit;
  }
}
