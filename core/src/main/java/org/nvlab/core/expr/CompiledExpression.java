package org.nvlab.core.expr;

/**
 * An expression compiled to JVM bytecode: {@link #evaluate} reads the variables from {@code values}
 * at the slots of the expression's {@link ExpressionContext} and returns the result.
 * Implementations are generated hidden classes; they hold no state, so one instance may be called
 * from any number of threads. Evaluation never throws for any numbers (results follow IEEE 754: NaN
 * and infinities propagate); {@code values} shorter than the context's size is a programming error
 * (ArrayIndexOutOfBoundsException).
 */
public interface CompiledExpression {

  /** The expression's value for these variable values. */
  double evaluate(double[] values);

  /** The checked expression this was compiled from (its source, context and tree). */
  Expression expression();
}
