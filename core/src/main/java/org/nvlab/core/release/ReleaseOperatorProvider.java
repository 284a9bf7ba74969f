package org.nvlab.core.release;

import java.util.Map;

/**
 * The service interface through which plugins add release operator kinds, found with {@link
 * java.util.ServiceLoader}. A project names the kind in a release entry; the provider builds the
 * operator from that entry's parameters.
 */
public interface ReleaseOperatorProvider {
  /** The kind name this provider answers to (must not clash with the built-in kinds). */
  String kind();

  /**
   * Builds the operator.
   *
   * @param payloadDim d of the releasing type
   * @param nodeCount n of the host
   * @param params the release entry's parameters as parsed JSON values (numbers, strings, lists,
   *     maps)
   * @throws IllegalArgumentException with a message naming the bad parameter
   */
  NodeRelease create(int payloadDim, int nodeCount, Map<String, Object> params);
}
