package org.nvlab.core.release;

import org.nvlab.core.graph.Graph;
import org.nvlab.core.host.Host;
import org.nvlab.core.vocabulary.ReleaseKind;

/**
 * PARAMETER: releases at node i change the weights of i's incoming (or outgoing) edges.
 *
 * <ul>
 *   <li>MULTIPLICATIVE: w <- w * (1 + eta * h . C), C the payload released at i this tick.
 *   <li>LOW_RANK (hypernetwork-like): Delta w_ij = s_i * sum over releases of (U c)_i (V c)_j = s_i
 *       * u_i^T S v_j, with S the sum of c c^T, u_i and v_j rows of the per-node readouts U and V,
 *       for the edges j -> i (incoming) or i -> j (outgoing, with the roles of i and j exchanged).
 * </ul>
 *
 * @param d payload dimension
 * @param mode which update
 * @param incoming true: edges into i; false: edges out of i
 * @param eta multiplicative rate
 * @param h multiplicative readout, d floats (null when given as an expression, {@code hMap})
 * @param u low-rank readout U, n * d
 * @param v low-rank readout V, n * d
 * @param nodeScale s, n floats or null for 1
 */
public record ParameterRelease(
    int d,
    Mode mode,
    boolean incoming,
    double eta,
    float[] h,
    float[] u,
    float[] v,
    float[] nodeScale,
    ReleaseMap hMap)
    implements NodeRelease {

  /** Linear readouts. */
  public ParameterRelease(
      int d,
      Mode mode,
      boolean incoming,
      double eta,
      float[] h,
      float[] u,
      float[] v,
      float[] nodeScale) {
    this(d, mode, incoming, eta, h, u, v, nodeScale, null);
  }

  public enum Mode {
    MULTIPLICATIVE,
    LOW_RANK
  }

  @Override
  public String kind() {
    return ReleaseKind.PARAMETER.id();
  }

  @Override
  public boolean needsSecondMoment() {
    return mode == Mode.LOW_RANK;
  }

  @Override
  public boolean changesWeights() {
    return true;
  }

  @Override
  public String apply(
      Host host, int node, int count, double[] sum, double[] second, double[] scratch) {
    Graph g = host.graph();
    float[] w = host.weight();
    double s = nodeScale == null ? 1.0 : nodeScale[node];
    if (mode == Mode.MULTIPLICATIVE) {
      double hc = 0;
      if (hMap != null) {
        hc = hMap.value(host, node, count, sum, d);
        if (Double.isNaN(hc)) {
          return hMap.failure(host, node, count, sum, d);
        }
      } else {
        for (int k = 0; k < d; k++) {
          hc += h[k] * sum[k];
        }
      }
      float factor = (float) (1.0 + s * eta * hc);
      if (incoming) {
        for (int e = g.inStart()[node]; e < g.inStart()[node + 1]; e++) {
          w[e] *= factor;
        }
      } else {
        int[] outEdge = g.outEdge();
        for (int q = g.outStart()[node]; q < g.outStart()[node + 1]; q++) {
          w[outEdge[q]] *= factor;
        }
      }
      return null;
    }
    // Low rank: a_k = (S u_i)_k, then Delta w_ij = s * a . v_j for each edge.
    double[] a = scratch;
    int ui = node * d;
    for (int r = 0; r < d; r++) {
      double acc = 0;
      for (int c = 0; c < d; c++) {
        acc += second[r * d + c] * u[ui + c];
      }
      a[r] = acc;
    }
    if (incoming) {
      int[] inSource = g.inSource();
      for (int e = g.inStart()[node]; e < g.inStart()[node + 1]; e++) {
        w[e] += (float) (s * dot(a, v, inSource[e] * d));
      }
    } else {
      int[] outTarget = g.outTarget();
      int[] outEdge = g.outEdge();
      for (int q = g.outStart()[node]; q < g.outStart()[node + 1]; q++) {
        w[outEdge[q]] += (float) (s * dot(a, v, outTarget[q] * d));
      }
    }
    return null;
  }

  private double dot(double[] a, float[] m, int off) {
    double acc = 0;
    for (int k = 0; k < d; k++) {
      acc += a[k] * m[off + k];
    }
    return acc;
  }
}
