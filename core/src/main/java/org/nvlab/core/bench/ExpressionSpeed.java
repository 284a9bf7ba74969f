package org.nvlab.core.bench;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.nvlab.core.expr.CompiledExpression;
import org.nvlab.core.expr.Expression;
import org.nvlab.core.expr.ExpressionContext;
import org.nvlab.core.expr.ExpressionException;

/**
 * Times a compiled user expression against the same formula written in Java, in one process, the
 * two interleaved repetition by repetition so that a change of load shifts both alike. Both loops
 * have the same shape: for every row of variable values, write the result to an output array (which
 * escapes, so nothing can be optimised away); a checksum of the outputs is compared at the end, so
 * the two must also have computed the same numbers.
 *
 * <p>Also measured: the compiled expression called from a call site that has seen several compiled
 * expressions (megamorphic, as in an engine loop that evaluates whichever expression a type
 * declares), the tree-walking interpreter, and the time to compile.
 */
public final class ExpressionSpeed {
  /** The expression timed, over four variables: a docking-logit-like formula. */
  public static final String EXPRESSION = "exp(beta * a_j - dist) + 0.5 * g_j";

  /** The formula of {@link #EXPRESSION} in Java, over the same slots. */
  static double handWritten(double[] v) {
    return Math.exp(v[0] * v[1] - v[2]) + 0.5 * v[3];
  }

  /** Three other expressions, compiled to other classes, that make a call site megamorphic. */
  private static final List<String> OTHERS =
      List.of("beta * a_j + dist", "sigmoid(g_j) - dist", "a_j > 0 ? beta : dist * g_j");

  /** What to run: rows of values, evaluations per timed repetition, repetitions, warm-up ones. */
  public record Options(int rows, long evaluations, int reps, int warmupReps, long seed) {}

  private ExpressionSpeed() {}

  public static ExpressionContext context() {
    return ExpressionContext.builder().scalars("beta", "a_j", "dist", "g_j").build();
  }

  public static Map<String, Object> run(Options o) {
    ExpressionContext ctx = context();
    CompiledExpression f;
    CompiledExpression[] others = new CompiledExpression[OTHERS.size()];
    try {
      f = Expression.compile(EXPRESSION, ctx);
      for (int i = 0; i < others.length; i++) {
        others[i] = Expression.compile(OTHERS.get(i), ctx);
      }
    } catch (ExpressionException e) {
      throw new IllegalStateException(e);
    }
    Expression tree = f.expression();
    SplittableRandom rnd = new SplittableRandom(o.seed());
    double[][] rows = new double[o.rows()][4];
    for (double[] r : rows) {
      r[0] = 0.5 + rnd.nextDouble() * 2; // beta
      r[1] = rnd.nextDouble() * 2 - 1; // a_j
      r[2] = rnd.nextDouble() * 3; // dist
      r[3] = rnd.nextDouble() * 2 - 1; // g_j
    }
    double[] out = new double[o.rows()];
    int passes = (int) Math.max(1, o.evaluations() / o.rows());
    int interpretedPasses = Math.max(1, passes / 20);

    // Pollute the shared call site with four classes before anything compiles it.
    for (int k = 0; k < 2_000; k++) {
      shared(others[k % others.length], rows, out, 1);
      shared(f, rows, out, 1);
    }
    for (int r = 0; r < o.warmupReps(); r++) {
      compiled(f, rows, out, passes);
      handWritten(rows, out, passes);
      shared(f, rows, out, passes);
      interpreted(tree, rows, out, interpretedPasses);
    }

    double[] compiledNs = new double[o.reps()];
    double[] handNs = new double[o.reps()];
    double[] sharedNs = new double[o.reps()];
    double[] interpretedNs = new double[o.reps()];
    double evaluations = (double) passes * o.rows();
    for (int r = 0; r < o.reps(); r++) {
      // alternate the order, so neither side always runs right after the other
      if (r % 2 == 0) {
        compiledNs[r] = compiled(f, rows, out, passes) / evaluations;
        handNs[r] = handWritten(rows, out, passes) / evaluations;
      } else {
        handNs[r] = handWritten(rows, out, passes) / evaluations;
        compiledNs[r] = compiled(f, rows, out, passes) / evaluations;
      }
      sharedNs[r] = shared(f, rows, out, passes) / evaluations;
      interpretedNs[r] =
          interpreted(tree, rows, out, interpretedPasses) / ((double) interpretedPasses * o.rows());
    }

    handWritten(rows, out, 1);
    double handSum = checksum(out);
    compiled(f, rows, out, 1);
    double compiledSum = checksum(out);

    double compileUs = compileMicros(ctx);
    double c = EngineBenchmark.median(compiledNs);
    double h = EngineBenchmark.median(handNs);
    // Each repetition times both sides back to back: the median of those paired ratios is
    // steadier under a changing load than the ratio of the two medians.
    double[] pairs = new double[o.reps()];
    for (int r = 0; r < o.reps(); r++) {
      pairs[r] = compiledNs[r] / handNs[r];
    }
    double ratio = EngineBenchmark.median(pairs);
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("expression", EXPRESSION);
    m.put("hand_written", "Math.exp(v[0] * v[1] - v[2]) + 0.5 * v[3]");
    m.put("rows", o.rows());
    m.put("evaluations_per_rep", passes * (long) o.rows());
    m.put("reps", o.reps());
    m.put("compiled_ns", round(c));
    m.put("hand_written_ns", round(h));
    m.put("ratio", round(ratio));
    m.put("ratio_of_medians", round(c / h));
    m.put("target_ratio", 1.5);
    m.put("within_target", ratio <= 1.5);
    m.put("compiled_megamorphic_ns", round(EngineBenchmark.median(sharedNs)));
    m.put("interpreted_ns", round(EngineBenchmark.median(interpretedNs)));
    m.put("compile_us", round(compileUs));
    m.put("compiled_ns_reps", rounded(compiledNs));
    m.put("hand_written_ns_reps", rounded(handNs));
    m.put("same_results", Double.compare(handSum, compiledSum) == 0);
    m.put("checksum", handSum);
    return m;
  }

