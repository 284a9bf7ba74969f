package org.nvlab.core.expr;

import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.Objects;
import java.util.Set;

/**
 * A user's math expression, parsed and type-checked against an {@link ExpressionContext}: the entry
 * point of the language (docs/expressions.md is its reference). Checking and compiling are separate
 * steps, so a project can be validated without compiling anything:
 *
 * <pre>{@code
 * ExpressionContext ctx = ExpressionContext.builder().scalars("beta", "a_j", "dist").build();
 * CompiledExpression f = Expression.compile("exp(beta * a_j - dist)", ctx);
 * double z = f.evaluate(new double[] {2.0, 0.5, 1.0});
 * }</pre>
 *
 * An instance is immutable and always valid: {@link #parse} either returns a checked expression or
 * throws {@link ExpressionException}, and {@link #compile()} of a checked expression cannot fail.
 */
public final class Expression {
  /** The longest source, in characters. */
  public static final int MAX_LENGTH = 4_000;

  /** The deepest nesting of parentheses, calls, signs, powers and conditionals. */
  public static final int MAX_DEPTH = 100;

  /** The most syntax nodes (numbers, names, elements, operators, conditionals, calls). */
  public static final int MAX_NODES = 1_000;

  /** The longest number literal, in characters. */
  public static final int MAX_NUMBER_LENGTH = Lexer.MAX_NUMBER_LENGTH;

  private final String source;
  private final ExpressionContext context;
  private final Node root;

  private Expression(String source, ExpressionContext context, Node root) {
    this.source = source;
    this.context = context;
    this.root = root;
  }

  /** Parses and checks {@code source}; throws with the column and reason of the first problem. */
  public static Expression parse(String source, ExpressionContext context)
      throws ExpressionException {
    return parse(source, context, Limits.DEFAULT);
  }

  static Expression parse(String source, ExpressionContext context, Limits limits)
      throws ExpressionException {
    Objects.requireNonNull(source, "source");
    Objects.requireNonNull(context, "context");
    Node root = Parser.parse(source, limits);
    Checker.check(root, source, context);
    return new Expression(source, context, root);
  }

  /** Parses, checks and compiles {@code source} in one step. */
  public static CompiledExpression compile(String source, ExpressionContext context)
      throws ExpressionException {
    return parse(source, context).compile();
  }

  /**
   * Compiles this expression to bytecode in a new hidden class (unloaded again once the returned
   * object is unreachable). Takes tens of microseconds; the result is as fast as hand-written Java.
   */
  public CompiledExpression compile() {
    return CodeGenerator.define(this);
  }

  /**
   * Evaluates by walking the tree: the same result as the compiled form, to the bit, but about 8
   * times slower. For tests, tools and one-off values; compile for anything per vesicle or tick.
   */
  public double evaluate(double[] values) {
    return Interpreter.evaluate(root, context, values);
  }

  /** The text as the user wrote it. */
  public String source() {
    return source;
  }

  public ExpressionContext context() {
    return context;
  }

  /** The syntax tree. */
  public Node root() {
    return root;
  }

  /** The names of the context this expression reads, in order of first appearance. */
  public Set<String> variables() {
    Set<String> names = new LinkedHashSet<>();
    collect(root, names);
    return Collections.unmodifiableSet(names);
  }

  /** True when it reads no variable (its value is then the same for every input). */
  public boolean isConstant() {
    return variables().isEmpty();
  }

  private static void collect(Node n, Set<String> names) {
    if (n instanceof Node.Variable v) {
      names.add(v.name());
    } else if (n instanceof Node.Element e) {
      names.add(e.vector());
    } else if (n instanceof Node.Unary u) {
      collect(u.operand(), names);
    } else if (n instanceof Node.Binary b) {
      collect(b.left(), names);
      collect(b.right(), names);
    } else if (n instanceof Node.Conditional c) {
      collect(c.condition(), names);
      collect(c.then(), names);
      collect(c.otherwise(), names);
    } else if (n instanceof Node.Call c) {
      for (Node a : c.arguments()) {
        collect(a, names);
      }
    }
  }

  /** The canonical form: spacing normalised, only the parentheses precedence needs. */
  @Override
  public String toString() {
    return Printer.print(root);
  }
}
