package org.nvlab.core.limits;

import java.util.Arrays;
import org.nvlab.core.host.Host;
import org.nvlab.core.release.NodeRelease;

/**
 * A release operator that changes nothing and remembers where a type released in the current tick:
 * per node, the number of releases and the payload mass (sum of the payload sums' components; the
 * mass itself when payloads are positive). Appended to a type's operators by {@link SparseAgents},
 * it lets the experiment ask whether releases land where the error is, with the error of the same
 * tick.
 *
 * <p>{@link #apply} runs concurrently for different nodes and writes only its node's entry; {@link
 * #clear} is called between ticks by the single owner. Unlike the lab's operators it keeps what it
 * saw, so each probe belongs to a model made for one run (see {@link SparseAgents}).
 */
final class ReleaseProbe implements NodeRelease {
  private final int d;
  private final int[] count;
  private final double[] mass;

  ReleaseProbe(int payloadDim, int nodes) {
    this.d = payloadDim;
    this.count = new int[nodes];
    this.mass = new double[nodes];
  }

  @Override
  public String kind() {
    return "probe";
  }

  @Override
  public String apply(
      Host host, int node, int count, double[] sum, double[] second, double[] scratch) {
    double m = 0;
    for (int k = 0; k < d; k++) {
      m += sum[k];
    }
    this.count[node] += count;
    mass[node] += m;
    return null;
  }

  /** The releases at each node since the last {@link #clear} (live array, read only). */
  int[] count() {
    return count;
  }

  /** The mass released at each node since the last {@link #clear} (live array, read only). */
  double[] mass() {
    return mass;
  }

  void clear() {
    Arrays.fill(count, 0);
    Arrays.fill(mass, 0);
  }
}
