package org.nvlab.core.density;

/**
 * A named block of differentiable parameters and its gradient, e.g. "modulator.kernel.theta". The
 * density model reads {@code values}; the adjoint adds into {@code grad}.
 *
 * @param name type name, rule and parameter, dot-separated
 * @param group the group the block belongs to (kernel, emission, docking, release)
 * @param values the parameters (the model reads them live: edit to change the model)
 * @param grad dLoss/dvalues after {@link DensityGradient#compute}
 */
public record Block(String name, String group, double[] values, double[] grad) {
  public Block(String name, String group, double[] values) {
    this(name, group, values, new double[values.length]);
  }

  public int size() {
    return values.length;
  }
}