  private static long compiled(CompiledExpression f, double[][] rows, double[] out, int passes) {
    long t0 = System.nanoTime();
    for (int p = 0; p < passes; p++) {
      for (int i = 0; i < rows.length; i++) {
        out[i] = f.evaluate(rows[i]);
      }
    }
    return System.nanoTime() - t0;
  }

  private static long handWritten(double[][] rows, double[] out, int passes) {
    long t0 = System.nanoTime();
    for (int p = 0; p < passes; p++) {
      for (int i = 0; i < rows.length; i++) {
        out[i] = handWritten(rows[i]);
      }
    }
    return System.nanoTime() - t0;
  }

  /** The same loop as {@link #compiled}, but its call site has seen four expression classes. */
  private static long shared(CompiledExpression f, double[][] rows, double[] out, int passes) {
    long t0 = System.nanoTime();
    for (int p = 0; p < passes; p++) {
      for (int i = 0; i < rows.length; i++) {
        out[i] = f.evaluate(rows[i]);
      }
    }
    return System.nanoTime() - t0;
  }

  private static long interpreted(Expression e, double[][] rows, double[] out, int passes) {
    long t0 = System.nanoTime();
    for (int p = 0; p < passes; p++) {
      for (int i = 0; i < rows.length; i++) {
        out[i] = e.evaluate(rows[i]);
      }
    }
    return System.nanoTime() - t0;
  }

  /** Median microseconds to parse, check and compile the expression (a new class each time). */
  private static double compileMicros(ExpressionContext ctx) {
    double[] us = new double[200];
    double sink = 0;
    try {
      for (int i = 0; i < 2 * us.length; i++) {
        long t0 = System.nanoTime();
        CompiledExpression g = Expression.compile(EXPRESSION, ctx);
        long t = System.nanoTime() - t0;
        sink += g.evaluate(new double[] {1, 1, 1, 1});
        if (i >= us.length) {
          us[i - us.length] = t / 1e3;
        }
      }
    } catch (ExpressionException e) {
      throw new IllegalStateException(e);
    }
    if (Double.isNaN(sink)) {
      throw new IllegalStateException("compiled expression gave NaN");
    }
    return EngineBenchmark.median(us);
  }

  private static double checksum(double[] out) {
    double s = 0;
    for (double x : out) {
      s += x;
    }
    return s;
  }

  private static double round(double v) {
    return Math.round(v * 1000) / 1000.0;
  }

  private static double[] rounded(double[] a) {
    return Arrays.stream(a).map(ExpressionSpeed::round).toArray();
  }
}
