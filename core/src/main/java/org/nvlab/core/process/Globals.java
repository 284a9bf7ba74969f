package org.nvlab.core.process;

/**
 * The global meta-signals of SPEC section 3 for the current tick: reward, task id and the
 * conditioning vector z. Set by the simulation at the start of each tick.
 */
public final class Globals {
  double reward;
  double task;
  final double[] z;

  public Globals(int zDim) {
    this.z = new double[zDim];
  }

  public double reward() {
    return reward;
  }

  public double task() {
    return task;
  }

  /** The conditioning vector (live array: do not keep). */
  public double[] z() {
    return z;
  }

  public int zDim() {
    return z.length;
  }

  public void set(double reward, double task) {
    this.reward = reward;
    this.task = task;
  }
}
