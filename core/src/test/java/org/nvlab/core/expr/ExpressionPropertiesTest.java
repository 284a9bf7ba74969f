package org.nvlab.core.expr;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Properties over thousands of random expressions from {@link Reference} (fixed seeds, so a failure
 * repeats): compiled code and the interpreter agree to the bit with the reference's own evaluation,
 * and the parser rebuilds exactly the tree that was written.
 */
class ExpressionPropertiesTest {
  private static final int EXPRESSIONS = 4_000;
  private static final int INPUTS_EACH = 5;

  @Test
  void compiledCodeAndTheInterpreterAgreeWithTheReferenceOnRandomExpressions() {
    Random rnd = new Random(20261130L);
    int constants = 0;
    for (int i = 0; i < EXPRESSIONS; i++) {
      Reference.Ref tree = Reference.tree(rnd, 1 + rnd.nextInt(5));
      String source = Reference.print(tree, rnd.nextBoolean());
      Expression e = parse(source);
      CompiledExpression f = e.compile();
      constants += e.isConstant() ? 1 : 0;
      for (int k = 0; k < INPUTS_EACH; k++) {
        double[] v = Reference.values(rnd);
        double want = tree.eval(v);
        same(want, f.evaluate(v.clone()), "compiled", source, v);
        same(want, e.evaluate(v.clone()), "interpreted", source, v);
      }
    }
    // constant folding was exercised too
    assertEquals(true, constants > 20, "only " + constants + " constant expressions");
  }

  @Test
  void theParserRebuildsTheTreeThatWasWritten() {
    Random rnd = new Random(42L);
    for (int i = 0; i < EXPRESSIONS; i++) {
      Reference.Ref tree = Reference.tree(rnd, 1 + rnd.nextInt(6));
      String written = Reference.print(tree, rnd.nextBoolean());
      // The canonical form keeps only the parentheses precedence needs: had the parser grouped
      // anything differently from the reference's precedence table, the two would differ.
      String canonical = Reference.print(Reference.bare(tree), true);
      assertEquals(canonical, parse(written).toString(), written);
      assertEquals(canonical, parse(canonical).toString(), canonical);
    }
  }

  private static Expression parse(String source) {
    try {
      return Expression.parse(source, Reference.CONTEXT);
    } catch (ExpressionException ex) {
      throw new AssertionError("rejected " + source + ": " + ex.getMessage(), ex);
    }
  }

  private static void same(double want, double got, String how, String source, double[] v) {
    if (Double.doubleToLongBits(want) != Double.doubleToLongBits(got)) {
      fail(
          how
              + " "
              + source
              + " gave "
              + got
              + ", the reference "
              + want
              + ", for "
              + Reference.CONTEXT
              + " = "
              + Arrays.toString(v));
    }
  }
}
