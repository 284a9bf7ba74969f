package org.nvlab.core.expr;

/**
 * What the parser accepts at most: source characters, nesting levels (each parenthesis, call
 * argument list, unary sign, power and conditional branch opens one) and syntax nodes. The parser
 * recurses only when it opens a level, so the depth limit also bounds its stack.
 */
record Limits(int maxLength, int maxDepth, int maxNodes) {
  static final Limits DEFAULT =
      new Limits(Expression.MAX_LENGTH, Expression.MAX_DEPTH, Expression.MAX_NODES);
}
