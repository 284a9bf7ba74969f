package org.nvlab.core.process;

import org.nvlab.core.graph.Neighbourhood;
import org.nvlab.core.host.Host;
import org.nvlab.core.rule.RuleExpression;
import org.nvlab.core.vesicle.KernelRule;

/**
 * Migration (SPEC section 4): the softmax kernel K(i, j) = exp(z(i, j)/T) / sum exp(z(i, j')/T)
 * over the moves of node i.
 *
 * <p>Kernels without a content term are sampled from per-node alias tables (Walker/Vose): entry k
 * of node i is three ints {limit, primary, alias}; a 32-bit draw u picks column floor(u * size /
 * 2^32) and keeps its primary destination when the remaining fraction (31 bits) is at most the
 * limit, else takes the alias. One random access per hop. Static kernels build the tables once
 * (again when weights change, if they read weights); kernels over node state rebuild them every
 * tick. Content kernels add c . k_j / sqrt(d) per vesicle and are sampled by inversion over the
 * node's row.
 */
public final class Migration {
  private Migration() {}

  /** Ints per move in the wide table format: {limit, primary destination, alias destination}. */
  public static final int ENTRY = 3;

  /**
   * Ints per move in the compact format: {limit (24 bits) and alias column (8 bits), destination}.
   */
  public static final int COMPACT_ENTRY = 2;

  /** The compact format serves nodes with up to this many moves (the alias column is 8 bits). */
  public static final int COMPACT_MAX_MOVES = 256;

  private static final int COMPACT_ONE = 1 << 24;

  /**
   * Writes z(i, j) / T for the entries of nodes [from, to). With T = 0 the logits are left unscaled
   * and {@link #isGreedy} tells samplers to take the argmax; with T infinite all are 0.
   */
  public static void logits(
      KernelRule k, Neighbourhood nb, Host host, float[] out, int from, int to) {
    if (k.score() != null) {
      throw new IllegalStateException("a score expression needs its values and globals");
    }
    logits(k, nb, host, out, from, to, null, 0, null);
  }

  /**
   * Writes z(i, j) / T for the entries of nodes [from, to), evaluating the kernel's score
   * expression when it has one that reads only nodes (with {@code values} as work space and the
   * tick's globals); a score over the vesicle is evaluated per vesicle by {@link #expressionHop},
   * so here only the edge bias is written. Returns null, or what went wrong: a score that is not a
   * finite number, naming the node, the move and the value.
   */
  public static String logits(
      KernelRule k,
      Neighbourhood nb,
      Host host,
      float[] out,
      int from,
      int to,
      double[] values,
      int tick,
      Globals globals) {
    RuleExpression score = k.score();
    if (score != null) {
      return scoreLogits(k, score, nb, host, out, from, to, values, tick, globals);
    }
    float[] th = k.theta();
    double t = k.temperature();
    double inv = isGreedy(k) ? 1.0 : (Double.isInfinite(t) ? 0.0 : 1.0 / t);
    int[] start = nb.start();
    int[] dst = nb.destination();
    int[] edge = nb.edge();
    byte[] dir = nb.direction();
    float[] w = host.weight();
    float[] a = host.activation();
    float[] e = host.error();
    float[] g = host.gate();
    float[] bias = k.edgeBias();
    for (int i = from; i < to; i++) {
      for (int q = start[i]; q < start[i + 1]; q++) {
        int j = dst[q];
        double z =
            (dir[q] != 0 ? th[KernelRule.BIAS] : 0.0)
                + (edge[q] >= 0 ? th[KernelRule.WEIGHT] * w[edge[q]] : 0.0)
                + th[KernelRule.ACTIVATION] * a[j]
                + th[KernelRule.ABS_ERROR] * Math.abs(e[j])
                + th[KernelRule.DIRECTION] * dir[q]
                + th[KernelRule.GATE] * g[j]
                + (bias != null ? bias[q] : 0.0);
        out[q] = (float) (z * inv);
      }
    }
    return null;
  }

