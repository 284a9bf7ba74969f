package org.nvlab.core.expr;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * An independent model of the language for property tests: random expression trees, written out
 * with the fewest parentheses the documented precedence allows (or with extra ones), and evaluated
 * by the formulas of docs/expressions.md. It shares no code with the parser, checker, interpreter
 * or compiler.
 */
final class Reference {
  private Reference() {}

  static final String[] SCALARS = {"a_i", "a_j", "w_ij", "e_j", "g_j", "dir", "t", "reward", "z0"};
  static final Map<String, Integer> VECTORS = new LinkedHashMap<>();

  static {
    VECTORS.put("c", 3);
    VECTORS.put("k_j", 3);
    VECTORS.put("r_i", 2);
    VECTORS.put("M_j", 4);
  }

  static final ExpressionContext CONTEXT = context();

  private static ExpressionContext context() {
    ExpressionContext.Builder b = ExpressionContext.builder().scalars(SCALARS);
    VECTORS.forEach(b::vector);
    return b.build();
  }

  /** A tree of the test's own: prints itself and computes its own value. */
  interface Ref {
    int precedence();

    void print(StringBuilder b, boolean spaced);

    double eval(double[] v);
  }

  // precedence, written down independently: ?: 1, || 2, && 3, comparisons 4, + - 5, * / 6,
  // unary 7, ^ 8, atoms 9
  static void print(Ref r, int min, StringBuilder b, boolean spaced) {
    boolean p = r.precedence() < min;
    if (p) {
      b.append('(');
    }
    r.print(b, spaced);
    if (p) {
      b.append(')');
    }
  }

  static String print(Ref r, boolean spaced) {
    StringBuilder b = new StringBuilder();
    print(r, 0, b, spaced);
    return b.toString();
  }

  static double truth(boolean b) {
    return b ? 1.0 : 0.0;
  }

  record Lit(String text, double value) implements Ref {
    public int precedence() {
      return 9;
    }

    public void print(StringBuilder b, boolean spaced) {
      b.append(text);
    }

    public double eval(double[] v) {
      return value;
    }
  }

  record Var(String name) implements Ref {
    public int precedence() {
      return 9;
    }

    public void print(StringBuilder b, boolean spaced) {
      b.append(name);
    }

    public double eval(double[] v) {
      return v[CONTEXT.slot(name)];
    }
  }

  record Elem(String vector, int index) implements Ref {
    public int precedence() {
      return 9;
    }

    public void print(StringBuilder b, boolean spaced) {
      b.append(vector).append('[').append(index).append(']');
    }

    public double eval(double[] v) {
      return v[CONTEXT.slot(vector) + index];
    }
  }

  /** Redundant parentheses: no meaning, only text. */
  record Paren(Ref inner) implements Ref {
    public int precedence() {
      return 9;
    }

    public void print(StringBuilder b, boolean spaced) {
      b.append('(');
      Reference.print(inner, 0, b, spaced);
      b.append(')');
    }

    public double eval(double[] v) {
      return inner.eval(v);
    }
  }

  record Prefix(char op, Ref operand) implements Ref {
    public int precedence() {
      return 7;
    }

    public void print(StringBuilder b, boolean spaced) {
      b.append(op);
      Reference.print(operand, 7, b, spaced);
    }

    public double eval(double[] v) {
      double x = operand.eval(v);
      return op == '-' ? -x : truth(x == 0.0);
    }
  }

  record Infix(String op, Ref left, Ref right) implements Ref {
    public int precedence() {
      return switch (op) {
        case "||" -> 2;
        case "&&" -> 3;
        case "<", "<=", ">", ">=", "==", "!=" -> 4;
        case "+", "-" -> 5;
        case "*", "/" -> 6;
        case "^" -> 8;
        default -> throw new IllegalArgumentException(op);
      };
    }

    public void print(StringBuilder b, boolean spaced) {
      int p = precedence();
      if (op.equals("^")) {
        Reference.print(left, 9, b, spaced);
        b.append('^');
        Reference.print(right, 7, b, spaced);
        return;
      }
      Reference.print(left, p == 4 ? 5 : p, b, spaced);
      b.append(spaced ? " " + op + " " : op);
      Reference.print(right, p + 1, b, spaced);
    }

