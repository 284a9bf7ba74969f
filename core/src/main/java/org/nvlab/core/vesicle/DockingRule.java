package org.nvlab.core.vesicle;

import org.nvlab.core.rule.RuleExpression;

/**
 * Docking (SPEC section 5): p_dock(v, i) = sigmoid(bias + eta . (a_i, |e_i|, g_i) + zeta * c . r_i
 * + xi . s). A docked vesicle releases once and is consumed (quantal, {@code dwellTicks} = 1) or
 * stays docked and releases each tick for {@code dwellTicks} ticks.
 *
 * @param bias logit offset
 * @param eta weights of (activation, |error|, gate) at the node
 * @param contentWeight zeta, weight of the receptor affinity c . r_i
 * @param receptors r_i, d per node (null: the host memory trace is the receptor)
 * @param stateWeights xi, weights of the vesicle's internal state (length p, may be null)
 * @param dwellTicks releases per docking (1 = quantal)
 * @param sites the nodes where docking can happen at all (receptors present; null: every node)
 * @param logit a user expression for the whole logit (replacing bias, eta, zeta and xi), or null
 */
public record DockingRule(
    double bias,
    float[] eta,
    double contentWeight,
    float[] receptors,
    float[] stateWeights,
    int dwellTicks,
    boolean[] sites,
    RuleExpression logit) {

  public boolean readsNodeState() {
    if (logit != null) {
      return logit.readsChangingState();
    }
    return eta[0] != 0 || eta[1] != 0 || eta[2] != 0;
  }

  /** True when the logit depends on the vesicle (content, state, or an expression over them). */
  public boolean perVesicleLogit() {
    return logit != null && logit.readsVesicle();
  }
}
