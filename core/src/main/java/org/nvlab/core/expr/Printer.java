package org.nvlab.core.expr;

/**
 * Prints a tree in canonical form: binary operators spaced, {@code ^} and signs tight, and
 * parentheses only where precedence needs them, so that parsing the output gives the same tree.
 */
final class Printer {
  private Printer() {}

  static String print(Node n) {
    StringBuilder b = new StringBuilder();
    print(n, 0, b);
    return b.toString();
  }

  private static int precedence(Node n) {
    if (n instanceof Node.Unary u) {
      return u.operator().precedence();
    } else if (n instanceof Node.Binary b) {
      return b.operator().precedence();
    } else if (n instanceof Node.Conditional) {
      return Operator.CONDITIONAL;
    } else if (n instanceof Node.Literal l && (l.value() < 0 || l.text().startsWith("-"))) {
      return Operator.NEG.precedence();
    }
    return Operator.PRIMARY;
  }

  private static void print(Node n, int min, StringBuilder b) {
    boolean parens = precedence(n) < min;
    if (parens) {
      b.append('(');
    }
    if (n instanceof Node.Literal l) {
      b.append(l.text());
    } else if (n instanceof Node.Variable v) {
      b.append(v.name());
    } else if (n instanceof Node.Element e) {
      b.append(e.vector()).append('[').append(e.index()).append(']');
    } else if (n instanceof Node.Unary u) {
      b.append(u.operator().symbol());
      print(u.operand(), Operator.NEG.precedence(), b);
    } else if (n instanceof Node.Binary x) {
      Operator op = x.operator();
      if (op == Operator.POW) {
        print(x.left(), Operator.PRIMARY, b);
        b.append('^');
        print(x.right(), Operator.NEG.precedence(), b);
      } else {
        print(x.left(), op.isComparison() ? op.precedence() + 1 : op.precedence(), b);
        b.append(' ').append(op.symbol()).append(' ');
        print(x.right(), op.precedence() + 1, b);
      }
    } else if (n instanceof Node.Conditional c) {
      print(c.condition(), Operator.CONDITIONAL + 1, b);
      b.append(" ? ");
      print(c.then(), Operator.CONDITIONAL, b);
      b.append(" : ");
      print(c.otherwise(), Operator.CONDITIONAL, b);
    } else if (n instanceof Node.Call c) {
      b.append(c.function().functionName()).append('(');
      for (int i = 0; i < c.arguments().size(); i++) {
        if (i > 0) {
          b.append(", ");
        }
        print(c.arguments().get(i), 0, b);
      }
      b.append(')');
    }
    if (parens) {
      b.append(')');
    }
  }
}