    public double eval(double[] v) {
      double l = left.eval(v);
      double r = right.eval(v);
      return switch (op) {
        case "+" -> l + r;
        case "-" -> l - r;
        case "*" -> l * r;
        case "/" -> l / r;
        case "^" -> Math.pow(l, r);
        case "<" -> truth(l < r);
        case "<=" -> truth(l <= r);
        case ">" -> truth(l > r);
        case ">=" -> truth(l >= r);
        case "==" -> truth(l == r);
        case "!=" -> truth(l != r);
        case "&&" -> truth(l != 0.0 && r != 0.0);
        case "||" -> truth(l != 0.0 || r != 0.0);
        default -> throw new IllegalArgumentException(op);
      };
    }
  }

  record Choice(Ref condition, Ref then, Ref otherwise, boolean asCall) implements Ref {
    public int precedence() {
      return asCall ? 9 : 1;
    }

    public void print(StringBuilder b, boolean spaced) {
      if (asCall) {
        b.append("if(");
        Reference.print(condition, 0, b, spaced);
        b.append(", ");
        Reference.print(then, 0, b, spaced);
        b.append(", ");
        Reference.print(otherwise, 0, b, spaced);
        b.append(')');
        return;
      }
      Reference.print(condition, 2, b, spaced);
      b.append(spaced ? " ? " : "?");
      Reference.print(then, 1, b, spaced);
      b.append(spaced ? " : " : ":");
      Reference.print(otherwise, 1, b, spaced);
    }

    public double eval(double[] v) {
      return condition.eval(v) != 0.0 ? then.eval(v) : otherwise.eval(v);
    }
  }

  record Fn(String name, List<Ref> args) implements Ref {
    public int precedence() {
      return 9;
    }

    public void print(StringBuilder b, boolean spaced) {
      b.append(name).append('(');
      for (int i = 0; i < args.size(); i++) {
        if (i > 0) {
          b.append(", ");
        }
        Reference.print(args.get(i), 0, b, spaced);
      }
      b.append(')');
    }

    public double eval(double[] v) {
      double x = args.get(0).eval(v);
      switch (name) {
        case "exp":
          return Math.exp(x);
        case "log":
          return Math.log(x);
        case "sqrt":
          return Math.sqrt(x);
        case "abs":
          return Math.abs(x);
        case "sin":
          return Math.sin(x);
        case "cos":
          return Math.cos(x);
        case "tanh":
          return Math.tanh(x);
        case "sigmoid":
          return 1.0 / (1.0 + Math.exp(-x));
        case "floor":
          return Math.floor(x);
        case "ceil":
          return Math.ceil(x);
        case "sign":
          return Math.signum(x);
        case "pow":
          return Math.pow(x, args.get(1).eval(v));
        case "clamp":
          return Math.min(Math.max(x, args.get(1).eval(v)), args.get(2).eval(v));
        case "min":
        case "max":
          for (int i = 1; i < args.size(); i++) {
            double y = args.get(i).eval(v);
            x = name.equals("min") ? Math.min(x, y) : Math.max(x, y);
          }
          return x;
        default:
          throw new IllegalArgumentException(name);
      }
    }
  }

  record VectorFn(String name, String u, String w) implements Ref {
    public int precedence() {
      return 9;
    }

    public void print(StringBuilder b, boolean spaced) {
      b.append(name).append('(').append(u);
      if (w != null) {
        b.append(", ").append(w);
      }
      b.append(')');
    }

    public double eval(double[] v) {
      int a = CONTEXT.slot(u);
      int n = VECTORS.get(u);
      double s = 0.0;
      for (int i = 0; i < n; i++) {
        switch (name) {
          case "dot" -> s += v[a + i] * v[CONTEXT.slot(w) + i];
          case "norm" -> s += v[a + i] * v[a + i];
          default -> s += v[a + i];
        }
      }
      return name.equals("norm") ? Math.sqrt(s) : s;
    }
  }

  /** Strips the redundant parentheses (what the canonical printer would drop). */
  static Ref bare(Ref r) {
    if (r instanceof Paren p) {
      return bare(p.inner());
    } else if (r instanceof Prefix p) {
      return new Prefix(p.op(), bare(p.operand()));
    } else if (r instanceof Infix x) {
      return new Infix(x.op(), bare(x.left()), bare(x.right()));
    } else if (r instanceof Choice c) {
      return new Choice(bare(c.condition()), bare(c.then()), bare(c.otherwise()), c.asCall());
    } else if (r instanceof Fn f) {
      List<Ref> a = new ArrayList<>();
      for (Ref x : f.args()) {
        a.add(bare(x));
      }
      return new Fn(f.name(), a);
    }
    return r;
  }

