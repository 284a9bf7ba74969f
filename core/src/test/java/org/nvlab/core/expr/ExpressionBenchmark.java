package org.nvlab.core.expr;

import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * JMH benchmark of one evaluation of {@code exp(beta * a_j - dist) + 0.5 * g_j}: compiled to a
 * hidden class, written in Java, and interpreted from the tree. The values sit in a field (not
 * constants) and the result is returned (consumed by JMH), so nothing folds away. Not part of the
 * test suite; run it with the command in docs/performance.md.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class ExpressionBenchmark {
  private double[] values;
  private CompiledExpression compiled;
  private Expression tree;

  @Setup(Level.Trial)
  public void setUp() throws ExpressionException {
    ExpressionContext ctx =
        ExpressionContext.builder().scalars("beta", "a_j", "dist", "g_j").build();
    tree = Expression.parse("exp(beta * a_j - dist) + 0.5 * g_j", ctx);
    compiled = tree.compile();
    values = new double[] {1.5, 0.25, 0.75, -0.5};
  }

  @Benchmark
  public double compiled() {
    return compiled.evaluate(values);
  }

  @Benchmark
  public double handWritten() {
    double[] v = values;
    return Math.exp(v[0] * v[1] - v[2]) + 0.5 * v[3];
  }

  @Benchmark
  public double interpreted() {
    return tree.evaluate(values);
  }
}
