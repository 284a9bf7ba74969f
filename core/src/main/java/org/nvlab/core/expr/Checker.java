package org.nvlab.core.expr;

import org.nvlab.core.expr.ExpressionContext.Slot;

/**
 * Type-checks a parsed tree against a context, left to right, so the first problem in reading order
 * is reported: every node is a number except the vector variables given to dot, norm and sum; names
 * must be declared; indices must lie inside their vector; calls must have the right number of
 * arguments.
 */
final class Checker {
  /** Past this many names, a message lists the first ones and "...". */
  private static final int LISTED_NAMES = 24;

  private final String src;
  private final ExpressionContext ctx;

  private Checker(String src, ExpressionContext ctx) {
    this.src = src;
    this.ctx = ctx;
  }

  static void check(Node root, String src, ExpressionContext ctx) throws ExpressionException {
    new Checker(src, ctx).scalar(root);
  }

  private void scalar(Node n) throws ExpressionException {
    if (n instanceof Node.Variable v) {
      variable(v);
    } else if (n instanceof Node.Element e) {
      element(e);
    } else if (n instanceof Node.Unary u) {
      scalar(u.operand());
    } else if (n instanceof Node.Binary b) {
      scalar(b.left());
      scalar(b.right());
    } else if (n instanceof Node.Conditional c) {
      scalar(c.condition());
      scalar(c.then());
      scalar(c.otherwise());
    } else if (n instanceof Node.Call c) {
      call(c);
    }
  }

  private void variable(Node.Variable v) throws ExpressionException {
    Slot s = ctx.find(v.name());
    if (s == null) {
      throw unknown(v.name(), v.column());
    }
    if (s.vector()) {
      throw error(
          v.column(),
          "'" + v.name() + "' is a vector of length " + s.length() + " where a number is expected",
          "use an element "
              + v.name()
              + "[0].."
              + v.name()
              + "["
              + (s.length() - 1)
              + "], or dot, norm or sum of it");
    }
  }

  private void element(Node.Element e) throws ExpressionException {
    Slot s = ctx.find(e.vector());
    if (s == null) {
      if (Function.byName(e.vector()) != null || Lexer.constant(e.vector()) != null) {
        throw notAVector(e.vector(), e.column());
      }
      throw error(
          e.column(),
          "unknown vector '" + Lexer.shorten(e.vector()) + "'",
          "the vectors are " + ctx.vectorsToString());
    }
    if (!s.vector()) {
      throw notAVector(e.vector(), e.column());
    }
    if (e.index() >= s.length()) {
      throw error(
          e.column(),
          "index " + e.index() + " is out of range for '" + e.vector() + "'",
          "'" + e.vector() + "' has length " + s.length() + ": indices 0.." + (s.length() - 1));
    }
  }

  private ExpressionException notAVector(String name, int column) {
    return error(
        column,
        "'" + name + "' is not a vector and cannot be indexed",
        "the vectors are " + ctx.vectorsToString());
  }

  private void call(Node.Call c) throws ExpressionException {
    Function f = c.function();
    int n = c.arguments().size();
    if (n < f.minArgs() || (f.maxArgs() >= 0 && n > f.maxArgs())) {
      String wanted =
          f.maxArgs() < 0
              ? f.minArgs() + " or more"
              : f.minArgs() == f.maxArgs() ? Integer.toString(f.minArgs()) : "";
      throw error(
          c.column(),
          "wrong number of arguments for " + f.functionName(),
          f.functionName()
              + " takes "
              + wanted
              + (f.minArgs() == 1 && f.maxArgs() == 1 ? " argument" : " arguments")
              + ", got "
              + (n == 0 ? "none" : Integer.toString(n)));
    }
    if (!f.takesVectors()) {
      for (Node a : c.arguments()) {
        scalar(a);
      }
      return;
    }
    int length = -1;
    String first = null;
    for (Node a : c.arguments()) {
      Slot s = vector(f, a);
      if (length >= 0 && s.length() != length) {
        Node.Variable v = (Node.Variable) a;
        throw error(
            c.column(),
            f.functionName() + " of vectors of different lengths",
            "'" + first + "' has " + length + ", '" + v.name() + "' has " + s.length());
      }
      length = s.length();
      first = ((Node.Variable) a).name();
    }
  }

  private Slot vector(Function f, Node a) throws ExpressionException {
    if (!(a instanceof Node.Variable v)) {
      throw error(
          a.column(),
          f.functionName() + " takes vector variables, not expressions",
          "e.g. " + f.functionName() + "(c); the vectors are " + ctx.vectorsToString());
    }
    Slot s = ctx.find(v.name());
    if (s == null) {
      throw unknown(v.name(), v.column());
    }
    if (!s.vector()) {
      throw error(
          v.column(),
          "'" + v.name() + "' is a number, but " + f.functionName() + " takes vectors",
          "the vectors are " + ctx.vectorsToString());
    }
    return s;
  }

  private ExpressionException unknown(String name, int column) {
    if (Function.byName(name) != null) {
      return error(
          column, "'" + name + "' is a function", "call it with its arguments: " + name + "(...)");
    }
    return error(column, "unknown variable '" + Lexer.shorten(name) + "'", "known: " + known());
  }

  private String known() {
    StringBuilder b = new StringBuilder();
    int i = 0;
    for (String name : ctx.names()) {
      if (i == LISTED_NAMES) {
        b.append(", ...");
        break;
      }
      if (i++ > 0) {
        b.append(", ");
      }
      b.append(name);
      if (ctx.isVector(name)) {
        b.append('[').append(ctx.length(name)).append(']');
      }
    }
    return i == 0 ? "none; this expression can use no variables" : b.toString();
  }

  private ExpressionException error(int column, String problem, String detail) {
    return new ExpressionException(src, column, problem, detail);
  }
}
