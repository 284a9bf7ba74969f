package org.nvlab.core.release;

import org.nvlab.core.host.Host;
import org.nvlab.core.rule.RuleExpression;

/**
 * A readout given as a user expression instead of a list of numbers (SPEC section 8): the effect of
 * one tick's releases at a node is the expression's value over the released payload sum c, the
 * number of releases n and the node's state (a_i, e_i, g_i, m_i). A list readout r is the special
 * case r . c. Evaluated concurrently for different nodes (each thread has its own values).
 *
 * <p>A value that is not a finite number is not applied: the node gets no effect from this map, the
 * operator returns {@link #failure}'s message, and the engine stops the run with the message of the
 * lowest such node (the same for any thread count). The map keeps nothing of a run: one model's
 * maps serve all its runs at once.
 */
public final class ReleaseMap {
  private final RuleExpression expression;
  private final String field;
  private final ThreadLocal<double[]> values;

  public ReleaseMap(RuleExpression expression, String field) {
    this.expression = expression;
    this.field = field;
    this.values = ThreadLocal.withInitial(expression::values);
  }

  /** The map's value at a node, or NaN when it is not a finite number (see {@link #failure}). */
  public double value(Host host, int node, int count, double[] sum, int d) {
    double[] v = values.get();
    RuleExpression x = expression;
    x.bindNode(
        v,
        node,
        host.activation(),
        host.error(),
        host.gate(),
        host.spike(),
        host.memory(),
        host.memoryDim());
    if (x.n >= 0) {
      v[x.n] = count;
    }
    if (x.c >= 0) {
      System.arraycopy(sum, 0, v, x.c, d);
    }
    double y = x.evaluate(v);
    return Double.isFinite(y) ? y : Double.NaN;
  }

  /** What to say when {@link #value} at {@code node} was not a number: names the map and node. */
  public String failure(Host host, int node, int count, double[] sum, int d) {
    double[] v = values.get();
    RuleExpression x = expression;
    x.bindNode(
        v,
        node,
        host.activation(),
        host.error(),
        host.gate(),
        host.spike(),
        host.memory(),
        host.memoryDim());
    if (x.n >= 0) {
      v[x.n] = count;
    }
    if (x.c >= 0) {
      System.arraycopy(sum, 0, v, x.c, d);
    }
    return "the release map "
        + field
        + " = \""
        + expression.source()
        + "\" is "
        + x.evaluate(v)
        + " at node "
        + node;
  }

  public String source() {
    return expression.source();
  }

  public RuleExpression expression() {
    return expression;
  }
}
