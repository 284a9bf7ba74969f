package org.nvlab.core.vesicle;

import org.nvlab.core.rule.RuleExpression;

/**
 * Emission (SPEC section 3). Node i emits with expected count lambda_i = lambdaMax * sigmoid(alpha
 * . x_i + bias) per tick, as a Poisson or Bernoulli count; REPLACE keeps the type's population at
 * {@code target} by emitting exactly the deficit each tick at emitters chosen uniformly (a
 * homeostatic law; the reference benchmark uses it). Payload c = phi(W x_i + u) + noise * N(0, 1)
 * per component.
 *
 * @param mode how counts are drawn
 * @param lambdaMax maximum expected births per node and tick
 * @param alpha weights over the signal vector x (length {@link Signals#length})
 * @param bias logit offset
 * @param emitters nodes allowed to emit (null: every node)
 * @param target REPLACE only: the population to maintain
 * @param payloadMatrix W, d rows of x-length, row-major
 * @param payloadOffset u (length d)
 * @param tanh phi = tanh (else identity)
 * @param noise standard deviation of the payload noise
 * @param rate a user expression for lambda_i (then clamped to [0, lambdaMax]; alpha and bias are
 *     unused), or null
 */
public record EmissionRule(
    Mode mode,
    double lambdaMax,
    float[] alpha,
    double bias,
    int[] emitters,
    int target,
    float[] payloadMatrix,
    float[] payloadOffset,
    boolean tanh,
    double noise,
    RuleExpression rate) {

  public enum Mode {
    /** Only cascades create vesicles of this type. */
    NONE,
    POISSON,
    BERNOULLI,
    REPLACE
  }

  /** True when lambda depends on nothing that changes during a run. */
  public boolean constantRate() {
    if (rate != null) {
      return !rate.readsChangingState();
    }
    for (float a : alpha) {
      if (a != 0f) {
        return false;
      }
    }
    return true;
  }
}
