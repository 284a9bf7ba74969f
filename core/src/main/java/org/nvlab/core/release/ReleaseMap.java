package org.nvlab.core.release;

import org.nvlab.core.host.Host;
import org.nvlab.core.rule.RuleExpression;

/**
 * A readout given as a user expression instead of a list of numbers (SPEC section 8): the effect of
 * one tick's releases at a node is the expression's value over the released payload sum c, the
 * number of releases n and the node's state (a_i, e_i, g_i, m_i). A list readout r is the special
 * case r . c. Evaluated concurrently for different nodes (each thread has its own values).
 *
 * <p>A value that is not a finite number is not applied: the node gets no effect from this map, and
 * {@link #failure()} names the lowest such node and the expression, so the engine stops the run
 * with that message (the same message for any thread count).
 */
public final class ReleaseMap {
  private final RuleExpression expression;
  private final String field;
  private final ThreadLocal<double[]> values;
  private int failedNode = Integer.MAX_VALUE;
  private String failure;

  public ReleaseMap(RuleExpression expression, String field) {
    this.expression = expression;
    this.field = field;
    this.values = ThreadLocal.withInitial(expression::values);
  }

  /** The map's value at a node, or NaN when it is not finite (and then recorded as a failure). */
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
    if (!Double.isFinite(y)) {
      fail(node, y);
      return Double.NaN;
    }
    return y;
  }

  private synchronized void fail(int node, double y) {
    if (node < failedNode) {
      failedNode = node;
      failure =
          "the release map "
              + field
              + " = \""
              + expression.source()
              + "\" is "
              + y
              + " at node "
              + node;
    }
  }

  /** The first (lowest-node) failure since the last call, cleared by reading it; or null. */
  public synchronized String takeFailure() {
    String f = failure;
    failure = null;
    failedNode = Integer.MAX_VALUE;
    return f;
  }

  public String source() {
    return expression.source();
  }

  public RuleExpression expression() {
    return expression;
  }
}
