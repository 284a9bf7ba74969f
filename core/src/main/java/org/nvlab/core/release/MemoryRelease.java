package org.nvlab.core.release;

import org.nvlab.core.host.Host;
import org.nvlab.core.vocabulary.ReleaseKind;

/**
 * MEMORY: M_i <- (1 - omega) M_i + omega * Q c per release. For k releases in one tick the engine
 * applies the law for k equal writes of the mean payload: M_i <- (1 - w) M_i + w * Q (C / k) with w
 * = 1 - (1 - omega)^k. That is exact when the payloads are equal and does not depend on the order
 * of docking (lab choice, docs/model.md).
 *
 * @param d payload dimension
 * @param m memory dimension
 * @param omega write strength in [0, 1]
 * @param q Q, m rows of d, row-major
 */
public record MemoryRelease(int d, int m, double omega, float[] q) implements NodeRelease {

  @Override
  public String kind() {
    return ReleaseKind.MEMORY.id();
  }

  @Override
  public String apply(
      Host host, int node, int count, double[] sum, double[] second, double[] scratch) {
    double w = 1.0 - Math.pow(1.0 - omega, count);
    float[] mem = host.memory();
    int off = node * m;
    for (int r = 0; r < m; r++) {
      double acc = 0;
      for (int k = 0; k < d; k++) {
        acc += q[r * d + k] * sum[k];
      }
      mem[off + r] = (float) ((1 - w) * mem[off + r] + w * acc / count);
    }
    return null;
  }
}
