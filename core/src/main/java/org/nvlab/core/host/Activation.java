package org.nvlab.core.host;

/** The rate network's transfer function f and its derivative. */
public enum Activation {
  IDENTITY,
  TANH,
  RELU,
  SIGMOID;

  public float apply(float z) {
    return switch (this) {
      case IDENTITY -> z;
      case TANH -> (float) Math.tanh(z);
      case RELU -> z > 0 ? z : 0f;
      case SIGMOID -> (float) (1.0 / (1.0 + Math.exp(-z)));
    };
  }

  /** f'(z) written in terms of the output a = f(z) where that is cheaper. */
  public float derivative(float z, float a) {
    return switch (this) {
      case IDENTITY -> 1f;
      case TANH -> 1f - a * a;
      case RELU -> z > 0 ? 1f : 0f;
      case SIGMOID -> a * (1f - a);
    };
  }
}