  private static String scoreLogits(
      KernelRule k,
      RuleExpression score,
      Neighbourhood nb,
      Host host,
      float[] out,
      int from,
      int to,
      double[] v,
      int tick,
      Globals globals) {
    double t = k.temperature();
    double inv = isGreedy(k) ? 1.0 : (Double.isInfinite(t) ? 0.0 : 1.0 / t);
    int[] start = nb.start();
    int[] dst = nb.destination();
    int[] edge = nb.edge();
    byte[] dir = nb.direction();
    float[] bias = k.edgeBias();
    boolean perVesicle = score.readsVesicle();
    float[] w = host.weight();
    float[] a = host.activation();
    float[] e = host.error();
    float[] g = host.gate();
    float[] memory = host.memory();
    int m = host.memoryDim();
    if (!perVesicle) {
      score.bindGlobals(v, tick, globals.reward, globals.task, globals.z);
    }
    for (int i = from; i < to; i++) {
      if (!perVesicle) {
        score.bindNode(v, i, a, e, g, host.spike(), memory, m);
      }
      for (int q = start[i]; q < start[i + 1]; q++) {
        double z = bias != null ? bias[q] : 0.0;
        if (!perVesicle) {
          int j = dst[q];
          score.bindMove(v, j, a, e, g, memory, m, edge[q] >= 0 ? w[edge[q]] : 0.0, dir[q]);
          double y = score.evaluate(v);
          if (!Double.isFinite(y)) {
            return "the kernel score \""
                + score.source()
                + "\" is "
                + y
                + " for the move from node "
                + i
                + " to node "
                + j
                + " (a score must be a finite number; use a large negative one to rule a move out)";
          }
          z += y;
        }
        out[q] = (float) (z * inv);
      }
    }
    return null;
  }

  /**
   * One hop of a kernel whose score expression reads the vesicle: for each move of node i, the
   * row's logit (edge bias) plus score / T plus the content term, sampled by inversion with {@code
   * u}. {@code v} must hold the globals, node i's and the vesicle's values already. Returns the
   * destination j, or -(j + 2) when the score of the move to j is not a finite number ({@code
   * scratch[0]} then holds the value).
   */
  public static int expressionHop(
      Neighbourhood nb,
      float[] logits,
      boolean greedy,
      double inv,
      RuleExpression score,
      double[] v,
      Host host,
      int i,
      float[] payload,
      int payloadOffset,
      int d,
      float[] keys,
      double contentFactor,
      double u,
      double[] scratch) {
    int s = nb.start()[i];
    int m = nb.start()[i + 1] - s;
    int[] dst = nb.destination();
    int[] edge = nb.edge();
    byte[] dir = nb.direction();
    float[] w = host.weight();
    float[] a = host.activation();
    float[] e = host.error();
    float[] g = host.gate();
    float[] memory = host.memory();
    int md = host.memoryDim();
    double norm = contentFactor / Math.sqrt(Math.max(1, d));
    double max = Double.NEGATIVE_INFINITY;
    for (int k = 0; k < m; k++) {
      int q = s + k;
      int j = dst[q];
      score.bindMove(v, j, a, e, g, memory, md, edge[q] >= 0 ? w[edge[q]] : 0.0, dir[q]);
      double y = score.evaluate(v);
      if (!Double.isFinite(y)) {
        scratch[0] = y;
        return -(j + 2);
      }
      double z = logits[q] + inv * y;
      if (contentFactor != 0) {
        double dot = 0;
        int ko = j * d;
        for (int c = 0; c < d; c++) {
          dot += payload[payloadOffset + c] * keys[ko + c];
        }
        z += norm * dot;
      }
      scratch[k] = z;
      max = Math.max(max, z);
    }
    return sample(scratch, m, max, greedy, u, dst, s, i);
  }

