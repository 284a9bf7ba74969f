package org.nvlab.core.vesicle;

import org.nvlab.core.rule.RuleExpression;
import org.nvlab.core.vocabulary.KernelFeature;

/**
 * The migration kernel (SPEC section 4): a vesicle at i moves to j in N(i) + {i} with probability
 * softmax_j(z(i, j) / T), z(i, j) = theta . phi(i, j) + edgeBias(i, j) + contentScale * c . k_j /
 * sqrt(d), phi = (1 [not for staying], w_ij, a_j, |e_j|, direction, g_j).
 *
 * @param temperature T (0: deterministic argmax; infinity: uniform)
 * @param neighbourhood which edges a vesicle may travel
 * @param hops h, moves per tick
 * @param theta the 6 feature weights, in the order of {@link KernelFeature}
 * @param edgeBias learned per-entry bias, indexed like the neighbourhood (may be null)
 * @param contentScale weight of the content term (0: no content dependence)
 * @param keys node keys k_j, d per node (null: read the host memory trace instead)
 * @param score a user expression for z(i, j) replacing theta . phi (edgeBias and the content term
 *     are still added), or null
 */
public record KernelRule(
    double temperature,
    Neighbourhood neighbourhood,
    int hops,
    float[] theta,
    float[] edgeBias,
    double contentScale,
    float[] keys,
    RuleExpression score) {

  public enum Neighbourhood {
    /** Along out-edges only (and staying). */
    OUT,
    /** Against the edges only (and staying). */
    IN,
    /** Both ways (and staying). */
    BOTH
  }

  // Indices into theta (KernelFeature's order), as constants for the hot loops' switches.
  public static final int BIAS = KernelFeature.BIAS.ordinal();
  public static final int WEIGHT = KernelFeature.WEIGHT.ordinal();
  public static final int ACTIVATION = KernelFeature.ACTIVATION.ordinal();
  public static final int ABS_ERROR = KernelFeature.ABS_ERROR.ordinal();
  public static final int DIRECTION = KernelFeature.DIRECTION.ordinal();
  public static final int GATE = KernelFeature.GATE.ordinal();

  /** True when z(i, j) reads node state that changes every tick (so tables rebuild per tick). */
  public boolean readsNodeState() {
    if (score != null) {
      return score.readsChangingState();
    }
    return theta[ACTIVATION] != 0 || theta[ABS_ERROR] != 0 || theta[GATE] != 0;
  }

  public boolean readsWeights() {
    return score != null ? score.readsWeights() : theta[WEIGHT] != 0;
  }

  /** True when a move's score depends on the vesicle (a score expression over c or s). */
  public boolean perVesicleScore() {
    return score != null && score.readsVesicle();
  }
}
