package org.nvlab.core.release;

import org.nvlab.core.host.Host;
import org.nvlab.core.vocabulary.ReleaseKind;

/**
 * LEARNING RULE: g_i += s_i * l . C (or s_i * l(C) for a readout given as an expression). The gate
 * scales the node's learning rate to eta_0 * (1 + g_i) in the rate host and is the third factor of
 * the STDP rule in the LIF host.
 *
 * @param d payload dimension
 * @param l readout, d floats
 * @param nodeScale s, n floats or null for 1
 */
public record LearningRuleRelease(int d, float[] l, float[] nodeScale, ReleaseMap lMap)
    implements NodeRelease {

  /** A linear readout. */
  public LearningRuleRelease(int d, float[] l, float[] nodeScale) {
    this(d, l, nodeScale, null);
  }

  @Override
  public String kind() {
    return ReleaseKind.LEARNING.id();
  }

  @Override
  public String apply(
      Host host, int node, int count, double[] sum, double[] second, double[] scratch) {
    double acc = 0;
    if (lMap != null) {
      acc = lMap.value(host, node, count, sum, d);
      if (Double.isNaN(acc)) {
        return lMap.failure(host, node, count, sum, d);
      }
    } else {
      for (int k = 0; k < d; k++) {
        acc += l[k] * sum[k];
      }
    }
    double s = nodeScale == null ? 1.0 : nodeScale[node];
    host.pendingGate()[node] += (float) (s * acc);
    return null;
  }
}