  /** Samples a move by inversion from the scores in {@code scratch[0..m)} (their max given). */
  private static int sample(
      double[] scratch, int m, double max, boolean greedy, double u, int[] dst, int s, int i) {
    double sum = 0;
    for (int k = 0; k < m; k++) {
      double p = greedy ? (scratch[k] == max ? 1.0 : 0.0) : Math.exp(scratch[k] - max);
      scratch[k] = p;
      sum += p;
    }
    double target = u * sum;
    double acc = 0;
    for (int k = 0; k < m - 1; k++) {
      acc += scratch[k];
      if (target < acc) {
        return dst[s + k];
      }
    }
    // Rounding can leave target >= acc at the end; take the last move with positive weight.
    for (int k = m - 1; k >= 0; k--) {
      if (scratch[k] > 0) {
        return dst[s + k];
      }
    }
    return i;
  }

  /** T = 0: deterministic routing to the best-scoring move (ties shared equally). */
  public static boolean isGreedy(KernelRule k) {
    return k.temperature() <= 0;
  }

  /** The kernel row of node i as probabilities (for tests, previews and the density model). */
  public static void probabilities(
      Neighbourhood nb, float[] logits, boolean greedy, int i, double[] out) {
    int s = nb.start()[i];
    int m = nb.start()[i + 1] - s;
    double max = Double.NEGATIVE_INFINITY;
    for (int k = 0; k < m; k++) {
      max = Math.max(max, logits[s + k]);
    }
    double sum = 0;
    for (int k = 0; k < m; k++) {
      double p = greedy ? (logits[s + k] == max ? 1.0 : 0.0) : Math.exp(logits[s + k] - max);
      out[k] = p;
      sum += p;
    }
    for (int k = 0; k < m; k++) {
      out[k] /= sum;
    }
  }

  /**
   * Vose's alias construction for one row: on entry prob[0..m) holds the move probabilities
   * (summing to 1); on return prob[k] is the probability of keeping column k and alias[k] the
   * column taken otherwise. Columns whose share rounds to a whole column keep themselves.
   */
  static void vose(double[] prob, int m, int[] small, int[] large, int[] alias) {
    int ns = 0;
    int nl = 0;
    for (int k = 0; k < m; k++) {
      prob[k] *= m;
      alias[k] = k;
      if (prob[k] < 1.0) {
        small[ns++] = k;
      } else {
        large[nl++] = k;
      }
    }
    while (ns > 0 && nl > 0) {
      int l = small[--ns];
      int g = large[--nl];
      alias[l] = g;
      prob[g] = (prob[g] + prob[l]) - 1.0;
      if (prob[g] < 1.0) {
        small[ns++] = g;
      } else {
        large[nl++] = g;
      }
    }
    // What remains has probability 1 up to rounding: the column is its own alias.
    while (nl > 0) {
      prob[large[--nl]] = 1.0;
    }
    while (ns > 0) {
      prob[small[--ns]] = 1.0;
    }
  }

  /**
   * Builds wide alias rows (ENTRY ints per move: limit, destination, alias destination) for nodes
   * [from, to). Scratch arrays must hold {@link Neighbourhood#maxSize()} elements.
   */
  public static void buildAlias(
      Neighbourhood nb,
      float[] logits,
      boolean greedy,
      int[] table,
      int from,
      int to,
      double[] prob,
      int[] small,
      int[] large,
      int[] alias) {
    int[] start = nb.start();
    int[] dst = nb.destination();
    for (int i = from; i < to; i++) {
      int s = start[i];
      int m = start[i + 1] - s;
      probabilities(nb, logits, greedy, i, prob);
      vose(prob, m, small, large, alias);
      for (int k = 0; k < m; k++) {
        int base = (s + k) * ENTRY;
        table[base] = Docking.limit(prob[k]);
        table[base + 1] = dst[s + k];
        table[base + 2] = dst[s + alias[k]];
      }
    }
  }

