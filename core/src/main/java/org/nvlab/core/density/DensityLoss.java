package org.nvlab.core.density;

/**
 * A scalar loss summed over the ticks of an unrolled horizon. After each forward tick the model
 * asks the loss for that tick's value and its partial derivatives with respect to the expected
 * counts of every type at every node and to the host's activations.
 */
public interface DensityLoss {
  /**
   * This tick's loss.
   *
   * @param tick the tick just computed
   * @param model the model after it (read its rho and activations)
   * @param rhoBar out: dLoss/drho[type][node] at this tick (zeroed before the call)
   * @param aBar out: dLoss/da[node] at this tick (zeroed before the call)
   */
  double evaluate(int tick, DensityModel model, double[][] rhoBar, double[] aBar);

  /**
   * The share of vesicles of one type outside a target node set, summed over the ticks from {@code
   * from} on: minimising it routes the vesicles to the targets. L = sum_t sum_{i not in T} rho_i /
   * sum_i rho_i.
   */
  static DensityLoss offTarget(int type, boolean[] targets, int from) {
    return (tick, model, rhoBar, aBar) -> {
      if (tick < from) {
        return 0;
      }
      int n = model.nodeCount();
      double total = 0;
      double off = 0;
      for (int i = 0; i < n; i++) {
        double r = model.rho(type, i);
        total += r;
        if (!targets[i]) {
          off += r;
        }
      }
      if (total <= 0) {
        return 0;
      }
      for (int i = 0; i < n; i++) {
        // d(off/total)/drho_i = ([i off] - off/total) / total
        rhoBar[type][i] += ((targets[i] ? 0 : 1) - off / total) / total;
      }
      return off / total;
    };
  }

  /**
   * The squared error of chosen host activations against targets, summed over ticks from {@code
   * from} on: L = sum_t sum_o (a_o - y_o)^2.
   */
  static DensityLoss hostTargets(int[] nodes, double[] targets, int from) {
    return (tick, model, rhoBar, aBar) -> {
      if (tick < from) {
        return 0;
      }
      double l = 0;
      double[] a = model.activation();
      for (int k = 0; k < nodes.length; k++) {
        double e = a[nodes[k]] - targets[k];
        l += e * e;
        aBar[nodes[k]] += 2 * e;
      }
      return l;
    };
  }
}
