package org.nvlab.core.expr;

import java.util.List;

/**
 * Evaluates a checked tree by walking it: the language's semantics in plain Java, used for constant
 * folding and by {@link Expression#evaluate}. Compiled code must agree with it to the bit.
 */
final class Interpreter {
  private Interpreter() {}

  static boolean truthy(double x) {
    return x != 0.0; // NaN is true
  }

  private static double bool(boolean b) {
    return b ? 1.0 : 0.0;
  }

  static double evaluate(Node n, ExpressionContext ctx, double[] v) {
    if (n instanceof Node.Literal l) {
      return l.value();
    } else if (n instanceof Node.Variable x) {
      return v[ctx.slot(x.name())];
    } else if (n instanceof Node.Element e) {
      return v[ctx.slot(e.vector()) + e.index()];
    } else if (n instanceof Node.Unary u) {
      double a = evaluate(u.operand(), ctx, v);
      return u.operator() == Operator.NEG ? -a : bool(!truthy(a));
    } else if (n instanceof Node.Binary b) {
      return binary(b, ctx, v);
    } else if (n instanceof Node.Conditional c) {
      return truthy(evaluate(c.condition(), ctx, v))
          ? evaluate(c.then(), ctx, v)
          : evaluate(c.otherwise(), ctx, v);
    } else {
      return call((Node.Call) n, ctx, v);
    }
  }

  private static double binary(Node.Binary b, ExpressionContext ctx, double[] v) {
    double l = evaluate(b.left(), ctx, v);
    if (b.operator() == Operator.AND) {
      return bool(truthy(l) && truthy(evaluate(b.right(), ctx, v)));
    }
    if (b.operator() == Operator.OR) {
      return bool(truthy(l) || truthy(evaluate(b.right(), ctx, v)));
    }
    double r = evaluate(b.right(), ctx, v);
    return switch (b.operator()) {
      case ADD -> l + r;
      case SUB -> l - r;
      case MUL -> l * r;
      case DIV -> l / r;
      case POW -> Math.pow(l, r);
      case LT -> bool(l < r);
      case LE -> bool(l <= r);
      case GT -> bool(l > r);
      case GE -> bool(l >= r);
      case EQ -> bool(l == r);
      case NE -> bool(l != r);
      case AND, OR, NEG, NOT -> throw new IllegalStateException(b.operator() + " handled above");
    };
  }

  private static double call(Node.Call c, ExpressionContext ctx, double[] v) {
    List<Node> a = c.arguments();
    switch (c.function()) {
      case IF:
        return truthy(evaluate(a.get(0), ctx, v))
            ? evaluate(a.get(1), ctx, v)
            : evaluate(a.get(2), ctx, v);
      case DOT:
        return Builtins.dot(v, slot(a.get(0), ctx), slot(a.get(1), ctx), length(a.get(0), ctx));
      case NORM:
        return Builtins.norm(v, slot(a.get(0), ctx), length(a.get(0), ctx));
      case SUM:
        return Builtins.sum(v, slot(a.get(0), ctx), length(a.get(0), ctx));
      case MIN:
      case MAX:
        {
          double m = evaluate(a.get(0), ctx, v);
          for (int i = 1; i < a.size(); i++) {
            double x = evaluate(a.get(i), ctx, v);
            m = c.function() == Function.MIN ? Math.min(m, x) : Math.max(m, x);
          }
          return m;
        }
      default:
        break;
    }
    double x = evaluate(a.get(0), ctx, v);
    return switch (c.function()) {
      case EXP -> Math.exp(x);
      case LOG -> Math.log(x);
      case SQRT -> Math.sqrt(x);
      case ABS -> Math.abs(x);
      case SIN -> Math.sin(x);
      case COS -> Math.cos(x);
      case TANH -> Math.tanh(x);
      case SIGMOID -> Builtins.sigmoid(x);
      case FLOOR -> Math.floor(x);
      case CEIL -> Math.ceil(x);
      case SIGN -> Math.signum(x);
      case POW -> Math.pow(x, evaluate(a.get(1), ctx, v));
      case CLAMP -> Builtins.clamp(x, evaluate(a.get(1), ctx, v), evaluate(a.get(2), ctx, v));
      case IF, DOT, NORM, SUM, MIN, MAX -> throw new IllegalStateException("handled above");
    };
  }

  private static int slot(Node n, ExpressionContext ctx) {
    return ctx.slot(((Node.Variable) n).name());
  }

  private static int length(Node n, ExpressionContext ctx) {
    return ctx.length(((Node.Variable) n).name());
  }
}