  /**
   * One hop by a wide alias table: {@code u32} is a uniform 32-bit value, {@code offset} and {@code
   * size} the node's first move and number of moves.
   */
  public static int hop(int[] table, int offset, int size, long u32) {
    long prod = u32 * size;
    int base = (offset + (int) (prod >>> 32)) * ENTRY;
    long frac31 = (prod & 0xFFFFFFFFL) >>> 1;
    int primary = table[base + 1];
    int alias = table[base + 2];
    // Branch-free select: the keep/alias outcome is a coin flip for the CPU's predictor, and a
    // mispredicted branch here would serialise the otherwise independent table look-ups.
    int keep = (int) ((frac31 - table[base] - 1) >> 63); // -1 when frac31 <= limit
    return alias ^ ((primary ^ alias) & keep);
  }

  /**
   * Builds compact alias rows for nodes [from, to): a node whose moves start at entry o has, at
   * ints 2o..2o+m-1, (limit << 8 | alias column) per column, and at 2o+m..2o+2m-1 the destinations.
   * Limits have 24 bits: column probabilities are exact to 2^-24 (the precision of a float), and a
   * row costs 8 bytes per move instead of 12, so half again as many nodes' rows fit a cache. Rows
   * must have at most {@link #COMPACT_MAX_MOVES} moves.
   */
  public static void buildCompact(
      Neighbourhood nb,
      float[] logits,
      boolean greedy,
      int[] table,
      int from,
      int to,
      double[] prob,
      int[] small,
      int[] large,
      int[] alias) {
    int[] start = nb.start();
    int[] dst = nb.destination();
    for (int i = from; i < to; i++) {
      int s = start[i];
      int m = start[i + 1] - s;
      int row = s * COMPACT_ENTRY;
      probabilities(nb, logits, greedy, i, prob);
      vose(prob, m, small, large, alias);
      for (int k = 0; k < m; k++) {
        int limit = (int) Math.min(COMPACT_ONE - 1, Math.round(prob[k] * COMPACT_ONE));
        table[row + k] = (limit << 8) | alias[k];
        table[row + m + k] = dst[s + k];
      }
    }
  }

  /**
   * One hop by a compact alias table: {@code row} is the node's first int (2 * its first move),
   * {@code size} its number of moves, {@code u32} a uniform 32-bit value.
   */
  public static int hopCompact(int[] table, int row, int size, long u32) {
    long prod = u32 * size;
    int col = (int) (prod >>> 32);
    int e = table[row + col];
    int frac24 = (int) ((prod & 0xFFFFFFFFL) >>> 8);
    int alias = e & 0xFF;
    int keep = (frac24 - (e >>> 8)) >> 31; // -1 when frac24 < limit: keep the column
    return table[row + size + (alias ^ ((col ^ alias) & keep))];
  }

  /**
   * One hop of a content kernel: logits of node i's row plus scale * c . k_dst / sqrt(d), sampled
   * by inversion with uniform {@code u}. {@code keys} holds d floats per node (the fixed keys or
   * the memory trace, whose width must be d).
   */
  public static int contentHop(
      Neighbourhood nb,
      float[] logits,
      boolean greedy,
      int i,
      float[] payload,
      int payloadOffset,
      int d,
      float[] keys,
      double scale,
      double u,
      double[] scratch) {
    int s = nb.start()[i];
    int m = nb.start()[i + 1] - s;
    int[] dst = nb.destination();
    double norm = scale / Math.sqrt(Math.max(1, d));
    double max = Double.NEGATIVE_INFINITY;
    for (int k = 0; k < m; k++) {
      int j = dst[s + k];
      double dot = 0;
      int ko = j * d;
      for (int c = 0; c < d; c++) {
        dot += payload[payloadOffset + c] * keys[ko + c];
      }
      double z = logits[s + k] + norm * dot;
      scratch[k] = z;
      max = Math.max(max, z);
    }
    return sample(scratch, m, max, greedy, u, dst, s, i);
  }
}
