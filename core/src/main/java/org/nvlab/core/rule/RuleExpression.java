package org.nvlab.core.rule;

import java.util.Set;
import org.nvlab.core.expr.CompiledExpression;
import org.nvlab.core.expr.Expression;
import org.nvlab.core.expr.ExpressionContext;
import org.nvlab.core.expr.ExpressionException;

/**
 * A user expression in one of the four places a rule may take one (SPEC section 8), compiled, with
 * the slot of every variable it reads. The variables each place offers are fixed here (and listed
 * in docs/file-format.md); the engine writes their values into a {@code double[]} of {@link
 * #size()} before each evaluation, skipping the ones the expression does not read (their slot is
 * -1).
 *
 * <ul>
 *   <li>{@link Place#EMISSION_RATE}: the expected births at emitter i this tick.
 *   <li>{@link Place#KERNEL_SCORE}: the score z(i, j) of the move from i to j, before the
 *       temperature.
 *   <li>{@link Place#DOCKING_LOGIT}: the logit of p_dock for a vesicle at node i.
 *   <li>{@link Place#RELEASE_MAP}: the effect of the payload released at node i this tick.
 * </ul>
 */
public final class RuleExpression {

  /** Where an expression stands, which decides the variables it may read. */
  public enum Place {
    EMISSION_RATE,
    KERNEL_SCORE,
    DOCKING_LOGIT,
    RELEASE_MAP
  }

  private final Expression expression;
  private final CompiledExpression compiled;
  private final Place place;

  // Slots of the variables, -1 when the expression does not read them (or they do not exist).
  public final int t;
  public final int reward;
  public final int task;
  public final int z;
  public final int ai;
  public final int ei;
  public final int gi;
  public final int spikei;
  public final int mi;
  public final int aj;
  public final int ej;
  public final int gj;
  public final int mj;
  public final int wij;
  public final int stay;
  public final int dir;
  public final int c;
  public final int s;
  public final int n;

  private RuleExpression(Expression expression, Place place) {
    this.expression = expression;
    this.place = place;
    this.compiled = expression.compile();
    ExpressionContext ctx = expression.context();
    Set<String> read = expression.variables();
    t = slot(ctx, read, "t");
    reward = slot(ctx, read, "reward");
    task = slot(ctx, read, "task");
    z = slot(ctx, read, "z");
    ai = slot(ctx, read, "a_i");
    ei = slot(ctx, read, "e_i");
    gi = slot(ctx, read, "g_i");
    spikei = slot(ctx, read, "spike_i");
    mi = slot(ctx, read, "m_i");
    aj = slot(ctx, read, "a_j");
    ej = slot(ctx, read, "e_j");
    gj = slot(ctx, read, "g_j");
    mj = slot(ctx, read, "m_j");
    wij = slot(ctx, read, "w_ij");
    stay = slot(ctx, read, "stay");
    dir = slot(ctx, read, "dir");
    c = slot(ctx, read, "c");
    s = slot(ctx, read, "s");
    n = slot(ctx, read, "n");
  }

  private static int slot(ExpressionContext ctx, Set<String> read, String name) {
    return read.contains(name) ? ctx.slot(name) : -1;
  }

  /**
   * The variables of a place, for a type of payloadDim d and stateDim p, a host of memoryDim m and
   * zDim conditioning signals. Vectors of length 0 are left out.
   */
  public static ExpressionContext context(Place place, int d, int p, int m, int zDim) {
    ExpressionContext.Builder b = ExpressionContext.builder();
    switch (place) {
      case EMISSION_RATE -> {
        b.scalars("a_i", "e_i", "g_i", "spike_i");
        vector(b, "m_i", m);
        globals(b, zDim);
      }
      case KERNEL_SCORE -> {
        b.scalars("a_i", "e_i", "g_i", "a_j", "e_j", "g_j", "w_ij", "stay", "dir");
        vector(b, "m_i", m);
        vector(b, "m_j", m);
        vector(b, "c", d);
        vector(b, "s", p);
        globals(b, zDim);
      }
      case DOCKING_LOGIT -> {
        b.scalars("a_i", "e_i", "g_i");
        vector(b, "m_i", m);
        vector(b, "c", d);
        vector(b, "s", p);
        globals(b, zDim);
      }
      case RELEASE_MAP -> {
        b.scalars("a_i", "e_i", "g_i", "n");
        vector(b, "m_i", m);
        vector(b, "c", d);
      }
      default -> throw new IllegalStateException(place.toString());
    }
    return b.build();
  }

