package org.nvlab.core.vesicle;

import java.util.List;
import org.nvlab.core.release.ReleaseOperator;

/**
 * A vesicle type kappa, compiled: everything SPEC section 1 bundles into a type, with all arrays
 * resolved to node indices and sizes (see {@code core.ModelCompiler}). Immutable once built; an
 * edit builds a new type.
 *
 * @param index position in the population (also keys its random streams)
 * @param name the user's name
 * @param payloadDim d
 * @param stateDim p
 * @param emission emission rule (SPEC section 3)
 * @param lifetime lifetime law and hazard (SPEC section 7)
 * @param kernel migration kernel (SPEC section 4)
 * @param docking docking rule (SPEC section 5)
 * @param stateRule internal-state update (null when p = 0)
 * @param releases release operators (SPEC section 6), applied in list order
 * @param absorbing absorbing node flags (null: none)
 * @param cap population cap (Integer.MAX_VALUE: none)
 */
public record VesicleType(
    int index,
    String name,
    int payloadDim,
    int stateDim,
    EmissionRule emission,
    LifetimeLaw lifetime,
    KernelRule kernel,
    DockingRule docking,
    StateRule stateRule,
    List<ReleaseOperator> releases,
    boolean[] absorbing,
    int cap) {

  /** True when the per-vesicle step must read the payload or state (the slower path). */
  public boolean readsPayloadEachTick() {
    return kernel.contentScale() != 0
        || docking.contentWeight() != 0
        || stateDim > 0
        || kernel.perVesicleScore()
        || docking.perVesicleLogit();
  }

  public boolean hasAbsorbing() {
    if (absorbing == null) {
      return false;
    }
    for (boolean b : absorbing) {
      if (b) {
        return true;
      }
    }
    return false;
  }
}
