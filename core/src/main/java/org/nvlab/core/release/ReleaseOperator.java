package org.nvlab.core.release;

/**
 * A release operator (SPEC section 6): what a docked vesicle's payload does to the host.
 *
 * <p>There are two shapes. A {@link NodeRelease} acts on the aggregate of one tick's releases at a
 * node (count, payload sum, optionally the sum of outer products), which makes the result
 * independent of the order in which vesicles docked, and lets the engine apply nodes in parallel. A
 * {@link Cascade} acts per vesicle, because each parent emits children with its own payload.
 */
public sealed interface ReleaseOperator permits NodeRelease, Cascade {
  /** The kind's name in project files, e.g. "activation". */
  String kind();
}