  // ---- random generation

  private static final String[] LITERALS = {
    "0", "1", "2", "3", "0.5", "2.25", "10", "1e-3", "2.5E2", ".5", "007", "1e+2", "100", "pi", "e"
  };
  private static final String[] INFIX = {
    "+", "-", "*", "/", "^", "<", "<=", ">", ">=", "==", "!=", "&&", "||"
  };
  private static final String[] UNARY_FUNCTIONS = {
    "exp", "log", "sqrt", "abs", "sin", "cos", "tanh", "sigmoid", "floor", "ceil", "sign"
  };
  private static final double[] SPECIAL_VALUES = {
    0.0, -0.0, 1.0, -1.0, 2.0, 0.5, 3.0, -2.5, Double.NaN, Double.POSITIVE_INFINITY, 1e300, 1e-300
  };

  static Ref leaf(Random rnd) {
    switch (rnd.nextInt(10)) {
      case 0, 1, 2:
        {
          String text = LITERALS[rnd.nextInt(LITERALS.length)];
          double value =
              switch (text) {
                case "pi" -> Math.PI;
                case "e" -> Math.E;
                default -> Double.parseDouble(text);
              };
          return new Lit(text, value);
        }
      case 3, 4, 5, 6:
        return new Var(SCALARS[rnd.nextInt(SCALARS.length)]);
      case 7, 8:
        {
          List<String> names = new ArrayList<>(VECTORS.keySet());
          String v = names.get(rnd.nextInt(names.size()));
          return new Elem(v, rnd.nextInt(VECTORS.get(v)));
        }
      default:
        return switch (rnd.nextInt(5)) {
          case 0 -> new VectorFn("dot", "c", "k_j");
          case 1 -> new VectorFn("dot", "r_i", "r_i");
          case 2 -> new VectorFn("norm", rnd.nextBoolean() ? "M_j" : "c", null);
          default -> new VectorFn("sum", rnd.nextBoolean() ? "k_j" : "r_i", null);
        };
    }
  }

  /** A random tree of at most {@code depth} levels below the root. */
  static Ref tree(Random rnd, int depth) {
    if (depth == 0 || rnd.nextInt(8) == 0) {
      return leaf(rnd);
    }
    int d = depth - 1;
    Ref r =
        switch (rnd.nextInt(12)) {
          case 0, 1, 2, 3, 4 ->
              new Infix(INFIX[rnd.nextInt(INFIX.length)], tree(rnd, d), tree(rnd, d));
          case 5 -> new Prefix(rnd.nextInt(3) == 0 ? '!' : '-', tree(rnd, d));
          case 6 -> new Choice(tree(rnd, d), tree(rnd, d), tree(rnd, d), rnd.nextInt(3) == 0);
          case 7, 8 ->
              new Fn(UNARY_FUNCTIONS[rnd.nextInt(UNARY_FUNCTIONS.length)], List.of(tree(rnd, d)));
          case 9 -> {
            String f = new String[] {"pow", "min", "max"}[rnd.nextInt(3)];
            yield new Fn(f, List.of(tree(rnd, d), tree(rnd, d)));
          }
          case 10 -> {
            String f = new String[] {"clamp", "min", "max"}[rnd.nextInt(3)];
            yield new Fn(f, List.of(tree(rnd, d), tree(rnd, d), tree(rnd, d)));
          }
          default -> leaf(rnd);
        };
    return rnd.nextInt(10) == 0 ? new Paren(r) : r;
  }

  /** Variable values: mostly small and equal-prone, sometimes NaN, infinite or extreme. */
  static double[] values(Random rnd) {
    double[] v = new double[CONTEXT.size()];
    for (int i = 0; i < v.length; i++) {
      v[i] =
          rnd.nextInt(3) == 0
              ? rnd.nextDouble() * 10 - 5
              : SPECIAL_VALUES[rnd.nextInt(rnd.nextInt(6) == 0 ? SPECIAL_VALUES.length : 8)];
    }
    return v;
  }
}
