package org.nvlab.core.expr;

import java.util.ArrayList;
import java.util.List;

/**
 * The whitelist: the only functions an expression can call. Every argument is a number except those
 * of {@link #DOT}, {@link #NORM} and {@link #SUM}, which take vector variables by name.
 */
public enum Function {
  EXP("exp", 1, "e to the power x"),
  LOG("log", 1, "natural logarithm (NaN below 0, -Infinity at 0)"),
  SQRT("sqrt", 1, "square root (NaN below 0)"),
  ABS("abs", 1, "absolute value"),
  SIN("sin", 1, "sine, radians"),
  COS("cos", 1, "cosine, radians"),
  TANH("tanh", 1, "hyperbolic tangent"),
  SIGMOID("sigmoid", 1, "1 / (1 + exp(-x))"),
  MIN("min", 2, -1, false, "the smallest of two or more numbers"),
  MAX("max", 2, -1, false, "the largest of two or more numbers"),
  POW("pow", 2, "pow(x, y) = x ^ y"),
  CLAMP("clamp", 3, "clamp(x, lo, hi) = min(max(x, lo), hi)"),
  FLOOR("floor", 1, "largest whole number <= x"),
  CEIL("ceil", 1, "smallest whole number >= x"),
  SIGN("sign", 1, "-1, 0 or 1 (0 keeps its sign, NaN stays NaN)"),
  IF("if", 3, "if(c, a, b) = c ? a : b"),
  DOT("dot", 2, 2, true, "dot(u, v): sum of u[i] * v[i]; equal lengths"),
  NORM("norm", 1, 1, true, "norm(v) = sqrt(sum of v[i]^2)"),
  SUM("sum", 1, 1, true, "sum(v): sum of v[i]");

  private final String name;
  private final int minArgs;
  private final int maxArgs;
  private final boolean takesVectors;
  private final String description;

  Function(String name, int args, String description) {
    this(name, args, args, false, description);
  }

  Function(String name, int minArgs, int maxArgs, boolean takesVectors, String description) {
    this.name = name;
    this.minArgs = minArgs;
    this.maxArgs = maxArgs;
    this.takesVectors = takesVectors;
    this.description = description;
  }

  /** The name as written in expressions. */
  public String functionName() {
    return name;
  }

  public int minArgs() {
    return minArgs;
  }

  /** The most arguments, or -1 for no limit. */
  public int maxArgs() {
    return maxArgs;
  }

  /** True when the arguments are vector variables (dot, norm, sum). */
  public boolean takesVectors() {
    return takesVectors;
  }

  /** One line for the language reference and for messages. */
  public String description() {
    return description;
  }

  /** The function called {@code name}, or null. */
  public static Function byName(String name) {
    for (Function f : values()) {
      if (f.name.equals(name)) {
        return f;
      }
    }
    return null;
  }

  /** Every name, as an error message lists them. */
  static String names() {
    List<String> n = new ArrayList<>();
    for (Function f : values()) {
      n.add(f.name);
    }
    return String.join(", ", n);
  }
}
