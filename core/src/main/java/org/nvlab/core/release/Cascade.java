package org.nvlab.core.release;

import org.nvlab.core.vocabulary.ReleaseKind;

/**
 * CASCADE: a docked vesicle emits vesicles of another type at its node, each with payload c' =
 * phi(T c + u). The count is {@code count} exactly, or Poisson with that mean. Children are born in
 * the current tick and, like every newborn, wait at their node until the next tick. This is how
 * chains, amplification and the attention limit's value vesicles are built.
 *
 * @param childType index of the child type
 * @param childDim the child's payload dimension d'
 * @param count children per release (mean, when poisson)
 * @param poisson draw the count from a Poisson law
 * @param transform T, d' rows of d, row-major (null: copy the payload, which needs d' = d)
 * @param offset u, d' floats (may be null)
 * @param tanh phi = tanh (else identity)
 * @param fromMemory the child's payload is the docking node's memory trace M_i instead of a
 *     transform of the parent's payload (how the attention limit's value vesicles carry v_j)
 */
public record Cascade(
    int childType,
    int childDim,
    double count,
    boolean poisson,
    float[] transform,
    float[] offset,
    boolean tanh,
    boolean fromMemory)
    implements ReleaseOperator {

  @Override
  public String kind() {
    return ReleaseKind.CASCADE.id();
  }
}
