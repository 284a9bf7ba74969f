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
  public void apply(
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
    if (gainMap != null) {
      add(host.pendingGamma(), node, s * gainMap.value(host, node, count, sum, d));
    }
    if (biasMap != null) {
      add(host.pendingBeta(), node, s * biasMap.value(host, node, count, sum, d));
    }
    if (thresholdMap != null) {
      add(host.pendingThreshold(), node, s * thresholdMap.value(host, node, count, sum, d));
    }
  }

  private static void add(float[] buffer, int node, double value) {
    if (!Double.isNaN(value)) {
      buffer[node] += (float) value;
    }
  }

  @Override
  public String takeFailure() {
    // Called every tick: no array of the maps, no allocation.
    String f = gainMap == null ? null : gainMap.takeFailure();
    String b = biasMap == null ? null : biasMap.takeFailure();
    String t = thresholdMap == null ? null : thresholdMap.takeFailure();
    return f != null ? f : b != null ? b : t;
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
