package org.nvlab.core.release;

import org.nvlab.core.host.Host;
import org.nvlab.core.vocabulary.ReleaseKind;

/**
 * ACTIVATION (FiLM-like): gamma_i += s_i * G_i . C, beta_i += s_i * B_i . C, and in the LIF host
 * also threshold_i += s_i * H_i . C, where C is the payload released at i this tick, G_i the node's
 * gain readout (a row of a per-node matrix, or one vector shared by all nodes), and s_i a per-node
 * scale (1 by default; 1 / (N K(e, i)) normalises by expected arrivals in the FiLM limit).
 *
 * @param d payload dimension
 * @param gain G: d floats shared, or n * d per node, or null
 * @param bias B: likewise
 * @param threshold H: likewise (LIF threshold shift)
 * @param nodeScale s: n floats, or null for 1
 */
public record ActivationRelease(
    int d,
    float[] gain,
    float[] bias,
    float[] threshold,
    float[] nodeScale,
    ReleaseMap gainMap,
    ReleaseMap biasMap,
    ReleaseMap thresholdMap)
    implements NodeRelease {

  /** Linear readouts only. */
  public ActivationRelease(
      int d, float[] gain, float[] bias, float[] threshold, float[] nodeScale) {
    this(d, gain, bias, threshold, nodeScale, null, null, null);
  }

  @Override
  public String kind() {
    return ReleaseKind.ACTIVATION.id();
  }

  @Override
  public String apply(
      Host host, int node, int count, double[] sum, double[] second, double[] scratch) {
    double s = nodeScale == null ? 1.0 : nodeScale[node];
    if (gain != null) {
      host.pendingGamma()[node] += (float) (s * readout(gain, node, sum));
    }
    if (bias != null) {
      host.pendingBeta()[node] += (float) (s * readout(bias, node, sum));
    }
    if (threshold != null) {
      host.pendingThreshold()[node] += (float) (s * readout(threshold, node, sum));
    }
    String failure = null;
    if (gainMap != null) {
      failure = add(host.pendingGamma(), gainMap, s, host, node, count, sum);
    }
    if (biasMap != null) {
      String f = add(host.pendingBeta(), biasMap, s, host, node, count, sum);
      failure = failure != null ? failure : f;
    }
    if (thresholdMap != null) {
      String f = add(host.pendingThreshold(), thresholdMap, s, host, node, count, sum);
      failure = failure != null ? failure : f;
    }
    return failure;
  }

  /** Adds a map's value to a node's buffer; its failure message when the value is not a number. */
  private String add(
      float[] buffer, ReleaseMap map, double s, Host host, int node, int count, double[] sum) {
    double value = map.value(host, node, count, sum, d);
    if (Double.isNaN(value)) {
      return map.failure(host, node, count, sum, d);
    }
    buffer[node] += (float) (s * value);
    return null;
  }

  private double readout(float[] r, int node, double[] c) {
    int off = r.length == d ? 0 : node * d;
    double acc = 0;
    for (int k = 0; k < d; k++) {
      acc += r[off + k] * c[k];
    }
    return acc;
  }
}
