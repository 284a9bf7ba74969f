package org.nvlab.core.expr;

/**
 * The functions of the language that {@link Math} lacks, in one final class whose methods compiled
 * expressions call (with {@link Math}'s, they are the only methods generated code may call). Each
 * is the formula the language reference gives, so that the interpreter, constant folding and
 * compiled code agree to the bit.
 */
final class Builtins {
  private Builtins() {}

  static double sigmoid(double x) {
    return 1.0 / (1.0 + Math.exp(-x));
  }

  static double clamp(double x, double lo, double hi) {
    return Math.min(Math.max(x, lo), hi);
  }

  /** Sum of u[i] * v[i] over the n elements from slots a and b, in index order from 0.0. */
  static double dot(double[] values, int a, int b, int n) {
    double s = 0.0;
    for (int i = 0; i < n; i++) {
      s += values[a + i] * values[b + i];
    }
    return s;
  }

  /** sqrt of the sum of squares, in index order from 0.0 (not {@link Math#hypot}: faster). */
  static double norm(double[] values, int a, int n) {
    double s = 0.0;
    for (int i = 0; i < n; i++) {
      double x = values[a + i];
      s += x * x;
    }
    return Math.sqrt(s);
  }

  /** Sum of the n elements from slot a, in index order from 0.0. */
  static double sum(double[] values, int a, int n) {
    double s = 0.0;
    for (int i = 0; i < n; i++) {
      s += values[a + i];
    }
    return s;
  }
}