  private static void globals(ExpressionContext.Builder b, int zDim) {
    b.scalars("t", "reward", "task");
    vector(b, "z", zDim);
  }

  private static void vector(ExpressionContext.Builder b, String name, int length) {
    if (length > 0) {
      b.vector(name, length);
    }
  }

  /** Parses and checks an expression for a place (throws with the column and the reason). */
  public static Expression check(String source, Place place, int d, int p, int m, int zDim)
      throws ExpressionException {
    return Expression.parse(source, context(place, d, p, m, zDim));
  }

  /** Parses, checks and compiles. */
  public static RuleExpression compile(String source, Place place, int d, int p, int m, int zDim)
      throws ExpressionException {
    return new RuleExpression(check(source, place, d, p, m, zDim), place);
  }

  /** The length of the values array. */
  public int size() {
    return expression.context().size();
  }

  public double evaluate(double[] values) {
    return compiled.evaluate(values);
  }

  public Place place() {
    return place;
  }

  public String source() {
    return expression.source();
  }

  /** True when the value depends on the vesicle (its payload or state), not only on nodes. */
  public boolean readsVesicle() {
    return c >= 0 || s >= 0;
  }

  /** True when the value may change from tick to tick (it reads node state or the globals). */
  public boolean readsChangingState() {
    return t >= 0
        || reward >= 0
        || task >= 0
        || z >= 0
        || ai >= 0
        || ei >= 0
        || gi >= 0
        || spikei >= 0
        || mi >= 0
        || aj >= 0
        || ej >= 0
        || gj >= 0
        || mj >= 0;
  }

  /** True when the value reads edge weights (kernel tables rebuild when weights change). */
  public boolean readsWeights() {
    return wij >= 0;
  }

  /** Writes the globals this expression reads: the tick, reward, task id and z. */
  public void bindGlobals(double[] v, int tick, double rewardValue, double taskValue, double[] zs) {
    if (t >= 0) {
      v[t] = tick;
    }
    if (reward >= 0) {
      v[reward] = rewardValue;
    }
    if (task >= 0) {
      v[task] = taskValue;
    }
    if (z >= 0) {
      for (int k = 0; k < zs.length; k++) {
        v[z + k] = zs[k];
      }
    }
  }

  /**
   * Writes what it reads of node i (the emitter, the vesicle's node, the releasing node, or the
   * node a move leaves): a_i, e_i, g_i, spike_i and the memory trace m_i (m floats per node).
   */
  public void bindNode(
      double[] v, int i, float[] a, float[] e, float[] g, float[] spike, float[] memory, int m) {
    if (ai >= 0) {
      v[ai] = a[i];
    }
    if (ei >= 0) {
      v[ei] = e[i];
    }
    if (gi >= 0) {
      v[gi] = g[i];
    }
    if (spikei >= 0) {
      v[spikei] = spike[i];
    }
    if (mi >= 0) {
      for (int k = 0, o = i * m; k < m; k++) {
        v[mi + k] = memory[o + k];
      }
    }
  }

  /** Writes what it reads of the move to j: a_j, e_j, g_j, m_j, the weight, stay and dir. */
  public void bindMove(
      double[] v,
      int j,
      float[] a,
      float[] e,
      float[] g,
      float[] memory,
      int m,
      double weight,
      int direction) {
    if (aj >= 0) {
      v[aj] = a[j];
    }
    if (ej >= 0) {
      v[ej] = e[j];
    }
    if (gj >= 0) {
      v[gj] = g[j];
    }
    if (mj >= 0) {
      for (int k = 0, o = j * m; k < m; k++) {
        v[mj + k] = memory[o + k];
      }
    }
    if (wij >= 0) {
      v[wij] = weight;
    }
    if (stay >= 0) {
      v[stay] = direction == 0 ? 1 : 0;
    }
    if (dir >= 0) {
      v[dir] = direction;
    }
  }

  /** Writes what it reads of a vesicle (or, for a release map, of the released payload sum). */
  public void bindPayload(double[] v, float[] payload, int offset, int d) {
    if (c >= 0) {
      for (int k = 0; k < d; k++) {
        v[c + k] = payload[offset + k];
      }
    }
  }

  /** Writes the vesicle's internal state s (p floats from {@code offset}). */
  public void bindState(double[] v, float[] state, int offset, int p) {
    if (s >= 0) {
      for (int k = 0; k < p; k++) {
        v[s + k] = state[offset + k];
      }
    }
  }

  /** A fresh values array of the right size, for one thread. */
  public double[] values() {
    return new double[size()];
  }

  @Override
  public String toString() {
    return expression.source();
  }
}
