package org.nvlab.core.expr;

/**
 * The operators, with their symbol and precedence (higher binds tighter). Comparisons do not chain;
 * {@code ^} is right-associative; the others are left-associative.
 */
public enum Operator {
  OR("||", 2),
  AND("&&", 3),
  LT("<", 4),
  LE("<=", 4),
  GT(">", 4),
  GE(">=", 4),
  EQ("==", 4),
  NE("!=", 4),
  ADD("+", 5),
  SUB("-", 5),
  MUL("*", 6),
  DIV("/", 6),
  /** Unary minus. */
  NEG("-", 7),
  /** Logical not: 1 when its operand is 0, else 0. */
  NOT("!", 7),
  POW("^", 8);

  /** The precedence of the conditional {@code c ? a : b}, below every operator. */
  static final int CONDITIONAL = 1;

  /** The precedence of a literal, a variable, an element or a call. */
  static final int PRIMARY = 9;

  private final String symbol;
  private final int precedence;

  Operator(String symbol, int precedence) {
    this.symbol = symbol;
    this.precedence = precedence;
  }

  public String symbol() {
    return symbol;
  }

  public int precedence() {
    return precedence;
  }

  /** True for the six comparisons, which yield 1.0 or 0.0. */
  public boolean isComparison() {
    return precedence == 4;
  }

  /** True for the operators whose value is 1.0 or 0.0: comparisons, and, or, not. */
  public boolean isLogical() {
    return isComparison() || this == AND || this == OR || this == NOT;
  }
}
