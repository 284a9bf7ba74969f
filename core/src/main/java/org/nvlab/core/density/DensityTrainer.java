package org.nvlab.core.density;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Trains vesicle parameters by gradient descent through the density relaxation: each step runs the
 * model over the horizon from its initial state, takes the adjoint gradient of the loss, and moves
 * the chosen parameter groups by Adam (Kingma and Ba). The loss of every step is recorded.
 */
public final class DensityTrainer {
  private DensityTrainer() {}

  /**
   * @param losses the loss before each step (losses[0]: the initial parameters)
   * @param finalLoss the loss after the last step
   * @param values the learned values of every block, in {@link DensityModel#blocks()} order
   * @param names the block names
   */
  public record Result(
      double[] losses, double finalLoss, List<double[]> values, List<String> names) {}

  /**
   * @param fresh builds a model in its initial state (called once per step)
   * @param lossFor the loss for a model
   * @param ticks the horizon
   * @param steps gradient steps
   * @param rate Adam's step size
   * @param groups which parameter groups learn ("kernel", "emission", "docking", "release")
   */
  public static Result train(
      Supplier<DensityModel> fresh,
      Function<DensityModel, DensityLoss> lossFor,
      int ticks,
      int steps,
      double rate,
      Set<String> groups) {
    DensityModel first = fresh.get();
    List<double[]> values = new ArrayList<>();
    List<String> names = new ArrayList<>();
    List<Boolean> learns = new ArrayList<>();
    for (Block b : first.blocks()) {
      values.add(b.values().clone());
      names.add(b.name());
      learns.add(groups.contains(b.group()));
    }
    List<double[]> mom1 = new ArrayList<>();
    List<double[]> mom2 = new ArrayList<>();
    for (double[] v : values) {
      mom1.add(new double[v.length]);
      mom2.add(new double[v.length]);
    }
    double beta1 = 0.9;
    double beta2 = 0.999;
    double eps = 1e-8;
    double[] losses = new double[steps];
    for (int s = 0; s < steps; s++) {
      DensityModel m = fresh.get();
      load(m, values);
      losses[s] = DensityGradient.compute(m, lossFor.apply(m), ticks);
      if (!Double.isFinite(losses[s])) {
        throw new IllegalStateException("the loss became " + losses[s] + " at step " + s);
      }
      List<Block> blocks = m.blocks();
      double c1 = 1 - Math.pow(beta1, s + 1);
      double c2 = 1 - Math.pow(beta2, s + 1);
      for (int b = 0; b < blocks.size(); b++) {
        if (!learns.get(b)) {
          continue;
        }
        double[] v = values.get(b);
        double[] g = blocks.get(b).grad();
        double[] m1 = mom1.get(b);
        double[] m2 = mom2.get(b);
        for (int i = 0; i < v.length; i++) {
          m1[i] = beta1 * m1[i] + (1 - beta1) * g[i];
          m2[i] = beta2 * m2[i] + (1 - beta2) * g[i] * g[i];
          v[i] -= rate * (m1[i] / c1) / (Math.sqrt(m2[i] / c2) + eps);
        }
        if (names.get(b).endsWith("emission.lambdaMax")) {
          v[0] = Math.max(0, v[0]); // a rate cannot go negative
        }
      }
    }
    DensityModel last = fresh.get();
    load(last, values);
    double finalLoss = lossOf(last, lossFor.apply(last), ticks);
    return new Result(losses, finalLoss, values, names);
  }

  /** Copies values into a model's blocks. */
  public static void load(DensityModel m, List<double[]> values) {
    List<Block> blocks = m.blocks();
    for (int b = 0; b < blocks.size(); b++) {
      System.arraycopy(values.get(b), 0, blocks.get(b).values(), 0, values.get(b).length);
    }
  }

  /** The loss of a forward run (no gradient). */
  public static double lossOf(DensityModel m, DensityLoss loss, int ticks) {
    double total = 0;
    for (int t = 0; t < ticks; t++) {
      m.step();
      total +=
          loss.evaluate(t, m, new double[m.typeCount()][m.nodeCount()], new double[m.nodeCount()]);
    }
    return total;
  }
}
