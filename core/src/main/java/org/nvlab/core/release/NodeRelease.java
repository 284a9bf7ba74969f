package org.nvlab.core.release;

import org.nvlab.core.host.Host;

/**
 * A release operator that acts on the aggregate of the releases at one node in one tick. The four
 * built-in kinds (activation, parameter, learning rule, memory) are of this shape, and so are
 * operators that plugins contribute through {@link ReleaseOperatorProvider}.
 *
 * <p>Within a tick, all releases at node i are summed (exactly: the engine accumulates payloads in
 * fixed point) before the operator sees them; an operator is linear in the payload sum, or for the
 * low-rank parameter update, in the sum of outer products. {@link #apply} runs concurrently for
 * different nodes: it may write only state that belongs to node i (its modulation buffers, gate,
 * memory, and its incoming or outgoing weights). An operator belongs to a compiled model, which
 * every run of the model shares, on any thread: it keeps nothing of a run (work space goes in the
 * {@code scratch} it is given).
 */
public non-sealed interface NodeRelease extends ReleaseOperator {

  /** True when {@link #apply} reads {@code second}, the sum of c c^T over the releases. */
  default boolean needsSecondMoment() {
    return false;
  }

  /** True when applying changes host weights (kernels reading weights must rebuild). */
  default boolean changesWeights() {
    return false;
  }

  /**
   * Applies one tick's releases at a node.
   *
   * @param host the host network
   * @param node the node i
   * @param count number of releases at i this tick (at least 1)
   * @param sum the payload sum, length d
   * @param second the sum of outer products, d x d row-major, or null unless requested
   * @param scratch per-thread work space of at least 4 * d doubles (do not allocate per call)
   * @return null, or what went wrong at this node (a release map gave a value that is not a number;
   *     that effect was not applied): the engine stops the run with the lowest node's message
   */
  String apply(Host host, int node, int count, double[] sum, double[] second, double[] scratch);
}
