package org.nvlab.core.expr;

import java.util.List;

/**
 * The syntax tree of an expression, as parsed: every node keeps the column where it starts (for a
 * binary operator or a conditional, the column of its symbol). Vector variables appear only as
 * arguments of the vector functions, as {@link Variable} nodes.
 */
public sealed interface Node {

  /** The 0-based offset in the source where this node (or its operator) is. */
  int column();

  /**
   * A number as written ({@code 0.5}, {@code 1e-3}) or a named constant ({@code pi}, {@code e}).
   */
  record Literal(double value, String text, int column) implements Node {}

  /** A variable of the context: a scalar, or a whole vector given to dot, norm or sum. */
  record Variable(String name, int column) implements Node {}

  /** One element of a vector variable, {@code c[2]}; the index is a literal checked at compile. */
  record Element(String vector, int index, int column) implements Node {}

  /** {@code -x} or {@code !x}. */
  record Unary(Operator operator, Node operand, int column) implements Node {}

  /** {@code left op right}. */
  record Binary(Operator operator, Node left, Node right, int column) implements Node {}

  /** {@code condition ? then : otherwise}; only the chosen branch is evaluated. */
  record Conditional(Node condition, Node then, Node otherwise, int column) implements Node {}

  /** A call of a whitelisted function; {@code if(c, a, b)} is evaluated like a conditional. */
  record Call(Function function, List<Node> arguments, int column) implements Node {
    public Call {
      arguments = List.copyOf(arguments);
    }
  }
}
